#pragma once

// What this build is and what it runs with, for `s2a --version` and Help > About (one text for both): the
// version, the git commit it was built from, the Qt it was built with and runs on, PortAudio, and the compute
// device the caller's inference runtime chose (passed in: core does not know LibTorch).
#include <QStringList>

namespace s2a::core {

QString buildCommit();  // "3f2c9a1b7d0e", or "unknown" when built outside a git checkout
QStringList buildReport(const QString& runtimeDescription);

}  // namespace s2a::core
