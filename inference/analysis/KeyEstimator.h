#pragma once

// Key and mode from beat-synchronous chroma and key profiles.
#include "inference/analysis/Features.h"

#include <vector>

namespace s2a::inference::analysis {

struct KeyResult {
    int tonic = 0;
    bool minor = false;
    double confidence = 0.0;  // best minus second-best summed correlation
    bool valid = false;       // false when there is no pitched content
};

// Averages chroma over each beat (so long notes and many short ones count per beat, not per frame), scales
// each beat to unit maximum (quiet sections count as much as loud ones), sums, and correlates the result
// with the 24 rotations of the Krumhansl-Kessler profiles. Temperley's profiles can be blended in
// (kTemperleyWeight in the .cpp); on the arranger test songs they pulled keys to the dominant (50 % vs 65 %
// correct), so their weight is 0 for now.
KeyResult estimateKey(const Features& features, const std::vector<double>& beats);

}  // namespace s2a::inference::analysis
