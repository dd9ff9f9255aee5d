#pragma once

#include "ui/waveform/LaneClips.h"
#include "ui/waveform/LaneFrame.h"

#include <QQuickPaintedItem>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace s2a::ui {

// What every timeline lane item (Waveform, Spectrogram) is given: its clips and the folder their files are in,
// the project rate, and the timeline's scroll and zoom. Each change reaches the lane through one of three hooks.
class LaneItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ANONYMOUS
    // The folder the clips' file names are in (a bundle's audio/); a file: URL is accepted too.
    Q_PROPERTY(QString audioDir READ audioDir WRITE setAudioDir NOTIFY audioDirChanged)
    // [{file, timelineStart, sourceStart, length}], samples at the project rate (see core::AudioClip).
    Q_PROPERTY(QVariantList clips READ clips WRITE setClips NOTIFY clipsChanged)
    Q_PROPERTY(int sampleRate READ sampleRate WRITE setSampleRate NOTIFY sampleRateChanged)
    Q_PROPERTY(qreal viewStart READ viewStart WRITE setViewStart NOTIFY viewStartChanged)
    Q_PROPERTY(qreal samplesPerPixel READ samplesPerPixel WRITE setSamplesPerPixel NOTIFY samplesPerPixelChanged)

public:
    QString audioDir() const { return m_audioDir; }
    void setAudioDir(const QString& dir);
    QVariantList clips() const { return m_clipsValue; }
    void setClips(const QVariantList& clips);
    int sampleRate() const { return m_sampleRate; }
    void setSampleRate(int rate);
    qreal viewStart() const { return m_viewStart; }
    void setViewStart(qreal sample);
    qreal samplesPerPixel() const { return m_samplesPerPixel; }
    void setSamplesPerPixel(qreal samples);

Q_SIGNALS:
    void audioDirChanged();
    void clipsChanged();
    void sampleRateChanged();
    void viewStartChanged();
    void samplesPerPixelChanged();

protected:
    explicit LaneItem(QQuickItem* parent);

    std::vector<LaneClip> parsedClips() const { return parseLaneClips(m_clipsValue, m_audioDir); }
    LaneFrame laneFrame() const { return LaneFrame::of(*this, m_viewStart, m_samplesPerPixel); }

    // The clips or their folder changed.
    virtual void clipsSet() = 0;
    // The project rate changed: every tile is drawn anew.
    virtual void sampleRateSet() = 0;
    // Scroll, zoom, size or screen changed: what is visible is another part (tiles stay keyed by their place).
    virtual void viewMoved() = 0;

    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData& value) override;

private:
    QString m_audioDir;
    QVariantList m_clipsValue;
    int m_sampleRate = 0;
    qreal m_viewStart = 0.0;
    qreal m_samplesPerPixel = 1024.0;
};

}  // namespace s2a::ui
