#include "core/audio/Resampler.h"

#include "core/util/SampleRateMath.h"

#include <soxr.h>

#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace s2a::core {
namespace {

struct SoxrDeleter {
    void operator()(soxr_t soxr) const { soxr_delete(soxr); }
};
using SoxrPtr = std::unique_ptr<std::remove_pointer_t<soxr_t>, SoxrDeleter>;

}  // namespace

SampleCount Resampler::outputLength(SampleCount frames, int inRate, int outRate)
{
    if (frames <= 0 || inRate <= 0 || outRate <= 0)
        return 0;
    return rescaleSamples(frames, inRate, outRate);
}

Result<AudioBuffer> Resampler::resample(const AudioBuffer& input, int outRate)
{
    if (input.sampleRate <= 0 || outRate <= 0) {
        return Error{QStringLiteral("cannot resample from %1 Hz to %2 Hz: sample rates must be positive")
                         .arg(input.sampleRate)
                         .arg(outRate)};
    }
    if (!input.hasEqualChannelLengths())
        return Error{QStringLiteral("cannot resample audio whose channels have different lengths")};
    if (input.sampleRate == outRate)
        return input;

    const int channelCount = input.channelCount();
    const SampleCount inFrames = input.frames();
    const SampleCount outFrames = outputLength(inFrames, input.sampleRate, outRate);
    AudioBuffer output;
    try {
        output = AudioBuffer::silence(channelCount, outFrames, outRate);
    } catch (const std::bad_alloc&) {
        return Error{QStringLiteral("not enough memory to resample %1 frames to %2 Hz").arg(inFrames).arg(outRate)};
    }
    if (channelCount == 0 || inFrames == 0)
        return output;

    soxr_error_t error = nullptr;
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_S, SOXR_FLOAT32_S);
    // Linear phase (the recipe's default) keeps every frequency's delay equal, which is what lets soxr remove
    // the delay exactly and keep a sine's phase.
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_VHQ, 0);
    const soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
    SoxrPtr soxr(soxr_create(input.sampleRate, outRate, static_cast<unsigned>(channelCount), &error, &io, &quality,
                             &runtime));
    if (error || !soxr) {
        return Error{QStringLiteral("cannot resample from %1 Hz to %2 Hz (soxr: %3)")
                         .arg(input.sampleRate)
                         .arg(outRate)
                         .arg(QString::fromUtf8(error ? error : "unknown error"))};
    }

    // Split-channel I/O takes arrays of per-channel pointers, re-based at every call.
    std::vector<const float*> in(static_cast<size_t>(channelCount));
    std::vector<float*> out(static_cast<size_t>(channelCount));
    SampleCount inPos = 0;
    SampleCount outPos = 0;
    while (outPos < outFrames) {
        const bool flushing = inPos >= inFrames;
        for (int c = 0; c < channelCount; ++c) {
            in[static_cast<size_t>(c)] = input.channels[static_cast<size_t>(c)].data() + inPos;
            out[static_cast<size_t>(c)] = output.channels[static_cast<size_t>(c)].data() + outPos;
        }
        size_t consumed = 0;
        size_t produced = 0;
        // A null input tells soxr the stream has ended, so it drains the samples still inside its filter.
        error = soxr_process(soxr.get(), flushing ? nullptr : in.data(),
                             flushing ? 0 : static_cast<size_t>(inFrames - inPos), &consumed, out.data(),
                             static_cast<size_t>(outFrames - outPos), &produced);
        if (error) {
            return Error{QStringLiteral("resampling from %1 Hz to %2 Hz failed (soxr: %3)")
                             .arg(input.sampleRate)
                             .arg(outRate)
                             .arg(QString::fromUtf8(error))};
        }
        inPos += static_cast<SampleCount>(consumed);
        outPos += static_cast<SampleCount>(produced);
        if (flushing && produced == 0)
            break;
        if (!flushing && consumed == 0 && produced == 0) {
            // soxr always accepts input while there is room for output; looping here would never end.
            return Error{QStringLiteral("resampling from %1 Hz to %2 Hz stalled after %3 of %4 frames")
                             .arg(input.sampleRate)
                             .arg(outRate)
                             .arg(inPos)
                             .arg(inFrames)};
        }
    }
    return output;
}

}  // namespace s2a::core
