#pragma once

#include "core/audio/AudioBuffer.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace s2a::core {

// A run of decoded audio placed on the timeline. Points into a buffer the plan keeps alive.
struct PlanClip {
    const float* left = nullptr;
    const float* right = nullptr;
    SampleCount start = 0;   // timeline sample where left[0] plays
    SampleCount length = 0;
    SampleCount end() const { return start + length; }
};

struct PlanTrack {
    float gainLeft = 1.0f;   // track gain x pan law, already 0 for muted / not-soloed tracks
    float gainRight = 1.0f;
    std::vector<PlanClip> clips;  // sorted by start
};

// An immutable snapshot of what to play, at the output rate. The UI thread builds one per edit and hands it
// to the audio thread whole; the audio thread only reads it, and hands it back to be freed.
struct RenderPlan {
    int sampleRate = 0;
    SampleCount length = 0;
    std::vector<PlanTrack> tracks;
    std::vector<std::shared_ptr<const AudioBuffer>> buffers;  // keeps every clip's samples alive
};

// Pan law: constant power (left^2 + right^2 constant across the sweep), normalised so that a centred track
// plays at unity gain, the convention of most DAWs' "0 dB centre" setting.
void panGains(double gainDb, double pan, float& left, float& right);

}  // namespace s2a::core
