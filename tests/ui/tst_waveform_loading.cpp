// A lane while its peaks are computed: the Waveform item draws a striped placeholder over each clip that is still
// loading, and the app's track lane says so, until the peaks arrive and the waveform replaces both. The store's
// pool is held busy so that "still loading" is a state the test controls, not a race it hopes to win.
#include "tst_waveform_support.h"
#include "MainWindowFixture.h"
#include "PoolHold.h"
#include "SongWithAudio.h"
#include "TestProjects.h"
#include "WaveformLane.h"

#include "core/audio/AudioFileWriter.h"
#include "ui/waveform/PeakStore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::test::waveform;
using core::SampleCount;

namespace {

// The placeholder's stripes and zero line: the lane colour faded towards the white background, lighter than
// the envelope (green 0) and its RMS shade (green 85).
bool isPlaceholder(QRgb p)
{
    return !isBackground(p) && qGreen(p) >= 110 && qRed(p) > qGreen(p) + 20;
}

int countIn(const QImage& shot, int x, bool (*test)(QRgb))
{
    int n = 0;
    for (int y = 0; y < shot.height(); ++y)
        n += test(shot.pixel(x, y));
    return n;
}

core::AudioBuffer noise(SampleCount frames)
{
    return audioOf(1, kRate, frames, [state = quint32(3)](int, SampleCount) mutable {
        state = state * 1664525u + 1013904223u;
        return float(0.6 * (double(state >> 8) / double(1 << 24) * 2.0 - 1.0));
    });
}

QList<QQuickItem*> visibleItems(test::MainWindow& app, const QString& name)
{
    QList<QQuickItem*> shown;
    for (QQuickItem* item : test::findItems(app.window->contentItem(), name))
        if (item->isVisible())
            shown << item;
    return shown;
}

}  // namespace

class LoadingTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_audioDir = m_dir.filePath(QStringLiteral("audio"));
        QVERIFY(QDir().mkpath(m_audioDir));
        QVERIFY(core::AudioFileWriter::write(QDir(m_audioDir).filePath(QStringLiteral("noise.wav")),
                                             noise(4 * kRate), core::AudioFileFormat::Wav16));
    }

    void placeholderUntilThePeaksArrive()
    {
        ui::PeakStore::instance().clear();
        test::PoolHold hold(ui::PeakStore::instance().pool());
        QVERIFY(hold.holding());
        Lane lane(m_audioDir, 600, 80);
        QVERIFY(QTest::qWaitForWindowExposed(&lane.window));
        lane.item->setSamplesPerPixel(kRate / 100.0);  // 100 px a second: the clip spans x 100..500
        lane.item->setClips({clip(QStringLiteral("noise.wav"), kRate, 0, 4 * kRate)});
        QVERIFY(lane.item->loading());
        QVERIFY(!lane.item->ready());
        QVERIFY(lane.nextFrame());

        QImage shot = lane.window.grabWindow();
        QCOMPARE(shot.width(), 600);
        for (int x = 102; x < 498; ++x)
            QVERIFY2(countIn(shot, x, isPlaceholder) >= 5, qPrintable(QStringLiteral("x %1").arg(x)));
        for (int x : {10, 60, 97, 503, 550, 595})
            QCOMPARE(countIn(shot, x, isBackground), shot.height());
        if (!qEnvironmentVariableIsEmpty("S2A_WAVEFORM_SHOT"))
            shot.save(qEnvironmentVariable("S2A_WAVEFORM_SHOT") + QStringLiteral(".loading.png"));

        hold.release();
        QVERIFY(lane.settle());
        QVERIFY(!lane.item->loading());
        shot = lane.window.grabWindow();
        for (int x = 102; x < 498; ++x) {
            QVERIFY2(countIn(shot, x, isWaveform) > 0, qPrintable(QStringLiteral("x %1").arg(x)));
            QVERIFY2(countIn(shot, x, isPlaceholder) == 0, qPrintable(QStringLiteral("x %1").arg(x)));
        }
    }

    void trackLaneSaysItIsComputing()
    {
        // A saved song of two tracks whose clips are real audio, opened in the app's window.
        const QString bundle = m_dir.filePath(QStringLiteral("Loading.s2a"));
        QVERIFY(test::saveWithAudio(test::makeSong(2, 2, 1), bundle,
                                    [](const core::AudioClip& c) { return noise(c.length); }));

        ui::PeakStore::instance().clear();
        test::PoolHold hold(ui::PeakStore::instance().pool());
        QVERIFY(hold.holding());
        test::MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(bundle)), QString());
        QVERIFY(app.show());
        QTRY_COMPARE(visibleItems(app, QStringLiteral("waveformLoading")).size(), 2);
        const QString shots = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
        QVERIFY(QDir().mkpath(shots));
        QVERIFY(app.window->grabWindow().save(shots + QStringLiteral("/waveform-loading.png")));

        hold.release();
        QTRY_VERIFY(visibleItems(app, QStringLiteral("waveformLoading")).isEmpty());
        for (QQuickItem* waveform : test::findItems(app.window->contentItem(), QStringLiteral("waveform"))) {
            QTRY_VERIFY(waveform->property("ready").toBool());
            QCOMPARE(waveform->property("errorString").toString(), QString());
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_audioDir;
};

QObject* s2a::test::waveform::makeLoadingTest()
{
    return new LoadingTest;
}

#include "tst_waveform_loading.moc"
