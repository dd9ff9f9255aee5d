#pragma once

// The lead line: a two-bar motif per section family (derived from the family's seed, so chorus 2 recalls
// chorus 1 note for note), answered by a varied repeat that cadences, with this section's own small
// variations on top. Strong beats land on chord tones; everything else walks the scale.
#include "inference/arranger/Random.h"
#include "inference/arranger/SectionContext.h"

#include <vector>

namespace s2a::inference::arranger {

class MelodyWriter {
public:
    static void write(const SectionContext& ctx, std::vector<NoteEvent>& out);

private:
    struct MotifNote {
        int step;     // 0..31 within the two bars
        int length;   // steps
        int degree;   // scale degree relative to the tonic (0 = tonic, 7 = an octave up)
    };
    static std::vector<MotifNote> makeMotif(const SectionContext& ctx);
};

}  // namespace s2a::inference::arranger
