// The audio-thread engine driven offline, buffer by buffer, exactly as the PortAudio callback drives it.
#include "RealtimeHooks.h"

#include "core/playback/PlaybackEngine.h"
#include "core/playback/RealtimeScope.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>

using namespace s2a;
using namespace s2a::core;

namespace {

constexpr int kRate = 48000;
constexpr int kBlock = 256;

// One track playing `signal` from timeline sample 0, both sides, unity gain.
std::unique_ptr<RenderPlan> planOf(const std::vector<float>& signal)
{
    auto plan = std::make_unique<RenderPlan>();
    plan->sampleRate = kRate;
    plan->length = SampleCount(signal.size());
    plan->tracks.resize(1);
    plan->tracks[0].clips.push_back({signal.data(), signal.data(), 0, SampleCount(signal.size())});
    return plan;
}

std::vector<float> rampSignal(int n)
{
    std::vector<float> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        v[size_t(i)] = float(i) / float(n);  // exact in float, distinct per sample
    return v;
}

std::vector<float> sineSignal(int n, double hz, float amplitude)
{
    std::vector<float> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        v[size_t(i)] = amplitude * float(std::sin(2.0 * M_PI * hz * i / kRate));
    return v;
}

// Runs `blocks` callbacks and returns the left channel.
std::vector<float> run(PlaybackEngine& engine, int blocks)
{
    std::vector<float> out;
    std::vector<float> l(kBlock), r(kBlock);
    for (int b = 0; b < blocks; ++b) {
        engine.process(l.data(), r.data(), kBlock);
        out.insert(out.end(), l.begin(), l.end());
    }
    return out;
}

float maxJump(const std::vector<float>& v, size_t from = 1)
{
    float worst = 0.0f;
    for (size_t i = std::max<size_t>(from, 1); i < v.size(); ++i)
        worst = std::max(worst, std::fabs(v[i] - v[i - 1]));
    return worst;
}

}  // namespace

class PlaybackEngineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void silentUntilPlayThenFadesIn()
    {
        const std::vector<float> dc(size_t(kRate), 0.5f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(dc));
        const std::vector<float> idle = run(engine, 4);
        QVERIFY(std::all_of(idle.begin(), idle.end(), [](float x) { return x == 0.0f; }));
        engine.play();
        const std::vector<float> out = run(engine, 4);
        const int fade = engine.fadeFrames();
        QCOMPARE(fade, 240);  // 5 ms at 48 kHz
        QVERIFY(out[0] > 0.0f && out[0] < 0.01f);  // the very first buffer already sounds
        for (int i = 1; i < fade; ++i)
            QVERIFY(out[size_t(i)] > out[size_t(i - 1)]);
        QCOMPARE(out[size_t(fade)], 0.5f);
        QVERIFY(maxJump(out) <= 0.5f / fade + 1e-6f);
    }

    void stopFadesOutAndReturnsToTheStart()
    {
        const std::vector<float> dc(size_t(kRate), 0.5f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(dc));
        engine.seek(1000);
        engine.play();
        run(engine, 8);
        engine.stop();
        const std::vector<float> out = run(engine, 2);
        QCOMPARE(out[size_t(engine.fadeFrames())], 0.0f);
        QVERIFY(maxJump(out) <= 0.5f / engine.fadeFrames() + 1e-6f);
        EngineReport report;
        QVERIFY(engine.latestReport(report));
        QVERIFY(!report.playing);
        QCOMPARE(report.position, SampleCount(1000));

        // Pause keeps the place.
        engine.play();
        run(engine, 4);
        engine.pause();
        run(engine, 2);
        QVERIFY(engine.latestReport(report));
        QCOMPARE(report.position, SampleCount(1000 + 5 * kBlock));
    }

    void seekLandsOnTheExactSample()
    {
        const std::vector<float> signal = rampSignal(kRate);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(signal));
        engine.seek(12345);
        engine.play();
        const std::vector<float> out = run(engine, 4);
        for (size_t i = size_t(engine.fadeFrames()); i < out.size(); ++i)
            QCOMPARE(out[i], signal[12345 + i]);

        // While playing: cross-fades over 5 ms, then plays from the new place exactly.
        engine.seek(30000);
        const std::vector<float> after = run(engine, 4);
        for (size_t i = size_t(engine.fadeFrames()); i < after.size(); ++i)
            QCOMPARE(after[i], signal[30000 + i]);
    }

    void aFullQueueKeepsTheNewestCommands()
    {
        // No callback runs (no device) while the user keeps seeking: far more commands than the queue holds.
        // When audio starts, the last seek and the Play after it are what count (a queue that refused the newest
        // kept seek 355 and lost the Play: silence).
        const std::vector<float> signal = rampSignal(kRate);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(signal));
        const SampleCount last = 100 + 1999;
        for (SampleCount position = 100; position <= last; ++position)
            engine.seek(position);
        engine.play();
        // The control thread's timer hands the held-back commands over, one queue-full per callback.
        std::vector<float> out;
        for (int block = 0; block < 12; ++block) {
            engine.collectGarbage();
            const std::vector<float> b = run(engine, 1);
            out.insert(out.end(), b.begin(), b.end());
        }
        const auto first = std::find_if(out.begin(), out.end(), [](float x) { return x != 0.0f; });
        QVERIFY2(first != out.end(), "it plays");
        const size_t start = size_t(first - out.begin());
        QVERIFY(start + size_t(engine.fadeFrames()) + kBlock < out.size());
        // It plays from the last seek: after the fade-in, sample for sample.
        for (size_t i = start + size_t(engine.fadeFrames()); i < out.size(); ++i)
            QCOMPARE(out[i], signal[size_t(last) + (i - start)]);
    }

    void loopWrapIsSampleContinuous()
    {
        const std::vector<float> signal = rampSignal(kRate);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(signal));
        engine.setLoop(true, 1000, 1700);  // 700 samples: wraps mid-buffer, at a different offset each time
        engine.seek(1500);
        engine.play();
        const std::vector<float> out = run(engine, 12);
        SampleCount expected = 1500;
        for (size_t i = 0; i < out.size(); ++i) {
            if (i >= size_t(engine.fadeFrames()))
                QCOMPARE(out[i], signal[size_t(expected)]);
            if (++expected == 1700)
                expected = 1000;
        }
        // A loop whose length is a whole number of periods sounds seamless: no jump beyond the sine's own slope.
        const std::vector<float> sine = sineSignal(kRate, 480.0, 0.5f);  // 100 samples per period
        PlaybackEngine smooth(kRate);
        smooth.publishPlan(planOf(sine));
        smooth.setLoop(true, 2000, 2600);
        smooth.seek(2000);
        smooth.play();
        const std::vector<float> looped = run(smooth, 20);
        const float slope = float(2.0 * M_PI * 480.0 / kRate * 0.5);
        QVERIFY(maxJump(looped, size_t(smooth.fadeFrames())) <= slope * 1.001f);
    }

    void takeSwitchCrossFadesWithoutAClick()
    {
        const std::vector<float> takeA = sineSignal(kRate, 440.0, 0.5f);
        const std::vector<float> takeB = sineSignal(kRate, 660.0, 0.5f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(takeA));
        engine.play();
        std::vector<float> out = run(engine, 10);
        engine.publishPlan(planOf(takeB));  // A/B switch while playing
        const std::vector<float> switched = run(engine, 10);
        out.insert(out.end(), switched.begin(), switched.end());
        const size_t switchAt = 10 * kBlock;
        // Each side moves at most its own slope per sample; the fade adds at most (1/fade) of the gap.
        const float slope = float(2.0 * M_PI * 660.0 / kRate * 0.5);
        const float bound = slope + 1.0f / float(engine.fadeFrames()) + 1e-4f;
        QVERIFY2(maxJump(out, size_t(engine.fadeFrames())) <= bound, qPrintable(QString::number(maxJump(out))));
        // After the fade: take B exactly, at the same timeline position.
        for (size_t i = switchAt + size_t(engine.fadeFrames()); i < out.size(); ++i)
            QCOMPARE(out[i], takeB[i]);
        engine.collectGarbage();  // the old plan comes back to this thread to be freed
    }

    void songEndStopsTransport()
    {
        const std::vector<float> dc(size_t(1000), 0.25f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(dc));
        engine.play();
        const std::vector<float> out = run(engine, 8);
        EngineReport report;
        QVERIFY(engine.latestReport(report));
        QVERIFY(!report.playing);
        QCOMPARE(report.position, SampleCount(1000));
        QCOMPARE(out[1500], 0.0f);
    }

    void masterGainIsSmoothed()
    {
        const std::vector<float> dc(size_t(kRate), 0.5f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(dc));
        engine.play();
        run(engine, 2);
        engine.setMasterGain(0.0f);
        const std::vector<float> out = run(engine, 2);
        QVERIFY(maxJump(out) <= 0.5f / kBlock + 1e-6f);
        QCOMPARE(out.back(), 0.0f);
    }

    void loadMetersMeasureTheCallbacksSinceTheirReset()
    {
        const std::vector<float> a = sineSignal(kRate, 440.0, 0.5f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(a));
        engine.play();
        QCOMPARE(engine.meanLoad(), 0.0);  // nothing processed yet: no division by zero
        engine.sampleLoad();
        QCOMPARE(engine.peakCpuLoad(), 0.0);  // no audio thread seen yet: nothing to read
        run(engine, 1);
        engine.sampleLoad();  // the window starts (this thread plays the audio thread)
        run(engine, 50);
        engine.sampleLoad();
        // The mean is the busy time over the audio produced, so it can never exceed the worst buffer.
        QVERIFY(engine.meanLoad() > 0.0);
        QVERIFY(engine.meanLoad() <= engine.peakLoad());
        // The window's CPU time is never more than the wall time the callbacks took (this thread did nothing
        // else in it), allowing the two clocks' granularity.
        QVERIFY(engine.peakCpuLoad() > 0.0);
        QVERIFY2(engine.peakCpuLoad() <= engine.peakLoad() + 0.01,
                 qPrintable(QStringLiteral("%1 vs %2").arg(engine.peakCpuLoad()).arg(engine.peakLoad())));
#ifdef __SANITIZE_ADDRESS__
        // The asan build (-O0, instrumented) mixes several times slower: the 5 % budget is the release build's.
        constexpr double kMeanLoadBudget = 0.5;
#else
        constexpr double kMeanLoadBudget = 0.05;
#endif
        QVERIFY2(engine.meanLoad() < kMeanLoadBudget, qPrintable(QString::number(engine.meanLoad())));
        engine.resetLoad();
        QCOMPARE(engine.peakLoad(), 0.0);
        QCOMPARE(engine.peakCpuLoad(), 0.0);
        QCOMPARE(engine.meanLoad(), 0.0);
        run(engine, 1);
        QVERIFY(engine.meanLoad() > 0.0);
    }

    // Settings > Audio > Test tone: a 440 Hz sine at -18 dBFS for the asked length, heard with the transport
    // stopped, on top of a playing song, never clicking, in a callback that still allocates and locks nothing.
    void testToneSoundsWithTheTransportStopped()
    {
        PlaybackEngine engine(kRate);
        const std::vector<float> dc(size_t(kRate), 0.25f);  // the plan points into it
        engine.publishPlan(planOf(dc));
        const std::uint64_t allocations = test::realtimeAllocations(), locks = test::realtimeLocks();
        engine.playTestTone(440.0, 0.5, 0.125f);
        std::vector<float> l(4096 + 1000), r(4096 + 1000);  // a buffer larger than kMaxFrames, split inside
        engine.process(l.data(), r.data(), int(l.size()));
        std::vector<float> out(l.begin(), l.end());
        const std::vector<float> rest = run(engine, 100);
        out.insert(out.end(), rest.begin(), rest.end());
        QCOMPARE(test::realtimeAllocations(), allocations);
        QCOMPARE(test::realtimeLocks(), locks);
        QCOMPARE(l, r);
        const size_t length = size_t(kRate / 2);
        QVERIFY(std::all_of(out.begin() + long(length), out.end(), [](float x) { return x == 0.0f; }));
        // Its level, away from the fades, and its pitch from the zero crossings of its middle 0.4 s.
        float peak = 0.0f;
        for (size_t i = 1000; i < length - 1000; ++i)
            peak = std::max(peak, std::fabs(out[i]));
        QVERIFY2(std::fabs(peak - 0.125f) < 1e-3f, qPrintable(QString::number(peak)));
        int crossings = 0;
        for (size_t i = size_t(kRate / 20) + 1; i < size_t(kRate * 9 / 20); ++i)
            crossings += (out[i - 1] < 0.0f) != (out[i] < 0.0f);
        QVERIFY2(std::abs(crossings - 2 * 176) <= 2, qPrintable(QString::number(crossings)));  // 440 Hz x 0.4 s
        QVERIFY(maxJump(out) < 2.0f * float(M_PI) * 440.0f / kRate * 0.125f + 1e-4f);  // no click at either end

        // On top of a playing song: the song's samples plus the tone.
        engine.play();
        run(engine, 4);  // past the start fade
        engine.playTestTone(440.0, 0.1, 0.125f);
        const std::vector<float> mixed = run(engine, 8);
        const float most = *std::max_element(mixed.begin(), mixed.end());
        QVERIFY2(most > 0.3f && most <= 0.25f + 0.125f + 1e-5f, qPrintable(QString::number(most)));
    }

    void theCallbackNeverAllocates()
    {
        const std::vector<float> a = sineSignal(kRate, 440.0, 0.5f);
        const std::vector<float> b = sineSignal(kRate, 660.0, 0.5f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(a));
        const std::uint64_t before = test::realtimeAllocations();
        const std::uint64_t allBefore = test::allAllocations();
        const std::uint64_t locksBefore = test::realtimeLocks(), clocksBefore = test::realtimeClockSystemCalls();
        const std::uint64_t outputsBefore = test::realtimeOutputs();
        engine.play();
        for (int round = 0; round < 20; ++round) {
            run(engine, 3);
            engine.publishPlan(planOf(round % 2 ? a : b));
            engine.seek(SampleCount(round) * 1000);
            engine.setLoop(round % 3 == 0, 5000, 9000);
            engine.setMasterGain(0.5f + 0.02f * float(round));
        }
        engine.stop();
        run(engine, 3);
        engine.sampleLoad();  // the control thread reads the callback's CPU clock: outside the callback
        QCOMPARE(test::realtimeAllocations(), before);
        QCOMPARE(test::realtimeLocks(), locksBefore);
        QCOMPARE(test::realtimeClockSystemCalls(), clocksBefore);
        QCOMPARE(test::realtimeOutputs(), outputsBefore);
        QVERIFY(test::allAllocations() > allBefore);  // the counter does see this thread's allocations
    }

    void theHooksSeeWhatACallbackMustNotDo()
    {
        // The same three things inside a callback's scope are counted (and outside it only in the totals), so
        // the zeros above are the hooks' finding, not their blindness.
        std::mutex mutex;
        const std::uint64_t allocations = test::realtimeAllocations(), locks = test::realtimeLocks();
        const std::uint64_t clocks = test::realtimeClockSystemCalls(), allLocks = test::allLocks();
        const std::uint64_t outputs = test::realtimeOutputs();
        FILE* log = std::fopen("/dev/null", "w");
        QVERIFY(log);
        std::fprintf(log, "before\n");  // stdio allocates a stream's buffer on its first write: here, not below
        {
            const std::lock_guard<std::mutex> outside(mutex);
        }
        QCOMPARE(test::realtimeLocks(), locks);
        QVERIFY(test::allLocks() > allLocks);
        {
            const core::realtime::Scope callback;
            // Both escape to the optimiser (an unused allocation may legally be elided).
            auto* block = static_cast<char*>(std::malloc(64));  // the C allocator, not operator new
            asm volatile("" : : "g"(block) : "memory");
            std::vector<int> grown(100);
            asm volatile("" : : "g"(grown.data()) : "memory");
            const std::lock_guard<std::mutex> inside(mutex);
            timespec cpu{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
            std::fprintf(log, "callback %d\n", 1);  // a log line
            std::free(block);
            QVERIFY(grown.size() == 100);
        }
        QCOMPARE(test::realtimeAllocations(), allocations + 2);
        QCOMPARE(test::realtimeLocks(), locks + 1);
        QCOMPARE(test::realtimeClockSystemCalls(), clocks + 1);
        std::fclose(log);
        QCOMPARE(test::realtimeOutputs(), outputs + 1);
    }

    void underrunsAreOursOnlyWhenTheMixerIsTooSlow()
    {
        const std::vector<float> a = sineSignal(kRate, 440.0, 0.5f);
        PlaybackEngine engine(kRate);
        engine.publishPlan(planOf(a));
        engine.play();
        run(engine, 1);
        engine.sampleLoad();
        // A light window: the host reports an underrun, but the audio thread used a sliver of its CPU budget.
        engine.noteXrun();
        run(engine, 20);
        engine.sampleLoad();
        QCOMPARE(engine.xruns(), std::uint64_t(1));
        QCOMPARE(engine.ownXruns(), std::uint64_t(0));
        // The rule for a window, on made-up windows of 10 ms of audio: only a mixer that is both on the CPU and
        // inside process() for most of the window is too slow. Host work around the callback (CPU, not inside
        // process()) and a core taken away inside process() (wall time, not CPU) are not the mixer's.
        using W = PlaybackEngine::LoadWindow;
        QCOMPARE(PlaybackEngine::mixerShare({0.009, 0.008, 0.010}), 0.8);
        QVERIFY(PlaybackEngine::mixerShare({0.009, 0.008, 0.010}) >= PlaybackEngine::kOwnXrunCpuShare);
        QVERIFY(PlaybackEngine::mixerShare({0.009, 0.001, 0.010}) < PlaybackEngine::kOwnXrunCpuShare);
        QVERIFY(PlaybackEngine::mixerShare({0.001, 0.009, 0.010}) < PlaybackEngine::kOwnXrunCpuShare);
        QCOMPARE(PlaybackEngine::mixerShare(W{0.001, 0.001, 0.0}), 0.0);
        // In the engine: this thread (the audio thread here) burns twice the audio's duration in CPU time
        // between callbacks, as a host would: not the mixer's, so still not ours.
        engine.noteXrun();
        run(engine, 4);
        const double audioSeconds = 4.0 * double(kBlock) / kRate;
        timespec start{}, now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
        volatile double sink = 0.0;
        do {
            for (int i = 0; i < 10000; ++i)
                sink = sink + std::sqrt(double(i));
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        } while (double(now.tv_sec - start.tv_sec) + 1e-9 * double(now.tv_nsec - start.tv_nsec) < 2.0 * audioSeconds);
        engine.sampleLoad();
        QCOMPARE(engine.xruns(), std::uint64_t(2));
        QCOMPARE(engine.ownXruns(), std::uint64_t(0));
        QVERIFY(engine.peakCpuLoad() < PlaybackEngine::kOwnXrunCpuShare);
    }
};

QTEST_GUILESS_MAIN(PlaybackEngineTest)
#include "tst_playback_engine.moc"
