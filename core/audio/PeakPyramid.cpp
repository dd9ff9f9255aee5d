#include "core/audio/PeakPyramid.h"

#include "core/util/Parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace s2a::core {
namespace {

// Independent accumulators per lane break the loop-carried dependency of min/max/sum, which is what lets the
// compiler turn the lane loop into SIMD instructions without -ffast-math (the additions stay in a fixed order).
constexpr int kLanes = 8;

PeakBlock computeBlock(const float* samples, int count)
{
    float lo[kLanes];
    float hi[kLanes];
    float squares[kLanes];
    for (int j = 0; j < kLanes; ++j) {
        lo[j] = std::numeric_limits<float>::infinity();
        hi[j] = -std::numeric_limits<float>::infinity();
        squares[j] = 0.0f;
    }
    int i = 0;
    for (; i + kLanes <= count; i += kLanes) {
        for (int j = 0; j < kLanes; ++j) {
            const float x = samples[i + j];
            lo[j] = x < lo[j] ? x : lo[j];
            hi[j] = x > hi[j] ? x : hi[j];
            squares[j] += x * x;
        }
    }
    for (int j = 0; i < count; ++i, ++j) {
        const float x = samples[i];
        lo[j] = x < lo[j] ? x : lo[j];
        hi[j] = x > hi[j] ? x : hi[j];
        squares[j] += x * x;
    }
    PeakBlock block;
    block.min = lo[0];
    block.max = hi[0];
    // Each lane holds at most 32 squares of a 256-sample block, so float lanes lose nothing measurable;
    // the block total is summed in double because blocks are combined in their thousands.
    double sum = squares[0];
    for (int j = 1; j < kLanes; ++j) {
        block.min = std::min(block.min, lo[j]);
        block.max = std::max(block.max, hi[j]);
        sum += squares[j];
    }
    block.sumSquares = sum;
    return block;
}

PeakBlock combine(const PeakBlock* blocks, SampleCount count)
{
    PeakBlock out = blocks[0];
    for (SampleCount i = 1; i < count; ++i) {
        out.min = std::min(out.min, blocks[i].min);
        out.max = std::max(out.max, blocks[i].max);
        out.sumSquares += blocks[i].sumSquares;
    }
    return out;
}

// One unit of parallel work: a channel's samples covering whole coarsest blocks [first, last), for which every
// level can be built without looking outside the range (block sizes nest exactly).
struct BuildRange {
    int channel = 0;
    SampleCount firstCoarse = 0;
    SampleCount lastCoarse = 0;
};

// About 4 Mi samples per task: enough tasks to balance two to sixteen cores, few enough that scheduling is noise.
constexpr SampleCount kCoarseBlocksPerTask = 64;

}  // namespace

SampleCount PeakPyramid::blockCountFor(SampleCount frames, int level)
{
    const SampleCount size = kBlockSizes[static_cast<size_t>(level)];
    return frames <= 0 ? 0 : (frames + size - 1) / size;
}

PeakPyramid PeakPyramid::build(const AudioBuffer& audio)
{
    PeakPyramid pyramid;
    pyramid.m_sampleRate = audio.sampleRate;
    // Buffers are built by our own code with equal channels; should one ever be ragged, reading only the common
    // length keeps a programming error from becoming an out-of-bounds read in a release build.
    Q_ASSERT(audio.hasEqualChannelLengths());
    SampleCount frames = audio.frames();
    for (const auto& channel : audio.channels)
        frames = std::min(frames, static_cast<SampleCount>(channel.size()));
    pyramid.m_frames = frames;
    pyramid.m_channelCount = audio.channelCount();
    for (int level = 0; level < kLevelCount; ++level) {
        pyramid.m_levels[static_cast<size_t>(level)].assign(
            static_cast<size_t>(pyramid.m_channelCount),
            std::vector<PeakBlock>(static_cast<size_t>(pyramid.blockCount(level))));
    }

    auto buildRange = [&audio, &pyramid, frames](const BuildRange& range) {
        const size_t c = static_cast<size_t>(range.channel);
        const float* samples = audio.channels[c].data();
        // Finest level straight from the samples.
        const int finest = kBlockSizes[0];
        const SampleCount ratio0 = kBlockSizes.back() / finest;
        std::vector<PeakBlock>& level0 = pyramid.m_levels[0][c];
        const SampleCount first0 = range.firstCoarse * ratio0;
        const SampleCount last0 = std::min(range.lastCoarse * ratio0, static_cast<SampleCount>(level0.size()));
        for (SampleCount k = first0; k < last0; ++k) {
            const SampleCount start = k * finest;
            const int count = static_cast<int>(std::min<SampleCount>(finest, frames - start));
            level0[static_cast<size_t>(k)] = computeBlock(samples + start, count);
        }
        // Coarser levels from the next finer one; the last block may combine fewer than `ratio` blocks.
        for (int level = 1; level < kLevelCount; ++level) {
            const std::vector<PeakBlock>& finer = pyramid.m_levels[static_cast<size_t>(level - 1)][c];
            std::vector<PeakBlock>& coarser = pyramid.m_levels[static_cast<size_t>(level)][c];
            const SampleCount ratio = kBlockSizes[static_cast<size_t>(level)] / kBlockSizes[static_cast<size_t>(level - 1)];
            const SampleCount toCoarsest = kBlockSizes.back() / kBlockSizes[static_cast<size_t>(level)];
            const SampleCount first = range.firstCoarse * toCoarsest;
            const SampleCount last = std::min(range.lastCoarse * toCoarsest, static_cast<SampleCount>(coarser.size()));
            for (SampleCount k = first; k < last; ++k) {
                const SampleCount begin = k * ratio;
                const SampleCount count = std::min(ratio, static_cast<SampleCount>(finer.size()) - begin);
                coarser[static_cast<size_t>(k)] = combine(finer.data() + begin, count);
            }
        }
    };

    std::vector<BuildRange> ranges;
    const SampleCount coarseBlocks = pyramid.blockCount(kLevelCount - 1);
    for (int c = 0; c < pyramid.m_channelCount; ++c) {
        for (SampleCount first = 0; first < coarseBlocks; first += kCoarseBlocksPerTask)
            ranges.push_back({c, first, std::min(first + kCoarseBlocksPerTask, coarseBlocks)});
    }
    if (ranges.size() <= 1) {
        for (const BuildRange& range : ranges)
            buildRange(range);
    } else {
        parallelForEach(ranges, buildRange);
    }
    return pyramid;
}

Result<PeakPyramid> PeakPyramid::fromLevels(int sampleRate, SampleCount frames, int channelCount, Levels levels)
{
    if (sampleRate <= 0 || frames < 0 || channelCount < 0)
        return Error{QStringLiteral("invalid peak data: %1 Hz, %2 frames, %3 channels").arg(sampleRate).arg(frames).arg(channelCount)};
    if (static_cast<int>(levels.size()) != kLevelCount)
        return Error{QStringLiteral("invalid peak data: %1 levels, expected %2").arg(levels.size()).arg(kLevelCount)};
    for (int level = 0; level < kLevelCount; ++level) {
        const auto& channels = levels[static_cast<size_t>(level)];
        if (static_cast<int>(channels.size()) != channelCount)
            return Error{QStringLiteral("invalid peak data: level %1 has %2 channels, expected %3").arg(level).arg(channels.size()).arg(channelCount)};
        const SampleCount expected = blockCountFor(frames, level);
        for (const auto& blocks : channels) {
            if (static_cast<SampleCount>(blocks.size()) != expected)
                return Error{QStringLiteral("invalid peak data: level %1 has %2 blocks, expected %3").arg(level).arg(blocks.size()).arg(expected)};
            for (const PeakBlock& b : blocks) {
                // Written so that NaN fails too.
                if (!(b.min <= b.max) || !(b.sumSquares >= 0.0) || !std::isfinite(b.sumSquares))
                    return Error{QStringLiteral("invalid peak data: a block at level %1 has inconsistent values").arg(level)};
            }
        }
    }
    PeakPyramid pyramid;
    pyramid.m_sampleRate = sampleRate;
    pyramid.m_frames = frames;
    pyramid.m_channelCount = channelCount;
    pyramid.m_levels = std::move(levels);
    return pyramid;
}

const std::vector<PeakBlock>& PeakPyramid::blocks(int level, int channel) const
{
    Q_ASSERT(level >= 0 && level < kLevelCount && channel >= 0 && channel < m_channelCount);
    return m_levels[static_cast<size_t>(level)][static_cast<size_t>(channel)];
}

SampleCount PeakPyramid::blockSampleCount(int level, SampleCount block) const
{
    const SampleCount size = blockSize(level);
    return std::clamp<SampleCount>(m_frames - block * size, 0, size);
}

PeakBin PeakPyramid::bin(int level, int channel, SampleCount block) const
{
    const PeakBlock& b = blocks(level, channel)[static_cast<size_t>(block)];
    const SampleCount count = blockSampleCount(level, block);
    return {b.min, b.max, static_cast<float>(std::sqrt(b.sumSquares / static_cast<double>(count)))};
}

int PeakPyramid::levelFor(SampleCount a, SampleCount b, int pixels) const
{
    a = std::clamp<SampleCount>(a, 0, m_frames);
    b = std::clamp<SampleCount>(b, 0, m_frames);
    if (pixels <= 0 || b <= a)
        return -1;
    const SampleCount samplesPerPixel = (b - a) / pixels;  // floor: the whole-block guarantee needs it
    for (int level = kLevelCount - 1; level >= 0; --level) {
        if (blockSize(level) <= samplesPerPixel)
            return level;
    }
    return -1;
}

std::vector<PeakBin> PeakPyramid::peaks(int channel, SampleCount a, SampleCount b, int pixels) const
{
    if (channel < 0 || channel >= m_channelCount)
        return {};
    const int level = levelFor(a, b, pixels);
    if (level < 0)
        return {};
    a = std::clamp<SampleCount>(a, 0, m_frames);
    b = std::clamp<SampleCount>(b, 0, m_frames);

    const SampleCount size = blockSize(level);
    const std::vector<PeakBlock>& blocks = this->blocks(level, channel);
    const SampleCount span = b - a;
    // e_i = a + floor(i * span / pixels), split into quotient and remainder so that i * span cannot overflow.
    const SampleCount quotient = span / pixels;
    const SampleCount remainder = span % pixels;
    auto edgeBlock = [&](int i) { return (a + quotient * i + (remainder * i) / pixels) / size; };

    std::vector<PeakBin> bins(static_cast<size_t>(pixels));
    SampleCount firstBlock = edgeBlock(0);
    for (int i = 0; i < pixels; ++i) {
        const SampleCount endBlock = (i + 1 == pixels) ? std::min((b + size - 1) / size, static_cast<SampleCount>(blocks.size()))
                                                       : edgeBlock(i + 1);
        const PeakBlock combined = combine(blocks.data() + firstBlock, endBlock - firstBlock);
        const SampleCount samples = std::min(endBlock * size, m_frames) - firstBlock * size;
        bins[static_cast<size_t>(i)] = {combined.min, combined.max,
                                        static_cast<float>(std::sqrt(combined.sumSquares / static_cast<double>(samples)))};
        firstBlock = endBlock;
    }
    return bins;
}

bool PeakPyramid::operator==(const PeakPyramid& o) const
{
    return m_sampleRate == o.m_sampleRate && m_frames == o.m_frames && m_channelCount == o.m_channelCount
           && m_levels == o.m_levels;
}

}  // namespace s2a::core
