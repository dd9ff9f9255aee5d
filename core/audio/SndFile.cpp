#include "core/audio/SndFile.h"

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

}  // namespace s2a::core::detail
