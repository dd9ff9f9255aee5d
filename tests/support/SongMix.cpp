#include "SongMix.h"

#include "core/persistence/ProjectBundle.h"
#include "core/playback/AudioPool.h"
#include "core/playback/MixRenderer.h"
#include "core/playback/PlanBuilder.h"

namespace s2a::test {

core::AudioBuffer renderSongMix(const core::ProjectData& data, const QString& bundlePath)
{
    core::AudioPool pool(core::bundle::audioDir(bundlePath));
    const auto plan = core::buildRenderPlan(data, pool, data.settings.sampleRate).plan;
    const int frames = int(plan->length);
    core::AudioBuffer mix = core::AudioBuffer::silence(2, frames, data.settings.sampleRate);
    std::vector<float> scratch(2 * size_t(frames));
    core::renderMix(*plan, 0, frames, mix.channels[0].data(), mix.channels[1].data(), scratch.data());
    return mix;
}

}  // namespace s2a::test
