#include "core/playback/AudioOutput.h"

#include "core/playback/PlaybackEngine.h"

#include <portaudio.h>

#include <cmath>

namespace s2a::core {

// The two functions PortAudio calls. The stream callback runs on the real-time thread: engine->process()
// and two atomic increments, nothing else.
struct AudioOutputCallbacks {
    static int render(const void*, void* output, unsigned long frames, const PaStreamCallbackTimeInfo*,
                      PaStreamCallbackFlags status, void* user)
    {
        auto* self = static_cast<AudioOutput*>(user);
        auto** channels = static_cast<float**>(output);
        if (status & paOutputUnderflow)
            self->m_engine->noteXrun();
        self->m_engine->process(channels[0], channels[1], int(frames));
        self->m_callbacks.fetch_add(1, std::memory_order_relaxed);
        return paContinue;
    }

    static void finished(void* user)
    {
        auto* self = static_cast<AudioOutput*>(user);
        if (!self->m_closing.load())
            self->m_finished.store(true);
    }
};

namespace {

QString paError(PaError error)
{
    QString text = QString::fromUtf8(Pa_GetErrorText(error));
    if (error == paUnanticipatedHostError) {
        const PaHostErrorInfo* host = Pa_GetLastHostErrorInfo();
        if (host && host->errorText && *host->errorText)
            text += QStringLiteral(" (%1)").arg(QString::fromUtf8(host->errorText));
    }
    return text;
}

OutputDevice describe(int index, PaDeviceIndex defaultOutput)
{
    const PaDeviceInfo* info = Pa_GetDeviceInfo(index);
    OutputDevice d;
    d.index = index;
    d.name = QString::fromUtf8(info->name);
    if (const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi))
        d.hostApi = QString::fromUtf8(api->name);
    d.outputChannels = info->maxOutputChannels;
    d.defaultSampleRate = info->defaultSampleRate;
    d.isDefault = index == defaultOutput;
    return d;
}

}  // namespace

AudioOutput::AudioOutput()
{
    m_initialised = Pa_Initialize() == paNoError;
}

AudioOutput::~AudioOutput()
{
    close();
    if (m_initialised)
        Pa_Terminate();
}

QVector<OutputDevice> AudioOutput::devices() const
{
    QVector<OutputDevice> out;
    if (!m_initialised)
        return out;
    const PaDeviceIndex defaultOutput = Pa_GetDefaultOutputDevice();
    const int count = Pa_GetDeviceCount();
    for (int i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (info && info->maxOutputChannels >= 1)
            out.append(describe(i, defaultOutput));
    }
    return out;
}

void AudioOutput::rescan()
{
    close();
    if (m_initialised)
        Pa_Terminate();
    m_initialised = Pa_Initialize() == paNoError;
}

Result<std::pair<OutputDevice, int>> AudioOutput::resolve(const OutputSettings& settings) const
{
    if (!m_initialised)
        return Error{QStringLiteral("The audio system (PortAudio) could not start.")};
    const QVector<OutputDevice> all = devices();
    if (all.isEmpty())
        return Error{QStringLiteral("No audio output device was found.")};
    const OutputDevice* chosen = nullptr;
    for (const OutputDevice& d : all)
        if (settings.deviceName.isEmpty() ? d.isDefault : d.name == settings.deviceName)
            chosen = &d;
    if (!chosen && !settings.deviceName.isEmpty())
        return Error{QStringLiteral("The audio output \"%1\" is not available.").arg(settings.deviceName)};
    if (!chosen)
        chosen = &all.front();
    const int rate = settings.sampleRate > 0 ? settings.sampleRate : int(std::lround(chosen->defaultSampleRate));
    return std::make_pair(*chosen, rate);
}

Status AudioOutput::open(const OutputSettings& settings, PlaybackEngine* engine)
{
    close();
    auto resolved = resolve(settings);
    if (!resolved)
        return resolved.error();
    Status opened = openDevice(resolved->first, engine->sampleRate(), settings.framesPerBuffer, engine);
    if (opened || !settings.deviceName.isEmpty())
        return opened;
    // The system default could not be opened (a desktop without a sound card still lists ALSA's "default"):
    // any other output that works is better than silence.
    for (const OutputDevice& d : devices())
        if (d.index != resolved->first.index && openDevice(d, engine->sampleRate(), settings.framesPerBuffer, engine))
            return Status::success();
    return opened;
}

Status AudioOutput::openDevice(const OutputDevice& device, int sampleRate, int framesPerBuffer, PlaybackEngine* engine)
{
    const PaDeviceInfo* info = Pa_GetDeviceInfo(device.index);
    if (!info || info->maxOutputChannels < 1)
        return Error{QStringLiteral("The audio output \"%1\" has no output channels.").arg(device.name)};
    PaStreamParameters params{};
    params.device = device.index;
    params.channelCount = 2;
    params.sampleFormat = paFloat32 | paNonInterleaved;
    params.suggestedLatency = info->defaultLowOutputLatency;
    PaStream* stream = nullptr;
    m_engine = engine;
    m_finished.store(false);
    m_closing.store(false);
    PaError err = Pa_OpenStream(&stream, nullptr, &params, sampleRate, unsigned(framesPerBuffer), paNoFlag,
                                &AudioOutputCallbacks::render, this);
    if (err != paNoError)
        return Error{QStringLiteral("Could not open \"%1\" at %2 Hz: %3").arg(device.name).arg(sampleRate).arg(paError(err))};
    Pa_SetStreamFinishedCallback(stream, &AudioOutputCallbacks::finished);
    err = Pa_StartStream(stream);
    if (err != paNoError) {
        Pa_CloseStream(stream);
        return Error{QStringLiteral("Could not start \"%1\": %2").arg(device.name, paError(err))};
    }
    m_stream = stream;
    const PaStreamInfo* streamInfo = Pa_GetStreamInfo(stream);
    m_sampleRate = streamInfo ? int(std::lround(streamInfo->sampleRate)) : sampleRate;
    m_latency = streamInfo ? streamInfo->outputLatency : 0.0;
    m_framesPerBuffer = framesPerBuffer;
    m_description = QStringLiteral("%1 (%2), %3 Hz, %4 frames, %5 ms latency")
                        .arg(device.name, device.hostApi)
                        .arg(m_sampleRate)
                        .arg(framesPerBuffer)
                        .arg(m_latency * 1000.0, 0, 'f', 1);
    return Status::success();
}

void AudioOutput::close()
{
    if (!m_stream)
        return;
    m_closing.store(true);
    auto* stream = static_cast<PaStream*>(m_stream);
    // Stop (not abort) lets the last buffer play out, so closing never cuts a click into the output.
    if (Pa_IsStreamActive(stream) == 1)
        Pa_StopStream(stream);
    Pa_CloseStream(stream);
    m_stream = nullptr;
    m_engine = nullptr;
}

bool AudioOutput::hasFailed() const
{
    if (!m_stream)
        return false;
    return m_finished.load() || Pa_IsStreamActive(static_cast<PaStream*>(m_stream)) != 1;
}

}  // namespace s2a::core
