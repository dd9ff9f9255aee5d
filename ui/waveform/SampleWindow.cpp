#include "ui/waveform/SampleWindow.h"

// Internal to core/audio, used here for the same reason core uses it: one place that opens files with the
// platform's file-name encoding and words libsndfile's errors. libsndfile itself is linked by sources.cmake.
#include "core/audio/SndFile.h"

#include <vector>

namespace s2a::ui {

Result<SampleWindow> RangedAudioReader::read(const QString& path, FrameRange range)
{
    const QString name = core::detail::displayName(path);
    SF_INFO info{};
    core::detail::SndFilePtr file = core::detail::openSndFile(path, SFM_READ, &info);
    if (!file)
        return Error{QStringLiteral("%1: cannot be opened (%2)").arg(name, core::detail::sndfileError(nullptr))};
    if (info.channels <= 0 || info.samplerate <= 0)
        return Error{QStringLiteral("%1: the file declares no channels or no sample rate").arg(name)};

    // Compressed streams (MP3) may state an estimated length; reading simply stops early then.
    range.first = std::clamp<core::SampleCount>(range.first, 0, info.frames);
    range.last = std::clamp<core::SampleCount>(range.last, range.first, info.frames);

    SampleWindow window;
    window.first = range.first;
    window.audio.sampleRate = info.samplerate;
    window.audio.channels.assign(static_cast<size_t>(info.channels), {});
    if (range.isEmpty())
        return window;
    if (sf_seek(file.get(), range.first, SEEK_SET) < 0)
        return Error{QStringLiteral("%1: cannot seek to frame %2 (%3)").arg(name).arg(range.first).arg(core::detail::sndfileError(file.get()))};

    const int channels = info.channels;
    for (auto& channel : window.audio.channels)
        channel.resize(static_cast<size_t>(range.length()));
    constexpr sf_count_t kChunk = 1 << 15;
    std::vector<float> interleaved(static_cast<size_t>(kChunk) * static_cast<size_t>(channels));
    core::SampleCount done = 0;
    while (done < range.length()) {
        const sf_count_t want = std::min<sf_count_t>(kChunk, range.length() - done);
        const sf_count_t got = sf_readf_float(file.get(), interleaved.data(), want);
        if (got <= 0)
            break;
        for (int c = 0; c < channels; ++c) {
            float* out = window.audio.channels[static_cast<size_t>(c)].data() + done;
            const float* in = interleaved.data() + c;
            for (sf_count_t i = 0; i < got; ++i)
                out[i] = in[i * channels];
        }
        done += got;
    }
    if (sf_error(file.get()) != SF_ERR_NO_ERROR)
        return Error{QStringLiteral("%1: decoding failed near frame %2, the file is damaged (%3)").arg(name).arg(range.first + done).arg(core::detail::sndfileError(file.get()))};
    // A short read (estimated length) keeps what was decoded: the window says exactly which frames it holds.
    for (auto& channel : window.audio.channels)
        channel.resize(static_cast<size_t>(done));
    return window;
}

}  // namespace s2a::ui
