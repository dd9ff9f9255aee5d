#pragma once

#include <QString>

namespace s2a::test {

// For a child process that checks how the code meets a folder it may not write: root ignores permission bits,
// so a root child gives up its identity first and continues as "nobody" (65534); anyone else is bound by the
// bits already. Returns an empty string, or why it could not.
QString becomeUnprivileged();

// Makes `folder` read-only (0555) and every folder from `from` down to it traversable (0755), so that an
// unprivileged child can read the files inside but create or replace none. Returns false when a chmod fails.
bool makeReadOnlyFolder(const QString& from, const QString& folder);
// Gives `folder` its write permission back (0755), e.g. so the test's temporary folder can be removed.
bool makeWritableFolder(const QString& folder);

}  // namespace s2a::test
