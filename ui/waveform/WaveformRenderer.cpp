#include "ui/waveform/WaveformRenderer.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace s2a::ui {
namespace {

using core::PeakPyramid;
using core::SampleCount;

// Where one clip falls in one tile. Column coordinates are continuous: column c spans [c, c + 1).
struct ClipView {
    const WaveformClip* clip = nullptr;
    const PeakPyramid* peaks = nullptr;
    double ratio = 1.0;     // file frames per timeline sample
    double fileSpp = 1.0;   // file frames per device pixel
    double x0 = 0.0;        // clip start and end in the tile's column coordinates
    double x1 = 0.0;
    int c0 = 0;             // columns the clip touches, [c0, c1)
    int c1 = 0;
    SampleCount srcFirst = 0;  // file frames the clip may show, [srcFirst, srcLast), within the file
    SampleCount srcLast = 0;

    double fileAt(double timeline) const
    {
        return (double(clip->sourceStart) + (timeline - double(clip->timelineStart))) * ratio;
    }
};

std::optional<ClipView> viewOf(const TileSpec& spec, const WaveformClip& clip)
{
    if (!clip.peaks || clip.length <= 0 || spec.samplesPerPixel <= 0.0 || spec.width <= 0)
        return std::nullopt;
    ClipView v;
    v.clip = &clip;
    v.peaks = clip.peaks.get();
    // A file at another rate than the project is stretched by the ratio, the way playback resamples it.
    if (spec.projectRate > 0 && v.peaks->sampleRate() > 0)
        v.ratio = double(v.peaks->sampleRate()) / double(spec.projectRate);
    v.fileSpp = spec.samplesPerPixel * v.ratio;
    v.x0 = double(clip.timelineStart) / spec.samplesPerPixel - double(spec.firstPixel);
    v.x1 = double(clip.timelineStart + clip.length) / spec.samplesPerPixel - double(spec.firstPixel);
    v.c0 = int(std::clamp(std::floor(v.x0), 0.0, double(spec.width)));
    v.c1 = int(std::clamp(std::ceil(v.x1), 0.0, double(spec.width)));
    if (v.c1 <= v.c0)
        return std::nullopt;
    const SampleCount frames = v.peaks->frames();
    v.srcFirst = std::clamp<SampleCount>(SampleCount(std::ceil(double(clip.sourceStart) * v.ratio)), 0, frames);
    v.srcLast = std::clamp<SampleCount>(SampleCount(std::ceil(double(clip.sourceStart + clip.length) * v.ratio)),
                                        v.srcFirst, frames);
    return v;
}

double columnTime(const TileSpec& spec, double column)
{
    return (double(spec.firstPixel) + column) * spec.samplesPerPixel;
}

// The file frames a tile's stretch of a clip shows, widened by `margin` frames so that lines reach across the
// tile's edges, within the clip's source range.
FrameRange visibleFrames(const TileSpec& spec, const ClipView& v, SampleCount margin)
{
    const double t0 = std::max(columnTime(spec, v.c0), double(v.clip->timelineStart));
    const double t1 = std::min(columnTime(spec, v.c1), double(v.clip->timelineStart + v.clip->length));
    FrameRange r{SampleCount(std::floor(v.fileAt(t0))) - margin, SampleCount(std::ceil(v.fileAt(t1))) + margin};
    r.first = std::clamp(r.first, v.srcFirst, v.srcLast);
    r.last = std::clamp(r.last, r.first, v.srcLast);
    return r;
}

struct Lane {
    int top = 0;
    int height = 0;
};

Lane laneOf(int channel, int channels, int height)
{
    const int top = channel * height / channels;
    return {top, (channel + 1) * height / channels - top};
}

struct Colours {
    QRgb envelope;
    QRgb rms;
};

// One column of one lane: the envelope from max down to min, the RMS band inside it. At least the row of the
// value is drawn, so that a quiet passage inside a clip still shows as a line where the clip is.
void drawColumn(QImage& image, int column, const Lane& lane, float lo, float hi, float rms, float gain,
                const Colours& colours)
{
    if (lane.height <= 0)
        return;
    lo *= gain;
    hi *= gain;
    rms *= gain;
    const int top = WaveformRenderer::rowFor(hi, lane.height);
    const int bottom = std::max(top, WaveformRenderer::rowFor(lo, lane.height));
    const int rmsTop = std::max(top, WaveformRenderer::rowFor(rms, lane.height));
    const int rmsBottom = std::min(bottom, WaveformRenderer::rowFor(-rms, lane.height));
    const bool hasRms = rmsBottom > rmsTop;  // a one-row band would hide the envelope of near-silence
    for (int row = top; row <= bottom; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(lane.top + row));
        line[column] = (hasRms && row >= rmsTop && row <= rmsBottom) ? colours.rms : colours.envelope;
    }
}

// Peak zoom: each column combines the whole pyramid blocks its span starts in, like PeakPyramid::peaks, but with
// the column's exact (fractional) edges and cut to the clip, so partial columns at clip edges stay honest.
void drawPeaks(QImage& image, const TileSpec& spec, const ClipView& v, int level, const Colours& colours)
{
    const PeakPyramid& peaks = *v.peaks;
    const SampleCount block = peaks.blockSize(level);
    const SampleCount blockCount = peaks.blockCount(level);
    const double clipStart = double(v.clip->timelineStart);
    const double clipEnd = double(v.clip->timelineStart + v.clip->length);
    const double srcFirst = double(v.srcFirst);
    const double srcLast = double(v.srcLast);
    for (int c = v.c0; c < v.c1; ++c) {
        const double f0 = std::clamp(v.fileAt(std::max(columnTime(spec, c), clipStart)), srcFirst, srcLast);
        const double f1 = std::clamp(v.fileAt(std::min(columnTime(spec, c + 1), clipEnd)), srcFirst, srcLast);
        if (f1 <= f0)
            continue;
        const SampleCount b0 = SampleCount(f0) / block;
        SampleCount b1 = std::min(SampleCount(f1) / block, blockCount);
        if (b1 <= b0)
            b1 = b0 + 1;  // a partial column at a clip edge still shows the block it lies in
        if (b0 >= blockCount)
            continue;
        const SampleCount samples = std::min(b1 * block, peaks.frames()) - b0 * block;
        for (int ch = 0; ch < peaks.channelCount(); ++ch) {
            const std::vector<core::PeakBlock>& blocks = peaks.blocks(level, ch);
            float lo = blocks[size_t(b0)].min;
            float hi = blocks[size_t(b0)].max;
            double squares = blocks[size_t(b0)].sumSquares;
            for (SampleCount b = b0 + 1; b < b1; ++b) {
                lo = std::min(lo, blocks[size_t(b)].min);
                hi = std::max(hi, blocks[size_t(b)].max);
                squares += blocks[size_t(b)].sumSquares;
            }
            const float rms = float(std::sqrt(squares / double(std::max<SampleCount>(1, samples))));
            drawColumn(image, c, laneOf(ch, peaks.channelCount(), spec.height), lo, hi, rms, float(spec.gain), colours);
        }
    }
}

// Between the finest block and a few samples per pixel: the exact min/max of each column's samples. Including the
// previous column's last sample joins the columns the way a polyline through the samples would.
bool drawSampleColumns(QImage& image, const TileSpec& spec, const ClipView& v, const SampleWindow& window,
                       const Colours& colours)
{
    const FrameRange held = window.range();
    const double clipStart = double(v.clip->timelineStart);
    const double clipEnd = double(v.clip->timelineStart + v.clip->length);
    bool complete = true;
    for (int c = v.c0; c < v.c1; ++c) {
        const double f0 = v.fileAt(std::max(columnTime(spec, c), clipStart));
        const double f1 = v.fileAt(std::min(columnTime(spec, c + 1), clipEnd));
        const SampleCount first = std::max(SampleCount(std::ceil(f0)), v.srcFirst);
        const SampleCount last = std::min(SampleCount(std::ceil(f1)), v.srcLast);  // exclusive
        if (last <= first)
            continue;
        const SampleCount joinFrom = std::max(first - 1, v.srcFirst);
        if (!held.contains({joinFrom, last})) {
            complete = false;
            continue;
        }
        for (int ch = 0; ch < window.audio.channelCount(); ++ch) {
            float lo = std::numeric_limits<float>::infinity();
            float hi = -lo;
            double squares = 0.0;
            for (SampleCount i = joinFrom; i < last; ++i) {
                const float x = window.at(ch, i);
                lo = std::min(lo, x);
                hi = std::max(hi, x);
                if (i >= first)
                    squares += double(x) * x;
            }
            const float rms = float(std::sqrt(squares / double(last - first)));
            drawColumn(image, c, laneOf(ch, window.audio.channelCount(), spec.height), lo, hi, rms, float(spec.gain), colours);
        }
    }
    return complete;
}

// A few pixels per sample and closer: the samples joined by straight lines, with a dot on each once they are
// far enough apart to tell apart.
bool drawPolyline(QImage& image, const TileSpec& spec, const ClipView& v, const SampleWindow& window)
{
    const FrameRange range = visibleFrames(spec, v, 1);
    if (range.isEmpty())
        return true;
    if (!window.range().contains(range))
        return false;
    const double pixelsPerSample = 1.0 / v.fileSpp;
    const bool dots = pixelsPerSample / spec.devicePixelRatio >= WaveformRenderer::kDotsFrom;
    const qreal dotRadius = 1.75 * spec.devicePixelRatio;

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(spec.colour, spec.devicePixelRatio);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setBrush(spec.colour);
    const double left = std::max(v.x0, 0.0);
    const double right = std::min(v.x1, double(spec.width));
    const int channels = window.audio.channelCount();
    QPolygonF points;
    points.reserve(int(range.length()));
    for (int ch = 0; ch < channels; ++ch) {
        const Lane lane = laneOf(ch, channels, spec.height);
        painter.setClipRect(QRectF(left, lane.top, right - left, lane.height));
        points.clear();
        for (SampleCount i = range.first; i < range.last; ++i) {
            const double t = double(v.clip->timelineStart) + double(i) / v.ratio - double(v.clip->sourceStart);
            const double x = t / spec.samplesPerPixel - double(spec.firstPixel);
            const double value = std::clamp(double(window.at(ch, i)) * spec.gain, -1.0, 1.0);
            points << QPointF(x, lane.top + (1.0 - value) * 0.5 * lane.height);
        }
        painter.setPen(pen);
        painter.drawPolyline(points);
        if (dots) {
            painter.setPen(Qt::NoPen);
            for (const QPointF& p : std::as_const(points))
                painter.drawEllipse(p, dotRadius, dotRadius);
        }
    }
    return true;
}

// Where a clip's peaks are still being computed: faint diagonal stripes over its span and a line at the zero of
// each lane, so the lane shows at once where audio is and that it is on its way (an empty lane reads as
// silence). Stripes run on the absolute pixel grid, so neighbouring tiles join without a seam.
void drawLoadingPlaceholder(QImage& image, const TileSpec& spec, double x0, double x1)
{
    const int c0 = int(std::clamp(std::floor(x0), 0.0, double(image.width())));
    const int c1 = int(std::clamp(std::ceil(x1), 0.0, double(image.width())));
    if (c1 <= c0)
        return;
    QColor faint = spec.colour;
    faint.setAlphaF(0.22f);
    const QRgb stripe = qPremultiply(faint.rgba());
    const QRgb zero = qPremultiply(WaveformRenderer::placeholderLineColour(spec.colour).rgba());
    const int period = std::max(4, int(std::lround(WaveformRenderer::kPlaceholderStripePeriod * spec.devicePixelRatio)));
    const int thickness = std::max(1, int(std::lround(spec.devicePixelRatio)));
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int c = c0; c < c1; ++c) {
            const qint64 diagonal = spec.firstPixel + c + y;
            if (diagonal % period < thickness)
                line[c] = stripe;
        }
    }
    const Lane lane = laneOf(0, 1, image.height());
    for (int row = lane.height / 2 - thickness / 2, end = row + thickness; row < end; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(std::clamp(row, 0, image.height() - 1)));
        std::fill(line + c0, line + c1, zero);
    }
}

}  // namespace

QColor WaveformRenderer::placeholderLineColour(const QColor& colour)
{
    QColor c = colour;
    c.setAlphaF(0.5f);
    return c;
}

int WaveformRenderer::levelFor(double fileSamplesPerPixel)
{
    for (int level = PeakPyramid::kLevelCount - 1; level >= 0; --level) {
        if (double(PeakPyramid::kBlockSizes[size_t(level)]) <= fileSamplesPerPixel)
            return level;
    }
    return -1;
}

int WaveformRenderer::rowFor(float v, int laneHeight)
{
    const double y = (1.0 - std::clamp(double(v), -1.0, 1.0)) * 0.5 * laneHeight;
    return std::clamp(int(std::floor(y)), 0, std::max(0, laneHeight - 1));
}

QColor WaveformRenderer::rmsColour(const QColor& colour)
{
    // lighter() alone saturates at white for bright colours and barely moves dark ones; a third of the way
    // towards white on top of it keeps the shade distinct from the envelope for every hue.
    const QColor light = colour.lighter(140);
    auto towardsWhite = [](float c) { return c + (1.0f - c) / 3.0f; };
    return QColor::fromRgbF(towardsWhite(light.redF()), towardsWhite(light.greenF()), towardsWhite(light.blueF()),
                            colour.alphaF());
}

std::optional<FrameRange> WaveformRenderer::sampleRange(const TileSpec& spec, const WaveformClip& clip)
{
    const auto v = viewOf(spec, clip);
    if (!v || levelFor(v->fileSpp) >= 0)
        return std::nullopt;
    // Two frames either side: the polyline's neighbours plus the join sample of the first column.
    FrameRange r = visibleFrames(spec, *v, 2);
    if (r.isEmpty())
        return std::nullopt;
    return r;
}

RenderedTile WaveformRenderer::render(const TileSpec& spec, const std::vector<WaveformClip>& clips)
{
    RenderedTile tile;
    tile.image = QImage(std::max(1, spec.width), std::max(1, spec.height), QImage::Format_ARGB32_Premultiplied);
    tile.image.fill(Qt::transparent);
    const Colours colours{qPremultiply(spec.colour.rgba()), qPremultiply(rmsColour(spec.colour).rgba())};
    for (const WaveformClip& clip : clips) {
        if (!clip.peaks) {
            // Still loading: the tile is redrawn when the peaks arrive, unless this clip lies outside it.
            if (!clip.failed && clip.length > 0) {
                const double x0 = double(clip.timelineStart) / spec.samplesPerPixel - double(spec.firstPixel);
                const double x1 = double(clip.timelineStart + clip.length) / spec.samplesPerPixel - double(spec.firstPixel);
                if (x1 > 0.0 && x0 < double(spec.width)) {
                    tile.complete = false;
                    drawLoadingPlaceholder(tile.image, spec, x0, x1);
                }
            }
            continue;
        }
        const auto v = viewOf(spec, clip);
        if (!v || v->peaks->channelCount() <= 0)
            continue;
        const int level = levelFor(v->fileSpp);
        if (level >= 0) {
            drawPeaks(tile.image, spec, *v, level, colours);
        } else if (!clip.samples || clip.samples->audio.channelCount() != v->peaks->channelCount()) {
            tile.complete = tile.complete && clip.failed;
        } else if (v->fileSpp >= kPolylineBelow) {
            tile.complete = drawSampleColumns(tile.image, spec, *v, *clip.samples, colours) && tile.complete;
        } else {
            tile.complete = drawPolyline(tile.image, spec, *v, *clip.samples) && tile.complete;
        }
    }
    return tile;
}

}  // namespace s2a::ui
