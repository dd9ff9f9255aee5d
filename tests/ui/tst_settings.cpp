// Edit > Settings…: the audio output (device, rate, buffer, test tone) reopened on a real JACK dummy device with
// the transport kept, a vanished device falling back to the default, the autosave interval and language kept
// and applied, a weights file checked against its config (SHA-256 shown) before the engine uses it, and the
// dialog itself opened from the menu and driven in a real window.
#include "JackDummyServer.h"
#include "MainWindowFixture.h"
#include "SkipOrFail.h"
#include "AudioFixtures.h"

#include "core/persistence/ProjectBundle.h"
#include "inference/EngineCatalogue.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QFile>
#include <QQuickStyle>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;

namespace {

int indexOf(const QStringList& devices, const QString& name)
{
    for (int i = 0; i < devices.size(); ++i)
        if (devices[i].startsWith(name + QLatin1String(" (")))
            return i;
    return -1;
}

}  // namespace

class SettingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A private settings folder: the test neither reads nor rewrites anyone's choices, nor an earlier run's.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        QCoreApplication::setOrganizationName(QStringLiteral("S2A-test"));
        QCoreApplication::setApplicationName(QStringLiteral("settings"));
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

    void init() { QSettings().clear(); }

    void audioChangesReopenTheStreamAndKeepTheTransport()
    {
        test::JackDummyServer jack;
        QString error;
        if (!jack.start(&error))
            S2A_SKIP_OR_FAIL_ON_CI(qPrintable(error));
        core::ProjectDocument document;
        core::PlaybackController playback;
        ui::AudioSettings audio(&playback);
        QVERIFY2(audio.restore().isEmpty(), qPrintable(playback.deviceStatus()));  // nothing stored: the default
        const QString bundle = m_dir.filePath(QStringLiteral("Tones.s2a"));
        QVERIFY(core::bundle::save(test::makeSineSong(bundle, 2, 20.0, 48000), bundle));
        QVERIFY(document.open(bundle));
        playback.setProject(document.project()->data(), core::bundle::audioDir(bundle));
        QVERIFY(playback.waitForPlan());

        const int jackIndex = indexOf(audio.devices(), test::JackDummyServer::outputIn(playback));
        QVERIFY2(jackIndex >= 0, qPrintable(audio.devices().join(QLatin1Char(','))));
        QCOMPARE(audio.apply(jackIndex, 0, 256), QString());
        QCOMPARE(audio.currentIndex(), jackIndex);
        playback.play();
        QTRY_VERIFY_WITH_TIMEOUT(playback.position() > 48000 / 2, 5000);

        // Another buffer size: the stream reopens, playing on from where it was, and the choice is kept.
        const qint64 before = playback.enginePosition();
        QSignalSpy changed(&audio, &ui::AudioSettings::changed);
        QCOMPARE(audio.apply(jackIndex, 48000, 1024), QString());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(audio.framesPerBuffer(), 1024);
        QCOMPARE(audio.sampleRate(), 48000);
        QVERIFY2(audio.streamText().contains(QLatin1String("1024")), qPrintable(audio.streamText()));
        QVERIFY(playback.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(playback.enginePosition() > before + 48000 / 4, 5000);
        QVERIFY(playback.isPlaying());
        QCOMPARE(ui::AudioSettings::stored().deviceName, test::JackDummyServer::outputIn(playback));

        // A rate the JACK server does not run at is refused with a message; what played before plays on, and
        // the stored choice is the last one that worked.
        const QString refused = audio.apply(jackIndex, 44100, 256);
        QVERIFY2(refused.contains(QLatin1String("could not be opened")), qPrintable(refused));
        QVERIFY(playback.hasDevice());
        QCOMPARE(audio.currentIndex(), jackIndex);
        QCOMPARE(audio.framesPerBuffer(), 1024);
        QVERIFY(audio.apply(99, 0, 256).contains(QLatin1String("no longer available")));
        QVERIFY(audio.apply(jackIndex, 12345, 256).contains(QLatin1String("12345")));
        QVERIFY(audio.apply(jackIndex, 0, 100000).contains(QLatin1String("100000")));

        // The test tone sounds with the transport stopped: the master meter of the real stream rises.
        playback.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!playback.isPlaying(), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(playback.masterMeter(0).peak, 0.0f, 3000);
        QCOMPARE(audio.playTestTone(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(playback.masterMeter(0).peak > 0.1f, 3000);
        QVERIFY(playback.masterMeter(0).peak < 0.13f);  // -18 dBFS
        QTRY_COMPARE_WITH_TIMEOUT(playback.masterMeter(0).peak, 0.0f, 5000);  // one second, then silence

        // The next launch opens the stored output.
        playback.stopAudio();
        QVERIFY(audio.playTestTone().contains(QLatin1String("No audio output")));
        core::PlaybackController next;
        ui::AudioSettings nextAudio(&next);
        QCOMPARE(nextAudio.restore(), QString());
        QCOMPARE(nextAudio.currentIndex(), jackIndex);
        next.stopAudio();
    }

    void aVanishedDeviceFallsBackToTheDefaultWithAMessage()
    {
        QSettings().setValue(QStringLiteral("audio/device"), QStringLiteral("USB Interface That Was Unplugged"));
        QSettings().setValue(QStringLiteral("audio/framesPerBuffer"), 512);
        core::PlaybackController playback;
        ui::AudioSettings audio(&playback);
        const QString notice = audio.restore();
        QVERIFY2(notice.contains(QLatin1String("USB Interface That Was Unplugged")), qPrintable(notice));
        QVERIFY(notice.contains(QLatin1String("default")));
        // The choice stays stored for when the device comes back; nonsense in the file is not believed.
        QCOMPARE(ui::AudioSettings::stored().deviceName, QStringLiteral("USB Interface That Was Unplugged"));
        QCOMPARE(ui::AudioSettings::stored().framesPerBuffer, 512);
        QSettings().setValue(QStringLiteral("audio/framesPerBuffer"), -7);
        QSettings().setValue(QStringLiteral("audio/sampleRate"), 1);
        QCOMPARE(ui::AudioSettings::stored().framesPerBuffer, core::OutputSettings().framesPerBuffer);
        QCOMPARE(ui::AudioSettings::stored().sampleRate, 0);
        playback.stopAudio();
    }

    void autosaveIntervalAndLanguageAreKeptAndApplied()
    {
        core::ProjectDocument document;
        ui::GeneralSettings general(&document);
        QCOMPARE(general.autosaveSeconds(), ui::GeneralSettings::kDefaultAutosaveSeconds);
        QCOMPARE(document.autosaveInterval(), 60000);
        general.setAutosaveSeconds(5);
        QCOMPARE(document.autosaveInterval(), 5000);
        general.setAutosaveSeconds(0);  // clamped: autosave cannot be switched off by accident
        QCOMPARE(general.autosaveSeconds(), 1);
        general.setAutosaveSeconds(1e6);
        QCOMPARE(general.autosaveSeconds(), 3600);
        QCOMPARE(document.autosaveInterval(), 3600000);
        core::ProjectDocument another;
        ui::GeneralSettings again(&another);  // the next launch
        QCOMPARE(another.autosaveInterval(), 3600000);

        QVERIFY(!general.restartNeeded());
        general.setLanguage(QStringLiteral("de"));
        QVERIFY(general.restartNeeded());
        QCOMPARE(ui::GeneralSettings::storedLocale().language(), QLocale::German);
        general.setLanguage(QStringLiteral("klingon"));
        QCOMPARE(general.language(), QStringLiteral("de"));
        general.setLanguage(QString());
        QVERIFY(!general.restartNeeded());
        QCOMPARE(ui::GeneralSettings::storedLocale(), QLocale());
        QStringList codes;
        for (const QVariant& entry : ui::GeneralSettings::languages())
            codes << entry.toMap().value(QStringLiteral("code")).toString();
        QCOMPARE(codes, (QStringList{QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}));

        QCOMPARE(general.theme(), QStringLiteral("dark"));
        general.setTheme(QStringLiteral("neon"));
        QCOMPARE(general.theme(), QStringLiteral("dark"));
        general.setTheme(QStringLiteral("light"));
        QCOMPARE(again.theme(), QStringLiteral("light"));
    }

    void aWeightsFileIsCheckedBeforeTheEngineUsesIt()
    {
        ui::EngineSettings engine(nullptr);
        QCOMPARE(engine.defaultEngine(), QStringLiteral("arranger"));
        const QString tiny = m_dir.filePath(QStringLiteral("mine/model.safetensors"));
        const auto sha = inference::diffusion::writeRandomWeights(QStringLiteral("tiny"), tiny, 7);
        QVERIFY2(sha, qPrintable(sha.errorMessage()));

        QSignalSpy checked(&engine, &ui::EngineSettings::checkChanged);
        engine.chooseWeights(QStringLiteral("tiny"), tiny);
        QVERIFY(engine.checking());
        QTRY_VERIFY_WITH_TIMEOUT(!engine.checking(), 60000);
        QVERIFY2(engine.checkPassed(), qPrintable(engine.checkText()));
        QVERIFY2(engine.checkText().contains(sha.value()), qPrintable(engine.checkText()));
        QCOMPARE(engine.weightsPath(), tiny);
        QVERIFY(inference::engineIdentity(QStringLiteral("diffusion")).contains(tiny));

        // Weights of another config, and a file that is not weights: refused with the reason, nothing changes.
        const QString pitched = m_dir.filePath(QStringLiteral("pitched.safetensors"));
        QVERIFY(inference::diffusion::writeRandomWeights(QStringLiteral("tiny-pitched"), pitched, 7));
        engine.chooseWeights(QStringLiteral("tiny"), pitched);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.checking(), 60000);
        QVERIFY(!engine.checkPassed());
        QVERIFY2(engine.checkText().contains(QLatin1String("problem")), qPrintable(engine.checkText()));
        QCOMPARE(engine.weightsPath(), tiny);
        const QString junk = m_dir.filePath(QStringLiteral("junk.safetensors"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100, 'x'));
        file.close();
        engine.chooseWeights(QStringLiteral("tiny"), junk);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.checking(), 60000);
        QVERIFY(!engine.checkPassed());
        QVERIFY2(engine.checkText().contains(QLatin1String("junk.safetensors")), qPrintable(engine.checkText()));
        engine.chooseWeights(QStringLiteral("no-such-config"), tiny);
        QVERIFY(!engine.checkPassed());
        QCOMPARE(engine.weightsPath(), tiny);

        // The regeneration defaults: kept, clamped, read by the next instance.
        QCOMPARE(engine.takesPerJob(), 1);
        QCOMPARE(engine.defaultSteps(), 32);
        engine.setTakesPerJob(2);
        engine.setDefaultSteps(1000);
        engine.setDefaultGuidance(3.5);
        engine.setDefaultContext(-4);
        ui::EngineSettings next(nullptr);
        QCOMPARE(next.takesPerJob(), 2);
        QCOMPARE(next.defaultSteps(), 200);
        QCOMPARE(next.defaultGuidance(), 3.5);
        QCOMPARE(next.defaultContext(), 0);

        // Back to the shipped config's own weights; the default engine is one of the engines there are.
        const QString shipped = inference::diffusion::defaultModelConfig();
        engine.chooseWeights(shipped, QString());
        QTRY_VERIFY_WITH_TIMEOUT(!engine.checking(), 60000);
        QVERIFY2(engine.checkPassed(), qPrintable(engine.checkText()));
        QCOMPARE(engine.weightsPath(), inference::diffusion::defaultWeightsPath(shipped));
        // A config stored when it shipped ("tiny") and no longer does, with no file of the user's: read as the
        // shipped one, not as "no weights".
        QSettings().setValue(QStringLiteral("engines/diffusion/config"), QStringLiteral("tiny"));
        QCOMPARE(inference::storedDiffusionSettings().config, shipped);
        engine.setDefaultEngine(QStringLiteral("nonsense"));
        QCOMPARE(engine.defaultEngine(), QStringLiteral("arranger"));
        QVERIFY(checked.count() >= 8);
    }

    void theDialogOpensFromTheMenusAndEditsTheSettings()
    {
        test::MainWindow app;
        QVERIFY(app.show());
        auto* dialog = app.root->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        // Edit > Settings… opens the audio page, Generate > Engine Settings… the generation page.
        QTest::keySequence(app.window, QKeySequence(QStringLiteral("Ctrl+,")));
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto* tabs = app.item("settingsTabs");
        QVERIFY(tabs);
        QCOMPARE(tabs->property("currentIndex").toInt(), 0);
        QVERIFY(app.item("audioDeviceChoice") && app.item("audioTestTone") && app.item("audioApply"));
        QVERIFY(app.item("audioStreamText")->property("text").toString().size() > 0);
        // The dialog wears the window's dark theme: light text (a popup that fell back to the style's own
        // light palette showed dark text on white).
        const QColor darkThemeText = app.item("audioStreamText")->property("color").value<QColor>();
        QVERIFY2(darkThemeText.lightness() > 150, qPrintable(darkThemeText.name()));
        saveScreenshot(app, QStringLiteral("settings-audio.png"));

        test::click(app.window, app.item("settingsTabGeneral"));
        QTRY_COMPARE(tabs->property("currentIndex").toInt(), 2);
        QQuickItem* autosave = app.item("autosaveSeconds");
        QVERIFY(autosave && autosave->isVisible());
        QCOMPARE(autosave->property("value").toInt(), 60);
        // Typed into the spin box as a user would: the document autosaves at the new interval.
        autosave->forceActiveFocus();
        QTest::keyClick(app.window, Qt::Key_Up);
        QTRY_COMPARE(app.generalSettings.autosaveSeconds(), 61);
        QCOMPARE(app.document.autosaveInterval(), 61000);
        saveScreenshot(app, QStringLiteral("settings-general.png"));

        // Light theme: the restart notice shows; the next window (as at the next start) is light throughout,
        // the Settings dialog's labels and controls included.
        QQuickItem* notice = app.item("restartNotice");
        QVERIFY(notice && !notice->isVisible());
        app.generalSettings.setTheme(QStringLiteral("light"));
        QTRY_VERIFY(notice->isVisible());
        {
            test::MainWindow next;
            QVERIFY(next.show());
            QVERIFY(next.window->color().lightness() > 200);
            QVERIFY(app.window->color().lightness() < 60);  // this run's window stays as it started
            QVERIFY(QMetaObject::invokeMethod(next.root->findChild<QObject*>(QStringLiteral("settingsDialog")), "openAt",
                                              Q_ARG(QVariant, 2)));
            QTRY_VERIFY(next.item("themeChoice") && next.item("themeChoice")->isVisible());
            QCOMPARE(next.item("themeChoice")->property("currentValue").toString(), QStringLiteral("light"));
            const QColor label = next.item("restartNotice")->property("color").value<QColor>();
            QVERIFY2(label.lightness() < 100, qPrintable(label.name()));
            saveScreenshot(next, QStringLiteral("settings-light.png"));
        }
        app.generalSettings.setTheme(QStringLiteral("dark"));
        QTRY_VERIFY(!notice->isVisible());

        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(app.root->findChild<QObject*>(QStringLiteral("engineSettingsAction")), "trigger"));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(tabs->property("currentIndex").toInt(), 1);
        // The inspector starts each regeneration with the defaults of this page.
        app.engineSettings.setTakesPerJob(3);
        QTRY_COMPARE(app.item("takesChoice")->property("value").toInt(), 3);
        app.engineSettings.setTakesPerJob(1);
        QQuickItem* weights = app.item("weightsPath");
        QVERIFY(weights);
        QCOMPARE(weights->property("text").toString(), app.engineSettings.weightsPath());
        saveScreenshot(app, QStringLiteral("settings-generation.png"));
    }

private:
    static void saveScreenshot(test::MainWindow& app, const QString& name)
    {
        QVERIFY(test::saveScreenshot(app.window, name, QStringLiteral(QT_TESTCASE_BUILDDIR)));
    }

    QTemporaryDir m_dir{QStringLiteral(QT_TESTCASE_BUILDDIR "/tst_settings-XXXXXX")};
};

QTEST_MAIN(SettingsTest)
#include "tst_settings.moc"
