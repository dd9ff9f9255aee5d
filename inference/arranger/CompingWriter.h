#pragma once

// Everything that plays chords: keys and guitar comping rhythms (strummed, scratched, power chords,
// arpeggios), sustained strings and pads, and brass stabs. Voicings are voice-led from chord to chord in
// each instrument's register.
#include "inference/arranger/Random.h"
#include "inference/arranger/SectionContext.h"

#include <vector>

namespace s2a::inference::arranger {

class CompingWriter {
public:
    static void write(const SectionContext& ctx, const Instrument& instrument, std::vector<NoteEvent>& out);

private:
    struct Voicing {
        int low;     // lowest note of the voicing lies in [low, low + 12)
        int voices;
    };
    static Voicing underCeiling(Voicing v, const SectionContext& ctx, int bar);
    static void writeRhythm(const SectionContext& ctx, const char* pattern, Voicing requested, bool guitar, bool power,
                            bool leftHand, Rng& rng, std::vector<NoteEvent>& out);
    static void writeSustained(const SectionContext& ctx, Voicing requested, int baseVelocity, std::vector<NoteEvent>& out);
};

}  // namespace s2a::inference::arranger
