#include "ui/viewmodels/TransportModel.h"

#include "core/persistence/ProjectBundle.h"
#include "core/playback/PlaybackEngine.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace s2a::ui {

TransportModel::TransportModel(core::ProjectDocument* document, core::PlaybackController* playback, QObject* parent)
    : QObject(parent), m_document(document), m_playback(playback)
{
    using core::PlaybackController;
    using core::Project;
    connect(m_playback, &PlaybackController::playingChanged, this, &TransportModel::playingChanged);
    connect(m_playback, &PlaybackController::positionChanged, this, &TransportModel::positionChanged);
    connect(m_playback, &PlaybackController::deviceStatusChanged, this, &TransportModel::deviceChanged);
    connect(m_playback, &PlaybackController::metersChanged, this, &TransportModel::healthChanged);

    Project* project = m_document->project();
    for (auto signal : {&Project::dataReset, &Project::settingsChanged, &Project::tracksReset})
        connect(project, signal, this, &TransportModel::publishSong);
    connect(project, &Project::trackChanged, this, &TransportModel::publishSong);
    connect(project, &Project::sectionsReplaced, this, &TransportModel::publishSong);
    connect(m_document, &core::ProjectDocument::bundlePathChanged, this, &TransportModel::publishSong);
    // A new engine (another device) starts without a loop: give it ours.
    connect(m_playback, &PlaybackController::deviceStatusChanged, this, &TransportModel::applyLoop);
    connect(project, &Project::dataReset, this, [this] {
        // Another song (opened, new, recovered): it starts stopped at its beginning, not where the last one was,
        // looping over the region it was saved with.
        m_playback->stop();
        m_playback->seek(0);
        m_looping = false;
        m_loopStart = m_loopEnd = 0;
        followSongLoop();
        applyLoop();
        Q_EMIT loopChanged();
    });
    // Undo and redo of a loop edit change the song's region: the transport follows.
    connect(project, &Project::settingsChanged, this, &TransportModel::followSongLoop);
    publishSong();

    m_loadWindow.setInterval(1000);
    connect(&m_loadWindow, &QTimer::timeout, this, [this] {
        m_shownLoad = m_playback->peakCpuLoad();
        if (core::PlaybackEngine* engine = m_playback->engine())
            engine->resetLoad();
        Q_EMIT healthChanged();
    });
    m_loadWindow.start();
}

QString TransportModel::translatedStatus(const QString& status)
{
    // What core::PlaybackController says, word for word (its %1 is PortAudio's error, which stays as it is).
    static const char* const kStatuses[] = {
        QT_TR_NOOP("Audio output not started."),
        QT_TR_NOOP("Audio output stopped."),
        QT_TR_NOOP("No audio output: %1 Playback is off until a device is available (Retry looks again)."),
        QT_TR_NOOP("The audio output stopped (was the device disconnected?). Playback is off; Retry looks for a "
                   "device again."),
    };
    for (const char* source : kStatuses) {
        const QString english = QString::fromUtf8(source);
        const qsizetype at = english.indexOf(QLatin1String("%1"));
        if (at < 0) {
            if (status == english)
                return tr(source);
            continue;
        }
        const QString before = english.left(at), after = english.mid(at + 2);
        if (status.size() >= before.size() + after.size() && status.startsWith(before) && status.endsWith(after))
            return tr(source).arg(status.mid(at, status.size() - before.size() - after.size()));
    }
    return status;
}

QString TransportModel::barBeatText() const
{
    const auto& s = m_document->project()->data().settings;
    const double samplesPerBeat = 60.0 * s.sampleRate / std::max(1.0, s.tempo);
    const qint64 beat = qint64(double(m_playback->position()) / samplesPerBeat);
    const int beats = std::max(1, s.timeSignature.numerator);
    return QStringLiteral("%1.%2").arg(beat / beats + 1, 3).arg(beat % beats + 1);
}

QString TransportModel::clipText() const
{
    if (!clipped())
        return {};
    return tr("CLIP %1 dB").arg(QLocale().toString(m_playback->loudestPeakDb(), 'f', 1));
}

QString TransportModel::gridText() const
{
    const auto& s = m_document->project()->data().settings;
    QString text = tr("%1 BPM · %2/%3").arg(QLocale().toString(s.tempo, 'g', 4)).arg(s.timeSignature.numerator)
                       .arg(s.timeSignature.denominator);
    if (!s.key.isEmpty())
        text += QStringLiteral(" · ") + s.key;
    return text;
}

void TransportModel::setLoop(qint64 start, qint64 end)
{
    if (previewLoop(start, end))
        m_document->project()->setLoopRegion(m_loopStart, m_loopEnd, tr("Set loop region"));
}

bool TransportModel::previewLoop(qint64 start, qint64 end)
{
    start = std::clamp<qint64>(start, 0, songLength());
    end = std::clamp<qint64>(end, 0, songLength());
    if (end <= start)
        return false;
    m_loopStart = start;
    m_loopEnd = end;
    m_looping = true;
    applyLoop();
    Q_EMIT loopChanged();
    return true;
}

void TransportModel::followSongLoop()
{
    const core::ProjectSettings& s = m_document->project()->data().settings;
    const qint64 start = std::clamp<qint64>(s.loopStart, 0, songLength());
    const qint64 end = std::clamp<qint64>(s.loopEnd, 0, songLength());
    if (start == m_loopStart && end == m_loopEnd)
        return;
    // Undone back to before the song had a region: no loop.
    m_loopStart = end > start ? start : 0;
    m_loopEnd = end > start ? end : 0;
    m_looping = end > start;
    applyLoop();
    Q_EMIT loopChanged();
}

void TransportModel::toggleLoop()
{
    if (!m_looping && m_loopEnd <= m_loopStart) {
        setLoop(0, songLength());
        return;
    }
    m_looping = !m_looping;
    applyLoop();
    Q_EMIT loopChanged();
}

void TransportModel::applyLoop()
{
    m_playback->setLoop(m_looping, m_loopStart, m_loopEnd);
}

QVariantList TransportModel::trackLevels() const
{
    QVariantList levels;
    const int tracks = int(m_document->project()->data().tracks.size());
    for (int t = 0; t < tracks; ++t)
        levels << trackLevel(t);
    return levels;
}

double TransportModel::meterScale(float peak)
{
    if (peak <= 0.0f)
        return 0.0;
    const double db = 20.0 * std::log10(double(peak));
    return std::clamp((db + 60.0) / 60.0, 0.0, 1.0);
}

void TransportModel::publishSong()
{
    const QString bundle = m_document->isUntitled() ? m_document->recoveryBundle() : m_document->bundlePath();
    m_playback->setProject(m_document->project()->data(), core::bundle::audioDir(bundle));
    Q_EMIT songChanged();
    Q_EMIT positionChanged();
}

QString TransportModel::formatTime(qint64 samples, int sampleRate)
{
    const qint64 ms = samples * 1000 / std::max(1, sampleRate);
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000)
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString TransportModel::positionText() const
{
    return formatTime(m_playback->position(), m_document->project()->data().settings.sampleRate);
}

QString TransportModel::lengthText() const
{
    const auto& data = m_document->project()->data();
    return formatTime(data.length(), data.settings.sampleRate);
}

QString TransportModel::healthText() const
{
    if (!m_playback->hasDevice())
        return {};
    return tr("DSP %1 % · %n xrun(s)", "", int(m_playback->ownXruns())).arg(qRound(100.0 * m_shownLoad));
}

void TransportModel::togglePlay()
{
    m_playback->togglePlay();
}

void TransportModel::stop()
{
    m_playback->stop();
}

void TransportModel::seek(qint64 position)
{
    m_playback->seek(position);
}

QString TransportModel::retryDevice()
{
    const Status status = m_playback->retryDevice();
    Q_EMIT deviceChanged();
    return status.errorMessage();
}

}  // namespace s2a::ui
