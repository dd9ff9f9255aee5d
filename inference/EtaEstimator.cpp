#include "inference/EtaEstimator.h"

#include <algorithm>

namespace s2a::inference {

double EtaEstimator::update(double fraction, const QString& stage, double elapsed)
{
    if (stage != m_stage) {
        m_stage = stage;
        m_stageFraction = fraction;
        m_stageTime = elapsed;
    }
    const double stageDone = fraction - m_stageFraction;
    const double stageSeconds = elapsed - m_stageTime;
    double estimate = -1.0;
    if (stageDone >= 0.02 && stageSeconds >= 0.2)
        estimate = (1.0 - fraction) * stageSeconds / stageDone;  // the stage's own step times
    else if (fraction >= 0.05 && elapsed >= 0.2)
        estimate = elapsed * (1.0 - fraction) / fraction;
    else if (m_expected > 0.0)
        estimate = std::max(0.0, m_expected - elapsed);
    if (estimate >= 0.0 && m_eta >= 0.0) {
        const double carried = std::max(0.0, m_eta - (elapsed - m_etaAt));
        estimate = 0.4 * carried + 0.6 * estimate;
    }
    if (fraction >= 1.0)
        estimate = 0.0;
    if (estimate >= 0.0) {
        m_eta = estimate;
        m_etaAt = elapsed;
    }
    return estimate;
}

}  // namespace s2a::inference
