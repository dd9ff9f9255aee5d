#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/audio/AudioFileReader.h"
#include "core/util/Result.h"

#include <QString>

namespace s2a::core {

// What to do with a file that has more than two channels: projects are stereo, and folding surround audio
// into two channels changes the music, so it happens only when the user has agreed to it.
enum class ChannelPolicy {
    Refuse,
    DownmixToStereo,
};

struct ImportedAudio {
    AudioBuffer audio;      // stereo, at the project rate
    AudioFileInfo source;   // the file as it was on disk
    bool downmixed = false;
    bool resampled = false;
};

// Reads `path` and brings it to the project's format: mono is duplicated to both sides, stereo is kept,
// more channels are refused or downmixed per `policy`, and the result is resampled to `projectRate` if needed.
Result<ImportedAudio> importAudio(const QString& path, int projectRate, ChannelPolicy policy = ChannelPolicy::Refuse);

// The downmix importAudio uses, exposed for callers that already hold decoded audio.
//
// With a known layout (declared by the file, or the conventional 5.1 order of the container for six channels)
// the ITU-R BS.775 coefficients apply: front sides at 1, centre and surrounds at -3 dB, rear/top centre at
// -6 dB to each side, LFE dropped. Otherwise even channels go left and odd ones right, averaged. Each output
// is then divided by the sum of its gains, so in-phase full-scale input can never exceed full scale.
AudioBuffer downmixToStereo(const AudioBuffer& audio, const AudioFileInfo& source);

}  // namespace s2a::core
