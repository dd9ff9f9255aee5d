#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/audio/AudioFileWriter.h"
#include "core/model/ProjectData.h"

#include <QString>

#include <functional>

namespace s2a::test {

// A stereo buffer whose samples come from f(channel, frame).
core::AudioBuffer makeAudio(int sampleRate, core::SampleCount frames, const std::function<float(int, core::SampleCount)>& f);

// Writes `audio` into the bundle's audio/ folder (content-addressed, through bundle::addAudioFile) and returns
// the file name a clip refers to. 32-bit float WAV by default, so what plays back is exactly what was written.
QString storeAudio(const QString& bundlePath, const core::AudioBuffer& audio,
                   core::AudioFileFormat format = core::AudioFileFormat::WavFloat32);

// A song of `tracks` tracks over one section of `seconds`, each track holding a distinct sine (220 Hz * (i+1),
// amplitude 0.05) in one take; the audio is written into `bundlePath`.
core::ProjectData makeSineSong(const QString& bundlePath, int tracks, double seconds, int sampleRate = 44100);

// Writes a 32-bit float WAV byte by byte (no encoder in between), so it can hold what our writer refuses:
// NaN and infinite samples, as a broken plug-in renders them. Returns false when the file cannot be written.
bool writeRawFloatWav(const QString& path, const core::AudioBuffer& audio);

}  // namespace s2a::test
