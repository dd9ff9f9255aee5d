#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

namespace s2a::core {

// Decoded audio files, at the output rate, shared by every render plan that plays them. Files are decoded
// (and resampled when the device runs at another rate than the file) once, off the audio thread; bundle audio
// is content-addressed and never rewritten, so a decoded copy never goes stale.
class AudioPool {
public:
    explicit AudioPool(QString audioDir = {});

    void setAudioDir(const QString& dir);
    QString audioDir() const;

    // Thread-safe; blocks while decoding. Never call from the audio callback.
    Result<std::shared_ptr<const AudioBuffer>> get(const QString& fileName, int sampleRate);
    // Drops decoded files no render plan holds any more.
    void trim();

private:
    mutable QMutex m_mutex;
    QString m_audioDir;
    QHash<QString, std::shared_ptr<const AudioBuffer>> m_decoded;  // key: "<rate>/<file>"
};

}  // namespace s2a::core
