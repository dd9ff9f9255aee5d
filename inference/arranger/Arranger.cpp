#include "inference/arranger/Arranger.h"

#include "inference/arranger/BassWriter.h"
#include "inference/arranger/CompingWriter.h"
#include "inference/arranger/DrumWriter.h"
#include "inference/arranger/HarmonyWriter.h"
#include "inference/arranger/Humanizer.h"
#include "inference/arranger/MelodyWriter.h"
#include "inference/arranger/Random.h"

#include "core/model/ChordSymbol.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace s2a::inference::arranger {
namespace {

using R = core::TrackRole;

// The energy at which each role joins the band. Pads and keys carry intros; bass and drums (sparse groove
// first) come in next; guitar, lead, strings and horns fill out the louder sections.
double entryEnergy(R role)
{
    switch (role) {
    case R::Pads:
    case R::Keys: return 0.0;
    case R::Drums: return 0.22;
    case R::Bass: return 0.32;
    case R::Guitar: return 0.38;
    case R::Lead: return 0.45;
    case R::Strings: return 0.55;
    default: return 0.6;
    }
}

// Tick 0 of the bar grid: the downbeat offset less as many whole bars as bring it to 0 or before.
qint64 gridOrigin(const MusicPlan& plan, int sampleRate)
{
    const double barSamples = double(sampleRate) * 60.0 / plan.tempo * plan.stepsPerBar / 4.0;
    const double bars = std::ceil(double(plan.downbeatOffset) / barSamples);
    return std::llround(double(plan.downbeatOffset) - bars * barSamples);
}

std::optional<Chord> chordFromName(const QString& name)
{
    const auto symbol = core::parseChordSymbol(name);
    if (!symbol || symbol->isNoChord())
        return std::nullopt;
    return Chord{symbol->root, symbol->intervals(), symbol->name()};
}

}  // namespace

Arranger::Arranger(const MusicPlan& plan, const QVector<SectionPlan>& sections, int sampleRate, const std::vector<quint64>& seeds,
                   const std::vector<quint64>& harmonySeeds)
    : m_plan(plan), m_timeline(sampleRate, plan.tempo, gridOrigin(plan, sampleRate))
{
    buildContexts(sections, seeds, harmonySeeds);
}

QSet<core::TrackRole> Arranger::activeRoles(const SectionPlan& section, double energy) const
{
    const CaptionIntent local = parseCaption(section.caption);
    const StyleDef& style = styleDef(m_plan.style);
    QSet<R> active;
    // A section caption that names instruments and asks for little ("sparse piano, brushed drums", "piano
    // only") gets exactly those; otherwise named instruments join the band the energy brings in.
    const bool exact = !local.instruments.empty() && (local.only || local.energyShift < 0.0);
    for (const Instrument& i : m_plan.band) {
        if (local.excluded.contains(i.role))
            continue;
        if (local.names(i.role) || (i.role == R::Drums && local.percussion)) {
            active.insert(i.role);
            continue;
        }
        if (exact)
            continue;
        double threshold = entryEnergy(i.role);
        // Instruments the song's caption names are the point of the song: they play from the verse on.
        if (m_plan.intent.names(i.role))
            threshold = std::min(threshold, 0.42);
        for (const BandMember& m : style.band)
            if (m.role == i.role && m.core && i.role != R::Drums && i.role != R::Bass)
                threshold = 0.0;
        if (energy >= threshold)
            active.insert(i.role);
    }
    // Never a section of drums alone (or of nothing): the harmony instrument that would come in first plays.
    const bool harmony = std::any_of(active.begin(), active.end(), [](R r) { return r != R::Drums; });
    if (!harmony && !exact) {
        const Instrument* first = nullptr;
        for (const Instrument& i : m_plan.band)
            if (i.role != R::Drums && !local.excluded.contains(i.role) && (!first || entryEnergy(i.role) < entryEnergy(first->role)))
                first = &i;
        if (first)
            active.insert(first->role);
    }
    if (active.isEmpty() && !m_plan.band.empty())
        active.insert(m_plan.band.front().role);
    return active;
}

void Arranger::buildContexts(const QVector<SectionPlan>& sections, const std::vector<quint64>& seeds,
                             const std::vector<quint64>& harmonySeeds)
{
    const StyleDef& style = styleDef(m_plan.style);
    const qint64 barTicks = qint64(m_plan.stepsPerBar) * kTicksPerStep;
    for (int i = 0; i < sections.size(); ++i) {
        const SectionPlan& s = sections[i];
        SectionContext c;
        c.index = i;
        c.label = s.label;
        c.family = HarmonyWriter::family(s.label);
        const CaptionIntent local = parseCaption(s.caption);
        const double base = s.energy >= 0.0 ? s.energy : SongPlanner::defaultEnergy(s.label);
        c.energy = std::clamp(base + local.energyShift + 0.5 * m_plan.intent.energyShift, 0.05, 1.0);
        c.startTick = m_timeline.firstTickAtOrAfter(s.start);
        c.endTick = m_timeline.firstTickAtOrAfter(s.end);
        c.firstBarTick = c.startTick / barTicks * barTicks;
        c.stepsPerBar = m_plan.stepsPerBar;
        c.bars = int((c.endTick - c.firstBarTick + barTicks - 1) / barTicks);
        c.isFirst = i == 0;
        c.sectionSeed = deriveSeed(seeds[size_t(i)], {quint64(i), 0x53454354ull});
        c.labelSeed = deriveSeed(seeds[size_t(i)], {quint64(c.family), 0x4c41424cull});
        c.key = m_plan.key;
        c.style = &style;
        c.active = activeRoles(s, c.energy);
        c.percussion = m_plan.percussion && (local.percussion || m_plan.intent.percussion || m_plan.percussionOnly);
        // A sung or played tune: the comping stays under it. Measured (the recording's lower register, in the
        // bars where it plays: more than half the bar covered), else the usual place of a tune, from F4 up.
        c.compingCeiling = m_plan.recordedLead ? 65 : 127;
        if (m_plan.recordedLeadLowNote > 0) {
            for (int bar = 0; bar < c.bars; ++bar) {
                const qint64 from = m_timeline.tickToSample(c.barStart(bar)), to = m_timeline.tickToSample(c.barStart(bar + 1));
                qint64 covered = 0;
                for (const auto& [a, b] : m_plan.recordedLeadBusy)
                    covered += std::max<qint64>(0, std::min(b, to) - std::max(a, from));
                c.barCeilings.push_back(2 * covered > to - from ? m_plan.recordedLeadLowNote - 1 : 127);
            }
        }
        m_contexts.push_back(c);
    }
    for (size_t i = 0; i < m_contexts.size(); ++i) {
        SectionContext& c = m_contexts[i];
        c.hasNext = i + 1 < m_contexts.size();
        if (c.hasNext) {
            c.nextLabel = m_contexts[i + 1].label;
            c.nextEnergy = m_contexts[i + 1].energy;
        }
        HarmonyRequest h;
        h.style = &style;
        h.key = m_plan.key;
        h.label = c.label;
        h.bars = std::max(1, c.bars);
        // Harmony comes from the family's seed: a section's chords are what its family plays, whatever
        // seed varied the rest of it.
        h.seed = i < harmonySeeds.size() ? harmonySeeds[i] : seeds[i];
        h.leadIntoLift = c.liftAhead();
        h.songEnd = !c.hasNext;
        if (m_plan.chords.isEmpty())
            c.chords = HarmonyWriter::sectionChords(h);
        else
            laneChords(c, sections[int(i)]);
    }
    for (size_t i = 0; i < m_contexts.size(); ++i) {
        SectionContext& c = m_contexts[i];
        c.nextChord = c.hasNext ? m_contexts[i + 1].chords.front() : c.chords.front();
    }
}

void Arranger::laneChords(SectionContext& c, const SectionPlan& section) const
{
    const QVector<core::ChordMark>& lane = m_plan.chords;
    // What plays before the section: the last chord of the lane at or before its start, else the key's tonic.
    std::optional<Chord> held;
    for (const core::ChordMark& mark : lane)
        if (mark.position <= section.start)
            if (auto chord = chordFromName(mark.name))
                held = chord;
    if (!held)
        held = chordFromRoman(m_plan.key.minor ? QStringLiteral("i") : QStringLiteral("I"), m_plan.key);
    // The lane's chord that fills most of [fromTick, toTick) within the section, else the one held before.
    const auto fill = [&](qint64 fromTick, qint64 toTick) {
        const qint64 from = std::max<qint64>(section.start, m_timeline.tickToSample(fromTick));
        const qint64 to = std::min<qint64>(section.end, m_timeline.tickToSample(toTick));
        qint64 longest = 0;
        std::optional<Chord> best;
        for (int i = 0; i < lane.size(); ++i) {
            const qint64 start = std::max<qint64>(from, lane[i].position);
            const qint64 end = std::min<qint64>(to, i + 1 < lane.size() ? lane[i + 1].position : to);
            auto chord = chordFromName(lane[i].name);
            if (chord && end - start > longest) {
                longest = end - start;
                best = chord;
            }
        }
        if (best)
            held = best;
        return *held;
    };
    c.chords.clear();
    c.lateChords.clear();
    const qint64 middle = qint64(c.midStep()) * kTicksPerStep;
    for (int bar = 0; bar < std::max(1, c.bars); ++bar) {
        c.chords.push_back(fill(c.barStart(bar), c.barStart(bar) + middle));
        c.lateChords.push_back(fill(c.barStart(bar) + middle, c.barStart(bar + 1)));
    }
}

std::vector<StemPart> Arranger::parts() const
{
    std::vector<StemPart> parts;
    for (const Instrument& instrument : m_plan.band) {
        StemPart part;
        part.instrument = instrument;
        if (instrument.drums)
            part.instrument.program = instrument.program;
        for (const SectionContext& c : m_contexts) {
            if (!c.active.contains(instrument.role) || c.endTick <= c.startTick)
                continue;
            std::vector<NoteEvent> notes;
            switch (instrument.role) {
            case R::Drums: DrumWriter::write(c, m_plan.percussionOnly, notes); break;
            case R::Bass: BassWriter::write(c, notes); break;
            case R::Lead: MelodyWriter::write(c, notes); break;
            default: CompingWriter::write(c, instrument, notes); break;
            }
            Humanizer::apply(c, instrument.role, notes);
            part.notes.insert(part.notes.end(), notes.begin(), notes.end());
        }
        Humanizer::normalise(part.notes);
        parts.push_back(std::move(part));
    }
    return parts;
}

}  // namespace s2a::inference::arranger
