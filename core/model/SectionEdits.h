#pragma once

#include "core/model/ProjectData.h"
#include "core/util/Result.h"

#include <utility>

// Structural edits of sections as pure functions: they take sections by value and return the edited ones or
// the reason the edit is refused. The Project turns a successful result into one undo command.
namespace s2a::core::SectionEdits {

// Cuts `section` at `position` into two. Both halves keep every take: clips are anchored to the timeline, so
// each half plays exactly what it played before. The right half gets a new id, and new take ids so that a
// later merge never sees two takes with one id.
Result<std::pair<Section, Section>> split(const Section& section, SampleCount position, SampleCount minLength);

// Joins `left` with the section that follows it. The result keeps left's id, label and caption, and all takes
// of both. When either had an active take, a "merged" take made of both active takes (each trimmed to its old
// span) becomes active, so the merge is inaudible.
Result<Section> merge(const Section& left, const Section& right);

// Moves the boundary between two neighbours; one shrinks, the other grows. An annotation edit, inaudible: the
// span that changes hands keeps playing what it played (the growing section's active take takes over the
// shrinking one's clips there, by reference), and only a regenerate changes its sound.
Result<std::pair<Section, Section>> moveBoundary(const Section& left, const Section& right, SampleCount position,
                                                 SampleCount minLength);

// `clip` limited to [start, end) on the timeline; length 0 when they do not meet.
AudioClip trimmed(const AudioClip& clip, SampleCount start, SampleCount end);

}  // namespace s2a::core::SectionEdits
