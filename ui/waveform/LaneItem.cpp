#include "ui/waveform/LaneItem.h"

#include <cmath>

namespace s2a::ui {

LaneItem::LaneItem(QQuickItem* parent) : QQuickPaintedItem(parent)
{
    // Transparent: the lane behind draws its own background. Tiles are blitted 1:1, so no smoothing is wanted.
    setOpaquePainting(false);
    setAntialiasing(false);
}

void LaneItem::setAudioDir(const QString& dir)
{
    if (dir == m_audioDir)
        return;
    m_audioDir = dir;
    Q_EMIT audioDirChanged();
    clipsSet();
}

void LaneItem::setClips(const QVariantList& clips)
{
    if (clips == m_clipsValue)
        return;
    m_clipsValue = clips;
    Q_EMIT clipsChanged();
    clipsSet();
}

void LaneItem::setSampleRate(int rate)
{
    if (rate == m_sampleRate)
        return;
    m_sampleRate = rate;
    Q_EMIT sampleRateChanged();
    sampleRateSet();
}

void LaneItem::setViewStart(qreal sample)
{
    if (sample == m_viewStart || !std::isfinite(sample))
        return;
    m_viewStart = sample;
    Q_EMIT viewStartChanged();
    viewMoved();
}

void LaneItem::setSamplesPerPixel(qreal samples)
{
    if (samples == m_samplesPerPixel || !(samples > 0.0) || !std::isfinite(samples))
        return;
    // Tiles are keyed by zoom, so the old zoom's tiles stay cached (zooming back is free) until evicted.
    m_samplesPerPixel = samples;
    Q_EMIT samplesPerPixelChanged();
    viewMoved();
}

void LaneItem::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        viewMoved();
}

void LaneItem::itemChange(ItemChange change, const ItemChangeData& value)
{
    QQuickPaintedItem::itemChange(change, value);
    if (change == ItemSceneChange || change == ItemDevicePixelRatioHasChanged)
        viewMoved();
}

}  // namespace s2a::ui
