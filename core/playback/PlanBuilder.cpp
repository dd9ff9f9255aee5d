#include "core/playback/PlanBuilder.h"

#include "core/model/SectionEdits.h"
#include "core/util/SampleRateMath.h"

#include <algorithm>

namespace s2a::core {

SampleCount toOutputRate(SampleCount projectSample, int projectRate, int outputRate)
{
    return rescaleSamples(projectSample, projectRate, outputRate);
}

SampleCount toProjectRate(SampleCount outputSample, int projectRate, int outputRate)
{
    return toOutputRate(outputSample, outputRate, projectRate);
}

PlanBuildResult buildRenderPlan(const ProjectData& data, AudioPool& pool, int outputRate)
{
    PlanBuildResult result;
    auto plan = std::make_unique<RenderPlan>();
    const int projectRate = data.settings.sampleRate;
    plan->sampleRate = outputRate;
    plan->length = toOutputRate(data.length(), projectRate, outputRate);

    const bool anySolo = anySoloed(data.tracks);
    plan->tracks.resize(size_t(data.tracks.size()));
    for (int t = 0; t < data.tracks.size(); ++t) {
        const Track& track = data.tracks[t];
        PlanTrack& out = plan->tracks[size_t(t)];
        const bool audible = track.audible(anySolo);
        panGains(track.gainDb, track.pan, out.gainLeft, out.gainRight);
        if (!audible || track.gainDb <= limits::kMinGainDb)
            out.gainLeft = out.gainRight = 0.0f;
    }

    QHash<QString, std::shared_ptr<const AudioBuffer>> used;
    for (const Section& section : data.sections) {
        const Take* take = section.activeTake();
        if (!take)
            continue;
        for (const AudioClip& clip : take->clips) {
            const int t = data.trackIndex(clip.trackId);
            const AudioClip part = SectionEdits::trimmed(clip, section.start, section.end);
            if (t < 0 || part.length <= 0)
                continue;
            auto buffer = pool.get(clip.file, outputRate);
            if (!buffer) {
                result.problems << buffer.errorMessage();
                continue;
            }
            const AudioBuffer& audio = *buffer.value();
            const SampleCount start = toOutputRate(part.timelineStart, projectRate, outputRate);
            const SampleCount end = toOutputRate(part.timelineEnd(), projectRate, outputRate);
            const SampleCount source = toOutputRate(part.sourceStart, projectRate, outputRate);
            // A file shorter than its clip plays what it has; the rest is silence.
            const SampleCount length = std::min(end - start, audio.frames() - source);
            if (length <= 0 || audio.channelCount() == 0)
                continue;
            PlanClip planClip;
            planClip.left = audio.channels.front().data() + source;
            planClip.right = audio.channels.back().data() + source;  // mono files play on both sides
            planClip.start = start;
            planClip.length = length;
            plan->tracks[size_t(t)].clips.push_back(planClip);
            used.insert(clip.file, buffer.value());
        }
    }
    for (PlanTrack& track : plan->tracks)
        std::sort(track.clips.begin(), track.clips.end(),
                  [](const PlanClip& a, const PlanClip& b) { return a.start < b.start; });
    for (const auto& buffer : std::as_const(used))
        plan->buffers.push_back(buffer);
    result.plan = std::move(plan);
    return result;
}

}  // namespace s2a::core
