// Peak pyramid build and cache timings for a 10-minute stereo 44.1 kHz song, against the 300 ms build goal
// (the waveform of a freshly generated or imported song must appear without a noticeable wait).

#include "core/audio/AudioFileWriter.h"
#include "core/audio/PeakCache.h"
#include "core/audio/PeakPyramid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace s2a::core;

namespace {

constexpr int kRuns = 5;
constexpr double kPi = 3.14159265358979323846;
constexpr double kBuildGoalMs = 300.0;

double medianMs(const std::function<void()>& work, int runs = kRuns)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Music-like enough for the figures: tones plus noise, so no block is trivially constant.
AudioBuffer tenMinuteSong()
{
    const int rate = 44100;
    const SampleCount frames = SampleCount(rate) * 600;
    AudioBuffer audio = AudioBuffer::silence(2, frames, rate);
    QRandomGenerator random(1);
    for (int c = 0; c < 2; ++c) {
        auto& x = audio.channels[size_t(c)];
        for (SampleCount i = 0; i < frames; ++i) {
            const double t = double(i) / rate;
            x[size_t(i)] = float(0.4 * std::sin(2.0 * kPi * (220.0 + 110.0 * c) * t) * std::sin(0.5 * t)
                                 + 0.1 * (random.generateDouble() - 0.5));
        }
    }
    return audio;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const AudioBuffer audio = tenMinuteSong();
    std::printf("threads: %d\n", QThreadPool::globalInstance()->maxThreadCount());

    PeakPyramid pyramid = PeakPyramid::build(audio);  // warm-up: page in the samples and the pool's threads
    const double buildMs = medianMs([&] { pyramid = PeakPyramid::build(audio); });
    std::printf("peak pyramid build, 10 min stereo 44.1 kHz: %.1f ms (goal %.0f ms, %.2fx of budget)\n", buildMs,
                kBuildGoalMs, buildMs / kBuildGoalMs);

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("song.wav"));
    if (const auto written = AudioFileWriter::write(file, audio, AudioFileFormat::Wav16); !written) {
        std::fprintf(stderr, "%s\n", qPrintable(written.errorMessage()));
        return 1;
    }
    const double storeMs = medianMs([&] {
        if (const auto stored = PeakCache::store(file, pyramid); !stored)
            qFatal("%s", qPrintable(stored.errorMessage()));
    });
    std::printf("peak cache write (%.1f MiB): %.1f ms\n",
                double(QFile(PeakCache::cachePathFor(file)).size()) / (1024.0 * 1024.0), storeMs);
    const double loadMs = medianMs([&] {
        const auto loaded = PeakCache::load(file);
        if (!loaded || loaded.value() != pyramid)
            qFatal("cache load failed: %s", qPrintable(loaded.errorMessage()));
    });
    std::printf("peak cache load: %.1f ms\n", loadMs);
    const double coldMs = medianMs(
        [&] {
            QFile::remove(PeakCache::cachePathFor(file));
            if (const auto built = PeakCache::loadOrBuild(file); !built)
                qFatal("%s", qPrintable(built.errorMessage()));
        },
        3);
    std::printf("first open without cache (decode 16-bit WAV + build + write cache): %.1f ms\n", coldMs);
    return 0;
}
