#pragma once

// Measurements the arranger tests make on rendered audio: level, loudness, tempo. Written here (not taken
// from the analysis code) so the tests check the engine against an independent yardstick.
#include "core/audio/AudioBuffer.h"

#include <vector>

namespace s2a::test {

double rms(const core::AudioBuffer& audio, core::SampleCount from = 0, core::SampleCount to = -1);
double peak(const core::AudioBuffer& audio);
// Sum of buffers of equal length (the mix of stems at unity gain).
core::AudioBuffer sum(const std::vector<const core::AudioBuffer*>& buffers);
// Gated integrated loudness in dB, after ITU-R BS.1770 (400 ms blocks, 75 % overlap, -70 dB absolute and
// -10 dB relative gates) but without the K-weighting filter: enough to compare sections of one song.
double gatedLoudnessDb(const core::AudioBuffer& audio, core::SampleCount from, core::SampleCount to);
// Tempo from the autocorrelation of an onset-strength envelope (positive energy flux in 2.9 ms hops),
// searched in [minBpm, maxBpm] and refined on the peak four beats out for sub-hop precision.
double onsetTempo(const core::AudioBuffer& audio, double minBpm, double maxBpm);
// Largest absolute difference between consecutive samples (any channel) in [from, to).
double maxStep(const core::AudioBuffer& audio, core::SampleCount from, core::SampleCount to);

}  // namespace s2a::test
