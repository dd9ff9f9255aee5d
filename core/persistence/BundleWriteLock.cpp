#include "core/persistence/BundleWriteLock.h"

#include <QDir>
#include <QFileInfo>

namespace s2a::core::bundle {

QString writeLockPath(const QString& bundlePath) { return QDir(bundlePath).filePath(QStringLiteral(".write.lock")); }

Result<std::shared_ptr<QLockFile>> lockForWriting(const QString& bundlePath)
{
    const QString name = QFileInfo(bundlePath).fileName();
    if (!QDir().mkpath(bundlePath))
        return Error{QStringLiteral("%1: the folder cannot be created, so the song cannot be saved there").arg(name)};
    auto lock = std::make_shared<QLockFile>(writeLockPath(bundlePath));
    lock->setStaleLockTime(0);  // a live holder's lock never goes stale, however long it renders
    if (lock->tryLock(0))
        return lock;
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        return Error{QStringLiteral("%1 is being changed by %2 (process %3 on %4); try again when it is done, or save "
                                    "a copy with Save As")
                         .arg(name, app.isEmpty() ? QStringLiteral("another program") : app)
                         .arg(pid)
                         .arg(host.isEmpty() ? QStringLiteral("this computer") : host)};
    }
    return Error{QStringLiteral("%1: the song's write lock cannot be created (%2), so it cannot be saved there")
                     .arg(name, lock->error() == QLockFile::PermissionError ? QStringLiteral("no permission")
                                                                            : QStringLiteral("unknown error"))};
}

}  // namespace s2a::core::bundle
