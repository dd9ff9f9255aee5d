#pragma once

// Song forms in bars: parsed from "intro:8,verse:16,chorus:16" or taken from a named template, and fitted to
// a requested length. Shared by the CLI's `new` and the New Song dialog.
#include "core/model/Labels.h"
#include "core/model/ProjectData.h"
#include "core/util/Result.h"

#include <QPair>
#include <QStringList>
#include <QVector>

namespace s2a::inference {

using SongForm = QVector<QPair<core::SectionLabel, int>>;  // label, bars

// "intro:8,verse:16,chorus:16,...". Labels are the project's (intro, verse, pre-chorus, chorus, bridge, ...).
Result<SongForm> parseSongForm(const QString& text);
// "pop", "edm", "ambient", "rock", "ballad".
Result<SongForm> templateSongForm(const QString& name);
QStringList templateNames();
// Fits `form` to last `seconds` (within kLengthTolerance) at `tempo` in `timeSignature`: sections keep their
// proportions in whole 2-bar phrases (at least one each); when the length holds fewer phrases than the form has
// sections, sections are dropped first, in this order: repeats (the latest first), then the parts between verse and chorus
// (pre-chorus, bridge, build, ...), then the outro and the intro, then verses, so that the hook survives longest.
// An error says the shortest the form can be at this tempo when even its shortest cut is too long.
Result<SongForm> fitToLength(const SongForm& form, double seconds, double tempo, const core::TimeSignature& timeSignature);
// How far a fitted song may miss the asked length, as a fraction of it.
inline constexpr double kLengthTolerance = 0.15;

}  // namespace s2a::inference
