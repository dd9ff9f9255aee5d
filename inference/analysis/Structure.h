#pragma once

// Structure segmentation on the bar grid: bar-synchronous features, self-similarity, multi-scale checkerboard
// novelty, peak picking on bar lines, repetition grouping and functional labels.
#include "core/model/Labels.h"
#include "inference/analysis/Features.h"

#include <vector>

namespace s2a::inference::analysis {

struct Segment {
    int firstBar = 0;   // index into the bar grid
    int endBar = 0;     // one past the last bar
    int group = 0;      // A = 0, B = 1, ... in order of first appearance
    double energyDb = -120.0;  // mean frame power of the segment, dB
    core::SectionLabel label = core::SectionLabel::Verse;
};

struct StructureResult {
    std::vector<Segment> segments;
    std::vector<double> barTimes;  // bar starts the segments index, plus the song end as the last entry
};

// `bars` are downbeat times (seconds), `duration` the song length. Songs with fewer than four bars come
// back as one segment.
StructureResult segmentStructure(const Features& features, const std::vector<double>& bars, double duration);

// The heuristics that name groups: most repeated loud group -> chorus, the main repeated group before it ->
// verse, quiet unique first/last segments -> intro/outro, a unique segment leading into a chorus ->
// pre-chorus, other unique segments -> bridge. Exposed for tests.
void assignLabels(std::vector<Segment>& segments);

}  // namespace s2a::inference::analysis
