#pragma once

// The VAE's auxiliary lead-sheet targets per latent frame, computed exactly from what the arranger played
// (its MIDI) and planned (tempo, chord symbols), so no transcription error leaks into training.
#include "core/model/Labels.h"
#include "training/data/MidiReader.h"
#include "training/data/TrainingData.h"

#include <QString>
#include <QVector>

#include <cstdint>
#include <vector>

namespace s2a::training {

constexpr int kNoMelody = 128;  // FrameTargets::melody when no lead note sounds
constexpr int kNoBass = 12;     // FrameTargets::bass when no bass note sounds
constexpr int kNoChord = 24;    // FrameTargets::chord outside chords, or for "N.C." and unreadable symbols

struct StemNotes {
    core::TrackRole role = core::TrackRole::Other;
    std::vector<MidiNote> notes;
};

// "F#m7" -> 18 (minor: 12 + root), "Emaj7" -> 4, "B7" -> 11, "Bbm" -> 22, "N.C." -> 24. Root: a capital A..G
// with any #/b after it; the quality is minor when it has an "m" not followed by "aj" (so dim and m7b5 count
// as minor, maj7 and sus as major) or starts with "-"; a slash bass ("C/E") is ignored.
int chordIdForSymbol(const QString& symbol);

// Targets for `frames` frames of `hop` samples (frame f = samples [f*hop, (f+1)*hop)). A note sounds in every
// frame its [start, end) overlaps. melody: highest Lead-stem pitch; chroma: pitch classes of non-drum notes;
// onset: any note (drums too) starting in the frame; beat: the 4/4 grid at `tempo`, beat 0 at sample 0;
// bass: pitch class of the lowest Bass-stem note; chord: the section's symbol for the bar holding the frame's
// centre, bars of 4 beats from the section start (a chord list shorter than the section repeats).
FrameTargets computeFrameTargets(const std::vector<StemNotes>& stems, double tempo,
                                 const QVector<TrainingSection>& sections, int sampleRate, int64_t hop, int64_t frames);

}  // namespace s2a::training
