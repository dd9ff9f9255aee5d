#include "core/export/StreamResampler.h"

#include "core/audio/Resampler.h"

#include <soxr.h>

#include <algorithm>

namespace s2a::core {

struct StreamResampler::Soxr {
    soxr_t handle = nullptr;
    ~Soxr() { soxr_delete(handle); }
};

namespace {
constexpr size_t kChunkFrames = 16384;
}

StreamResampler::~StreamResampler() = default;

Result<std::unique_ptr<StreamResampler>> StreamResampler::create(int inRate, int outRate, int channels,
                                                                 SampleCount totalInputFrames)
{
    std::unique_ptr<StreamResampler> r(new StreamResampler);
    r->m_channels = channels;
    r->m_inputLeft = totalInputFrames;
    r->m_outputLeft = Resampler::outputLength(totalInputFrames, inRate, outRate);
    r->m_soxr = std::make_unique<Soxr>();
    soxr_error_t error = nullptr;
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_S, SOXR_FLOAT32_S);
    // Same recipe as Resampler: linear phase keeps every frequency's delay equal so soxr can remove it exactly,
    // which keeps exported stems aligned with the timeline.
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_VHQ, 0);
    const soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
    r->m_soxr->handle = soxr_create(inRate, outRate, unsigned(channels), &error, &io, &quality, &runtime);
    if (error || !r->m_soxr->handle) {
        return Error{QStringLiteral("cannot resample from %1 Hz to %2 Hz (soxr: %3)")
                         .arg(inRate)
                         .arg(outRate)
                         .arg(QString::fromUtf8(error ? error : "unknown error"))};
    }
    r->m_chunk.resize(kChunkFrames * size_t(channels));
    return r;
}

Status StreamResampler::run(const float* const* in, SampleCount frames, std::vector<std::vector<float>>& out)
{
    std::vector<const float*> inPtr(static_cast<size_t>(m_channels), nullptr);
    std::vector<float*> outPtr(static_cast<size_t>(m_channels));
    for (int c = 0; c < m_channels; ++c)
        outPtr[size_t(c)] = m_chunk.data() + size_t(c) * kChunkFrames;
    SampleCount done = 0;
    const bool flushing = in == nullptr;
    while (m_outputLeft > 0) {
        if (!flushing)
            for (int c = 0; c < m_channels; ++c)
                inPtr[size_t(c)] = in[c] + done;
        size_t consumed = 0;
        size_t produced = 0;
        // A null input tells soxr the stream has ended, so it drains the samples still inside its filter.
        const soxr_error_t error = soxr_process(m_soxr->handle, flushing ? nullptr : inPtr.data(),
                                                flushing ? 0 : size_t(frames - done), &consumed, outPtr.data(),
                                                kChunkFrames, &produced);
        if (error)
            return Error{QStringLiteral("resampling failed (soxr: %1)").arg(QString::fromUtf8(error))};
        done += SampleCount(consumed);
        const size_t keep = size_t(std::min<SampleCount>(SampleCount(produced), m_outputLeft));
        for (int c = 0; c < m_channels; ++c)
            out[size_t(c)].insert(out[size_t(c)].end(), outPtr[size_t(c)], outPtr[size_t(c)] + keep);
        m_outputLeft -= SampleCount(keep);
        // soxr keeps part of its input inside the filter; input is done once all is consumed and the last
        // call produced less than it could (a full chunk may mean more is waiting).
        if (flushing ? produced == 0 : (done >= frames && produced < kChunkFrames))
            break;
    }
    return Status::success();
}

Status StreamResampler::process(const float* const* in, SampleCount frames, std::vector<std::vector<float>>& out)
{
    if (Status s = run(in, frames, out); !s)
        return s;
    m_inputLeft -= frames;
    if (m_inputLeft > 0)
        return Status::success();
    if (Status s = run(nullptr, 0, out); !s)
        return s;
    // soxr never falls short for non-trivial inputs, but the length promise must hold regardless.
    for (auto& channel : out)
        channel.insert(channel.end(), size_t(m_outputLeft), 0.0f);
    m_outputLeft = 0;
    return Status::success();
}

}  // namespace s2a::core
