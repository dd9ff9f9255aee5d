#pragma once

// Moves notes off the grid the way players do: swing (a timing map, so ghost notes and chords swing
// together), a seeded timing spread per instrument, and velocity variation. Notes never leave their
// section, so a section's audio depends only on that section's seed.
#include "inference/arranger/SectionContext.h"

#include <vector>

namespace s2a::inference::arranger {

class Humanizer {
public:
    // Swing: where a straight tick lands; 0 <= swing <= 1 delays off-beat 8ths (or 16ths) toward the triplet.
    static qint64 swingTick(qint64 tick, double swing8, double swing16);
    static void apply(const SectionContext& ctx, core::TrackRole role, std::vector<NoteEvent>& notes);
    // Sorts by time and shortens notes that would still sound when the same pitch starts again (a synth
    // would otherwise cut the new note at the old note's release).
    static void normalise(std::vector<NoteEvent>& notes);
};

}  // namespace s2a::inference::arranger
