#pragma once

// The real GUI binary as a child process for the app tests (tst_crash_recovery, tst_kill_gui_save): started with
// a private home under the build folder, so that everything it writes (settings, autosaves, recent songs, the
// demo) stays there and no test sees another's or the user's.
#include <QProcess>
#include <QtTest>

namespace s2a::test {

inline void startWithPrivateHome(QProcess& app, const QString& program, const QStringList& args, const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    app.setProcessEnvironment(env);
    app.setProgram(program);
    app.setArguments(args);
    app.start();
    QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
}

}  // namespace s2a::test
