#pragma once

// Replace one stem of a section, or add one ("a walking bass in the chorus", "add strings here"): the engine makes
// the section anew with the section's chords kept (GenerationRequest::harmonySeed), and the take keeps every other
// track's clips as they are, so those stems stay bit-identical; the take records which tracks it changed.
#include "inference/SectionRegenerator.h"

namespace s2a::inference {

// One stem of the engine's result to store, and the track it goes on.
struct StemChoice {
    int stem = -1;     // index into the engine's stems
    QString trackId;   // an existing track, or a new track's id
};

// The stems of `made` (the engine's result for `section`) that the tracks `names` asks for get: each name is a
// track's id, name or role (case-insensitive), or an instrument the song lacks whose stem the engine made (its
// role or name: "strings"), which becomes a new track. Chosen before anything is stored, so the rest is never
// written. Sets `take`'s kept clips (the section's other tracks, as they are) and its origin's changed tracks.
// Fails, naming it, when a name matches neither a track nor a stem the engine made.
Result<QVector<StemChoice>> chooseStems(const core::ProjectData& song, const core::Section& section,
                                        const QStringList& names, const QVector<Stem>& made, RenderedTake& take);

// The roles `names` (as chooseStems reads them: a track's id, name or role, or a role the song lacks) ask to make
// anew, for GenerationRequest::regenerateRoles; names that are neither give nothing here (chooseStems reports them).
QVector<core::TrackRole> rolesToRemake(const core::ProjectData& song, const QStringList& names);

// The tracks a whole set of the engine's stems go on (a repaint, an accompaniment): by role and name, else the
// first track of that role that no other stem took, else a new track (its id made here, so that every section's
// take of the job shares it). Locked tracks (the user's recordings) never take a stem.
QStringList assignStemTracks(const core::ProjectData& song, const QVector<Stem>& stems);

}  // namespace s2a::inference
