#pragma once

// The rendering half of export: the song's render plan played offline, block by block, as post-fader stems
// (or only the mix) at the output rate. The writing half (ExportFileWriter) and the bookkeeping (Exporter)
// consume the blocks.
#include "core/export/StreamResampler.h"
#include "core/playback/RenderPlan.h"
#include "core/util/JobControl.h"

#include <functional>
#include <memory>
#include <vector>

namespace s2a::core {

struct RenderedBlock {
    SampleCount position = 0;  // output-rate frame of the block's first sample
    int frames = 0;
    std::vector<const float*> stemLeft, stemRight;  // one per stem track, in the order given
    const float* mixLeft = nullptr;
    const float* mixRight = nullptr;
};

class SongRenderer {
public:
    // `plan` is at the project rate and must outlive the renderer. With `stemTracks` empty only the mix is
    // rendered (one renderMix pass); otherwise each listed plan track is rendered alone and the mix is their
    // sum, so the stems add up to the mix by construction, also after resampling (which is linear).
    SongRenderer(const RenderPlan& plan, std::vector<int> stemTracks, int outRate);
    ~SongRenderer();

    SampleCount outputLength() const { return m_outLength; }

    // Renders the whole song and hands every block to `consume` (which may return an error to stop).
    // Reports progress in [from, to] under `stage`; returns cancelledError() once the job is cancelled.
    Status run(JobControl& job, double from, double to, const QString& stage,
               const std::function<Status(const RenderedBlock&)>& consume);

private:
    struct Source;
    const RenderPlan& m_plan;
    std::vector<int> m_stemTracks;
    int m_outRate;
    SampleCount m_outLength;
};

}  // namespace s2a::core
