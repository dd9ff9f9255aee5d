#include "core/audio/SndFile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <QFile>
#include <QFileInfo>

namespace s2a::core::detail {

SndFilePtr openSndFile(const QString& path, int mode, SF_INFO* info)
{
#if defined(_WIN32)
    return SndFilePtr(sf_wchar_open(reinterpret_cast<const wchar_t*>(path.utf16()), mode, info));
#else
    return SndFilePtr(sf_open(QFile::encodeName(path).constData(), mode, info));
#endif
}

QString displayName(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? path : name;
}

QString sndfileError(SNDFILE* file)
{
    return QString::fromLocal8Bit(sf_strerror(file)).trimmed();
}

QString writeFailure(SNDFILE* file, int savedErrno)
{
    const QString system = savedErrno ? QString::fromLocal8Bit(std::strerror(savedErrno)) : QString();
    // The system's word is the clearest where it names the cause (an encoder that failed on it, FLAC's say,
    // only reports its own initialisation failing).
    if (savedErrno == ENOSPC || savedErrno == EDQUOT)
        return QStringLiteral("the disk is full (%1)").arg(system);
    if (savedErrno == EFBIG)
        return QStringLiteral("the file is larger than this file system or the file-size limit allows (%1)").arg(system);
    const QString library = file && sf_error(file) != SF_ERR_NO_ERROR ? sndfileError(file) : QString();
    if (!library.isEmpty())
        return system.isEmpty() ? library : QStringLiteral("%1 (%2)").arg(library, system);
    if (!system.isEmpty())
        return system;
    return QStringLiteral("the encoder refused the audio, and the system reported no error");
}

int sndfileFormat(AudioFileFormat format)
{
    switch (format) {
    case AudioFileFormat::Wav16: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case AudioFileFormat::Wav24: return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
    case AudioFileFormat::WavFloat32: return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    case AudioFileFormat::Flac16: return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case AudioFileFormat::Flac24: return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
    case AudioFileFormat::OggVorbis: return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case AudioFileFormat::Mp3: return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    }
    return 0;
}

QString sampleRateProblem(AudioFileFormat format, int sampleRate)
{
    static const int kMpegRates[] = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};
    if (format == AudioFileFormat::Mp3 && std::find(std::begin(kMpegRates), std::end(kMpegRates), sampleRate) == std::end(kMpegRates))
        return QStringLiteral("MP3 cannot store %1 Hz audio; use 44.1 or 48 kHz, or another format").arg(sampleRate);
    return {};
}

QString configureEncoder(SNDFILE* file, AudioFileFormat format, double vorbisQuality)
{
    switch (format) {
    case AudioFileFormat::OggVorbis:
        if (sf_command(file, SFC_SET_VBR_ENCODING_QUALITY, &vorbisQuality, sizeof(vorbisQuality)) != SF_TRUE)
            return QStringLiteral("the Vorbis encoder rejected quality %1").arg(vorbisQuality);
        return {};
    case AudioFileFormat::Mp3: {
        // What producers hand on: constant 320 kbit/s (compression level 0 is LAME's highest bit rate).
        // (libsndfile 1.2 answers SFC_SET_BITRATE_MODE with 0 on success, unlike the other commands: its error
        // state says whether either was refused.)
        int mode = SF_BITRATE_MODE_CONSTANT;
        double level = 0.0;
        sf_command(file, SFC_SET_BITRATE_MODE, &mode, sizeof(mode));
        if (sf_command(file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof(level)) != SF_TRUE || sf_error(file) != SF_ERR_NO_ERROR)
            return QStringLiteral("the MP3 encoder refused 320 kbit/s");
        return {};
    }
    default:
        // libsndfile wraps out-of-range floats around by default; a loud click is worse than a clipped peak.
        sf_command(file, SFC_SET_CLIPPING, nullptr, SF_TRUE);
        return {};
    }
}

}  // namespace s2a::core::detail
