#include "core/persistence/AtomicFile.h"

#include "core/persistence/AtomicWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace s2a::core {
namespace {

std::string native(const QString& path) { return QFile::encodeName(path).toStdString(); }

}  // namespace

void syncDirectory(const QString& dirPath)
{
    syncDirectoryOf(native(QDir(dirPath).filePath(QStringLiteral("."))));
}

void removeStaleTempFiles(const QString& path)
{
    const QFileInfo info(path);
    const QDir dir = info.dir();
    const QString marker = QLatin1String(AtomicWriter::tempMarker());
    const QStringList stale = dir.entryList({info.fileName() + marker + QLatin1Char('*')}, QDir::Files | QDir::Hidden);
    for (const QString& name : stale)
        QFile::remove(dir.filePath(name));
}

Status writeFileAtomically(const QString& path, const QByteArray& contents, const QString& backupPath)
{
    AtomicWriter writer(native(path));
    writer.write(contents.constData(), std::size_t(contents.size()));
    if (writer.commit(backupPath.isEmpty() ? std::string() : native(backupPath)))
        return Status::success();
    const QString why = QString::fromLocal8Bit(writer.error().c_str());
    const QString file = QDir::toNativeSeparators(path);
    // Every stage fails before the rename that replaces the file (or is that rename), so the old file stays.
    const QString unchanged = QStringLiteral(" The previous version is unchanged.");
    switch (writer.failedStage()) {
    case AtomicWriter::Stage::Create:
        return Error{QStringLiteral("Could not write %1: no new file can be made in %2 (%3).")
                         .arg(file, QDir::toNativeSeparators(QFileInfo(path).absolutePath()), why) + unchanged};
    case AtomicWriter::Stage::Backup:
        return Error{QStringLiteral("Could not keep a backup of %1: %2.").arg(file, why) + unchanged};
    case AtomicWriter::Stage::Replace:
        return Error{QStringLiteral("Could not replace %1: %2.").arg(file, why) + unchanged};
    case AtomicWriter::Stage::Write:
    case AtomicWriter::Stage::None:
        break;
    }
    return Error{QStringLiteral("Could not write %1: %2.").arg(file, why) + unchanged};
}

}  // namespace s2a::core
