// Soak (issue 19): a song loops on a real-time JACK stream while the arranger regenerates its sections one
// after another, each new take going into the playing plan, for S2A_SOAK_SECONDS (60 in the suite; the
// 10-minute run is reported in docs/reliability.md). Judged: no underrun of our own (one in a window where the
// audio thread used 70 % of the audio's time), nothing in any callback that may block (allocation, lock,
// system-call clock, output), the playhead still moving, and memory flat: resident memory and the heap in use
// at the end within 5 % of their high-water marks while the first regenerations warmed the caches.
#include "JackDummyServer.h"
#include "RealtimeHooks.h"
#include "SkipOrFail.h"

#include "core/model/Project.h"
#include "core/playback/PlaybackController.h"
#include "core/util/JobControl.h"
#include "inference/SectionRegenerator.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <thread>

#include <malloc.h>
#include <unistd.h>

using namespace s2a;
using namespace s2a::inference;

namespace {

double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0.0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// The heap in use (glibc: small blocks plus mmapped ones): what a leak grows, without the allocator's caching.
double heapMiB()
{
    const struct mallinfo2 m = mallinfo2();
    return double(m.uordblks + m.hblkhd) / (1024.0 * 1024.0);
}

int soakSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("S2A_SOAK_SECONDS", &ok);
    return ok && seconds >= 20 && seconds <= 36000 ? seconds : 60;
}

}  // namespace

class SoakTest : public QObject {
    Q_OBJECT

    test::JackDummyServer m_jack;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_jack.start(&error))
            S2A_SKIP_OR_FAIL_ON_CI(qPrintable(QStringLiteral("the soak test plays through a JACK dummy server: ") + error));
    }

    void playsWhileSectionsAreRegenerated()
    {
        using L = core::SectionLabel;
        const int seconds = soakSeconds();
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Soak.s2a")), audio = bundle + QStringLiteral("/audio");
        GenerationRequest request;
        request.caption = QStringLiteral("indie pop with piano, bass, drums and strings");
        request.seed = 5;
        request.tempo = 112;
        request.sections = arranger::SongPlanner::barSections({{L::Intro, 2}, {L::Verse, 4}, {L::Chorus, 4}, {L::Verse, 4},
                                                              {L::Chorus, 4}, {L::Outro, 2}},
                                                             request.tempo, request.sampleRate);
        arranger::ArrangerEngine engine;
        SimpleJobControl job;
        const auto first = engine.generate(request, job);
        QVERIFY2(first, qPrintable(first.errorMessage()));
        const auto written = arranger::writeSongBundle(bundle, QStringLiteral("Soak"), request, first.value());
        QVERIFY2(written, qPrintable(written.errorMessage()));
        core::Project project(written->data);

        core::PlaybackController playback;
        core::OutputSettings settings;
        settings.deviceName = test::JackDummyServer::outputIn(playback);
        QVERIFY2(!settings.deviceName.isEmpty(), "PortAudio sees no JACK output");
        const Status started = playback.startAudio(settings);
        QVERIFY2(started, qPrintable(started.errorMessage()));
        playback.setProject(project.data(), audio);
        QVERIFY(playback.waitForPlan());
        playback.setLoop(true, 0, project.data().sections.back().end);
        playback.play();
        QTRY_VERIFY(playback.isPlaying() && playback.enginePosition() > 0);
        QSignalSpy positions(&playback, &core::PlaybackController::positionChanged);
        m_jack.takeXruns();
        const std::uint64_t allocations = test::realtimeAllocations(), locks = test::realtimeLocks();
        const std::uint64_t clocks = test::realtimeClockSystemCalls(), outputs = test::realtimeOutputs();

        const QStringList captions{QStringLiteral("sparse, just piano"), QStringLiteral("big and bright, brass"),
                                   QStringLiteral("dark synth bass, driving"), QStringLiteral("gentle strings")};
        const int sections = int(project.data().sections.size());
        QElapsedTimer clock;
        clock.start();
        int regenerations = 0;
        double warmMiB = 0.0, warmHeapMiB = 0.0;
        while (clock.elapsed() < qint64(seconds) * 1000) {
            RegenerateOptions options;
            options.seed = quint64(1000 + regenerations);
            options.caption = captions[regenerations % captions.size()];
            const QString section = project.data().sections[size_t(regenerations % sections)].id;
            // As the editor does it: the engine renders on a worker thread from a snapshot while this thread's
            // event loop keeps the transport polled, then the take is added here.
            const core::ProjectData snapshot = project.data();
            Result<RenderedTake> rendered = Error{QStringLiteral("not rendered")};
            QEventLoop loop;
            std::thread worker([&] {
                rendered = renderTake(snapshot, bundle, section, options, engine, job);
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
            });
            loop.exec();
            worker.join();
            QVERIFY2(rendered, qPrintable(rendered.errorMessage()));
            const auto take = addRenderedTake(project, rendered.value());
            QVERIFY2(take, qPrintable(take.errorMessage()));
            playback.setProject(project.data(), audio);  // the new take goes into the playing plan
            QVERIFY(playback.waitForPlan());
            QVERIFY2(playback.isPlaying(), "playback stopped during the soak");
            // Warm-up: until every section has had two new takes, the caches fill. Its high-water mark is the
            // reference: the allocator keeps freed memory and returns it in steps, so resident memory moves
            // by a few per cent either way from one regeneration to the next (measured: 830-886 MiB while the
            // heap in use stayed at 404 MiB).
            if (++regenerations <= 2 * sections) {
                warmMiB = std::max(warmMiB, residentMiB());
                warmHeapMiB = std::max(warmHeapMiB, heapMiB());
            }
        }
        const double endMiB = residentMiB(), endHeapMiB = heapMiB();
        const test::JackDummyServer::Xruns late = m_jack.takeXruns();
        const bool warm = regenerations > 2 * sections;
        const double growth = warm ? (endMiB - warmMiB) / warmMiB : 0.0;
        const double heapGrowth = warm ? (endHeapMiB - warmHeapMiB) / warmHeapMiB : 0.0;
        qInfo("soak, %d s: %d regenerations while playing; resident memory %.1f MiB at most in the warm-up, %.1f MiB "
              "at the end (%+.2f %%); heap in use %.1f MiB at most in the warm-up, %.1f MiB at the end (%+.2f %%); underruns %llu reported, %llu ours; "
              "JACK: %d late timer wake-ups, %d cycles not finished; peak CPU %.1f %% of a buffer", seconds,
              regenerations, warmMiB, endMiB, 100.0 * growth, warmHeapMiB, endHeapMiB, 100.0 * heapGrowth,
              (unsigned long long)playback.xruns(), (unsigned long long)playback.ownXruns(), late.driverLate,
              late.clientLate, 100.0 * playback.peakCpuLoad());
        QVERIFY2(warm, "fewer regenerations than the warm-up needs: the machine is far too slow");
        QVERIFY2(growth < 0.05, qPrintable(QStringLiteral("resident memory grew by %1 %").arg(100.0 * growth)));
        QVERIFY2(heapGrowth < 0.05, qPrintable(QStringLiteral("the heap in use grew by %1 %").arg(100.0 * heapGrowth)));
        QCOMPARE(playback.ownXruns(), std::uint64_t(0));
        QCOMPARE(test::realtimeAllocations(), allocations);
        QCOMPARE(test::realtimeLocks(), locks);
        QCOMPARE(test::realtimeClockSystemCalls(), clocks);
        QCOMPARE(test::realtimeOutputs(), outputs);
        QVERIFY2(positions.size() >= 25 * seconds, "the playhead stalled");  // 30 Hz updates while playing
        playback.stop();
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // QtTest stops a test function after 5 minutes; the long soak runs as long as it is asked to, and more.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((qint64(soakSeconds()) + 240) * 1000));
    SoakTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_soak.moc"
