#pragma once

#include "core/playback/MixRenderer.h"
#include "core/playback/RenderPlan.h"
#include "core/playback/SpscQueue.h"
#include "core/playback/TestTone.h"

#include <array>
#include <atomic>
#include <ctime>
#include <deque>
#include <memory>
#include <vector>

namespace s2a::core {

// What the audio thread tells the UI after each buffer.
struct EngineReport {
    SampleCount position = 0;   // first sample of the next buffer, output rate
    bool playing = false;
    LevelMeter masterLeft;
    LevelMeter masterRight;
};

// The real-time side of playback. process() runs in the audio callback: it only reads the current render plan,
// drains a command queue and writes reports, never allocates, locks, logs or touches files. Everything else
// (publishing plans, reading reports, freeing old plans) happens on the control thread. Plain C++, no Qt, so
// the offline tests drive exactly what the callback runs.
class PlaybackEngine {
public:
    static constexpr int kMaxFrames = 4096;   // largest buffer process() accepts
    static constexpr int kMaxTracks = 128;    // tracks with meters

    explicit PlaybackEngine(int sampleRate);
    ~PlaybackEngine();
    PlaybackEngine(const PlaybackEngine&) = delete;
    PlaybackEngine& operator=(const PlaybackEngine&) = delete;

    int sampleRate() const { return m_sampleRate; }
    int fadeFrames() const { return m_fadeFrames; }

    // ---- control thread -------------------------------------------------------------------------------
    // Hands a new plan to the audio thread. While playing, the switch happens at the next buffer with a
    // cross-fade of fadeFrames(); a take switch or a gain change therefore never clicks.
    void publishPlan(std::unique_ptr<RenderPlan> plan);
    void play();
    void pause();
    void stop();                 // fades out, then returns to where playback last started
    void seek(SampleCount position);
    void setLoop(bool enabled, SampleCount start, SampleCount end);
    void setMasterGain(float gain);
    // A sine on top of the output, whether or not the transport plays (TestTone.h): the Settings dialog's
    // check that the chosen device sounds. -18 dBFS by default, well under the mix's usual level.
    void playTestTone(double frequency = 440.0, double seconds = 1.0, float gain = 0.125f);
    // Frees plans the audio thread has finished with and hands it the commands a full queue held back. Call
    // regularly (the controller's UI timer does).
    // Returns how many plans it freed.
    int collectGarbage();
    // Drains reports; returns false when there was none since the last call.
    bool latestReport(EngineReport& report);
    LevelMeter trackMeter(int track) const;
    // An underrun the host reported (audio thread, before process()). sampleLoad() decides whether it was ours.
    void noteXrun() { m_xruns.fetch_add(1, std::memory_order_relaxed); }
    // Control thread, regularly (the controller's poll, every 25 ms): reads the audio thread's CPU clock from
    // outside (its clock id, which process() publishes without a system call) and measures the window since the
    // last call (mixerShare). The callback itself makes no system call. Underruns reported in a window whose
    // share is at least kOwnXrunCpuShare count as ours: the mixer could not keep up. Otherwise the host or the
    // scheduler missed the deadline (a JACK dummy driver's late timer, a virtual machine taking the core), which
    // a user cannot fix in this app; those are counted apart.
    static constexpr double kOwnXrunCpuShare = 0.7;
    void sampleLoad();
    // One sampleLoad() window: the audio thread's CPU time, the wall time spent inside process(), and the audio
    // produced. The mixer's share is the smaller of the two times over the audio's duration: the thread's CPU
    // time also counts the host's work around our callback (PortAudio's, JACK's), and the wall time inside
    // process() also counts the time the scheduler took the core away. Only mixing itself raises both.
    struct LoadWindow {
        double cpuSeconds = 0.0;
        double busySeconds = 0.0;
        double audioSeconds = 0.0;
    };
    static double mixerShare(const LoadWindow& window);
    std::uint64_t xruns() const { return m_xruns.load(std::memory_order_relaxed); }
    std::uint64_t ownXruns() const { return m_ownXruns.load(std::memory_order_relaxed); }
    // The longest process() call since the last reset, as a fraction of its buffer's duration (the "CPU" the
    // transport shows; above 1 the callback itself missed the deadline).
    double peakLoad() const { return m_peakLoad.load(std::memory_order_relaxed); }
    // The time spent in process() since the last reset over the audio it produced. Unlike the peak, one
    // buffer during which the scheduler took the thread away (a virtual machine, a non-real-time JACK) barely
    // moves it, so it says what the mixing itself costs.
    double meanLoad() const;
    // The largest mixer share (mixerShare) of a sampleLoad() window since the last reset (~25 ms windows). Wall
    // time (peakLoad) is what a deadline sees; this is what the mixing costs, without the time the scheduler
    // gave to others. Heavy mixing shows in both; preemption only in the first.
    double peakCpuLoad() const { return m_peakCpuLoad.load(std::memory_order_relaxed); }
    void resetLoad();
    // The loudest master sample since the last resetLoudest() (linear; 1.0 is full scale): latched here, in the
    // callback, because the meter the UI polls shows only the latest block and misses a short over.
    float loudestPeak() const { return m_loudestPeak.load(std::memory_order_relaxed); }
    void resetLoudest() { m_loudestPeak.store(0.0f, std::memory_order_relaxed); }

    // ---- audio thread ---------------------------------------------------------------------------------
    void process(float* left, float* right, int frames);

private:
    void processBlock(float* left, float* right, int frames);
    enum class CommandType : std::uint8_t { Play, Pause, Stop, Seek, SetLoop, SetMasterGain, TestTone };
    struct Command {
        CommandType type = CommandType::Play;
        bool flag = false;
        SampleCount a = 0;
        SampleCount b = 0;
        float value = 0.0f;
    };
    enum class Transport : std::uint8_t { Stopped, Playing, FadingOut };

    void send(const Command& command);
    void flushBacklog();  // control thread: moves backlog commands into the queue while it has room
    void applyCommands();
    void adoptPendingPlan();
    void retire(RenderPlan* plan);
    // Starts a cross-fade from what sounds now (current plan and position), dropping any running one.
    void beginCrossfadeFromCurrent();
    void endCrossfade();
    // Renders `frames` of the timeline from `position` honouring the loop, into out; advances position.
    void renderTimeline(const RenderPlan* plan, SampleCount& position, int frames, float* l, float* r, bool meters);

    const int m_sampleRate;
    const int m_fadeFrames;

    // Audio-thread state.
    RenderPlan* m_plan = nullptr;
    RenderPlan* m_fadingFromPlan = nullptr;   // during a plan cross-fade
    SampleCount m_fadingFromPosition = 0;
    int m_crossfadeDone = 0;
    Transport m_transport = Transport::Stopped;
    SampleCount m_position = 0;
    SampleCount m_playStart = 0;
    SampleCount m_pendingSeek = -1;           // a seek while playing, applied with a cross-fade
    bool m_stopAfterFade = false;
    float m_fade = 0.0f;                      // start/stop fade level 0..1
    bool m_loop = false;
    SampleCount m_loopStart = 0;
    SampleCount m_loopEnd = 0;
    float m_masterGain = 1.0f;
    float m_masterTarget = 1.0f;
    TestTone m_testTone;
    std::vector<float> m_scratch;             // sized once: mix scratch, cross-fade source, meters' source
    std::vector<float> m_fromLeft;
    std::vector<float> m_fromRight;
    std::array<LevelMeter, kMaxTracks> m_trackScratch{};

    // Shared between the threads, lock-free.
    std::atomic<RenderPlan*> m_pending{nullptr};
    SpscQueue<Command, 256> m_commands;
    static constexpr size_t kMaxBacklog = 1024;
    std::deque<Command> m_backlog;  // control thread only: commands the full queue could not take yet
    SpscQueue<RenderPlan*, 256> m_retired;
    SpscQueue<EngineReport, 64> m_reports;
    std::array<std::atomic<float>, kMaxTracks * 2> m_trackMeters{};
    std::atomic<std::uint64_t> m_xruns{0};
    std::atomic<std::uint64_t> m_ownXruns{0};
    // The audio thread's CPU clock (pthread_getcpuclockid: computed from the thread's id, no system call),
    // published by process() for sampleLoad(); a clock of a thread that has ended reads as an error, never as
    // another thread's time.
    std::atomic<clockid_t> m_audioClock{0};
    std::atomic<bool> m_audioClockKnown{false};
    // Control thread only: the previous sample.
    bool m_sampled = false;
    std::int64_t m_sampledCpuNanos = 0;
    std::uint64_t m_sampledBusyNanos = 0;
    std::uint64_t m_sampledFrames = 0;
    std::uint64_t m_sampledXruns = 0;
    std::atomic<float> m_loudestPeak{0.0f};
    std::atomic<double> m_peakLoad{0.0};
    std::atomic<double> m_peakCpuLoad{0.0};
    std::atomic<std::uint64_t> m_busyNanos{0};       // integers: fetch_add on them is lock-free
    std::atomic<std::uint64_t> m_processedFrames{0};
};

}  // namespace s2a::core
