// The tile renderer against the audio itself: every expectation is computed from the samples by brute force,
// never from the pyramid the renderer reads.
#include "tst_waveform_support.h"

#include "core/audio/PeakPyramid.h"
#include "ui/waveform/TileCache.h"
#include "ui/waveform/WaveformRenderer.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace s2a;
using namespace s2a::ui;
using core::SampleCount;
using s2a::test::waveform::audioOf;
using s2a::test::waveform::kPi;

namespace {

const QColor kColour(40, 120, 200);

struct Extent {
    int top = -1;  // first and last painted row within a lane, -1 when the column is empty there
    int bottom = -1;
    bool empty() const { return top < 0; }
};

Extent extentOf(const QImage& image, int column, int laneTop, int laneHeight, int minAlpha = 1)
{
    Extent e;
    for (int row = 0; row < laneHeight; ++row) {
        if (qAlpha(image.pixel(column, laneTop + row)) >= minAlpha) {
            if (e.top < 0)
                e.top = row;
            e.bottom = row;
        }
    }
    return e;
}

bool columnEmpty(const QImage& image, int column)
{
    return extentOf(image, column, 0, image.height()).empty();
}

// Noise under a slowly changing envelope, different per channel, so that neighbouring columns differ.
core::AudioBuffer noisyMusic(int channels, SampleCount frames)
{
    quint32 state = 12345;
    return audioOf(channels, 44100, frames, [&state](int c, SampleCount i) {
        state = state * 1664525u + 1013904223u;
        const double noise = double(state >> 8) / double(1 << 24) * 2.0 - 1.0;
        const double envelope = 0.1 + 0.8 * std::abs(std::sin(2.0 * kPi * double(i) / (300000.0 + 70000.0 * c)));
        return float(envelope * noise);
    });
}

WaveformClip clipOf(const core::SharedPeaks& peaks, SampleCount timelineStart, SampleCount sourceStart, SampleCount length)
{
    WaveformClip clip;
    clip.peaks = peaks;
    clip.timelineStart = timelineStart;
    clip.sourceStart = sourceStart;
    clip.length = length;
    return clip;
}

TileSpec specOf(qint64 firstPixel, int width, int height, double spp, int projectRate = 44100)
{
    TileSpec spec;
    spec.firstPixel = firstPixel;
    spec.width = width;
    spec.height = height;
    spec.samplesPerPixel = spp;
    spec.projectRate = projectRate;
    spec.colour = kColour;
    return spec;
}

SampleWindow windowOf(const core::AudioBuffer& audio, SampleCount first, SampleCount last)
{
    SampleWindow window;
    window.first = first;
    window.audio.sampleRate = audio.sampleRate;
    for (const auto& channel : audio.channels)
        window.audio.channels.emplace_back(channel.begin() + first, channel.begin() + last);
    return window;
}

std::pair<float, float> minMax(const std::vector<float>& x, SampleCount a, SampleCount b)
{
    a = std::clamp<SampleCount>(a, 0, SampleCount(x.size()));
    b = std::clamp<SampleCount>(b, a, SampleCount(x.size()));
    if (a == b)
        return {0.0f, 0.0f};
    const auto [lo, hi] = std::minmax_element(x.begin() + a, x.begin() + b);
    return {*lo, *hi};
}

}  // namespace

class RendererTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void envelopeMatchesSamples_data()
    {
        QTest::addColumn<double>("spp");
        QTest::addColumn<qint64>("firstPixel");
        QTest::addColumn<bool>("blockAligned");
        QTest::newRow("finest level, aligned") << 512.0 << qint64(512) << true;
        QTest::newRow("middle level, aligned, past the end") << 12288.0 << qint64(100) << true;
        QTest::newRow("finest level, fractional") << 700.5 << qint64(37) << false;
        QTest::newRow("coarsest level, fractional") << 70000.0 << qint64(3) << false;
    }

    void envelopeMatchesSamples()
    {
        QFETCH(double, spp);
        QFETCH(qint64, firstPixel);
        QFETCH(bool, blockAligned);
        const SampleCount frames = (SampleCount(1) << 21) + 12345;  // a partial last block at every level
        const core::AudioBuffer audio = noisyMusic(2, frames);
        const auto peaks = std::make_shared<const core::PeakPyramid>(core::PeakPyramid::build(audio));
        const int height = 121;  // odd: lanes of 60 and 61 rows
        const TileSpec spec = specOf(firstPixel, 256, height, spp);
        const RenderedTile tile = WaveformRenderer::render(spec, {clipOf(peaks, 0, 0, frames)});
        QVERIFY(tile.complete);

        int checked = 0;
        for (int c = 0; c < spec.width; ++c) {
            const double a = double(firstPixel + c) * spp;
            const double b = a + spp;
            if (a >= double(frames)) {
                QVERIFY2(columnEmpty(tile.image, c), qPrintable(QStringLiteral("column %1 after the clip").arg(c)));
                continue;
            }
            for (int ch = 0; ch < 2; ++ch) {
                const int laneTop = ch * height / 2;
                const int laneHeight = (ch + 1) * height / 2 - laneTop;
                const Extent drawn = extentOf(tile.image, c, laneTop, laneHeight);
                QVERIFY(!drawn.empty());
                const auto& x = audio.channels[size_t(ch)];
                const QString where = QStringLiteral("column %1 channel %2: drawn %3..%4").arg(c).arg(ch).arg(drawn.top).arg(drawn.bottom);
                if (blockAligned) {
                    // Column edges fall on block edges: the column must show exactly its samples' extremes.
                    const auto [lo, hi] = minMax(x, SampleCount(a), SampleCount(b));
                    QVERIFY2(std::abs(drawn.top - WaveformRenderer::rowFor(hi, laneHeight)) <= 1, qPrintable(where));
                    QVERIFY2(std::abs(drawn.bottom - WaveformRenderer::rowFor(lo, laneHeight)) <= 1, qPrintable(where));
                } else {
                    // Edges snap to the level's block grid, so a column may show up to one block (256 or 65536
                    // samples) of its left neighbour and miss as much at its end. Its extremes lie between those
                    // of the inner and the outer span.
                    const int block = core::PeakPyramid::kBlockSizes[size_t(WaveformRenderer::levelFor(spp))];
                    const auto [outerLo, outerHi] = minMax(x, SampleCount(a) - block, SampleCount(b) + 1);
                    const auto [innerLo, innerHi] = minMax(x, SampleCount(a) + 1, SampleCount(b) - block);
                    QVERIFY2(drawn.top >= WaveformRenderer::rowFor(outerHi, laneHeight) - 1, qPrintable(where));
                    QVERIFY2(drawn.bottom <= WaveformRenderer::rowFor(outerLo, laneHeight) + 1, qPrintable(where));
                    if (b - a > 2 * block) {
                        QVERIFY2(drawn.top <= WaveformRenderer::rowFor(innerHi, laneHeight) + 1, qPrintable(where));
                        QVERIFY2(drawn.bottom >= WaveformRenderer::rowFor(innerLo, laneHeight) - 1, qPrintable(where));
                    }
                }
                ++checked;
            }
        }
        QVERIFY(checked > 40);
    }

    void rmsDrawnInLighterShade()
    {
        const SampleCount frames = 1 << 18;
        const core::AudioBuffer audio = audioOf(1, 44100, frames, [](int, SampleCount i) {
            return float(0.8 * std::sin(2.0 * kPi * double(i) / 100.0));
        });
        const auto peaks = std::make_shared<const core::PeakPyramid>(core::PeakPyramid::build(audio));
        const RenderedTile tile = WaveformRenderer::render(specOf(0, 200, 100, 1024.0), {clipOf(peaks, 0, 0, frames)});
        const QRgb envelope = qPremultiply(kColour.rgba());
        const QRgb rms = qPremultiply(WaveformRenderer::rmsColour(kColour).rgba());
        QVERIFY(rms != envelope);
        QVERIFY(QColor(rms).lightness() > kColour.lightness());
        // A sine of amplitude 0.8 has an RMS of 0.566: the band around the centre is RMS, the peaks envelope.
        for (int c = 0; c < 200; ++c) {
            QCOMPARE(tile.image.pixel(c, WaveformRenderer::rowFor(0.0f, 100)), rms);
            QCOMPARE(tile.image.pixel(c, WaveformRenderer::rowFor(0.5f, 100)), rms);
            QCOMPARE(tile.image.pixel(c, WaveformRenderer::rowFor(0.75f, 100)), envelope);
            QCOMPARE(tile.image.pixel(c, WaveformRenderer::rowFor(-0.75f, 100)), envelope);
            QCOMPARE(qAlpha(tile.image.pixel(c, WaveformRenderer::rowFor(0.9f, 100))), 0);
        }
    }

    void gapBetweenClipsIsEmpty()
    {
        const SampleCount frames = 400000;
        const core::AudioBuffer audio = noisyMusic(2, frames);
        const auto peaks = std::make_shared<const core::PeakPyramid>(core::PeakPyramid::build(audio));
        // Clip 1 plays [0, 100000) at 0, clip 2 plays [50000, 150000) at 200000: silence in between.
        const RenderedTile tile = WaveformRenderer::render(
            specOf(0, 600, 80, 512.0), {clipOf(peaks, 0, 0, 100000), clipOf(peaks, 200000, 50000, 100000)});
        QVERIFY(tile.complete);
        for (int c = 0; c < 600; ++c) {
            const double a = c * 512.0;
            const double b = a + 512.0;
            const bool inClip = (b > 0 && a < 100000) || (b > 200000 && a < 300000);
            QVERIFY2(columnEmpty(tile.image, c) == !inClip, qPrintable(QStringLiteral("column %1").arg(c)));
        }
    }

    void clipMapsSourceAndRate()
    {
        // A ramp at 22050 Hz in a 44100 Hz project: the value shown at a timeline sample tells which file frame
        // the renderer mapped it to.
        const SampleCount frames = 300000;
        const core::AudioBuffer audio = audioOf(1, 22050, frames, [frames](int, SampleCount i) { return float(i) / float(frames); });
        const auto peaks = std::make_shared<const core::PeakPyramid>(core::PeakPyramid::build(audio));
        const SampleCount timelineStart = 100000;
        const SampleCount sourceStart = 200000;  // project samples: file frame 100000
        const int height = 200;
        const RenderedTile tile = WaveformRenderer::render(specOf(0, 400, height, 1024.0),
                                                           {clipOf(peaks, timelineStart, sourceStart, 300000)});
        int checked = 0;
        for (int c = 0; c < 400; ++c) {
            const double t = (c + 0.5) * 1024.0;
            if (t < timelineStart + 2048.0 || t > timelineStart + 300000 - 2048.0)
                continue;
            const double fileFrame = (double(sourceStart) + t - double(timelineStart)) * 0.5;
            const Extent drawn = extentOf(tile.image, c, 0, height);
            QVERIFY(!drawn.empty());
            const int expected = WaveformRenderer::rowFor(float(fileFrame / double(frames)), height);
            QVERIFY2(std::abs(drawn.top - expected) <= 1, qPrintable(QStringLiteral("column %1: row %2, expected %3").arg(c).arg(drawn.top).arg(expected)));
            ++checked;
        }
        QVERIFY(checked > 200);
        QVERIFY(columnEmpty(tile.image, 10));  // before the clip
    }

    void stereoIsTwoLanesMonoIsOne()
    {
        const SampleCount frames = 100000;
        const auto stereo = std::make_shared<const core::PeakPyramid>(core::PeakPyramid::build(
            audioOf(2, 44100, frames, [](int c, SampleCount) { return c == 0 ? 0.5f : -0.25f; })));
        const auto mono = std::make_shared<const core::PeakPyramid>(core::PeakPyramid::build(
            audioOf(1, 44100, frames, [](int, SampleCount) { return 0.5f; })));
        const RenderedTile s = WaveformRenderer::render(specOf(0, 64, 100, 1024.0), {clipOf(stereo, 0, 0, frames)});
        const RenderedTile m = WaveformRenderer::render(specOf(0, 64, 100, 1024.0), {clipOf(mono, 0, 0, frames)});
        for (int c = 0; c < 64; ++c) {
            const Extent left = extentOf(s.image, c, 0, 50);
            const Extent right = extentOf(s.image, c, 50, 50);
            QCOMPARE(left.top, WaveformRenderer::rowFor(0.5f, 50));
            QCOMPARE(left.bottom, left.top);
            QCOMPARE(right.top, WaveformRenderer::rowFor(-0.25f, 50));
            QCOMPARE(right.bottom, right.top);
            const Extent whole = extentOf(m.image, c, 0, 100);
            QCOMPARE(whole.top, WaveformRenderer::rowFor(0.5f, 100));
            QCOMPARE(whole.bottom, whole.top);
        }
    }

    void sampleZoomDrawsTheSamples_data()
    {
        QTest::addColumn<double>("spp");
        QTest::newRow("polyline, 4 px per sample") << 0.25;
        QTest::newRow("polyline with dots, 10 px per sample") << 0.1;
        QTest::newRow("sample min/max, 20 samples per px") << 20.0;
    }

    void sampleZoomDrawsTheSamples()
    {
        QFETCH(double, spp);
        const SampleCount frames = 200000;
        const double period = spp < 1.0 ? 200.0 : 8000.0;  // a slow sine at either zoom
        const core::AudioBuffer audio = audioOf(1, 44100, frames, [period](int, SampleCount i) {
            return float(0.9 * std::sin(2.0 * kPi * double(i) / period));
        });
        const auto peaks = std::make_shared<const core::PeakPyramid>(core::PeakPyramid::build(audio));
        const int height = 100;
        const TileSpec spec = specOf(qint64(std::llround(50000.0 / spp)), 256, height, spp);
        WaveformClip clip = clipOf(peaks, 0, 0, frames);

        // Without samples nothing is drawn and the tile says it is incomplete.
        const RenderedTile pending = WaveformRenderer::render(spec, {clip});
        QVERIFY(!pending.complete);
        const auto range = WaveformRenderer::sampleRange(spec, clip);
        QVERIFY(range.has_value());
        QVERIFY(range->length() < 256 * spp + 16);  // only the tile's samples are asked for
        for (int c = 0; c < 256; ++c)
            QVERIFY(columnEmpty(pending.image, c));

        const SampleWindow window = windowOf(audio, range->first, range->last);
        clip.samples = &window;
        const RenderedTile tile = WaveformRenderer::render(spec, {clip});
        QVERIFY(tile.complete);
        auto rowOf = [height](double v) { return (1.0 - v) * 0.5 * height; };
        for (int c = 0; c < 256; ++c) {
            const double t0 = double(spec.firstPixel + c) * spp;
            const double t1 = t0 + spp;
            // Where the curve lies within this column (the sine between its samples, which the line follows
            // to within a row at these zooms).
            double lo = 1.0;
            double hi = -1.0;
            for (int k = 0; k <= 16; ++k) {
                const double v = 0.9 * std::sin(2.0 * kPi * (t0 - 1.0 + (t1 - t0 + 1.0) * k / 16.0) / period);
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            const Extent drawn = extentOf(tile.image, c, 0, height, 96);
            const QString where = QStringLiteral("column %1: rows %2..%3, curve %4..%5").arg(c).arg(drawn.top).arg(drawn.bottom).arg(rowOf(hi)).arg(rowOf(lo));
            QVERIFY2(!drawn.empty(), qPrintable(where));
            QVERIFY2(drawn.top >= rowOf(hi) - 3.0 && drawn.bottom <= rowOf(lo) + 3.0, qPrintable(where));
        }
        if (spp <= 1.0 / WaveformRenderer::kDotsFrom) {
            // Dots: columns at a sample carry more ink than columns halfway between two samples.
            auto ink = [&tile, height](int c) {
                int sum = 0;
                for (int row = 0; row < height; ++row)
                    sum += qAlpha(tile.image.pixel(c, row));
                return sum;
            };
            double atSamples = 0.0;
            double between = 0.0;
            int count = 0;
            for (SampleCount i = SampleCount(std::ceil(spec.firstPixel * spp)) + 1; (double(i) + 1) / spp < spec.firstPixel + 250; ++i) {
                const int at = int(std::floor(double(i) / spp)) - int(spec.firstPixel);
                const int mid = int(std::floor((double(i) + 0.5) / spp)) - int(spec.firstPixel);
                atSamples += ink(at);
                between += ink(mid);
                ++count;
            }
            QVERIFY(count > 10);
            QVERIFY2(atSamples > 1.3 * between, qPrintable(QStringLiteral("%1 vs %2").arg(atSamples).arg(between)));
        }
    }

    void tileCacheEvictsLeastRecentlyUsed()
    {
        const QImage image(16, 16, QImage::Format_ARGB32_Premultiplied);  // 1 KiB
        TileCache cache(3 * image.sizeInBytes());
        for (int i = 0; i < 3; ++i)
            cache.insert(TileCache::Key::of(2.0, i), {image, true, 0});
        QVERIFY(cache.find(TileCache::Key::of(2.0, 0)));  // 0 is now the most recent
        cache.insert(TileCache::Key::of(2.0, 3), {image, true, 0});
        QCOMPARE(cache.size(), 3);
        QVERIFY(!cache.find(TileCache::Key::of(2.0, 1)));
        QVERIFY(cache.find(TileCache::Key::of(2.0, 0)));
        QVERIFY(cache.find(TileCache::Key::of(2.0, 3)));
        QVERIFY(!cache.find(TileCache::Key::of(4.0, 3)));  // another zoom is another tile
        QCOMPARE(cache.bytes(), 3 * image.sizeInBytes());
    }
};

QObject* s2a::test::waveform::makeRendererTest()
{
    return new RendererTest;
}

#include "tst_waveform_renderer.moc"
