#pragma once

#include "ui/spectrogram/Spectrogram.h"
#include "ui/waveform/WaveformRenderer.h"

#include <QRgb>

#include <vector>

namespace s2a::ui {

// One clip of a lane for the spectrogram: its file's spectrogram (null while computing, or failed) and where
// the clip plays it, as for the waveform (see WaveformClip).
struct SpectrogramClip {
    SharedSpectrogram data;
    bool failed = false;
    core::SampleCount timelineStart = 0;
    core::SampleCount sourceStart = 0;
    core::SampleCount length = 0;
};

// Paints one tile of a lane's spectrogram: time runs along the columns (the same absolute pixel grid as the
// waveform's tiles, so the two line up), the spectrogram's bands up the rows (low at the bottom), each level
// through a dark-to-bright colour map. A column covering several frames shows their loudest, so that a short
// hit is not lost when zoomed out. Pure: no Qt Quick, no I/O.
class SpectrogramRenderer {
public:
    // `spec`'s colour and gain are not used: the colour map is the same for every lane.
    static RenderedTile render(const TileSpec& spec, const std::vector<SpectrogramClip>& clips);
    // The colour of a level 0..255: near-black, through violet and orange, to pale yellow.
    static QRgb colourOf(int level);
};

}  // namespace s2a::ui
