#pragma once

#include <QtGlobal>

#include <vector>

namespace s2a::core {

// Same alias as core/model/ProjectData.h (a repeated alias of the same type is legal); audio code must not
// depend on the project model just to count samples.
using SampleCount = qint64;

// Planar float audio: one vector per channel, all of the same length, nominal range [-1, 1].
// Planar because every consumer here (peaks, resampling, mixing per track) works one channel at a time.
struct AudioBuffer {
    std::vector<std::vector<float>> channels;
    int sampleRate = 0;

    int channelCount() const { return static_cast<int>(channels.size()); }
    SampleCount frames() const { return channels.empty() ? 0 : static_cast<SampleCount>(channels.front().size()); }
    bool isEmpty() const { return frames() == 0; }
    // Buffers are built by hand in many places; this is the invariant every audio function relies on.
    bool hasEqualChannelLengths() const;

    static AudioBuffer silence(int channelCount, SampleCount frames, int sampleRate);
};

}  // namespace s2a::core
