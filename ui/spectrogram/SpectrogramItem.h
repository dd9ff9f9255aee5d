#pragma once

#include "ui/spectrogram/SpectrogramRenderer.h"
#include "ui/waveform/LaneItem.h"

#include <QtQml/qqmlregistration.h>

#include <vector>

namespace s2a::ui {

// A track lane drawn as a spectrogram instead of a waveform: the same clips, zoom and scroll as the Waveform
// item, the data from SpectrogramStore (computed in the background, never on the UI thread), drawn in cached
// tiles on the waveform's pixel grid. Tiles need no I/O, so they are rendered as the frame is painted.
//
//     Spectrogram { audioDir: …; clips: […]; sampleRate: 44100; viewStart: 0; samplesPerPixel: 512 }
class SpectrogramItem : public LaneItem {
    Q_OBJECT
    QML_NAMED_ELEMENT(Spectrogram)
    // Some visible clip's spectrogram is still being computed.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    static constexpr qint64 kTileCacheBytes = qint64(8) << 20;

    explicit SpectrogramItem(QQuickItem* parent = nullptr);

    bool loading() const { return m_loading; }

    void paint(QPainter* painter) override;

Q_SIGNALS:
    void loadingChanged();

protected:
    void clipsSet() override { reloadClips(); }
    void sampleRateSet() override { redraw(); }
    void viewMoved() override;

private:
    struct Clip : LaneClip {
        SharedSpectrogram data;
        bool failed = false;
        bool pending = false;
    };

    void reloadClips();
    void onFinished(const QString& path);
    void updateLoading();
    // Something that shapes every tile changed: draw them all anew.
    void redraw();

    std::vector<Clip> m_clips;
    bool m_loading = false;
    TileCache m_tiles{kTileCacheBytes};
    int m_tileHeight = -1;
    quint64 m_dataGeneration = 0;
};

}  // namespace s2a::ui
