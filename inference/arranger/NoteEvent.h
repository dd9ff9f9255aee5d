#pragma once

// The symbolic form of a song: notes on a tick grid, grouped per stem. Writers produce these; the humanizer
// moves them; the MIDI writer and the FluidSynth renderer consume them.
#include "core/model/Labels.h"

#include <QString>
#include <QtGlobal>

#include <vector>

namespace s2a::inference::arranger {

// Ticks per quarter note. 480 is what most sequencers use, so exported MIDI files open at their native grid.
constexpr int kTicksPerBeat = 480;
constexpr int kTicksPerStep = kTicksPerBeat / 4;  // one 16th note
constexpr int kDrumChannel = 9;                   // General MIDI percussion

struct NoteEvent {
    qint64 tick = 0;      // absolute, from the start of the song
    qint64 length = 0;    // ticks
    int pitch = 60;
    int velocity = 90;    // 1..127
};

// The instrument a stem is played on and how it sits in the mix.
struct Instrument {
    core::TrackRole role = core::TrackRole::Other;
    QString name;          // "Slap bass"
    int program = 0;       // General MIDI program 0..127 (the kit number on the drum channel)
    bool drums = false;    // plays on the percussion channel
    int volume = 100;      // CC7
    int pan = 64;          // CC10, 0 = left, 127 = right
    int reverb = 40;       // CC91 send
    int chorus = 0;        // CC93 send
};

struct StemPart {
    Instrument instrument;
    std::vector<NoteEvent> notes;
};

}  // namespace s2a::inference::arranger
