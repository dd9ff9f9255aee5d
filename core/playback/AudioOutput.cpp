#include "core/playback/AudioOutput.h"

#include "core/playback/PlaybackEngine.h"

#include <portaudio.h>

#include <chrono>
#include <cmath>

namespace s2a::core {

namespace {

struct PortAudioState {
    bool initialised = false;
    bool lostJackServer = false;  // PortAudio 19.6 cannot re-initialise JACK after its server died
};
PortAudioState g_portAudio;  // touched from the control thread only

// The two functions PortAudio calls. The stream callback runs on the real-time thread: engine->process()
// and two atomic increments, nothing else.
int renderCallback(const void*, void* output, unsigned long frames, const PaStreamCallbackTimeInfo*,
                   PaStreamCallbackFlags status, void* user)
{
    auto* context = static_cast<StreamContext*>(user);
    auto** channels = static_cast<float**>(output);
    if (status & paOutputUnderflow)
        context->engine->noteXrun();
    context->engine->process(channels[0], channels[1], int(frames));
    context->callbacks.fetch_add(1, std::memory_order_relaxed);
    return paContinue;
}

void finishedCallback(void* user)
{
    auto* context = static_cast<StreamContext*>(user);
    if (!context->closing.load())
        context->finished.store(true);
}

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
    // PortAudio is initialised once per process and re-initialised only by rescan(): its own reference count
    // would otherwise keep an old device list alive as long as any earlier AudioOutput had not terminated it.
    if (!g_portAudio.initialised)
        g_portAudio.initialised = Pa_Initialize() == paNoError;
}

AudioOutput::~AudioOutput()
{
    close();
    if (!waitForReaper(2000))
        m_reaper.detach();  // still inside PortAudio; the process is ending anyway
    // No Pa_Terminate here: Debian's PortAudio 19.6 is built with assertions, and its JACK backend aborts the
    // process when terminated after the JACK server went away. Leaving PortAudio initialised costs nothing;
    // the system releases the devices.
}

bool AudioOutput::waitForReaper(int milliseconds)
{
    if (!m_reaper.joinable())
        return true;
    for (int waited = 0; !m_reaperDone->load() && waited < milliseconds; waited += 10)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!m_reaperDone->load())
        return false;
    m_reaper.join();
    return true;
}

void AudioOutput::releaseLostStream()
{
    if (!m_stream)
        return;
    if (m_reaper.joinable() && !waitForReaper(0))
        return;  // one release at a time; this stream stays referenced until the next call
    auto* stream = static_cast<PaStream*>(m_stream);
    m_context->closing.store(true);
    g_portAudio.lostJackServer = g_portAudio.lostJackServer || m_hostApi.contains(QLatin1String("JACK"));
    auto done = std::make_shared<std::atomic<bool>>(false);
    m_reaperDone = done;
    // The context (and with it the engine) lives until PortAudio has let go of the stream.
    m_reaper = std::thread([stream, context = m_context, done] {
        Pa_CloseStream(stream);
        done->store(true);
    });
    m_stream = nullptr;
    m_context.reset();
}

QString AudioOutput::portAudioVersion()
{
    const PaVersionInfo* info = Pa_GetVersionInfo();
    return info && info->versionText ? QString::fromLatin1(info->versionText) : QStringLiteral("V%1").arg(Pa_GetVersion());
}

QVector<OutputDevice> AudioOutput::devices() const
{
    QVector<OutputDevice> out;
    if (!g_portAudio.initialised)
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

Status AudioOutput::rescan()
{
    close();
    if (g_portAudio.lostJackServer)
        return Error{QStringLiteral("The JACK server stopped while S2A Studio was using it. PortAudio cannot reconnect "
                                    "to JACK within one session: save your song and restart S2A Studio to play "
                                    "through JACK again (other outputs are not affected).")};
    if (!waitForReaper(2000))
        return Error{QStringLiteral("The audio system is still releasing the device that went away; try again in a "
                                    "moment (PortAudio can take minutes to give up a JACK server that stopped).")};
    if (g_portAudio.initialised)
        Pa_Terminate();
    g_portAudio.initialised = Pa_Initialize() == paNoError;
    return g_portAudio.initialised ? Status::success() : Status(Error{QStringLiteral("The audio system (PortAudio) could not start.")});
}

Result<std::pair<OutputDevice, int>> AudioOutput::resolve(const OutputSettings& settings) const
{
    if (!g_portAudio.initialised)
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

Status AudioOutput::open(const OutputSettings& settings, std::shared_ptr<PlaybackEngine> engine)
{
    close();
    auto resolved = resolve(settings);
    if (!resolved)
        return resolved.error();
    Status opened = openDevice(resolved->first, settings.framesPerBuffer, engine);
    if (opened || !settings.deviceName.isEmpty())
        return opened;
    // The system default could not be opened (a desktop without a sound card still lists ALSA's "default"):
    // any other output that works is better than silence.
    for (const OutputDevice& d : devices())
        if (d.index != resolved->first.index && openDevice(d, settings.framesPerBuffer, engine))
            return Status::success();
    return opened;
}

Status AudioOutput::openDevice(const OutputDevice& device, int framesPerBuffer, std::shared_ptr<PlaybackEngine> engine)
{
    const int sampleRate = engine->sampleRate();
    const PaDeviceInfo* info = Pa_GetDeviceInfo(device.index);
    if (!info || info->maxOutputChannels < 1)
        return Error{QStringLiteral("The audio output \"%1\" has no output channels.").arg(device.name)};
    PaStreamParameters params{};
    params.device = device.index;
    params.channelCount = 2;
    params.sampleFormat = paFloat32 | paNonInterleaved;
    params.suggestedLatency = info->defaultLowOutputLatency;
    PaStream* stream = nullptr;
    auto context = std::make_shared<StreamContext>();
    context->engine = std::move(engine);
    PaError err = Pa_OpenStream(&stream, nullptr, &params, sampleRate, unsigned(framesPerBuffer), paNoFlag,
                                &renderCallback, context.get());
    if (err != paNoError)
        return Error{QStringLiteral("Could not open \"%1\" at %2 Hz: %3").arg(device.name).arg(sampleRate).arg(paError(err))};
    Pa_SetStreamFinishedCallback(stream, &finishedCallback);
    err = Pa_StartStream(stream);
    if (err != paNoError) {
        Pa_CloseStream(stream);
        return Error{QStringLiteral("Could not start \"%1\": %2").arg(device.name, paError(err))};
    }
    m_stream = stream;
    m_context = std::move(context);
    m_hostApi = device.hostApi;
    m_deviceLabel = QStringLiteral("%1 (%2)").arg(device.name, device.hostApi);
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
    if (hasFailed()) {
        releaseLostStream();  // a dead device's stream must not hold up the caller
        return;
    }
    m_context->closing.store(true);
    auto* stream = static_cast<PaStream*>(m_stream);
    // Stop (not abort) lets the last buffer play out, so closing never cuts a click into the output.
    if (Pa_IsStreamActive(stream) == 1)
        Pa_StopStream(stream);
    Pa_CloseStream(stream);
    m_stream = nullptr;
    m_context.reset();
}

bool AudioOutput::hasFailed() const
{
    if (!m_stream)
        return false;
    return m_context->finished.load() || Pa_IsStreamActive(static_cast<PaStream*>(m_stream)) != 1;
}

}  // namespace s2a::core
