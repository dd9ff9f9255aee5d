#include "inference/arranger/DemoSong.h"

#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"

namespace s2a::inference::arranger {

Result<QString> createDemoSong(const QString& bundlePath, JobControl& job)
{
    using L = core::SectionLabel;
    GenerationRequest request;
    request.caption = QString::fromLatin1(kDemoCaption);
    request.seed = 104;
    request.tempo = 104.0;
    request.sections = SongPlanner::barSections({{L::Intro, 4}, {L::Verse, 8}, {L::Chorus, 8}, {L::Verse, 8},
                                                 {L::Chorus, 8}, {L::Bridge, 8}, {L::Chorus, 8}, {L::Outro, 4}},
                                                request.tempo, request.sampleRate);
    // Section captions the user can read (and edit, then regenerate) right away.
    const QStringList captions{
        QStringLiteral("sparse clavinet and muted guitar, building"),
        QStringLiteral("tight groove, slap bass up front"),
        QStringLiteral("full band, brass stabs"),
        QStringLiteral("tight groove, ghost notes on the snare"),
        QStringLiteral("full band, brass stabs, big"),
        QStringLiteral("borrowed chords, contrast"),
        QStringLiteral("full band, brass stabs, big"),
        QStringLiteral("groove fades out"),
    };
    for (int i = 0; i < request.sections.size(); ++i)
        request.sections[i].caption = captions[i];

    ArrangerEngine engine;
    auto result = engine.generate(request, job);
    if (!result)
        return result.error();
    auto written = writeSongBundle(bundlePath, QStringLiteral("Demo: Funk"), request, result.value());
    if (!written)
        return written.error();
    return bundlePath;
}

}  // namespace s2a::inference::arranger
