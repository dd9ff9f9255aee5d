#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

#include <QString>

#include <optional>

namespace s2a::core {

enum class AudioFileFormat {
    Wav16,
    Wav24,
    WavFloat32,
    Flac16,
    Flac24,
    OggVorbis,
    Mp3,  // MPEG-1 Layer III, 320 kbit/s constant bit rate (libsndfile's LAME encoder); 32, 44.1 or 48 kHz
};

class AudioFileWriter {
public:
    // Vorbis quality in [0, 1] (libsndfile's scale, 0.4 is roughly 128 kbit/s stereo); ignored by the
    // lossless formats.
    static constexpr double kDefaultVorbisQuality = 0.6;

    // Writes `audio` to exactly `path`, replacing any file there. Samples outside [-1, 1] are clipped for the
    // integer formats (instead of wrapping around, which is libsndfile's default). Atomic replacement is the
    // caller's job (write to a temporary name, then rename); on failure the partial file is removed.
    static Status write(const QString& path, const AudioBuffer& audio, AudioFileFormat format,
                        std::optional<double> vorbisQuality = std::nullopt);

    static QString fileExtension(AudioFileFormat format);  // "wav", "flac", "ogg"
    static QString formatName(AudioFileFormat format);     // for messages, e.g. "24-bit FLAC"
};

}  // namespace s2a::core
