#pragma once

#include <QtTest>

// A check this machine cannot run (a tool or device missing) is skipped on a developer's machine and fails under
// CI=true, where scripts/dev has installed everything the suite needs: there, a missing tool must never pass as a
// silent skip.
#define S2A_SKIP_OR_FAIL_ON_CI(message)          \
    do {                                         \
        if (qEnvironmentVariableIsSet("CI"))     \
            QFAIL(message);                      \
        QSKIP(message);                          \
    } while (false)
