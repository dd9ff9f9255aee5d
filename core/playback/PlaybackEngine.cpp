#include "core/playback/PlaybackEngine.h"

#include "core/playback/RealtimeScope.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>

#include <pthread.h>

namespace s2a::core {
namespace {

// 5 ms: long enough that a start, stop, seek or take switch never clicks, short enough to feel instant.
int fadeLengthFor(int sampleRate) { return std::max(1, int(std::lround(sampleRate * 0.005))); }

}  // namespace

PlaybackEngine::PlaybackEngine(int sampleRate)
    : m_sampleRate(sampleRate), m_fadeFrames(fadeLengthFor(sampleRate)), m_scratch(2 * kMaxFrames),
      m_fromLeft(kMaxFrames), m_fromRight(kMaxFrames)
{
}

PlaybackEngine::~PlaybackEngine()
{
    // The audio thread is gone by now (the stream is closed before the engine dies).
    collectGarbage();
    delete m_pending.exchange(nullptr);
    if (m_fadingFromPlan != m_plan)
        delete m_fadingFromPlan;
    delete m_plan;
}

// ---- control thread ---------------------------------------------------------------------------------------

void PlaybackEngine::publishPlan(std::unique_ptr<RenderPlan> plan)
{
    // A plan the audio thread never picked up can be freed right here: it was never seen there.
    delete m_pending.exchange(plan.release(), std::memory_order_acq_rel);
    collectGarbage();
}

void PlaybackEngine::send(const Command& command)
{
    // 256 queue slots outlast any burst the UI makes between two callbacks. When the audio thread is not
    // running (no device, a stalled stream), commands wait in the control thread's backlog instead, and past
    // kMaxBacklog the oldest are dropped: the newest say what the user wants now (a queue that refuses the newest
    // would lose the last Stop and keep a stale Seek).
    m_backlog.push_back(command);
    if (m_backlog.size() > kMaxBacklog)
        m_backlog.pop_front();
    flushBacklog();
}

void PlaybackEngine::flushBacklog()
{
    while (!m_backlog.empty() && m_commands.push(m_backlog.front()))
        m_backlog.pop_front();
}

void PlaybackEngine::play() { send({CommandType::Play}); }
void PlaybackEngine::pause() { send({CommandType::Pause}); }
void PlaybackEngine::stop() { send({CommandType::Stop}); }
void PlaybackEngine::seek(SampleCount position) { send({CommandType::Seek, false, position}); }
void PlaybackEngine::setLoop(bool enabled, SampleCount start, SampleCount end)
{
    send({CommandType::SetLoop, enabled, start, end});
}
void PlaybackEngine::setMasterGain(float gain) { send({CommandType::SetMasterGain, false, 0, 0, gain}); }

void PlaybackEngine::playTestTone(double frequency, double seconds, float gain)
{
    // a: frequency in millihertz, b: length in frames; value: gain.
    send({CommandType::TestTone, false, SampleCount(std::llround(frequency * 1000.0)),
          SampleCount(std::llround(seconds * m_sampleRate)), gain});
}

int PlaybackEngine::collectGarbage()
{
    flushBacklog();
    int freed = 0;
    RenderPlan* plan = nullptr;
    while (m_retired.pop(plan)) {
        delete plan;
        ++freed;
    }
    return freed;
}

bool PlaybackEngine::latestReport(EngineReport& report)
{
    bool any = false;
    while (m_reports.pop(report))
        any = true;
    return any;
}

LevelMeter PlaybackEngine::trackMeter(int track) const
{
    if (track < 0 || track >= kMaxTracks)
        return {};
    return {m_trackMeters[size_t(2 * track)].load(std::memory_order_relaxed),
            m_trackMeters[size_t(2 * track + 1)].load(std::memory_order_relaxed)};
}

// ---- audio thread -----------------------------------------------------------------------------------------

void PlaybackEngine::retire(RenderPlan* plan)
{
    if (plan && !m_retired.push(plan)) {
        // Only if the control thread stopped collecting for 256 plan swaps; leaking beats freeing here.
    }
}

void PlaybackEngine::applyCommands()
{
    Command c;
    while (m_commands.pop(c)) {
        switch (c.type) {
        case CommandType::Play:
            if (m_transport != Transport::Playing) {
                if (m_transport == Transport::Stopped)
                    m_playStart = m_position;
                m_transport = Transport::Playing;
                m_stopAfterFade = false;
            }
            break;
        case CommandType::Pause:
        case CommandType::Stop:
            if (m_transport == Transport::Stopped) {
                if (c.type == CommandType::Stop)
                    m_position = m_playStart;
            } else {
                m_transport = Transport::FadingOut;
                m_stopAfterFade = c.type == CommandType::Stop;
            }
            break;
        case CommandType::Seek:
            if (m_transport == Transport::Stopped) {
                m_position = c.a;
                m_playStart = c.a;
            } else {
                m_pendingSeek = c.a;
            }
            break;
        case CommandType::SetLoop:
            m_loop = c.flag && c.b > c.a;
            m_loopStart = c.a;
            m_loopEnd = c.b;
            break;
        case CommandType::SetMasterGain:
            m_masterTarget = std::max(0.0f, c.value);
            break;
        case CommandType::TestTone:
            m_testTone.start(m_sampleRate, double(c.a) / 1000.0, double(c.b) / m_sampleRate, c.value);
            break;
        }
    }
}

void PlaybackEngine::adoptPendingPlan()
{
    RenderPlan* next = m_pending.exchange(nullptr, std::memory_order_acq_rel);
    if (!next)
        return;
    if (m_transport == Transport::Stopped || !m_plan) {
        retire(m_plan);
        m_plan = next;
        return;
    }
    // Cross-fade from the plan that is sounding now to the new one, at the same position.
    beginCrossfadeFromCurrent();
    m_plan = next;
}

void PlaybackEngine::endCrossfade()
{
    // The source is the current plan itself during a seek cross-fade; only a replaced plan is retired.
    if (m_fadingFromPlan && m_fadingFromPlan != m_plan)
        retire(m_fadingFromPlan);
    m_fadingFromPlan = nullptr;
}

void PlaybackEngine::beginCrossfadeFromCurrent()
{
    endCrossfade();
    m_fadingFromPlan = m_plan;
    m_fadingFromPosition = m_position;
    m_crossfadeDone = 0;
}

void PlaybackEngine::renderTimeline(const RenderPlan* plan, SampleCount& position, int frames, float* l, float* r,
                                    bool meters)
{
    int done = 0;
    bool first = true;
    while (done < frames) {
        int count = frames - done;
        const bool wraps = m_loop && position < m_loopEnd;
        if (wraps)
            count = int(std::min<SampleCount>(count, m_loopEnd - position));
        LevelMeter* trackMeters = meters && plan->tracks.size() <= size_t(kMaxTracks) ? m_trackScratch.data() : nullptr;
        if (!first)
            trackMeters = nullptr;  // the first part of a wrapped buffer is enough for a meter
        renderMix(*plan, position, count, l + done, r + done, m_scratch.data(), trackMeters);
        first = false;
        done += count;
        position += count;
        if (wraps && position >= m_loopEnd)
            position = m_loopStart;  // sample-continuous: the next sample is the loop start
    }
}

namespace {

void raiseTo(std::atomic<double>& peak, double value)
{
    if (value > peak.load(std::memory_order_relaxed))
        peak.store(value, std::memory_order_relaxed);  // only the audio thread raises it
}

}  // namespace

void PlaybackEngine::process(float* left, float* right, int frames)
{
    const realtime::Scope realtimeScope;
    // steady_clock reads the vDSO clock: no system call, no allocation.
    const auto started = std::chrono::steady_clock::now();
    clockid_t clock = 0;
    if (pthread_getcpuclockid(pthread_self(), &clock) == 0) {
        m_audioClock.store(clock, std::memory_order_relaxed);
        m_audioClockKnown.store(true, std::memory_order_release);
    }
    const int total = frames;
    // Larger buffers than kMaxFrames are split; the scratch never grows.
    while (frames > kMaxFrames) {
        processBlock(left, right, kMaxFrames);
        left += kMaxFrames;
        right += kMaxFrames;
        frames -= kMaxFrames;
    }
    processBlock(left, right, frames);
    const auto busy = std::chrono::steady_clock::now() - started;
    m_busyNanos.fetch_add(std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(busy).count()),
                          std::memory_order_relaxed);
    m_processedFrames.fetch_add(std::uint64_t(total), std::memory_order_relaxed);
    const double bufferSeconds = double(std::max(1, total)) / m_sampleRate;
    raiseTo(m_peakLoad, std::chrono::duration<double>(busy).count() / bufferSeconds);
}

void PlaybackEngine::sampleLoad()
{
    if (!m_audioClockKnown.load(std::memory_order_acquire))
        return;
    timespec now{};
    if (clock_gettime(m_audioClock.load(std::memory_order_relaxed), &now) != 0) {
        m_sampled = false;  // the audio thread has ended (a stream closed): start a new window with the next one
        return;
    }
    const std::int64_t cpu = std::int64_t(now.tv_sec) * 1000000000 + now.tv_nsec;
    const std::uint64_t frames = m_processedFrames.load(std::memory_order_relaxed);
    const std::uint64_t xruns = m_xruns.load(std::memory_order_relaxed);
    const std::uint64_t busy = m_busyNanos.load(std::memory_order_relaxed);
    if (m_sampled && frames > m_sampledFrames && cpu >= m_sampledCpuNanos && busy >= m_sampledBusyNanos) {
        const double share = mixerShare({double(cpu - m_sampledCpuNanos) * 1e-9, double(busy - m_sampledBusyNanos) * 1e-9,
                                         double(frames - m_sampledFrames) / m_sampleRate});
        if (share > m_peakCpuLoad.load(std::memory_order_relaxed))
            m_peakCpuLoad.store(share, std::memory_order_relaxed);
        if (share >= kOwnXrunCpuShare && xruns > m_sampledXruns)
            m_ownXruns.fetch_add(xruns - m_sampledXruns, std::memory_order_relaxed);
    }
    // A window in which no audio was produced (frames unchanged, e.g. resetLoad zeroed the counter) keeps its
    // start, so the next one measures from there.
    if (!m_sampled || frames != m_sampledFrames) {
        m_sampled = true;
        m_sampledCpuNanos = cpu;
        m_sampledBusyNanos = busy;
        m_sampledFrames = frames;
        m_sampledXruns = xruns;
    }
}

double PlaybackEngine::mixerShare(const LoadWindow& window)
{
    if (window.audioSeconds <= 0.0)
        return 0.0;
    return std::min(window.cpuSeconds, window.busySeconds) / window.audioSeconds;
}

double PlaybackEngine::meanLoad() const
{
    const std::uint64_t frames = m_processedFrames.load(std::memory_order_relaxed);
    if (frames == 0)
        return 0.0;
    return double(m_busyNanos.load(std::memory_order_relaxed)) * 1e-9 * m_sampleRate / double(frames);
}

void PlaybackEngine::resetLoad()
{
    m_peakLoad.store(0.0, std::memory_order_relaxed);
    m_peakCpuLoad.store(0.0, std::memory_order_relaxed);
    m_busyNanos.store(0, std::memory_order_relaxed);
    m_processedFrames.store(0, std::memory_order_relaxed);
    m_sampled = false;  // the next sample starts a window
}

void PlaybackEngine::processBlock(float* left, float* right, int frames)
{
    applyCommands();
    adoptPendingPlan();

    if (m_transport == Transport::Stopped || !m_plan) {
        std::memset(left, 0, sizeof(float) * size_t(frames));
        std::memset(right, 0, sizeof(float) * size_t(frames));
        endCrossfade();
        m_fade = 0.0f;
        for (auto& meter : m_trackMeters)
            meter.store(0.0f, std::memory_order_relaxed);
        if (m_testTone.active()) {
            m_testTone.mixInto(left, right, frames);
            m_reports.push({m_position, false, measure(left, frames), measure(right, frames)});
        } else {
            m_reports.push({m_position, false, {}, {}});
        }
        return;
    }

    if (m_pendingSeek >= 0) {
        // A seek while playing cross-fades from the old position to the new one.
        beginCrossfadeFromCurrent();
        m_position = m_pendingSeek;
        m_pendingSeek = -1;
    }

    renderTimeline(m_plan, m_position, frames, left, right, true);

    if (m_fadingFromPlan) {
        renderTimeline(m_fadingFromPlan, m_fadingFromPosition, frames, m_fromLeft.data(), m_fromRight.data(), false);
        // Linear (equal-gain) cross-fade: the two sides are mostly the same music, where equal-gain keeps the
        // level flat; over 5 ms it is inaudible as a fade and removes the click.
        const float step = 1.0f / float(m_fadeFrames);
        for (int i = 0; i < frames; ++i) {
            const float t = std::min(1.0f, float(m_crossfadeDone + i) * step);
            left[i] = left[i] * t + m_fromLeft[size_t(i)] * (1.0f - t);
            right[i] = right[i] * t + m_fromRight[size_t(i)] * (1.0f - t);
        }
        m_crossfadeDone += frames;
        if (m_crossfadeDone >= m_fadeFrames)
            endCrossfade();
    }

    // Start/stop fades and the smoothed master gain.
    const float fadeStep = 1.0f / float(m_fadeFrames);
    const float target = m_transport == Transport::Playing ? 1.0f : 0.0f;
    const float gainStep = (m_masterTarget - m_masterGain) / float(frames);
    for (int i = 0; i < frames; ++i) {
        m_fade = target > m_fade ? std::min(target, m_fade + fadeStep) : std::max(target, m_fade - fadeStep);
        const float g = m_fade * (m_masterGain + gainStep * float(i + 1));
        left[i] *= g;
        right[i] *= g;
    }
    m_masterGain = m_masterTarget;

    if (m_transport == Transport::FadingOut && m_fade <= 0.0f) {
        m_transport = Transport::Stopped;
        if (m_stopAfterFade)
            m_position = m_playStart;
    } else if (!m_loop && m_position >= m_plan->length) {
        m_transport = Transport::Stopped;  // the end of the song
        m_position = m_plan->length;
        m_fade = 0.0f;
    }

    const size_t tracks = std::min(m_plan->tracks.size(), size_t(kMaxTracks));
    for (size_t t = 0; t < tracks; ++t) {
        m_trackMeters[2 * t].store(m_trackScratch[t].peak, std::memory_order_relaxed);
        m_trackMeters[2 * t + 1].store(m_trackScratch[t].rms, std::memory_order_relaxed);
    }
    if (m_testTone.active())
        m_testTone.mixInto(left, right, frames);  // after the track meters, before the master's
    const LevelMeter masterLeft = measure(left, frames), masterRight = measure(right, frames);
    const float loudest = std::max(masterLeft.peak, masterRight.peak);
    if (loudest > m_loudestPeak.load(std::memory_order_relaxed))
        m_loudestPeak.store(loudest, std::memory_order_relaxed);  // only this thread raises it
    m_reports.push({m_position, m_transport != Transport::Stopped, masterLeft, masterRight});
}

}  // namespace s2a::core
