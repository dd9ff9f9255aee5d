#pragma once

// Instrument names a caption may use, the General MIDI programs they map to, and where each role sits in
// the mix (level, pan, reverb) so that stems summed at unity gain make a balanced mix.
#include "inference/arranger/NoteEvent.h"

#include <vector>

namespace s2a::inference::arranger {

struct InstrumentWord {
    const char* phrase;  // lower case, words separated by single spaces
    core::TrackRole role;
    int program;         // -1 = the style's own choice for this role
    const char* name;    // stem name; nullptr = the style's name for this role
};

// Longest phrases first, so "electric piano" wins over "piano".
const std::vector<InstrumentWord>& instrumentWords();

// Words that add hand percussion (congas, shaker, ...) to the drum stem.
const std::vector<const char*>& percussionWords();

// An instrument for `role` with the mix settings of that role.
Instrument makeInstrument(core::TrackRole role, int program, const QString& name);

// The order stems are listed in (drums first, as on a mixing desk).
int roleOrder(core::TrackRole role);

}  // namespace s2a::inference::arranger
