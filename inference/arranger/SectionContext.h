#pragma once

// Everything a part writer needs to know about one section: where it lies on the tick grid, its chords,
// its energy, what comes next, and the seeds that make its choices repeatable.
#include "inference/arranger/MusicTheory.h"
#include "inference/arranger/NoteEvent.h"
#include "inference/arranger/StyleLibrary.h"

#include <QSet>

#include <algorithm>

#include <vector>

namespace s2a::inference::arranger {

struct SectionContext {
    int index = 0;
    core::SectionLabel label = core::SectionLabel::Verse;
    core::SectionLabel family = core::SectionLabel::Verse;  // whose material it shares: intro -> verse, outro -> chorus
    double energy = 0.5;                                    // 0..1 after label defaults and caption words
    qint64 startTick = 0;                                   // first tick owned by the section
    qint64 endTick = 0;                                     // one past the last
    qint64 firstBarTick = 0;                                // bar 0 of the section starts here (<= startTick)
    int bars = 0;
    int stepsPerBar = 16;
    std::vector<Chord> chords;                              // one per bar: the chord on its downbeat
    // Per bar, the chord from its middle (midStep()) on, when the song's chord lane changes there; empty, or equal
    // to chords[bar], where the bar holds one chord.
    std::vector<Chord> lateChords;
    Chord nextChord;                                        // the chord the next section starts on
    bool hasNext = false;
    core::SectionLabel nextLabel = core::SectionLabel::Outro;
    double nextEnergy = 0.0;
    bool isFirst = false;
    quint64 labelSeed = 0;    // shared by sections of the same family with the same seed: chorus 2 recalls chorus 1
    quint64 sectionSeed = 0;  // this section's own variations
    Key key;
    const StyleDef* style = nullptr;
    QSet<core::TrackRole> active;
    bool percussion = false;  // hand percussion layer on the drum stem
    // The highest register comping may reach (MIDI note the voicings stay under): below the lead's register when
    // the user's own recording sings or plays the tune, so the band leaves it room; 127 otherwise.
    int compingCeiling = 127;
    // Per bar, where the lead's register was measured: under the tune in the bars it plays, 127 where it rests.
    // Empty: compingCeiling throughout.
    std::vector<int> barCeilings;

    qint64 barTicks() const { return qint64(stepsPerBar) * kTicksPerStep; }
    qint64 barStart(int bar) const { return firstBarTick + bar * barTicks(); }
    qint64 stepTick(int bar, int step) const { return barStart(bar) + qint64(step) * kTicksPerStep; }
    bool owns(qint64 tick) const { return tick >= startTick && tick < endTick; }
    const Chord& chordAtBar(int bar) const { return chords[size_t(std::clamp(bar, 0, bars - 1))]; }
    // Where a bar's second chord starts: beat 3 of 4/4, the beat after the middle of other metres.
    int midStep() const { return ((stepsPerBar / 4 + 1) / 2) * 4; }
    // The chord sounding at `step` of `bar`.
    const Chord& chordAt(int bar, int step) const
    {
        const auto b = size_t(std::clamp(bar, 0, bars - 1));
        return step >= midStep() && b < lateChords.size() ? lateChords[b] : chords[b];
    }
    bool changesMidBar(int bar) const { return chordAt(bar, midStep()).symbol != chordAtBar(bar).symbol; }
    int ceilingAtBar(int bar) const
    {
        return barCeilings.empty() ? compingCeiling : barCeilings[size_t(std::clamp(bar, 0, int(barCeilings.size()) - 1))];
    }
    int barOf(qint64 tick) const { return int((tick - firstBarTick) / barTicks()); }
    // Density tiers shared by all writers so the band changes gear together.
    bool sparse() const { return energy < 0.45; }
    bool full() const { return energy >= 0.72; }
    // The next section is a lift (chorus, drop or simply louder): fills and pickups announce it.
    bool liftAhead() const
    {
        return hasNext && (nextLabel == core::SectionLabel::Chorus || nextLabel == core::SectionLabel::Drop
                           || nextEnergy > energy + 0.12);
    }
};

// Velocity from a rhythm character, scaled by the section's energy.
inline int accentVelocity(char c, double energy)
{
    int v = 0;
    switch (c) {
    case 'X': v = 118; break;
    case 'x': v = 98; break;
    case 'o': v = 74; break;
    case 'g': v = 40; break;
    default: return 0;
    }
    const double scale = 0.78 + 0.3 * energy;
    return std::clamp(int(v * scale + 0.5), 1, 127);
}

}  // namespace s2a::inference::arranger
