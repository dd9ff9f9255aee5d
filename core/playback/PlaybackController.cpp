#include "core/playback/PlaybackController.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <limits>

namespace s2a::core {

PlaybackController::PlaybackController(QObject* parent) : QObject(parent)
{
    // 40 Hz: a playhead that moves smoothly, well above the 30 Hz a moving line needs.
    m_poll.setInterval(25);
    connect(&m_poll, &QTimer::timeout, this, &PlaybackController::poll);
    connect(&m_planWatcher, &QFutureWatcherBase::finished, this, [this] {
        std::shared_ptr<PlanBuildResult> result = m_planWatcher.result();
        if (m_engine && result->plan && result->plan->sampleRate == m_engine->sampleRate())
            m_engine->publishPlan(std::move(result->plan));
        m_problems = result->problems;
        if (m_rebuildQueued) {
            m_rebuildQueued = false;
            rebuildPlan();
            return;
        }
        m_readyGeneration = m_planGeneration;
        m_pool.trim();
        Q_EMIT planReady();
    });
    ensureEngine(44100);
    m_deviceStatus = tr("Audio output not started.");
    m_poll.start();
}

PlaybackController::~PlaybackController()
{
    m_output.close();
    m_planWatcher.waitForFinished();
}

int PlaybackController::outputRate() const
{
    return m_engine ? m_engine->sampleRate() : 0;
}

void PlaybackController::setDeviceStatus(const QString& status)
{
    if (status == m_deviceStatus)
        return;
    m_deviceStatus = status;
    Q_EMIT deviceStatusChanged(status);
}

void PlaybackController::ensureEngine(int rate)
{
    if (m_engine && m_engine->sampleRate() == rate)
        return;
    if (m_engine) {
        m_earlierXruns += m_engine->xruns();
        m_earlierOwnXruns += m_engine->ownXruns();
    }
    m_engine = std::make_shared<PlaybackEngine>(rate);
    if (m_hasProject)
        m_engine->seek(toOutputRate(m_enginePosition, m_data.settings.sampleRate, rate));
}

Status PlaybackController::startAudio(const OutputSettings& settings)
{
    m_settings = settings;
    m_output.close();
    auto resolved = m_output.resolve(settings);
    Status status = resolved ? Status::success() : Status(resolved.error());
    if (status) {
        ensureEngine(resolved->second);
        if (m_playing)
            m_engine->play();  // a new output rate (Settings) keeps playing from the same place
        status = m_output.open(settings, m_engine);
    }
    if (!status) {
        setDeviceStatus(tr("No audio output: %1 Playback is off until a device is available (Retry looks again).")
                            .arg(status.errorMessage()));
        Q_EMIT outputChanged();
        return status;
    }
    setDeviceStatus(m_output.deviceDescription());
    if (m_hasProject)
        rebuildPlan();
    Q_EMIT outputChanged();
    return Status::success();
}

Status PlaybackController::retryDevice()
{
    if (Status rescanned = m_output.rescan(); !rescanned) {
        setDeviceStatus(rescanned.errorMessage());
        return rescanned;
    }
    return startAudio(m_settings);
}

bool PlaybackController::playTestTone()
{
    if (!m_output.isOpen())
        return false;
    m_engine->playTestTone();
    return true;
}

void PlaybackController::stopAudio()
{
    m_output.close();
    setDeviceStatus(tr("Audio output stopped."));
    Q_EMIT outputChanged();
}

void PlaybackController::setProject(const ProjectData& data, const QString& audioDir)
{
    const bool newSong = !m_hasProject || data.settings.sampleRate != m_data.settings.sampleRate;
    m_data = data;
    m_hasProject = true;
    m_pool.setAudioDir(audioDir);
    if (newSong)
        m_enginePosition = m_position = 0;
    rebuildPlan();
}

void PlaybackController::rebuildPlan()
{
    ++m_planGeneration;
    if (m_planWatcher.isRunning()) {
        m_rebuildQueued = true;  // the running build finishes, then the latest data is built
        return;
    }
    const int rate = m_engine->sampleRate();
    AudioPool* pool = &m_pool;
    m_planWatcher.setFuture(QtConcurrent::run([data = m_data, pool, rate] {
        return std::make_shared<PlanBuildResult>(buildRenderPlan(data, *pool, rate));
    }));
}

bool PlaybackController::waitForPlan(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_readyGeneration != m_planGeneration && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return m_readyGeneration == m_planGeneration;
}

void PlaybackController::play()
{
    if (!hasDevice())
        return;
    m_engine->resetLoad();  // the load shown is this playback's worst buffer
    m_engine->play();
}

void PlaybackController::pause() { m_engine->pause(); }
void PlaybackController::stop() { m_engine->stop(); }

void PlaybackController::seek(SampleCount position)
{
    position = std::clamp<SampleCount>(position, 0, m_data.length());
    m_engine->seek(toOutputRate(position, m_data.settings.sampleRate, m_engine->sampleRate()));
    if (!hasDevice() || !m_playing) {
        // Nothing renders (or the engine applies it at its next buffer): show the new place at once.
        m_enginePosition = m_position = position;
        Q_EMIT positionChanged(position);
    }
}

void PlaybackController::setLoop(bool enabled, SampleCount start, SampleCount end)
{
    const int rate = m_engine->sampleRate();
    const int projectRate = m_data.settings.sampleRate;
    m_engine->setLoop(enabled, toOutputRate(start, projectRate, rate), toOutputRate(end, projectRate, rate));
}

void PlaybackController::setMasterGainDb(double db)
{
    m_engine->setMasterGain(float(std::pow(10.0, db / 20.0)));
}

void PlaybackController::poll()
{
    // A plan the audio thread let go of may have been the last to hold some decoded files (the previous take
    // of a regenerated section): drop them now rather than at the next plan build, which may never come.
    if (m_engine->collectGarbage() > 0)
        m_pool.trim();
    m_engine->sampleLoad();
    if (m_output.isOpen() && m_output.hasFailed()) {
        const QString message = tr("The audio output stopped (was the device disconnected?). Playback is off; "
                                   "Retry looks for a device again.");
        m_output.releaseLostStream();
        // A fresh engine, stopped at the same place: the lost stream keeps the old one until PortAudio lets go,
        // and a device found later must not start playing on its own.
        const int rate = m_engine->sampleRate();
        m_earlierXruns += m_engine->xruns();
        m_earlierOwnXruns += m_engine->ownXruns();
        m_engine.reset();
        ensureEngine(rate);
        if (m_hasProject)
            rebuildPlan();
        setDeviceStatus(message);
        if (m_playing) {
            m_playing = false;
            Q_EMIT playingChanged(false);
        }
        Q_EMIT deviceLost(message);
        return;
    }
    EngineReport report;
    if (!m_engine->latestReport(report)) {
        const bool showing = m_masterLeft.peak > 0.0f || m_masterRight.peak > 0.0f;
        if (showing && (!m_lastReport.isValid() || m_lastReport.elapsed() > kStaleMeterMs)) {
            m_masterLeft = {};
            m_masterRight = {};
            Q_EMIT metersChanged();
        }
        return;
    }
    m_lastReport.start();
    const int projectRate = m_data.settings.sampleRate > 0 ? m_data.settings.sampleRate : m_engine->sampleRate();
    m_enginePosition = toProjectRate(report.position, projectRate, m_engine->sampleRate());
    const SampleCount latency = report.playing ? SampleCount(std::lround(outputLatencySeconds() * projectRate)) : 0;
    const SampleCount audible = std::max<SampleCount>(0, m_enginePosition - latency);
    m_masterLeft = report.masterLeft;
    m_masterRight = report.masterRight;
    if (audible != m_position) {
        m_position = audible;
        Q_EMIT positionChanged(audible);
    }
    if (report.playing != m_playing) {
        m_playing = report.playing;
        Q_EMIT playingChanged(m_playing);
    }
    Q_EMIT metersChanged();
}

double PlaybackController::loudestPeakDb() const
{
    const float peak = m_engine ? m_engine->loudestPeak() : 0.0f;
    return peak > 0.0f ? 20.0 * std::log10(double(peak)) : -std::numeric_limits<double>::infinity();
}

void PlaybackController::resetClip()
{
    if (m_engine)
        m_engine->resetLoudest();
    Q_EMIT metersChanged();
}

}  // namespace s2a::core
