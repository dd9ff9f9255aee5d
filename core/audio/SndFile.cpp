#include "core/audio/SndFile.h"

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
    }
    return 0;
}

}  // namespace s2a::core::detail
