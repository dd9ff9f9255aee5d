#pragma once

// Chord symbols as a musician types them in the chord lane ("C", "F#m", "Bb7", "Am7", "Cmaj7", "Bdim", "Dsus4",
// "N" for no chord): parsed into a root and a quality, and written back in one canonical spelling, so the
// project stores what every reader (the arranger, the MIDI export, the chord lane) understands the same way.
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace s2a::core {

enum class ChordQuality { Major, Minor, Dominant7, Minor7, Major7, Diminished, Sus4, Sus2, Power };

struct ChordSymbol {
    int root = -1;  // pitch class, C = 0; -1 = no chord ("N")
    ChordQuality quality = ChordQuality::Major;
    bool isNoChord() const { return root < 0; }
    bool minor() const { return quality == ChordQuality::Minor || quality == ChordQuality::Minor7 || quality == ChordQuality::Diminished; }
    // The chord's intervals above the root, root included, ascending.
    std::vector<int> intervals() const;
    // "F#m7", "Bb", "N". Roots are spelled with sharps except Bb, Eb and Ab, the spellings lead sheets use.
    QString name() const;
    bool operator==(const ChordSymbol& o) const { return root == o.root && (root < 0 || quality == o.quality); }
    bool operator!=(const ChordSymbol& o) const { return !(*this == o); }
};

// Reads "C", "c#m", "Db7", "Amin", "A-", "Cmaj7", "CM7", "Bdim", "Bo", "Dsus4", "Dsus2", "E5", "N", "NC";
// nullopt for anything else.
std::optional<ChordSymbol> parseChordSymbol(const QString& text);

// The suffixes the chord lane offers, in menu order ("", "m", "7", ...).
QStringList chordQualitySuffixes();

// The triads on the seven degrees of a key (natural minor for a minor key), tonic first: C major gives C, Dm, Em,
// F, G, Am, Bdim.
std::vector<ChordSymbol> diatonicTriads(int tonic, bool minor);

}  // namespace s2a::core
