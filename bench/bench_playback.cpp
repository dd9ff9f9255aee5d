// Playback figures: (1) render cost of 16 stereo stems for a 256-frame buffer at 48 kHz as a share of the
// buffer period (goal <= 5 %); (2) time from play() to the first non-silent buffer handed to PortAudio,
// measured on a real stream against a private JACK dummy server (goal <= one buffer period).
#include "JackDummyServer.h"

#include "core/playback/AudioOutput.h"
#include "core/playback/PlaybackEngine.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

using namespace s2a::core;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRate = 48000;
constexpr int kFrames = 256;
constexpr int kStems = 16;
const double kPeriodMs = 1000.0 * kFrames / kRate;

std::unique_ptr<RenderPlan> sixteenStems(std::vector<std::vector<float>>& storage, int seconds)
{
    auto plan = std::make_unique<RenderPlan>();
    plan->sampleRate = kRate;
    plan->length = SampleCount(seconds) * kRate;
    storage.resize(2 * kStems);
    for (int s = 0; s < kStems; ++s) {
        for (int c = 0; c < 2; ++c) {
            auto& v = storage[size_t(2 * s + c)];
            v.resize(size_t(plan->length));
            for (size_t i = 0; i < v.size(); ++i)
                v[i] = 0.05f * float(std::sin(0.01 * double(i) * (s + 1) + c));
        }
        PlanTrack track;
        panGains(-3.0, (s % 5 - 2) * 0.4, track.gainLeft, track.gainRight);
        // Four clips per stem, as sections with their own takes would give.
        const SampleCount quarter = plan->length / 4;
        for (int q = 0; q < 4; ++q)
            track.clips.push_back({storage[size_t(2 * s)].data() + q * quarter,
                                   storage[size_t(2 * s + 1)].data() + q * quarter, q * quarter, quarter});
        plan->tracks.push_back(std::move(track));
    }
    return plan;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[size_t(p * double(v.size() - 1))];
}

void renderCost()
{
    std::vector<std::vector<float>> storage;
    PlaybackEngine engine(kRate);
    engine.publishPlan(sixteenStems(storage, 60));
    engine.play();
    std::vector<float> l(kFrames), r(kFrames);
    std::vector<double> micros;
    const int buffers = int(60.0 * kRate / kFrames) - 8;
    for (int i = 0; i < buffers; ++i) {
        const auto t0 = Clock::now();
        engine.process(l.data(), r.data(), kFrames);
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    double mean = 0;
    for (double m : micros)
        mean += m;
    mean /= double(micros.size());
    std::printf("render, %d stereo stems, %d frames at %d Hz (%.2f ms period), %d buffers:\n", kStems, kFrames, kRate,
                kPeriodMs, buffers);
    std::printf("  mean %.1f us = %.2f %% of the period (goal 5 %%, %.2fx of budget); p99 %.1f us = %.2f %%; max %.1f us\n",
                mean, 100.0 * mean / (kPeriodMs * 1000.0), (100.0 * mean / (kPeriodMs * 1000.0)) / 5.0,
                percentile(micros, 0.99), 100.0 * percentile(micros, 0.99) / (kPeriodMs * 1000.0),
                percentile(micros, 1.0));
}

void timeToSound()
{
    s2a::test::JackDummyServer jack(kRate, kFrames);
    QString error;
    if (!jack.start(&error)) {
        std::printf("play-to-sound: skipped, no JACK dummy server (%s)\n", qPrintable(error));
        return;
    }
    std::vector<std::vector<float>> storage;
    auto engine = std::make_shared<PlaybackEngine>(kRate);
    engine->publishPlan(sixteenStems(storage, 20));
    AudioOutput output;
    OutputSettings settings;
    for (const OutputDevice& d : output.devices())
        if (d.hostApi.contains(QLatin1String("JACK")))
            settings.deviceName = d.name;
    settings.framesPerBuffer = kFrames;
    if (s2a::Status s = output.open(settings, engine); !s) {
        std::printf("play-to-sound: skipped (%s)\n", qPrintable(s.errorMessage()));
        return;
    }
    std::vector<double> ms;
    for (int run = 0; run < 25; ++run) {
        EngineReport report;
        while (engine->latestReport(report)) {
        }
        // Start at a random phase of the period, as a user's key press would.
        std::this_thread::sleep_for(std::chrono::microseconds(20000 + (run * 1733) % 5333));
        const auto t0 = Clock::now();
        engine->play();
        // Spin (yielding) rather than sleep: the figure is the engine's latency, not this loop's.
        for (;;) {
            if (engine->latestReport(report) && report.masterLeft.peak > 0.0f)
                break;
            std::this_thread::yield();
        }
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        engine->stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        engine->collectGarbage();
    }
    output.close();
    std::printf("play() to first non-silent buffer handed to PortAudio (JACK dummy, %d frames), 25 presses:\n", kFrames);
    std::printf("  median %.2f ms, max %.2f ms (goal <= one period, %.2f ms; max is %.2fx of it)\n", percentile(ms, 0.5),
                percentile(ms, 1.0), kPeriodMs, percentile(ms, 1.0) / kPeriodMs);
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    renderCost();
    timeToSound();
    return 0;
}
