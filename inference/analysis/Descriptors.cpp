#include "inference/analysis/Descriptors.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace s2a::inference::analysis {
namespace {

float medianOf(std::vector<float>& v)
{
    auto mid = v.begin() + static_cast<long>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

struct StateDeleter {
    void operator()(ebur128_state* s) const { ebur128_destroy(&s); }
};
using State = std::unique_ptr<ebur128_state, StateDeleter>;

// Feeds frames [from, to) of planar `audio` to `state` in interleaved chunks (libebur128 wants interleaved).
void feed(ebur128_state* state, const core::AudioBuffer& audio, core::SampleCount from, core::SampleCount to)
{
    const int ch = audio.channelCount();
    constexpr core::SampleCount kChunk = 16384;
    std::vector<float> inter(static_cast<size_t>(kChunk * ch));
    for (core::SampleCount at = from; at < to; at += kChunk) {
        const core::SampleCount n = std::min(kChunk, to - at);
        for (core::SampleCount i = 0; i < n; ++i)
            for (int c = 0; c < ch; ++c)
                inter[static_cast<size_t>(i * ch + c)] = audio.channels[static_cast<size_t>(c)][static_cast<size_t>(at + i)];
        ebur128_add_frames_float(state, inter.data(), static_cast<size_t>(n));
    }
}

double loudnessOf(ebur128_state* state)
{
    double l = -70.0;
    if (ebur128_loudness_global(state, &l) != EBUR128_SUCCESS || !std::isfinite(l))
        return -70.0;
    return std::max(-70.0, l);
}

}  // namespace

HpssFrames hpss(const Features& features)
{
    const FrameMatrix& mp = features.melPower;
    const int n = mp.frames, bands = mp.width;
    constexpr int kTimeHalf = 8, kBandHalf = 4;  // 17 frames (~0.4 s) and 9 bands
    HpssFrames out;
    out.harmonic.assign(static_cast<size_t>(n), 0.0f);
    out.percussive.assign(static_cast<size_t>(n), 0.0f);
    std::vector<float> window;
    for (int f = 0; f < n; ++f) {
        for (int m = 0; m < bands; ++m) {
            window.clear();
            for (int t = std::max(0, f - kTimeHalf); t <= std::min(n - 1, f + kTimeHalf); ++t)
                window.push_back(mp.row(t)[m]);
            const float h = medianOf(window);
            window.clear();
            for (int k = std::max(0, m - kBandHalf); k <= std::min(bands - 1, m + kBandHalf); ++k)
                window.push_back(mp.row(f)[k]);
            const float p = medianOf(window);
            // Soft (Wiener) masks split the frame's energy between the two.
            const float e = mp.row(f)[m];
            const float denom = h * h + p * p;
            if (denom > 0.0f) {
                out.harmonic[f] += e * h * h / denom;
                out.percussive[f] += e * p * p / denom;
            }
        }
    }
    return out;
}

void describeSections(const core::AudioBuffer& audio, const Features& features, const HpssFrames& hp,
                      const std::vector<float>& onset, double tempo, const QString& key,
                      QVector<AnalysedSection>& sections)
{
    const bool minorKey = key.endsWith(QLatin1String("minor"));
    double loudest = -70.0;
    for (AnalysedSection& s : sections) {
        SectionDescriptors& d = s.descriptors;
        const core::SampleCount from = std::clamp<core::SampleCount>(std::llround(s.start * audio.sampleRate), 0, audio.frames());
        const core::SampleCount to = std::clamp<core::SampleCount>(std::llround(s.end * audio.sampleRate), from, audio.frames());
        State st(ebur128_init(static_cast<unsigned>(audio.channelCount()), static_cast<unsigned long>(audio.sampleRate), EBUR128_MODE_I));
        if (st && to > from) {
            feed(st.get(), audio, from, to);
            d.loudnessLufs = loudnessOf(st.get());
        }
        const int a = std::clamp(features.frameAt(s.start), 0, features.melPower.frames);
        const int b = std::clamp(features.frameAt(s.end), a, features.melPower.frames);
        double cw = 0, cs = 0, harm = 0, perc = 0;
        int onsets = 0;
        for (int f = a; f < b; ++f) {
            const double w = std::pow(10.0, features.rmsDb[f] / 10.0);
            cw += w * features.centroidHz[f];
            cs += w;
            harm += hp.harmonic[f];
            perc += hp.percussive[f];
            // An onset: a local maximum of the envelope clearly above its average (it is standardised).
            if (f > 0 && f + 1 < static_cast<int>(onset.size()) && onset[f] > 1.5f && onset[f] >= onset[f - 1] && onset[f] > onset[f + 1])
                ++onsets;
        }
        d.brightnessHz = cs > 0 ? cw / cs : 0.0;
        d.percussiveRatio = harm + perc > 0 ? perc / (harm + perc) : 0.0;
        d.onsetDensity = s.end > s.start ? onsets / (s.end - s.start) : 0.0;
        loudest = std::max(loudest, d.loudnessLufs);
    }
    // Energy: 0 at 18 LU below the loudest section, 1 at the loudest; arranger sections span about that.
    for (AnalysedSection& s : sections) {
        s.descriptors.energy = std::clamp(1.0 + (s.descriptors.loudnessLufs - loudest) / 18.0, 0.0, 1.0);
        s.caption = captionFor(s.descriptors, tempo, minorKey);
    }
}

QString captionFor(const SectionDescriptors& d, double tempo, bool minorKey)
{
    QStringList words;
    words << (d.energy < 0.35 ? QStringLiteral("sparse") : d.energy < 0.65 ? QStringLiteral("soft")
              : d.energy < 0.9 ? QStringLiteral("full") : QStringLiteral("powerful"));
    // "bright" also means major to the parser, so a minor-key section is never called bright.
    if (d.brightnessHz > 0 && d.brightnessHz < 1200.0)
        words << QStringLiteral("warm");
    else if (d.brightnessHz > 2500.0 && !minorKey)
        words << QStringLiteral("bright");
    if (tempo > 0) {
        const bool busy = d.onsetDensity > 3.0 && d.percussiveRatio > 0.3;
        words << (busy && tempo >= 100 ? QStringLiteral("driving") : tempo < 80 ? QStringLiteral("slow")
                  : tempo < 100 ? QStringLiteral("laid back") : QStringLiteral("upbeat"));
    }
    if (d.percussiveRatio < 0.12)
        words << QStringLiteral("no drums") << QStringLiteral("pads");
    else if (d.percussiveRatio > 0.35)
        words << QStringLiteral("drums");
    return words.join(QStringLiteral(", "));
}

QualityGrade gradeQuality(const core::AudioBuffer& audio, const Features& features)
{
    QualityGrade q;
    const double seconds = audio.sampleRate > 0 ? static_cast<double>(audio.frames()) / audio.sampleRate : 0.0;
    State st(audio.frames() > 0 ? ebur128_init(static_cast<unsigned>(audio.channelCount()), static_cast<unsigned long>(audio.sampleRate),
                                               EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK)
                                : nullptr);
    if (st) {
        feed(st.get(), audio, 0, audio.frames());
        q.integratedLufs = loudnessOf(st.get());
        double tp = 0.0, peak = 0.0;
        for (unsigned c = 0; c < static_cast<unsigned>(audio.channelCount()); ++c)
            if (ebur128_true_peak(st.get(), c, &tp) == EBUR128_SUCCESS)
                peak = std::max(peak, tp);
        q.truePeakDbtp = peak > 0 ? 20.0 * std::log10(peak) : -120.0;
    }
    // Clipping: samples at (or within 0.1 % of) full scale next to another such sample; a single full-scale
    // sample is a legal peak, a run is a flattened waveform.
    long long clipped = 0, total = 0;
    for (const auto& ch : audio.channels) {
        for (size_t i = 0; i < ch.size(); ++i) {
            const bool here = std::abs(ch[i]) >= 0.999f;
            const bool nb = (i > 0 && std::abs(ch[i - 1]) >= 0.999f) || (i + 1 < ch.size() && std::abs(ch[i + 1]) >= 0.999f);
            clipped += here && nb;
        }
        total += static_cast<long long>(ch.size());
    }
    q.clippingRatio = total > 0 ? static_cast<double>(clipped) / total : 0.0;
    int silent = 0, loud = 0;
    double flat = 0.0;
    for (size_t f = 0; f < features.rmsDb.size(); ++f) {
        if (features.rmsDb[f] < -60.0f) {
            ++silent;
        } else {
            ++loud;
            flat += features.flatness[f];
        }
    }
    q.silenceRatio = features.rmsDb.empty() ? 1.0 : static_cast<double>(silent) / features.rmsDb.size();
    q.spectralFlatness = loud > 0 ? flat / loud : 0.0;

    double score = 1.0;
    auto deduct = [&](double amount, const QString& why) {
        score -= amount;
        q.reasons << why;
    };
    if (q.silenceRatio >= 0.999) {
        q.score = 0.0;
        q.reasons << QStringLiteral("The file is silent.");
        return q;
    }
    if (q.clippingRatio > 1e-4)
        deduct(std::min(0.6, 0.15 + 20.0 * q.clippingRatio),
               QStringLiteral("Clipping: %1 % of samples sit at full scale.").arg(100.0 * q.clippingRatio, 0, 'f', 2));
    else if (q.truePeakDbtp > 0.0)
        deduct(0.1, QStringLiteral("True peak %1 dBTP: inter-sample overs will distort on playback.").arg(q.truePeakDbtp, 0, 'f', 1));
    if (q.silenceRatio > 0.1)
        deduct(std::min(0.4, 0.5 * q.silenceRatio), QStringLiteral("%1 % of the file is silence.").arg(100.0 * q.silenceRatio, 0, 'f', 0));
    if (q.integratedLufs < -30.0)
        deduct(0.2, QStringLiteral("Very quiet: %1 LUFS integrated.").arg(q.integratedLufs, 0, 'f', 1));
    else if (q.integratedLufs > -6.0)
        deduct(0.15, QStringLiteral("Over-compressed: %1 LUFS integrated.").arg(q.integratedLufs, 0, 'f', 1));
    if (q.spectralFlatness > 0.3)
        deduct(0.3, QStringLiteral("Noise-like spectrum (flatness %1).").arg(q.spectralFlatness, 0, 'f', 2));
    if (seconds < 5.0)
        deduct(0.2, QStringLiteral("Too short to be a song (%1 s).").arg(seconds, 0, 'f', 1));
    q.score = std::clamp(score, 0.0, 1.0);
    return q;
}

}  // namespace s2a::inference::analysis
