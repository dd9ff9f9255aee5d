#pragma once

// Ticks <-> samples at a fixed tempo. Integer arithmetic where it matters, so that a tick always maps to
// the same sample and "the first tick at or after sample s" is exact: section ownership depends on it.
// Tick 0 lies at `origin` (<= 0): a song whose bar 1 starts after 0 (a pickup, a count-in) has its bar grid,
// and so tick 0, a whole number of bars before its first downbeat.
#include "inference/arranger/NoteEvent.h"

#include <QtGlobal>

#include <algorithm>

namespace s2a::inference::arranger {

class Timeline {
public:
    Timeline(int sampleRate, double tempo, qint64 origin = 0) : m_rate(sampleRate), m_tempo(tempo), m_origin(origin) {}

    int sampleRate() const { return m_rate; }
    double tempo() const { return m_tempo; }
    qint64 origin() const { return m_origin; }
    double samplesPerTick() const { return double(m_rate) * 60.0 / (m_tempo * kTicksPerBeat); }

    qint64 tickToSample(qint64 tick) const
    {
        // long double keeps 64-bit sample positions exact over hours of audio.
        return m_origin + qint64(static_cast<long double>(tick) * m_rate * 60.0L / (static_cast<long double>(m_tempo) * kTicksPerBeat));
    }
    // The first tick whose sample is at or after `sample`.
    qint64 firstTickAtOrAfter(qint64 sample) const
    {
        qint64 t = std::max<qint64>(0, qint64(double(sample - m_origin) / samplesPerTick()));
        while (t > 0 && tickToSample(t - 1) >= sample)
            --t;
        while (tickToSample(t) < sample)
            ++t;
        return t;
    }

private:
    int m_rate;
    double m_tempo;
    qint64 m_origin;
};

}  // namespace s2a::inference::arranger
