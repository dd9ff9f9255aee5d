#include "ui/settings/AudioSettings.h"

#include "core/playback/PlaybackController.h"

#include <QSettings>

#include <algorithm>

namespace s2a::ui {

namespace {

const QString kDeviceKey = QStringLiteral("audio/device");
const QString kRateKey = QStringLiteral("audio/sampleRate");
const QString kFramesKey = QStringLiteral("audio/framesPerBuffer");

// Rates a user may pick; 0 is the device's own. Anything else stored (an edited file) falls back to 0.
const int kRates[] = {0, 44100, 48000, 88200, 96000};

QString label(const core::OutputDevice& d) { return QStringLiteral("%1 (%2)").arg(d.name, d.hostApi); }

}  // namespace

AudioSettings::AudioSettings(core::PlaybackController* playback, QObject* parent)
    : QObject(parent), m_playback(playback)
{
    connect(m_playback, &core::PlaybackController::outputChanged, this, &AudioSettings::refresh);
    connect(m_playback, &core::PlaybackController::deviceLost, this, &AudioSettings::refresh);
    m_listed = m_playback->devices();
}

void AudioSettings::refresh()
{
    m_listed = m_playback->devices();
    Q_EMIT changed();
}

core::OutputSettings AudioSettings::stored()
{
    const QSettings settings;
    core::OutputSettings out;
    out.deviceName = settings.value(kDeviceKey).toString();
    const int rate = settings.value(kRateKey, 0).toInt();
    out.sampleRate = std::find(std::begin(kRates), std::end(kRates), rate) != std::end(kRates) ? rate : 0;
    const int frames = settings.value(kFramesKey, out.framesPerBuffer).toInt();
    if (frames >= kMinFrames && frames <= kMaxFrames)
        out.framesPerBuffer = frames;
    return out;
}

void AudioSettings::store(const core::OutputSettings& out)
{
    QSettings settings;
    settings.setValue(kDeviceKey, out.deviceName);
    settings.setValue(kRateKey, out.sampleRate);
    settings.setValue(kFramesKey, out.framesPerBuffer);
}

QString AudioSettings::restore()
{
    core::OutputSettings wanted = stored();
    QString notice;
    if (!wanted.deviceName.isEmpty()) {
        const QVector<core::OutputDevice> all = m_playback->devices();
        const bool present = std::any_of(all.begin(), all.end(), [&](const core::OutputDevice& d) { return d.name == wanted.deviceName; });
        if (!present) {
            notice = tr("The audio output “%1” chosen in Settings is not available now; playing through the system default instead.")
                         .arg(wanted.deviceName);
            wanted.deviceName.clear();  // for this launch only: the choice stays stored for when it comes back
        }
    }
    const Status status = m_playback->startAudio(wanted);
    if (!status && wanted.sampleRate > 0) {
        // A rate the device refuses must not leave the app silent: the device's own rate, then the default.
        wanted.sampleRate = 0;
        if (m_playback->startAudio(wanted))
            return tr("The audio output does not play at the sample rate chosen in Settings; using its own rate instead.");
    }
    return notice;
}

QStringList AudioSettings::devices() const
{
    QStringList names;
    for (const core::OutputDevice& d : m_listed)
        names << label(d);
    return names;
}

int AudioSettings::currentIndex() const
{
    const QString current = m_playback->currentDevice();
    if (current.isEmpty())
        return -1;
    return devices().indexOf(current);
}

QString AudioSettings::streamText() const
{
    if (!m_playback->hasDevice())
        return tr("No output is open.");
    const int rate = m_playback->outputRate();
    const int frames = m_playback->framesPerBuffer();  // what is open, not what is stored
    return tr("%1 Hz · %2 frames (%3 ms)").arg(rate).arg(frames).arg(1000.0 * frames / std::max(1, rate), 0, 'f', 1);
}

QVariantList AudioSettings::sampleRates()
{
    QVariantList list;
    for (int r : kRates)
        list << r;
    return list;
}

QVariantList AudioSettings::bufferSizes()
{
    QVariantList list;
    for (int frames = 64; frames <= 2048; frames *= 2)
        list << frames;
    return list;
}

QString AudioSettings::apply(int deviceIndex, int sampleRate, int framesPerBuffer)
{
    if (deviceIndex >= m_listed.size() || deviceIndex < -1)
        return tr("That audio output is no longer available.");
    if (std::find(std::begin(kRates), std::end(kRates), sampleRate) == std::end(kRates))
        return tr("%1 Hz is not a sample rate S2A Studio offers.").arg(sampleRate);
    if (framesPerBuffer < kMinFrames || framesPerBuffer > kMaxFrames)
        return tr("A buffer of %1 frames is outside %2 to %3.").arg(framesPerBuffer).arg(kMinFrames).arg(kMaxFrames);
    core::OutputSettings wanted;
    wanted.deviceName = deviceIndex < 0 ? QString() : m_listed[deviceIndex].name;
    wanted.sampleRate = sampleRate;
    wanted.framesPerBuffer = framesPerBuffer;
    const core::OutputSettings before = m_playback->outputSettings();
    const Status status = m_playback->startAudio(wanted);
    if (status) {
        store(wanted);
        Q_EMIT changed();  // the stored rate and buffer size, which the stream's signal came before
    } else {
        m_playback->startAudio(before);  // what played before plays on; the message says why not the new one
    }
    return status ? QString() : tr("That output could not be opened: %1").arg(status.errorMessage());
}

QString AudioSettings::chooseDevice(int deviceIndex)
{
    const core::OutputSettings current = stored();
    return apply(deviceIndex, current.sampleRate, current.framesPerBuffer);
}

QString AudioSettings::playTestTone()
{
    return m_playback->playTestTone() ? QString() : tr("No audio output is open: choose one first.");
}

}  // namespace s2a::ui
