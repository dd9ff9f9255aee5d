#include "inference/SectionRegenerator.h"

#include "inference/StemLevelGuard.h"
#include "inference/StemReplacement.h"

#include "core/audio/AudioFileWriter.h"
#include "core/persistence/ProjectBundle.h"
#include "core/playback/MixRenderer.h"
#include "core/playback/PlanBuilder.h"

#include <QTemporaryDir>

#include <algorithm>

namespace s2a::inference {

using namespace core;

Result<QString> findSection(const ProjectData& data, const QString& reference)
{
    if (data.sectionIndex(reference) >= 0)
        return reference;
    const int hash = reference.indexOf(QLatin1Char('#'));
    const QString label = (hash < 0 ? reference : reference.left(hash)).toLower();
    int wanted = 1;
    if (hash >= 0) {
        bool ok = false;
        wanted = reference.mid(hash + 1).toInt(&ok);
        if (!ok || wanted < 1)
            return Error{QStringLiteral("\"%1\": the number after # counts from 1").arg(reference)};
    }
    QStringList matches;
    for (const Section& s : data.sections)
        if (s.displayName().toLower() == label)
            matches << s.id;
    if (matches.isEmpty())
        return Error{QStringLiteral("No section \"%1\" in this song").arg(reference)};
    if (hash < 0 && matches.size() > 1)
        return Error{QStringLiteral("The song has %1 sections labelled %2; say which, e.g. %2#2")
                         .arg(matches.size())
                         .arg(label)};
    if (wanted > matches.size())
        return Error{QStringLiteral("The song has only %1 %2 section(s)").arg(matches.size()).arg(label)};
    return matches[wanted - 1];
}

namespace {

constexpr double kDecodeShare = 0.1;  // of a regeneration's progress: reading the song's current audio
constexpr double kEngineShare = 0.9;  // up to here: the engine; the rest: writing the stems

// Every track's active takes along the whole song at unity gain and centre pan: what each instrument plays
// now, for the engine to continue from. Empty (with `job` cancelled) when cancelled part-way.
QVector<Stem> currentStems(const ProjectData& data, const QString& bundlePath, JobControl* job)
{
    const QString stage = QStringLiteral("Reading the song");
    if (job)
        job->progress(0.0, stage);
    ProjectData raw = data;
    for (Track& t : raw.tracks) {
        t.gainDb = 0.0;
        t.pan = 0.0;
        t.mute = t.solo = false;
    }
    AudioPool pool(bundle::audioDir(bundlePath));
    const PlanBuildResult built = buildRenderPlan(raw, pool, data.settings.sampleRate);
    QVector<Stem> stems;
    const SampleCount frames = built.plan->length;
    std::vector<float> scratch(size_t(2 * 65536));
    for (int t = 0; t < raw.tracks.size(); ++t) {
        if (job) {
            if (job->cancelled())
                return {};
            job->progress(0.5 + 0.5 * double(t) / double(raw.tracks.size()), stage);
        }
        RenderPlan single;
        single.sampleRate = built.plan->sampleRate;
        single.length = frames;
        single.tracks.push_back(built.plan->tracks[size_t(t)]);
        // Centre pan at unity is a gain of 1 on both sides under the pan law; keep it exact.
        single.tracks.back().gainLeft = single.tracks.back().gainRight = 1.0f;
        Stem stem;
        stem.role = raw.tracks[t].role;
        stem.name = raw.tracks[t].name;
        stem.audio = AudioBuffer::silence(2, frames, data.settings.sampleRate);
        for (SampleCount pos = 0; pos < frames; pos += 65536) {
            const int n = int(std::min<SampleCount>(65536, frames - pos));
            renderMix(single, pos, n, stem.audio.channels[0].data() + pos, stem.audio.channels[1].data() + pos,
                      scratch.data());
        }
        stems.append(std::move(stem));
    }
    if (job)
        job->progress(1.0, stage);
    return stems;
}

QString trackFor(Project& project, const RenderedStem& stem)
{
    const ProjectData& data = project.data();
    if (!stem.trackId.isEmpty() && data.trackIndex(stem.trackId) >= 0)
        return stem.trackId;
    const Track* byRole = nullptr;
    for (const Track& t : data.tracks) {
        if (!stem.trackId.isEmpty())
            break;
        if (t.role != stem.role)
            continue;
        if (t.name == stem.name)
            return t.id;
        byRole = byRole ? byRole : &t;
    }
    if (byRole)
        return byRole->id;
    Track track;
    track.id = stem.trackId.isEmpty() ? newId("trk") : stem.trackId;
    track.name = stem.name.isEmpty() ? toString(stem.role) : stem.name;
    track.role = stem.role;
    project.addTrack(track);
    return track.id;
}

// Why `rendered` no longer fits the song, or success.
Status checkFits(const ProjectData& data, const RenderedTake& rendered)
{
    const int index = data.sectionIndex(rendered.sectionId);
    if (index < 0)
        return Error{QStringLiteral("Section \"%1\" was removed while it was being generated.").arg(rendered.sectionName)};
    const Section& section = data.sections[index];
    if (section.locked)
        return Error{QStringLiteral("Section \"%1\" is locked; unlock it to regenerate it.").arg(section.displayName())};
    if (section.start != rendered.sectionStart || section.end != rendered.sectionEnd)
        return Error{QStringLiteral("Section \"%1\" changed while it was being generated; regenerate it again.")
                         .arg(section.displayName())};
    return Status::success();
}

}  // namespace

Result<GenerationRequest> requestFor(const ProjectData& data, const QString& bundlePath, int targetSection,
                                     const RegenerateOptions& options, JobControl* job)
{
    GenerationRequest r;
    r.caption = data.settings.caption;
    r.sampleRate = data.settings.sampleRate;
    r.tempo = data.settings.tempo;
    r.key = data.settings.key;
    r.timeSignature = data.settings.timeSignature;
    r.downbeatOffset = data.settings.downbeatOffset;
    r.chords = data.chords;
    for (const Track& t : data.tracks)
        if (t.locked && !r.withoutRoles.contains(t.role))
            r.withoutRoles.append(t.role);
    r.seed = options.seed;
    r.steps = options.steps;
    r.guidance = options.guidance;
    r.sectionGuidance = options.guidance;
    r.contextSeconds = options.contextSeconds;
    r.targetSection = targetSection;
    for (int i = 0; i < data.sections.size(); ++i) {
        const Section& s = data.sections[i];
        SectionPlan plan;
        plan.id = s.id;
        plan.label = s.label;
        plan.customLabel = s.customLabel;
        plan.start = s.start;
        plan.end = s.end;
        plan.caption = i == targetSection && options.caption ? *options.caption : s.caption;
        plan.tags = s.tags;
        plan.energy = s.energy;
        if (const Take* take = s.activeTake())
            plan.seed = take->origin.seed;
        r.sections.append(plan);
    }
    // A section's context, or the user's recordings a whole-song generation plays around (accompaniment).
    if (targetSection >= 0 || !r.withoutRoles.isEmpty()) {
        r.context = currentStems(data, bundlePath, job);
        if (job && job->cancelled())
            return cancelledError();
    }
    return r;
}

Result<QString> storeStem(const QString& bundlePath, const AudioBuffer& audio)
{
    QTemporaryDir temp;
    const QString file = temp.filePath(QStringLiteral("stem.flac"));
    if (Status s = AudioFileWriter::write(file, audio, AudioFileFormat::Flac24); !s)
        return s.error();
    return bundle::addAudioFile(bundlePath, file);
}

Result<GenerationResult> runRegeneration(const GenerationRequest& request, Generator& engine, JobControl& job,
                                         double from, double to)
{
    PhaseJob engineJob(job, from, to);
    auto result = engine.regenerate(request, engineJob);
    if (!result)
        return result.error();
    if (job.cancelled())
        return cancelledError();
    finishStems(result.value(), request);
    return result;
}

bool playsRecording(const ProjectData& song, const AudioClip& clip)
{
    const int t = song.trackIndex(clip.trackId);
    return t >= 0 && song.tracks[t].locked;
}

QVector<AudioClip> recordingClips(const ProjectData& song, const Section& section)
{
    QVector<AudioClip> clips;
    if (const Take* active = section.activeTake())
        for (const AudioClip& clip : active->clips)
            if (playsRecording(song, clip))
                clips.append(clip);
    return clips;
}

void finishStems(GenerationResult& result, const GenerationRequest& request)
{
    guardStemLevels(result.stems, request.sampleRate, result.origin);
    result.stems.erase(std::remove_if(result.stems.begin(), result.stems.end(),
                                      [&](const Stem& stem) { return request.withoutRoles.contains(stem.role); }),
                       result.stems.end());
}

Result<RenderedTake> renderTake(const ProjectData& snapshot, const QString& bundlePath, const QString& sectionId,
                                const RegenerateOptions& options, Generator& engine, JobControl& job)
{
    const int index = snapshot.sectionIndex(sectionId);
    if (index < 0)
        return Error{QStringLiteral("There is no section with id \"%1\".").arg(sectionId)};
    const Section& section = snapshot.sections[index];
    if (section.locked)
        return Error{QStringLiteral("Section \"%1\" is locked; unlock it to regenerate it.").arg(section.displayName())};
    if (job.cancelled())
        return cancelledError();
    PhaseJob decoding(job, 0.0, kDecodeShare);
    auto request = requestFor(snapshot, bundlePath, index, options, &decoding);
    if (!request)
        return request.error();
    if (!options.stems.isEmpty()) {
        request->regenerateRoles = rolesToRemake(snapshot, options.stems);
        if (section.activeTake())
            request->harmonySeed = section.activeTake()->origin.seed;  // the chords the kept stems play
    }
    auto result = runRegeneration(request.value(), engine, job, kDecodeShare, kEngineShare);
    if (!result)
        return result.error();

    // Stray files in audio/ after a failure or a cancel here are harmless: content-addressed, unreferenced.
    RenderedTake take;
    take.sectionId = sectionId;
    take.sectionName = section.displayName();
    take.sectionStart = section.start;
    take.sectionEnd = section.end;
    take.start = result->start;
    take.end = result->end;
    take.origin = result->origin;
    take.caption = options.caption;
    take.bundlePath = bundlePath;
    take.understood = result->understood;
    // Every stem for a whole section; the asked ones (on their tracks) for a stem replacement.
    QVector<StemChoice> chosen;
    if (options.stems.isEmpty()) {
        take.keptClips = recordingClips(snapshot, section);  // the user's recordings stay as they are
        for (int i = 0; i < result->stems.size(); ++i)
            chosen.append(StemChoice{i, {}});
    } else if (auto choice = chooseStems(snapshot, section, options.stems, result->stems, take); choice) {
        chosen = choice.value();
    } else {
        return choice.error();
    }
    const int stems = int(chosen.size());
    for (int i = 0; i < stems; ++i) {
        if (job.cancelled())
            return cancelledError();
        job.progress(kEngineShare + (1.0 - kEngineShare) * double(i) / double(stems), QStringLiteral("Saving the take"));
        const Stem& stem = result->stems[chosen[i].stem];
        auto file = storeStem(bundlePath, stem.audio);
        if (!file)
            return file.error();
        auto midi = stem.midi.isEmpty() ? Result<QString>(QString()) : bundle::addFileBytes(bundlePath, stem.midi, QStringLiteral("mid"));
        if (!midi)
            return midi.error();
        take.stems.append({stem.role, stem.name, file.value(), chosen[i].trackId, midi.value()});
    }
    job.progress(1.0, QStringLiteral("Done"));
    return take;
}

Result<QStringList> addRenderedTakes(Project& project, const RenderedTakes& takes, const QString& undoText)
{
    for (const RenderedTake& rendered : takes)
        if (Status fits = checkFits(project.data(), rendered); !fits)
            return fits.error();
    QUndoStack* undo = project.undoStack();
    undo->beginMacro(undoText);
    Status status = Status::success();
    QStringList ids;
    for (const RenderedTake& rendered : takes) {
        if (status && rendered.caption)
            status = project.setSectionCaption(rendered.sectionId, *rendered.caption);
        Take take;
        take.id = newId("take");
        take.name = rendered.name;
        take.origin = rendered.origin;
        take.clips = rendered.keptClips;
        for (const RenderedStem& stem : rendered.stems) {
            if (!status)
                break;
            take.clips.append({trackFor(project, stem), stem.file, rendered.start, 0, rendered.end - rendered.start, stem.midiFile});
        }
        if (status)
            status = project.addTake(rendered.sectionId, take);
        ids << take.id;
    }
    undo->endMacro();
    if (!status) {
        // Not expected after the checks above; takes the whole step back (captions and any tracks added for
        // it), so the song is as it was.
        undo->undo();
        return status.error();
    }
    return ids;
}

Result<QString> addRenderedTake(Project& project, const RenderedTake& rendered)
{
    const int index = project.data().sectionIndex(rendered.sectionId);
    const QString name = index < 0 ? rendered.sectionName : project.data().sections[index].displayName();
    auto ids = addRenderedTakes(project, {rendered}, QStringLiteral("Regenerate %1").arg(name));
    if (!ids)
        return ids.error();
    return ids->constFirst();
}

Result<QString> regenerateSection(Project& project, const QString& bundlePath, const QString& sectionId,
                                  const RegenerateOptions& options, Generator& engine, JobControl& job)
{
    // The live data is its own snapshot here: nothing can change it between the two steps.
    auto rendered = renderTake(project.data(), bundlePath, sectionId, options, engine, job);
    if (!rendered)
        return rendered.error();
    if (job.cancelled())
        return cancelledError();
    return addRenderedTake(project, rendered.value());
}

}  // namespace s2a::inference
