#include "inference/SectionRegenerator.h"

#include "core/audio/AudioFileWriter.h"
#include "core/persistence/ProjectBundle.h"
#include "core/playback/MixRenderer.h"
#include "core/playback/PlanBuilder.h"

#include <QTemporaryDir>

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

// Every track's active takes along the whole song at unity gain and centre pan: what each instrument plays
// now, for the engine to continue from.
QVector<Stem> currentStems(const ProjectData& data, const QString& bundlePath)
{
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
    return stems;
}

QString trackFor(Project& project, const Stem& stem)
{
    const ProjectData& data = project.data();
    const Track* byRole = nullptr;
    for (const Track& t : data.tracks) {
        if (t.role != stem.role)
            continue;
        if (t.name == stem.name)
            return t.id;
        byRole = byRole ? byRole : &t;
    }
    if (byRole)
        return byRole->id;
    Track track;
    track.id = newId("trk");
    track.name = stem.name.isEmpty() ? toString(stem.role) : stem.name;
    track.role = stem.role;
    project.addTrack(track);
    return track.id;
}

}  // namespace

Result<GenerationRequest> requestFor(const ProjectData& data, const QString& bundlePath, int targetSection,
                                     const RegenerateOptions& options)
{
    GenerationRequest r;
    r.caption = data.settings.caption;
    r.sampleRate = data.settings.sampleRate;
    r.tempo = data.settings.tempo;
    r.key = data.settings.key;
    r.timeSignature = data.settings.timeSignature;
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
    if (targetSection >= 0)
        r.context = currentStems(data, bundlePath);
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

Result<QString> regenerateSection(Project& project, const QString& bundlePath, const QString& sectionId,
                                  const RegenerateOptions& options, Generator& engine, JobControl& job)
{
    const int index = project.data().sectionIndex(sectionId);
    if (index < 0)
        return Error{QStringLiteral("There is no section with id \"%1\".").arg(sectionId)};
    const Section& section = project.data().sections[index];
    if (section.locked)
        return Error{QStringLiteral("Section \"%1\" is locked; unlock it to regenerate it.").arg(section.displayName())};
    auto request = requestFor(project.data(), bundlePath, index, options);
    if (!request)
        return request.error();
    auto result = engine.regenerate(request.value(), job);
    if (!result)
        return result.error();
    if (job.cancelled())
        return cancelledError();

    // Write every stem before touching the project: a failure here leaves the song as it was (stray files in
    // audio/ are harmless, content-addressed and unreferenced).
    QStringList files;
    for (const Stem& stem : result->stems) {
        auto file = storeStem(bundlePath, stem.audio);
        if (!file)
            return file.error();
        files << file.value();
    }
    QUndoStack* undo = project.undoStack();
    undo->beginMacro(QStringLiteral("Regenerate %1").arg(section.displayName()));
    if (options.caption)
        project.setSectionCaption(sectionId, *options.caption);
    Take take;
    take.id = newId("take");
    take.origin = result->origin;
    for (int i = 0; i < result->stems.size(); ++i)
        take.clips.append({trackFor(project, result->stems[i]), files[i], result->start, 0, result->end - result->start});
    const Status added = project.addTake(sectionId, take);
    undo->endMacro();
    if (!added) {
        undo->undo();  // the tracks added for it go again
        return added.error();
    }
    return take.id;
}

}  // namespace s2a::inference
