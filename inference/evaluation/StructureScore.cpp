#include "inference/evaluation/StructureScore.h"

#include <cmath>
#include <map>

namespace s2a::inference::evaluation {

int boundaryHits(const QVector<double>& reference, const QVector<double>& estimate, double window)
{
    QVector<bool> used(estimate.size(), false);
    int hits = 0;
    for (double r : reference) {
        int best = -1;
        for (int i = 0; i < estimate.size(); ++i)
            if (!used[i] && std::abs(estimate[i] - r) <= window
                && (best < 0 || std::abs(estimate[i] - r) < std::abs(estimate[best] - r)))
                best = i;
        if (best >= 0) {
            used[best] = true;
            ++hits;
        }
    }
    return hits;
}

double fMeasure(int hits, int referenceCount, int estimateCount)
{
    if (referenceCount == 0 && estimateCount == 0)
        return 1.0;
    const double p = estimateCount ? double(hits) / estimateCount : 0.0;
    const double r = referenceCount ? double(hits) / referenceCount : 0.0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

namespace {

// The group of each frame.
QVector<int> frameGroups(const GroupedSegments& s, double duration, double frameSeconds)
{
    const int frames = static_cast<int>(duration / frameSeconds);
    QVector<int> out(frames, -1);
    int section = 0;
    for (int f = 0; f < frames; ++f) {
        const double t = (f + 0.5) * frameSeconds;
        while (section + 1 < s.starts.size() && s.starts[section + 1] <= t)
            ++section;
        out[f] = s.groups.value(section, -1);
    }
    return out;
}

// Frame pairs that share a group: sum over groups of n(n-1)/2, computed from counts rather than pairs.
double samePairs(const std::map<int, double>& counts)
{
    double pairs = 0.0;
    for (const auto& [group, n] : counts)
        pairs += n * (n - 1) / 2;
    return pairs;
}

}  // namespace

PairwiseScore pairwiseGrouping(const GroupedSegments& reference, const GroupedSegments& estimate, double duration,
                               double frameSeconds)
{
    const QVector<int> ref = frameGroups(reference, duration, frameSeconds);
    const QVector<int> est = frameGroups(estimate, duration, frameSeconds);
    std::map<int, double> refCount, estCount;
    std::map<std::pair<int, int>, double> both;
    for (int f = 0; f < ref.size(); ++f) {
        refCount[ref[f]] += 1;
        estCount[est[f]] += 1;
        both[{ref[f], est[f]}] += 1;
    }
    double agree = 0.0;
    for (const auto& [pair, n] : both)
        agree += n * (n - 1) / 2;
    const double refPairs = samePairs(refCount), estPairs = samePairs(estCount);
    PairwiseScore score;
    score.precision = estPairs > 0 ? agree / estPairs : 0.0;
    score.recall = refPairs > 0 ? agree / refPairs : 0.0;
    score.f = score.precision + score.recall > 0 ? 2 * score.precision * score.recall / (score.precision + score.recall) : 0.0;
    return score;
}

}  // namespace s2a::inference::evaluation
