#include "core/audio/AudioBuffer.h"

#include "core/util/ClockText.h"

#include <algorithm>
#include <cmath>

namespace s2a::core {

bool AudioBuffer::hasEqualChannelLengths() const
{
    for (const auto& channel : channels) {
        if (channel.size() != channels.front().size())
            return false;
    }
    return true;
}

QString NonFiniteSample::describe(int sampleRate) const
{
    const double seconds = sampleRate > 0 ? double(frame) / sampleRate : 0.0;
    return QStringLiteral("%1 sample at %2 (channel %3)")
        .arg(std::isnan(value) ? QStringLiteral("a NaN") : QStringLiteral("an infinite"), clockText(seconds, 3))
        .arg(channel + 1);
}

std::optional<NonFiniteSample> AudioBuffer::firstNonFinite() const
{
    std::optional<NonFiniteSample> first;
    for (size_t c = 0; c < channels.size(); ++c) {
        const std::vector<float>& channel = channels[c];
        // Only the part before the earliest find so far can hold an earlier one.
        const size_t limit = first ? static_cast<size_t>(first->frame) : channel.size();
        for (size_t i = 0; i < limit && i < channel.size(); ++i) {
            if (!std::isfinite(channel[i])) {
                first = NonFiniteSample{static_cast<int>(c), static_cast<SampleCount>(i), channel[i]};
                break;
            }
        }
    }
    return first;
}

AudioBuffer AudioBuffer::silence(int channelCount, SampleCount frames, int sampleRate)
{
    AudioBuffer buffer;
    buffer.sampleRate = sampleRate;
    buffer.channels.assign(static_cast<size_t>(qMax(channelCount, 0)),
                           std::vector<float>(static_cast<size_t>(qMax<SampleCount>(frames, 0)), 0.0f));
    return buffer;
}

void mixInto(AudioBuffer& destination, const AudioBuffer& source)
{
    if (source.channels.empty())
        return;
    for (size_t c = 0; c < destination.channels.size(); ++c) {
        const std::vector<float>& from = source.channels[std::min(c, source.channels.size() - 1)];
        std::vector<float>& to = destination.channels[c];
        const size_t n = std::min(to.size(), from.size());
        for (size_t i = 0; i < n; ++i)
            to[i] += from[i];
    }
}

bool AudioBuffer::isSilent() const
{
    return std::all_of(channels.begin(), channels.end(), [](const std::vector<float>& channel) {
        return std::all_of(channel.begin(), channel.end(), [](float v) { return v == 0.0f; });
    });
}

}  // namespace s2a::core
