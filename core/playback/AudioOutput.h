#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <memory>
#include <thread>

namespace s2a::core {

class PlaybackEngine;

struct OutputDevice {
    int index = -1;            // PortAudio device index, valid until the next rescan
    QString name;
    QString hostApi;           // "ALSA", "JACK Audio Connection Kit", ...
    int outputChannels = 0;
    double defaultSampleRate = 0.0;
    bool isDefault = false;
};

struct OutputSettings {
    QString deviceName;        // empty: the system default output
    int sampleRate = 0;        // 0: the device's default rate
    int framesPerBuffer = 256;
};

// What one open stream's callback needs. Shared with the thread that releases a lost stream, so the engine
// outlives every callback that can still reach it.
struct StreamContext {
    std::shared_ptr<PlaybackEngine> engine;
    std::atomic<bool> finished{false};
    std::atomic<bool> closing{false};
    std::atomic<std::uint64_t> callbacks{0};
};

// A PortAudio output stream feeding a PlaybackEngine. Owns PortAudio's lifetime (initialise/terminate), so
// rescan() can look for devices that appeared after start-up. The callback calls engine->process() and
// counts output underflows; nothing else runs there.
class AudioOutput {
public:
    AudioOutput();
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    // Every output-capable device PortAudio sees now.
    QVector<OutputDevice> devices() const;
    // PortAudio's own version text ("PortAudio V19.6.0-devel, revision ..."): needs no initialised library.
    static QString portAudioVersion();
    // Re-initialises PortAudio so that devices (or a JACK server) that appeared since are found. Closes any
    // open stream first. Fails while a lost stream is still being released (see releaseLostStream()).
    Status rescan();

    // Finds the device and the rate open() would use, without opening anything.
    Result<std::pair<OutputDevice, int>> resolve(const OutputSettings& settings) const;
    // Opens and starts a stream at the engine's rate. With no device named, the system default is tried
    // first, then any other output that opens.
    Status open(const OutputSettings& settings, std::shared_ptr<PlaybackEngine> engine);
    void close();
    // For a stream whose device went away: PortAudio 19.6's JACK backend blocks for up to ten minutes when a
    // stream of a dead server is stopped or closed, so the release happens on a thread of its own and the UI
    // never waits for it.
    void releaseLostStream();

    bool isOpen() const { return m_stream != nullptr; }
    // True when an open stream stopped on its own (device unplugged, server gone).
    bool hasFailed() const;
    int sampleRate() const { return m_sampleRate; }
    int framesPerBuffer() const { return m_framesPerBuffer; }
    double outputLatencySeconds() const { return m_latency; }
    QString deviceDescription() const { return m_description; }
    // "Name (host API)" of the open output; empty when none is open.
    QString deviceLabel() const { return m_stream ? m_deviceLabel : QString(); }
    std::uint64_t callbacks() const { return m_context ? m_context->callbacks.load() : 0; }

private:
    Status openDevice(const OutputDevice& device, int framesPerBuffer, std::shared_ptr<PlaybackEngine> engine);
    bool waitForReaper(int milliseconds);

    void* m_stream = nullptr;  // PaStream*, kept opaque so this header does not drag portaudio.h along
    std::shared_ptr<StreamContext> m_context;
    std::thread m_reaper;
    std::shared_ptr<std::atomic<bool>> m_reaperDone;
    int m_sampleRate = 0;
    int m_framesPerBuffer = 0;
    double m_latency = 0.0;
    QString m_description;
    QString m_hostApi;
    QString m_deviceLabel;
};

}  // namespace s2a::core
