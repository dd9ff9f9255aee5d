#pragma once

// Keys, chords and voicings: the small amount of music theory every writer shares.
#include <QString>

#include <optional>
#include <vector>

namespace s2a::inference::arranger {

struct Key {
    int tonic = 0;       // pitch class, C = 0
    bool minor = false;
    QString toString() const;  // "F# minor", in the spelling project.json accepts
    // Pitch classes of the diatonic scale (natural minor for minor keys), tonic first.
    std::vector<int> scale() const;
    static std::optional<Key> parse(const QString& text);  // "D minor", "Bb major", "F#"
};

QString pitchClassName(int pc);  // sharps, except Bb and Eb which musicians write flat

struct Chord {
    int root = 0;                 // pitch class
    std::vector<int> intervals;   // from the root, ascending, root (0) included
    QString symbol;               // "Am7", for the plan and for MIDI markers
    std::vector<int> pitchClasses() const;
    int third() const;            // interval of the third (3 or 4), or the fifth for power/sus chords
    bool contains(int pc) const;
};

// A chord from a Roman numeral relative to `key`: "I", "vi", "bVII", "ii7", "V7", "Imaj7", "iv", "i7",
// "IVsus4", "viidim", "iim7b5", "I5" (power chord). Numerals count on the major scale, so a minor-key
// progression is written with flats ("i bVI bIII bVII"). Returns nullopt for text it cannot read.
std::optional<Chord> chordFromRoman(const QString& numeral, const Key& key);

// The pitch of pitch class `pc` nearest to `target`.
int nearestPitch(int pc, int target);
// The lowest pitch of pitch class `pc` at or above `low`.
int pitchAtOrAbove(int pc, int low);

// A close voicing of `chord` with `voices` notes whose lowest note lies in [low, low + 12), chosen among the
// inversions to move as little as possible from `previous` (empty: the inversion nearest `low + 6`).
std::vector<int> voiceLead(const Chord& chord, const std::vector<int>& previous, int low, int voices);

}  // namespace s2a::inference::arranger
