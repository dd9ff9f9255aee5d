#pragma once

// A short song made by the real arranger and saved as a bundle, for tests that regenerate or repaint it, and its
// tracks' audio to compare before and after.
#include "core/persistence/ProjectBundle.h"
#include "inference/SectionRegenerator.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"


namespace s2a::test {

// "pop with piano, bass and drums" at 120 BPM, seed 7, in the sections given as (label, bars); written to `bundle`
// and loaded back.
inline Result<core::ProjectData> writeArrangerSong(const QString& bundle,
                                                   const QVector<QPair<core::SectionLabel, int>>& bars)
{
    inference::GenerationRequest r;
    r.caption = QStringLiteral("pop with piano, bass and drums");
    r.seed = 7;
    r.tempo = 120;
    r.sections = inference::arranger::SongPlanner::barSections(bars, 120, r.sampleRate);
    inference::arranger::ArrangerEngine engine;
    SimpleJobControl job;
    auto result = engine.generate(r, job);
    if (!result)
        return result.error();
    if (auto written = inference::arranger::writeSongBundle(bundle, QStringLiteral("Short"), r, result.value()); !written)
        return written.error();
    return core::bundle::load(bundle);
}

// Each track's audio along the song, at unity gain, as the engines hear it (a regeneration's context).
inline QVector<core::AudioBuffer> trackAudio(const core::ProjectData& data, const QString& bundle)
{
    auto request = inference::requestFor(data, bundle, 0, inference::RegenerateOptions{});
    QVector<core::AudioBuffer> audio;
    if (request)
        for (const inference::Stem& s : request->context)
            audio.append(s.audio);
    return audio;
}

}  // namespace s2a::test
