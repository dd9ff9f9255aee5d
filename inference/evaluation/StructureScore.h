#pragma once
// How well an estimated structure matches a reference, scored as MIREX structural segmentation is:
// - boundary hit rate F-measure within a window (HR3F at 3 s, HR.5F at 0.5 s): estimated and reference section
//   starts (the song's own start excluded) matched one to one;
// - pairwise frame clustering F (mir_eval.segment.pairwise): over all pairs of 0.1 s frames, does the estimate
//   put the same two frames in one repetition group exactly when the reference does?
#include <QVector>

namespace s2a::inference::evaluation {

// Greedy one-to-one matching of boundaries within `window` seconds (closest first per reference); the hits.
int boundaryHits(const QVector<double>& reference, const QVector<double>& estimate, double window);

// The F-measure of `hits` against counts of reference and estimated boundaries; 1 when both are empty.
double fMeasure(int hits, int referenceCount, int estimateCount);

// A segmentation: section starts in seconds (ascending, the first at 0) with each section's group.
struct GroupedSegments {
    QVector<double> starts;
    QVector<int> groups;
};

struct PairwiseScore {
    double precision = 0.0;
    double recall = 0.0;
    double f = 0.0;
};

PairwiseScore pairwiseGrouping(const GroupedSegments& reference, const GroupedSegments& estimate, double duration,
                               double frameSeconds = 0.1);

}  // namespace s2a::inference::evaluation
