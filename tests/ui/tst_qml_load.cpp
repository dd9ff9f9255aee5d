// Loads every QML file of the app in a real window (under xvfb-run in the suite). A QML module missing from
// the machine fails only at run time, so this is where CI catches it.
#include "SkipOrFail.h"
#include "core/persistence/ProjectDocument.h"
#include "ui/i18n/Translations.h"
#include "ui/viewmodels/DocumentController.h"
#include "ui/viewmodels/TransportModel.h"
#include "ui/settings/AudioSettings.h"
#include "ui/settings/GeneralSettings.h"
#include "ui/viewmodels/EngineSettings.h"
#include "ui/viewmodels/ExportModel.h"
#include "ui/viewmodels/GenerationQueueModel.h"
#include "ui/viewmodels/NewSongModel.h"
#include "ui/timeline/EditorController.h"
#include "core/playback/PlaybackController.h"
#include "core/persistence/ProjectBundle.h"
#include "AudioFixtures.h"
#include "core/audio/AudioFileReader.h"
#include "core/audio/AudioFileWriter.h"
#include "JackDummyServer.h"
#include "MainWindowFixture.h"

#include <QDirIterator>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <cmath>
#include <memory>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

namespace {

// Creates `component`, setting each of `properties` the object has (each view takes only what it needs).
QObject* create(QQmlEngine& engine, QQmlComponent& component, const QVariantMap& properties)
{
    QObject* object = component.beginCreate(engine.rootContext());
    if (!object)
        return nullptr;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        if (object->metaObject()->indexOfProperty(it.key().toUtf8().constData()) >= 0)
            object->setProperty(it.key().toUtf8().constData(), it.value());
    component.completeCreate();
    return object;
}

// The view models the app hands to Main.qml, on a fresh untitled song.
struct AppModels {
    s2a::core::ProjectDocument document;
    s2a::ui::DocumentController controller{&document, QStringLiteral("test runtime")};
    s2a::core::PlaybackController playback;
    s2a::ui::TransportModel transport{&document, &playback};
    s2a::ui::ExportModel exporter{&document};
    s2a::ui::EditorController editor{&document, &transport};
    s2a::ui::GenerationQueueModel queue{&document};
    s2a::ui::NewSongModel newSong{&document};
    s2a::ui::EngineSettings engineSettings{queue.worker()};
    s2a::ui::AudioSettings audioSettings{&playback};
    s2a::ui::GeneralSettings generalSettings{&document};

    QVariantMap properties()
    {
        return {{QStringLiteral("document"), QVariant::fromValue(&controller)},
                {QStringLiteral("transport"), QVariant::fromValue(&transport)},
                {QStringLiteral("exporter"), QVariant::fromValue(&exporter)},
                {QStringLiteral("editor"), QVariant::fromValue(&editor)},
                {QStringLiteral("queue"), QVariant::fromValue(&queue)},
                {QStringLiteral("newSong"), QVariant::fromValue(&newSong)},
                {QStringLiteral("engineSettings"), QVariant::fromValue(&engineSettings)},
                {QStringLiteral("audioSettings"), QVariant::fromValue(&audioSettings)},
                {QStringLiteral("generalSettings"), QVariant::fromValue(&generalSettings)},
                // The settings dialog's pages.
                {QStringLiteral("audio"), QVariant::fromValue(&audioSettings)},
                {QStringLiteral("engine"), QVariant::fromValue(&engineSettings)},
                {QStringLiteral("general"), QVariant::fromValue(&generalSettings)},
                // Views that take one part of the editor.
                {QStringLiteral("timeline"), QVariant::fromValue(editor.timeline())},
                {QStringLiteral("loopEditor"), QVariant::fromValue(editor.loop())},
                {QStringLiteral("markers"), QVariant::fromValue(editor.markers())},
                {QStringLiteral("history"), QVariant::fromValue(controller.history())},
                {QStringLiteral("takes"), QVariant::fromValue(editor.takes())},
                {QStringLiteral("engines"), queue.property("engines")},
                // A track lane's row of the track model.
                {QStringLiteral("index"), 0}, {QStringLiteral("name"), QStringLiteral("Drums")},
                {QStringLiteral("role"), QStringLiteral("drums")}, {QStringLiteral("colour"), QStringLiteral("#e8590c")},
                {QStringLiteral("mute"), false}, {QStringLiteral("solo"), false}, {QStringLiteral("gainDb"), 0.0},
                {QStringLiteral("clips"), QVariantList{}}};
    }
};

}  // namespace

class QmlLoadTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        s2a::test::initWindowTests();
        QDirIterator it(QStringLiteral(":/S2A/Ui"), {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            m_files << it.next();
        m_files.sort();
        QVERIFY2(m_files.size() >= 2, qPrintable(m_files.join(QLatin1Char(' '))));
    }

    void everyQmlFileLoads()
    {
        AppModels models;
        const QVariantMap properties = models.properties();
        for (const QString& file : std::as_const(m_files)) {
            QQmlEngine engine;
            QList<QQmlError> warnings;
            connect(&engine, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError>& w) { warnings += w; });
            QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + file));
            QVERIFY2(component.isReady(), qPrintable(file + QStringLiteral(": ") + component.errorString()));
            QVariantMap fileProperties = properties;
            // "model" is a common property name (every view has one); only the dialog's is its view model.
            if (file.endsWith(QLatin1String("NewSongDialog.qml")))
                fileProperties.insert(QStringLiteral("model"), QVariant::fromValue(&models.newSong));
            std::unique_ptr<QObject> object(create(engine, component, fileProperties));
            QVERIFY2(object, qPrintable(file + QStringLiteral(": ") + component.errorString()));
            QCoreApplication::processEvents();
            QStringList messages;
            for (const QQmlError& e : warnings)
                messages << e.toString();
            QVERIFY2(warnings.isEmpty(), qPrintable(messages.join(QLatin1Char('\n'))));
        }
    }

    void mainWindowShowsTheSong()
    {
        AppModels models;
        auto& document = models.document;
        auto& controller = models.controller;
        auto& playback = models.playback;
        QQmlEngine engine;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/S2A/Ui/qml/Main.qml")));
        std::unique_ptr<QObject> object(component.createWithInitialProperties(models.properties()));
        auto* window = qobject_cast<QQuickWindow*>(object.get());
        QVERIFY2(window, qPrintable(component.errorString()));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->title(), QStringLiteral("Untitled — S2A Studio"));
        // Without an audio device the window says so instead of failing.
        auto* status = window->findChild<QObject*>(QStringLiteral("deviceStatus"));
        QVERIFY(status);
        QCOMPARE(status->property("text").toString(), playback.deviceStatus());
        QCOMPARE(window->findChild<QObject*>(QStringLiteral("positionLabel"))->property("text").toString(),
                 QStringLiteral("0:00.000 / 1:00.000"));

        // The window really draws: the title text leaves pixels that differ from the background.
        const QImage image = window->grabWindow();
        QVERIFY(!image.isNull());
        if (const QByteArray dir = qgetenv("S2A_SCREENSHOT_DIR"); !dir.isEmpty())
            image.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("main-window.png")));
        const QRgb background = image.pixel(5, image.height() / 2);
        int differing = 0;
        for (int y = image.height() / 3; y < image.height() * 2 / 3; y += 2)
            for (int x = image.width() / 4; x < image.width() * 3 / 4; x += 2)
                differing += image.pixel(x, y) != background;
        QVERIFY2(differing > 100, qPrintable(QString::number(differing)));

        // The window follows the document: an edit marks it modified.
        QVERIFY(document.project()->setTitle(QStringLiteral("Night Drive")));
        QTRY_COMPARE(window->title(), QStringLiteral("● Night Drive — S2A Studio"));

        // A damaged song is refused with a message that names the place, shown in the window's dialog, and
        // the open song stays as it was.
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Broken.s2a"));
        QVERIFY(QDir().mkpath(bundle));
        QFile json(bundle + QStringLiteral("/project.json"));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"schemaVersion": 2, "sampleRate": 44100, "timeSignature": {"numerator": 4, "denominator": 4},
                       "sections": [{"id": "a", "label": "intro", "start": 0, "end": 88200}]})");
        json.close();
        const QString message = controller.open(QUrl::fromLocalFile(bundle));
        QCOMPARE(message, QStringLiteral("Broken.s2a/project.json: $.tempo: is missing"));
        QCOMPARE(controller.title(), QStringLiteral("Night Drive"));
        QVariant shown;
        QVERIFY(QMetaObject::invokeMethod(window, "showError", Q_RETURN_ARG(QVariant, shown), Q_ARG(QVariant, message)));
        QCOMPARE(shown.toBool(), false);
        auto* dialog = window->findChild<QObject*>(QStringLiteral("errorDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QCOMPARE(dialog->property("text").toString(), message);
    }

    void spacePlaysThroughTheChosenOutput()
    {
        s2a::test::JackDummyServer jack;
        QString error;
        if (!jack.start(&error)) {
            S2A_SKIP_OR_FAIL_ON_CI(qPrintable(error));
        }
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Tones.s2a"));
        QVERIFY(s2a::core::bundle::save(s2a::test::makeSineSong(bundle, 3, 20.0), bundle));

        AppModels models;
        auto& controller = models.controller;
        auto& playback = models.playback;
        auto& transport = models.transport;
        QCOMPARE(controller.open(QUrl::fromLocalFile(bundle)), QString());
        transport.retryDevice();  // the JACK server started after PortAudio first looked
        const QStringList devices = models.audioSettings.devices();
        int jackIndex = -1;
        for (int i = 0; i < devices.size(); ++i)
            if (devices[i].contains(QLatin1String("JACK")))
                jackIndex = i;
        QVERIFY2(jackIndex >= 0, qPrintable(devices.join(QLatin1Char(','))));

        QQmlEngine engine;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/S2A/Ui/qml/Main.qml")));
        std::unique_ptr<QObject> object(component.createWithInitialProperties(models.properties()));
        auto* window = qobject_cast<QQuickWindow*>(object.get());
        QVERIFY2(window, qPrintable(component.errorString()));
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // The Audio menu lists the outputs; choosing one opens it.
        auto* menu = window->findChild<QObject*>(QStringLiteral("audioMenu"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->property("count").toInt() >= devices.size() + 2);
        QCOMPARE(models.audioSettings.chooseDevice(jackIndex), QString());
        QCOMPARE(transport.currentDevice(), devices[jackIndex]);
        auto* positionLabel = window->findChild<QObject*>(QStringLiteral("positionLabel"));
        QCOMPARE(positionLabel->property("text").toString(), QStringLiteral("0:00.000 / 0:20.000"));

        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_Space);
        // What is checked is that Space plays through this output, not how fast: the release build starts at once,
        // the asan build took 4 s once and 17.7-23.7 s on the fifteenth session's machine (CI's sanitizer step
        // failed at 15 s; cause not yet known, the release suite's run of this test takes 7 s in all).
        QTRY_VERIFY_WITH_TIMEOUT(transport.playing(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(transport.position() > 22050, 60000);
        QVERIFY(positionLabel->property("text").toString() != QStringLiteral("0:00.000 / 0:20.000"));
        // Issue 21: each lane's meter follows its stem while it plays (two sines at 0.05, about -26 dBFS, gain 0),
        // and the master meter has its dB scale.
        QList<QQuickItem*> meters = s2a::test::findItems(window->contentItem(), QStringLiteral("trackMeter"));
        meters.erase(std::remove_if(meters.begin(), meters.end(), [](QQuickItem* m) { return !m->isVisible(); }), meters.end());
        QVERIFY2(meters.size() >= 2, qPrintable(QString::number(meters.size())));  // a ListView may keep one spare
        for (QQuickItem* meter : meters)
            QTRY_VERIFY_WITH_TIMEOUT(meter->property("level").toDouble() > 0.4 && meter->property("level").toDouble() < 0.8, 5000);
        QCOMPARE(s2a::test::findItems(window->contentItem(), QStringLiteral("meterScaleLabel")).size(), 4);
        QTest::keyClick(window, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!transport.playing(), 15000);
        playback.stopAudio();
    }

    void exportRunsOffTheUiThreadWithProgress()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Tones.s2a"));
        QVERIFY(s2a::core::bundle::save(s2a::test::makeSineSong(bundle, 2, 8.0), bundle));
        s2a::core::ProjectDocument document;
        s2a::ui::ExportModel exporter(&document);
        QVERIFY(exporter.start(QUrl::fromLocalFile(dir.filePath(QStringLiteral("x"))), QStringLiteral("stems"),
                               QStringLiteral("flac24"), 0, 0, false).contains(QLatin1String("Save the song first")));
        QVERIFY(document.open(bundle));
        QSignalSpy finished(&exporter, &s2a::ui::ExportModel::finished);
        const QString outDir = dir.filePath(QStringLiteral("out"));
        QCOMPARE(exporter.start(QUrl::fromLocalFile(outDir), QStringLiteral("stems"), QStringLiteral("flac24"), 48000, -16, false), QString());
        QVERIFY(exporter.running());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished[0][0].toBool(), true);
        QVERIFY2(finished[0][1].toString().contains(QLatin1String("3 files")), qPrintable(finished[0][1].toString()));
        QCOMPARE(exporter.progress(), 1.0);
        QCOMPARE(QDir(outDir).entryList({QStringLiteral("*.flac")}, QDir::Files).size(), 3);
        // Again into the same folder: refused, with the reason, and nothing changes.
        QCOMPARE(exporter.start(QUrl::fromLocalFile(outDir), QStringLiteral("stems"), QStringLiteral("flac24"), 48000, -16, false), QString());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished[1][0].toBool(), false);
        QVERIFY(finished[1][1].toString().contains(QLatin1String("exists")));
        // The loop region alone, as MP3 (issue 21): the mix and both stems of exactly that span.
        const QString loopDir = dir.filePath(QStringLiteral("loop"));
        QVERIFY(exporter.start(QUrl::fromLocalFile(loopDir), QStringLiteral("range"), QStringLiteral("mp3"), 48000, 0, false)
                    .contains(QLatin1String("no loop region")));
        QCOMPARE(exporter.start(QUrl::fromLocalFile(loopDir), QStringLiteral("range"), QStringLiteral("mp3"), 48000, 0, false,
                                44100, 44100 * 3), QString());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished[2][0].toBool(), qPrintable(finished[2][1].toString()));
        const QStringList mp3s = QDir(loopDir).entryList({QStringLiteral("*.mp3")}, QDir::Files);
        QCOMPARE(mp3s.size(), 3);
        const auto mix = s2a::core::AudioFileReader::read(QDir(loopDir).filePath(mp3s.filter(QStringLiteral("_mix")).constFirst()));
        QVERIFY2(mix, qPrintable(mix.errorMessage()));
        QCOMPARE(mix->info.frames, qint64(48000 * 2));
    }

    void importAnalysesIntoANewUnsavedSong()
    {
        QTemporaryDir dir;
        // 20 s of a click every half second (120 BPM) over a low tone: something with a pulse to find.
        const auto audio = s2a::test::makeAudio(48000, 48000 * 20, [](int, qint64 i) {
            const double t = double(i) / 48000.0;
            const double click = std::fmod(t, 0.5) < 0.01 ? 0.8 * std::sin(2 * M_PI * 2000 * t) : 0.0;
            return float(click + 0.1 * std::sin(2 * M_PI * 110 * t));
        });
        const QString file = dir.filePath(QStringLiteral("clicks.wav"));
        QVERIFY(s2a::core::AudioFileWriter::write(file, audio, s2a::core::AudioFileFormat::Wav16));

        s2a::core::ProjectDocument document;
        document.setUntitledRecoveryDir(dir.filePath(QStringLiteral("recovery")));
        s2a::ui::DocumentController controller(&document, QStringLiteral("test runtime"));
        QSignalSpy finished(&controller, &s2a::ui::DocumentController::importFinished);
        QCOMPARE(controller.importAudio(QUrl::fromLocalFile(file)), QString());
        QVERIFY(!controller.activity().isEmpty());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished[0][0].toString(), QString());
        QVERIFY(controller.activity().isEmpty());
        const auto& data = document.project()->data();
        QCOMPARE(data.settings.title, QStringLiteral("clicks"));
        QCOMPARE(data.tracks.size(), 1);
        QCOMPARE(data.length(), qint64(44100) * 20);  // resampled to the project rate
        QVERIFY(std::abs(data.settings.tempo - 120.0) < 2.4);
        QVERIFY(document.isModified() && document.isUntitled());
        QVERIFY(controller.hasAudio());
        // Saving it somewhere real carries the audio along.
        const QString saved = dir.filePath(QStringLiteral("Clicks.s2a"));
        QCOMPARE(controller.saveAs(QUrl::fromLocalFile(saved)), QString());
        QVERIFY(s2a::core::bundle::load(saved));

        QCOMPARE(controller.importAudio(QUrl::fromLocalFile(dir.filePath(QStringLiteral("none.wav")))), QString());
        QVERIFY(finished.wait(10000));
        QVERIFY(finished[1][0].toString().startsWith(QLatin1String("Could not import")));
    }

    void translationsAreCompiledIn()
    {
        // English resolves the plural forms; German is a full translation.
        QCOMPARE(QCoreApplication::translate("SongOverview", "%n track(s)", nullptr, 1), QStringLiteral("1 track"));
        QCOMPARE(QCoreApplication::translate("SongOverview", "%n track(s)", nullptr, 3), QStringLiteral("3 tracks"));
        QTranslator german;
        QVERIFY(german.load(QStringLiteral("s2a_de"), QStringLiteral(":/i18n")));
        QCOMPARE(german.translate("Main", "Save changes?"), QStringLiteral("Änderungen speichern?"));
    }

private:
    QStringList m_files;
};

QTEST_MAIN(QmlLoadTest)
#include "tst_qml_load.moc"
