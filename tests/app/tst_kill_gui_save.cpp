// Issue 19: the real app (s2a-studio under Xvfb), killed with SIGKILL at random moments while it saves and
// autosaves, 50 times. Each round launches it on a song of many one-second sections, merges the first two with
// the M key (as a user does), saves with Ctrl+S on even rounds and leaves the edit to the autosave (set to one
// second in the app's own settings) on odd ones, and kills it after a random delay spread over both. After every
// kill the song opens and is exactly the old or the merged state, never a mix; an autosave newer than the song
// holds exactly the merged state, and recovery through ProjectDocument (what the app's recovery dialog calls)
// restores it, which the test then saves so the next round starts from it.
#include "SkipOrFail.h"
#include "AppProcess.h"
#include "AudioFixtures.h"

#include "core/model/SectionEdits.h"
#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectDocument.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <functional>
#include <thread>

using namespace s2a;

namespace {

constexpr int kRounds = 50;
constexpr int kSections = kRounds + 4;

QString runTool(const QStringList& args, QString* errors = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("xdotool"), args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        if (errors)
            *errors = QStringLiteral("xdotool %1 timed out").arg(args.join(QLatin1Char(' ')));
        return {};
    }
    if (errors)
        *errors = QStringLiteral("xdotool %1: exit %2, %3")
                      .arg(args.join(QLatin1Char(' ')))
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(p.readAllStandardError()).trimmed());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// What a failed window search saw: the app's windows and their names, every window named like it, and what the
// app's threads were doing.
QString describeWindows(qint64 pid, const QString& home)
{
    QStringList out;
    QString errors;
    const QString ours = runTool({QStringLiteral("search"), QStringLiteral("--pid"), QString::number(pid)}, &errors);
    out << errors;
    for (const QString& w : ours.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out << QStringLiteral("window %1 '%2'").arg(w, runTool({QStringLiteral("getwindowname"), w}));
    out << QStringLiteral("named S2A Studio: [%1]").arg(runTool({QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("S2A Studio")}, &errors))
        << errors;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly))
        out << QStringLiteral("stat: ") + QString::fromUtf8(stat.readAll()).trimmed();
    for (const QString& task : QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile wchan(QStringLiteral("/proc/%1/task/%2/wchan").arg(pid).arg(task));
        QFile comm(QStringLiteral("/proc/%1/task/%2/comm").arg(pid).arg(task));
        if (wchan.open(QIODevice::ReadOnly) && comm.open(QIODevice::ReadOnly))
            out << QStringLiteral("%1 %2").arg(QString::fromUtf8(comm.readAll()).trimmed(), QString::fromUtf8(wchan.readAll()));
    }
    QDirIterator locks(home, {QStringLiteral("*.lock"), QStringLiteral("*lock*")}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (locks.hasNext()) {
        locks.next();
        out << QStringLiteral("lock %1 (%2 bytes)").arg(locks.filePath()).arg(locks.fileInfo().size());
    }
    if (!QStandardPaths::findExecutable(QStringLiteral("gdb")).isEmpty()) {
        QProcess gdb;
        gdb.start(QStringLiteral("gdb"), {QStringLiteral("-p"), QString::number(pid), QStringLiteral("-batch"), QStringLiteral("-ex"),
                                          QStringLiteral("thread apply all bt 20")});
        gdb.waitForFinished(60000);
        out << QString::fromUtf8(gdb.readAllStandardOutput()).right(6000);
    }
    return out.join(QStringLiteral("; "));
}

// Section boundaries and ids: what a merge changes. A torn or mixed file differs from both states here (or does
// not load at all).
QStringList shape(const core::ProjectData& data)
{
    QStringList out;
    for (const core::Section& s : data.sections)
        out << QStringLiteral("%1:%2-%3").arg(s.id).arg(s.start).arg(s.end);
    return out;
}

QStringList mergedShape(const core::ProjectData& data)
{
    core::ProjectData merged = data;
    auto joined = core::SectionEdits::merge(merged.sections[0], merged.sections[1]);
    if (!joined)
        return {};
    merged.sections[0] = joined.value();
    merged.sections.removeAt(1);
    return shape(merged);
}

}  // namespace

class KillGuiSaveTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty() || qEnvironmentVariableIsEmpty("DISPLAY"))
            S2A_SKIP_OR_FAIL_ON_CI("needs xdotool (scripts/dev installs it) and an X display (scripts/dev runs ctest under xvfb-run)");
        // The app's settings in its private home: autosave every second, so kills land on autosaves too.
        QSettings settings(home() + QStringLiteral("/.config/S2A/S2A Studio.conf"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("preferences/autosaveSeconds"), 1);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    void killedWhileSavingLeavesTheOldOrTheNewSong()
    {
        const QString song = m_dir.filePath(QStringLiteral("Kill.s2a"));
        core::ProjectData data = test::makeSineSong(song, 1, double(kSections), 44100);
        data.settings.title = QStringLiteral("Kill");
        for (int i = 0; i + 1 < kSections; ++i) {
            auto halves = core::SectionEdits::split(data.sections[i], core::SampleCount(i + 1) * 44100, 4410);
            QVERIFY2(halves, qPrintable(halves.errorMessage()));
            data.sections[i] = halves->first;
            data.sections.insert(i + 1, halves->second);
        }
        QVERIFY(core::bundle::save(data, song));

        QRandomGenerator random(20261207);
        int saved = 0, autosaved = 0, untouched = 0, interrupted = 0;
        for (int round = 0; round < kRounds; ++round) {
            const auto before = core::bundle::load(song);
            QVERIFY2(before, qPrintable(before.errorMessage()));
            const QStringList oldShape = shape(before.value()), newShape = mergedShape(before.value());
            QVERIFY(!newShape.isEmpty());

            QProcess app;
            start(app, song);
            // The window, polled (a slow launch is logged, not failed: pollForWindow).
            QElapsedTimer launched;
            launched.start();
            QString stall;
            QString window = pollForWindow([&] {
                return runTool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--pid"), QString::number(app.processId()),
                                QStringLiteral("--name"), QStringLiteral("S2A Studio")})
                    .split(QLatin1Char('\n')).constFirst();
            }, launched, app.processId(), &stall);
            if (window.isEmpty())  // (QVERIFY2 would build its message, and so stop the app in gdb, every round)
                QFAIL(qPrintable(QStringLiteral("round %1: no window after 120 s; %2; app says: %3")
                                     .arg(round)
                                     .arg(describeWindows(app.processId(), home()), QString::fromUtf8(app.readAllStandardError()))));
            // The window first found can be replaced before it is titled (CI, session 10: the id it had then read
            // as "" for 30 s, the name of a window that no longer exists): the titled one is looked up again, and
            // waited for like the window.
            const QString titled = QStringLiteral("Kill — S2A Studio");
            const QString first = window;
            window = pollForWindow([&] { return windowTitled(app.processId(), titled, first); }, launched, app.processId(), &stall);
            if (!stall.isEmpty())
                qWarning("round %d: the window took %.1f s to appear titled; 20 s in: %s", round, launched.elapsed() / 1000.0,
                         qPrintable(stall));
            if (window.isEmpty())
                QFAIL(qPrintable(QStringLiteral("round %1: no window titled \"%2\" after 120 s (the first found read \"%3\"); %4; app says: %5")
                                     .arg(round)
                                     .arg(titled, title(first), describeWindows(app.processId(), home()),
                                          QString::fromUtf8(app.readAllStandardError()))));
            // 1 selects the first section, M merges it with the next; the title's dot says the edit landed.
            // A key pressed before the window takes the keyboard is lost: press again only after a long wait for
            // the dot, so one merge never becomes two.
            for (int attempt = 0; attempt < 3 && !title(window).startsWith(QStringLiteral("●")); ++attempt) {
                runTool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window, QStringLiteral("key"), QStringLiteral("1"), QStringLiteral("m")});
                for (QDeadlineTimer deadline(10000); !title(window).startsWith(QStringLiteral("●")) && !deadline.hasExpired();)
                    QTest::qWait(50);  // the next look at the title, not a wait for something
            }
            QVERIFY2(title(window).startsWith(QStringLiteral("●")), qPrintable(title(window)));
            // Ctrl+S is sent by a second process that the kill races: xdotool takes a few milliseconds to start
            // and send the key, and the app as long again to write, so kills uniform over 40 ms from its start land
            // before, during and after the save. Odd rounds leave the edit to the autosave (every second) and kill
            // uniformly over 1.3 s. The kill moment is the experiment, not a synchronisation.
            QProcess saveKey;
            if (round % 2 == 0)
                saveKey.start(QStringLiteral("xdotool"), {QStringLiteral("windowfocus"), QStringLiteral("--sync"), window,
                                                         QStringLiteral("key"), QStringLiteral("ctrl+s")});
            std::this_thread::sleep_for(std::chrono::microseconds(random.bounded(round % 2 == 0 ? 40000 : 1300000)));
            ::kill(pid_t(app.processId()), SIGKILL);
            QVERIFY(app.waitForFinished(10000));
            if (saveKey.state() != QProcess::NotRunning)
                saveKey.waitForFinished(10000);  // its window may be gone: whatever it says does not matter

            // A temporary file left beside project.json or the autosave: the kill cut a write short.
            interrupted += !QDir(song).entryList({QStringLiteral("*.s2a-tmp-*")}, QDir::Files | QDir::Hidden).isEmpty();
            const auto after = core::bundle::load(song);
            QVERIFY2(after, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(after.errorMessage())));
            const QStringList now = shape(after.value());
            QVERIFY2(now == oldShape || now == newShape, qPrintable(QStringLiteral("round %1: a mixed song").arg(round)));
            // An autosave newer than the song, if one was written, holds the merged song whole, and recovery
            // restores it (the next launch would offer it; the test takes it, so every round starts alike).
            core::ProjectDocument document;
            QVERIFY2(document.open(song), qPrintable(QStringLiteral("round %1").arg(round)));
            if (document.recoveryAvailable()) {
                QVERIFY2(document.restoreRecovery(), qPrintable(QStringLiteral("round %1").arg(round)));
                QCOMPARE(shape(document.project()->data()), newShape);
                QVERIFY(document.save());
                autosaved += now == oldShape;
            }
            saved += now == newShape;
            untouched += now == oldShape && !document.recoveryAvailable() && shape(document.project()->data()) == oldShape;
        }
        qInfo("%d kills: %d after the save, %d recovered from the autosave, %d before either, %d in the middle of a "
              "write (a temporary file left); every song opened whole", kRounds, saved, autosaved, untouched, interrupted);
        QVERIFY(saved > 0 && autosaved > 0 && untouched > 0);  // the kills did land on every side
        QCOMPARE(core::bundle::load(song)->sections.size(), kSections - saved - autosaved);
    }

private:
    QString home() const { return m_dir.filePath(QStringLiteral("home")); }

    void start(QProcess& app, const QString& song)
    {
        test::startWithPrivateHome(app, QStringLiteral(S2A_STUDIO_PATH), {song}, home());
    }

    // `look` every 200 ms for up to 120 s, until it names a window. A launch normally shows and titles its window
    // within seconds; on loaded machines a launch after a kill has been seen to take over 30 s (cause not yet
    // known: the app sat idle, not crashed). Past 20 s after `launched` the app's windows and threads are described
    // once into *stall, and the wait goes on: what this test guards is the song on disk, not the launch time.
    QString pollForWindow(const std::function<QString()>& look, const QElapsedTimer& launched, qint64 pid, QString* stall) const
    {
        QString window;
        for (QDeadlineTimer deadline(120000); window.isEmpty() && !deadline.hasExpired();) {
            window = look();
            if (window.isEmpty() && stall->isEmpty() && launched.elapsed() > 20000)
                *stall = describeWindows(pid, home());
            if (window.isEmpty())
                QTest::qWait(200);  // the next look, not a wait for something
        }
        return window;
    }

    static QString title(const QString& window) { return runTool({QStringLiteral("getwindowname"), window}); }
    // The window of `pid` named `wanted` (`known` first, then every window the app shows), or empty.
    static QString windowTitled(qint64 pid, const QString& wanted, const QString& known)
    {
        if (!known.isEmpty() && title(known) == wanted)
            return known;
        const QStringList ids = runTool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--pid"), QString::number(pid),
                                         QStringLiteral("--name"), QStringLiteral("S2A Studio")})
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& id : ids)
            if (title(id) == wanted)
                return id;
        return {};
    }

    QTemporaryDir m_dir{QStringLiteral(S2A_TEST_WORK_DIR "/tst_kill_gui_save-XXXXXX")};
};

QTEST_GUILESS_MAIN(KillGuiSaveTest)
#include "tst_kill_gui_save.moc"
