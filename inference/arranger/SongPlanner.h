#pragma once

// Turns a caption (and what the request fixes: tempo, key) into a concrete plan: style, tempo, key and the
// band, one instrument per stem. What the caption leaves open comes from the style and the seed; the plan
// says where each choice came from, which is what "what I understood" shows.
#include "inference/Generator.h"
#include "inference/arranger/CaptionParser.h"
#include "inference/arranger/MusicTheory.h"
#include "inference/arranger/NoteEvent.h"

#include <QJsonObject>

#include <vector>

namespace s2a::inference::arranger {

struct MusicPlan {
    Style style = Style::Pop;
    double tempo = 120.0;
    Key key;
    int stepsPerBar = 16;
    qint64 downbeatOffset = 0;         // samples: where bar 1 starts (the request's)
    QVector<core::ChordMark> chords;   // the song's chord lane, followed when not empty
    bool recordedLead = false;         // the user's recording plays the tune (the request leaves lead or vocals out)
    int recordedLeadLowNote = 0;       // its measured lower register (MIDI), 0 = not measured
    QVector<QPair<qint64, qint64>> recordedLeadBusy;  // samples where it plays
    std::vector<Instrument> band;  // one per stem, in desk order
    bool percussion = false;       // hand percussion on the drum stem
    bool percussionOnly = false;   // the drum stem has no kit, only percussion
    CaptionIntent intent;
    QString tempoSource;           // "caption", "project", "style"
    QString keySource;

    const Instrument* instrument(core::TrackRole role) const;
    QString understood() const;
    QJsonObject toJson() const;
};

// The tempo range a caption's genre plays in (its own, else its style's).
double tempoMin(const CaptionIntent& intent, const StyleDef& style);
double tempoMax(const CaptionIntent& intent, const StyleDef& style);

class SongPlanner {
public:
    // `songSeed` decides what the caption leaves open (tempo within the style's range, key, ...).
    static Result<MusicPlan> plan(const GenerationRequest& request, quint64 songSeed);
    // Sections of whole bars back to back from 0, for callers that lay out a song themselves (demo, corpus,
    // tests). Captions and energies are left empty/negative.
    static QVector<SectionPlan> barSections(const QVector<QPair<core::SectionLabel, int>>& labelsAndBars, double tempo,
                                            int sampleRate, const core::TimeSignature& ts = {});
    static double defaultEnergy(core::SectionLabel label);
};

}  // namespace s2a::inference::arranger
