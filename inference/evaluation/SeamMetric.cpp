#include "inference/evaluation/SeamMetric.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace s2a::inference::evaluation {
namespace {

// FFTW's planner is not thread-safe. The evaluation plans on one thread at a time through this lock; song
// analysis (which has its own) is not run concurrently with it by s2a-eval.
std::mutex& planMutex()
{
    static std::mutex m;
    return m;
}

}  // namespace

std::vector<double> spectralFlux(const std::vector<float>& mono)
{
    const auto n = static_cast<long long>(mono.size());
    const int frames = n == 0 ? 0 : static_cast<int>(n / kFluxHop) + 1;
    std::vector<double> flux(static_cast<size_t>(frames), 0.0);
    if (frames < 2)
        return flux;
    const int bins = kFluxFrame / 2 + 1;
    float* in = fftwf_alloc_real(kFluxFrame);
    fftwf_complex* spec = fftwf_alloc_complex(bins);
    fftwf_plan plan;
    {
        std::lock_guard<std::mutex> lock(planMutex());
        plan = fftwf_plan_dft_r2c_1d(kFluxFrame, in, spec, FFTW_ESTIMATE);
    }
    std::vector<float> window(kFluxFrame);
    double windowSum = 0.0;
    for (int i = 0; i < kFluxFrame; ++i) {
        window[static_cast<size_t>(i)] = static_cast<float>(0.5 - 0.5 * std::cos(2.0 * M_PI * i / kFluxFrame));
        windowSum += window[static_cast<size_t>(i)];
    }
    const double scale = 2.0 / windowSum;  // a full-scale sine peaks at |X| = 1
    std::vector<double> prev(static_cast<size_t>(bins), 0.0), cur(static_cast<size_t>(bins), 0.0);
    for (int f = 0; f < frames; ++f) {
        const long long centre = static_cast<long long>(f) * kFluxHop;
        for (int i = 0; i < kFluxFrame; ++i) {
            const long long s = centre - kFluxFrame / 2 + i;
            in[i] = (s >= 0 && s < n ? mono[static_cast<size_t>(s)] : 0.0f) * window[static_cast<size_t>(i)];
        }
        fftwf_execute(plan);
        double rise = 0.0;
        for (int k = 0; k < bins; ++k) {
            const double mag = std::hypot(double(spec[k][0]), double(spec[k][1])) * scale;
            cur[static_cast<size_t>(k)] = std::log1p(1000.0 * mag);
            rise += std::max(0.0, cur[static_cast<size_t>(k)] - prev[static_cast<size_t>(k)]);
        }
        flux[static_cast<size_t>(f)] = f == 0 ? 0.0 : rise / bins;
        std::swap(prev, cur);
    }
    {
        std::lock_guard<std::mutex> lock(planMutex());
        fftwf_destroy_plan(plan);
    }
    fftwf_free(in);
    fftwf_free(spec);
    return flux;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double pos = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - static_cast<double>(lo));
}

std::vector<double> seamJumps(const std::vector<float>& mono, const std::vector<core::SampleCount>& seams)
{
    const std::vector<double> flux = spectralFlux(mono);
    std::vector<double> out;
    if (flux.size() < 2) {
        out.assign(seams.size(), 0.0);
        return out;
    }
    // Frame 0 is 0 by construction (no predecessor), not a quiet moment of the music.
    const double median = percentile(std::vector<double>(flux.begin() + 1, flux.end()), 50.0);
    const int last = static_cast<int>(flux.size()) - 1;
    for (core::SampleCount seam : seams) {
        const int centre = static_cast<int>(std::llround(double(seam) / kFluxHop));
        double peak = 0.0;
        for (int f = std::max(1, centre - kSeamHops); f <= std::min(last, centre + kSeamHops); ++f)
            peak = std::max(peak, flux[static_cast<size_t>(f)]);
        out.push_back(peak / std::max(median, kFluxFloor));
    }
    return out;
}

RepaintPlan planRepaint(const QVector<SectionPlan>& sections, double tempo, int sampleRate)
{
    RepaintPlan plan;
    if (sections.isEmpty())
        return plan;
    if (sections.size() >= 3) {
        plan.sections = sections;
        plan.target = int(sections.size()) / 2;
        plan.start = sections[plan.target].start;
        plan.end = sections[plan.target].end;
        return plan;
    }
    const core::SampleCount length = sections.back().end;
    const double beat = tempo > 0.0 ? 60.0 / tempo * sampleRate : 0.0;
    const auto snap = [&](double at) {
        return beat > 0.0 ? static_cast<core::SampleCount>(std::llround(std::round(at / beat) * beat))
                          : static_cast<core::SampleCount>(std::llround(at));
    };
    core::SampleCount a = snap(length / 3.0), b = snap(2.0 * length / 3.0);
    if (a <= 0 || b <= a || b >= length) {  // beats too long for this clip: plain thirds
        a = length / 3;
        b = 2 * length / 3;
    }
    if (a <= 0 || b <= a || b >= length)
        return plan;
    const core::SampleCount centre = (a + b) / 2;
    SectionPlan middle;
    for (const SectionPlan& s : sections)
        if (s.start <= centre && centre < s.end)
            middle = s;
    middle.id += QStringLiteral("-repaint");
    middle.start = a;
    middle.end = b;
    for (const SectionPlan& s : sections)  // the parts before the target
        if (s.start < a) {
            SectionPlan p = s;
            if (s.end > a) {  // cut: ids stay unique
                p.end = a;
                p.id += QStringLiteral("-head");
            }
            plan.sections.append(p);
        }
    plan.target = int(plan.sections.size());
    plan.sections.append(middle);
    for (const SectionPlan& s : sections)  // and after it
        if (s.end > b) {
            SectionPlan p = s;
            if (s.start < b) {
                p.start = b;
                p.id += QStringLiteral("-tail");
            }
            plan.sections.append(p);
        }
    plan.start = a;
    plan.end = b;
    return plan;
}

}  // namespace s2a::inference::evaluation
