#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

#include <QString>

#include <vector>

namespace s2a::core {

// Where a channel is meant to be heard, as far as a stereo downmix needs to know.
enum class SpeakerPosition {
    Unknown,
    Mono,
    FrontLeft,
    FrontRight,
    FrontCentre,
    LowFrequency,
    SurroundLeft,    // side or rear
    SurroundRight,
    SurroundCentre,  // rear centre
    TopLeft,
    TopRight,
    TopCentre,
};

// What a file holds, as the decoder reports it before any conversion.
struct AudioFileInfo {
    int sampleRate = 0;
    int channels = 0;
    // From the header; for compressed streams (MP3 especially) this can be an estimate, so read() counts
    // what it actually decodes and reports that instead.
    SampleCount frames = 0;
    QString formatName;    // container, e.g. "FLAC (Free Lossless Audio Codec)"
    QString encodingName;  // sample encoding, e.g. "Signed 24 bit PCM"
    // One entry per channel when the file declares its layout (WAVE_FORMAT_EXTENSIBLE, CAF, ...); empty when
    // it does not, in which case the container's conventional order is all there is to go on.
    std::vector<SpeakerPosition> channelLayout;
    bool isOgg = false;  // Vorbis and Opus order multichannel audio differently from WAV and FLAC
};

struct DecodedAudio {
    AudioFileInfo info;
    AudioBuffer audio;
};

// Decodes anything the installed libsndfile opens (WAV, AIFF, FLAC, OGG/Vorbis, Opus, MP3, ...) to planar float.
class AudioFileReader {
public:
    static Result<AudioFileInfo> probe(const QString& path);
    static Result<DecodedAudio> read(const QString& path);
};

}  // namespace s2a::core
