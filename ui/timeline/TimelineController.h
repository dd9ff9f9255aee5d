#pragma once

#include <QObject>
#include <QVariantList>
#include <QVector>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// The timeline's geometry, testable without QML: which sample sits under which pixel (zoom and scroll),
// snapping to the beat grid, hit-testing section boundaries, and the ruler's ticks.
//
// Zoom is samples per pixel; it ranges from 1/16 (sixteen pixels per sample, where the waveform draws the
// samples themselves) to the whole song in the view. Scroll is the timeline sample at x = 0, kept inside the
// song. Every zoom keeps one sample fixed under a pixel (the mouse for Ctrl+wheel, the playhead for keys), as
// in every DAW.
class TimelineController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the editor")
    Q_PROPERTY(double viewWidth READ viewWidth WRITE setViewWidth NOTIFY viewChanged)
    Q_PROPERTY(double viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(double samplesPerPixel READ samplesPerPixel WRITE setSamplesPerPixel NOTIFY viewChanged)
    Q_PROPERTY(double viewEnd READ viewEnd NOTIFY viewChanged)
    Q_PROPERTY(double contentWidth READ contentWidth NOTIFY viewChanged)
    Q_PROPERTY(qint64 songLength READ songLength NOTIFY gridChanged)
    Q_PROPERTY(int sampleRate READ sampleRate NOTIFY gridChanged)
    Q_PROPERTY(double tempo READ tempo NOTIFY gridChanged)
    Q_PROPERTY(int beatsPerBar READ beatsPerBar NOTIFY gridChanged)
    Q_PROPERTY(QVariantList rulerTicks READ rulerTicks NOTIFY viewChanged)

public:
    enum SnapGrid { SnapOff, SnapBeat, SnapBar };
    Q_ENUM(SnapGrid)

    static constexpr double kMinSamplesPerPixel = 1.0 / 16.0;
    static constexpr double kZoomStep = 1.5;

    explicit TimelineController(QObject* parent = nullptr);

    double viewWidth() const { return m_viewWidth; }
    void setViewWidth(double width);
    double viewStart() const { return m_viewStart; }
    void setViewStart(double sample);
    double samplesPerPixel() const { return m_samplesPerPixel; }
    void setSamplesPerPixel(double spp);
    double viewEnd() const { return m_viewStart + m_viewWidth * m_samplesPerPixel; }
    double contentWidth() const { return double(m_songLength) / m_samplesPerPixel; }
    qint64 songLength() const { return m_songLength; }
    int sampleRate() const { return m_sampleRate; }
    double tempo() const { return m_tempo; }
    int beatsPerBar() const { return m_beatsPerBar; }
    double maxSamplesPerPixel() const;

    // The song's grid. Zoom and scroll stay where they are as far as the new length allows.
    // `downbeatOffset`: where bar 1 starts (ProjectSettings::downbeatOffset); beats before it are the pickup.
    void setGrid(qint64 songLength, int sampleRate, double tempo, int beatsPerBar, qint64 downbeatOffset = 0);
    // Section boundaries (the end of every section but the last), ascending, for hit-testing.
    void setBoundaries(QVector<qint64> boundaries) { m_boundaries = std::move(boundaries); }

    Q_INVOKABLE double xForSample(double sample) const { return (sample - m_viewStart) / m_samplesPerPixel; }
    Q_INVOKABLE double sampleForX(double x) const { return m_viewStart + x * m_samplesPerPixel; }
    // The sample under `x`, clamped to the song, rounded to a whole sample.
    Q_INVOKABLE qint64 positionForX(double x) const;
    Q_INVOKABLE double samplesPerBeat() const;
    // The nearest line of `grid` to `sample` (the sample itself for SnapOff), always in the song.
    Q_INVOKABLE qint64 snap(qint64 sample, s2a::ui::TimelineController::SnapGrid grid = SnapBar) const;
    // The grid a boundary drag snaps to while `modifiers` (Qt::KeyboardModifiers) are held: bars, beats with
    // Ctrl, none with Shift. Bars by default because sections are bars long: a drag that lands mid-bar makes
    // a section the next generation cannot fill with whole phrases.
    Q_INVOKABLE s2a::ui::TimelineController::SnapGrid snapGridFor(int modifiers) const;
    // Where a marker or a chord change dropped at `sample` lands: on the nearest beat, or exactly there while
    // Shift is held (they mark moments, which fall on beats more often than on bars).
    qint64 snapMoment(qint64 sample, int modifiers) const { return snap(sample, (modifiers & Qt::ShiftModifier) ? SnapOff : SnapBeat); }
    // Index of the section whose end boundary lies within `tolerancePx` of x (the nearest), or -1.
    Q_INVOKABLE int boundaryAt(double x, double tolerancePx = 5.0) const;
    // "12.3" (bar 12, beat 3, both from 1) at `sample`.
    Q_INVOKABLE QString barBeatText(qint64 sample) const;

    Q_INVOKABLE void zoomBy(double factor, double anchorX);
    Q_INVOKABLE void zoomIn(double anchorX) { zoomBy(1.0 / kZoomStep, anchorX); }
    Q_INVOKABLE void zoomOut(double anchorX) { zoomBy(kZoomStep, anchorX); }
    Q_INVOKABLE void zoomToFit();
    // Shows [start, end) across the view.
    Q_INVOKABLE void zoomToRange(double start, double end);
    Q_INVOKABLE void scrollByPixels(double dx) { setViewStart(m_viewStart + dx * m_samplesPerPixel); }
    // Scrolls the least needed so that `sample` is in view, with a margin (the playhead while playing).
    Q_INVOKABLE void ensureVisible(double sample);

    // "1:05" (or "1:05.3" zoomed in) at `sample`.
    QString timeText(double sample) const;
    // Ruler ticks for the visible range: {x, label, time, major}. Bars are labelled at a spacing that keeps labels
    // at least ~70 px apart (every 1, 2, 4, 8… bars); beats show as minor ticks when they are 8 px or more apart.
    QVariantList rulerTicks() const;

Q_SIGNALS:
    void viewChanged();
    void gridChanged();

private:
    void clampView();

    double m_viewWidth = 1000.0;
    double m_viewStart = 0.0;
    double m_samplesPerPixel = 441.0;
    qint64 m_songLength = 44100;
    int m_sampleRate = 44100;
    double m_tempo = 120.0;
    int m_beatsPerBar = 4;
    qint64 m_downbeat = 0;
    bool m_fitted = false;  // zoom-to-fit until the user zooms, so the song fills the view once it has a size
    QVector<qint64> m_boundaries;
};

}  // namespace s2a::ui
