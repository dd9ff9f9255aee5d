#include "inference/Accompaniment.h"

#include "inference/StemReplacement.h"

#include "core/audio/AudioImport.h"
#include "core/midi/MidiFile.h"
#include "core/model/Project.h"
#include "core/persistence/ProjectBundle.h"

#include <QFileInfo>

#include <algorithm>

namespace s2a::inference {

using namespace core;

namespace {

constexpr double kEngineShare = 0.8;

AudioBuffer excerpt(const AudioBuffer& audio, SampleCount from, SampleCount to)
{
    AudioBuffer out = AudioBuffer::silence(audio.channelCount(), to - from, audio.sampleRate);
    for (int c = 0; c < audio.channelCount(); ++c) {
        const auto& source = audio.channels[size_t(c)];
        const SampleCount end = std::min<SampleCount>(to, SampleCount(source.size()));
        if (end > from)
            std::copy(source.begin() + from, source.begin() + end, out.channels[size_t(c)].begin());
    }
    return out;
}

}  // namespace

ProjectData accompanimentProject(const analysis::SongAnalysis& analysis, const QString& title, const QString& audioFile,
                                 int sampleRate, SampleCount frames, const RecordingTrack& recording, const QString& caption)
{
    ProjectData data = analysis::projectFromAnalysis(analysis, title, audioFile, sampleRate, frames);
    Track& track = data.tracks.front();
    track.name = recording.name.trimmed().isEmpty() ? QStringLiteral("Recording") : recording.name.trimmed();
    track.role = recording.role;
    track.locked = true;
    track.colour = QStringLiteral("#e0e0e0");
    data.settings.caption = caption;
    // No sections found (a recording too short or too even to segment): one section carries the recording.
    if (frames > 0 && data.sections.size() == 1 && data.sections.front().takes.isEmpty()) {
        Take take;
        take.id = newId("take");
        take.clips.append({track.id, audioFile, 0, 0, frames});
        take.origin.createdAt = QDateTime::currentDateTimeUtc();
        data.sections.front().takes.append(take);
        data.sections.front().activeTakeId = take.id;
    }
    // The analysis describes the recording in each section's caption ("soft, no drums"): words about the
    // recording, not wishes for the band, which the song's caption gives. The captions go; energies stay.
    for (Section& s : data.sections) {
        s.caption.clear();
        s.tags.clear();
    }
    for (Section& s : data.sections)
        for (Take& take : s.takes) {
            take.name = QStringLiteral("Recording");
            take.origin.engine = QStringLiteral("recording");
        }
    return data;
}

Result<RenderedTakes> renderAccompaniment(const ProjectData& song, const QString& bundlePath, const RegenerateOptions& options,
                                          Generator& engine, JobControl& job)
{
    auto request = requestFor(song, bundlePath, -1, options);
    if (!request)
        return request.error();
    PhaseJob engineJob(job, 0.0, kEngineShare);
    auto result = engine.generate(request.value(), engineJob);
    if (!result)
        return result.error();
    if (job.cancelled())
        return cancelledError();
    finishStems(result.value(), request.value());  // the band only: no stem of the recording's role
    const QStringList trackIds = assignStemTracks(song, result->stems);

    RenderedTakes takes;
    int done = 0;
    for (const Section& section : song.sections) {
        ++done;
        if (section.locked)
            continue;
        RenderedTake take;
        take.sectionId = section.id;
        take.sectionName = section.displayName();
        take.sectionStart = take.start = section.start;
        take.sectionEnd = take.end = section.end;
        take.origin = result->origin;
        take.bundlePath = bundlePath;
        take.understood = result->understood;
        take.name = QStringLiteral("Accompaniment");
        take.keptClips = recordingClips(song, section);
        const double rate = request->sampleRate;
        for (int i = 0; i < result->stems.size(); ++i) {
            if (job.cancelled())
                return cancelledError();
            const Stem& stem = result->stems[i];
            const AudioBuffer audio = excerpt(stem.audio, section.start - result->start, section.end - result->start);
            if (audio.isSilent())
                continue;  // the instrument rests in this section
            auto file = storeStem(bundlePath, audio);
            if (!file)
                return file.error();
            const QByteArray midi = midiExcerpt(stem.midi, double(section.start - result->start) / rate,
                                                double(section.length()) / rate, result->tempo);
            auto midiFile = midi.isEmpty() ? Result<QString>(QString()) : bundle::addFileBytes(bundlePath, midi, QStringLiteral("mid"));
            if (!midiFile)
                return midiFile.error();
            take.stems.append({stem.role, stem.name, file.value(), trackIds[i], midiFile.value()});
        }
        takes.append(take);
        job.progress(kEngineShare + (1.0 - kEngineShare) * double(done) / double(song.sections.size()),
                     QStringLiteral("Saving the takes"));
    }
    job.progress(1.0, QStringLiteral("Done"));
    return takes;
}

Status checkRecordingLength(double seconds, const QString& name)
{
    if (seconds < kMinimumRecordingSeconds)
        return Error{QStringLiteral("%1 is %2 s long; a recording to accompany needs at least %3 s (a few bars), so that "
                                    "its tempo, key and sections can be found")
                         .arg(name)
                         .arg(seconds, 0, 'f', 1)
                         .arg(kMinimumRecordingSeconds, 0, 'f', 0)};
    return Status::success();
}

Result<ProjectData> accompanyRecording(const QString& recordingPath, const QString& bundlePath, const AccompanySpec& spec,
                                       Generator& engine, JobControl& job)
{
    auto imported = importAudio(recordingPath, spec.sampleRate, spec.downmix ? ChannelPolicy::DownmixToStereo : ChannelPolicy::Refuse);
    if (!imported)
        return imported.error();
    if (Status longEnough = checkRecordingLength(double(imported->audio.frames()) / spec.sampleRate, QFileInfo(recordingPath).fileName());
        !longEnough)
        return longEnough.error();
    PhaseJob analysing(job, 0.0, 0.3);
    auto analysis = analysis::analyzeSong(imported->audio, analysing, spec.chords);
    if (!analysis)
        return analysis.error();
    auto file = storeStem(bundlePath, imported->audio);
    if (!file)
        return file.error();
    const ProjectData song = accompanimentProject(analysis.value(), QFileInfo(recordingPath).completeBaseName(), file.value(),
                                                  spec.sampleRate, imported->audio.frames(), spec.recording, spec.caption);
    RegenerateOptions options;
    options.seed = spec.seed;
    PhaseJob generating(job, 0.3, 1.0);
    auto takes = renderAccompaniment(song, bundlePath, options, engine, generating);
    if (!takes)
        return takes.error();
    Project project(song);
    if (auto ids = addRenderedTakes(project, takes.value(), QStringLiteral("Accompany")); !ids)
        return ids.error();
    return project.data();
}

}  // namespace s2a::inference
