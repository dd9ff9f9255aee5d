#pragma once

// What a song folder may hold: regular files inside it. A project.json that is /dev/zero or a FIFO made the
// loader read forever or block the UI thread; an audio/<name> that is a symbolic link let a song read (and Save
// As copy into a new song) any file the user can read. These checks use lstat()/O_NOFOLLOW, so a link is seen
// as a link, and a read is bounded by a size cap checked on the opened file (no window between check and read).
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace s2a::core {

// Succeeds when `path` is a regular file (not a link, device, FIFO or folder) of at most `maxBytes`.
// `name` is how messages call the file ("Song.s2a/audio/ab12.flac").
Status checkRegularFile(const QString& path, qint64 maxBytes, const QString& name);

// Reads a regular file of at most `maxBytes` (the same rules, on the opened descriptor).
Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& name);

}  // namespace s2a::core
