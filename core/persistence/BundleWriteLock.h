#pragma once

// One writer per song. `s2a regenerate` loads a song, renders for minutes and saves; the GUI saving the same
// song meanwhile lost one side's work. A writer (the GUI while a song is open, a CLI command that saves) holds
// the song's write lock, a QLockFile inside the folder that names the process holding it; a second writer is
// refused and told who holds it, readers (opening, `s2a info`, export) never wait. QLockFile sees through the
// lock of a process that is gone (crashed, killed with SIGKILL), so a lock never outlives its holder.
#include "core/util/Result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace s2a::core::bundle {

QString writeLockPath(const QString& bundlePath);  // "<bundle>/.write.lock"

// Takes the lock (creating the folder if needed), or says who holds it: "Song.s2a is being changed by s2a
// (process 4242 on studio-pc); ...". Never waits.
Result<std::shared_ptr<QLockFile>> lockForWriting(const QString& bundlePath);

}  // namespace s2a::core::bundle
