#include "SongMix.h"

#include "core/persistence/ProjectBundle.h"
#include "core/playback/AudioPool.h"
#include "core/playback/MixRenderer.h"
#include "core/playback/PlanBuilder.h"

#include <algorithm>

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

SpliceCheck compareSplice(const QVector<core::AudioBuffer>& before, const QVector<core::AudioBuffer>& after,
                          core::SampleCount start, core::SampleCount end)
{
    SpliceCheck check;
    auto sample = [](const QVector<core::AudioBuffer>& tracks, int t, int c, core::SampleCount i) {
        if (t >= tracks.size() || c >= tracks[t].channelCount() || i >= tracks[t].frames())
            return 0.0f;
        return tracks[t].channels[size_t(c)][size_t(i)];
    };
    core::SampleCount frames = 0;
    for (const auto* tracks : {&before, &after})
        for (const core::AudioBuffer& b : *tracks)
            frames = std::max(frames, b.frames());
    for (int t = 0; t < std::max(before.size(), after.size()); ++t)
        for (int c = 0; c < 2; ++c)
            for (core::SampleCount i = 0; i < frames; ++i) {
                const float was = sample(before, t, c, i), is = sample(after, t, c, i);
                if (was == is)
                    continue;
                if (i >= start && i < end)
                    check.changedInside = true;
                else if (check.changedOutside.isEmpty())
                    check.changedOutside = QStringLiteral("track %1 channel %2 sample %3: %4 -> %5")
                                               .arg(t).arg(c).arg(i).arg(double(was)).arg(double(is));
            }
    return check;
}

}  // namespace s2a::test
