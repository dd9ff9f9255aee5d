#include "AudioMeasures.h"

#include <algorithm>
#include <cmath>

namespace s2a::test {

double rms(const core::AudioBuffer& audio, core::SampleCount from, core::SampleCount to)
{
    if (to < 0)
        to = audio.frames();
    double sum = 0.0;
    qint64 n = 0;
    for (const auto& ch : audio.channels) {
        for (qint64 i = from; i < to; ++i)
            sum += double(ch[size_t(i)]) * ch[size_t(i)];
        n += to - from;
    }
    return n > 0 ? std::sqrt(sum / double(n)) : 0.0;
}

double peak(const core::AudioBuffer& audio)
{
    double p = 0.0;
    for (const auto& ch : audio.channels)
        for (float v : ch)
            p = std::max(p, double(std::fabs(v)));
    return p;
}

core::AudioBuffer sum(const std::vector<const core::AudioBuffer*>& buffers)
{
    core::AudioBuffer out = core::AudioBuffer::silence(2, buffers.front()->frames(), buffers.front()->sampleRate);
    for (const core::AudioBuffer* b : buffers)
        core::mixInto(out, *b);
    return out;
}

double gatedLoudnessDb(const core::AudioBuffer& audio, core::SampleCount from, core::SampleCount to)
{
    const qint64 block = qint64(0.4 * audio.sampleRate);
    const qint64 hop = block / 4;
    std::vector<double> blocks;
    for (qint64 s = from; s + block <= to; s += hop) {
        double z = 0.0;
        for (const auto& ch : audio.channels) {
            double acc = 0.0;
            for (qint64 i = s; i < s + block; ++i)
                acc += double(ch[size_t(i)]) * ch[size_t(i)];
            z += acc / double(block);
        }
        blocks.push_back(z);
    }
    auto loudness = [](double z) { return -0.691 + 10.0 * std::log10(std::max(z, 1e-20)); };
    auto gatedMean = [&](double gateDb) {
        double acc = 0.0;
        int n = 0;
        for (double z : blocks)
            if (loudness(z) > gateDb) {
                acc += z;
                ++n;
            }
        return n > 0 ? acc / n : 1e-20;
    };
    const double absolute = gatedMean(-70.0);
    return loudness(gatedMean(loudness(absolute) - 10.0));
}

double onsetTempo(const core::AudioBuffer& audio, double minBpm, double maxBpm)
{
    constexpr int hop = 128;
    const double frameRate = double(audio.sampleRate) / hop;
    std::vector<double> energy;
    for (qint64 s = 0; s + hop <= audio.frames(); s += hop) {
        double e = 0.0;
        for (const auto& ch : audio.channels)
            for (qint64 i = s; i < s + hop; ++i)
                e += double(ch[size_t(i)]) * ch[size_t(i)];
        energy.push_back(std::log10(1e-9 + e));
    }
    // Onset strength: rises of log energy, which is level independent (a soft hat counts like a loud kick).
    std::vector<double> onset(energy.size(), 0.0);
    for (size_t i = 1; i < energy.size(); ++i)
        onset[i] = std::max(0.0, energy[i] - energy[i - 1]);
    double mean = 0.0;
    for (double v : onset)
        mean += v;
    mean /= double(std::max<size_t>(1, onset.size()));
    for (double& v : onset)
        v -= mean;
    auto acf = [&](int lag) {
        double acc = 0.0;
        for (size_t i = size_t(lag); i < onset.size(); ++i)
            acc += onset[i] * onset[i - size_t(lag)];
        return acc / double(onset.size() - size_t(lag));
    };
    const int minLag = int(std::floor(60.0 * frameRate / maxBpm));
    const int maxLag = int(std::ceil(60.0 * frameRate / minBpm));
    int best = minLag;
    double bestValue = -1e300;
    for (int lag = minLag; lag <= maxLag; ++lag) {
        const double v = acf(lag);
        if (v > bestValue) {
            bestValue = v;
            best = lag;
        }
    }
    // Refine: the peak at four beats, located with a parabola through its neighbours, divided by four.
    int far = 4 * best;
    double farValue = acf(far);
    for (int lag = far - 3; lag <= far + 3; ++lag) {
        if (lag > 1 && size_t(lag + 1) < onset.size() && acf(lag) > farValue) {
            farValue = acf(lag);
            far = lag;
        }
    }
    const double a = acf(far - 1), b = acf(far), c = acf(far + 1);
    const double denom = a - 2.0 * b + c;
    const double offset = std::fabs(denom) > 1e-30 ? 0.5 * (a - c) / denom : 0.0;
    const double lag = (far + std::clamp(offset, -0.5, 0.5)) / 4.0;
    return 60.0 * frameRate / lag;
}

double maxStep(const core::AudioBuffer& audio, core::SampleCount from, core::SampleCount to)
{
    double m = 0.0;
    for (const auto& ch : audio.channels)
        for (qint64 i = std::max<qint64>(1, from); i < to; ++i)
            m = std::max(m, double(std::fabs(ch[size_t(i)] - ch[size_t(i - 1)])));
    return m;
}

}  // namespace s2a::test
