#pragma once

// What makes a style sound like itself, as data: tempo range, feel, chord progressions, drum grooves, bass
// and comping rhythms, and the default band. Writers read these tables; adding a style is adding a row.
//
// Rhythm strings have one character per 16th note (16 per 4/4 bar; other metres wrap the string):
//   drums:   X accent, x normal, o soft, g ghost, . rest
//   bass:    R root, O root an octave up, 5 fifth, 3 third, 7 seventh (minor 7th unless the chord has a
//            major one), 6 sixth, N next chord's root (anticipation), A chromatic approach to the next root,
//            g dead note, - hold the previous note, . rest
//   comping: X accent, x chord, g muted scratch (guitar) / short ghost stab, a one arpeggio note,
//            - hold, . rest
#include "core/model/Labels.h"

#include <QString>
#include <QStringList>

#include <optional>

#include <vector>

namespace s2a::inference::arranger {

enum class Style {
    Pop, Rock, Metal, Edm, House, LoFi, HipHop, Jazz, Funk, Soul, Ambient, Cinematic, Folk, Latin, Reggae, Blues,
    Disco,
};

struct DrumLane {
    int note;             // GM percussion key
    const char* pattern;  // 16 steps
};

struct Groove {
    std::vector<DrumLane> lanes;
};

// One instrument of a style's default band.
struct BandMember {
    core::TrackRole role;
    int program;
    const char* name;
    bool core;  // plays even when the caption names other instruments (funk keeps its drums and bass)
};

enum class BassMode { Pattern, Walking };
enum class GuitarMode { Chords, PowerChords };

struct StyleDef {
    Style style;
    const char* id;            // stable identifier for JSON: "lofi-hiphop"
    const char* name;          // "lo-fi hip hop"
    double tempoMin, tempoMax;
    double swing8;             // 0 straight .. 1 full triplet swing of off-beat 8ths
    double swing16;            // the same for off-beat 16ths
    double looseness;          // timing spread in ticks at 480 PPQ (0 = quantised, machine styles)
    double minorChance;        // how often the style picks a minor key when the caption does not say
    int kit;                   // GM drum kit program (0 standard, 8 room, 16 power, 24 electronic, 25 TR-808, 32 jazz, 40 brush)
    QStringList majorProgressions, minorProgressions;  // space-separated Roman numerals, one chord per bar
    int chordsPerBar;
    Groove verse, chorus, sparse;
    BassMode bassMode;
    const char* bassVerse;
    const char* bassChorus;
    const char* keysVerse;
    const char* keysChorus;
    const char* guitarVerse;
    const char* guitarChorus;
    GuitarMode guitarMode;
    const char* stabs;         // brass/"other" rhythm; empty = sustained
    const char* melodyRhythm;  // 2 bars (32 steps) for the lead motif: x note, - hold, . rest
    std::vector<BandMember> band;
};

const StyleDef& styleDef(Style style);
const std::vector<StyleDef>& allStyles();
std::optional<Style> styleFromId(const QString& id);

// Bridge progressions share one pool: their job is contrast (borrowed chords) and a dominant back home.
QStringList bridgeProgressions(bool minor);

}  // namespace s2a::inference::arranger
