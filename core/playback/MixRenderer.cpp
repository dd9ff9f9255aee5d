#include "core/playback/MixRenderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace s2a::core {

void panGains(double gainDb, double pan, float& left, float& right)
{
    const double amplitude = std::pow(10.0, gainDb / 20.0);
    const double theta = (std::clamp(pan, -1.0, 1.0) + 1.0) * M_PI / 4.0;
    left = float(amplitude * std::cos(theta) * M_SQRT2);
    right = float(amplitude * std::sin(theta) * M_SQRT2);
}

LevelMeter measure(const float* samples, int frames)
{
    float peak = 0.0f;
    double sum = 0.0;
    for (int i = 0; i < frames; ++i) {
        peak = std::max(peak, std::fabs(samples[i]));
        sum += double(samples[i]) * samples[i];
    }
    return {peak, frames > 0 ? float(std::sqrt(sum / frames)) : 0.0f};
}

namespace {

// Adds the part of each clip that falls inside [position, position + frames) to the track's scratch.
// Returns whether any clip contributed (silent tracks skip the mix-down).
bool gatherTrack(const PlanTrack& track, SampleCount position, int frames, float* l, float* r)
{
    const SampleCount blockEnd = position + frames;
    // First clip that ends after the block starts.
    auto it = std::partition_point(track.clips.begin(), track.clips.end(),
                                   [position](const PlanClip& c) { return c.end() <= position; });
    bool any = false;
    for (; it != track.clips.end() && it->start < blockEnd; ++it) {
        const SampleCount from = std::max(position, it->start);
        const SampleCount to = std::min(blockEnd, it->end());
        if (to <= from)
            continue;
        const int offset = int(from - position);
        const SampleCount source = from - it->start;
        const int count = int(to - from);
        if (!any) {
            std::memset(l, 0, sizeof(float) * size_t(frames));
            std::memset(r, 0, sizeof(float) * size_t(frames));
            any = true;
        }
        for (int i = 0; i < count; ++i) {
            l[offset + i] += it->left[source + i];
            r[offset + i] += it->right[source + i];
        }
    }
    return any;
}

}  // namespace

void renderMix(const RenderPlan& plan, SampleCount position, int frames, float* left, float* right, float* scratch,
               LevelMeter* trackMeters)
{
    std::memset(left, 0, sizeof(float) * size_t(frames));
    std::memset(right, 0, sizeof(float) * size_t(frames));
    float* l = scratch;
    float* r = scratch + frames;
    for (std::size_t t = 0; t < plan.tracks.size(); ++t) {
        const PlanTrack& track = plan.tracks[t];
        const bool audible = track.gainLeft != 0.0f || track.gainRight != 0.0f;
        if (!audible || !gatherTrack(track, position, frames, l, r)) {
            if (trackMeters)
                trackMeters[t] = {};
            continue;
        }
        const float gl = track.gainLeft;
        const float gr = track.gainRight;
        float peak = 0.0f;
        double sum = 0.0;
        for (int i = 0; i < frames; ++i) {
            const float a = l[i] * gl;
            const float b = r[i] * gr;
            left[i] += a;
            right[i] += b;
            peak = std::max(peak, std::max(std::fabs(a), std::fabs(b)));
            sum += 0.5 * (double(a) * a + double(b) * b);
        }
        if (trackMeters)
            trackMeters[t] = {peak, float(std::sqrt(sum / frames))};
    }
}

}  // namespace s2a::core
