#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

#include <array>
#include <vector>

namespace s2a::core {

// What one waveform pixel column shows.
struct PeakBin {
    float min = 0.0f;
    float max = 0.0f;
    float rms = 0.0f;
};

// One block of one channel at one level. The sum of squares is kept (not the RMS) so that blocks combine
// exactly into coarser blocks and pixels; double because a coarse block sums up to 65536 squares.
struct PeakBlock {
    float min = 0.0f;
    float max = 0.0f;
    double sumSquares = 0.0;
    bool operator==(const PeakBlock& o) const { return min == o.min && max == o.max && sumSquares == o.sumSquares; }
};

// Waveform overview: min/max/RMS per channel over blocks of 256, 4096 and 65536 samples.
//
// Query model: peaks(channel, a, b, pixels) divides [a, b) into `pixels` equal spans and answers from the
// coarsest level whose block size is <= the samples per pixel, combining whole blocks only. Pixel edges snap
// down to that level's block grid (pixel i covers blocks floor(e_i / B) .. floor(e_{i+1} / B) - 1, with
// e_i = a + i * (b - a) / pixels in integer arithmetic), except that the last edge snaps up so the end of the
// range is covered. A bin can therefore include up to one block before its exact span; at the chosen level
// a pixel spans at least one block, so no bin is ever empty.
//
// Below finestBlockSize() samples per pixel there is no level to answer from and peaks() returns nothing:
// at that zoom the caller draws the samples themselves (it holds them; a screen shows at most a few thousand).
class PeakPyramid {
public:
    static constexpr int kLevelCount = 3;
    static constexpr std::array<int, kLevelCount> kBlockSizes{256, 4096, 65536};

    // blocks[level][channel][block]: the layout build() produces and PeakCache stores.
    using Levels = std::vector<std::vector<std::vector<PeakBlock>>>;

    PeakPyramid() = default;

    // Channels are split into ranges of whole coarsest blocks and built in parallel on QtConcurrent's global
    // pool (through parallelForEach, so this is safe from a pool thread too).
    static PeakPyramid build(const AudioBuffer& audio);

    // Reassembles a pyramid from stored levels, checking every size and value so that a damaged cache is
    // rejected instead of drawn.
    static Result<PeakPyramid> fromLevels(int sampleRate, SampleCount frames, int channelCount, Levels levels);

    int sampleRate() const { return m_sampleRate; }
    SampleCount frames() const { return m_frames; }
    int channelCount() const { return m_channelCount; }

    int levelCount() const { return kLevelCount; }
    int blockSize(int level) const { return kBlockSizes[static_cast<size_t>(level)]; }
    int finestBlockSize() const { return kBlockSizes.front(); }
    SampleCount blockCount(int level) const { return blockCountFor(m_frames, level); }
    static SampleCount blockCountFor(SampleCount frames, int level);

    // Raw access (tests, PeakCache). The last block of a level may be partial: blockSampleCount() says how many
    // samples it summarises.
    const std::vector<PeakBlock>& blocks(int level, int channel) const;
    SampleCount blockSampleCount(int level, SampleCount block) const;
    PeakBin bin(int level, int channel, SampleCount block) const;

    // The level peaks() answers from for this range and width, or -1 when samples per pixel is below the
    // finest block size (the caller draws raw samples).
    int levelFor(SampleCount a, SampleCount b, int pixels) const;

    // See the class comment for how pixels map onto blocks. Empty when the channel or range is invalid,
    // pixels <= 0, or levelFor() is -1. The range is clamped to [0, frames()).
    std::vector<PeakBin> peaks(int channel, SampleCount a, SampleCount b, int pixels) const;

    bool operator==(const PeakPyramid& o) const;
    bool operator!=(const PeakPyramid& o) const { return !(*this == o); }

private:
    int m_sampleRate = 0;
    SampleCount m_frames = 0;
    int m_channelCount = 0;
    Levels m_levels = Levels(kLevelCount);
};

}  // namespace s2a::core
