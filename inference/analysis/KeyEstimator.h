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

// Averages the partial-subtracted peak chroma (Features::pitchChroma) over each beat (so long notes and many
// short ones count per beat, not per frame), scales each beat to unit maximum (quiet sections count as much
// as loud ones), sums, and correlates the result with the 24 rotations of an equal blend of the
// Krumhansl-Kessler and Temperley profiles. The bass chroma, summed the same way, adds its own correlation
// at half weight: the root it carries separates relative major and minor. On the arranger test songs this
// took key accuracy from 65 % (plain STFT-bin chroma, Krumhansl-Kessler only) to 85 %.
KeyResult estimateKey(const Features& features, const std::vector<double>& beats);

}  // namespace s2a::inference::analysis
