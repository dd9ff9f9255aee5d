// No sound card, no JACK server: playback says so and everything else keeps working; when a device appears,
// Retry finds it.
#include "AudioFixtures.h"
#include "JackDummyServer.h"

#include "core/playback/PlaybackController.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using namespace s2a::core;

class NoAudioDeviceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutADeviceTheEngineOpensAndSaysSo()
    {
        PlaybackController playback;
        const Status status = playback.startAudio();
        if (status && !qEnvironmentVariableIsSet("CI"))
            QSKIP("this machine has a working audio output; the no-device path needs one without (as CI has)");
        QVERIFY(!status);
        QVERIFY(!playback.hasDevice());
        QVERIFY2(playback.deviceStatus().startsWith(QLatin1String("No audio output")), qPrintable(playback.deviceStatus()));

        // The song still loads, seeks and reports; play() is harmless.
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Quiet.s2a"));
        const ProjectData song = test::makeSineSong(bundle, 2, 3.0);
        playback.setProject(song, bundle + QStringLiteral("/audio"));
        QVERIFY(playback.waitForPlan());
        playback.seek(44100);
        QCOMPARE(playback.position(), SampleCount(44100));
        // Without a stream nothing calls the engine back, so play() changes nothing: checked after every event
        // it posted has been handled, not after a fixed wait.
        QSignalSpy playing(&playback, &PlaybackController::playingChanged);
        playback.play();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QVERIFY(!playback.isPlaying());
        QCOMPARE(playing.count(), 0);
        QCOMPARE(playback.position(), SampleCount(44100));

        // A device appears (here: a JACK server starts); Retry finds it and playback works.
        test::JackDummyServer jack;
        QString error;
        QVERIFY2(jack.start(&error), qPrintable(error));
        const Status recovered = playback.retryDevice();
        QVERIFY2(recovered, qPrintable(recovered.errorMessage()));
        QVERIFY(playback.hasDevice());
        QVERIFY(playback.waitForPlan());
        playback.play();
        QTRY_VERIFY_WITH_TIMEOUT(playback.isPlaying(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(playback.enginePosition() > 44100 + 4800, 3000);
        playback.stop();
        playback.stopAudio();  // before the server goes
    }
};

int main(int argc, char* argv[])
{
    // Before PortAudio starts: a JACK server name nobody runs (the test's own server, started later, takes it),
    // on a machine without a sound card, so that no output can be opened.
    qputenv("JACK_NO_START_SERVER", "1");
    qputenv("JACK_DEFAULT_SERVER", QStringLiteral("s2a-test-%1").arg(QCoreApplication::applicationPid()).toUtf8());
    QCoreApplication app(argc, argv);
    NoAudioDeviceTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_no_audio_device.moc"
