#include "inference/analysis/KeyEstimator.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace s2a::inference::analysis {
namespace {

using Profile = std::array<double, 12>;

constexpr Profile kKrumhanslMajor{6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr Profile kKrumhanslMinor{6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
constexpr Profile kTemperleyMajor{5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0};
constexpr Profile kTemperleyMinor{5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0};

// Temperley's profiles pulled plain-chroma keys to the dominant (the 3rd partial of each note reads as its
// fifth); on the partial-subtracted chroma an equal blend with Krumhansl-Kessler is the better estimate.
constexpr double kTemperleyWeight = 1.0;
// The bass chroma correlated with Krumhansl-Kessler alone, whose tonic and fifth stand out most: a bass
// line dwells on roots, so it is a second, root-heavy view of the tonality (the Temperley blend measured
// worse here).
constexpr double kBassWeight = 0.5;

double correlation(const Profile& chroma, const Profile& profile, int tonic)
{
    double mc = 0, mp = 0;
    for (int i = 0; i < 12; ++i) {
        mc += chroma[i];
        mp += profile[i];
    }
    mc /= 12;
    mp /= 12;
    double num = 0, dc = 0, dp = 0;
    for (int i = 0; i < 12; ++i) {
        const double c = chroma[(i + tonic) % 12] - mc;
        const double p = profile[i] - mp;
        num += c * p;
        dc += c * c;
        dp += p * p;
    }
    return (dc <= 0 || dp <= 0) ? 0.0 : num / std::sqrt(dc * dp);
}

}  // namespace

namespace {

// Beat-synchronous sums of a chroma matrix: per beat, so long notes and many short ones count per beat.
std::vector<Profile> beatChroma(const FrameMatrix& chroma, const std::vector<int>& bounds)
{
    std::vector<Profile> out;
    for (size_t b = 0; b + 1 < bounds.size(); ++b) {
        Profile beat{};
        for (int f = bounds[b]; f < bounds[b + 1]; ++f)
            for (int c = 0; c < 12; ++c)
                beat[c] += chroma.row(f)[c];
        out.push_back(beat);
    }
    return out;
}

// Sum of the beats, each scaled to unit maximum so quiet sections count as much as loud ones. (Weighting
// beats by their energy measured no better.)
Profile accumulate(const std::vector<Profile>& beats)
{
    Profile total{};
    for (const Profile& beat : beats) {
        const double peak = *std::max_element(beat.begin(), beat.end());
        if (peak <= 1e-6)
            continue;
        for (int c = 0; c < 12; ++c)
            total[c] += beat[c] / peak;
    }
    return total;
}

Profile normalised(Profile p)
{
    const double peak = *std::max_element(p.begin(), p.end());
    for (double& v : p)
        v = peak > 0 ? v / peak : 0.0;
    return p;
}

}  // namespace

KeyResult estimateKey(const Features& features, const std::vector<double>& beats)
{
    const FrameMatrix& chroma = features.pitchChroma;
    // Without a beat grid (ambient, very short) fixed half-second blocks stand in for beats.
    std::vector<int> bounds;
    if (beats.size() >= 2) {
        for (double t : beats)
            bounds.push_back(std::clamp(features.frameAt(t), 0, chroma.frames));
    } else {
        const int step = std::max(1, features.frameAt(0.5));
        for (int f = 0; f < chroma.frames; f += step)
            bounds.push_back(f);
    }
    bounds.push_back(chroma.frames);
    const std::vector<Profile> treble = beatChroma(chroma, bounds);
    const std::vector<Profile> bass = beatChroma(features.bassChroma, bounds);
    const Profile total = accumulate(treble);
    const Profile bassTotal = normalised(accumulate(bass));
    KeyResult result;
    if (*std::max_element(total.begin(), total.end()) <= 0.0)
        return result;
    double best = -1e9, second = -1e9;
    for (int mode = 0; mode < 2; ++mode) {
        const Profile& kk = mode == 0 ? kKrumhanslMajor : kKrumhanslMinor;
        const Profile& tp = mode == 0 ? kTemperleyMajor : kTemperleyMinor;
        for (int tonic = 0; tonic < 12; ++tonic) {
            // Treble and bass chroma both correlate with the profile; the bass adds the root, which is what
            // separates relative major and minor (same notes, different root).
            const double s = correlation(total, kk, tonic) + kTemperleyWeight * correlation(total, tp, tonic)
                             + kBassWeight * correlation(bassTotal, kk, tonic);
            if (s > best) {
                second = best;
                best = s;
                result.tonic = tonic;
                result.minor = mode == 1;
            } else if (s > second) {
                second = s;
            }
        }
    }
    result.confidence = best - second;
    result.valid = true;
    return result;
}

}  // namespace s2a::inference::analysis
