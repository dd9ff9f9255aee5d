#pragma once

// From a plan and the section list to notes: decides per section its energy, which instruments play, its
// chords and seeds, then runs the part writers and the humanizer. Pure and cheap (no audio): the engine
// arranges the whole song even when it renders one section, so neighbours and boundaries are known.
#include "inference/Generator.h"
#include "inference/arranger/SectionContext.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/arranger/Timeline.h"

#include <vector>

namespace s2a::inference::arranger {

class Arranger {
public:
    // `seeds[i]` is the seed section i is arranged with; `harmonySeeds[i]`, when given, the seed of its chords
    // instead (a stem replaced keeps the chords the other stems play).
    Arranger(const MusicPlan& plan, const QVector<SectionPlan>& sections, int sampleRate, const std::vector<quint64>& seeds,
             const std::vector<quint64>& harmonySeeds = {});

    const std::vector<SectionContext>& sections() const { return m_contexts; }
    const Timeline& timeline() const { return m_timeline; }
    // One part per band instrument, in band order, with the notes of every section.
    std::vector<StemPart> parts() const;

private:
    void buildContexts(const QVector<SectionPlan>& sections, const std::vector<quint64>& seeds,
                       const std::vector<quint64>& harmonySeeds);
    QSet<core::TrackRole> activeRoles(const SectionPlan& section, double energy) const;
    // Section `c`'s chords from the song's chord lane: for each bar's first and second half (SectionContext's
    // chords and lateChords), the chord that sounds longest within the section's part of it ("N" only where
    // nothing else does: the previous chord holds over it).
    void laneChords(SectionContext& c, const SectionPlan& section) const;

    const MusicPlan& m_plan;
    Timeline m_timeline;
    std::vector<SectionContext> m_contexts;
};

}  // namespace s2a::inference::arranger
