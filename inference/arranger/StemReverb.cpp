#include "inference/arranger/StemReverb.h"

#include <algorithm>
#include <cmath>

namespace s2a::inference::arranger {
namespace {

// Line lengths at 44.1 kHz (29 to 52 ms), prime so that no two lines share echoes, spread so that the
// modes of the room are dense. Scaled to the actual rate; the room sounds the same at 48 kHz.
constexpr std::array<int, 8> kLengths44k{1283, 1361, 1499, 1613, 1759, 1877, 2053, 2287};

}  // namespace

StemReverb::StemReverb(int sampleRate, const Params& params)
{
    const double scale = double(sampleRate) / 44100.0;
    int longest = 0;
    for (int i = 0; i < kLines; ++i) {
        delay_[size_t(i)] = std::max(kBlock + 1, int(std::lround(kLengths44k[size_t(i)] * scale)));
        longest = std::max(longest, delay_[size_t(i)]);
        // A signal loses 60 dB in `decaySeconds`: per trip through a line of d samples that is
        // 10^(-3 d / (T fs)).
        gain_[size_t(i)] = float(std::pow(10.0, -3.0 * delay_[size_t(i)] / (double(params.decaySeconds) * sampleRate)));
    }
    int size = 1;
    while (size <= longest)
        size *= 2;
    mask_ = size - 1;
    // Lines one power of two apart would map onto the same cache sets (and 4K-alias on x86): 16 streams
    // fighting over one set cost 4x the arithmetic. A small odd padding staggers them.
    stride_ = size + 24;
    lines_.assign(size_t(kLines) * size_t(stride_), 0.0f);
    damp_ = std::clamp(params.damping, 0.0f, 0.95f);
    // The Hadamard matrix and the two output taps are orthonormal up to these factors; the send scales the
    // whole tail so that its energy matches the old FluidSynth reverb's (see FluidRenderer's sends).
    send_ = params.send;
    const float width = std::clamp(params.width, 0.0f, 1.0f);
    wet1_ = 0.5f * (1.0f + width);
    wet2_ = 0.5f * (1.0f - width);
    tailFrames_ = int64_t(1.5 * double(params.decaySeconds) * sampleRate) + size;  // -90 dB, plus one trip
}

void StemReverb::clear()
{
    std::fill(lines_.begin(), lines_.end(), 0.0f);
    lowpass_.fill(0.0f);
}

void StemReverb::process(float* left, float* right, int64_t frames)
{
    for (int64_t at = 0; at < frames; at += kBlock) {
        const int n = int(std::min<int64_t>(kBlock, frames - at));
        bool silent = true;
        for (int i = 0; i < n; ++i)
            silent &= (left[at + i] == 0.0f) & (right[at + i] == 0.0f);
        quietFrames_ = silent ? quietFrames_ + n : 0;
        if (!silent)
            idle_ = false;
        if (idle_)
            continue;  // nothing in, nothing left ringing: the output is the dry stem, unchanged
        processBlock(left + at, right + at, n);
        if (quietFrames_ > tailFrames_) {
            // The tail is below -90 dB. Zeroing the network (rather than letting it decay into denormals)
            // keeps later notes' reverb independent of how long the rest was.
            clear();
            idle_ = true;
        }
    }
}

void StemReverb::processBlock(float* left, float* right, int frames)
{
    constexpr float kNorm = 0.35355339f;  // 1/sqrt(8): keeps the Hadamard matrix orthonormal (lossless)
    const int size = stride_;
    // State in locals: the compiler can then keep it in registers instead of reloading it after every store
    // to the (possibly aliasing) stem buffers.
    float* const lines = lines_.data();
    std::array<float, kLines> lp = lowpass_;
    const std::array<float, kLines> gain = gain_;
    std::array<int, kLines> read{};
    for (int i = 0; i < kLines; ++i)
        read[size_t(i)] = (write_ - delay_[size_t(i)]) & mask_;
    const float damp = damp_, send = send_ * 0.5f, wet1 = wet1_, wet2 = wet2_;
    int write = write_;
    for (int t = 0; t < frames; ++t) {
        const float in = (left[t] + right[t]) * send;
        float s[kLines];
        for (int i = 0; i < kLines; ++i) {
            const float y = lines[i * size + read[size_t(i)]];
            lp[size_t(i)] = y + damp * (lp[size_t(i)] - y);
            s[i] = lp[size_t(i)] * gain[size_t(i)];
            read[size_t(i)] = (read[size_t(i)] + 1) & mask_;
        }
        // The left output taps lines 0-3 and the right lines 4-7, with signs such that the direct echoes of
        // the input sum on the left and cancel on the right: the two sides of the tail are then nearly
        // uncorrelated (a wide room), as FluidSynth's were.
        const float a = (s[0] - s[1]) + (s[2] - s[3]);
        const float b = (s[4] - s[5]) - (s[6] - s[7]);
        // Fast Walsh-Hadamard transform: three butterfly stages, every line feeds every other one.
        for (int h = 1; h < kLines; h *= 2)
            for (int i = 0; i < kLines; i += 2 * h)
                for (int j = i; j < i + h; ++j) {
                    const float x = s[j], y = s[j + h];
                    s[j] = x + y;
                    s[j + h] = x - y;
                }
        // The input enters every line with alternating signs, so it excites all of the network's modes.
        for (int i = 0; i < kLines; ++i)
            lines[i * size + write] = s[i] * kNorm + ((i & 1) ? -in : in);
        write = (write + 1) & mask_;
        left[t] += wet1 * a + wet2 * b;
        right[t] += wet1 * b + wet2 * a;
    }
    lowpass_ = lp;
    write_ = write;
}

}  // namespace s2a::inference::arranger
