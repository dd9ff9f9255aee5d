#include "inference/evaluation/SpectralMetrics.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace s2a::inference::evaluation {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::mutex& planMutex()
{
    static std::mutex m;  // FFTW's planner is not thread-safe
    return m;
}

// Power spectra of Hann-windowed centred frames (frame f centred on sample f * hop), frames x (frame/2 + 1).
class PowerSpectrogram {
public:
    PowerSpectrogram(const std::vector<float>& signal, int frame, int hop, long long length)
        : bins(frame / 2 + 1), frames(length <= 0 ? 0 : int(length / hop) + 1)
    {
        power.assign(size_t(frames) * size_t(bins), 0.0);
        float* in = fftwf_alloc_real(size_t(frame));
        fftwf_complex* spec = fftwf_alloc_complex(size_t(bins));
        fftwf_plan plan;
        {
            std::lock_guard<std::mutex> lock(planMutex());
            plan = fftwf_plan_dft_r2c_1d(frame, in, spec, FFTW_ESTIMATE);
        }
        std::vector<float> window(static_cast<size_t>(frame));
        for (int i = 0; i < frame; ++i)
            window[size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * M_PI * i / frame));
        const auto n = static_cast<long long>(signal.size());
        for (int f = 0; f < frames; ++f) {
            const long long start = static_cast<long long>(f) * hop - frame / 2;
            for (int i = 0; i < frame; ++i) {
                const long long s = start + i;
                in[i] = (s >= 0 && s < n && s < length ? signal[size_t(s)] : 0.0f) * window[size_t(i)];
            }
            fftwf_execute(plan);
            double* row = power.data() + size_t(f) * size_t(bins);
            for (int k = 0; k < bins; ++k)
                row[k] = double(spec[k][0]) * spec[k][0] + double(spec[k][1]) * spec[k][1];
        }
        {
            std::lock_guard<std::mutex> lock(planMutex());
            fftwf_destroy_plan(plan);
        }
        fftwf_free(in);
        fftwf_free(spec);
    }
    const double* row(int f) const { return power.data() + size_t(f) * size_t(bins); }

    int bins;
    int frames;
    std::vector<double> power;
};

}  // namespace

double logSpectralDistanceDb(const std::vector<float>& reference, const std::vector<float>& estimate)
{
    const auto length = static_cast<long long>(reference.size());
    const PowerSpectrogram ref(reference, kLsdFrame, kLsdHop, length);
    const PowerSpectrogram est(estimate, kLsdFrame, kLsdHop, length);
    const double loudest = ref.power.empty() ? 0.0 : *std::max_element(ref.power.begin(), ref.power.end());
    if (!(loudest > 1e-20))
        return kNaN;
    const double floor = loudest * 1e-6;  // -60 dB in power
    double sum = 0.0;
    long long count = 0;
    for (size_t i = 0; i < ref.power.size(); ++i) {
        if (ref.power[i] < floor)
            continue;
        // 10 log10 of powers is 20 log10 of magnitudes; the estimate's floor keeps a silent bin finite (-120 dB).
        const double d = 10.0 * std::log10(ref.power[i] / std::max(est.power[i], loudest * 1e-12));
        sum += d * d;
        ++count;
    }
    return count > 0 ? std::sqrt(sum / double(count)) : kNaN;
}

double pitchedness(const std::vector<float>& mono, int rate)
{
    if (rate <= 0 || mono.empty())
        return kNaN;
    // 4096 points at 44.1 kHz (10.8 Hz bins: a bass line's partials are apart), the same span at other rates.
    int frame = 1;
    while (frame < int(std::lround(4096.0 * rate / 44100.0)))
        frame *= 2;
    const PowerSpectrogram s(mono, frame, frame / 4, static_cast<long long>(mono.size()));
    const double binHz = double(rate) / frame;
    const int low = std::max(1, int(std::ceil(50.0 / binHz))), high = std::min(s.bins - 1, int(5000.0 / binHz));
    constexpr int kNeighbourhood = 24, kPeakWidth = 2;
    const double prominence = std::pow(10.0, kPeakProminenceDb / 10.0);
    double total = 0.0, peaked = 0.0, signal = 0.0;
    std::vector<double> window;
    std::vector<char> inPeak(size_t(s.bins), 0);
    for (int f = 0; f < s.frames; ++f) {
        const double* p = s.row(f);
        std::fill(inPeak.begin(), inPeak.end(), 0);
        for (int k = low; k <= high; ++k) {
            if (!(p[k] > p[k - 1] && p[k] >= p[k + 1]))
                continue;
            window.assign(p + std::max(0, k - kNeighbourhood), p + std::min(s.bins, k + kNeighbourhood + 1));
            auto middle = window.begin() + std::ptrdiff_t(window.size() / 2);
            std::nth_element(window.begin(), middle, window.end());
            if (p[k] >= prominence * *middle)
                for (int j = std::max(low, k - kPeakWidth); j <= std::min(high, k + kPeakWidth); ++j)
                    inPeak[size_t(j)] = 1;
        }
        for (int k = low; k <= high; ++k) {
            total += p[k];
            if (inPeak[size_t(k)])
                peaked += p[k];
        }
    }
    for (float x : mono)
        signal += double(x) * x;
    // -90 dBFS mean square: nothing to judge.
    if (signal / double(mono.size()) < 1e-9 || total <= 0.0)
        return kNaN;
    return peaked / total;
}

}  // namespace s2a::inference::evaluation
