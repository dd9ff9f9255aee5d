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

constexpr double kTemperleyWeight = 0.0;

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

KeyResult estimateKey(const Features& features, const std::vector<double>& beats)
{
    const FrameMatrix& chroma = features.chroma;
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
    Profile total{};
    for (size_t b = 0; b + 1 < bounds.size(); ++b) {
        Profile beat{};
        for (int f = bounds[b]; f < bounds[b + 1]; ++f)
            for (int c = 0; c < 12; ++c)
                beat[c] += chroma.row(f)[c];
        const double peak = *std::max_element(beat.begin(), beat.end());
        if (peak <= 1e-6)
            continue;
        for (int c = 0; c < 12; ++c)
            total[c] += beat[c] / peak;
    }
    KeyResult result;
    if (*std::max_element(total.begin(), total.end()) <= 0.0)
        return result;
    double best = -1e9, second = -1e9;
    for (int mode = 0; mode < 2; ++mode) {
        for (int tonic = 0; tonic < 12; ++tonic) {
            const double s = mode == 0 ? correlation(total, kKrumhanslMajor, tonic) + kTemperleyWeight * correlation(total, kTemperleyMajor, tonic)
                                       : correlation(total, kKrumhanslMinor, tonic) + kTemperleyWeight * correlation(total, kTemperleyMinor, tonic);
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
