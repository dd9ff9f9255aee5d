#include "core/audio/AudioBuffer.h"

namespace s2a::core {

bool AudioBuffer::hasEqualChannelLengths() const
{
    for (const auto& channel : channels) {
        if (channel.size() != channels.front().size())
            return false;
    }
    return true;
}

AudioBuffer AudioBuffer::silence(int channelCount, SampleCount frames, int sampleRate)
{
    AudioBuffer buffer;
    buffer.sampleRate = sampleRate;
    buffer.channels.assign(static_cast<size_t>(qMax(channelCount, 0)),
                           std::vector<float>(static_cast<size_t>(qMax<SampleCount>(frames, 0)), 0.0f));
    return buffer;
}

}  // namespace s2a::core
