#include "ui/spectrogram/SpectrogramRenderer.h"

#include <QColor>

#include <algorithm>
#include <array>
#include <cmath>

namespace s2a::ui {

QRgb SpectrogramRenderer::colourOf(int level)
{
    // Stops of a perceptually ordered map (after matplotlib's magma): brightness rises steadily with level, so
    // louder always reads as brighter, also in greyscale.
    static const std::array<QColor, 5> stops{QColor(0, 0, 4), QColor(81, 18, 124), QColor(183, 55, 121),
                                             QColor(252, 137, 97), QColor(252, 253, 191)};
    static const std::array<QRgb, 256> table = [] {
        std::array<QRgb, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const double x = i / 255.0 * (stops.size() - 1);
            const int s = std::min(int(x), int(stops.size()) - 2);
            const double w = x - s;
            auto mix = [w](int a, int b) { return int(std::lround(a + (b - a) * w)); };
            t[std::size_t(i)] = qRgb(mix(stops[s].red(), stops[s + 1].red()), mix(stops[s].green(), stops[s + 1].green()),
                                     mix(stops[s].blue(), stops[s + 1].blue()));
        }
        return t;
    }();
    return table[std::size_t(std::clamp(level, 0, 255))];
}

RenderedTile SpectrogramRenderer::render(const TileSpec& spec, const std::vector<SpectrogramClip>& clips)
{
    RenderedTile tile;
    tile.image = QImage(std::max(1, spec.width), std::max(1, spec.height), QImage::Format_ARGB32_Premultiplied);
    tile.image.fill(Qt::transparent);
    if (spec.samplesPerPixel <= 0.0 || spec.height <= 0)
        return tile;
    // The band of every row, from the top (highest) down.
    std::vector<int> bandOfRow(std::size_t(spec.height));
    for (int y = 0; y < spec.height; ++y)
        bandOfRow[std::size_t(y)] = (spec.height - 1 - y) * Spectrogram::kBands / spec.height;

    std::array<int, Spectrogram::kBands> column{};
    for (int c = 0; c < spec.width; ++c) {
        const double t0 = (double(spec.firstPixel) + c) * spec.samplesPerPixel;
        const double t1 = t0 + spec.samplesPerPixel;
        const double centre = 0.5 * (t0 + t1);
        const auto clip = std::find_if(clips.begin(), clips.end(), [centre](const SpectrogramClip& k) {
            return centre >= double(k.timelineStart) && centre < double(k.timelineStart + k.length);
        });
        if (clip == clips.end())
            continue;
        if (!clip->data) {
            tile.complete = tile.complete && clip->failed;  // redrawn when the spectrogram arrives
            continue;
        }
        const Spectrogram& s = *clip->data;
        if (s.frames() <= 0)
            continue;
        // A file at another rate is stretched by the ratio, as playback resamples it.
        const double ratio = spec.projectRate > 0 ? double(s.sampleRate()) / spec.projectRate : 1.0;
        auto frameAt = [&](double t) {
            const double file = (double(clip->sourceStart) + std::clamp(t, double(clip->timelineStart),
                                                                        double(clip->timelineStart + clip->length))
                                 - double(clip->timelineStart)) * ratio;
            return std::clamp(int(std::lround(file / s.hop())), 0, s.frames() - 1);
        };
        const int first = frameAt(t0);
        const int last = std::max(first, frameAt(t1) - 1);
        // Far zoomed out a column spans thousands of frames: 32 evenly spread stand for them.
        const int step = std::max(1, (last - first + 1) / 32);
        column.fill(0);
        for (int f = first; f <= last; f += step)
            for (int b = 0; b < Spectrogram::kBands; ++b)
                column[std::size_t(b)] = std::max<int>(column[std::size_t(b)], s.level(f, b));
        for (int y = 0; y < spec.height; ++y)
            reinterpret_cast<QRgb*>(tile.image.scanLine(y))[c] = colourOf(column[std::size_t(bandOfRow[std::size_t(y)])]);
    }
    return tile;
}

}  // namespace s2a::ui
