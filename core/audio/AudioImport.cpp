#include "core/audio/AudioImport.h"

#include "core/audio/Resampler.h"

#include <QFileInfo>

#include <algorithm>
#include <new>
#include <utility>
#include <vector>

namespace s2a::core {
namespace {

constexpr float kMinus3dB = 0.70710678f;
constexpr float kMinus6dB = 0.5f;

struct StereoGain {
    float left = 0.0f;
    float right = 0.0f;
};

// The layout to downmix with: the file's own when it declares one, else the container's 5.1 convention
// (Vorbis I spec for Ogg, WAVE_FORMAT_EXTENSIBLE order for WAV, FLAC and the rest), else none.
std::vector<SpeakerPosition> effectiveLayout(const AudioFileInfo& source, int channelCount)
{
    if (static_cast<int>(source.channelLayout.size()) == channelCount
        && std::none_of(source.channelLayout.begin(), source.channelLayout.end(),
                        [](SpeakerPosition p) { return p == SpeakerPosition::Unknown; })) {
        return source.channelLayout;
    }
    using P = SpeakerPosition;
    if (channelCount == 6 && source.isOgg)
        return {P::FrontLeft, P::FrontCentre, P::FrontRight, P::SurroundLeft, P::SurroundRight, P::LowFrequency};
    if (channelCount == 6)
        return {P::FrontLeft, P::FrontRight, P::FrontCentre, P::LowFrequency, P::SurroundLeft, P::SurroundRight};
    return {};
}

StereoGain gainFor(SpeakerPosition position)
{
    switch (position) {
    case SpeakerPosition::FrontLeft: return {1.0f, 0.0f};
    case SpeakerPosition::FrontRight: return {0.0f, 1.0f};
    case SpeakerPosition::Mono:
    case SpeakerPosition::FrontCentre: return {kMinus3dB, kMinus3dB};
    case SpeakerPosition::SurroundLeft:
    case SpeakerPosition::TopLeft: return {kMinus3dB, 0.0f};
    case SpeakerPosition::SurroundRight:
    case SpeakerPosition::TopRight: return {0.0f, kMinus3dB};
    case SpeakerPosition::SurroundCentre:
    case SpeakerPosition::TopCentre: return {kMinus6dB, kMinus6dB};
    case SpeakerPosition::LowFrequency:
    case SpeakerPosition::Unknown: return {};
    }
    return {};
}

std::vector<StereoGain> downmixGains(const AudioBuffer& audio, const AudioFileInfo& source)
{
    const int channelCount = audio.channelCount();
    std::vector<StereoGain> gains(static_cast<size_t>(channelCount));
    const std::vector<SpeakerPosition> layout = effectiveLayout(source, channelCount);
    if (!layout.empty()) {
        for (int c = 0; c < channelCount; ++c)
            gains[static_cast<size_t>(c)] = gainFor(layout[static_cast<size_t>(c)]);
    } else {
        for (int c = 0; c < channelCount; ++c)
            gains[static_cast<size_t>(c)] = (c % 2 == 0) ? StereoGain{1.0f, 0.0f} : StereoGain{0.0f, 1.0f};
    }
    float leftSum = 0.0f;
    float rightSum = 0.0f;
    for (const StereoGain& g : gains) {
        leftSum += g.left;
        rightSum += g.right;
    }
    for (StereoGain& g : gains) {
        g.left = leftSum > 0.0f ? g.left / leftSum : 0.0f;
        g.right = rightSum > 0.0f ? g.right / rightSum : 0.0f;
    }
    return gains;
}

}  // namespace

AudioBuffer downmixToStereo(const AudioBuffer& audio, const AudioFileInfo& source)
{
    const std::vector<StereoGain> gains = downmixGains(audio, source);
    // Only the common length: a ragged buffer is a programming error, not a reason to read out of bounds.
    Q_ASSERT(audio.hasEqualChannelLengths());
    SampleCount frames = audio.frames();
    for (const auto& channel : audio.channels)
        frames = std::min(frames, static_cast<SampleCount>(channel.size()));
    AudioBuffer stereo = AudioBuffer::silence(2, frames, audio.sampleRate);
    float* left = stereo.channels[0].data();
    float* right = stereo.channels[1].data();
    // Channel by channel rather than frame by frame: each pass is a contiguous multiply-add the compiler
    // vectorises.
    for (int c = 0; c < audio.channelCount(); ++c) {
        const StereoGain g = gains[static_cast<size_t>(c)];
        const float* in = audio.channels[static_cast<size_t>(c)].data();
        if (g.left != 0.0f) {
            for (SampleCount i = 0; i < frames; ++i)
                left[i] += g.left * in[i];
        }
        if (g.right != 0.0f) {
            for (SampleCount i = 0; i < frames; ++i)
                right[i] += g.right * in[i];
        }
    }
    return stereo;
}

Result<ImportedAudio> importAudio(const QString& path, int projectRate, ChannelPolicy policy)
{
    const QString name = QFileInfo(path).fileName();
    if (projectRate <= 0)
        return Error{QStringLiteral("%1: cannot import into a project with sample rate %2 Hz").arg(name).arg(projectRate)};

    // Refuse before decoding: a long surround file takes seconds to decode only to be turned down.
    auto probed = AudioFileReader::probe(path);
    if (!probed)
        return probed.error();
    if (probed->channels > 2 && policy == ChannelPolicy::Refuse) {
        return Error{QStringLiteral("%1: has %2 channels; projects are stereo, so import it with a downmix to "
                                    "stereo or convert it first")
                         .arg(name)
                         .arg(probed->channels)};
    }

    auto decoded = AudioFileReader::read(path);
    if (!decoded)
        return decoded.error();

    // A NaN or infinity (a broken plug-in's render, or a hostile file) would poison every mix, meter and encoder
    // downstream; the file is refused rather than patched so that nothing is silently changed.
    if (const auto bad = decoded->audio.firstNonFinite()) {
        return Error{QStringLiteral("%1: the file holds %2; it is damaged or was rendered by a faulty plug-in. "
                                    "Render or export it again")
                         .arg(name, bad->describe(decoded->audio.sampleRate))};
    }

    ImportedAudio imported;
    imported.source = std::move(decoded->info);
    AudioBuffer& audio = decoded->audio;
    try {
        if (audio.channelCount() == 1) {
            audio.channels.push_back(audio.channels.front());
        } else if (audio.channelCount() > 2) {
            audio = downmixToStereo(audio, imported.source);
            imported.downmixed = true;
        }
        if (audio.sampleRate != projectRate) {
            auto resampled = Resampler::resample(audio, projectRate);
            if (!resampled)
                return Error{QStringLiteral("%1: %2").arg(name, resampled.errorMessage())};
            audio = std::move(resampled).value();
            imported.resampled = true;
        }
    } catch (const std::bad_alloc&) {
        return Error{QStringLiteral("%1: not enough memory to convert %2 frames to the project format")
                         .arg(name)
                         .arg(imported.source.frames)};
    }
    imported.audio = std::move(audio);
    return imported;
}

}  // namespace s2a::core
