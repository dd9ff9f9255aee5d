#include "ui/viewmodels/TransportModel.h"

#include "core/persistence/ProjectBundle.h"

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
    publishSong();
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
    return tr("DSP %1 % · %n xrun(s)", "", int(m_playback->xruns())).arg(qRound(100.0 * m_playback->peakLoad()));
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

QStringList TransportModel::devices() const
{
    QStringList names;
    for (const core::OutputDevice& d : m_playback->devices())
        names << QStringLiteral("%1 (%2)").arg(d.name, d.hostApi);
    return names;
}

QString TransportModel::chooseDevice(int index)
{
    const QVector<core::OutputDevice> all = m_playback->devices();
    if (index < 0 || index >= all.size())
        return tr("That audio output is no longer available.");
    core::OutputSettings settings;
    settings.deviceName = all[index].name;
    const Status status = m_playback->startAudio(settings);
    Q_EMIT deviceChanged();
    return status.errorMessage();
}

QString TransportModel::retryDevice()
{
    const Status status = m_playback->retryDevice();
    Q_EMIT deviceChanged();
    return status.errorMessage();
}

}  // namespace s2a::ui
