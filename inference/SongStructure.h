#pragma once

// Song forms in bars: parsed from "intro:8,verse:16,chorus:16" or taken from a named template, and fitted to
// a requested length. Shared by the CLI's `new` and the New Song dialog.
#include "core/model/Labels.h"
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
// Scales every section's bar count (to whole multiples of 2 bars, at least 2) so the song lasts about
// `seconds` at `tempo` in `beatsPerBar`.
SongForm fitToLength(const SongForm& form, double seconds, double tempo, int beatsPerBar);

}  // namespace s2a::inference
