#pragma once

// Standard MIDI File (format 0, 480 PPQ) for one stem, so users can take the arrangement into their DAW.
#include "inference/arranger/NoteEvent.h"

#include <QByteArray>

namespace s2a::inference::arranger {

class MidiFileWriter {
public:
    // Notes in [fromTick, toTick) are written, shifted so that fromTick is the file's time 0.
    static QByteArray write(const StemPart& part, double tempo, qint64 fromTick, qint64 toTick);
};

}  // namespace s2a::inference::arranger
