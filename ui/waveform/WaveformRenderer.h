#pragma once

#include "core/audio/PeakCache.h"
#include "ui/waveform/SampleWindow.h"

#include <QColor>
#include <QImage>

#include <optional>
#include <vector>

namespace s2a::ui {

// One clip of a lane as the renderer sees it. Times are timeline samples at the project rate; the clip plays
// file[sourceStart, sourceStart + length) (also project-rate samples, mapped onto the file by the rate ratio)
// at timeline [timelineStart, timelineStart + length).
struct WaveformClip {
    core::SharedPeaks peaks;               // null while loading, or for a file that failed
    bool failed = false;                   // what is missing (peaks, samples) will never come: draw without it
    const SampleWindow* samples = nullptr;  // raw samples for sample-level zoom, null when not (yet) decoded
    core::SampleCount timelineStart = 0;
    core::SampleCount sourceStart = 0;
    core::SampleCount length = 0;
};

// Which pixels a tile covers. Columns live on an absolute grid: column p shows timeline samples
// [p * samplesPerPixel, (p + 1) * samplesPerPixel), so a tile's pixels depend only on its zoom and index, and
// scrolling reuses tiles instead of redrawing them at a shifted phase.
struct TileSpec {
    qint64 firstPixel = 0;
    int width = 256;
    int height = 0;
    double samplesPerPixel = 1.0;  // timeline samples per device pixel
    int projectRate = 0;           // <= 0: every file is drawn at its own rate
    qreal devicePixelRatio = 1.0;  // scales line widths and dots, which are drawn in device pixels
    QColor colour;
    double gain = 1.0;             // display gain (vertical zoom): values are drawn times this, clipped to the lane
};

struct RenderedTile {
    QImage image;           // ARGB32 premultiplied, transparent where nothing is drawn
    bool complete = true;   // false: some clip's peaks or samples were still missing
};

// Paints one tile of a lane: per channel (stacked lanes) a min/max envelope per pixel column with the RMS in a
// lighter shade, or the samples themselves once a pixel holds fewer samples than the finest peak block. Pure:
// no Qt Quick, no I/O, so that tests check pixels against the audio directly.
class WaveformRenderer {
public:
    static constexpr int kTileWidth = 256;
    // Below this many file samples per pixel the samples are joined by an antialiased polyline; above it (and
    // below the finest block) each column gets the exact min/max of its samples, which is how that polyline
    // would rasterise, at a fraction of the cost.
    static constexpr double kPolylineBelow = 4.0;
    // Pixels per sample (in logical pixels) from which every sample is also marked with a dot.
    static constexpr double kDotsFrom = 6.0;
    // A clip whose peaks are loading draws a placeholder: stripes this many logical pixels apart and a line at
    // zero in placeholderLineColour().
    static constexpr double kPlaceholderStripePeriod = 10.0;
    static QColor placeholderLineColour(const QColor& colour);

    static RenderedTile render(const TileSpec& spec, const std::vector<WaveformClip>& clips);

    // The file frames `clip` needs decoded for this tile at sample-level zoom, or nullopt when its peaks answer
    // (or it has no peaks yet, or lies outside the tile).
    static std::optional<FrameRange> sampleRange(const TileSpec& spec, const WaveformClip& clip);

    // The pyramid level for a zoom, by PeakPyramid::levelFor's rule (the coarsest block not larger than a
    // pixel), or -1 for sample-level zoom. levelFor itself takes a range clamped to the file, so a tile hanging
    // over a clip's end would pick a finer level than its neighbours and change texture mid-lane.
    static int levelFor(double fileSamplesPerPixel);

    // Row of value v (clamped to [-1, 1]) in a lane of `laneHeight` rows: +1 at the top row, -1 at the bottom.
    static int rowFor(float v, int laneHeight);
    static QColor rmsColour(const QColor& colour);
};

}  // namespace s2a::ui
