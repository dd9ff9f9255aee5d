#include "core/persistence/RegularFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace s2a::core {
namespace {

QString megabytes(qint64 bytes) { return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1); }

Status checkStat(const struct stat& st, qint64 maxBytes, const QString& name)
{
    if (S_ISLNK(st.st_mode))
        return Error{QStringLiteral("%1: is a symbolic link; a song reads only files stored inside its own folder").arg(name)};
    if (S_ISDIR(st.st_mode))
        return Error{QStringLiteral("%1: is a folder, not a file").arg(name)};
    if (!S_ISREG(st.st_mode))
        return Error{QStringLiteral("%1: is not a regular file (a device, pipe or socket); it is not read").arg(name)};
    if (qint64(st.st_size) > maxBytes)
        return Error{QStringLiteral("%1: is %2 MB, more than the %3 MB such a file may be; it is not read")
                         .arg(name, megabytes(qint64(st.st_size)), megabytes(maxBytes))};
    return Status::success();
}

}  // namespace

Status checkRegularFile(const QString& path, qint64 maxBytes, const QString& name)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return Error{QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(std::strerror(errno)))};
    return checkStat(st, maxBytes, name);
}

Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& name)
{
    // O_NOFOLLOW: a link fails to open (ELOOP); O_NONBLOCK: a FIFO opens without waiting for a writer, and
    // fstat() then refuses it.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ELOOP)
            return Error{QStringLiteral("%1: is a symbolic link; a song reads only files stored inside its own folder").arg(name)};
        return Error{QStringLiteral("%1: cannot be read: %2").arg(name, QString::fromLocal8Bit(std::strerror(error)))};
    }
    struct stat st {};
    Status regular = ::fstat(fd, &st) == 0 ? checkStat(st, maxBytes, name)
                                           : Error{QStringLiteral("%1: cannot be read").arg(name)};
    QByteArray bytes;
    if (regular) {
        bytes.resize(qsizetype(st.st_size));
        qint64 done = 0;
        while (done < qint64(bytes.size())) {
            const ssize_t got = ::read(fd, bytes.data() + done, size_t(bytes.size() - done));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            done += got;
        }
        if (done != qint64(bytes.size()))
            regular = Error{QStringLiteral("%1: could not be read whole (%2 of %3 bytes)").arg(name).arg(done).arg(bytes.size())};
    }
    ::close(fd);
    if (!regular)
        return regular.error();
    return bytes;
}

}  // namespace s2a::core
