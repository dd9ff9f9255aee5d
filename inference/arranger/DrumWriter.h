#pragma once

// Drum grooves from the style tables: a sparse, a verse and a chorus groove chosen by energy, a crash on
// section downbeats, fills at phrase and section ends (longer, on toms, before a lift), and hand
// percussion when the caption asks for it.
#include "inference/arranger/Random.h"
#include "inference/arranger/SectionContext.h"

#include <vector>

namespace s2a::inference::arranger {

class DrumWriter {
public:
    // `percussionOnly`: the song has no drum kit but asked for percussion; only the hand-percussion layer plays.
    static void write(const SectionContext& ctx, bool percussionOnly, std::vector<NoteEvent>& out);
};

}  // namespace s2a::inference::arranger
