#pragma once

// How long a generation job has left, from the progress it reports. Pure (the caller passes the time), so it is
// tested with made-up clocks.
//
// A job's fraction does not grow evenly: loading weights or encoding the context takes seconds for the first
// few per cent, then every sampler step costs the same. Extrapolating elapsed / fraction from the start therefore
// said 34 s for a 7 s regeneration. The estimate uses the measured rate of the current stage (its step times)
// once the stage has moved far enough to time it, elapsed / fraction before that, the last job's length
// before anything is known, and is smoothed so the number a user reads does not jump with every step.
#include <QString>

namespace s2a::inference {

class EtaEstimator {
public:
    // `expectedSeconds`: the last job of the same engine took this long (-1: none yet).
    explicit EtaEstimator(double expectedSeconds = -1.0) : m_expected(expectedSeconds) {}

    // The job is at `fraction` (0..1) in `stage`, `elapsed` seconds after it started. Returns the seconds left,
    // or -1 while nothing can be said.
    double update(double fraction, const QString& stage, double elapsed);

private:
    double m_expected;
    QString m_stage;
    double m_stageFraction = 0.0;  // where the current stage started
    double m_stageTime = 0.0;
    double m_eta = -1.0;           // the last estimate and when it was made
    double m_etaAt = 0.0;
};

}  // namespace s2a::inference
