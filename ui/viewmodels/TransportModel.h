#pragma once

#include "core/persistence/ProjectDocument.h"
#include "core/playback/PlaybackController.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// The transport bar's view of playback: play/pause/stop, the playhead as text, the output device's state and
// the engine's health (peak callback load, xruns). Keeps the playback engine in step with the open song: every
// edit, undo or load republishes the song to the engine, which cross-fades to it.
class TransportModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(bool playing READ playing NOTIFY playingChanged)
    Q_PROPERTY(qint64 position READ position NOTIFY positionChanged)
    Q_PROPERTY(QString positionText READ positionText NOTIFY positionChanged)
    Q_PROPERTY(QString lengthText READ lengthText NOTIFY songChanged)
    Q_PROPERTY(qint64 songLength READ songLength NOTIFY songChanged)
    Q_PROPERTY(bool hasDevice READ hasDevice NOTIFY deviceChanged)
    Q_PROPERTY(QString deviceStatus READ deviceStatus NOTIFY deviceChanged)
    Q_PROPERTY(QString healthText READ healthText NOTIFY healthChanged)
    // Bars and beats at the playhead ("12.3.") and the song's grid ("104 BPM · 4/4 · C# major").
    Q_PROPERTY(QString barBeatText READ barBeatText NOTIFY positionChanged)
    Q_PROPERTY(QString gridText READ gridText NOTIFY songChanged)
    // The loop region (project samples); `looping` is whether playback wraps at its end.
    Q_PROPERTY(bool looping READ looping NOTIFY loopChanged)
    Q_PROPERTY(qint64 loopStart READ loopStart NOTIFY loopChanged)
    Q_PROPERTY(qint64 loopEnd READ loopEnd NOTIFY loopChanged)
    // Master peak per channel, 0..1 on a -60..0 dBFS scale, and whether it clipped.
    Q_PROPERTY(double meterLeft READ meterLeft NOTIFY healthChanged)
    Q_PROPERTY(double meterRight READ meterRight NOTIFY healthChanged)
    // Every track's peak on the meter scale, by project track index (0 when silent, muted or not playing).
    Q_PROPERTY(QVariantList trackLevels READ trackLevels NOTIFY healthChanged)
    // Latched until resetClip(): whether the mix reached full scale, and "CLIP +2.3 dB" for the transport.
    Q_PROPERTY(bool clipped READ clipped NOTIFY healthChanged)
    Q_PROPERTY(QString clipText READ clipText NOTIFY healthChanged)

public:
    TransportModel(core::ProjectDocument* document, core::PlaybackController* playback, QObject* parent = nullptr);

    bool playing() const { return m_playback->isPlaying(); }
    qint64 position() const { return m_playback->position(); }
    QString positionText() const;
    QString lengthText() const;
    qint64 songLength() const { return m_document->project()->data().length(); }
    bool hasDevice() const { return m_playback->hasDevice(); }
    // The playback controller's status in the user's language (core/ says it in English: its messages are not
    // in the shipped translations); device names and PortAudio's errors pass as they are.
    QString deviceStatus() const { return translatedStatus(m_playback->deviceStatus()); }
    static QString translatedStatus(const QString& status);
    QString healthText() const;

    Q_INVOKABLE void togglePlay();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void seek(qint64 position);
    Q_INVOKABLE void rewind() { seek(0); }
    // Returns an empty string when a device was found, else why not.
    Q_INVOKABLE QString retryDevice();
    QString currentDevice() const { return m_playback->currentDevice(); }

    QString barBeatText() const;
    QString gridText() const;
    bool looping() const { return m_looping; }
    qint64 loopStart() const { return m_loopStart; }
    qint64 loopEnd() const { return m_loopEnd; }
    // Loops [start, end) and turns looping on; an empty range is refused. The region is saved with the song (one
    // undo step; undo and redo move the transport's region with it).
    Q_INVOKABLE void setLoop(qint64 start, qint64 end);
    // The same for the transport alone, while a gesture runs; its end saves the region with setLoop's step.
    bool previewLoop(qint64 start, qint64 end);  // false (nothing changed) for an empty range
    // Turns looping on (over the last region, or the whole song when there is none) or off.
    Q_INVOKABLE void toggleLoop();
    double meterLeft() const { return meterScale(m_playback->masterMeter(0).peak); }
    double meterRight() const { return meterScale(m_playback->masterMeter(1).peak); }
    static double meterScale(float peak);
    // Track `index`'s peak on the same scale (0 when it is silent, muted or not playing).
    Q_INVOKABLE double trackLevel(int index) const { return meterScale(m_playback->trackMeter(index).peak); }
    QVariantList trackLevels() const;
    bool clipped() const { return m_playback->clipped(); }
    QString clipText() const;
    Q_INVOKABLE void resetClip() { m_playback->resetClip(); }

    // "1:02.345" for a position in project samples.
    static QString formatTime(qint64 samples, int sampleRate);

Q_SIGNALS:
    void playingChanged();
    void positionChanged();
    void songChanged();
    void deviceChanged();
    void healthChanged();
    void loopChanged();

private:
    void publishSong();
    void applyLoop();
    void followSongLoop();  // the song's saved region (undo, redo, another song) becomes the transport's

    core::ProjectDocument* m_document;
    core::PlaybackController* m_playback;
    bool m_looping = false;
    qint64 m_loopStart = 0;
    qint64 m_loopEnd = 0;
    // The DSP figure: the callback's own CPU time over its buffer, the largest of the last second. Wall time
    // would show what the scheduler took away (78 % on a stopped transport in a virtual machine).
    QTimer m_loadWindow;
    double m_shownLoad = 0.0;
};

}  // namespace s2a::ui
