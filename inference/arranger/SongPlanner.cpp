#include "inference/arranger/SongPlanner.h"

#include "inference/analysis/LeadRegister.h"
#include "inference/arranger/InstrumentCatalog.h"
#include "inference/arranger/Random.h"
#include "inference/arranger/Timeline.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace s2a::inference::arranger {
namespace {

using R = core::TrackRole;

// Programs for a role the style's band does not have, when a caption names it ("jazz with strings").
int genericProgram(R role)
{
    switch (role) {
    case R::Bass: return 33;
    case R::Keys: return 0;
    case R::Guitar: return 27;
    case R::Strings: return 48;
    case R::Pads: return 89;
    case R::Lead: return 80;
    case R::Other: return 61;
    default: return 0;
    }
}

QString genericName(R role)
{
    switch (role) {
    case R::Drums: return QStringLiteral("Drums");
    case R::Bass: return QStringLiteral("Bass");
    case R::Keys: return QStringLiteral("Piano");
    case R::Guitar: return QStringLiteral("Guitar");
    case R::Strings: return QStringLiteral("Strings");
    case R::Pads: return QStringLiteral("Pad");
    case R::Lead: return QStringLiteral("Lead");
    default: return QStringLiteral("Brass");
    }
}

void addNamed(MusicPlan& plan, const StyleDef& style, const NamedInstrument& n)
{
    if (plan.instrument(n.role))
        return;
    const BandMember* member = nullptr;
    for (const BandMember& m : style.band)
        if (m.role == n.role)
            member = &m;
    int program = n.program >= 0 ? n.program : (member ? member->program : genericProgram(n.role));
    QString name = !n.name.isEmpty() ? n.name : (member ? QString::fromLatin1(member->name) : genericName(n.role));
    if (n.role == R::Drums && n.program < 0)
        program = style.kit;
    plan.band.push_back(makeInstrument(n.role, program, name));
}

// The user's recorded tune: the context's lead and vocal stems the band leaves out (a locked recording), summed
// on the timeline; empty when the request brings none.
core::AudioBuffer recordedTune(const GenerationRequest& request)
{
    core::AudioBuffer tune;
    for (const Stem& s : request.context) {
        if (!request.withoutRoles.contains(s.role) || (s.role != R::Lead && s.role != R::Vocals))
            continue;
        if (tune.channels.empty())
            tune = s.audio;
        else
            core::mixInto(tune, s.audio);
    }
    return tune;
}

}  // namespace

double tempoMin(const CaptionIntent& intent, const StyleDef& style)
{
    return intent.genreTempoMin > 0.0 ? intent.genreTempoMin : style.tempoMin;
}

double tempoMax(const CaptionIntent& intent, const StyleDef& style)
{
    return intent.genreTempoMax > 0.0 ? intent.genreTempoMax : style.tempoMax;
}

const Instrument* MusicPlan::instrument(core::TrackRole role) const
{
    for (const Instrument& i : band)
        if (i.role == role)
            return &i;
    return nullptr;
}

double SongPlanner::defaultEnergy(core::SectionLabel label)
{
    switch (label) {
    case core::SectionLabel::Intro: return 0.3;
    case core::SectionLabel::Verse: return 0.5;
    case core::SectionLabel::PreChorus: return 0.62;
    case core::SectionLabel::Chorus: return 0.85;
    case core::SectionLabel::Bridge: return 0.55;
    case core::SectionLabel::Breakdown: return 0.28;
    case core::SectionLabel::Build: return 0.68;
    case core::SectionLabel::Drop: return 1.0;
    case core::SectionLabel::Solo: return 0.75;
    case core::SectionLabel::Outro: return 0.35;
    case core::SectionLabel::Custom: return 0.5;
    }
    return 0.5;
}

Result<MusicPlan> SongPlanner::plan(const GenerationRequest& request, quint64 songSeed)
{
    MusicPlan plan;
    plan.intent = parseCaption(request.caption);
    const CaptionIntent& intent = plan.intent;
    plan.style = intent.style.value_or(Style::Pop);
    const StyleDef& style = styleDef(plan.style);
    Rng rng(deriveSeed(songSeed, {0x504c414eull}));

    if (request.tempo > 0.0) {
        plan.tempo = request.tempo;
        plan.tempoSource = QStringLiteral("project");
    } else if (intent.tempo) {
        plan.tempo = *intent.tempo;
        plan.tempoSource = QStringLiteral("caption");
    } else if (intent.tempoFeel) {
        // Words move within (and a little beyond) the genre's range: "slow house" is still house.
        const double lo = tempoMin(intent, style) * 0.9;
        const double hi = tempoMax(intent, style) * 1.08;
        plan.tempo = std::round(lo + (hi - lo) * *intent.tempoFeel);
        plan.tempoSource = QStringLiteral("caption");
    } else {
        plan.tempo = double(rng.range(int(tempoMin(intent, style)), int(tempoMax(intent, style))));
        plan.tempoSource = QStringLiteral("style");
    }
    if (plan.tempo < core::limits::kMinTempo || plan.tempo > core::limits::kMaxTempo)
        return Error{QStringLiteral("The tempo %1 BPM is outside %2..%3 BPM.").arg(plan.tempo).arg(core::limits::kMinTempo).arg(core::limits::kMaxTempo)};

    const int tonicDraw = rng.range(0, 11);
    const bool minorDraw = rng.chance(style.minorChance);
    if (!request.key.isEmpty()) {
        const auto key = Key::parse(request.key);
        if (!key)
            return Error{QStringLiteral("\"%1\" is not a key such as \"C major\" or \"F# minor\".").arg(request.key)};
        plan.key = *key;
        plan.keySource = QStringLiteral("project");
    } else {
        plan.key.tonic = intent.tonic.value_or(tonicDraw);
        plan.key.minor = intent.minor.value_or(minorDraw);
        plan.keySource = intent.tonic ? QStringLiteral("caption")
                                      : (intent.minor ? QStringLiteral("mood") : QStringLiteral("style"));
    }
    const core::TimeSignature ts = request.timeSignature;
    if (!core::limits::isValidTimeSignature(ts))
        return Error{QStringLiteral("%1/%2 is not a time signature.").arg(ts.numerator).arg(ts.denominator)};
    plan.stepsPerBar = std::max(1, ts.numerator * 16 / ts.denominator);
    plan.downbeatOffset = request.downbeatOffset;
    plan.chords = request.chords;
    plan.recordedLead = request.withoutRoles.contains(R::Lead) || request.withoutRoles.contains(R::Vocals);
    if (plan.recordedLead) {
        if (const core::AudioBuffer tune = recordedTune(request); !tune.channels.empty()) {
            const analysis::LeadRegister lead = analysis::measureLeadRegister(tune);
            plan.recordedLeadLowNote = lead.lowNote;
            for (const auto& span : lead.busy)
                plan.recordedLeadBusy.append({span.first, span.second});
        }
    }

    // The band: the style's core plus what the caption names; the whole default band when it names nothing.
    for (const NamedInstrument& n : intent.instruments)
        addNamed(plan, style, n);
    const bool namedAny = !intent.instruments.empty();
    for (const BandMember& m : style.band) {
        if (intent.excluded.contains(m.role) || (namedAny && (intent.only || !m.core)))
            continue;
        addNamed(plan, style, NamedInstrument{m.role, m.role == R::Drums ? -1 : m.program, QString::fromLatin1(m.name), {}});
    }
    // Section captions may bring in instruments of their own ("bridge: add strings").
    for (const SectionPlan& s : request.sections) {
        const CaptionIntent local = parseCaption(s.caption);
        for (const NamedInstrument& n : local.instruments)
            if (!intent.excluded.contains(n.role))
                addNamed(plan, style, n);
        plan.percussion = plan.percussion || local.percussion;
    }
    plan.percussion = plan.percussion || intent.percussion;
    if (plan.percussion && !plan.instrument(R::Drums)) {
        plan.band.push_back(makeInstrument(R::Drums, 0, QStringLiteral("Percussion")));
        plan.percussionOnly = true;
    }
    // The user's recording plays these: no instrument of the band doubles it.
    plan.band.erase(std::remove_if(plan.band.begin(), plan.band.end(),
                                   [&](const Instrument& i) { return request.withoutRoles.contains(i.role); }),
                    plan.band.end());
    if (plan.band.empty())
        plan.band.push_back(makeInstrument(R::Keys, 0, QStringLiteral("Piano")));
    std::stable_sort(plan.band.begin(), plan.band.end(),
                     [](const Instrument& a, const Instrument& b) { return roleOrder(a.role) < roleOrder(b.role); });
    return plan;
}

QString MusicPlan::understood() const
{
    const StyleDef& def = styleDef(style);
    QStringList parts;
    parts << (intent.style ? intent.genreName() : QString::fromLatin1(def.name) + QStringLiteral(" (default style)"));
    parts << QStringLiteral("%1 BPM (%2)").arg(tempo).arg(tempoSource == QLatin1String("style") ? QStringLiteral("style default") : tempoSource);
    parts << QStringLiteral("%1 (%2)").arg(key.toString(), keySource == QLatin1String("style") ? QStringLiteral("chosen") : keySource);
    QStringList names;
    for (const Instrument& i : band)
        names << i.name.toLower();
    parts << QStringLiteral("band: ") + names.join(QStringLiteral(", "));
    if (!intent.moods.isEmpty())
        parts << QStringLiteral("feel: ") + intent.moods.join(QStringLiteral(", "));
    if (!intent.unknownWords.isEmpty())
        parts << QStringLiteral("I did not understand: ") + intent.unknownWords.join(QStringLiteral(", "));
    return parts.join(QStringLiteral(" · "));
}

QJsonObject MusicPlan::toJson() const
{
    QJsonArray bandJson;
    for (const Instrument& i : band) {
        bandJson.append(QJsonObject{{QStringLiteral("role"), core::toString(i.role)},
                                    {QStringLiteral("name"), i.name},
                                    {QStringLiteral("program"), i.program},
                                    {QStringLiteral("drums"), i.drums}});
    }
    return QJsonObject{{QStringLiteral("style"), QString::fromLatin1(styleDef(style).id)},
                       {QStringLiteral("tempo"), tempo},
                       {QStringLiteral("key"), key.toString()},
                       {QStringLiteral("stepsPerBar"), stepsPerBar},
                       {QStringLiteral("percussion"), percussion},
                       {QStringLiteral("band"), bandJson},
                       {QStringLiteral("understood"), understood()}};
}

QVector<SectionPlan> SongPlanner::barSections(const QVector<QPair<core::SectionLabel, int>>& labelsAndBars, double tempo,
                                              int sampleRate, const core::TimeSignature& ts)
{
    const Timeline timeline(sampleRate, tempo);
    const qint64 barTicks = qint64(ts.numerator) * kTicksPerBeat * 4 / ts.denominator;
    QVector<SectionPlan> sections;
    qint64 bar = 0;
    for (const auto& [label, bars] : labelsAndBars) {
        SectionPlan s;
        s.id = core::newId("sec");
        s.label = label;
        s.start = timeline.tickToSample(bar * barTicks);
        bar += bars;
        s.end = timeline.tickToSample(bar * barTicks);
        sections.push_back(s);
    }
    return sections;
}

}  // namespace s2a::inference::arranger
