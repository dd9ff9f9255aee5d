#include "inference/analysis/Features.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace s2a::inference::analysis {
namespace {

double hzToMel(double hz) { return 2595.0 * std::log10(1.0 + hz / 700.0); }
double melToHz(double mel) { return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0); }

// Triangular mel filters over the power spectrum, as sparse (first bin, weights) rows: 30 Hz .. 8 kHz holds
// what structure and onsets need; above that a 22.05 kHz analysis has little anyway.
struct MelFilter {
    int firstBin = 0;
    std::vector<float> weights;
};

std::vector<MelFilter> melFilters(int rate)
{
    const int bins = kFftSize / 2 + 1;
    const double lo = hzToMel(30.0), hi = hzToMel(std::min(8000.0, rate / 2.0));
    std::vector<double> edges(kMelBands + 2);
    for (int i = 0; i < kMelBands + 2; ++i)
        edges[i] = melToHz(lo + (hi - lo) * i / (kMelBands + 1));
    std::vector<MelFilter> filters(kMelBands);
    const double binHz = static_cast<double>(rate) / kFftSize;
    for (int m = 0; m < kMelBands; ++m) {
        const double a = edges[m], b = edges[m + 1], c = edges[m + 2];
        const int first = std::max(0, static_cast<int>(std::floor(a / binHz)));
        const int last = std::min(bins - 1, static_cast<int>(std::ceil(c / binHz)));
        filters[m].firstBin = first;
        for (int k = first; k <= last; ++k) {
            const double f = k * binHz;
            double w = f <= b ? (f - a) / (b - a) : (c - f) / (c - b);
            filters[m].weights.push_back(static_cast<float>(std::max(0.0, w)));
        }
        // Narrow low bands may fall between bins; give them their nearest bin so no band is always zero.
        float sum = 0.0f;
        for (float w : filters[m].weights)
            sum += w;
        if (sum <= 0.0f) {
            filters[m].firstBin = std::min(bins - 1, static_cast<int>(std::lround(b / binHz)));
            filters[m].weights.assign(1, 1.0f);
        }
    }
    return filters;
}

// FFTW's planner is not thread-safe; two analyses may start at once (import while a take is graded).
std::mutex& planMutex()
{
    static std::mutex m;
    return m;
}

struct Peak {
    double hz;
    double amp;
};

}  // namespace

void peakChroma(const float* mag, int bins, double binHz, float* treble, float* bass)
{
    // Local maxima above a floor relative to the frame's strongest bin (noise and window sidelobes are
    // many but weak); parabolic interpolation of the log magnitude puts a Hann-windowed sinusoid's frequency
    // within a few percent of a bin, which resolves semitones even at 40 Hz where bins are 3 semitones wide.
    float top = 0.0f;
    for (int k = 1; k < bins; ++k)
        top = std::max(top, mag[k]);
    if (top <= 1e-7f)
        return;
    const float floor = top * 0.01f;
    const int last = std::min(bins - 2, static_cast<int>(2600.0 / binHz) + 1);
    std::vector<Peak> peaks;
    for (int k = 2; k <= last; ++k) {
        if (mag[k] < floor || mag[k] <= mag[k - 1] || mag[k] < mag[k + 1])
            continue;
        const double a = std::log(mag[k - 1] + 1e-9), b = std::log(mag[k] + 1e-9), c = std::log(mag[k + 1] + 1e-9);
        const double den = a - 2.0 * b + c;
        const double d = den < 0.0 ? std::clamp(0.5 * (a - c) / den, -0.5, 0.5) : 0.0;
        peaks.push_back({(k + d) * binHz, std::exp(b - 0.25 * (a - c) * d)});
    }
    // Harmonic suppression, lowest peak first: each peak explains part of the peaks at its 2nd..6th
    // partials (amplitude rolling off as 1/h, typical of the instruments and synths in a mix), which is
    // removed before those peaks vote. Octaves (h = 2, 4) are the same pitch class and only lose weight; the
    // 3rd and 6th (fifth) and 5th (major third) partials are what bias plain chroma towards the dominant.
    for (size_t i = 0; i < peaks.size(); ++i) {
        if (peaks[i].amp <= 0.0)
            continue;
        for (size_t j = i + 1; j < peaks.size(); ++j) {
            const double ratio = peaks[j].hz / peaks[i].hz;
            const double h = std::round(ratio);
            if (h < 2.0)
                continue;
            if (h > 6.0)
                break;
            if (std::abs(ratio - h) < 0.03 * h)
                peaks[j].amp = std::max(0.0, peaks[j].amp - peaks[i].amp / h);
        }
    }
    for (const Peak& p : peaks) {
        if (p.amp <= 0.0 || p.hz < 35.0)
            continue;
        const double midi = 69.0 + 12.0 * std::log2(p.hz / 440.0);
        const double nearest = std::round(midi);
        const double dev = std::abs(midi - nearest);
        if (dev > 0.4)
            continue;  // between semitones: a noise or percussion peak rather than a note
        const int pc = ((static_cast<int>(nearest) % 12) + 12) % 12;
        const float w = static_cast<float>(p.amp * (1.0 - dev * 2.0));
        if (p.hz < 200.0)
            bass[pc] += w;
        if (p.hz >= 80.0 && p.hz <= 2500.0)
            treble[pc] += w;
    }
}

Features computeFeatures(const std::vector<float>& mono, int rate)
{
    Features out;
    out.rate = rate;
    out.hopSeconds = static_cast<double>(kHop) / rate;
    const long long n = static_cast<long long>(mono.size());
    const int frames = n == 0 ? 0 : static_cast<int>(n / kHop) + 1;
    const int bins = kFftSize / 2 + 1;
    out.melPower.resize(frames, kMelBands);
    out.logMel.resize(frames, kMelBands);
    out.mfcc.resize(frames, kMfcc);
    out.chroma.resize(frames, 12);
    out.pitchChroma.resize(frames, 12);
    out.bassChroma.resize(frames, 12);
    out.rmsDb.assign(frames, -120.0f);
    out.centroidHz.assign(frames, 0.0f);
    out.flatness.assign(frames, 0.0f);
    if (frames == 0)
        return out;

    float* in = fftwf_alloc_real(kFftSize);
    fftwf_complex* spec = fftwf_alloc_complex(bins);
    fftwf_plan plan;
    {
        std::lock_guard<std::mutex> lock(planMutex());
        plan = fftwf_plan_dft_r2c_1d(kFftSize, in, spec, FFTW_ESTIMATE);
    }
    std::vector<float> window(kFftSize);
    for (int i = 0; i < kFftSize; ++i)
        window[i] = static_cast<float>(0.5 - 0.5 * std::cos(2.0 * M_PI * i / kFftSize));
    const std::vector<MelFilter> mel = melFilters(rate);
    const double binHz = static_cast<double>(rate) / kFftSize;
    // Pitch class of each bin and how close it lies to the semitone centre. Below 130 Hz a 10.8 Hz bin spans
    // more than a semitone, so bass bins would vote for neighbouring pitch classes; above 5 kHz cymbals
    // and noise dominate. Both are left out. (Cutting at 1.5 kHz to drop overtones measured worse.)
    std::vector<int> binPc(bins, -1);
    std::vector<float> binPcWeight(bins, 0.0f);
    for (int k = 1; k < bins; ++k) {
        const double f = k * binHz;
        if (f < 130.0 || f > 5000.0)
            continue;
        const double midi = 69.0 + 12.0 * std::log2(f / 440.0);
        const double nearest = std::round(midi);
        binPc[k] = ((static_cast<int>(nearest) % 12) + 12) % 12;
        binPcWeight[k] = static_cast<float>(1.0 - std::abs(midi - nearest));
    }
    // Orthonormal DCT-II basis for the MFCCs.
    std::vector<float> dct(static_cast<size_t>(kMfcc) * kMelBands);
    for (int c = 0; c < kMfcc; ++c)
        for (int m = 0; m < kMelBands; ++m)
            dct[static_cast<size_t>(c) * kMelBands + m] = static_cast<float>(
                std::cos(M_PI * c * (m + 0.5) / kMelBands) * std::sqrt((c == 0 ? 1.0 : 2.0) / kMelBands));

    std::vector<float> power(bins), magnitude(bins);
    const double norm = 4.0 / (static_cast<double>(kFftSize) * kFftSize);  // full-scale sine -> power ~1
    for (int f = 0; f < frames; ++f) {
        const long long centre = static_cast<long long>(f) * kHop;
        double sumSq = 0.0;
        for (int i = 0; i < kFftSize; ++i) {
            const long long s = centre - kFftSize / 2 + i;
            const float x = (s >= 0 && s < n) ? mono[static_cast<size_t>(s)] : 0.0f;
            sumSq += static_cast<double>(x) * x;
            in[i] = x * window[i];
        }
        out.rmsDb[f] = static_cast<float>(10.0 * std::log10(sumSq / kFftSize + 1e-12));
        fftwf_execute(plan);
        double total = 0.0, weighted = 0.0, logSum = 0.0;
        float* chroma = out.chroma.row(f);
        for (int k = 0; k < bins; ++k) {
            const double p = (static_cast<double>(spec[k][0]) * spec[k][0] + static_cast<double>(spec[k][1]) * spec[k][1]) * norm;
            power[k] = static_cast<float>(p);
            magnitude[k] = static_cast<float>(std::sqrt(p));
            total += p;
            weighted += p * k * binHz;
            logSum += std::log(p + 1e-12);
            if (binPc[k] >= 0)
                chroma[binPc[k]] += static_cast<float>(std::sqrt(p)) * binPcWeight[k];
        }
        peakChroma(magnitude.data(), bins, binHz, out.pitchChroma.row(f), out.bassChroma.row(f));
        out.centroidHz[f] = total > 1e-10 ? static_cast<float>(weighted / total) : 0.0f;
        const double arith = total / bins + 1e-12;
        out.flatness[f] = total > 1e-10 ? static_cast<float>(std::exp(logSum / bins) / arith) : 0.0f;
        float* mp = out.melPower.row(f);
        float* lm = out.logMel.row(f);
        for (int m = 0; m < kMelBands; ++m) {
            double e = 0.0;
            const MelFilter& filter = mel[m];
            for (size_t j = 0; j < filter.weights.size(); ++j)
                e += filter.weights[j] * power[filter.firstBin + static_cast<int>(j)];
            mp[m] = static_cast<float>(e);
            lm[m] = static_cast<float>(std::log10(1.0 + 1000.0 * e));
        }
        float* cc = out.mfcc.row(f);
        for (int c = 0; c < kMfcc; ++c) {
            double s = 0.0;
            for (int m = 0; m < kMelBands; ++m)
                s += dct[static_cast<size_t>(c) * kMelBands + m] * lm[m];
            cc[c] = static_cast<float>(s);
        }
    }
    {
        std::lock_guard<std::mutex> lock(planMutex());
        fftwf_destroy_plan(plan);
    }
    fftwf_free(in);
    fftwf_free(spec);
    return out;
}

}  // namespace s2a::inference::analysis
