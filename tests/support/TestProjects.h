#pragma once

#include "core/model/ProjectData.h"

#include <QString>

namespace s2a::test {

// A song with every kind of content the model holds: several tracks, sections with takes whose clips
// reference audio files, markers, unusual values (unicode, 64-bit seeds, fractional tempo).
core::ProjectData makeSong(int tracks = 3, int sections = 4, int takesPerSection = 2, int sampleRate = 44100);

// Writes a small placeholder file for every audio file the song references, so that a bundle loads.
void writeReferencedAudio(const core::ProjectData& data, const QString& bundlePath);

}  // namespace s2a::test
