// Autosave and crash recovery through ProjectDocument, the object the GUI and the CLI drive songs with.
#include "TestProjects.h"

#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectDocument.h"

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
