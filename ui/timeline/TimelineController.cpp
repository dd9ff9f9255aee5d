#include "ui/timeline/TimelineController.h"

#include "core/util/ClockText.h"

#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace s2a::ui {

TimelineController::TimelineController(QObject* parent) : QObject(parent)
{
    zoomToFit();
    m_fitted = true;
}

double TimelineController::maxSamplesPerPixel() const
{
    // The whole song fits, with a little room to spare so the last boundary is grabbable.
    return std::max(kMinSamplesPerPixel, double(std::max<qint64>(1, m_songLength)) * 1.02 / std::max(1.0, m_viewWidth));
}

void TimelineController::setViewWidth(double width)
{
    width = std::max(1.0, width);
    if (width == m_viewWidth)
        return;
    m_viewWidth = width;
    if (m_fitted)
        m_samplesPerPixel = maxSamplesPerPixel();
    clampView();
    Q_EMIT viewChanged();
}

void TimelineController::setViewStart(double sample)
{
    const double before = m_viewStart;
    m_viewStart = sample;
    clampView();
    if (m_viewStart != before)
        Q_EMIT viewChanged();
}

void TimelineController::setSamplesPerPixel(double spp)
{
    zoomBy(spp / m_samplesPerPixel, 0.0);
}

void TimelineController::setGrid(qint64 songLength, int sampleRate, double tempo, int beatsPerBar, qint64 downbeatOffset)
{
    m_downbeat = std::max<qint64>(0, downbeatOffset);
    const bool lengthChanged = songLength != m_songLength;
    m_songLength = std::max<qint64>(1, songLength);
    m_sampleRate = std::max(1, sampleRate);
    m_tempo = tempo > 0 ? tempo : 120.0;
    m_beatsPerBar = std::max(1, beatsPerBar);
    if (lengthChanged && m_fitted)
        m_samplesPerPixel = maxSamplesPerPixel();
    clampView();
    Q_EMIT gridChanged();
    Q_EMIT viewChanged();
}

void TimelineController::clampView()
{
    m_samplesPerPixel = std::clamp(m_samplesPerPixel, kMinSamplesPerPixel, maxSamplesPerPixel());
    const double maxStart = std::max(0.0, double(m_songLength) - m_viewWidth * m_samplesPerPixel * 0.5);
    m_viewStart = std::clamp(m_viewStart, 0.0, maxStart);
}

qint64 TimelineController::positionForX(double x) const
{
    return std::clamp<qint64>(qint64(std::llround(sampleForX(x))), 0, m_songLength);
}

double TimelineController::samplesPerBeat() const
{
    return 60.0 * m_sampleRate / m_tempo;
}

qint64 TimelineController::snap(qint64 sample, SnapGrid grid) const
{
    if (grid != SnapOff) {
        const double step = samplesPerBeat() * (grid == SnapBar ? std::max(1, m_beatsPerBar) : 1);
        sample = m_downbeat + qint64(std::llround(std::round(double(sample - m_downbeat) / step) * step));
    }
    return std::clamp<qint64>(sample, 0, m_songLength);
}

TimelineController::SnapGrid TimelineController::snapGridFor(int modifiers) const
{
    if (modifiers & Qt::ShiftModifier)
        return SnapOff;
    return (modifiers & Qt::ControlModifier) ? SnapBeat : SnapBar;
}

int TimelineController::boundaryAt(double x, double tolerancePx) const
{
    int best = -1;
    double bestDistance = tolerancePx;
    for (int i = 0; i < m_boundaries.size(); ++i) {
        const double distance = std::abs(xForSample(double(m_boundaries[i])) - x);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

QString TimelineController::barBeatText(qint64 sample) const
{
    // Beats before bar 1 (a pickup) count as bar 0, so its last beat reads 0.4.
    const qint64 beat = qint64(std::floor(double(sample - m_downbeat) / samplesPerBeat() + 1e-9));
    const qint64 bar = beat >= 0 ? beat / m_beatsPerBar : -((-beat + m_beatsPerBar - 1) / m_beatsPerBar);
    return QStringLiteral("%1.%2").arg(bar + 1).arg(beat - bar * m_beatsPerBar + 1);
}

void TimelineController::zoomBy(double factor, double anchorX)
{
    if (!(factor > 0))
        return;
    const double anchor = sampleForX(anchorX);
    const double spp = std::clamp(m_samplesPerPixel * factor, kMinSamplesPerPixel, maxSamplesPerPixel());
    m_fitted = spp >= maxSamplesPerPixel();
    if (spp == m_samplesPerPixel)
        return;
    m_samplesPerPixel = spp;
    m_viewStart = anchor - anchorX * spp;
    clampView();
    Q_EMIT viewChanged();
}

void TimelineController::zoomToFit()
{
    m_samplesPerPixel = maxSamplesPerPixel();
    m_viewStart = 0.0;
    m_fitted = true;
    Q_EMIT viewChanged();
}

void TimelineController::zoomToRange(double start, double end)
{
    if (end <= start)
        return;
    m_samplesPerPixel = std::clamp((end - start) / m_viewWidth, kMinSamplesPerPixel, maxSamplesPerPixel());
    m_fitted = m_samplesPerPixel >= maxSamplesPerPixel();
    m_viewStart = start;
    clampView();
    Q_EMIT viewChanged();
}

void TimelineController::ensureVisible(double sample)
{
    const double margin = 0.1 * m_viewWidth * m_samplesPerPixel;
    if (sample < m_viewStart)
        setViewStart(sample - margin);
    else if (sample > viewEnd())
        setViewStart(sample - (viewEnd() - m_viewStart) + margin);
}

QString TimelineController::timeText(double sample) const
{
    // Whole seconds while labels are far apart in time, tenths once bars are shorter than a label needs.
    const bool tenths = m_samplesPerPixel * 70.0 < m_sampleRate * 2.0;
    return clockText(sample / m_sampleRate, tenths ? 1 : 0);
}

QVariantList TimelineController::rulerTicks() const
{
    QVariantList ticks;
    const double beat = samplesPerBeat();
    const double bar = beat * m_beatsPerBar;
    const double pixelsPerBar = bar / m_samplesPerPixel;
    int barsPerLabel = 1;
    while (barsPerLabel * pixelsPerBar < 70.0 && barsPerLabel < (1 << 20))
        barsPerLabel *= 2;
    const bool beats = beat / m_samplesPerPixel >= 8.0;
    const double step = beats ? beat : bar;
    // Ticks from bar 1 (the downbeat offset) in both directions; the pickup's bars are drawn, not numbered.
    const double origin = double(m_downbeat);
    const qint64 first = qint64(std::floor((m_viewStart - origin) / step));
    const qint64 last = qint64(std::ceil((std::min(viewEnd(), double(m_songLength)) - origin) / step));
    const qint64 earliest = -qint64(std::floor(origin / step));
    for (qint64 i = std::max<qint64>(earliest, first); i <= last; ++i) {
        const qint64 beatIndex = beats ? i : i * m_beatsPerBar;
        const bool isBar = ((beatIndex % m_beatsPerBar) + m_beatsPerBar) % m_beatsPerBar == 0;
        const qint64 barIndex = beatIndex >= 0 ? beatIndex / m_beatsPerBar : -1;
        if (!isBar && !beats)
            continue;
        const bool labelled = isBar && barIndex >= 0 && barIndex % barsPerLabel == 0;
        if (!beats && isBar && !labelled && pixelsPerBar < 8.0)
            continue;  // bars too dense to draw even unlabelled
        const double sample = origin + double(i) * step;
        ticks.append(QVariantMap{{QStringLiteral("x"), xForSample(sample)},
                                 {QStringLiteral("label"), labelled ? QString::number(barIndex + 1) : QString()},
                                 {QStringLiteral("time"), labelled ? timeText(sample) : QString()},
                                 {QStringLiteral("major"), isBar}});
    }
    return ticks;
}

}  // namespace s2a::ui
