#pragma once

// Replace one stem of a section, or add one ("a walking bass in the chorus", "add strings here"): the engine makes
// the section anew with the section's chords kept (GenerationRequest::harmonySeed), and the take keeps every other
// track's clips as they are, so those stems stay bit-identical; the take records which tracks it changed.
#include "inference/SectionRegenerator.h"

namespace s2a::inference {

// Narrows `take` (a regenerated section, its stems from `made`) to the tracks `names` asks for: each name is a
// track's id, name or role (case-insensitive), or an instrument the song lacks whose stem the engine made (its
// role or name: "strings"), which becomes a new track. The chosen stems replace those tracks; the section's other
// clips are kept. Fails, naming it, when a name matches neither a track nor a stem the engine made.
Status narrowToStems(const core::ProjectData& song, const core::Section& section, const QStringList& names,
                     const QVector<Stem>& made, RenderedTake& take);

}  // namespace s2a::inference
