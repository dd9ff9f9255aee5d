#pragma once

#include "core/playback/AudioOutput.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace s2a::core {
class PlaybackController;
}

namespace s2a::ui {

// Settings > Audio: the output device, its sample rate and buffer size, and a test tone. A change reopens the
// stream at once, keeping the transport where it was (the engine, its song and its position survive; only a new
// rate makes a new engine, which seeks to the same place). Kept in QSettings under audio/, restored at start-up;
// a device that has gone since falls back to the system default with a message.
class AudioSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    // "Name (host API)" of every output PortAudio sees now, and the index of the one in use (-1: none open).
    Q_PROPERTY(QStringList devices READ devices NOTIFY changed)
    Q_PROPERTY(int currentIndex READ currentIndex NOTIFY changed)
    // What the stored choice asks for: 0 is "the device's own rate"; the buffer in frames.
    Q_PROPERTY(int sampleRate READ sampleRate NOTIFY changed)
    Q_PROPERTY(int framesPerBuffer READ framesPerBuffer NOTIFY changed)
    // What is open now: "48000 Hz · 256 frames (5.3 ms)", or why nothing is.
    Q_PROPERTY(QString streamText READ streamText NOTIFY changed)
    Q_PROPERTY(QVariantList sampleRates READ sampleRates CONSTANT)
    Q_PROPERTY(QVariantList bufferSizes READ bufferSizes CONSTANT)

public:
    static constexpr int kMinFrames = 32;
    static constexpr int kMaxFrames = 4096;

    explicit AudioSettings(core::PlaybackController* playback, QObject* parent = nullptr);

    // The stored choice (defaults where nothing or nonsense is stored).
    static core::OutputSettings stored();
    // Start-up: opens the stored output. Returns a message for the user when the stored device is gone (the
    // default opens instead) or nothing opens; else an empty string.
    QString restore();

    QStringList devices() const;
    int currentIndex() const;
    int sampleRate() const { return stored().sampleRate; }
    int framesPerBuffer() const { return stored().framesPerBuffer; }
    QString streamText() const;
    static QVariantList sampleRates();
    static QVariantList bufferSizes();

    // Opens output `deviceIndex` of devices() (-1: the system default) at `sampleRate` (0: the device's own)
    // with `framesPerBuffer`. On success the choice is stored; on failure the previous output is reopened and
    // the message says why the new one could not be used. Returns an empty string on success.
    Q_INVOKABLE QString apply(int deviceIndex, int sampleRate, int framesPerBuffer);
    // The Audio menu's device list: the same as apply() with the stored rate and buffer size.
    Q_INVOKABLE QString chooseDevice(int deviceIndex);
    // Looks at PortAudio's device list again (the dialog does when it opens).
    Q_INVOKABLE void refresh();
    // Plays the test tone on the open output; returns why it cannot.
    Q_INVOKABLE QString playTestTone();

Q_SIGNALS:
    void changed();

private:
    static void store(const core::OutputSettings& settings);

    core::PlaybackController* m_playback;
    QVector<core::OutputDevice> m_listed;  // what devices() showed last: indexes refer to it
};

}  // namespace s2a::ui
