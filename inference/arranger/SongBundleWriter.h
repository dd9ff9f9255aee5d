#pragma once

// Turns a generated song into a project bundle: each stem as FLAC in audio/, one track per stem, the
// sections with their labels and captions, one take per section whose clips point into the stem files.
// Shared by the demo song and the corpus tool, so both produce what the project loader reads.
#include "core/model/ProjectData.h"
#include "inference/Generator.h"

#include <QStringList>

namespace s2a::inference::arranger {

struct WrittenSong {
    core::ProjectData data;
    QStringList stemFiles;  // names inside audio/, in stem order
    QStringList midiFiles;  // each stem's MIDI inside audio/, or empty
};

Result<WrittenSong> writeSongBundle(const QString& bundlePath, const QString& title, const GenerationRequest& request,
                                    const GenerationResult& result);

// A colour per role for the track list.
QString roleColour(core::TrackRole role);

}  // namespace s2a::inference::arranger
