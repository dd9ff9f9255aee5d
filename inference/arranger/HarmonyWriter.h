#pragma once

// The chords of each section: a progression from the style's pool per section family, cycled over the
// section's bars, with the bridge borrowing chords from the parallel mode and the last bar prepared for
// what follows (a dominant before a lift, the tonic at the very end).
#include "inference/arranger/MusicTheory.h"
#include "inference/arranger/StyleLibrary.h"

#include <vector>

namespace s2a::inference::arranger {

struct HarmonyRequest {
    const StyleDef* style = nullptr;
    Key key;
    core::SectionLabel label = core::SectionLabel::Verse;
    int bars = 4;
    quint64 seed = 0;          // the section's seed; families derive their own from it
    bool leadIntoLift = false; // end on the dominant
    bool songEnd = false;      // end on the tonic
};

class HarmonyWriter {
public:
    static std::vector<Chord> sectionChords(const HarmonyRequest& request);
    // Which section's material a label reuses: intro -> verse, outro -> chorus, ...
    static core::SectionLabel family(core::SectionLabel label);
    // The Roman-numeral line a family uses (before cycling and the last-bar changes); for the song JSON.
    static QString progression(const StyleDef& style, bool minor, core::SectionLabel family, quint64 seed);
};

}  // namespace s2a::inference::arranger
