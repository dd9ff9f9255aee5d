#include "core/audio/AudioFileWriter.h"

#include "core/audio/SndFile.h"

#include <QFile>

#include <cerrno>
#include <cmath>
#include <filesystem>
#include <system_error>
#include <vector>

namespace s2a::core {
namespace {

// Written in blocks, never in one call: besides bounding the interleaved scratch, libvorbis allocas a buffer
// proportional to the frames submitted at once and can overflow the stack on a whole song
// (libsndfile issue #1095).
constexpr sf_count_t kBlockFrames = 1 << 16;

// Only a regular file we created may be deleted: the path could name a device (writing to /dev/full is how
// disk-full handling is tested) and this code may run as root.
void removePartialFile(const QString& path)
{
    std::error_code ec;
    const std::filesystem::path fsPath(QFile::encodeName(path).toStdString());
    if (std::filesystem::is_regular_file(std::filesystem::symlink_status(fsPath, ec)))
        std::filesystem::remove(fsPath, ec);
}

Status validate(const QString& name, const AudioBuffer& audio, AudioFileFormat format,
                std::optional<double> vorbisQuality)
{
    if (audio.channelCount() == 0)
        return Error{QStringLiteral("%1: nothing to write, the audio has no channels").arg(name)};
    if (!audio.hasEqualChannelLengths())
        return Error{QStringLiteral("%1: cannot write audio whose channels have different lengths").arg(name)};
    if (audio.sampleRate <= 0)
        return Error{QStringLiteral("%1: invalid sample rate %2 Hz").arg(name).arg(audio.sampleRate)};
    // Encoders turn NaN into garbage or fail on it without saying why: refuse before a file exists.
    if (const auto bad = audio.firstNonFinite())
        return Error{QStringLiteral("%1: nothing was written, the audio holds %2").arg(name, bad->describe(audio.sampleRate))};
    if (vorbisQuality && !(*vorbisQuality >= 0.0 && *vorbisQuality <= 1.0))
        return Error{QStringLiteral("%1: Vorbis quality must be between 0 and 1, got %2").arg(name).arg(*vorbisQuality)};

    if (const QString problem = detail::sampleRateProblem(format, audio.sampleRate); !problem.isEmpty())
        return Error{QStringLiteral("%1: %2").arg(name, problem)};
    SF_INFO info{};
    info.samplerate = audio.sampleRate;
    info.channels = audio.channelCount();
    info.format = detail::sndfileFormat(format);
    if (!sf_format_check(&info)) {
        return Error{QStringLiteral("%1: %2 cannot store %3 channels at %4 Hz")
                         .arg(name, AudioFileWriter::formatName(format))
                         .arg(audio.channelCount())
                         .arg(audio.sampleRate)};
    }
    return Status::success();
}

}  // namespace

QString AudioFileWriter::fileExtension(AudioFileFormat format)
{
    switch (format) {
    case AudioFileFormat::Wav16:
    case AudioFileFormat::Wav24:
    case AudioFileFormat::WavFloat32: return QStringLiteral("wav");
    case AudioFileFormat::Flac16:
    case AudioFileFormat::Flac24: return QStringLiteral("flac");
    case AudioFileFormat::OggVorbis: return QStringLiteral("ogg");
    case AudioFileFormat::Mp3: return QStringLiteral("mp3");
    }
    return {};
}

QString AudioFileWriter::formatName(AudioFileFormat format)
{
    switch (format) {
    case AudioFileFormat::Wav16: return QStringLiteral("16-bit WAV");
    case AudioFileFormat::Wav24: return QStringLiteral("24-bit WAV");
    case AudioFileFormat::WavFloat32: return QStringLiteral("32-bit float WAV");
    case AudioFileFormat::Flac16: return QStringLiteral("16-bit FLAC");
    case AudioFileFormat::Flac24: return QStringLiteral("24-bit FLAC");
    case AudioFileFormat::OggVorbis: return QStringLiteral("Ogg Vorbis");
    case AudioFileFormat::Mp3: return QStringLiteral("MP3");
    }
    return {};
}

Status AudioFileWriter::write(const QString& path, const AudioBuffer& audio, AudioFileFormat format,
                              std::optional<double> vorbisQuality)
{
    const QString name = detail::displayName(path);
    if (Status valid = validate(name, audio, format, vorbisQuality); !valid)
        return valid;

    SF_INFO info{};
    info.samplerate = audio.sampleRate;
    info.channels = audio.channelCount();
    info.format = detail::sndfileFormat(format);
    detail::SndFilePtr file = detail::openSndFile(path, SFM_WRITE, &info);
    if (!file) {
        return Error{QStringLiteral("%1: cannot create the file for writing (%2)")
                         .arg(name, detail::sndfileError(nullptr))};
    }

    auto fail = [&](const QString& what) -> Status {
        file.reset();
        removePartialFile(path);
        return Error{QStringLiteral("%1: %2").arg(name, what)};
    };

    if (const QString refused = detail::configureEncoder(file.get(), format, vorbisQuality.value_or(kDefaultVorbisQuality));
        !refused.isEmpty())
        return fail(refused);

    const int channelCount = audio.channelCount();
    const SampleCount frames = audio.frames();
    std::vector<float> interleaved;
    try {
        interleaved.resize(static_cast<size_t>(kBlockFrames) * static_cast<size_t>(channelCount));
    } catch (const std::bad_alloc&) {
        return fail(QStringLiteral("out of memory while preparing to write"));
    }
    for (SampleCount position = 0; position < frames; position += kBlockFrames) {
        const sf_count_t count = static_cast<sf_count_t>(std::min<SampleCount>(kBlockFrames, frames - position));
        for (int c = 0; c < channelCount; ++c) {
            const float* in = audio.channels[static_cast<size_t>(c)].data() + position;
            float* out = interleaved.data() + c;
            for (sf_count_t i = 0; i < count; ++i)
                out[i * channelCount] = in[i];
        }
        errno = 0;
        const sf_count_t written = sf_writef_float(file.get(), interleaved.data(), count);
        if (written != count) {
            const int savedErrno = errno;
            return fail(QStringLiteral("write failed after %1 of %2 frames: %3")
                            .arg(position + std::max<sf_count_t>(written, 0))
                            .arg(frames)
                            .arg(detail::writeFailure(file.get(), savedErrno)));
        }
    }

    // Some containers report a failed write through the error state rather than the returned count.
    if (sf_error(file.get()) != SF_ERR_NO_ERROR)
        return fail(QStringLiteral("write failed: %1").arg(detail::writeFailure(file.get(), 0)));

    // Encoders (FLAC, Vorbis) and the header update flush at close, so a full disk often shows up only here.
    errno = 0;
    const int closeResult = sf_close(file.release());
    if (closeResult != 0) {
        const int savedErrno = errno;
        removePartialFile(path);
        return Error{QStringLiteral("%1: finishing the file failed: %2 (%3)")
                         .arg(name, detail::writeFailure(nullptr, savedErrno), QString::fromLocal8Bit(sf_error_number(closeResult)))};
    }
    return Status::success();
}

}  // namespace s2a::core
