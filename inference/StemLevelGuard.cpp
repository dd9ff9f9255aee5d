#include "inference/StemLevelGuard.h"

#include "core/export/TruePeakMeter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace s2a::inference {

namespace {

// A peak this little over the ceiling is left alone: nobody hears 0.001 dB, and a take already brought to the
// ceiling re-measures a hair above or below it (the gain is applied in float), so guarding it again must not
// change it: the guard is idempotent.
constexpr double kToleranceDb = 0.001;

double truePeakDb(const core::AudioBuffer& audio, int sampleRate)
{
    const int channels = int(audio.channels.size());
    if (channels == 0)
        return -std::numeric_limits<double>::infinity();
    core::TruePeakMeter meter(sampleRate, channels);
    for (int c = 0; c < channels; ++c)
        meter.add(c, audio.channels[size_t(c)].data(), int(audio.channels[size_t(c)].size()));
    const double peak = meter.peak();
    return peak > 0.0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity();
}

}  // namespace

LevelGuard guardStemLevels(QVector<Stem>& stems, int sampleRate, core::TakeOrigin& origin, double ceilingDbtp)
{
    LevelGuard guard;
    guard.peakDbtp = -std::numeric_limits<double>::infinity();
    for (const Stem& stem : std::as_const(stems))
        guard.peakDbtp = std::max(guard.peakDbtp, truePeakDb(stem.audio, sampleRate));
    if (std::isfinite(guard.peakDbtp) && guard.peakDbtp > ceilingDbtp + kToleranceDb) {
        guard.gainDb = ceilingDbtp - guard.peakDbtp;
        const float gain = float(std::pow(10.0, guard.gainDb / 20.0));
        for (Stem& stem : stems)
            for (auto& channel : stem.audio.channels)
                for (float& v : channel)
                    v *= gain;
    }
    origin.levelGainDb = guard.gainDb;
    origin.truePeakDbtp = guard.peakDbtp + guard.gainDb;
    return guard;
}

}  // namespace s2a::inference
