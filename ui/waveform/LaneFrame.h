#pragma once

#include "ui/waveform/TileCache.h"
#include "ui/waveform/WaveformRenderer.h"

#include <QtGlobal>

#include <functional>

class QPainter;
class QQuickItem;

namespace s2a::ui {

// Where a timeline lane's tiles go in one frame, in device pixels: the waveform and the spectrogram cut their
// lanes the same way, into tiles of WaveformRenderer::kTileWidth on an absolute pixel grid, so that scrolling
// reuses tiles and only a zoom draws anew.
struct LaneFrame {
    static constexpr int kTile = WaveformRenderer::kTileWidth;

    bool valid = false;
    double samplesPerPixel = 1.0;  // per device pixel
    qreal dpr = 1.0;
    qint64 origin = 0;             // absolute column at x = 0
    int width = 0;
    int height = 0;
    qint64 firstTile = 0;
    qint64 lastTile = -1;

    // The frame of `item` (its size and its window's device pixel ratio) showing the timeline from `viewStart`
    // at `samplesPerPixel` (per logical pixel).
    static LaneFrame of(const QQuickItem& item, double viewStart, double samplesPerPixel);

    // Draws the frame's tiles from `tiles`, rendering and caching with `render` those that are missing or were
    // drawn incomplete before `dataGeneration`, and returns how many it rendered.
    int paint(QPainter* painter, TileCache& tiles, quint64 dataGeneration,
              const std::function<RenderedTile(qint64 tile)>& render) const;
};

}  // namespace s2a::ui
