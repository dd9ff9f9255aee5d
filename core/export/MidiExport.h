#pragma once

// MIDI of the song's tracks for the export: the notes of every track's active takes (clips whose audio was
// rendered from MIDI: the arranger's takes), one Standard MIDI File per track for the whole song or a range, so
// a producer can replace the General MIDI sounds with their own instruments in a DAW.
#include "core/model/ProjectData.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace s2a::core {

struct TrackMidi {
    int track = -1;      // project track index
    QByteArray bytes;    // the file
    int notes = 0;
};

// For each of `tracks` (project track indices) that has notes: its notes from the active takes, each clip's cut
// to the clip's span (a note that starts inside it and rings past its end stops there) and to `range` (project
// samples), times counted from the song's start (or the range's), at the song's tempo. A MIDI file that cannot
// be read adds a sentence to `problems` and its notes are left out.
std::vector<TrackMidi> gatherTrackMidi(const ProjectData& data, const QString& bundlePath, const std::vector<int>& tracks,
                                       const std::optional<std::pair<SampleCount, SampleCount>>& range,
                                       QStringList& problems);

}  // namespace s2a::core
