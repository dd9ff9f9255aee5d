#include "core/export/TruePeakMeter.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace s2a::core {
namespace {
constexpr int kTaps = 49;
constexpr int kChunk = 1024;  // accumulators stay in L1 while every tap of a phase passes over them

// acc += c * x over one chunk. A function of its own, with restrict parameters and a fixed length, so that
// GCC vectorises it even at -O2 (whose cost model refuses loops of unknown length or possible aliasing).
void multiplyAdd(float* __restrict acc, const float* __restrict x, float c)
{
    for (int i = 0; i < kChunk; ++i)
        acc[i] += c * x[i];
}
}  // namespace

TruePeakMeter::TruePeakMeter(int sampleRate, int channels) : m_history(size_t(channels))
{
    for (auto& h : m_history)
        h.fill(0.0f);
    const int factor = sampleRate < 96000 ? 4 : sampleRate < 192000 ? 2 : 1;
    if (factor == 1)
        return;
    // libebur128's design (interp_create): sinc at the new Nyquist, Hann window, zero taps dropped. Phase 0 is
    // then the input sample itself, which is why the result never falls below the sample peak.
    m_phases.resize(size_t(factor));
    for (int j = 0; j < kTaps; ++j) {
        const double m = double(j) - double(kTaps - 1) / 2.0;
        double c = 1.0;
        if (std::fabs(m) > 1e-6)
            c = std::sin(m * M_PI / factor) / (m * M_PI / factor);
        c *= 0.5 * (1.0 - std::cos(2.0 * M_PI * j / (kTaps - 1)));
        if (std::fabs(c) > 1e-6) {
            m_phases[size_t(j % factor)].coeff.push_back(float(c));
            m_phases[size_t(j % factor)].delay.push_back(j / factor);
        }
    }
    m_work.resize(kHistory + kChunk);
    m_acc.resize(kChunk);
}

void TruePeakMeter::add(int channel, const float* samples, int frames)
{
    if (m_phases.empty()) {
        for (int i = 0; i < frames; ++i)
            m_peak = std::max(m_peak, std::fabs(samples[i]));
        return;
    }
    auto& history = m_history[size_t(channel)];
    float* work = m_work.data();
    for (int done = 0; done < frames; done += kChunk) {
        const int n = std::min(kChunk, frames - done);
        // work = the kHistory samples before this chunk, then the chunk: a tap reads work[kHistory + i - delay].
        std::memcpy(work, history.data(), sizeof(float) * kHistory);
        std::memcpy(work + kHistory, samples + done, sizeof(float) * size_t(n));
        // The last chunk is padded: phasePeak always filters a whole chunk and looks only at the first n.
        std::fill(work + kHistory + n, work + kHistory + kChunk, 0.0f);
        for (const Phase& phase : m_phases)
            m_peak = std::max(m_peak, phasePeak(phase, work, n));
        std::memcpy(history.data(), work + n, sizeof(float) * kHistory);
    }
}

float TruePeakMeter::phasePeak(const Phase& phase, const float* work, int n)
{
    // Tap-outer, sample-inner, fixed lengths and fixed-width lanes: every loop is a plain multiply-add or max
    // over contiguous floats, which GCC turns into SIMD even at -O2.
    float* acc = m_acc.data();
    for (int i = 0; i < kChunk; ++i)
        acc[i] = 0.0f;
    for (size_t t = 0; t < phase.coeff.size(); ++t)
        multiplyAdd(acc, work + kHistory - phase.delay[t], phase.coeff[t]);
    constexpr int kLanes = 8;
    float lanes[kLanes] = {};
    int i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (int l = 0; l < kLanes; ++l) {
            const float a = std::fabs(acc[i + l]);
            lanes[l] = a > lanes[l] ? a : lanes[l];
        }
    float peak = 0.0f;
    for (; i < n; ++i)
        peak = std::max(peak, std::fabs(acc[i]));
    for (float l : lanes)
        peak = std::max(peak, l);
    return peak;
}

double TruePeakMeter::peak() const
{
    return double(m_peak);
}

}  // namespace s2a::core
