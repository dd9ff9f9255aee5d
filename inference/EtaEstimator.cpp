#include "inference/EtaEstimator.h"

#include <algorithm>

namespace s2a::inference {
namespace {

// The stage is the first word of what the engine reports: "Sampling window 1 of 2: step 3 of 32" and
// "Decoding bass (2 of 4)" number every step, and a stage whose name changed at every step would never be timed.
QString stageName(const QString& text)
{
    return text.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
}

}  // namespace

double EtaEstimator::update(double fraction, const QString& text, double elapsed)
{
    if (const QString stage = stageName(text); stage != m_stage) {
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
