#include "inference/RangeRepainter.h"
#include "inference/StemReplacement.h"

#include "core/midi/MidiFile.h"
#include "core/model/SectionEdits.h"
#include "core/util/ClockText.h"
#include "core/persistence/ProjectBundle.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace s2a::inference {

using namespace core;

namespace {

constexpr double kDecodeShare = 0.10;
constexpr double kEngineShare = 0.85;

QString clock(SampleCount sample, int sampleRate) { return clockText(double(sample) / double(sampleRate), 1); }

// Raised-cosine weight of the new audio at `i` of `n` fade samples (0 -> 1).
float fadeIn(SampleCount i, SampleCount n)
{
    return float(0.5 - 0.5 * std::cos(M_PI * (double(i) + 0.5) / double(n)));
}

// One track's new audio over [from, to) (the range's part in one section): `after` (the engine's, covering
// [afterStart, ...), or silence), crossfaded from and to `before` (the song as it is, on the timeline) over `fade`
// samples at each seam of the range that lies inside the song.
AudioBuffer splice(const AudioBuffer* before, const AudioBuffer* after, SampleCount afterStart, SampleCount from,
                   SampleCount to, RepaintRange range, SampleCount songLength, SampleCount fade, int sampleRate)
{
    AudioBuffer out = AudioBuffer::silence(2, to - from, sampleRate);
    auto sampleOf = [](const AudioBuffer* b, int c, SampleCount at) -> float {
        if (!b || at < 0 || at >= b->frames() || b->channelCount() == 0)
            return 0.0f;
        return b->channels[size_t(std::min(c, b->channelCount() - 1))][size_t(at)];
    };
    for (int c = 0; c < 2; ++c) {
        float* o = out.channels[size_t(c)].data();
        for (SampleCount t = from; t < to; ++t) {
            const float old = sampleOf(before, c, t);
            const float made = sampleOf(after, c, t - afterStart);
            float w = 1.0f;
            if (range.start > 0 && t - range.start < fade)
                w = fadeIn(t - range.start, fade);
            if (range.end < songLength && range.end - 1 - t < fade)
                w = std::min(w, fadeIn(range.end - 1 - t, fade));
            o[t - from] = old + w * (made - old);
        }
    }
    return out;
}

}  // namespace

RepaintRangeProblem findRepaintRangeProblem(const ProjectData& song, RepaintRange range)
{
    if (range.start < 0 || range.end > song.length() || range.end <= range.start)
        return {RepaintRangeProblem::OutsideSong, -1};
    if (range.length() < SampleCount(kMinRepaintSeconds * song.settings.sampleRate))
        return {RepaintRangeProblem::TooShort, -1};
    for (int i = 0; i < song.sections.size(); ++i)
        if (song.sections[i].locked && song.sections[i].start < range.end && song.sections[i].end > range.start)
            return {RepaintRangeProblem::Locked, i};
    return {};
}

Status checkRepaintRange(const ProjectData& song, RepaintRange range)
{
    const int rate = song.settings.sampleRate;
    const RepaintRangeProblem problem = findRepaintRangeProblem(song, range);
    switch (problem.kind) {
    case RepaintRangeProblem::None:
        return Status::success();
    case RepaintRangeProblem::OutsideSong:
        return Error{QStringLiteral("The range %1–%2 is not inside the song (0:00.0–%3).")
                         .arg(clock(std::max<SampleCount>(0, range.start), rate), clock(std::max<SampleCount>(0, range.end), rate),
                              clock(song.length(), rate))};
    case RepaintRangeProblem::TooShort:
        return Error{QStringLiteral("The range is too short to repaint: make it at least %1 s long.").arg(kMinRepaintSeconds)};
    case RepaintRangeProblem::Locked:
        return Error{QStringLiteral("Section \"%1\" is locked; unlock it to repaint over it.")
                         .arg(song.sections[problem.section].displayName())};
    }
    return Status::success();
}

QVector<SectionPlan> repaintPlan(const QVector<SectionPlan>& sections, RepaintRange range, int& target)
{
    target = -1;
    const SampleCount middle = range.start + range.length() / 2;
    QVector<SectionPlan> plan;
    for (const SectionPlan& s : sections) {
        if (s.end <= range.start || s.start >= range.end) {
            plan.append(s);
            continue;
        }
        if (s.start < range.start) {
            SectionPlan head = s;
            head.end = range.start;
            plan.append(head);
        }
        if (s.start <= middle && middle < s.end) {
            SectionPlan repaint = s;
            repaint.id = QStringLiteral("repaint");
            repaint.start = range.start;
            repaint.end = range.end;
            target = int(plan.size());
            plan.append(repaint);
        }
        if (s.end > range.end) {
            SectionPlan tail = s;
            tail.id = s.id + QStringLiteral("/after");
            tail.start = range.end;
            plan.append(tail);
        }
    }
    return plan;
}

QString repaintName(RepaintRange range, int sampleRate)
{
    return QStringLiteral("Repaint %1–%2").arg(clock(range.start, sampleRate), clock(range.end, sampleRate));
}

Result<QVector<RenderedTake>> renderRepaint(const ProjectData& snapshot, const QString& bundlePath, RepaintRange range,
                                            const RegenerateOptions& options, Generator& engine, JobControl& job)
{
    if (Status ok = checkRepaintRange(snapshot, range); !ok)
        return ok.error();
    if (job.cancelled())
        return cancelledError();
    const int middle = snapshot.sectionIndexAt(range.start + range.length() / 2);
    PhaseJob decoding(job, 0.0, kDecodeShare);
    auto request = requestFor(snapshot, bundlePath, middle, options, &decoding);
    if (!request)
        return request.error();
    request->sections = repaintPlan(request->sections, range, request->targetSection);
    if (request->targetSection < 0)
        return Error{QStringLiteral("The range %1 lies outside every section.").arg(repaintName(range, request->sampleRate))};

    auto result = runRegeneration(request.value(), engine, job, kDecodeShare, kEngineShare);
    if (!result)
        return result.error();

    // request->context[i] is project track i as it plays now (requestFor renders every track).
    const QStringList trackIds = assignStemTracks(snapshot, result->stems);
    const SampleCount fade = std::min<SampleCount>(SampleCount(kRepaintSeamSeconds * request->sampleRate), range.length() / 4);
    const QString name = repaintName(range, request->sampleRate);
    QVector<RenderedTake> takes;
    const QString stage = QStringLiteral("Saving the takes");
    int done = 0;
    int touched = 0;
    for (const Section& s : snapshot.sections)
        touched += s.start < range.end && s.end > range.start ? 1 : 0;
    for (const Section& section : snapshot.sections) {
        if (section.end <= range.start || section.start >= range.end)
            continue;
        // The section's audio outside the range stays in the files it is in (the active take's clips, cut at the
        // range), so it is the same samples by construction; only the range's part is new audio.
        const SampleCount from = std::max(range.start, section.start), to = std::min(range.end, section.end);
        RenderedTake take;
        take.sectionId = section.id;
        take.sectionName = section.displayName();
        take.sectionStart = section.start;
        take.sectionEnd = section.end;
        take.start = from;
        take.end = to;
        take.origin = result->origin;
        take.bundlePath = bundlePath;
        take.understood = result->understood;
        take.name = name;
        if (const Take* active = section.activeTake())
            for (const AudioClip& clip : active->clips) {
                if (playsRecording(snapshot, clip)) {
                    take.keptClips.append(clip);  // a recording stays whole
                    continue;
                }
                for (const AudioClip& part : {SectionEdits::trimmed(clip, section.start, from), SectionEdits::trimmed(clip, to, section.end)})
                    if (part.length > 0)
                        take.keptClips.append(part);
            }
        auto store = [&](const AudioBuffer* before, const Stem* made, TrackRole role, const QString& stemName,
                         const QString& trackId) -> Status {
            const AudioBuffer* after = made ? &made->audio : nullptr;
            if (job.cancelled())
                return cancelledError();
            const AudioBuffer audio = splice(before, after, result->start, from, to, range, snapshot.length(), fade,
                                             request->sampleRate);
            if (audio.isSilent())
                return Status::success();
            auto file = storeStem(bundlePath, audio);
            if (!file)
                return file.error();
            const QByteArray midi = made ? midiExcerpt(made->midi, double(from - result->start) / request->sampleRate,
                                                       double(to - from) / request->sampleRate, result->tempo) : QByteArray();
            auto midiFile = midi.isEmpty() ? Result<QString>(QString()) : bundle::addFileBytes(bundlePath, midi, QStringLiteral("mid"));
            if (!midiFile)
                return midiFile.error();
            take.stems.append({role, stemName, file.value(), trackId, midiFile.value()});
            return Status::success();
        };
        for (int t = 0; t < snapshot.tracks.size(); ++t) {
            if (snapshot.tracks[t].locked)
                continue;
            const int stem = int(trackIds.indexOf(snapshot.tracks[t].id));
            const AudioBuffer* before = t < request->context.size() ? &request->context[t].audio : nullptr;
            const Stem* after = stem >= 0 ? &result->stems[stem] : nullptr;
            if (Status s = store(before, after, snapshot.tracks[t].role, snapshot.tracks[t].name, snapshot.tracks[t].id); !s)
                return s.error();
        }
        for (int i = 0; i < result->stems.size(); ++i)
            if (snapshot.trackIndex(trackIds[i]) < 0)
                if (Status s = store(nullptr, &result->stems[i], result->stems[i].role, result->stems[i].name, trackIds[i]); !s)
                    return s.error();
        takes.append(take);
        job.progress(kEngineShare + (1.0 - kEngineShare) * double(++done) / double(touched), stage);
    }
    job.progress(1.0, QStringLiteral("Done"));
    return takes;
}

}  // namespace s2a::inference
