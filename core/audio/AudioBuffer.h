#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace s2a::core {

// Same alias as core/model/ProjectData.h (a repeated alias of the same type is legal); audio code must not
// depend on the project model just to count samples.
using SampleCount = qint64;

// A sample that is NaN or infinite: such audio cannot be mixed, analysed or encoded (a FLAC encoder turns it into
// garbage or fails), so importers refuse it and writers never write it.
struct NonFiniteSample {
    int channel = 0;
    SampleCount frame = 0;
    float value = 0.0f;
    // "a NaN sample at 0:01.250 (channel 2)"
    QString describe(int sampleRate) const;
};

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
    // Every sample exactly 0 (an instrument that rests: no file is stored for it).
    bool isSilent() const;

    // The first non-finite sample in time order (the earliest frame, then the lowest channel), if any.
    std::optional<NonFiniteSample> firstNonFinite() const;

    static AudioBuffer silence(int channelCount, SampleCount frames, int sampleRate);
};

// Adds `source` into `destination` sample by sample over the frames both have (the destination keeps its
// length and channel count). A source with fewer channels repeats its last one (mono into stereo); a source with
// none adds nothing. Stems summed into a group, takes summed into a tune: one loop for all of them.
void mixInto(AudioBuffer& destination, const AudioBuffer& source);

}  // namespace s2a::core
