#include "core/export/SongRenderer.h"

#include "core/audio/Resampler.h"
#include "core/playback/MixRenderer.h"

#include "core/util/Parallel.h"

#include <algorithm>

namespace s2a::core {
namespace {
// 1.5 s at 44.1 kHz: large enough that per-block overhead (thread hand-off, encoder calls) vanishes, small
// enough that a few dozen stems' buffers stay in the low megabytes however long the song.
constexpr int kBlockFrames = 65536;
}  // namespace

// One rendered signal: a stem (a plan holding one track) or the whole mix.
struct SongRenderer::Source {
    RenderPlan plan;  // tracks only; the clips point into buffers the full plan keeps alive
    std::unique_ptr<StreamResampler> resampler;
    std::vector<float> left, right, scratch;
    std::vector<std::vector<float>> pending{2};  // output-rate frames not yet handed out
    Status status;
};

SongRenderer::SongRenderer(const RenderPlan& plan, std::vector<int> stemTracks, int outRate)
    : m_plan(plan), m_stemTracks(std::move(stemTracks)), m_outRate(outRate),
      m_outLength(Resampler::outputLength(plan.length, plan.sampleRate, outRate))
{
}

SongRenderer::~SongRenderer() = default;

Status SongRenderer::run(JobControl& job, double from, double to, const QString& stage,
                         const std::function<Status(const RenderedBlock&)>& consume)
{
    const SampleCount inLength = m_plan.length;
    std::vector<Source> sources(m_stemTracks.empty() ? 1 : m_stemTracks.size());
    for (size_t i = 0; i < sources.size(); ++i) {
        Source& s = sources[i];
        s.plan.sampleRate = m_plan.sampleRate;
        s.plan.length = m_plan.length;
        if (m_stemTracks.empty())
            s.plan.tracks = m_plan.tracks;
        else
            s.plan.tracks = {m_plan.tracks[size_t(m_stemTracks[i])]};
        s.left.resize(kBlockFrames);
        s.right.resize(kBlockFrames);
        s.scratch.resize(2 * kBlockFrames);
        if (m_outRate != m_plan.sampleRate) {
            auto r = StreamResampler::create(m_plan.sampleRate, m_outRate, 2, inLength);
            if (!r)
                return r.error();
            s.resampler = std::move(r.value());
        }
    }

    std::vector<float> mixLeft, mixRight;
    RenderedBlock block;
    SampleCount outPos = 0;
    for (SampleCount inPos = 0; inPos < inLength;) {
        if (job.cancelled())
            return cancelledError();
        const int frames = int(std::min<SampleCount>(kBlockFrames, inLength - inPos));
        // Stems are independent until they are summed: render (and resample) them on every core.
        parallelForEach(sources, [&](Source& s) {
            renderMix(s.plan, inPos, frames, s.left.data(), s.right.data(), s.scratch.data());
            if (s.resampler) {
                const float* in[2] = {s.left.data(), s.right.data()};
                s.status = s.resampler->process(in, frames, s.pending);
            } else {
                s.pending[0].insert(s.pending[0].end(), s.left.begin(), s.left.begin() + frames);
                s.pending[1].insert(s.pending[1].end(), s.right.begin(), s.right.begin() + frames);
            }
        });
        inPos += frames;
        for (const Source& s : sources)
            if (!s.status)
                return s.status;

        // Every source sees the same input counts, so soxr hands each the same number of frames; the minimum
        // keeps the blocks aligned even if that ever changed.
        size_t ready = sources.front().pending[0].size();
        for (const Source& s : sources)
            ready = std::min(ready, s.pending[0].size());
        if (ready == 0)
            continue;

        block.position = outPos;
        block.frames = int(ready);
        block.stemLeft.clear();
        block.stemRight.clear();
        if (m_stemTracks.empty()) {
            block.mixLeft = sources.front().pending[0].data();
            block.mixRight = sources.front().pending[1].data();
        } else {
            // Summed in track order from zero, as renderMix does, so at the project rate the mix is bit for
            // bit what playback plays.
            mixLeft.assign(ready, 0.0f);
            mixRight.assign(ready, 0.0f);
            for (const Source& s : sources) {
                for (size_t i = 0; i < ready; ++i) {
                    mixLeft[i] += s.pending[0][i];
                    mixRight[i] += s.pending[1][i];
                }
                block.stemLeft.push_back(s.pending[0].data());
                block.stemRight.push_back(s.pending[1].data());
            }
            block.mixLeft = mixLeft.data();
            block.mixRight = mixRight.data();
        }
        if (Status s = consume(block); !s)
            return s;
        for (Source& s : sources)
            for (auto& channel : s.pending)
                channel.erase(channel.begin(), channel.begin() + std::ptrdiff_t(ready));
        outPos += SampleCount(ready);
        job.progress(from + (to - from) * double(inPos) / double(inLength), stage);
    }
    return Status::success();
}

}  // namespace s2a::core
