#include "core/playback/AudioPool.h"

#include "core/audio/AudioFileReader.h"
#include "core/audio/Resampler.h"

#include <QDir>

namespace s2a::core {

AudioPool::AudioPool(QString audioDir) : m_audioDir(std::move(audioDir)) {}

void AudioPool::setAudioDir(const QString& dir)
{
    QMutexLocker lock(&m_mutex);
    if (dir != m_audioDir)
        m_decoded.clear();
    m_audioDir = dir;
}

QString AudioPool::audioDir() const
{
    QMutexLocker lock(&m_mutex);
    return m_audioDir;
}

Result<std::shared_ptr<const AudioBuffer>> AudioPool::get(const QString& fileName, int sampleRate)
{
    const QString key = QString::number(sampleRate) + QLatin1Char('/') + fileName;
    QString path;
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_decoded.constFind(key); it != m_decoded.constEnd())
            return *it;
        path = QDir(m_audioDir).filePath(fileName);
    }
    // Decode without holding the lock: two plans asking for different files decode in parallel.
    Result<DecodedAudio> decoded = AudioFileReader::read(path);
    if (!decoded)
        return decoded.error();
    AudioBuffer audio = std::move(decoded->audio);
    if (audio.sampleRate != sampleRate) {
        Result<AudioBuffer> resampled = Resampler::resample(audio, sampleRate);
        if (!resampled)
            return resampled.error();
        audio = std::move(resampled.value());
    }
    auto shared = std::make_shared<const AudioBuffer>(std::move(audio));
    QMutexLocker lock(&m_mutex);
    return *m_decoded.insert(key, shared);
}

void AudioPool::trim()
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_decoded.begin(); it != m_decoded.end();) {
        if (it.value().use_count() == 1)
            it = m_decoded.erase(it);
        else
            ++it;
    }
}

}  // namespace s2a::core
