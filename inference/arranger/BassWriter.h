#pragma once

// Bass lines: the style's rhythm over the chord roots (locked to the kick patterns in StyleLibrary), or a
// walking line for swing styles, with approach notes into the next chord and dead notes where the style
// has them.
#include "inference/arranger/Random.h"
#include "inference/arranger/SectionContext.h"

#include <vector>

namespace s2a::inference::arranger {

class BassWriter {
public:
    static void write(const SectionContext& ctx, std::vector<NoteEvent>& out);

private:
    static void writePattern(const SectionContext& ctx, Rng& rng, std::vector<NoteEvent>& out);
    static void writeWalking(const SectionContext& ctx, Rng& rng, std::vector<NoteEvent>& out);
};

}  // namespace s2a::inference::arranger
