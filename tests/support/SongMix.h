#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/model/ProjectData.h"

#include <QString>

namespace s2a::test {

// The whole song's stereo mix at its own rate, as playback renders it (its bundle's audio, the render plan,
// the mixer): what a listener hears, for tests that compare songs before and after an edit or a generation.
core::AudioBuffer renderSongMix(const core::ProjectData& data, const QString& bundlePath);

}  // namespace s2a::test
