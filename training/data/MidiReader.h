#pragma once

// A minimal Standard MIDI File reader: enough to read back the arranger's stems (inference/arranger/
// MidiFileWriter: format 0, 480 PPQ, one tempo meta event) and ordinary format 0/1 files, so the training
// targets come from the same notes the synth played.
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace s2a::training {

struct MidiNote {
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    int pitch = 60;
    int velocity = 0;   // the note-on velocity, 1..127
    int channel = 0;    // 0..15
    bool drum = false;  // channel 10 (index 9), General MIDI percussion
};

// Notes sorted by start time (then pitch). Running status, tempo changes (in any track of a format 1 file),
// note-on with velocity 0 as note-off and SMPTE time division are understood; a note left open at the end of
// its track ends there. Errors name `path`.
Result<std::vector<MidiNote>> readMidiFile(const QString& path);

// The same from bytes already in memory; `name` is what errors call the data.
Result<std::vector<MidiNote>> parseMidi(const QByteArray& bytes, const QString& name);

}  // namespace s2a::training
