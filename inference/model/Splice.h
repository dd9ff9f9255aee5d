#pragma once

// Qt-free and torch-free: part of the model library, but plain C++ so the splice can be used (and tested)
// anywhere.
//
// The sample-domain half of regeneration: the decoded section is written back into the song so that every
// sample outside the section stays bit-identical, and the seams are equal-power cross-fades placed *inside*
// the section (the old audio there is the only thing the new audio may be blended with without touching the
// neighbours).
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace s2a::model {

// Mismatched channel counts, a section that does not fit the destination, a negative cross-fade.
struct SpliceError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// Audio as one vector of samples per channel, all channels the same length.
using ChannelBuffers = std::vector<std::vector<float>>;

// Fade-in weights of an n-sample equal-power cross-fade: w_in[i] = sin(pi/2 * (i + 1) / (n + 1)); the
// matching fade-out is w_out[i] = cos(same angle) = w_in[n - 1 - i], so w_in^2 + w_out^2 = 1 at every sample.
// The angle never reaches 0 or pi/2 inside the fade: those are the plain old / plain new samples on either
// side of it. Equal power keeps the loudness of uncorrelated material (old take vs new take) constant
// through the seam, at the price of up to +3 dB for identical material.
std::vector<float> equalPowerCrossfade(int64_t n);

// Writes source (C channels of T' samples) into destination (C channels of T samples) at [start, start + T').
// Samples outside that range are not written at all. Inside, the first min(crossfadeSamples, T'/2) samples
// fade from the old destination audio into the source and the last ones fade back to the old audio, so the
// result is continuous at both section edges; in between, the source is copied as is.
void spliceInto(ChannelBuffers& destination, const ChannelBuffers& source, int64_t start, int64_t crossfadeSamples);

}  // namespace s2a::model
