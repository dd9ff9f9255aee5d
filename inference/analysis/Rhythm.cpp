#include "inference/analysis/Rhythm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace s2a::inference::analysis {
namespace {

// Autocorrelation of the onset envelope for lags 0..maxLag (direct: maxLag is a few hundred frames).
std::vector<double> autocorrelation(const std::vector<float>& x, int maxLag)
{
    std::vector<double> r(static_cast<size_t>(maxLag) + 1, 0.0);
    const int n = static_cast<int>(x.size());
    for (int lag = 0; lag <= maxLag && lag < n; ++lag) {
        double s = 0.0;
        for (int i = lag; i < n; ++i)
            s += static_cast<double>(x[i]) * x[i - lag];
        r[lag] = s / (n - lag);  // unbiased: long lags are not penalised for having fewer terms
    }
    return r;
}

double interpolatedPeak(const std::vector<double>& v, int i)
{
    if (i <= 0 || i + 1 >= static_cast<int>(v.size()))
        return i;
    const double a = v[i - 1], b = v[i], c = v[i + 1];
    const double d = a - 2 * b + c;
    return d < 0 ? i + 0.5 * (a - c) / d : i;
}

// Beat period in frames. The score of a lag adds the autocorrelation at its multiples (a comb), so the true
// period beats its own multiples; a log-normal prior around 120 BPM breaks the remaining octave ties the
// way listeners do. The lag itself counts twice: a pulse must be heard at its own period, not only at the
// multiples it shares with another. Without that, an 84 BPM soul ballad whose figures repeat every 1.5 and 3
// beats read as 112 BPM (the lag of 3/4 beat has little autocorrelation of its own, 0.14 against 0.45, but its
// multiples land on 1.5 and 3 beats and the prior favours it).
double estimatePeriod(const std::vector<float>& onset, double hopSeconds)
{
    const double fps = 1.0 / hopSeconds;
    const int minLag = static_cast<int>(std::floor(60.0 * fps / 220.0));
    const int maxLag = static_cast<int>(std::ceil(60.0 * fps / 50.0));
    const std::vector<double> r = autocorrelation(onset, 4 * maxLag + 2);
    std::vector<double> score(r.size(), 0.0);
    int best = -1;
    for (int lag = minLag; lag <= maxLag; ++lag) {
        double s = 0.0;
        for (int m = 1; m <= 4; ++m)
            s += (m == 1 ? 2.0 : 1.0) * r[static_cast<size_t>(m * lag)];
        const double bpm = 60.0 * fps / lag;
        const double octaves = std::log2(bpm / 120.0);
        score[lag] = s * std::exp(-0.5 * octaves * octaves / (0.6 * 0.6));
        if (best < 0 || score[lag] > score[best])
            best = lag;
    }
    if (best < 0)
        return 0.0;
    return interpolatedPeak(r, best);  // the raw autocorrelation peak is sharper than the comb's
}

// Ellis's tracker: every frame's best score is its onset plus the best predecessor score minus a penalty on
// the squared log deviation of the interval from the period.
std::vector<int> dpBeats(const std::vector<float>& onset, double period)
{
    const int n = static_cast<int>(onset.size());
    constexpr double kTightness = 100.0;
    std::vector<double> score(n, 0.0);
    std::vector<int> back(n, -1);
    const int lo = std::max(1, static_cast<int>(std::round(period / 2)));
    const int hi = std::max(lo + 1, static_cast<int>(std::round(2 * period)));
    for (int t = 0; t < n; ++t) {
        double bestPrev = 0.0;
        int arg = -1;
        for (int prev = t - hi; prev <= t - lo; ++prev) {
            if (prev < 0)
                continue;
            const double dev = std::log((t - prev) / period);
            const double s = score[prev] - kTightness * dev * dev;
            if (arg < 0 || s > bestPrev) {
                bestPrev = s;
                arg = prev;
            }
        }
        score[t] = onset[t] + (arg >= 0 ? std::max(0.0, bestPrev) : 0.0);
        back[t] = (arg >= 0 && bestPrev > 0.0) ? arg : -1;
    }
    // End on the best-scoring frame within the last period, then walk back.
    int t = n - 1;
    for (int i = std::max(0, n - static_cast<int>(period)); i < n; ++i)
        if (score[i] > score[t])
            t = i;
    std::vector<int> beats;
    for (; t >= 0; t = back[t])
        beats.push_back(t);
    std::reverse(beats.begin(), beats.end());
    return beats;
}

double cosineDistance(const float* a, const float* b, int n)
{
    double ab = 0, aa = 0, bb = 0;
    for (int i = 0; i < n; ++i) {
        ab += static_cast<double>(a[i]) * b[i];
        aa += static_cast<double>(a[i]) * a[i];
        bb += static_cast<double>(b[i]) * b[i];
    }
    return (aa <= 0 || bb <= 0) ? 0.0 : 1.0 - ab / std::sqrt(aa * bb);
}

// Median over beats of the time from where the onset envelope first reaches half of the beat's peak (searching
// back at most 80 ms, linear between frames) to the beat frame.
double attackLag(const std::vector<float>& onset, const std::vector<int>& beatFrames, double hop)
{
    const int maxBack = std::max(1, static_cast<int>(0.08 / hop));
    std::vector<double> lags;
    for (int fb : beatFrames) {
        if (fb <= 0 || fb >= static_cast<int>(onset.size()) || onset[size_t(fb)] <= 0.0f)
            continue;
        const float half = 0.5f * onset[size_t(fb)];
        int f = fb;
        while (f > 0 && fb - f < maxBack && onset[size_t(f) - 1] >= half)
            --f;
        double crossing = f;
        if (f > 0 && onset[size_t(f)] > onset[size_t(f) - 1])
            crossing = f - double(onset[size_t(f)] - half) / double(onset[size_t(f)] - onset[size_t(f) - 1]);
        lags.push_back((fb - crossing) * hop);
    }
    if (lags.empty())
        return 0.0;
    std::nth_element(lags.begin(), lags.begin() + long(lags.size() / 2), lags.end());
    return lags[lags.size() / 2];
}

}  // namespace

std::vector<float> onsetStrength(const Features& features)
{
    const FrameMatrix& lm = features.logMel;
    std::vector<float> flux(static_cast<size_t>(lm.frames), 0.0f);
    for (int f = 1; f < lm.frames; ++f) {
        double s = 0.0;
        for (int m = 0; m < lm.width; ++m)
            s += std::max(0.0f, lm.row(f)[m] - lm.row(f - 1)[m]);
        flux[f] = static_cast<float>(s);
    }
    // Subtract a 1.5 s moving average so loud sections do not outweigh quiet ones, then standardise.
    const int half = std::max(1, static_cast<int>(0.75 / features.hopSeconds));
    std::vector<double> prefix(flux.size() + 1, 0.0);
    for (size_t i = 0; i < flux.size(); ++i)
        prefix[i + 1] = prefix[i] + flux[i];
    std::vector<float> out(flux.size());
    const int n = static_cast<int>(flux.size());
    for (int i = 0; i < n; ++i) {
        const int a = std::max(0, i - half), b = std::min(n, i + half + 1);
        out[i] = static_cast<float>(flux[i] - (prefix[b] - prefix[a]) / (b - a));
    }
    double var = 0.0;
    for (float v : out)
        var += static_cast<double>(v) * v;
    const double sd = n > 0 ? std::sqrt(var / n) : 0.0;
    for (float& v : out)
        v = sd > 1e-9 ? std::max(0.0f, static_cast<float>(v / sd)) : 0.0f;
    return out;
}

RhythmResult trackRhythm(const Features& features)
{
    RhythmResult r;
    r.onset = onsetStrength(features);
    const double hop = features.hopSeconds;
    const double period = estimatePeriod(r.onset, hop);
    if (period <= 0.0 || features.logMel.frames < 4 * period)
        return r;
    const std::vector<int> beatFrames = dpBeats(r.onset, period);
    if (beatFrames.size() < 4)
        return r;

    // Regression of beat time on beat number (numbers from the rounded ratio to the first estimate, so a
    // skipped beat does not bend the line) gives a period far finer than one hop.
    const double t0 = beatFrames.front();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int f : beatFrames) {
        const double k = std::round((f - t0) / period);
        sx += k; sy += f; sxx += k * k; sxy += k * f;
    }
    const double m = static_cast<double>(beatFrames.size());
    const double denom = m * sxx - sx * sx;
    const double refined = denom > 0 ? (m * sxy - sx * sy) / denom : period;
    r.tempo = 60.0 / (refined * hop);
    // The onset envelope peaks where a note's attack is steepest, which for a slow attack (a flute, a bowed
    // string, a voice) is tens of milliseconds after the note begins: a band on those beats would trail the
    // recording it accompanies. The beats move back by the median time from the attack's start (where the
    // envelope first reaches half its peak) to the peak.
    const double lag = attackLag(r.onset, beatFrames, hop);
    for (int f : beatFrames)
        r.beats.push_back(std::max(0.0, f * hop - lag));

    // Downbeats: chords change and kicks land on beat one. Score each phase of four by the chroma change
    // into the beat plus the low-band onset at it.
    const int nb = static_cast<int>(beatFrames.size());
    // Per beat: the harmony's chroma and, apart, the bass's (a bass line moves to the root on beat one even
    // where a sustained pad or a busy melody blurs the harmony's change).
    std::vector<std::vector<float>> beatChroma(static_cast<size_t>(nb), std::vector<float>(12, 0.0f));
    std::vector<std::vector<float>> beatBass(static_cast<size_t>(nb), std::vector<float>(12, 0.0f));
    for (int b = 0; b < nb; ++b) {
        const int end = b + 1 < nb ? beatFrames[b + 1] : std::min(features.chroma.frames, beatFrames[b] + static_cast<int>(period));
        for (int f = beatFrames[b]; f < end; ++f)
            for (int c = 0; c < 12; ++c) {
                beatChroma[b][c] += features.chroma.row(f)[c];
                beatBass[b][c] += features.bassChroma.row(f)[c];
            }
    }
    double phaseScore[4] = {0, 0, 0, 0};
    int phaseCount[4] = {0, 0, 0, 0};
    for (int b = 1; b < nb; ++b) {
        const int f = beatFrames[b];
        double low = 0.0;
        for (int mband = 0; mband < 8; ++mband)
            low += f > 0 ? std::max(0.0f, features.logMel.row(f)[mband] - features.logMel.row(f - 1)[mband]) : 0.0f;
        phaseScore[b % 4] += 4.0 * cosineDistance(beatChroma[b - 1].data(), beatChroma[b].data(), 12)
                           + 2.0 * cosineDistance(beatBass[b - 1].data(), beatBass[b].data(), 12) + 0.1 * low;
        phaseCount[b % 4] += 1;
    }
    int phase = 0;
    for (int p = 1; p < 4; ++p)
        if (phaseScore[p] / std::max(1, phaseCount[p]) > phaseScore[phase] / std::max(1, phaseCount[phase]))
            phase = p;
    r.downbeatPhase = phase;
    // The grid's phase from every tracked downbeat (not the first alone, which may be a tracking miss): the
    // circular mean of their times modulo a bar, at the refined tempo.
    {
        const double bar = 4.0 * 60.0 / r.tempo;
        double sx = 0.0, sy = 0.0;
        for (int b = phase; b < nb; b += 4) {
            const double angle = 2.0 * M_PI * std::fmod(r.beats[static_cast<size_t>(b)], bar) / bar;
            sx += std::cos(angle);
            sy += std::sin(angle);
        }
        double offset = std::atan2(sy, sx) / (2.0 * M_PI) * bar;
        r.downbeatOffset = offset < 0.0 ? offset + bar : offset;
    }
    r.bars = barsFromPhase(r.beats, phase, r.tempo);
    return r;
}

std::vector<double> barsFromPhase(const std::vector<double>& beats, int phase, double tempo)
{
    const double bar = 4.0 * 60.0 / tempo;
    std::vector<double> bars;
    for (double t = beats[static_cast<size_t>(phase)] - bar; t > -0.25 * bar; t -= bar)
        bars.insert(bars.begin(), std::max(0.0, t));
    for (size_t b = static_cast<size_t>(phase); b < beats.size(); b += 4)
        bars.push_back(beats[b]);
    return bars;
}

std::vector<double> phraseEntries(const Features& features, double minRest)
{
    std::vector<double> entries;
    if (features.rmsDb.empty())
        return entries;
    const float loudest = *std::max_element(features.rmsDb.begin(), features.rmsDb.end());
    const float quiet = loudest - 45.0f, sounding = loudest - 30.0f;
    const int restFrames = std::max(1, int(minRest / features.hopSeconds));
    const int confirmFrames = std::max(1, int(0.5 / features.hopSeconds));
    int rest = restFrames;  // the file's start counts as a rest
    int candidate = -1;     // the first frame over the rest's level after a rest, until the part is heard or falls back
    for (int f = 0; f < int(features.rmsDb.size()); ++f) {
        const float level = features.rmsDb[size_t(f)];
        if (level < quiet) {
            if (candidate >= 0 && f - candidate > confirmFrames)
                candidate = -1;  // a blip, not the part coming in
            if (candidate < 0)
                ++rest;
            continue;
        }
        if (candidate < 0 && rest >= restFrames)
            candidate = f;
        if (level >= sounding && candidate >= 0) {
            if (f - candidate <= confirmFrames)
                entries.push_back(features.frameTime(candidate));
            candidate = -1;
            rest = 0;
        } else if (candidate < 0) {
            rest = 0;
        }
    }
    return entries;
}

double entriesOnDownbeats(const std::vector<double>& entries, const std::vector<double>& bars, double beatSeconds)
{
    if (entries.empty() || bars.empty() || !(beatSeconds > 0.0))
        return 0.0;
    // An entry counts for a downbeat it starts on or a little after (a tune that comes in on the "and" of one,
    // or a soft attack the level meter hears late): full weight from 0.15 beats before to 0.6 after, fading to
    // nothing at 0.4 before and 0.85 after.
    const auto weight = [](double beats) {
        if (beats < -0.4 || beats > 0.85)
            return 0.0;
        if (beats < -0.15)
            return (beats + 0.4) / 0.25;
        if (beats > 0.6)
            return (0.85 - beats) / 0.25;
        return 1.0;
    };
    double sum = 0.0;
    for (double e : entries) {
        double best = 0.0;
        for (double b : bars)
            best = std::max(best, weight((e - b) / beatSeconds));
        sum += best;
    }
    return sum / double(entries.size());
}

}  // namespace s2a::inference::analysis
