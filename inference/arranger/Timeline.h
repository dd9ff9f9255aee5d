#pragma once

// Ticks <-> samples at a fixed tempo. Integer arithmetic where it matters, so that a tick always maps to
// the same sample and "the first tick at or after sample s" is exact: section ownership depends on it.
#include "inference/arranger/NoteEvent.h"

#include <QtGlobal>

namespace s2a::inference::arranger {

class Timeline {
public:
    Timeline(int sampleRate, double tempo) : m_rate(sampleRate), m_tempo(tempo) {}

    int sampleRate() const { return m_rate; }
    double tempo() const { return m_tempo; }
    double samplesPerTick() const { return double(m_rate) * 60.0 / (m_tempo * kTicksPerBeat); }

    qint64 tickToSample(qint64 tick) const
    {
        // long double keeps 64-bit sample positions exact over hours of audio.
        return qint64(static_cast<long double>(tick) * m_rate * 60.0L / (static_cast<long double>(m_tempo) * kTicksPerBeat));
    }
    // The first tick whose sample is at or after `sample`.
    qint64 firstTickAtOrAfter(qint64 sample) const
    {
        qint64 t = qint64(double(sample) / samplesPerTick());
        while (t > 0 && tickToSample(t - 1) >= sample)
            --t;
        while (tickToSample(t) < sample)
            ++t;
        return t;
    }

private:
    int m_rate;
    double m_tempo;
};

}  // namespace s2a::inference::arranger
