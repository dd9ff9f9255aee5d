#include "inference/arranger/SongBundleWriter.h"

#include "inference/StemLevelGuard.h"

#include "core/audio/AudioFileWriter.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/arranger/SongPlanner.h"

#include <QDir>
#include <QTemporaryDir>

namespace s2a::inference::arranger {

QString roleColour(core::TrackRole role)
{
    using R = core::TrackRole;
    switch (role) {
    case R::Drums: return QStringLiteral("#e74c3c");
    case R::Bass: return QStringLiteral("#8e44ad");
    case R::Keys: return QStringLiteral("#3498db");
    case R::Guitar: return QStringLiteral("#e67e22");
    case R::Strings: return QStringLiteral("#16a085");
    case R::Pads: return QStringLiteral("#1abc9c");
    case R::Lead: return QStringLiteral("#f1c40f");
    default: return QStringLiteral("#95a5a6");
    }
}

Result<WrittenSong> writeSongBundle(const QString& bundlePath, const QString& title, const GenerationRequest& request,
                                    const GenerationResult& result)
{
    if (!QDir().mkpath(bundlePath))
        return Error{QStringLiteral("Could not create the song folder %1.").arg(QDir::toNativeSeparators(bundlePath))};
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error{QStringLiteral("Could not create a temporary folder for the stems.")};

    WrittenSong song;
    core::ProjectData& data = song.data;
    data.settings.title = title;
    data.settings.sampleRate = request.sampleRate;
    data.settings.tempo = result.tempo;
    data.settings.timeSignature = request.timeSignature;
    data.settings.key = result.key;
    data.settings.caption = request.caption;
    data.settings.seed = request.seed;

    // Every new song's stems pass the level guard before they are stored (StemLevelGuard.h).
    QVector<Stem> stems = result.stems;
    core::TakeOrigin origin = result.origin;
    guardStemLevels(stems, request.sampleRate, origin);
    for (int i = 0; i < stems.size(); ++i) {
        const Stem& stem = stems[i];
        const QString temp = scratch.filePath(QStringLiteral("stem-%1.flac").arg(i));
        if (Status s = core::AudioFileWriter::write(temp, stem.audio, core::AudioFileFormat::Flac24); !s)
            return s.error();
        auto name = core::bundle::addAudioFile(bundlePath, temp);
        if (!name)
            return name.error();
        song.stemFiles << name.value();
        QString midi;
        if (!stem.midi.isEmpty()) {
            auto stored = core::bundle::addFileBytes(bundlePath, stem.midi, QStringLiteral("mid"));
            if (!stored)
                return stored.error();
            midi = stored.value();
        }
        song.midiFiles << midi;
        core::Track track;
        track.id = core::newId("trk");
        track.name = stem.name;
        track.role = stem.role;
        track.colour = roleColour(stem.role);
        data.tracks.push_back(track);
    }
    for (const SectionPlan& plan : request.sections) {
        core::Section section;
        section.id = plan.id.isEmpty() ? core::newId("sec") : plan.id;
        section.label = plan.label;
        section.customLabel = plan.customLabel;
        section.start = plan.start;
        section.end = plan.end;
        section.caption = plan.caption;
        section.tags = plan.tags;
        section.energy = plan.energy >= 0.0 ? plan.energy : SongPlanner::defaultEnergy(plan.label);
        core::Take take;
        take.id = core::newId("take");
        take.name = QStringLiteral("Take 1");
        take.origin = origin;
        take.origin.caption = plan.caption.isEmpty() ? request.caption : plan.caption;
        for (int t = 0; t < data.tracks.size(); ++t) {
            // The stem files cover the whole song; each take plays its own section's span of them.
            core::AudioClip clip;
            clip.trackId = data.tracks[t].id;
            clip.file = song.stemFiles[t];
            clip.midiFile = song.midiFiles[t];  // its time 0 is the stem's sample 0, as the audio's
            clip.timelineStart = plan.start;
            clip.sourceStart = plan.start - result.start;
            clip.length = plan.end - plan.start;
            take.clips.push_back(clip);
        }
        section.takes.push_back(take);
        section.activeTakeId = take.id;
        data.sections.push_back(section);
    }
    if (Status s = core::bundle::save(data, bundlePath); !s)
        return s.error();
    return song;
}

}  // namespace s2a::inference::arranger
