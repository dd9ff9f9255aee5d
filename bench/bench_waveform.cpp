// Waveform lane cost for a 10-minute stereo 44.1 kHz song in a 1600x120 item: the first complete paint after
// opening (peaks built from the audio, then from the on-disk cache), and the cost of one frame at three zooms,
// with every tile new and while scrolling (plus 3 s, the widest zoom drawn from raw samples rather than peaks). Goals: a frame within 8 ms (half of a 60 Hz frame, the rest is the
// scene graph's), the first paint within 500 ms.
//
// A frame is what the scene graph asks of the item: updatePolish() (prepareFrame: render missing tiles) and
// paint() into a texture-sized image. Run under a display (scripts/dev bench does); without one the offscreen
// platform is used, which paints the same.

#include "core/audio/AudioFileWriter.h"
#include "core/audio/PeakCache.h"
#include "ui/waveform/PeakStore.h"
#include "ui/waveform/WaveformItem.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

using namespace s2a;
using core::SampleCount;

namespace {

constexpr int kRate = 44100;
constexpr SampleCount kFrames = SampleCount(kRate) * 600;
constexpr int kWidth = 1600;
constexpr int kHeight = 120;
constexpr double kFrameGoalMs = 8.0;
constexpr double kFirstPaintGoalMs = 500.0;
constexpr double kPi = 3.14159265358979323846;

core::AudioBuffer tenMinuteSong()
{
    core::AudioBuffer audio = core::AudioBuffer::silence(2, kFrames, kRate);
    QRandomGenerator random(1);
    for (int c = 0; c < 2; ++c) {
        auto& x = audio.channels[size_t(c)];
        for (SampleCount i = 0; i < kFrames; ++i) {
            const double t = double(i) / kRate;
            x[size_t(i)] = float(0.4 * std::sin(2.0 * kPi * (220.0 + 110.0 * c) * t) * std::sin(0.5 * t)
                                 + 0.1 * (random.generateDouble() - 0.5));
        }
    }
    return audio;
}

struct Stats {
    double median = 0.0;
    double p95 = 0.0;
    double max = 0.0;
};

Stats statsOf(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.empty())
        return {};
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))], ms.back()};
}

bool waitReady(ui::WaveformItem& item)
{
    if (item.ready())
        return true;
    QEventLoop loop;
    QObject::connect(&item, &ui::WaveformItem::readyChanged, &loop, [&] {
        if (item.ready())
            loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return item.ready();
}

// One frame as the scene graph drives it; returns milliseconds.
double frame(ui::WaveformItem& item, QImage& target)
{
    QElapsedTimer timer;
    timer.start();
    item.prepareFrame();
    target.fill(Qt::transparent);
    QPainter painter(&target);
    item.paint(&painter);
    painter.end();
    return double(timer.nsecsElapsed()) / 1e6;
}

std::unique_ptr<ui::WaveformItem> makeItem(const QString& audioDir, double spp)
{
    auto item = std::make_unique<ui::WaveformItem>();
    item->setSize(QSizeF(kWidth, kHeight));
    item->setAudioDir(audioDir);
    item->setSampleRate(kRate);
    item->setSamplesPerPixel(spp);
    return item;
}

QVariantList songClips()
{
    return {QVariantMap{{QStringLiteral("file"), QStringLiteral("song.wav")},
                        {QStringLiteral("timelineStart"), 0.0},
                        {QStringLiteral("sourceStart"), 0.0},
                        {QStringLiteral("length"), double(kFrames)}}};
}

// From setting the clips on a fresh item to the end of its first complete frame.
double firstPaintMs(const QString& audioDir, double spp, QImage& target)
{
    auto item = makeItem(audioDir, spp);
    QElapsedTimer timer;
    timer.start();
    item->setClips(songClips());
    if (!waitReady(*item))
        std::fprintf(stderr, "the peaks did not load: %s\n", qPrintable(item->errorString()));
    frame(*item, target);
    return double(timer.nsecsElapsed()) / 1e6;
}

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QTemporaryDir dir;
    const QString audioDir = dir.filePath(QStringLiteral("audio"));
    QDir().mkpath(audioDir);
    const QString file = QDir(audioDir).filePath(QStringLiteral("song.wav"));
    {
        const core::AudioBuffer audio = tenMinuteSong();
        if (const Status written = core::AudioFileWriter::write(file, audio, core::AudioFileFormat::Wav16); !written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.errorMessage()));
            return 1;
        }
    }
    QImage target(kWidth, kHeight, QImage::Format_ARGB32_Premultiplied);
    const double wholeSpp = double(kFrames) / kWidth;
    std::printf("song: 10 min stereo 44.1 kHz (16-bit WAV), item %dx%d px\n", kWidth, kHeight);

    // Opening: cold (no .peaks file: decode and build), warm on-disk cache, and already in memory (another lane).
    std::vector<double> cold;
    std::vector<double> warm;
    std::vector<double> memory;
    for (int run = 0; run < 3; ++run) {
        ui::PeakStore::instance().clear();
        QFile::remove(core::PeakCache::cachePathFor(file));
        cold.push_back(firstPaintMs(audioDir, wholeSpp, target));
        ui::PeakStore::instance().clear();
        warm.push_back(firstPaintMs(audioDir, wholeSpp, target));
        memory.push_back(firstPaintMs(audioDir, wholeSpp, target));
    }
    const Stats coldStats = statsOf(cold);
    const Stats warmStats = statsOf(warm);
    const Stats memoryStats = statsOf(memory);
    std::printf("first paint, cold (peaks built): %.1f ms (goal %.0f ms, %.2fx of budget)\n", coldStats.median,
                kFirstPaintGoalMs, coldStats.median / kFirstPaintGoalMs);
    std::printf("first paint, warm on-disk peak cache: %.1f ms (%.2fx of budget)\n", warmStats.median,
                warmStats.median / kFirstPaintGoalMs);
    std::printf("first paint, peaks already in memory: %.2f ms (%.3fx of budget)\n", memoryStats.median,
                memoryStats.median / kFirstPaintGoalMs);

    struct Zoom {
        const char* name;
        double visibleSamples;
    };
    const Zoom zooms[] = {{"whole song", double(kFrames)}, {"10 s", 10.0 * kRate}, {"3 s", 3.0 * kRate}, {"50 ms", 0.05 * kRate}};
    QRandomGenerator random(7);
    double worst = 0.0;
    for (const Zoom& zoom : zooms) {
        const double spp = zoom.visibleSamples / kWidth;
        auto item = makeItem(audioDir, spp);
        item->setClips(songClips());
        waitReady(*item);

        // Every tile new: a fresh position each time (and a colour change, which clears the cache, for the whole
        // song), with the data already loaded so that the figure is the rendering alone.
        std::vector<double> fresh;
        for (int run = 0; run < 20; ++run) {
            const double maxStart = std::max(0.0, double(kFrames) - zoom.visibleSamples);
            item->setViewStart(std::floor(random.generateDouble() * maxStart));
            item->setColour(run % 2 ? QColor(0x4f, 0x9f, 0xe6) : QColor(0xe6, 0x9f, 0x4f));
            waitReady(*item);
            fresh.push_back(frame(*item, target));
        }

        // Scrolling at 8 px per frame (480 px/s, a brisk drag), letting loads finish between frames like the event
        // loop would; frames drawn while samples were still loading are counted.
        item->setViewStart(double(kFrames) * 0.3);
        waitReady(*item);
        frame(*item, target);
        std::vector<double> scrolling;
        int waiting = 0;
        const int rendered = item->tilesRendered();
        for (int f = 0; f < 600; ++f) {
            item->setViewStart(item->viewStart() + 8.0 * spp);
            QCoreApplication::processEvents();
            if (!item->ready())
                ++waiting;
            scrolling.push_back(frame(*item, target));
        }
        const Stats freshStats = statsOf(fresh);
        const Stats scrollStats = statsOf(scrolling);
        std::printf("frame, %-10s (%.2f samples/px): new tiles %.2f ms (p95 %.2f), scrolling %.3f ms (p95 %.2f, max "
                    "%.2f; %d tiles in 600 frames, %d frames waited for samples); goal %.0f ms: %.2fx / %.2fx\n",
                    zoom.name, spp, freshStats.median, freshStats.p95, scrollStats.median, scrollStats.p95,
                    scrollStats.max, item->tilesRendered() - rendered, waiting, kFrameGoalMs,
                    freshStats.median / kFrameGoalMs, scrollStats.p95 / kFrameGoalMs);
        worst = std::max({worst, freshStats.p95, scrollStats.p95});
    }
    std::printf("worst p95 frame: %.2f ms (%.2fx of the %.0f ms budget)\n", worst, worst / kFrameGoalMs, kFrameGoalMs);
    return 0;
}
