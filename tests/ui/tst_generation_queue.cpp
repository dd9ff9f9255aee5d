// The editor's generation queue over a real document: the real arranger regenerates sections of a short song
// (2 + 8 + 2 + 2 bars at 120 BPM) on the worker thread, and the takes land in the open song.
#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectDocument.h"
#include "inference/SectionRegenerator.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "ui/viewmodels/GenerationQueueModel.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <atomic>

#include <memory>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using Model = s2a::ui::GenerationQueueModel;
using L = core::SectionLabel;

namespace {

bool copyFolder(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

// Items by objectName along the visual tree (delegates are items of the view, not QObject children of it).
QList<QQuickItem*> itemsNamed(QQuickItem* root, const QString& name)
{
    QList<QQuickItem*> found;
    for (QQuickItem* child : root->childItems()) {
        if (child->objectName() == name)
            found << child;
        found += itemsNamed(child, name);
    }
    return found;
}

QQuickItem* itemNamed(QQuickItem* root, const QString& name)
{
    const QList<QQuickItem*> found = itemsNamed(root, name);
    return found.isEmpty() ? nullptr : found.first();
}

QString role(const Model& model, int row, const char* name)
{
    const QHash<int, QByteArray> roles = model.roleNames();
    return model.data(model.index(row), roles.key(name)).toString();
}

}  // namespace

class GenerationQueueTest : public QObject {
    Q_OBJECT

    // A document on a fresh copy of the song, so that every test starts from the same data.
    std::unique_ptr<core::ProjectDocument> openCopy(const QString& name)
    {
        const QString bundle = m_dir.filePath(name);
        if (!copyFolder(m_bundle, bundle))
            qFatal("could not copy the song");
        auto document = std::make_unique<core::ProjectDocument>();
        document->setAutosaveInterval(0);
        document->setUntitledRecoveryDir(m_dir.filePath(QStringLiteral("recovery")));
        if (Status s = document->open(bundle); !s)
            qFatal("%s", qPrintable(s.errorMessage()));
        return document;
    }

    QString sectionId(const core::ProjectDocument& document, const QString& ref)
    {
        return inference::findSection(document.project()->data(), ref).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As on a machine without the shipped diffusion weights: the diffusion engine is unavailable.
        qputenv("S2A_WEIGHTS", "/nonexistent/s2a/model.safetensors");
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        QVERIFY(m_dir.isValid());
        m_bundle = m_dir.filePath(QStringLiteral("Song.s2a"));
        inference::GenerationRequest r;
        r.caption = QStringLiteral("pop with piano, bass and drums");
        r.seed = 7;
        r.tempo = 120;
        r.sections = inference::arranger::SongPlanner::barSections({{L::Intro, 2}, {L::Verse, 8}, {L::Chorus, 2}, {L::Chorus, 2}},
                                                                   120, r.sampleRate);
        inference::arranger::ArrangerEngine engine;
        SimpleJobControl job;
        auto result = engine.generate(r, job);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        auto written = inference::arranger::writeSongBundle(m_bundle, QStringLiteral("Song"), r, result.value());
        QVERIFY2(written, qPrintable(written.errorMessage()));
    }

    void regenerateQueuesRunsAndAddsTheActiveTake()
    {
        auto document = openCopy(QStringLiteral("A.s2a"));
        const core::ProjectData before = document->project()->data();
        Model model(document.get());
        QSignalSpy announced(&model, &Model::announced);
        QSignalSpy added(&model, &Model::takeAdded);
        QSignalSpy counted(&model, &Model::countChanged);
        QStringList states;
        QList<double> progress;
        QStringList etas;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& from) {
            if (from.row() != 0)
                return;
            const QString state = role(model, 0, "state");
            if (states.isEmpty() || states.constLast() != state)
                states << state;
            progress << model.data(from, Model::ProgressRole).toDouble();
        });
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& from) {
            if (const QString eta = role(model, from.row(), "etaText"); !eta.isEmpty())
                etas << eta;
        });

        const QString chorus2 = sectionId(*document, QStringLiteral("chorus#2"));
        // A seed beyond 2^53 comes as a decimal string and is kept exactly.
        QCOMPARE(model.regenerate(chorus2, {{QStringLiteral("caption"), QStringLiteral("bigger, brass stabs")},
                                            {QStringLiteral("seed"), QStringLiteral("12345678901234567890")}}),
                 QString());
        QCOMPARE(model.count(), 1);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(model.activeCount(), 1);
        QVERIFY(model.busy());
        QCOMPARE(role(model, 0, "title"), QStringLiteral("Regenerate chorus 2"));
        QCOMPARE(role(model, 0, "sectionId"), chorus2);
        QCOMPARE(role(model, 0, "state"), QStringLiteral("queued"));
        QVERIFY(model.data(model.index(0), Model::JobIdRole).toInt() > 0);
        QVERIFY(document->project()->data() == before);  // nothing lands before the job is done

        QVERIFY(model.waitForIdle(30000));
        QCOMPARE(states, (QStringList{QStringLiteral("running"), QStringLiteral("done")}));
        for (int i = 1; i < progress.size(); ++i)
            QVERIFY2(progress[i] >= progress[i - 1], qPrintable(QStringLiteral("%1 after %2").arg(progress[i]).arg(progress[i - 1])));
        QCOMPARE(progress.constLast(), 1.0);
        QCOMPARE(role(model, 0, "message"), QStringLiteral("New take ready"));
        QVERIFY(!model.busy());

        QCOMPARE(added.count(), 1);
        QCOMPARE(added[0][0].toString(), chorus2);
        const core::ProjectData& data = document->project()->data();
        const core::Section& s = data.sections[data.sectionIndex(chorus2)];
        QCOMPARE(s.activeTakeId, added[0][1].toString());
        QCOMPARE(s.takes.size(), 2);
        QCOMPARE(s.caption, QStringLiteral("bigger, brass stabs"));
        QCOMPARE(s.activeTake()->origin.seed, Q_UINT64_C(12345678901234567890));
        QCOMPARE(document->project()->undoStack()->count(), 1);
        QVERIFY(document->isModified());
        QCOMPARE(announced.count(), 1);
        QCOMPARE(announced[0][0].toString(), QStringLiteral("Chorus 2: new take ready"));

        // A second job starts from what the first one took, so it has an estimate from its first step.
        QCOMPARE(model.regenerate(sectionId(*document, QStringLiteral("intro")), {{QStringLiteral("seed"), 5}}), QString());
        QVERIFY(model.waitForIdle(30000));
        QVERIFY2(!etas.isEmpty(), "no time estimate was shown");
        QCOMPARE(added.count(), 2);
        QCOMPARE(announced[1][0].toString(), QStringLiteral("Intro: new take ready"));
        QCOMPARE(document->project()->undoStack()->count(), 2);

        // Two takes from one request (issue 21): two jobs, consecutive seeds, two takes to A/B.
        const QString intro = sectionId(*document, QStringLiteral("intro"));
        const int introTakes = int(data.sections[data.sectionIndex(intro)].takes.size());
        QCOMPARE(model.regenerate(intro, {{QStringLiteral("seed"), 40}, {QStringLiteral("takes"), 2}}), QString());
        QCOMPARE(model.count(), 4);
        QCOMPARE(role(model, 2, "title"), QStringLiteral("Regenerate intro (take 1 of 2)"));
        QCOMPARE(role(model, 3, "title"), QStringLiteral("Regenerate intro (take 2 of 2)"));
        QVERIFY(model.waitForIdle(60000));
        const core::Section& introNow = document->project()->data().sections[document->project()->data().sectionIndex(intro)];
        QCOMPARE(int(introNow.takes.size()), introTakes + 2);
        QCOMPARE(introNow.takes[introTakes].origin.seed, quint64(40));
        QCOMPARE(introNow.takes[introTakes + 1].origin.seed, quint64(41));
        QVERIFY(model.regenerate(intro, {{QStringLiteral("takes"), 5}}).contains(QLatin1String("1 to 4")));

        model.clearFinished();
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void badRequestsAreRefusedWithASentence()
    {
        auto document = openCopy(QStringLiteral("B.s2a"));
        Model model(document.get());
        const QVariantList engines = model.engines();
        QCOMPARE(engines.size(), 2);
        QCOMPARE(engines[0].toMap().value(QStringLiteral("id")).toString(), QStringLiteral("arranger"));
        QVERIFY(engines[0].toMap().value(QStringLiteral("available")).toBool());
        QCOMPARE(engines[1].toMap().value(QStringLiteral("id")).toString(), QStringLiteral("diffusion"));
        QVERIFY(!engines[1].toMap().value(QStringLiteral("available")).toBool());
        QCOMPARE(engines[1].toMap().value(QStringLiteral("reason")).toString(), QStringLiteral("no weights for config %1 — the arranger is used instead").arg(inference::diffusion::defaultModelConfig()));

        QVERIFY(model.regenerate(QStringLiteral("sec-nope")).contains(QLatin1String("no section")));
        const QString verse = sectionId(*document, QStringLiteral("verse"));
        QVERIFY(document->project()->setSectionLocked(verse, true));
        QCOMPARE(model.regenerate(verse), QStringLiteral("Verse is locked; unlock it to regenerate it."));
        // A repaint's range: inside the song, long enough, over no locked section.
        const core::ProjectData& song = document->project()->data();
        const core::Section& lockedVerse = song.sections[song.sectionIndex(verse)];
        QCOMPARE(model.repaint(0, song.length() + 1), QStringLiteral("The range is not inside the song."));
        QCOMPARE(model.repaint(0, 100), QStringLiteral("The range is too short to repaint: make it at least 0.5 s long."));
        QCOMPARE(model.repaint(lockedVerse.start - 44100, lockedVerse.start + 44100), QStringLiteral("Verse is locked; unlock it to repaint over it."));
        const QString intro = sectionId(*document, QStringLiteral("intro"));
        QVERIFY(model.regenerate(intro, {{QStringLiteral("seed"), QStringLiteral("abc")}}).contains(QLatin1String("seed")));
        QVERIFY(model.regenerate(intro, {{QStringLiteral("seed"), -3}}).contains(QLatin1String("seed")));
        QVERIFY(model.regenerate(intro, {{QStringLiteral("steps"), 0}}).contains(QLatin1String("Steps")));
        QVERIFY(model.regenerate(intro, {{QStringLiteral("engine"), QStringLiteral("diffusion")}})
                    .contains(QStringLiteral("no weights for config ") + s2a::inference::diffusion::defaultModelConfig()));
        QVERIFY(model.regenerate(intro, {{QStringLiteral("engine"), QStringLiteral("xyz")}}).contains(QLatin1String("\"xyz\"")));
        // A job's own weights file must exist, and only the diffusion engine takes one.
        const QVariantMap missingWeights{{QStringLiteral("engine"), QStringLiteral("diffusion")},
                                         {QStringLiteral("weights"), QStringLiteral("file:///nonexistent/own.safetensors")}};
        QCOMPARE(model.regenerate(intro, missingWeights), QStringLiteral("The weights file /nonexistent/own.safetensors does not exist."));
        QCOMPARE(model.regenerate(intro, {{QStringLiteral("weights"), m_bundle + QStringLiteral("/project.json")}}),
                 QStringLiteral("Only the diffusion engine loads a weights file."));
        QCOMPARE(model.count(), 0);
        QCOMPARE(document->project()->undoStack()->count(), 1);  // the lock only
    }

    void cancellingThroughTheModelChangesNothing()
    {
        auto document = openCopy(QStringLiteral("C.s2a"));
        const core::ProjectData before = document->project()->data();
        Model model(document.get());
        QSignalSpy announced(&model, &Model::announced);
        QSignalSpy added(&model, &Model::takeAdded);
        const QString verse = sectionId(*document, QStringLiteral("verse"));
        // Cancel the first job as soon as the model shows it running (the 8-bar verse renders for a while).
        bool cancelledRunning = false;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& from) {
            if (from.row() == 0 && !cancelledRunning && role(model, 0, "state") == QLatin1String("running")) {
                cancelledRunning = true;
                model.cancel(0);
                QCOMPARE(role(model, 0, "message"), QStringLiteral("Cancelling…"));
            }
        });
        QCOMPARE(model.regenerate(verse), QString());
        QCOMPARE(model.regenerate(sectionId(*document, QStringLiteral("chorus#1"))), QString());
        QCOMPARE(model.regenerate(sectionId(*document, QStringLiteral("chorus#2"))), QString());
        model.cancel(1);  // queued: over at once
        QCOMPARE(role(model, 1, "state"), QStringLiteral("cancelled"));
        QCOMPARE(model.activeCount(), 2);

        QTRY_VERIFY_WITH_TIMEOUT(cancelledRunning, 20000);
        model.cancelAll();  // the third, queued or just started
        QVERIFY(model.waitForIdle(20000));
        for (int row = 0; row < 3; ++row)
            QCOMPARE(role(model, row, "state"), QStringLiteral("cancelled"));
        QCOMPARE(added.count(), 0);
        QVERIFY(document->project()->data() == before);
        QCOMPARE(document->project()->undoStack()->count(), 0);
        QCOMPARE(announced.count(), 3);
        for (const auto& a : announced)
            QVERIFY2(a[0].toString().endsWith(QLatin1String(": cancelled")), qPrintable(a[0].toString()));
        QCoreApplication::processEvents();  // late reports about cancelled jobs change nothing
        QCOMPARE(announced.count(), 3);
        model.cancel(0);  // ended: nothing to do
        model.clearFinished();
        QCOMPARE(model.count(), 0);
    }

    void aResultForASongNoLongerOpenIsDropped()
    {
        auto document = openCopy(QStringLiteral("D.s2a"));
        Model model(document.get());
        QSignalSpy announced(&model, &Model::announced);
        QSignalSpy added(&model, &Model::takeAdded);
        const QString other = m_dir.filePath(QStringLiteral("D2.s2a"));
        QVERIFY(copyFolder(m_bundle, other));

        // Opened while the job waits or runs: it is cancelled at once.
        QCOMPARE(model.regenerate(sectionId(*document, QStringLiteral("verse"))), QString());
        QVERIFY(document->open(other));
        QCOMPARE(role(model, 0, "state"), QStringLiteral("cancelled"));

        // Opened after the take was made but before the UI thread heard of it: the take is dropped. The UI thread
        // handles no events until the worker has emitted the take, so the result waits in its queue: a direct
        // connection, run on the worker thread after the model's own (queued, connected first) has posted it,
        // says when.
        std::atomic<bool> emitted{false};
        const auto watch = connect(model.worker(), &s2a::inference::GenerationWorker::jobFinished, model.worker(),
                                   [&emitted] { emitted = true; }, Qt::DirectConnection);
        QCOMPARE(model.regenerate(sectionId(*document, QStringLiteral("intro"))), QString());
        QElapsedTimer clock;
        clock.start();
        while (!emitted && clock.elapsed() < 20000)
            QThread::yieldCurrentThread();
        disconnect(watch);
        QVERIFY(emitted);
        QVERIFY(document->open(m_bundle));
        const core::ProjectData reopened = document->project()->data();
        QVERIFY(model.waitForIdle(5000));
        QCOMPARE(role(model, 1, "state"), QStringLiteral("failed"));
        QCOMPARE(added.count(), 0);
        QVERIFY(document->project()->data() == reopened);
        QCOMPARE(document->project()->undoStack()->count(), 0);
        QCOMPARE(announced.count(), 2);
        QCOMPARE(announced[0][0].toString(), QStringLiteral("Verse: cancelled, another song was opened"));
        QCOMPARE(announced[1][0].toString(), QStringLiteral("Intro: dropped, another song was opened"));
    }

    void untitledSongsRegenerateIntoTheirBundleFolder()
    {
        core::ProjectDocument document;
        document.setAutosaveInterval(0);
        document.setUntitledRecoveryDir(m_dir.filePath(QStringLiteral("recovery")));
        // As an import does it: the audio goes into a fresh untitled bundle folder, then the song is adopted.
        const QString folder = document.newUntitledBundlePath();
        QVERIFY(copyFolder(core::bundle::audioDir(m_bundle), core::bundle::audioDir(folder)));
        auto data = core::bundle::load(m_bundle);
        QVERIFY(data);
        document.adoptUntitled(data.value(), folder);
        QVERIFY(document.isUntitled());
        Model model(&document);
        QSignalSpy added(&model, &Model::takeAdded);
        const QString chorus = sectionId(document, QStringLiteral("chorus#1"));
        QCOMPARE(model.regenerate(chorus, {{QStringLiteral("seed"), 3}}), QString());
        QVERIFY(model.waitForIdle(30000));
        QCOMPARE(added.count(), 1);
        const core::Section& s = document.project()->data().sections[document.project()->data().sectionIndex(chorus)];
        for (const core::AudioClip& clip : s.activeTake()->clips)
            QVERIFY2(QFileInfo::exists(QDir(core::bundle::audioDir(folder)).filePath(clip.file)), qPrintable(clip.file));

        // Saved, the song carries the new take's audio with it.
        const QString saved = m_dir.filePath(QStringLiteral("Saved.s2a"));
        QVERIFY(document.saveAs(saved));
        auto reloaded = core::bundle::load(saved);
        QVERIFY2(reloaded, qPrintable(reloaded.errorMessage()));
        QCOMPARE(reloaded->sections[reloaded->sectionIndex(chorus)].activeTakeId, added[0][1].toString());
    }

    void thePanelListsJobsAndCancels()
    {
        auto document = openCopy(QStringLiteral("E.s2a"));
        Model model(document.get());
        QQmlEngine engine;
        QList<QQmlError> warnings;
        connect(&engine, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError>& w) { warnings += w; });
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/S2A/Ui/qml/GenerationQueuePanel.qml")));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        std::unique_ptr<QObject> object(component.createWithInitialProperties({{QStringLiteral("queue"), QVariant::fromValue(&model)}}));
        auto* panel = qobject_cast<QQuickItem*>(object.get());
        QVERIFY2(panel, qPrintable(component.errorString()));
        QQuickWindow window;
        window.resize(360, 300);
        panel->setParentItem(window.contentItem());
        panel->setSize(QSizeF(360, 300));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* list = itemNamed(panel, QStringLiteral("queueList"));
        QVERIFY(list);
        QCOMPARE(list->property("count").toInt(), 0);
        QVERIFY(itemNamed(panel, QStringLiteral("queueEmpty"))->isVisible());

        // Two 8-bar verses first, so the intro waits in the queue for a while.
        const QString verse = sectionId(*document, QStringLiteral("verse"));
        QCOMPARE(model.regenerate(verse), QString());
        QCOMPARE(model.regenerate(verse), QString());
        QCOMPARE(model.regenerate(sectionId(*document, QStringLiteral("intro"))), QString());
        QTRY_COMPARE(list->property("count").toInt(), 3);
        QTRY_COMPARE(itemsNamed(panel, QStringLiteral("queueRow")).size(), 3);
        QVERIFY(!itemNamed(panel, QStringLiteral("queueEmpty"))->isVisible());
        if (const QByteArray dir = qgetenv("S2A_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTRY_COMPARE(role(model, 0, "state"), QStringLiteral("running"));
            QTest::qWait(150);
            window.grabWindow().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("generation-queue.png")));
        }
        QQuickItem* lastRow = nullptr;
        for (QQuickItem* row : itemsNamed(panel, QStringLiteral("queueRow")))
            if (row->property("index").toInt() == 2)
                lastRow = row;
        QVERIFY(lastRow);
        QCOMPARE(itemNamed(lastRow, QStringLiteral("jobTitle"))->property("text").toString(), QStringLiteral("Regenerate intro"));
        QCOMPARE(itemNamed(lastRow, QStringLiteral("jobState"))->property("text").toString(), QStringLiteral("Queued"));
        QQuickItem* cancel = itemNamed(lastRow, QStringLiteral("cancelJobButton"));
        QVERIFY(cancel && cancel->isVisible());
        QVERIFY(QMetaObject::invokeMethod(cancel, "clicked"));
        QCOMPARE(role(model, 2, "state"), QStringLiteral("cancelled"));
        QTRY_VERIFY(!cancel->isVisible());
        QCOMPARE(itemNamed(lastRow, QStringLiteral("jobState"))->property("text").toString(), QStringLiteral("Cancelled"));

        QVERIFY(model.waitForIdle(30000));
        auto* clear = itemNamed(panel, QStringLiteral("clearFinishedButton"));
        QVERIFY(clear && clear->property("enabled").toBool());
        QVERIFY(QMetaObject::invokeMethod(clear, "clicked"));
        QTRY_COMPARE(list->property("count").toInt(), 0);
        QCOMPARE(model.count(), 0);

        QStringList messages;
        for (const QQmlError& e : warnings)
            messages << e.toString();
        QVERIFY2(warnings.isEmpty(), qPrintable(messages.join(QLatin1Char('\n'))));
    }

private:
    QTemporaryDir m_dir;
    QString m_bundle;
};

QTEST_MAIN(GenerationQueueTest)
#include "tst_generation_queue.moc"
