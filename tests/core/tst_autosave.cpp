// Autosave and crash recovery through ProjectDocument, the object the GUI and the CLI drive songs with.
#include "TestProjects.h"

#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectDocument.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using namespace s2a::core;

namespace {

QString savedBundle(const QTemporaryDir& dir, const ProjectData& data)
{
    const QString path = dir.filePath(QStringLiteral("Song.s2a"));
    test::writeReferencedAudio(data, path);
    if (!bundle::save(data, path))
        qFatal("save failed");
    return path;
}

}  // namespace

class AutosaveTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void autosaveAfterEditsAndRecoverAfterCrash()
    {
        QTemporaryDir dir;
        const ProjectData saved = test::makeSong();
        const QString path = savedBundle(dir, saved);
        ProjectData edited;
        {
            ProjectDocument doc;
            doc.setAutosaveInterval(50);
            QVERIFY(doc.open(path));
            QVERIFY(!doc.recoveryAvailable());
            QSignalSpy autosaved(&doc, &ProjectDocument::autosaved);
            QVERIFY(!autosaved.wait(200));  // nothing to save yet: no autosave
            QVERIFY(doc.project()->splitSection(QStringLiteral("sec-0"), 3 * 44100));
            QVERIFY(doc.project()->setTempo(96));
            QVERIFY(doc.isModified());
            QVERIFY(autosaved.wait(2000));
            QVERIFY(QFile::exists(bundle::recoveryFile(path)));
            edited = doc.project()->data();
            QVERIFY(!autosaved.wait(200));  // no new edits: no rewrite
            // The document goes away without saving, as in a crash.
        }
        QVERIFY(bundle::load(path).value() == saved);  // the real save is untouched

        ProjectDocument doc;
        QVERIFY(doc.open(path));
        QVERIFY(doc.recoveryAvailable());
        QVERIFY(doc.project()->data() == saved);
        QVERIFY(doc.restoreRecovery());
        QVERIFY(doc.project()->data() == edited);
        QVERIFY(doc.isModified());
        QVERIFY(doc.save());
        QVERIFY(!doc.isModified());
        QVERIFY(!QFile::exists(bundle::recoveryFile(path)));
        QVERIFY(bundle::load(path).value() == edited);

        ProjectDocument again;
        QVERIFY(again.open(path));
        QVERIFY(!again.recoveryAvailable());
    }

    void discardingTheRecoveryKeepsTheSave()
    {
        QTemporaryDir dir;
        const ProjectData saved = test::makeSong();
        const QString path = savedBundle(dir, saved);
        ProjectData changed = saved;
        changed.settings.title = QStringLiteral("changed");
        QVERIFY(bundle::writeRecovery(changed, path));
        ProjectDocument doc;
        QVERIFY(doc.open(path));
        QVERIFY(doc.recoveryAvailable());
        doc.discardRecovery();
        QVERIFY(!QFile::exists(bundle::recoveryFile(path)));
        QVERIFY(doc.project()->data() == saved);
        QVERIFY(!doc.isModified());
    }

    void olderRecoveryIsNotOffered()
    {
        QTemporaryDir dir;
        const QString path = savedBundle(dir, test::makeSong());
        QVERIFY(bundle::writeRecovery(test::makeSong(), path));
        QFile recovery(bundle::recoveryFile(path));
        QVERIFY(recovery.open(QIODevice::ReadWrite));
        QVERIFY(recovery.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
        recovery.close();
        QVERIFY(!bundle::hasNewerRecovery(path));
    }

    void damagedSaveFallsBackToTheAutosave()
    {
        QTemporaryDir dir;
        const ProjectData saved = test::makeSong();
        const QString path = savedBundle(dir, saved);
        ProjectData changed = saved;
        changed.settings.caption = QStringLiteral("recovered");
        QVERIFY(bundle::writeRecovery(changed, path));
        QFile project(bundle::projectFile(path));
        QVERIFY(project.open(QIODevice::WriteOnly | QIODevice::Truncate));
        project.write("{\"schemaVersion\": 2, \"title\": ");
        project.close();
        ProjectDocument doc;
        QVERIFY(doc.open(path));
        QCOMPARE(doc.project()->data().settings.caption, QStringLiteral("recovered"));
        QVERIFY(doc.isModified());
        QVERIFY2(doc.openNotice().contains(QLatin1String("not valid JSON")), qPrintable(doc.openNotice()));
        QVERIFY(!doc.recoveryAvailable());
    }

    void untitledSongsAutosaveAndSaveAs()
    {
        QTemporaryDir dir;
        ProjectDocument doc;
        doc.setUntitledRecoveryDir(dir.filePath(QStringLiteral("recovery")));
        doc.newProject(ProjectData::createNew(QStringLiteral("Sketch"), 44100, 44100 * 20));
        QVERIFY(doc.isUntitled());
        QVERIFY(!doc.save());  // nowhere to save yet: a message, not a crash
        QVERIFY(doc.project()->setCaption(QStringLiteral("late night piano")));
        QVERIFY(doc.autosaveNow());
        const QString recovery = doc.recoveryBundle();
        QVERIFY(recovery.startsWith(dir.filePath(QStringLiteral("recovery"))));
        QVERIFY(QFile::exists(bundle::recoveryFile(recovery)));
        QCOMPARE(bundle::loadRecovery(recovery)->settings.caption, QStringLiteral("late night piano"));

        const QString target = dir.filePath(QStringLiteral("Sketch.s2a"));
        QVERIFY(doc.saveAs(target));
        QCOMPARE(doc.bundlePath(), target);
        QVERIFY(!doc.isModified());
        QVERIFY(!QFile::exists(bundle::recoveryFile(recovery)));
        QCOMPARE(bundle::load(target)->settings.caption, QStringLiteral("late night piano"));
    }

    // What a crash leaves of untitled songs is listed (with when it was saved and the song), restored or
    // discarded; a song another live document edits is not listed, nor is one whose changes were discarded.
    void untitledSongsLeftUnsavedAreOfferedBack()
    {
        QTemporaryDir dir;
        const QString recoveryDir = dir.filePath(QStringLiteral("recovery"));
        const auto documentIn = [&](ProjectDocument& doc) { doc.setUntitledRecoveryDir(recoveryDir); };
        // A new untitled song, edited and autosaved; its bundle, or empty when that failed.
        const auto autosavedSong = [&](ProjectDocument& doc, const QString& title, int seconds, double tempo) {
            documentIn(doc);
            doc.newProject(ProjectData::createNew(title, 44100, qint64(44100) * seconds));
            return doc.project()->setTempo(tempo) && doc.autosaveNow() ? doc.recoveryBundle() : QString();
        };
        ProjectDocument lister;
        documentIn(lister);
        QVERIFY(lister.untitledRecoveries().isEmpty());

        QString crashed;
        const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
        {
            ProjectDocument doc;
            crashed = autosavedSong(doc, QStringLiteral("Sketch"), 20, 97);
            QVERIFY(!crashed.isEmpty());
            QVERIFY(lister.untitledRecoveries().isEmpty());  // a live document holds it
            // Another song, its changes discarded: replacing it throws its autosave away.
            ProjectDocument discarded;
            QVERIFY(!autosavedSong(discarded, QStringLiteral("Gone"), 5, 80).isEmpty());
            discarded.newProject(ProjectData::createNew(QStringLiteral("Next"), 44100, 44100 * 5));
            // Gone without saving, as in a crash (a dead process's lock is no lock).
        }
        const QVector<UntitledRecovery> found = lister.untitledRecoveries();
        QCOMPARE(found.size(), 1);
        QCOMPARE(QFileInfo(found[0].bundlePath).absoluteFilePath(), QFileInfo(crashed).absoluteFilePath());
        QCOMPARE(found[0].data.settings.title, QStringLiteral("Sketch"));
        QCOMPARE(found[0].data.settings.tempo, 97.0);
        QCOMPARE(found[0].data.length(), qint64(44100) * 20);
        QVERIFY(found[0].savedAt >= before && found[0].savedAt <= QDateTime::currentDateTime());

        ProjectDocument restorer;
        documentIn(restorer);
        QVERIFY(restorer.restoreUntitled(crashed));
        QVERIFY(restorer.isUntitled() && restorer.isModified());
        QCOMPARE(restorer.project()->data().settings.tempo, 97.0);
        QVERIFY(lister.untitledRecoveries().isEmpty());  // the restorer holds it now
        QVERIFY(!lister.discardUntitled(crashed));
        const QString target = dir.filePath(QStringLiteral("Sketch.s2a"));
        QVERIFY(restorer.saveAs(target));
        QVERIFY(lister.untitledRecoveries().isEmpty());  // saved: nothing left to offer

        // Discard deletes the bundle; only bundles in the recovery folder are touched.
        {
            ProjectDocument doc;
            crashed = autosavedSong(doc, QStringLiteral("Doodle"), 3, 70);
            QVERIFY(!crashed.isEmpty());
        }
        QCOMPARE(lister.untitledRecoveries().size(), 1);
        QVERIFY(!lister.discardUntitled(target));
        QVERIFY(QFile::exists(bundle::projectFile(target)));
        QVERIFY(lister.discardUntitled(crashed));
        QVERIFY(!QFileInfo::exists(crashed));
        QVERIFY(lister.untitledRecoveries().isEmpty());
    }

    // A template opens as an untitled copy: save refuses (the window asks where), autosaves and Save As never
    // write into the template, whose files stay byte for byte as they were.
    void templatesOpenAsUntitledCopies()
    {
        QTemporaryDir dir;
        const ProjectData data = test::makeSong();
        const QString demo = savedBundle(dir, data);
        QMap<QString, QByteArray> before;
        const auto filesOfDemo = [&] {
            QMap<QString, QByteArray> files;
            QDirIterator it(demo, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                files.insert(path, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("unreadable"));
            }
            return files;
        };
        before = filesOfDemo();

        ProjectDocument doc;
        doc.setUntitledRecoveryDir(dir.filePath(QStringLiteral("recovery")));
        doc.setTemplateBundles({dir.filePath(QStringLiteral("./Song.s2a"))});
        QVERIFY(doc.isTemplate(demo));
        QVERIFY(doc.open(demo));
        QVERIFY(doc.isUntitled() && !doc.isModified());
        QVERIFY(doc.project()->data() == data);
        // The copy has the audio (linked), so playback, new takes and recovery work from it.
        const QDir copyAudio(bundle::audioDir(doc.recoveryBundle()));
        for (const Section& section : data.sections)
            for (const Take& take : section.takes)
                for (const AudioClip& clip : take.clips)
                    QVERIFY2(copyAudio.exists(clip.file), qPrintable(clip.file));
        QVERIFY(doc.project()->setTempo(90));
        QVERIFY(!doc.save());
        QVERIFY(doc.autosaveNow());
        QVERIFY(bundle::loadRecovery(doc.recoveryBundle()));
        const QString mine = dir.filePath(QStringLiteral("Mine.s2a"));
        QVERIFY(doc.saveAs(mine));
        QCOMPARE(bundle::load(mine)->settings.tempo, 90.0);
        QVERIFY(filesOfDemo() == before);
    }

    void openErrorsLeaveTheCurrentSongAlone()
    {
        QTemporaryDir dir;
        ProjectDocument doc;
        doc.newProject(test::makeSong());
        QVERIFY(doc.project()->setTempo(99));
        const ProjectData current = doc.project()->data();
        const Status s = doc.open(dir.filePath(QStringLiteral("Nothing.s2a")));
        QVERIFY(!s);
        QVERIFY2(s.errorMessage().contains(QLatin1String("not an S2A Studio project")), qPrintable(s.errorMessage()));
        QVERIFY(doc.project()->data() == current);
        QVERIFY(doc.isModified());
    }
};

QTEST_GUILESS_MAIN(AutosaveTest)
#include "tst_autosave.moc"
