#include "inference/arranger/ArrangerEngine.h"

#include "inference/arranger/Arranger.h"
#include "inference/arranger/FluidRenderer.h"
#include "inference/arranger/MidiFileWriter.h"
#include "inference/arranger/SongPlanner.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace s2a::inference::arranger {
namespace {

constexpr double kSeamSeconds = 0.010;

Status validate(const GenerationRequest& r, bool regenerating)
{
    if (r.sampleRate < core::limits::kMinSampleRate || r.sampleRate > core::limits::kMaxSampleRate)
        return Error{QStringLiteral("The sample rate %1 Hz is not supported.").arg(r.sampleRate)};
    if (r.sections.isEmpty())
        return Error{QStringLiteral("The song has no sections to arrange.")};
    core::SampleCount expected = 0;
    for (int i = 0; i < r.sections.size(); ++i) {
        const SectionPlan& s = r.sections[i];
        if (s.start != expected)
            return Error{QStringLiteral("Section %1 starts at sample %2, but the previous one ends at %3; sections must be contiguous from 0.")
                             .arg(i + 1).arg(s.start).arg(expected)};
        if (s.end <= s.start)
            return Error{QStringLiteral("Section %1 is empty (it ends where it starts).").arg(i + 1)};
        expected = s.end;
    }
    if (regenerating && (r.targetSection < 0 || r.targetSection >= r.sections.size()))
        return Error{QStringLiteral("There is no section %1 to regenerate.").arg(r.targetSection + 1)};
    return Status::success();
}

std::vector<quint64> sectionSeeds(const GenerationRequest& r, bool regenerating)
{
    std::vector<quint64> seeds;
    for (int i = 0; i < r.sections.size(); ++i) {
        const quint64 own = r.sections[i].seed;
        seeds.push_back(!regenerating || i == r.targetSection || own == 0 ? r.seed : own);
    }
    return seeds;
}

// What decides tempo and key when the request leaves them open: the song's seed (a neighbour's), so a
// regenerated section keeps the song's tempo and key even if the caller did not pass them.
quint64 songSeed(const GenerationRequest& r, bool regenerating)
{
    if (regenerating)
        for (int i = 0; i < r.sections.size(); ++i)
            if (i != r.targetSection && r.sections[i].seed != 0)
                return r.sections[i].seed;
    return r.seed;
}

core::TakeOrigin originFor(const GenerationRequest& r, const QString& caption)
{
    core::TakeOrigin o;
    o.engine = QStringLiteral("arranger");
    o.modelId = QString::fromLatin1(ArrangerEngine::kModelId);
    if (auto font = FluidRenderer::findSoundFont())
        o.modelId += QLatin1Char('/') + QFileInfo(font.value()).fileName();
    o.caption = caption;
    o.seed = r.seed;
    o.contextSeconds = r.targetSection >= 0 ? r.contextSeconds : 0.0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    o.createdAt = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
    return o;
}

const Stem* matchingContext(const QVector<Stem>& context, const Instrument& in)
{
    const Stem* byRole = nullptr;
    for (const Stem& s : context) {
        if (s.role != in.role)
            continue;
        if (s.name == in.name)
            return &s;
        byRole = byRole ? byRole : &s;
    }
    return byRole;
}

// Blends the first and last few milliseconds of `audio` (covering [start, end)) with the song as it is, so
// the samples either side of each seam meet without a jump.
void blendSeams(core::AudioBuffer& audio, const core::AudioBuffer& song, qint64 start, qint64 end)
{
    if (song.channelCount() != audio.channelCount() || song.frames() < end)
        return;
    const qint64 n = std::min<qint64>(qint64(kSeamSeconds * audio.sampleRate), (end - start) / 4);
    for (int c = 0; c < audio.channelCount(); ++c) {
        auto& out = audio.channels[size_t(c)];
        const auto& old = song.channels[size_t(c)];
        for (qint64 i = 0; i < n; ++i) {
            const float w = float(i + 1) / float(n + 1);  // new audio's weight rises over the first n samples
            out[size_t(i)] = old[size_t(start + i)] * (1.0f - w) + out[size_t(i)] * w;
            const qint64 j = end - start - 1 - i;         // and falls over the last n
            out[size_t(j)] = old[size_t(start + j)] * (1.0f - w) + out[size_t(j)] * w;
        }
    }
}

}  // namespace

Result<GenerationResult> ArrangerEngine::generate(const GenerationRequest& request, JobControl& job)
{
    if (Status ok = validate(request, false); !ok)
        return ok.error();
    job.progress(0.0, QStringLiteral("Arranging"));
    auto plan = SongPlanner::plan(request, songSeed(request, false));
    if (!plan)
        return plan.error();
    const Arranger arranger(plan.value(), request.sections, request.sampleRate, sectionSeeds(request, false));
    const std::vector<StemPart> parts = arranger.parts();
    if (job.cancelled())
        return cancelledError();
    const qint64 length = request.sections.constLast().end;
    auto audio = FluidRenderer::render(parts, arranger.timeline(), {0, 0, length}, job, 0.05, 1.0);
    if (!audio)
        return audio.error();

    GenerationResult result;
    result.start = 0;
    result.end = length;
    result.tempo = plan->tempo;
    result.key = plan->key.toString();
    result.understood = plan->understood();
    result.origin = originFor(request, request.caption);
    const qint64 endTick = arranger.sections().back().endTick;
    for (size_t i = 0; i < parts.size(); ++i) {
        Stem stem;
        stem.role = parts[i].instrument.role;
        stem.name = parts[i].instrument.name;
        stem.audio = std::move(audio.value()[i]);
        stem.midi = MidiFileWriter::write(parts[i], plan->tempo, 0, endTick);
        result.stems.push_back(std::move(stem));
    }
    job.progress(1.0, QStringLiteral("Done"));
    return result;
}

Result<GenerationResult> ArrangerEngine::regenerate(const GenerationRequest& request, JobControl& job)
{
    if (Status ok = validate(request, true); !ok)
        return ok.error();
    job.progress(0.0, QStringLiteral("Arranging"));
    auto plan = SongPlanner::plan(request, songSeed(request, true));
    if (!plan)
        return plan.error();
    std::vector<quint64> harmony = sectionSeeds(request, true);
    if (request.harmonySeed != 0)
        harmony[size_t(request.targetSection)] = request.harmonySeed;
    const Arranger arranger(plan.value(), request.sections, request.sampleRate, sectionSeeds(request, true), harmony);
    const std::vector<StemPart> parts = arranger.parts();
    const SectionPlan& target = request.sections[request.targetSection];
    const SectionContext& ctx = arranger.sections()[size_t(request.targetSection)];
    // Pre-roll: two bars (at least two seconds) of what precedes, so notes held over the boundary and
    // reverb tails are in the synth when the section starts.
    const qint64 barSamples = arranger.timeline().tickToSample(ctx.barTicks());
    const qint64 preRoll = std::max<qint64>(2 * barSamples, 2 * request.sampleRate);
    const FluidRenderer::Span span{std::max<qint64>(0, target.start - preRoll), target.start, target.end};
    auto audio = FluidRenderer::render(parts, arranger.timeline(), span, job, 0.05, 1.0);
    if (!audio)
        return audio.error();

    GenerationResult result;
    result.start = target.start;
    result.end = target.end;
    result.tempo = plan->tempo;
    result.key = plan->key.toString();
    result.understood = plan->understood();
    result.origin = originFor(request, target.caption.isEmpty() ? request.caption : target.caption);
    for (size_t i = 0; i < parts.size(); ++i) {
        Stem stem;
        stem.role = parts[i].instrument.role;
        stem.name = parts[i].instrument.name;
        stem.audio = std::move(audio.value()[i]);
        if (const Stem* old = matchingContext(request.context, parts[i].instrument))
            blendSeams(stem.audio, old->audio, target.start, target.end);
        stem.midi = MidiFileWriter::write(parts[i], plan->tempo, ctx.startTick, ctx.endTick);
        result.stems.push_back(std::move(stem));
    }
    job.progress(1.0, QStringLiteral("Done"));
    return result;
}

Result<QJsonObject> ArrangerEngine::describe(const GenerationRequest& request)
{
    if (Status ok = validate(request, false); !ok)
        return ok.error();
    auto plan = SongPlanner::plan(request, songSeed(request, false));
    if (!plan)
        return plan.error();
    const Arranger arranger(plan.value(), request.sections, request.sampleRate, sectionSeeds(request, false));
    QJsonArray sections;
    for (const SectionContext& c : arranger.sections()) {
        QJsonArray chords;
        for (const Chord& ch : c.chords)
            chords.append(ch.symbol);
        QJsonArray roles;
        for (const Instrument& in : plan->band)
            if (c.active.contains(in.role))
                roles.append(core::toString(in.role));
        sections.append(QJsonObject{{QStringLiteral("energy"), c.energy},
                                    {QStringLiteral("bars"), c.bars},
                                    {QStringLiteral("chords"), chords},
                                    {QStringLiteral("instruments"), roles}});
    }
    QJsonObject json = plan->toJson();
    json.insert(QStringLiteral("sections"), sections);
    return json;
}

}  // namespace s2a::inference::arranger
