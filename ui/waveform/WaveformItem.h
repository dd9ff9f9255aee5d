#pragma once

#include "core/audio/PeakCache.h"
#include "ui/waveform/LaneItem.h"
#include "ui/waveform/SampleWindowCache.h"
#include "ui/waveform/TileCache.h"
#include "ui/waveform/WaveformRenderer.h"

#include <QColor>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace s2a::ui {

// One track lane of the timeline: the waveform of its clips, drawn from peak pyramids that load in the
// background (PeakStore) and never on the UI thread. The lane is cut into tiles on an absolute pixel grid,
// rendered once per zoom and reused while scrolling; paint() only blits cached tiles. At sample-level zoom the
// visible samples are decoded in the background and drawn as a line.
//
//     Waveform {
//         audioDir: document.bundlePath + "/audio"
//         clips: [{file: "ab12….flac", timelineStart: 0, sourceStart: 0, length: 441000}]
//         sampleRate: 44100; viewStart: 0; samplesPerPixel: 512; colour: "#4f9fe6"
//     }
class WaveformItem : public LaneItem {
    Q_OBJECT
    QML_NAMED_ELEMENT(Waveform)
    Q_PROPERTY(QColor colour READ colour WRITE setColour NOTIFY colourChanged)
    // Draws the lane scaled so that its loudest peak nearly fills it (at most x8, +18 dB), the way a DAW's
    // waveform zoom makes a quiet stem readable; display only, the audio is untouched. displayGain says by how much.
    Q_PROPERTY(bool normalize READ normalize WRITE setNormalize NOTIFY normalizeChanged)
    Q_PROPERTY(qreal displayGain READ displayGain NOTIFY displayGainChanged)
    // Everything the visible clips need is loaded (or has failed, see errorString).
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    // Some visible clip's peaks are still being computed: its span shows a placeholder (see WaveformRenderer),
    // and the lane can say so. Not set while samples decode at sample zoom, which takes milliseconds.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int tilesRendered READ tilesRendered NOTIFY tilesRenderedChanged)
    // Why some clip draws nothing, one sentence per file; empty when all is well.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    static constexpr qint64 kTileCacheBytes = qint64(8) << 20;

    explicit WaveformItem(QQuickItem* parent = nullptr);

    QColor colour() const { return m_colour; }
    void setColour(const QColor& colour);
    bool normalize() const { return m_normalize; }
    void setNormalize(bool normalize);
    qreal displayGain() const { return m_displayGain; }
    static constexpr double kMaxDisplayGain = 8.0;
    bool ready() const { return m_ready; }
    bool loading() const { return m_loading; }
    int tilesRendered() const { return m_tilesRendered; }
    QString errorString() const { return m_errorString; }

    // Renders the visible tiles that are missing or stale: what updatePolish() does before every frame. Public so
    // that the benchmark can time a frame without a window.
    void prepareFrame();
    void paint(QPainter* painter) override;
    int cachedTiles() const { return m_tiles.size(); }

Q_SIGNALS:
    void colourChanged();
    void normalizeChanged();
    void displayGainChanged();
    void readyChanged();
    void loadingChanged();
    void tilesRenderedChanged();
    void errorStringChanged();

protected:
    void updatePolish() override;
    void clipsSet() override { reloadClips(); }
    void sampleRateSet() override;
    void viewMoved() override;

private:
    struct Clip : LaneClip {
        core::SharedPeaks peaks;
        QString error;          // the peak load failed
        bool pending = false;
    };

    // Where this frame's tiles go, in device pixels.
    using Frame = LaneFrame;

    Frame frame() const;
    TileSpec specFor(const Frame& f, qint64 firstPixel, int width) const;
    std::vector<WaveformClip> clipsFor(const TileSpec& spec) const;
    RenderedTile renderTile(const Frame& f, qint64 tile) const;
    void requestSamples(const Frame& f);
    void reloadClips();
    void onPeaksFinished(const QString& path);
    void onDataArrived();
    void scheduleFrame();
    void updateReady();
    void updateDisplayGain();
    void updateError();

    std::vector<Clip> m_clips;
    QColor m_colour{0x4f, 0x9f, 0xe6};
    bool m_normalize = false;
    double m_displayGain = 1.0;
    bool m_ready = true;
    bool m_loading = false;
    int m_tilesRendered = 0;
    QString m_errorString;

    TileCache m_tiles{kTileCacheBytes};
    int m_tileHeight = -1;       // what the cached tiles were drawn for; a change clears them
    qreal m_tileDpr = 0.0;
    quint64 m_dataGeneration = 0;  // bumped whenever peaks or samples arrive: incomplete tiles are then redrawn
    SampleWindowCache m_samples;
};

}  // namespace s2a::ui
