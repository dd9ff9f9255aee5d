#pragma once

// A minimal Standard MIDI File reader and writer: enough to read back the arranger's stems (inference/arranger/
// MidiFileWriter: format 0, 480 PPQ, one tempo meta event) and ordinary format 0/1 files, so the training
// targets come from the same notes the synth played, and to write a track's notes gathered from several takes
// as one file for the export.
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace s2a::core {

struct MidiNote {
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    int pitch = 60;
    int velocity = 0;   // the note-on velocity, 1..127
    int channel = 0;    // 0..15
    bool drum = false;  // channel 10 (index 9), General MIDI percussion
    int program = 0;    // the channel's General MIDI program when the note started, 0..127
};

// Notes sorted by start time (then pitch). Running status, tempo changes (in any track of a format 1 file),
// note-on with velocity 0 as note-off and SMPTE time division are understood; a note left open at the end of
// its track ends there. Errors name `path`.
Result<std::vector<MidiNote>> readMidiFile(const QString& path);

// The same from bytes already in memory; `name` is what errors call the data.
Result<std::vector<MidiNote>> parseMidi(const QByteArray& bytes, const QString& name);

// A format 0 file at 480 PPQ and `tempo` BPM: a program change per channel (its first note's program) at time
// 0, then the notes (times rounded to ticks). Notes of zero length or outside 0..127 are left out.
QByteArray writeMidi(const std::vector<MidiNote>& notes, double tempo);

// The notes of `midi` that start in [from, from + length) seconds, re-timed so that `from` is time 0 and cut
// at `length`: the MIDI of one part of a longer take (a section of a song, a repainted range). Empty when none
// start there or `midi` does not parse.
QByteArray midiExcerpt(const QByteArray& midi, double from, double length, double tempo);

}  // namespace s2a::core
