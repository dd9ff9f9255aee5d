#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace s2a::core {

// Replaces `path` with `contents` so that, whatever happens (crash, power loss, full disk), the file holds
// either its old or its new contents, never a mix, optionally keeping the current file as `backupPath`: the
// Qt face of AtomicWriter (AtomicWriter.h), which every writer of the project uses.
Status writeFileAtomically(const QString& path, const QByteArray& contents, const QString& backupPath = {});

// Removes temp files a crashed save left beside `path`.
void removeStaleTempFiles(const QString& path);

// Flushes a folder's entries (renames, new files) to disk.
void syncDirectory(const QString& dirPath);

}  // namespace s2a::core
