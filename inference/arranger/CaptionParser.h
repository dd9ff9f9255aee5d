#pragma once

// Free text -> what the caption asks for. Unknown words are collected (to be reported); nothing here fails. The engine turns
// a CaptionIntent into a concrete MusicPlan (SongPlanner), filling what the caption leaves open from the
// style and the seed.
#include "inference/arranger/MusicTheory.h"
#include "inference/arranger/NoteEvent.h"
#include "inference/arranger/StyleLibrary.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace s2a::inference::arranger {

struct NamedInstrument {
    core::TrackRole role = core::TrackRole::Other;
    int program = -1;   // -1: the style's choice for the role
    QString name;       // empty: the style's name
    QString phrase;     // the words that named it, for "what I understood"
};

struct CaptionIntent {
    std::optional<Style> style;
    QString genre;                        // the genre word that chose the style ("synthwave"), as normalised
    double genreTempoMin = 0.0;           // the genre's own tempo range; 0: the style's
    double genreTempoMax = 0.0;
    std::optional<double> tempo;          // explicit "92 bpm"
    std::optional<double> tempoFeel;      // 0 (very slow) .. 1 (very fast), from words
    QString tempoWord;
    std::optional<int> tonic;             // explicit key ("in D minor", "in Bb")
    std::optional<bool> minor;            // explicit mode or mood ("dark" -> minor)
    bool modeFromMood = false;
    std::vector<NamedInstrument> instruments;
    QSet<core::TrackRole> excluded;       // "no drums", "without bass"
    bool only = false;                    // "solo piano", "piano only": nothing but the named instruments
    bool percussion = false;              // congas, shaker, ... on the drum stem
    double energyShift = 0.0;             // -0.3 (sparse, quiet) .. +0.3 (big, full)
    QStringList moods;                    // recognised mood and energy words, in caption order
    QStringList unknownWords;             // words nothing recognised ("arpeggiated"), to say so honestly

    bool names(core::TrackRole role) const;
    // "funk · 104 BPM · slap bass, brass · upbeat": what was recognised, before any defaults.
    QString summary() const;
    // "synthwave (EDM grooves)": the genre as the user said it and the style it is played as; the style alone
    // when they are one ("funk"); empty without a style.
    QString genreName() const;
};

CaptionIntent parseCaption(const QString& caption);

}  // namespace s2a::inference::arranger
