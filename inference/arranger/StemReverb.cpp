#include "inference/arranger/StemReverb.h"

#include <algorithm>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    stride_ = size + kBlock + 24;  // kBlock: the mirror of the line's start (see processBlock)
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

namespace {

// Copies columns [t0, t1) of four lines' frame-major rows (row stride 8, starting at `rows`) to or from four
// line pointers. SSE does it as 4x4 transposes: strided scalar copies cost more than the network itself.
template <bool kToRows>
void transpose4(float* rows, float* const line[4], int t0, int t1)
{
    int t = t0;
#if defined(__SSE2__)
    for (; t + 4 <= t1; t += 4) {
        float* r = rows + t * 8;
        const int o = t - t0;
        if (kToRows) {
            __m128 a = _mm_loadu_ps(line[0] + o), b = _mm_loadu_ps(line[1] + o);
            __m128 c = _mm_loadu_ps(line[2] + o), d = _mm_loadu_ps(line[3] + o);
            _MM_TRANSPOSE4_PS(a, b, c, d);
            _mm_storeu_ps(r, a), _mm_storeu_ps(r + 8, b), _mm_storeu_ps(r + 16, c), _mm_storeu_ps(r + 24, d);
        } else {
            __m128 a = _mm_loadu_ps(r), b = _mm_loadu_ps(r + 8), c = _mm_loadu_ps(r + 16), d = _mm_loadu_ps(r + 24);
            _MM_TRANSPOSE4_PS(a, b, c, d);
            _mm_storeu_ps(line[0] + o, a), _mm_storeu_ps(line[1] + o, b);
            _mm_storeu_ps(line[2] + o, c), _mm_storeu_ps(line[3] + o, d);
        }
    }
#endif
    for (; t < t1; ++t)
        for (int i = 0; i < 4; ++i) {
            if (kToRows)
                rows[t * 8 + i] = line[i][t - t0];
            else
                line[i][t - t0] = rows[t * 8 + i];
        }
}

}  // namespace

// A block is at most kBlock frames and every line is longer than that, so within a block the frames read from a
// line (written at least one line length ago) never include frames the block itself writes. Each line can then
// be read and written as contiguous runs, once per block, and the per-frame work touches one 32-byte row
// instead of sixteen scattered, masked addresses; that row also maps onto two SSE registers. Each line's
// first kBlock samples are mirrored past its end, so a block's read never wraps.
void StemReverb::processBlock(float* left, float* right, int frames)
{
    float* const lines = lines_.data();
    const int size = mask_ + 1;
    for (int g = 0; g < kLines; g += 4) {
        float* from[4];
        for (int i = 0; i < 4; ++i)
            from[i] = lines + size_t(g + i) * size_t(stride_) + ((write_ - delay_[size_t(g + i)]) & mask_);
        transpose4<true>(taps_.data() + g, from, 0, frames);
    }
    runNetwork(taps_.data(), feed_.data(), left, right, frames);
    const int first = std::min(frames, size - write_);  // up to the buffer's end, then from its start
    for (int g = 0; g < kLines; g += 4) {
        float* to[4];
        for (int i = 0; i < 4; ++i)
            to[i] = lines + size_t(g + i) * size_t(stride_) + write_;
        transpose4<false>(feed_.data() + g, to, 0, first);
        for (int i = 0; i < 4; ++i)
            to[i] = lines + size_t(g + i) * size_t(stride_);  // the wrapped part, from the start
        transpose4<false>(feed_.data() + g, to, first, frames);
    }
    // Refresh the mirror where this block wrote into the first kBlock samples: either the wrapped part (the
    // unwrapped part then lies near the end, lines being longer than 2 * kBlock) or a run starting there.
    const int lo = first < frames ? 0 : write_;
    const int hi = first < frames ? frames - first : std::min(write_ + frames, kBlock);
    if (lo < hi)
        for (int i = 0; i < kLines; ++i) {
            float* line = lines + size_t(i) * size_t(stride_);
            std::copy(line + lo, line + hi, line + size + lo);
        }
    write_ = (write_ + frames) & mask_;
}

// The per-frame network. Both versions do the same IEEE float operations in the same order (negating is exact,
// so x + (-y) == x - y), so SIMD and scalar builds give the same samples.
#if defined(__SSE2__)
void StemReverb::runNetwork(const float* taps, float* feed, float* left, float* right, int frames)
{
    const __m128 damp = _mm_set1_ps(damp_), kNorm = _mm_set1_ps(0.35355339f);  // 1/sqrt(8): orthonormal
    const __m128 gain0 = _mm_loadu_ps(gain_.data()), gain1 = _mm_loadu_ps(gain_.data() + 4);
    // Sign masks: flipping the sign bit turns the butterflies' second operands into subtractions.
    const __m128 odd = _mm_castsi128_ps(_mm_set_epi32(int(0x80000000u), 0, int(0x80000000u), 0));
    const __m128 high = _mm_castsi128_ps(_mm_set_epi32(int(0x80000000u), int(0x80000000u), 0, 0));
    __m128 lp0 = _mm_loadu_ps(lowpass_.data()), lp1 = _mm_loadu_ps(lowpass_.data() + 4);
    const float send = send_ * 0.5f, wet1 = wet1_, wet2 = wet2_;
    for (int t = 0; t < frames; ++t) {
        const __m128 y0 = _mm_load_ps(taps + t * kLines), y1 = _mm_load_ps(taps + t * kLines + 4);
        lp0 = _mm_add_ps(y0, _mm_mul_ps(damp, _mm_sub_ps(lp0, y0)));
        lp1 = _mm_add_ps(y1, _mm_mul_ps(damp, _mm_sub_ps(lp1, y1)));
        __m128 s0 = _mm_mul_ps(lp0, gain0), s1 = _mm_mul_ps(lp1, gain1);
        // Output taps (see the scalar version): d = (s0-s1, s2-s3, s4-s5, s6-s7).
        alignas(16) float d[4];
        _mm_store_ps(d, _mm_sub_ps(_mm_shuffle_ps(s0, s1, _MM_SHUFFLE(2, 0, 2, 0)),
                                   _mm_shuffle_ps(s0, s1, _MM_SHUFFLE(3, 1, 3, 1))));
        const float a = d[0] + d[1], b = d[2] - d[3];
        // Walsh-Hadamard: pairs one apart, then two apart (within each register), then four (across them).
        s0 = _mm_add_ps(_mm_shuffle_ps(s0, s0, _MM_SHUFFLE(2, 2, 0, 0)), _mm_xor_ps(_mm_shuffle_ps(s0, s0, _MM_SHUFFLE(3, 3, 1, 1)), odd));
        s1 = _mm_add_ps(_mm_shuffle_ps(s1, s1, _MM_SHUFFLE(2, 2, 0, 0)), _mm_xor_ps(_mm_shuffle_ps(s1, s1, _MM_SHUFFLE(3, 3, 1, 1)), odd));
        s0 = _mm_add_ps(_mm_shuffle_ps(s0, s0, _MM_SHUFFLE(1, 0, 1, 0)), _mm_xor_ps(_mm_shuffle_ps(s0, s0, _MM_SHUFFLE(3, 2, 3, 2)), high));
        s1 = _mm_add_ps(_mm_shuffle_ps(s1, s1, _MM_SHUFFLE(1, 0, 1, 0)), _mm_xor_ps(_mm_shuffle_ps(s1, s1, _MM_SHUFFLE(3, 2, 3, 2)), high));
        const __m128 h0 = _mm_add_ps(s0, s1), h1 = _mm_sub_ps(s0, s1);
        const float in = (left[t] + right[t]) * send;
        const __m128 inv = _mm_xor_ps(_mm_set1_ps(in), odd);  // the input enters with alternating signs
        _mm_store_ps(feed + t * kLines, _mm_add_ps(_mm_mul_ps(h0, kNorm), inv));
        _mm_store_ps(feed + t * kLines + 4, _mm_add_ps(_mm_mul_ps(h1, kNorm), inv));
        left[t] += wet1 * a + wet2 * b;
        right[t] += wet1 * b + wet2 * a;
    }
    _mm_storeu_ps(lowpass_.data(), lp0);
    _mm_storeu_ps(lowpass_.data() + 4, lp1);
}
#else
void StemReverb::runNetwork(const float* taps, float* feed, float* left, float* right, int frames)
{
    constexpr float kNorm = 0.35355339f;  // 1/sqrt(8): keeps the Hadamard matrix orthonormal (lossless)
    std::array<float, kLines> lp = lowpass_;
    const float damp = damp_, send = send_ * 0.5f, wet1 = wet1_, wet2 = wet2_;
    for (int t = 0; t < frames; ++t) {
        float s[kLines];
        for (int i = 0; i < kLines; ++i) {
            const float y = taps[t * kLines + i];
            lp[size_t(i)] = y + damp * (lp[size_t(i)] - y);
            s[i] = lp[size_t(i)] * gain_[size_t(i)];
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
        const float in = (left[t] + right[t]) * send;
        // The input enters every line with alternating signs, so it excites all of the network's modes.
        for (int i = 0; i < kLines; ++i)
            feed[t * kLines + i] = s[i] * kNorm + ((i & 1) ? -in : in);
        left[t] += wet1 * a + wet2 * b;
        right[t] += wet1 * b + wet2 * a;
    }
    lowpass_ = lp;
}
#endif

}  // namespace s2a::inference::arranger
