#include "core/audio/AudioFileReader.h"

#include "core/audio/SndFile.h"
#include "core/model/ProjectData.h"

#include <QFileInfo>

#include <algorithm>
#include <new>

namespace s2a::core {
namespace {

using detail::SndFilePtr;

// The interleaved decode scratch, in samples over all channels (1 MiB): large enough to amortise the decoder
// call, small enough never to rival the decoded audio. Counted in frames, a 64-byte file whose header claims 255
// channels made every read allocate and clear 267 MB before decoding nothing (found by tests/fuzz/fuzz_audio;
// tests/fuzz/corpus/audio/regression-255-channels.au).
constexpr sf_count_t kBlockSamples = 1 << 18;

// libsndfile accepts up to 1024 channels; more than this is a corrupt header rather than a real file, and
// trusting it would make the scratch allocation absurd.
constexpr int kMaxChannels = 256;

// What a read decodes at most: a song's length (limits::kMaxSongSeconds) and 1 Gi samples over all channels
// (4 GiB of float). A few-MB FLAC can hold hours of 8-channel 384 kHz silence; decoded whole it would fill the
// memory of any machine. Checked against the header and again while decoding, since a header may lie.
constexpr SampleCount kMaxDecodedSamples = SampleCount(1) << 30;

SampleCount maxDecodedFrames(int sampleRate, int channels)
{
    return std::min(limits::maximumSongLength(sampleRate), kMaxDecodedSamples / std::max(1, channels));
}

QString tooLong(const QString& name, SampleCount frames, int sampleRate, int channels)
{
    const qint64 seconds = frames / std::max(1, sampleRate);
    return QStringLiteral("%1: is %2:%3:%4 long (%5 channels at %6 Hz); S2A Studio reads audio up to %7 hours "
                          "and %8 GB decoded")
        .arg(name)
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .arg(channels)
        .arg(sampleRate)
        .arg(limits::kMaxSongSeconds / 3600.0)
        .arg(double(kMaxDecodedSamples * SampleCount(sizeof(float))) / double(SampleCount(1) << 30));
}

QString formatDescription(int format)
{
    SF_FORMAT_INFO info{};
    info.format = format;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof(info)) != 0 || !info.name)
        return QStringLiteral("unknown");
    return QString::fromUtf8(info.name);
}

SpeakerPosition speakerPosition(int sndfileChannel)
{
    switch (sndfileChannel) {
    case SF_CHANNEL_MAP_MONO: return SpeakerPosition::Mono;
    case SF_CHANNEL_MAP_LEFT:
    case SF_CHANNEL_MAP_FRONT_LEFT:
    case SF_CHANNEL_MAP_FRONT_LEFT_OF_CENTER: return SpeakerPosition::FrontLeft;
    case SF_CHANNEL_MAP_RIGHT:
    case SF_CHANNEL_MAP_FRONT_RIGHT:
    case SF_CHANNEL_MAP_FRONT_RIGHT_OF_CENTER: return SpeakerPosition::FrontRight;
    case SF_CHANNEL_MAP_CENTER:
    case SF_CHANNEL_MAP_FRONT_CENTER: return SpeakerPosition::FrontCentre;
    case SF_CHANNEL_MAP_LFE: return SpeakerPosition::LowFrequency;
    case SF_CHANNEL_MAP_REAR_LEFT:
    case SF_CHANNEL_MAP_SIDE_LEFT: return SpeakerPosition::SurroundLeft;
    case SF_CHANNEL_MAP_REAR_RIGHT:
    case SF_CHANNEL_MAP_SIDE_RIGHT: return SpeakerPosition::SurroundRight;
    case SF_CHANNEL_MAP_REAR_CENTER: return SpeakerPosition::SurroundCentre;
    case SF_CHANNEL_MAP_TOP_FRONT_LEFT:
    case SF_CHANNEL_MAP_TOP_REAR_LEFT: return SpeakerPosition::TopLeft;
    case SF_CHANNEL_MAP_TOP_FRONT_RIGHT:
    case SF_CHANNEL_MAP_TOP_REAR_RIGHT: return SpeakerPosition::TopRight;
    case SF_CHANNEL_MAP_TOP_CENTER:
    case SF_CHANNEL_MAP_TOP_FRONT_CENTER:
    case SF_CHANNEL_MAP_TOP_REAR_CENTER: return SpeakerPosition::TopCentre;
    default: return SpeakerPosition::Unknown;  // ambisonic components have no speaker to fold into
    }
}

std::vector<SpeakerPosition> declaredLayout(SNDFILE* file, int channelCount)
{
    std::vector<int> map(static_cast<size_t>(channelCount), SF_CHANNEL_MAP_INVALID);
    if (sf_command(file, SFC_GET_CHANNEL_MAP_INFO, map.data(), static_cast<int>(map.size() * sizeof(int))) != SF_TRUE)
        return {};
    std::vector<SpeakerPosition> layout;
    layout.reserve(map.size());
    for (int channel : map)
        layout.push_back(speakerPosition(channel));
    return layout;
}

struct OpenedFile {
    SndFilePtr file;
    AudioFileInfo info;
    // MP3 has no reliable length field (libsndfile estimates it); every other container states it exactly.
    bool headerLengthIsExact = true;
    qint64 fileBytes = 0;
};

constexpr SampleCount kLargestVorbisBlock = 8192;

Result<OpenedFile> openForReading(const QString& path)
{
    const QString name = detail::displayName(path);
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists())
        return Error{QStringLiteral("%1: file not found (%2)").arg(name, path)};
    if (fileInfo.isDir())
        return Error{QStringLiteral("%1: is a folder, not an audio file").arg(name)};
    if (fileInfo.size() == 0)
        return Error{QStringLiteral("%1: the file is empty (0 bytes), there is no audio to read").arg(name)};

    SF_INFO sfInfo{};
    SndFilePtr file = detail::openSndFile(path, SFM_READ, &sfInfo);
    if (!file) {
        return Error{QStringLiteral("%1: not an audio file libsndfile can read (%2)")
                         .arg(name, detail::sndfileError(nullptr))};
    }
    if (sfInfo.channels < 1 || sfInfo.channels > kMaxChannels || sfInfo.samplerate < 1) {
        return Error{QStringLiteral("%1: corrupt header (%2 channels at %3 Hz)")
                         .arg(name)
                         .arg(sfInfo.channels)
                         .arg(sfInfo.samplerate)};
    }

    if (sfInfo.frames > maxDecodedFrames(sfInfo.samplerate, sfInfo.channels))
        return Error{tooLong(name, sfInfo.frames, sfInfo.samplerate, sfInfo.channels)};

    OpenedFile opened;
    opened.file = std::move(file);
    opened.info.sampleRate = sfInfo.samplerate;
    opened.info.channels = sfInfo.channels;
    opened.info.frames = sfInfo.frames;
    opened.info.formatName = formatDescription(sfInfo.format & SF_FORMAT_TYPEMASK);
    opened.info.encodingName = formatDescription(sfInfo.format & SF_FORMAT_SUBMASK);
    opened.info.channelLayout = declaredLayout(opened.file.get(), sfInfo.channels);
    opened.info.isOgg = (sfInfo.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_OGG;
    opened.headerLengthIsExact = (sfInfo.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_MPEG;
    opened.fileBytes = fileInfo.size();
    return opened;
}

}  // namespace

Result<AudioFileInfo> AudioFileReader::probe(const QString& path)
{
    auto opened = openForReading(path);
    if (!opened)
        return opened.error();
    return opened->info;
}

Result<DecodedAudio> AudioFileReader::read(const QString& path)
{
    auto opened = openForReading(path);
    if (!opened)
        return opened.error();
    SNDFILE* file = opened->file.get();
    const QString name = detail::displayName(path);
    const int channelCount = opened->info.channels;

    DecodedAudio decoded;
    decoded.info = opened->info;
    decoded.audio.sampleRate = opened->info.sampleRate;

    try {
        decoded.audio.channels.resize(static_cast<size_t>(channelCount));
        // Size the output from the header, so that a long file is decoded straight into its final storage
        // instead of growing (and copying) each channel repeatedly; but believe the header only as far as the
        // file could hold: 64 samples per byte of file (more than low-bitrate Opus decodes to), 1 Mi at least.
        // A 208-byte FLAC whose header claimed 10^9 frames made this clear 4 GB before decoding 256 of them
        // (tests/fuzz/fuzz_audio, corpus/audio/regression-huge-length-claim.flac). Beyond, channels grow.
        const SampleCount expected = opened->info.frames;
        const SampleCount plausible = std::max<SampleCount>(SampleCount(1) << 20, opened->fileBytes * 64);
        const SampleCount preallocated = std::min(expected, plausible / channelCount);
        if (preallocated > 0) {
            for (auto& channel : decoded.audio.channels)
                channel.resize(static_cast<size_t>(preallocated));
        }

        const sf_count_t blockFrames = std::max<sf_count_t>(1, kBlockSamples / channelCount);
        std::vector<float> interleaved(static_cast<size_t>(blockFrames) * static_cast<size_t>(channelCount));
        SampleCount position = 0;
        const SampleCount cap = maxDecodedFrames(opened->info.sampleRate, channelCount);
        for (;;) {
            const sf_count_t got = sf_readf_float(file, interleaved.data(), blockFrames);
            if (got <= 0)
                break;
            if (position + got > cap)  // the header said less (an MP3 estimate, a damaged length field)
                return Error{tooLong(name, position + got, opened->info.sampleRate, channelCount)};
            for (int c = 0; c < channelCount; ++c) {
                std::vector<float>& channel = decoded.audio.channels[static_cast<size_t>(c)];
                if (static_cast<SampleCount>(channel.size()) < position + got)
                    channel.resize(static_cast<size_t>(position + got));
                float* out = channel.data() + position;
                const float* in = interleaved.data() + c;
                for (sf_count_t i = 0; i < got; ++i)
                    out[i] = in[i * channelCount];
            }
            position += got;
        }

        if (sf_error(file) != SF_ERR_NO_ERROR) {
            return Error{QStringLiteral("%1: decoding failed after %2 frames, the file is damaged (%3)")
                             .arg(name)
                             .arg(position)
                             .arg(detail::sndfileError(file))};
        }
        if (position == 0)
            return Error{QStringLiteral("%1: the file contains no audio frames").arg(name)};
        // libFLAC skips damaged frames without raising an error; the shortfall against the stated length is
        // the only sign. (libsndfile already trims the stated length of truncated PCM files when opening.)
        // An Ogg stream's length is its last page's granule position, which some encoders set up to a block
        // past the final decoded sample (a real Vorbis soundtrack in Debian states 104 frames more than it
        // holds); a shortfall within one Vorbis block is that quirk, not damage, and refusing such a file
        // would refuse music every other player opens.
        const SampleCount tolerated = opened->info.isOgg ? kLargestVorbisBlock : 0;
        if (opened->headerLengthIsExact && position + tolerated < expected) {
            return Error{QStringLiteral("%1: the file is damaged, only %2 of its %3 frames could be decoded")
                             .arg(name)
                             .arg(position)
                             .arg(expected)};
        }
        // An MP3 length estimate can be off either way: keep what was decoded.
        for (auto& channel : decoded.audio.channels)
            channel.resize(static_cast<size_t>(position));
        decoded.info.frames = position;
    } catch (const std::bad_alloc&) {
        return Error{QStringLiteral("%1: too large to load into memory (%2 channels, %3 frames)")
                         .arg(name)
                         .arg(channelCount)
                         .arg(opened->info.frames)};
    }
    return decoded;
}

}  // namespace s2a::core
