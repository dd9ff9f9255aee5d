#pragma once

#include "core/model/ProjectData.h"
#include "core/playback/AudioOutput.h"
#include "core/playback/AudioPool.h"
#include "core/playback/PlanBuilder.h"
#include "core/playback/PlaybackEngine.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

namespace s2a::core {

// The control side of playback, on the UI thread: owns the output device, the engine and the decoded audio;
// turns project edits into render plans (built on a worker thread) and transport calls into engine commands;
// polls the engine's reports at 40 Hz for the playhead and meters, and watches the device.
//
// Positions here are project samples; the engine works at the device rate and this class converts.
class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(QObject* parent = nullptr);
    ~PlaybackController() override;

    // Opens the output. On failure playback stays off, deviceStatus() says why, and the rest of the app
    // works as before; retryDevice() looks again (a device plugged in, a JACK server started).
    Status startAudio(const OutputSettings& settings = {});
    Status retryDevice();
    void stopAudio();
    // What the last startAudio() asked for (not what it resolved to: an empty name means "the default").
    OutputSettings outputSettings() const { return m_settings; }
    // A short sine over whatever plays (PlaybackEngine::playTestTone); false when no output is open.
    bool playTestTone();
    bool hasDevice() const { return m_output.isOpen(); }
    QString deviceStatus() const { return m_deviceStatus; }
    QString currentDevice() const { return m_output.deviceLabel(); }
    QVector<OutputDevice> devices() const { return m_output.devices(); }
    int outputRate() const;
    int framesPerBuffer() const { return m_output.framesPerBuffer(); }  // of the open stream
    double outputLatencySeconds() const { return m_output.outputLatencySeconds(); }

    // The song to play; audio files are read from `audioDir` (the bundle's audio/). Rebuilds the plan in the
    // background; a take switch or mix change reaches the speakers with a short cross-fade.
    void setProject(const ProjectData& data, const QString& audioDir);
    // Waits (processing events) until the latest setProject() is playing; for tests and the CLI.
    bool waitForPlan(int timeoutMs = 10000);
    QStringList planProblems() const { return m_problems; }

    void play();
    void pause();
    void stop();
    void togglePlay() { isPlaying() ? pause() : play(); }
    void seek(SampleCount position);
    void setLoop(bool enabled, SampleCount start, SampleCount end);
    void setMasterGainDb(double db);

    bool isPlaying() const { return m_playing; }
    // What is audible now: the engine's position minus the output latency, in project samples.
    SampleCount position() const { return m_position; }
    // The engine's own position (the next sample it will render), in project samples.
    SampleCount enginePosition() const { return m_enginePosition; }
    std::uint64_t xruns() const { return m_earlierXruns + (m_engine ? m_engine->xruns() : 0); }
    // Only those our callback caused (PlaybackEngine::noteXrun): what the transport shows.
    std::uint64_t ownXruns() const { return m_earlierOwnXruns + (m_engine ? m_engine->ownXruns() : 0); }
    double peakLoad() const { return m_engine ? m_engine->peakLoad() : 0.0; }
    double meanLoad() const { return m_engine ? m_engine->meanLoad() : 0.0; }
    double peakCpuLoad() const { return m_engine ? m_engine->peakCpuLoad() : 0.0; }
    LevelMeter masterMeter(int channel) const { return channel == 0 ? m_masterLeft : m_masterRight; }
    // Whether the mix reached full scale since resetClip(), and how loud it got (dBFS of the loudest sample).
    bool clipped() const { return m_engine && m_engine->loudestPeak() >= 1.0f; }
    double loudestPeakDb() const;
    void resetClip();
    LevelMeter trackMeter(int track) const { return m_engine ? m_engine->trackMeter(track) : LevelMeter{}; }
    PlaybackEngine* engine() { return m_engine.get(); }

Q_SIGNALS:
    void positionChanged(qint64 position);
    void playingChanged(bool playing);
    void metersChanged();
    void deviceStatusChanged(const QString& status);
    void deviceLost(const QString& message);
    // After every attempt to open (or a close of) the output: the device list or the open device may differ.
    void outputChanged();
    void planReady();

private:
    void poll();
    void rebuildPlan();
    void ensureEngine(int rate);
    void setDeviceStatus(const QString& status);

    AudioOutput m_output;
    OutputSettings m_settings;
    std::shared_ptr<PlaybackEngine> m_engine;  // shared with the stream that feeds from it
    AudioPool m_pool;
    ProjectData m_data;
    bool m_hasProject = false;
    QFutureWatcher<std::shared_ptr<PlanBuildResult>> m_planWatcher;
    int m_planGeneration = 0;
    int m_readyGeneration = 0;
    bool m_rebuildQueued = false;
    QStringList m_problems;
    QTimer m_poll;
    QString m_deviceStatus;
    std::uint64_t m_earlierXruns = 0;  // counted by engines replaced since (device changes)
    std::uint64_t m_earlierOwnXruns = 0;
    bool m_playing = false;
    SampleCount m_position = 0;
    SampleCount m_enginePosition = 0;
    LevelMeter m_masterLeft;
    LevelMeter m_masterRight;
    // When the audio thread last reported. A meter shows what is heard: with no callback (a stalled device, a
    // frozen server) nothing is, so after kStaleMeterMs without a report the meters fall to zero instead of
    // holding the last block's level.
    static constexpr qint64 kStaleMeterMs = 250;
    QElapsedTimer m_lastReport;
};

}  // namespace s2a::core
