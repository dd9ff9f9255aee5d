#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

#include <QString>

#include <algorithm>

namespace s2a::ui {

// A half-open range of file frames [first, last).
struct FrameRange {
    core::SampleCount first = 0;
    core::SampleCount last = 0;

    core::SampleCount length() const { return std::max<core::SampleCount>(0, last - first); }
    bool isEmpty() const { return last <= first; }
    bool contains(const FrameRange& o) const { return o.isEmpty() || (first <= o.first && o.last <= last); }
    bool operator==(const FrameRange& o) const { return first == o.first && last == o.last; }
};

// A decoded stretch of one file, at the file's own rate: what the waveform draws at sample-level zoom, where the
// peak pyramid has nothing fine enough. Only the visible neighbourhood is decoded, never the whole file (a
// 10-minute stereo file would be 200 MB of floats).
struct SampleWindow {
    core::SampleCount first = 0;  // file frame of audio's first frame
    core::AudioBuffer audio;

    FrameRange range() const { return {first, first + audio.frames()}; }
    float at(int channel, core::SampleCount frame) const
    {
        return audio.channels[static_cast<size_t>(channel)][static_cast<size_t>(frame - first)];
    }
};

// Reads [range.first, range.last) of a file through libsndfile, seeking instead of decoding from the start
// (core's AudioFileReader decodes whole files). The range is clamped to the file; blocking, so callers run it
// on a pool thread.
class RangedAudioReader {
public:
    static Result<SampleWindow> read(const QString& path, FrameRange range);
};

}  // namespace s2a::ui
