#include "Unprivileged.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace s2a::test {

QString becomeUnprivileged()
{
    if (geteuid() != 0)
        return {};
    constexpr uid_t kNobody = 65534;
    if (setgroups(0, nullptr) != 0 || setresgid(kNobody, kNobody, kNobody) != 0 || setresuid(kNobody, kNobody, kNobody) != 0)
        return QStringLiteral("cannot give up root: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

bool makeReadOnlyFolder(const QString& from, const QString& folder)
{
    const QString top = QDir(from).absolutePath();
    for (QString d = QDir(folder).absolutePath(); d.startsWith(top); d = QFileInfo(d).absolutePath()) {
        if (::chmod(QFile::encodeName(d).constData(), d == QDir(folder).absolutePath() ? 0555 : 0755) != 0)
            return false;
        if (d == top)
            break;
    }
    return true;
}

bool makeWritableFolder(const QString& folder)
{
    return ::chmod(QFile::encodeName(folder).constData(), 0755) == 0;
}

}  // namespace s2a::test
