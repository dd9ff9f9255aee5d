// The Waveform item on a 2x screen (ctest runs this with QT_SCALE_FACTOR=2): tiles are drawn per device pixel,
// so the envelope and the sample line have twice the detail of a 1x lane, not the same lane magnified. Each
// check also runs on the screenshot magnified from half size, where it must fail: it tells the two apart.
#include "tst_waveform_support.h"
#include "WaveformLane.h"

#include "core/audio/AudioFileWriter.h"
#include "ui/waveform/PeakStore.h"

#include <QDir>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::test::waveform;
using core::SampleCount;

namespace {

constexpr int kWidth = 400;
constexpr int kHeight = 80;

// What a 1x lane shown on a 2x screen would look like: every pixel a 2x2 block.
QImage magnifiedFromHalf(const QImage& shot)
{
    return shot.scaled(shot.size() / 2, Qt::IgnoreAspectRatio, Qt::FastTransformation)
        .scaled(shot.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

// The first row from the top that the envelope reaches in each column (-1: none).
QVector<int> topEdge(const QImage& shot)
{
    QVector<int> rows(shot.width(), -1);
    for (int x = 0; x < shot.width(); ++x)
        for (int y = 0; y < shot.height() && rows[x] < 0; ++y)
            if (!isBackground(shot.pixel(x, y)))
                rows[x] = y;
    return rows;
}

// Of the column pairs (2k, 2k + 1) with an envelope, the share whose top rows differ.
double pairsThatDiffer(const QImage& shot)
{
    const QVector<int> rows = topEdge(shot);
    int pairs = 0;
    int differ = 0;
    for (int x = 0; x + 1 < rows.size(); x += 2) {
        if (rows[x] < 0 || rows[x + 1] < 0)
            continue;
        ++pairs;
        differ += rows[x] != rows[x + 1];
    }
    return pairs ? double(differ) / pairs : 0.0;
}

// Of the aligned 2x2 blocks that hold part of the drawing, the share whose four pixels are not all the same.
double blocksWithDetail(const QImage& shot)
{
    int drawn = 0;
    int detailed = 0;
    for (int y = 0; y + 1 < shot.height(); y += 2)
        for (int x = 0; x + 1 < shot.width(); x += 2) {
            const QRgb p[4] = {shot.pixel(x, y), shot.pixel(x + 1, y), shot.pixel(x, y + 1), shot.pixel(x + 1, y + 1)};
            if (isBackground(p[0]) && isBackground(p[1]) && isBackground(p[2]) && isBackground(p[3]))
                continue;
            ++drawn;
            detailed += !(p[0] == p[1] && p[0] == p[2] && p[0] == p[3]);
        }
    return drawn ? double(detailed) / drawn : 0.0;
}

}  // namespace

class HiDpiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A tone whose loudness swings every 1700 samples (about three device columns at the zoom below), so
        // neighbouring device columns have envelopes of different heights.
        const core::AudioBuffer swinging = audioOf(1, kRate, 10 * kRate, [](int, SampleCount i) {
            const double t = double(i);
            const double loudness = 0.15 + 0.8 * 0.5 * (1.0 + std::sin(2.0 * kPi * t / 1700.0));
            return float(loudness * std::sin(2.0 * kPi * t / 9.3));
        });
        QVERIFY(core::AudioFileWriter::write(m_dir.filePath(QStringLiteral("swing.wav")), swinging,
                                             core::AudioFileFormat::WavFloat32));
    }

    void windowIsTwoX()
    {
        Lane lane(m_dir.path(), kWidth, kHeight);
        QVERIFY(QTest::qWaitForWindowExposed(&lane.window));
        QCOMPARE(lane.window.effectiveDevicePixelRatio(), 2.0);
    }

    void envelopeHasDevicePixelDetail()
    {
        // 512 samples per device pixel: two of the finest peak blocks a column.
        const QImage shot = laneShot(1024.0, 0.0, QStringLiteral("waveform-2x-peaks.png"));
        QCOMPARE(shot.size(), QSize(2 * kWidth, 2 * kHeight));

        const double detail = pairsThatDiffer(shot);
        const double magnified = pairsThatDiffer(magnifiedFromHalf(shot));
        QVERIFY2(detail > 0.5, qPrintable(QString::number(detail)));
        QCOMPARE(magnified, 0.0);
        // The top edge lands on odd rows as often as on even ones; a magnified lane has only even ones.
        int odd = 0;
        int edges = 0;
        for (int row : topEdge(shot))
            if (row >= 0) {
                ++edges;
                odd += row % 2;
            }
        QVERIFY2(odd > edges / 4 && odd < edges * 3 / 4, qPrintable(QStringLiteral("%1 of %2").arg(odd).arg(edges)));
    }

    void sampleLineHasDevicePixelDetail()
    {
        // 4 device pixels a sample: the antialiased polyline.
        const QImage shot = laneShot(0.5, kRate, QStringLiteral("waveform-2x-samples.png"));
        QCOMPARE(shot.size(), QSize(2 * kWidth, 2 * kHeight));

        const double detail = blocksWithDetail(shot);
        QVERIFY2(detail > 0.3, qPrintable(QString::number(detail)));
        QCOMPARE(blocksWithDetail(magnifiedFromHalf(shot)), 0.0);
    }

private:
    // The tone in a lane at this zoom and scroll, as the screen shows it once loaded (a null image if it never
    // loads); saved as `name` under the build folder to look at (a test never writes into the source tree).
    QImage laneShot(double samplesPerPixel, double viewStart, const QString& name)
    {
        Lane lane(m_dir.path(), kWidth, kHeight);
        lane.item->setSamplesPerPixel(samplesPerPixel);
        lane.item->setViewStart(viewStart);
        lane.item->setClips({clip(QStringLiteral("swing.wav"), 0, 0, 10 * kRate)});
        if (!QTest::qWaitForWindowExposed(&lane.window) || !lane.settle())
            return {};
        const QImage shot = lane.window.grabWindow();
        const QString dir = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
        if (!QDir().mkpath(dir) || !shot.save(dir + QLatin1Char('/') + name))
            qWarning("could not save %s", qPrintable(name));
        return shot;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(HiDpiTest)
#include "tst_waveform_hidpi.moc"
