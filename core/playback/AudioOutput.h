#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QVector>

#include <atomic>

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
    // Re-initialises PortAudio so that devices (or a JACK server) that appeared since are found. Closes any
    // open stream first.
    void rescan();

    // Opens and starts a stream. The device's rate wins when the settings leave it open; sampleRate() says what
    // was chosen, and the caller builds the engine for it (see openFor()).
    Status open(const OutputSettings& settings, PlaybackEngine* engine);
    // Finds the device and the rate open() would use, without opening anything.
    Result<std::pair<OutputDevice, int>> resolve(const OutputSettings& settings) const;
    void close();

    bool isOpen() const { return m_stream != nullptr; }
    // True when an open stream stopped on its own (device unplugged, server gone).
    bool hasFailed() const;
    int sampleRate() const { return m_sampleRate; }
    int framesPerBuffer() const { return m_framesPerBuffer; }
    double outputLatencySeconds() const { return m_latency; }
    QString deviceDescription() const { return m_description; }
    std::uint64_t callbacks() const { return m_callbacks.load(std::memory_order_relaxed); }

private:
    friend struct AudioOutputCallbacks;
    Status openDevice(const OutputDevice& device, int sampleRate, int framesPerBuffer, PlaybackEngine* engine);

    bool m_initialised = false;
    void* m_stream = nullptr;  // PaStream*, kept opaque so this header does not drag portaudio.h along
    PlaybackEngine* m_engine = nullptr;
    int m_sampleRate = 0;
    int m_framesPerBuffer = 0;
    double m_latency = 0.0;
    QString m_description;
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_closing{false};
    std::atomic<std::uint64_t> m_callbacks{0};
};

}  // namespace s2a::core
