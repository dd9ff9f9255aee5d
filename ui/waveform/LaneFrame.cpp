#include "ui/waveform/LaneFrame.h"

#include <QPainter>
#include <QQuickItem>
#include <QQuickWindow>

#include <cmath>

namespace s2a::ui {
namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

LaneFrame LaneFrame::of(const QQuickItem& item, double viewStart, double samplesPerPixel)
{
    LaneFrame f;
    f.dpr = item.window() ? item.window()->effectiveDevicePixelRatio() : 1.0;
    f.width = int(std::ceil(item.width() * f.dpr));
    f.height = int(std::lround(item.height() * f.dpr));
    f.samplesPerPixel = samplesPerPixel / f.dpr;
    if (f.width <= 0 || f.height <= 0 || !(f.samplesPerPixel > 0.0))
        return f;
    // Rounded to whole device pixels so that tiles land on pixel boundaries and are blitted without resampling.
    f.origin = std::llround(viewStart / f.samplesPerPixel);
    f.firstTile = floorDiv(f.origin, kTile);
    f.lastTile = floorDiv(f.origin + f.width - 1, kTile);
    f.valid = true;
    return f;
}

int LaneFrame::paint(QPainter* painter, TileCache& tiles, quint64 dataGeneration,
                     const std::function<RenderedTile(qint64)>& render) const
{
    if (!valid)
        return 0;
    int rendered = 0;
    for (qint64 tile = firstTile; tile <= lastTile; ++tile) {
        const TileCache::Key key = TileCache::Key::of(samplesPerPixel, tile);
        QImage image;
        // An incomplete tile drawn before the latest data arrived is drawn again with it.
        const TileCache::Tile* cached = tiles.find(key);
        if (cached && (cached->complete || cached->dataGeneration == dataGeneration)) {
            image = cached->image;
        } else {
            RenderedTile fresh = render(tile);
            fresh.image.setDevicePixelRatio(dpr);
            image = fresh.image;
            tiles.insert(key, {std::move(fresh.image), fresh.complete, dataGeneration});
            ++rendered;
        }
        painter->drawImage(QPointF(double(tile * kTile - origin) / dpr, 0.0), image);
    }
    return rendered;
}

}  // namespace s2a::ui
