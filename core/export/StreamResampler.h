#pragma once

// Streaming sample-rate conversion for export: the same libsoxr setting as core/audio/Resampler (very high
// quality, linear phase, delay removed) but fed block by block, so a long song never has to be held whole at
// the output rate.
#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

#include <memory>
#include <vector>

namespace s2a::core {

class StreamResampler {
public:
    // `totalInputFrames` fixes the output length: exactly Resampler::outputLength(total, inRate, outRate)
    // frames come out over the whole stream, as the whole-buffer Resampler gives.
    static Result<std::unique_ptr<StreamResampler>> create(int inRate, int outRate, int channels,
                                                           SampleCount totalInputFrames);
    ~StreamResampler();
    StreamResampler(const StreamResampler&) = delete;
    StreamResampler& operator=(const StreamResampler&) = delete;

    // Consumes `frames` frames of planar input and appends what soxr produces to `out` (one vector per
    // channel). After the last input frame, drains the filter and pads or trims so that the stream's total is
    // exact.
    Status process(const float* const* in, SampleCount frames, std::vector<std::vector<float>>& out);

private:
    StreamResampler() = default;
    Status run(const float* const* in, SampleCount frames, std::vector<std::vector<float>>& out);

    struct Soxr;
    std::unique_ptr<Soxr> m_soxr;
    int m_channels = 0;
    SampleCount m_inputLeft = 0;   // input frames still to come
    SampleCount m_outputLeft = 0;  // output frames still owed to the caller
    std::vector<float> m_chunk;    // soxr's output before it is appended
};

}  // namespace s2a::core
