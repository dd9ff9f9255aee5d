// The Waveform item in a real window: files written with libsndfile, peaks loaded in the background, pixels read
// back with grabWindow().
#include "tst_waveform_support.h"
#include "WaveformLane.h"

#include "core/audio/AudioFileWriter.h"
#include "core/audio/PeakCache.h"
#include "ui/waveform/PeakStore.h"
#include "ui/waveform/WaveformItem.h"

#include <QDir>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtQml/qqmlextensionplugin.h>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using namespace s2a::ui;
using core::SampleCount;
using namespace s2a::test::waveform;

class ItemTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("audio")));
        m_audioDir = m_dir.filePath(QStringLiteral("audio"));
        // 10 s of stereo noise-like music, loud enough to be seen everywhere.
        quint32 state = 7;
        const core::AudioBuffer audio = audioOf(2, kRate, 10 * kRate, [&state](int, SampleCount i) {
            state = state * 1664525u + 1013904223u;
            const double noise = double(state >> 8) / double(1 << 24) * 2.0 - 1.0;
            return float((0.4 + 0.3 * std::sin(double(i) / 20000.0)) * noise);
        });
        QVERIFY(core::AudioFileWriter::write(QDir(m_audioDir).filePath(QStringLiteral("song.wav")), audio,
                                             core::AudioFileFormat::Wav16));
        const core::AudioBuffer sine = audioOf(1, kRate, 2 * kRate, [](int, SampleCount i) {
            return float(0.8 * std::sin(2.0 * kPi * double(i) / 400.0));
        });
        QVERIFY(core::AudioFileWriter::write(QDir(m_audioDir).filePath(QStringLiteral("sine.flac")), sine,
                                             core::AudioFileFormat::Flac24));
    }

    void drawsAudioAndLeavesGapsEmpty()
    {
        PeakStore::instance().clear();
        Lane lane(m_audioDir, 1000, 100);
        QVERIFY(QTest::qWaitForWindowExposed(&lane.window));
        const double spp = 10.0 * kRate / 1000.0;  // 10 s over 1000 px
        lane.item->setSamplesPerPixel(spp);
        // [0, 4 s) and [6 s, 10 s) from two places of the file, silence between.
        lane.item->setClips({clip(QStringLiteral("song.wav"), 0, 0, 4 * kRate),
                             clip(QStringLiteral("song.wav"), 6 * kRate, 2 * kRate, 4 * kRate)});
        QVERIFY(lane.settle());
        QVERIFY(lane.item->errorString().isEmpty());
        QVERIFY(lane.item->tilesRendered() >= 4);

        const QImage shot = lane.window.grabWindow();
        QVERIFY(!shot.isNull());
        const double scale = shot.width() / 1000.0;
        auto columnHasWaveform = [&](int x) {
            for (int y = 0; y < shot.height(); ++y)
                if (isWaveform(shot.pixel(int(x * scale), y)))
                    return true;
            return false;
        };
        auto columnIsBackground = [&](int x) {
            for (int y = 0; y < shot.height(); ++y)
                if (!isBackground(shot.pixel(int(x * scale), y)))
                    return false;
            return true;
        };
        for (int x = 2; x < 398; ++x)
            QVERIFY2(columnHasWaveform(x), qPrintable(QStringLiteral("x %1").arg(x)));
        for (int x = 402; x < 598; ++x)
            QVERIFY2(columnIsBackground(x), qPrintable(QStringLiteral("x %1").arg(x)));
        for (int x = 602; x < 998; ++x)
            QVERIFY2(columnHasWaveform(x), qPrintable(QStringLiteral("x %1").arg(x)));
        // The lane is stereo: both halves carry the envelope.
        int top = 0;
        int bottom = 0;
        for (int y = 0; y < shot.height(); ++y) {
            if (isWaveform(shot.pixel(int(100 * scale), y)))  // a loud stretch
                (y < shot.height() / 2 ? top : bottom) += 1;
        }
        if (!qEnvironmentVariableIsEmpty("S2A_WAVEFORM_SHOT"))  // to look at what the lane drew
            shot.save(qEnvironmentVariable("S2A_WAVEFORM_SHOT"));
        QVERIFY2(top > 10 && bottom > 10, qPrintable(QStringLiteral("%1 rows above the middle, %2 below").arg(top).arg(bottom)));
    }

    void normalizeMakesAQuietLaneReadable()
    {
        // A quiet sine (peak 0.1): drawn at full scale it is a thin band; normalised it nearly fills its lane.
        const core::AudioBuffer quiet = audioOf(1, kRate, 2 * kRate, [](int, SampleCount i) {
            return float(0.1 * std::sin(2.0 * kPi * double(i) / 300.0));
        });
        QVERIFY(core::AudioFileWriter::write(QDir(m_audioDir).filePath(QStringLiteral("quiet.wav")), quiet,
                                             core::AudioFileFormat::WavFloat32));
        Lane lane(m_audioDir, 400, 100);
        QVERIFY(QTest::qWaitForWindowExposed(&lane.window));
        lane.item->setSamplesPerPixel(2.0 * kRate / 400.0);
        lane.item->setClips({clip(QStringLiteral("quiet.wav"), 0, 0, 2 * kRate)});
        QVERIFY(lane.settle());
        auto rowsDrawn = [&] {
            const QImage shot = lane.window.grabWindow();
            const double scale = shot.width() / 400.0;
            int rows = 0;
            for (int y = 0; y < shot.height(); ++y)
                rows += isWaveform(shot.pixel(int(200 * scale), y));
            return rows / scale;
        };
        const double plain = rowsDrawn();
        QCOMPARE(lane.item->displayGain(), 1.0);
        lane.item->setNormalize(true);
        QCOMPARE(lane.item->displayGain(), WaveformItem::kMaxDisplayGain);  // 0.95 / 0.1 = 9.5, capped at x8
        QVERIFY(lane.settle());
        const double normalised = rowsDrawn();
        QVERIFY2(plain >= 8 && plain <= 14, qPrintable(QString::number(plain)));
        QVERIFY2(normalised > 6 * plain, qPrintable(QStringLiteral("%1 -> %2 rows").arg(plain).arg(normalised)));
        lane.item->setNormalize(false);
        QCOMPARE(lane.item->displayGain(), 1.0);
    }

    void scrollingReusesTilesZoomRerenders()
    {
        Lane lane(m_audioDir, 1024, 80);
        QVERIFY(QTest::qWaitForWindowExposed(&lane.window));
        const double spp = 300.0;
        lane.item->setSamplesPerPixel(spp);
        lane.item->setClips({clip(QStringLiteral("song.wav"), 0, 0, 10 * kRate)});
        QVERIFY(lane.settle());
        const int visibleTiles = 1024 / WaveformRenderer::kTileWidth;
        QVERIFY(lane.item->tilesRendered() >= visibleTiles);

        // One tile to the right: one new tile comes into view, the other four are reused.
        for (int step = 1; step <= 3; ++step) {
            const int before = lane.item->tilesRendered();
            lane.item->setViewStart(step * WaveformRenderer::kTileWidth * spp);
            QVERIFY(QTest::qWaitFor([&] { return lane.item->tilesRendered() > before; }, 5000));
            QVERIFY(lane.nextFrame());
            QCOMPARE(lane.item->tilesRendered() - before, 1);
        }
        // Half a tile: nothing new at all (the tiles either side are cached).
        {
            const int before = lane.item->tilesRendered();
            lane.item->setViewStart(2.5 * WaveformRenderer::kTileWidth * spp);
            QVERIFY(lane.nextFrame());
            QCOMPARE(lane.item->tilesRendered(), before);
        }
        // Zoom: every visible tile is new.
        const int before = lane.item->tilesRendered();
        lane.item->setSamplesPerPixel(spp * 2.0);
        QVERIFY(lane.settle());
        QTRY_VERIFY(lane.item->tilesRendered() - before >= visibleTiles);
        QVERIFY(lane.item->tilesRendered() - before <= visibleTiles + 1);
        // Back to the first zoom: its tiles are still cached.
        const int zoomedOut = lane.item->tilesRendered();
        lane.item->setSamplesPerPixel(spp);
        QVERIFY(lane.nextFrame());
        QCOMPARE(lane.item->tilesRendered(), zoomedOut);
        // A colour change redraws.
        lane.item->setColour(QColor(0, 0, 200));
        QTRY_VERIFY(lane.item->tilesRendered() > zoomedOut);
    }

    void sampleZoomDrawsTheSine()
    {
        Lane lane(m_audioDir, 800, 100);
        QVERIFY(QTest::qWaitForWindowExposed(&lane.window));
        lane.item->setSamplesPerPixel(0.5);  // 2 px per sample: a 400-sample period is 800 px
        lane.item->setViewStart(44100.0);
        lane.item->setClips({clip(QStringLiteral("sine.flac"), 0, 0, 2 * kRate)});
        QVERIFY(lane.settle());
        QVERIFY(lane.item->errorString().isEmpty());
        const QImage shot = lane.window.grabWindow();
        const double scale = shot.width() / 800.0;
        int checked = 0;
        for (int x = 5; x < 795; x += 10) {
            // x = 0 is sample 44100, where the sine (period 400) starts a period.
            const double t = 44100.0 + (x + 0.5) * 0.5;
            const double expectedY = (1.0 - 0.8 * std::sin(2.0 * kPi * t / 400.0)) * 0.5 * 100.0;
            int found = -1;
            for (int y = 0; y < shot.height(); ++y) {
                if (isWaveform(shot.pixel(int(x * scale), y))) {
                    found = y;
                    if (std::abs(y / scale - expectedY) <= 3.0)
                        break;
                }
            }
            QVERIFY2(found >= 0 && std::abs(found / scale - expectedY) <= 3.0,
                     qPrintable(QStringLiteral("x %1: y %2, expected %3").arg(x).arg(found).arg(expectedY)));
            ++checked;
        }
        QVERIFY(checked > 50);
    }

    void missingFileReportsError()
    {
        Lane lane(m_audioDir, 400, 60);
        QVERIFY(QTest::qWaitForWindowExposed(&lane.window));
        lane.item->setSamplesPerPixel(1000.0);
        lane.item->setClips({clip(QStringLiteral("missing.wav"), 0, 0, 10 * kRate)});
        QTRY_VERIFY_WITH_TIMEOUT(!lane.item->errorString().isEmpty(), 10000);
        QVERIFY2(lane.item->errorString().contains(QStringLiteral("missing.wav")), qPrintable(lane.item->errorString()));
        QVERIFY(lane.settle());  // a failed file does not keep the lane waiting
        const QImage shot = lane.window.grabWindow();
        for (int y = 0; y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x)
                QVERIFY(isBackground(shot.pixel(x, y)));
        // Fixing the clips clears the error.
        lane.item->setClips({clip(QStringLiteral("song.wav"), 0, 0, 10 * kRate)});
        QVERIFY(lane.settle());
        QVERIFY(lane.item->errorString().isEmpty());
    }

    void itemsShareOneLoadPerFile()
    {
        PeakStore::instance().clear();
        QFile::remove(core::PeakCache::cachePathFor(QDir(m_audioDir).filePath(QStringLiteral("song.wav"))));
        const int before = PeakStore::instance().loadsStarted();
        Lane a(m_audioDir, 300, 40);
        Lane b(m_audioDir, 300, 40);
        a.item->setClips({clip(QStringLiteral("song.wav"), 0, 0, 10 * kRate)});
        b.item->setClips({clip(QStringLiteral("song.wav"), kRate, 0, 5 * kRate)});
        QVERIFY(a.settle());
        QVERIFY(b.settle());
        QCOMPARE(PeakStore::instance().loadsStarted() - before, 1);
        QVERIFY(QFile::exists(core::PeakCache::cachePathFor(QDir(m_audioDir).filePath(QStringLiteral("song.wav")))));
    }

    void manyColdLoadsAtOnceFinish()
    {
        // More cold stereo loads than the global pool has threads: each build spreads over the global pool and
        // must not wait on pool threads that are themselves waiting (a deadlock on two cores before PeakStore
        // got its own pool).
        QThreadPool* global = QThreadPool::globalInstance();
        const int threads = global->maxThreadCount();
        global->setMaxThreadCount(2);
        auto restore = qScopeGuard([global, threads] { global->setMaxThreadCount(threads); });
        PeakStore::instance().clear();
        std::vector<std::unique_ptr<Lane>> lanes;
        for (int i = 0; i < 6; ++i) {
            const QString name = QStringLiteral("stem%1.wav").arg(i);
            const core::AudioBuffer audio = audioOf(2, kRate, 20 * kRate, [i](int c, SampleCount f) {
                return float(0.1 * (i + 1) * std::sin(double(f) * (0.01 + 0.001 * c)));
            });
            QVERIFY(core::AudioFileWriter::write(QDir(m_audioDir).filePath(name), audio, core::AudioFileFormat::Wav16));
            lanes.push_back(std::make_unique<Lane>(m_audioDir, 200, 30));
            lanes.back()->item->setSamplesPerPixel(20.0 * kRate / 200.0);
        }
        for (int i = 0; i < 6; ++i)
            lanes[size_t(i)]->item->setClips({clip(QStringLiteral("stem%1.wav").arg(i), 0, 0, 20 * kRate)});
        for (auto& lane : lanes) {
            QVERIFY(lane->settle());
            QVERIFY(lane->item->errorString().isEmpty());
        }
    }

    void createdFromQml()
    {
        QQmlEngine engine;
        QQmlComponent component(&engine);
        component.setData(QStringLiteral("import QtQuick\nimport S2A.Ui\n"
                                         "Waveform { width: 500; height: 50; audioDir: \"%1\"; sampleRate: 44100\n"
                                         "  samplesPerPixel: 882; colour: \"#c80000\"\n"
                                         "  clips: [{file: \"song.wav\", timelineStart: 0, sourceStart: 0, length: 441000}] }\n")
                              .arg(m_audioDir)
                              .toUtf8(),
                          QUrl());
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        auto* item = qobject_cast<WaveformItem*>(object.get());
        QVERIFY(item);
        QCOMPARE(item->clips().size(), 1);
        QCOMPARE(item->samplesPerPixel(), 882.0);
        QCOMPARE(item->colour(), QColor(200, 0, 0));
        QTRY_VERIFY(item->ready());
        QVERIFY(item->errorString().isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_audioDir;
};

QObject* s2a::test::waveform::makeItemTest()
{
    return new ItemTest;
}

#include "tst_waveform_item.moc"
