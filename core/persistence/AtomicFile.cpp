#include "core/persistence/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace s2a::core {
namespace {

const QLatin1String kTempMarker(".s2a-tmp-");

QString tempPathFor(const QString& path)
{
    return path + kTempMarker + QString::number(QCoreApplication::applicationPid());
}

QString systemError() { return QString::fromLocal8Bit(std::strerror(errno)); }

// Lets a test kill the process at a precise point of a save, to prove a crash there loses nothing.
void failpoint(const char* name)
{
    const QByteArray wanted = qgetenv("S2A_FAILPOINT");
    if (!wanted.isEmpty() && wanted == name)
        std::_Exit(86);
}

bool writeAll(int fd, const QByteArray& data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += n;
    }
    return true;
}

}  // namespace

void syncDirectory(const QString& dirPath)
{
    const int fd = ::open(QFile::encodeName(dirPath).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void removeStaleTempFiles(const QString& path)
{
    const QFileInfo info(path);
    const QDir dir = info.dir();
    const QStringList stale = dir.entryList({info.fileName() + kTempMarker + QLatin1Char('*')}, QDir::Files | QDir::Hidden);
    for (const QString& name : stale)
        QFile::remove(dir.filePath(name));
}

Status writeFileAtomically(const QString& path, const QByteArray& contents, const QString& backupPath)
{
    const QString temp = tempPathFor(path);
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{QStringLiteral("Could not create %1: %2").arg(temp, systemError())};
    const bool written = writeAll(fd, contents) && ::fsync(fd) == 0;
    const QString writeError = systemError();
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        ::unlink(tempName.constData());
        return Error{QStringLiteral("Could not write %1: %2. The previous version is unchanged.")
                         .arg(path, written ? systemError() : writeError)};
    }

    failpoint("before-backup");
    const QByteArray target = QFile::encodeName(path);
    if (!backupPath.isEmpty() && QFileInfo::exists(path)) {
        // Link then rename, so that an existing backup is replaced atomically as well.
        const QByteArray backupTemp = QFile::encodeName(tempPathFor(backupPath));
        ::unlink(backupTemp.constData());
        if (::link(target.constData(), backupTemp.constData()) != 0
            || ::rename(backupTemp.constData(), QFile::encodeName(backupPath).constData()) != 0) {
            const QString why = systemError();
            ::unlink(backupTemp.constData());
            ::unlink(tempName.constData());
            return Error{QStringLiteral("Could not keep a backup of %1: %2").arg(path, why)};
        }
    }

    failpoint("before-rename");
    if (::rename(tempName.constData(), target.constData()) != 0) {
        const QString why = systemError();
        ::unlink(tempName.constData());
        return Error{QStringLiteral("Could not replace %1: %2").arg(path, why)};
    }
    syncDirectory(QFileInfo(path).absolutePath());
    return Status::success();
}

}  // namespace s2a::core
