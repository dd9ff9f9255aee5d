#include "inference/evaluation/EvalFeatures.h"

#include "core/audio/Resampler.h"
#include "inference/analysis/Rhythm.h"
#include "inference/analysis/SongAnalysis.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace s2a::inference::evaluation {
namespace {

constexpr int kMelPairs = analysis::kMelBands / 2;
constexpr double kMinBpm = 60.0, kMaxBpm = 200.0;

// Mean and standard deviation (population) of a running sum.
struct Moments {
    double sum = 0.0, sumSq = 0.0;
    int n = 0;
    void add(double x)
    {
        sum += x;
        sumSq += x * x;
        ++n;
    }
    double mean() const { return n > 0 ? sum / n : 0.0; }
    double sd() const { return n > 0 ? std::sqrt(std::max(0.0, sumSq / n - mean() * mean())) : 0.0; }
};

// Normalised, unbiased autocorrelation of the mean-removed envelope at `lag` (0 when out of range or flat).
double normalisedAcf(const std::vector<double>& x, int lag, double r0)
{
    const int n = static_cast<int>(x.size());
    if (lag <= 0 || lag >= n || r0 <= 0.0)
        return lag == 0 && r0 > 0.0 ? 1.0 : 0.0;
    double s = 0.0;
    for (int i = lag; i < n; ++i)
        s += x[static_cast<size_t>(i)] * x[static_cast<size_t>(i - lag)];
    return s / (n - lag) / r0;
}

void onsetStats(const std::vector<float>& onset, double hopSeconds, double seconds, double* out)
{
    Moments m;
    for (float v : onset)
        m.add(v);
    out[0] = m.mean();
    out[1] = m.sd();
    std::vector<double> x(onset.size());
    for (size_t i = 0; i < onset.size(); ++i)
        x[i] = onset[i] - m.mean();
    double r0 = 0.0;
    for (double v : x)
        r0 += v * v;
    r0 = x.empty() ? 0.0 : r0 / static_cast<double>(x.size());
    const double fps = 1.0 / hopSeconds;
    const int minLag = std::max(1, static_cast<int>(std::floor(60.0 * fps / kMaxBpm)));
    const int maxLag = static_cast<int>(std::ceil(60.0 * fps / kMinBpm));
    int bestLag = minLag;
    double best = -2.0, sum = 0.0;
    int lags = 0;
    for (int lag = minLag; lag <= maxLag; ++lag) {
        const double r = normalisedAcf(x, lag, r0);
        sum += r;
        ++lags;
        if (r > best) {
            best = r;
            bestLag = lag;
        }
    }
    out[2] = std::max(best, -1.0);
    out[3] = std::log2(60.0 * fps / bestLag / 120.0);
    out[4] = lags > 0 ? sum / lags : 0.0;
    out[5] = normalisedAcf(x, 2 * bestLag, r0);
    out[6] = normalisedAcf(x, std::max(1, static_cast<int>(std::lround(bestLag / 2.0))), r0);
    int peaks = 0;
    const double threshold = m.mean() + m.sd();
    for (size_t i = 1; i + 1 < onset.size(); ++i)
        if (onset[i] > threshold && onset[i] > onset[i - 1] && onset[i] >= onset[i + 1])
            ++peaks;
    out[7] = seconds > 0.0 ? peaks / seconds / 4.0 : 0.0;
}

}  // namespace

ClipAnalysis analyseClip(const std::vector<float>& mono, int rate)
{
    ClipAnalysis clip;
    clip.seconds = rate > 0 ? static_cast<double>(mono.size()) / rate : 0.0;
    std::vector<float> resampled;
    if (rate == analysis::kAnalysisRate || mono.empty()) {
        resampled = mono;
    } else {
        core::AudioBuffer in;
        in.sampleRate = rate;
        in.channels.push_back(mono);
        auto out = core::Resampler::resample(in, analysis::kAnalysisRate);
        if (out)
            resampled = std::move(out.value().channels.front());
    }
    clip.features = analysis::computeFeatures(resampled, analysis::kAnalysisRate);
    const analysis::FrameMatrix& lm = clip.features.logMel;
    clip.onset.assign(static_cast<size_t>(lm.frames), 0.0f);
    for (int f = 1; f < lm.frames; ++f) {
        double s = 0.0;
        for (int b = 0; b < lm.width; ++b)
            s += std::max(0.0f, lm.row(f)[b] - lm.row(f - 1)[b]);
        clip.onset[static_cast<size_t>(f)] = static_cast<float>(s / lm.width);
    }
    return clip;
}

std::vector<double> clipEmbedding(const ClipAnalysis& clip)
{
    std::vector<double> e(kEmbeddingDims, 0.0);
    const analysis::FrameMatrix& lm = clip.features.logMel;
    if (lm.frames == 0)
        return e;
    std::vector<Moments> mel(kMelPairs), chroma(12);
    for (int f = 0; f < lm.frames; ++f) {
        const float* row = lm.row(f);
        for (int p = 0; p < kMelPairs; ++p)
            mel[static_cast<size_t>(p)].add(0.5 * (row[2 * p] + row[2 * p + 1]));
        const float* c = clip.features.chroma.row(f);
        double total = 0.0;
        for (int k = 0; k < 12; ++k)
            total += c[k];
        if (total <= 1e-9)
            continue;  // silence has no pitch class; counting it as flat would blur the profile
        for (int k = 0; k < 12; ++k)
            chroma[static_cast<size_t>(k)].add(12.0 * c[k] / total);
    }
    for (int p = 0; p < kMelPairs; ++p) {
        e[static_cast<size_t>(p)] = mel[static_cast<size_t>(p)].mean();
        e[static_cast<size_t>(kMelPairs + p)] = mel[static_cast<size_t>(p)].sd();
    }
    for (int k = 0; k < 12; ++k) {
        e[static_cast<size_t>(64 + k)] = chroma[static_cast<size_t>(k)].mean();
        e[static_cast<size_t>(76 + k)] = chroma[static_cast<size_t>(k)].sd();
    }
    onsetStats(clip.onset, clip.features.hopSeconds, clip.seconds, e.data() + 88);
    for (double& v : e)
        if (!std::isfinite(v))
            v = 0.0;
    return e;
}

double estimateTempo(const ClipAnalysis& clip)
{
    if (clip.features.logMel.frames < 8)
        return 0.0;
    return analysis::trackRhythm(clip.features).tempo;
}

QJsonObject embeddingDefinition()
{
    const auto part = [](int from, int to, const char* what) {
        return QJsonObject{{QStringLiteral("from"), from}, {QStringLiteral("to"), to},
                           {QStringLiteral("what"), QString::fromLatin1(what)}};
    };
    return QJsonObject{
        {QStringLiteral("dims"), kEmbeddingDims},
        {QStringLiteral("analysisRate"), analysis::kAnalysisRate},
        {QStringLiteral("fftSize"), analysis::kFftSize},
        {QStringLiteral("hop"), analysis::kHop},
        {QStringLiteral("input"), QStringLiteral("mono mix (channel mean), resampled to the analysis rate")},
        {QStringLiteral("logMel"), QStringLiteral("64 mel bands 30 Hz..8 kHz, log10(1 + 1000 * power), "
                                                  "full-scale sine = power 1; adjacent bands averaged in pairs")},
        {QStringLiteral("chroma"), QStringLiteral("12 pitch classes from bins 130 Hz..5 kHz, each frame scaled to "
                                                  "sum 12, silent frames skipped")},
        {QStringLiteral("onset"), QStringLiteral("mean over bands of the half-wave rectified log-mel difference")},
        {QStringLiteral("layout"),
         QJsonArray{part(0, 32, "log-mel band-pair mean"), part(32, 64, "log-mel band-pair standard deviation"),
                    part(64, 76, "chroma mean"), part(76, 88, "chroma standard deviation"),
                    part(88, 89, "onset mean"), part(89, 90, "onset standard deviation"),
                    part(90, 91, "peak normalised onset autocorrelation over 60..200 BPM lags"),
                    part(91, 92, "log2(BPM of that peak / 120)"),
                    part(92, 93, "mean normalised onset autocorrelation over 60..200 BPM lags"),
                    part(93, 94, "onset autocorrelation at twice the peak lag"),
                    part(94, 95, "onset autocorrelation at half the peak lag"),
                    part(95, 96, "onset peaks (above mean + sd) per second / 4")}},
        {QStringLiteral("statistics"), QStringLiteral("population mean and standard deviation over all frames")},
    };
}

}  // namespace s2a::inference::evaluation
