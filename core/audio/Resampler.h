#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

namespace s2a::core {

// Sample-rate conversion with libsoxr at its very-high-quality, linear-phase setting.
//
// The output is aligned with the input: output sample n is the input signal at time n / outRate (soxr
// removes its filter delay), so a sine keeps its phase and timeline positions convert by the rate ratio alone.
// The output has exactly outputLength(frames, inRate, outRate) frames; the filter's tail past that point is
// dropped, and if soxr produces fewer samples the remainder is zero (it never does for non-trivial inputs).
class Resampler {
public:
    static Result<AudioBuffer> resample(const AudioBuffer& input, int outRate);

    // llround(frames * outRate / inRate), computed exactly in integers.
    static SampleCount outputLength(SampleCount frames, int inRate, int outRate);
};

}  // namespace s2a::core
