// Saving and loading bundles: round trips, every class of bad file, crashes and full disks mid-save,
// schema migration, content-addressed audio.
#include "TestFiles.h"
#include "TestProjects.h"
#include "Unprivileged.h"

#include "core/persistence/BundleWriteLock.h"
#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectDocument.h"
#include "core/persistence/ProjectJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace s2a;
using namespace s2a::core;

namespace {

using s2a::test::readAll;
using s2a::test::writeAll;

// Saves a song, then rewrites its project.json through `mutate` so each test can break one thing.
QString savedBundle(const QTemporaryDir& dir, const ProjectData& data)
{
    const QString path = dir.filePath(QStringLiteral("Song.s2a"));
    test::writeReferencedAudio(data, path);
    const Status s = bundle::save(data, path);
    if (!s)
        qFatal("save failed: %s", qPrintable(s.errorMessage()));
    return path;
}

QJsonObject projectJson(const QString& bundlePath)
{
    return QJsonDocument::fromJson(readAll(bundle::projectFile(bundlePath))).object();
}

void setProjectJson(const QString& bundlePath, const QJsonObject& o)
{
    writeAll(bundle::projectFile(bundlePath), QJsonDocument(o).toJson());
}

// The crash and full-disk tests re-run this binary in a child process that saves a larger song into an
// existing bundle and dies, or fails, part-way through.
int childSave(const QString& bundlePath, const QString& mode)
{
    if (mode == QLatin1String("limited")) {
        std::signal(SIGXFSZ, SIG_IGN);  // the write must fail with EFBIG, not kill us
        rlimit limit{4096, 4096};
        setrlimit(RLIMIT_FSIZE, &limit);
    } else if (mode == QLatin1String("unprivileged")) {
        const QString why = test::becomeUnprivileged();
        if (!why.isEmpty()) {
            std::fprintf(stdout, "%s\n", qPrintable(why));
            return 3;
        }
    }
    const Status s = bundle::save(test::makeSong(8, 12, 20), bundlePath);
    std::fprintf(stdout, "%s\n", qPrintable(s.errorMessage()));
    return s ? 0 : 1;
}

}  // namespace

class PersistenceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saveLoadRoundTripIsExact()
    {
        QTemporaryDir dir;
        ProjectData data = test::makeSong(4, 5, 3);
        // Issue 20: a chord lane, a pickup (bar 1 half a second in) and the user's recording on a locked track.
        data.settings.downbeatOffset = data.settings.sampleRate / 2;
        data.tracks[2].locked = true;
        data.chords = {{0, QStringLiteral("Am")}, {data.length() / 4, QStringLiteral("F")},
                       {data.length() / 2, QStringLiteral("C7")}, {3 * data.length() / 4, QStringLiteral("N")}};
        const QString path = savedBundle(dir, data);
        auto loaded = bundle::load(path);
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        QVERIFY(loaded.value() == data);
        QCOMPARE(loaded->settings.seed, 0x8000000000000005ULL);
        QCOMPARE(projectJson(path).value(QStringLiteral("schemaVersion")).toInt(), kCurrentSchemaVersion);
    }

    // The previous save is kept as the backup. Issue 19: after a damaged project.json (the song then opened from
    // its autosave), the next save keeps the last good backup instead of turning the damage into project.json.bak.
    void previousSaveIsKeptAsBackupUnlessItIsDamaged()
    {
        QTemporaryDir dir;
        ProjectData data = test::makeSong();
        const QString path = savedBundle(dir, data);
        const QByteArray first = readAll(bundle::projectFile(path));
        data.settings.title = QStringLiteral("Second");
        QVERIFY(bundle::save(data, path));
        QCOMPARE(readAll(bundle::backupFile(path)), first);
        auto backup = bundle::loadBackup(path);
        QVERIFY(backup);
        QCOMPARE(backup->settings.title, test::makeSong().settings.title);
        QCOMPARE(bundle::load(path)->settings.title, QStringLiteral("Second"));

        const QByteArray second = readAll(bundle::projectFile(path));
        writeAll(bundle::projectFile(path), second.left(second.size() / 3));  // damaged
        QVERIFY(!bundle::load(path));
        data.settings.title = QStringLiteral("Third");
        QVERIFY(bundle::save(data, path));
        QCOMPARE(readAll(bundle::backupFile(path)), first);  // still the last good one
        QCOMPARE(bundle::load(path)->settings.title, QStringLiteral("Third"));
        QVERIFY(bundle::save(data, path));  // and from a good song on, backups go on as before
        QCOMPARE(bundle::loadBackup(path)->settings.title, QStringLiteral("Third"));
    }

    // Issue 19: on a file system without hard links (vfat/exFAT on a USB stick) every save still keeps a backup,
    // by copy. S2A_SIMULATE=no-hard-links makes link() fail as there.
    void backupIsCopiedWhereHardLinksFail()
    {
        QTemporaryDir dir;
        ProjectData data = test::makeSong();
        const QString path = savedBundle(dir, data);
        qputenv("S2A_SIMULATE", "no-hard-links");
        const auto restore = qScopeGuard([] { qunsetenv("S2A_SIMULATE"); });
        for (const char* title : {"Second", "Third", "Fourth"}) {
            const QByteArray before = readAll(bundle::projectFile(path));
            data.settings.title = QString::fromLatin1(title);
            const Status saved = bundle::save(data, path);
            QVERIFY2(saved, qPrintable(saved.errorMessage()));
            QCOMPARE(readAll(bundle::backupFile(path)), before);
            QFileInfo backup(bundle::backupFile(path));
            struct stat st {};
            QCOMPARE(::stat(QFile::encodeName(backup.filePath()).constData(), &st), 0);
            QCOMPARE(int(st.st_nlink), 1);  // a copy, not a link
        }
        QCOMPARE(bundle::load(path)->settings.title, QStringLiteral("Fourth"));
        QVERIFY(QDir(path).entryList({QStringLiteral("*.s2a-tmp-*")}, QDir::Files | QDir::Hidden).isEmpty());
    }

    // Issue 19: one writer per song. A second writer is refused with who holds the song; a holder killed with
    // SIGKILL leaves no lock behind.
    void oneWriterAtATime()
    {
        QTemporaryDir dir;
        const QString path = savedBundle(dir, test::makeSong());
        {
            auto first = bundle::lockForWriting(path);
            QVERIFY2(first, qPrintable(first.errorMessage()));
            auto second = bundle::lockForWriting(path);
            QVERIFY(!second);
            QVERIFY2(second.errorMessage().startsWith(QStringLiteral("Song.s2a is being changed by tst_persistence (process %1 on ")
                                                          .arg(QCoreApplication::applicationPid())),
                     qPrintable(second.errorMessage()));
        }
        QVERIFY(bundle::lockForWriting(path));  // released with its holder

        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-lock"), path});
        QVERIFY(holder.waitForReadyRead(10000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));
        QVERIFY(!bundle::lockForWriting(path));
        holder.kill();  // SIGKILL: no chance to unlock
        QVERIFY(holder.waitForFinished(10000));
        auto after = bundle::lockForWriting(path);
        QVERIFY2(after, qPrintable(after.errorMessage()));
    }

    // The GUI's document holds the open song's lock: a second document opens the song to read, and its Save is
    // refused with who holds it until the first lets go.
    void aSecondDocumentReadsButCannotSave()
    {
        QTemporaryDir dir;
        const QString path = savedBundle(dir, test::makeSong());
        auto first = std::make_unique<ProjectDocument>();
        QVERIFY(first->open(path));
        ProjectDocument second;
        QVERIFY(second.open(path));
        QVERIFY(second.project()->setTitle(QStringLiteral("Second")));
        const Status refused = second.save();
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("Song.s2a is being changed by tst_persistence")), qPrintable(refused.errorMessage()));
        QCOMPARE(bundle::load(path)->settings.title, test::makeSong().settings.title);
        first.reset();  // the window closed
        const Status saved = second.save();
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        QCOMPARE(bundle::load(path)->settings.title, QStringLiteral("Second"));
    }

    void badFilesGiveSpecificErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated") << 0 << "Song.s2a/project.json: not valid JSON at byte";
        QTest::newRow("wrong type") << 1 << "Song.s2a/project.json: $.sections[2].start: expected an integer, found a string";
        QTest::newRow("overlap") << 2 << "Song.s2a/project.json: $.sections[1].start: starts at 300000, overlapping the previous section";
        QTest::newRow("missing audio") << 3 << "Song.s2a/project.json: $.sections[0].takes[1].clips[0].file: audio file audio/";
        QTest::newRow("future schema") << 4 << "Song.s2a/project.json: $.schemaVersion: the project was saved by a newer S2A Studio (schema 99";
        QTest::newRow("no schema") << 5 << "Song.s2a/project.json: $.schemaVersion: missing or not an integer";
        QTest::newRow("not an object") << 6 << "Song.s2a/project.json: $: expected an object";
        QTest::newRow("bad label") << 7 << "Song.s2a/project.json: $.sections[0].label: \"hook\" is not one of intro";
        QTest::newRow("missing field") << 8 << "Song.s2a/project.json: $.tempo: is missing";
        QTest::newRow("fractional sample") << 9 << "Song.s2a/project.json: $.sections[0].end: expected an integer, found 352800.5";
        QTest::newRow("not a folder") << 10 << "Song.s2a/project.json: not found";
        QTest::newRow("tags not strings") << 11 << "Song.s2a/project.json: $.sections[0].tags[1]: expected a string, found a number";
        QTest::newRow("gain guard raised") << 12 << "Song.s2a/project.json: $.sections[0].takes[0].origin.levelGainDb: 3 dB is not a level-guard gain";
        // Issue 19: files that are not what they seem are refused, at once, with what they are.
        QTest::newRow("project is a link") << 13 << "Song.s2a/project.json: is a symbolic link";
        QTest::newRow("project is a FIFO") << 14 << "Song.s2a/project.json: is not a regular file (a device, pipe or socket)";
        QTest::newRow("project is /dev/zero") << 15 << "Song.s2a/project.json: is a symbolic link";
        QTest::newRow("project is huge") << 16 << "Song.s2a/project.json: is 65.0 MB, more than the 64.0 MB such a file may be";
        QTest::newRow("audio is a link") << 17 << "Song.s2a/project.json: $.sections[0].takes[0].clips[0].file: audio/";
        // Issue 20: the chord lane and bar 1.
        QTest::newRow("unknown chord") << 18 << "Song.s2a/project.json: $.chords[1].chord: \"H7\" is not a chord such as";
        QTest::newRow("chords out of order") << 19 << "Song.s2a/project.json: $.chords[1].position: chords must be in time order";
        QTest::newRow("negative downbeat") << 20 << "Song.s2a/project.json: $.downbeatOffset: -5 is not a position in the song";
    }

    void badFilesGiveSpecificErrors()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        ProjectData song = test::makeSong();
        song.chords = {{0, QStringLiteral("Am")}, {song.length() / 2, QStringLiteral("F")}};
        const QString path = savedBundle(dir, song);
        QJsonObject o = projectJson(path);
        auto editSection = [&o](int i, const std::function<void(QJsonObject&)>& f) {
            QJsonArray sections = o.value(QStringLiteral("sections")).toArray();
            QJsonObject s = sections[i].toObject();
            f(s);
            sections[i] = s;
            o.insert(QStringLiteral("sections"), sections);
        };
        switch (kind) {
        case 0: {
            const QByteArray whole = readAll(bundle::projectFile(path));
            writeAll(bundle::projectFile(path), whole.left(whole.size() / 2));
            break;
        }
        case 1: editSection(2, [](QJsonObject& s) { s.insert(QStringLiteral("start"), QStringLiteral("abc")); }); break;
        case 2: editSection(1, [](QJsonObject& s) { s.insert(QStringLiteral("start"), 300000); }); break;
        case 3: QFile::remove(QDir(bundle::audioDir(path)).filePath(test::makeSong().sections[0].takes[1].clips[0].file)); break;
        case 4: o.insert(QStringLiteral("schemaVersion"), 99); break;
        case 5: o.remove(QStringLiteral("schemaVersion")); break;
        case 6: writeAll(bundle::projectFile(path), "[1, 2, 3]"); break;
        case 7: editSection(0, [](QJsonObject& s) { s.insert(QStringLiteral("label"), QStringLiteral("hook")); }); break;
        case 8: o.remove(QStringLiteral("tempo")); break;
        case 9: editSection(0, [](QJsonObject& s) { s.insert(QStringLiteral("end"), 352800.5); }); break;
        case 10: QFile::remove(bundle::projectFile(path)); break;
        case 11: editSection(0, [](QJsonObject& s) { s.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), 5}); }); break;
        case 12: editSection(0, [](QJsonObject& s) {
            QJsonArray takes = s.value(QStringLiteral("takes")).toArray();
            QJsonObject take = takes[0].toObject();
            QJsonObject origin = take.value(QStringLiteral("origin")).toObject();
            origin.insert(QStringLiteral("levelGainDb"), 3.0);
            take.insert(QStringLiteral("origin"), origin);
            takes[0] = take;
            s.insert(QStringLiteral("takes"), takes);
        });
            break;
        case 13:
        case 15: {
            const QString elsewhere = dir.filePath(QStringLiteral("elsewhere.json"));
            QVERIFY(QFile::rename(bundle::projectFile(path), elsewhere));
            QVERIFY(QFile::link(kind == 13 ? elsewhere : QStringLiteral("/dev/zero"), bundle::projectFile(path)));
            break;
        }
        case 14:
            QVERIFY(QFile::remove(bundle::projectFile(path)));
            QCOMPARE(::mkfifo(QFile::encodeName(bundle::projectFile(path)).constData(), 0600), 0);
            break;
        case 16: {
            QFile big(bundle::projectFile(path));
            QVERIFY(big.resize(qint64(65) << 20));  // sparse: no 65 MB written
            break;
        }
        case 18:
        case 19: {
            QJsonArray chords = o.value(QStringLiteral("chords")).toArray();
            QJsonObject second = chords[1].toObject();
            if (kind == 18)
                second.insert(QStringLiteral("chord"), QStringLiteral("H7"));
            else
                second.insert(QStringLiteral("position"), 0);
            chords[1] = second;
            o.insert(QStringLiteral("chords"), chords);
            break;
        }
        case 20: o.insert(QStringLiteral("downbeatOffset"), -5); break;
        case 17: {
            const QString audioFile = QDir(bundle::audioDir(path)).filePath(test::makeSong().sections[0].takes[0].clips[0].file);
            const QString outside = dir.filePath(QStringLiteral("secret.flac"));
            QVERIFY(QFile::rename(audioFile, outside));
            QVERIFY(QFile::link(outside, audioFile));
            break;
        }
        }
        if ((kind < 13 || kind >= 18) && kind != 0 && kind != 3 && kind != 6 && kind != 10)
            setProjectJson(path, o);
        auto loaded = bundle::load(path);
        QVERIFY(!loaded);
        QVERIFY2(loaded.errorMessage().startsWith(expected), qPrintable(loaded.errorMessage()));
        if (kind == 17)
            QVERIFY2(loaded.errorMessage().contains(QLatin1String("is a symbolic link; a song reads only files stored inside its own folder")),
                     qPrintable(loaded.errorMessage()));
    }

    // Issue 19: Save As never copies what a link in the old song's audio/ points at into the new song.
    void saveAsRefusesALinkedAudioFile()
    {
        QTemporaryDir dir;
        const ProjectData data = test::makeSong();
        const QString from = savedBundle(dir, data);
        const QString name = data.sections[0].takes[0].clips[0].file;
        const QString audioFile = QDir(bundle::audioDir(from)).filePath(name);
        const QString secret = dir.filePath(QStringLiteral("secret.txt"));
        writeAll(secret, "not for the new song");
        QVERIFY(QFile::remove(audioFile));
        QVERIFY(QFile::link(secret, audioFile));
        const QString to = dir.filePath(QStringLiteral("Copy.s2a"));
        const Status saved = bundle::save(data, to, from);
        QVERIFY(!saved);
        QVERIFY2(saved.errorMessage().contains(QLatin1String("is a symbolic link")), qPrintable(saved.errorMessage()));
        QVERIFY(!QFileInfo::exists(QDir(bundle::audioDir(to)).filePath(name)));
    }

    void olderSchemaIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Old.s2a"));
        QDir().mkpath(bundle::audioDir(path));
        writeAll(QDir(bundle::audioDir(path)).filePath(QStringLiteral("drums.flac")), "x");
        const QByteArray v1 = R"({
          "schemaVersion": 1, "title": "Old", "sampleRate": 44100, "tempo": 100,
          "timeSignature": {"numerator": 4, "denominator": 4}, "key": "A minor", "seed": 12345,
          "tracks": [{"id": "t1", "name": "Drums", "role": "drums", "gain": 0.5, "pan": 0}],
          "sections": [
            {"id": "s1", "label": "intro", "start": 0, "end": 441000, "activeTake": "k1",
             "takes": [{"id": "k1", "origin": {"engine": "arranger", "seed": 9}, "audio": {"t1": "drums.flac"}}]},
            {"id": "s2", "label": "verse", "start": 441000, "end": 882000}
          ]})";
        writeAll(bundle::projectFile(path), v1);
        auto loaded = bundle::load(path);
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        QCOMPARE(loaded->settings.seed, quint64(12345));
        QVERIFY(qAbs(loaded->tracks[0].gainDb - (-6.0206)) < 1e-3);
        const Take* take = loaded->sections[0].activeTake();
        QVERIFY(take);
        QCOMPARE(take->origin.seed, quint64(9));
        QCOMPARE(take->clips.size(), 1);
        QCOMPARE(take->clips[0], (AudioClip{QStringLiteral("t1"), QStringLiteral("drums.flac"), 0, 0, 441000}));
        // Saving writes the current schema.
        QVERIFY(bundle::save(loaded.value(), path));
        QCOMPARE(projectJson(path).value(QStringLiteral("schemaVersion")).toInt(), kCurrentSchemaVersion);
        QVERIFY(bundle::load(path).value() == loaded.value());

        // Seeds no 64-bit unsigned integer holds (negative, fractional, too large) read as "no seed recorded";
        // the song opens.
        for (const char* bad : {"-1", "0.5", "1e300"}) {
            QByteArray broken = v1;
            broken.replace("\"seed\": 12345", QByteArray("\"seed\": ") + bad);
            broken.replace("\"seed\": 9}", QByteArray("\"seed\": ") + bad + "}");
            writeAll(bundle::projectFile(path), broken);
            auto opened = bundle::load(path);
            QVERIFY2(opened, qPrintable(QLatin1String(bad) + QStringLiteral(": ") + opened.errorMessage()));
            QCOMPARE(opened->settings.seed, quint64(0));
            QCOMPARE(opened->sections[0].activeTake()->origin.seed, quint64(0));
        }
    }

    void crashBeforeRenameLeavesTheOldProject_data()
    {
        QTest::addColumn<QString>("failpoint");
        QTest::newRow("before backup") << "before-backup";
        QTest::newRow("before rename") << "before-rename";
    }

    void crashBeforeRenameLeavesTheOldProject()
    {
        QFETCH(QString, failpoint);
        QTemporaryDir dir;
        const ProjectData data = test::makeSong();
        const QString path = savedBundle(dir, data);
        test::writeReferencedAudio(test::makeSong(8, 12, 20), path);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("S2A_FAILPOINT"), failpoint);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-save"), path, QStringLiteral("crash")});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitCode(), 86);  // died at the failpoint

        auto loaded = bundle::load(path);
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        QVERIFY(loaded.value() == data);
        // The crashed save left its temp file; the next save clears it and succeeds.
        const QStringList leftovers = QDir(path).entryList({QStringLiteral("project.json.s2a-tmp-*")}, QDir::Files);
        QCOMPARE(leftovers.size(), 1);
        QVERIFY(bundle::save(data, path));
        QVERIFY(QDir(path).entryList({QStringLiteral("project.json.s2a-tmp-*")}, QDir::Files).isEmpty());
    }

    void fullDiskFailsCleanly()
    {
        QTemporaryDir dir;
        const ProjectData data = test::makeSong();
        const QString path = savedBundle(dir, data);
        const QByteArray before = readAll(bundle::projectFile(path));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-save"), path, QStringLiteral("limited")});
        QVERIFY(child.waitForFinished(60000));
        const QString message = QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
        QCOMPARE(child.exitCode(), 1);
        QVERIFY2(message.startsWith(QLatin1String("Could not write")) && message.contains(QLatin1String("previous version is unchanged")),
                 qPrintable(message));
        QCOMPARE(readAll(bundle::projectFile(path)), before);
        QVERIFY(QDir(path).entryList({QStringLiteral("project.json.s2a-tmp-*")}, QDir::Files).isEmpty());
    }

    void aReadOnlyFolderFailsCleanly()
    {
        // A song on a read-only medium or in a folder the user may not write: the save says why and where, and
        // the song on disk stays as it was.
        QTemporaryDir dir;
        const ProjectData data = test::makeSong();
        const QString path = savedBundle(dir, data);
        const QByteArray before = readAll(bundle::projectFile(path));
        const QStringList filesBefore = QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QVERIFY(test::makeReadOnlyFolder(dir.path(), path));
        const auto restore = qScopeGuard([&] { test::makeWritableFolder(path); });
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-save"), path, QStringLiteral("unprivileged")});
        QVERIFY(child.waitForFinished(60000));
        const QString message = QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
        QVERIFY2(child.exitCode() == 1, qPrintable(message));
        qInfo("read-only folder: %s", qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Permission denied")) && message.contains(QLatin1String("previous version is unchanged")),
                 qPrintable(message));
        QCOMPARE(readAll(bundle::projectFile(path)), before);
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), filesBefore);
        auto loaded = bundle::load(path);
        QVERIFY2(loaded && loaded.value() == data, qPrintable(loaded.errorMessage()));
    }

    void audioIsContentAddressedAndNeverRewritten()
    {
        QTemporaryDir dir;
        const QString bundlePath = dir.filePath(QStringLiteral("A.s2a"));
        const QString source = dir.filePath(QStringLiteral("take.flac"));
        writeAll(source, QByteArray(100000, 'a'));
        auto first = bundle::addAudioFile(bundlePath, source);
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QVERIFY(first->endsWith(QLatin1String(".flac")));
        QCOMPARE(first->size(), 32 + 5);
        const QString stored = QDir(bundle::audioDir(bundlePath)).filePath(first.value());
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(stored).constData(), &before), 0);

        auto again = bundle::addAudioFile(bundlePath, source);
        QCOMPARE(again.value(), first.value());
        struct stat after {};
        QCOMPARE(::stat(QFile::encodeName(stored).constData(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino);

        writeAll(source, QByteArray(100000, 'b'));
        auto other = bundle::addAudioFile(bundlePath, source);
        QVERIFY(other.value() != first.value());
        QCOMPARE(readAll(stored), QByteArray(100000, 'a'));
        QVERIFY(!bundle::addAudioFile(bundlePath, dir.filePath(QStringLiteral("missing.wav"))));
    }

    void saveAsCopiesTheAudio()
    {
        QTemporaryDir dir;
        const ProjectData data = test::makeSong();
        const QString from = savedBundle(dir, data);
        const QString to = dir.filePath(QStringLiteral("Copy.s2a"));
        QVERIFY(bundle::save(data, to, from));
        auto loaded = bundle::load(to);
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        QVERIFY(loaded.value() == data);
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && QByteArray(argv[1]) == "--child-lock") {  // holds a song's write lock until killed
        auto lock = bundle::lockForWriting(QString::fromLocal8Bit(argv[2]));
        std::fprintf(stdout, "%s\n", lock ? "locked" : qPrintable(lock.errorMessage()));
        std::fflush(stdout);
        std::getchar();  // blocks until the test kills this process
        return 0;
    }
    if (argc == 4 && QByteArray(argv[1]) == "--child-save")
        return childSave(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    PersistenceTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_persistence.moc"
