#pragma once

#include "core/playback/RenderPlan.h"

namespace s2a::core {

// Per-buffer level of one track or of the master, post-fader.
struct LevelMeter {
    float peak = 0.0f;
    float rms = 0.0f;
};

// The pure heart of playback: the mix of `plan` for [position, position + frames), added into nothing and
// written to left/right. No state, no allocation, no locks: the same inputs give the same samples, so it is
// tested offline bit for bit and called from the audio callback unchanged.
//
// `scratch` must hold 2 * frames floats. `trackMeters` (optional) receives one entry per plan track.
void renderMix(const RenderPlan& plan, SampleCount position, int frames, float* left, float* right, float* scratch,
               LevelMeter* trackMeters = nullptr);

// Peak and RMS of a block.
LevelMeter measure(const float* samples, int frames);

}  // namespace s2a::core
