#include "AudioFixtures.h"

#include "core/persistence/ProjectBundle.h"

#include <QDataStream>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

namespace s2a::test {

using namespace core;

AudioBuffer makeAudio(int sampleRate, SampleCount frames, const std::function<float(int, SampleCount)>& f)
{
    AudioBuffer audio = AudioBuffer::silence(2, frames, sampleRate);
    for (int c = 0; c < 2; ++c)
        for (SampleCount i = 0; i < frames; ++i)
            audio.channels[size_t(c)][size_t(i)] = f(c, i);
    return audio;
}

QString storeAudio(const QString& bundlePath, const AudioBuffer& audio, AudioFileFormat format)
{
    QTemporaryDir temp;
    const QString file = temp.filePath(QStringLiteral("audio.") + AudioFileWriter::fileExtension(format));
    if (Status s = AudioFileWriter::write(file, audio, format); !s)
        qFatal("writing test audio failed: %s", qPrintable(s.errorMessage()));
    Result<QString> name = bundle::addAudioFile(bundlePath, file);
    if (!name)
        qFatal("storing test audio failed: %s", qPrintable(name.errorMessage()));
    return name.value();
}

ProjectData makeSineSong(const QString& bundlePath, int tracks, double seconds, int sampleRate)
{
    const SampleCount frames = SampleCount(std::llround(seconds * sampleRate));
    ProjectData data = ProjectData::createNew(QStringLiteral("Sines"), sampleRate, frames);
    Take take;
    take.id = QStringLiteral("take-sines");
    take.origin.engine = QStringLiteral("test");
    for (int t = 0; t < tracks; ++t) {
        Track track;
        track.id = QStringLiteral("trk-%1").arg(t);
        track.name = QStringLiteral("Sine %1").arg(t + 1);
        data.tracks.append(track);
        const double hz = 220.0 * (t + 1);
        const AudioBuffer audio = makeAudio(sampleRate, frames, [&](int, SampleCount i) {
            return float(0.05 * std::sin(2.0 * M_PI * hz * double(i) / sampleRate));
        });
        take.clips.append({track.id, storeAudio(bundlePath, audio), 0, 0, frames});
    }
    data.sections[0].takes.append(take);
    data.sections[0].activeTakeId = take.id;
    return data;
}

bool writeRawFloatWav(const QString& path, const core::AudioBuffer& audio)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.setFloatingPointPrecision(QDataStream::SinglePrecision);
    const quint16 channels = quint16(audio.channelCount());
    const quint32 dataBytes = quint32(audio.frames() * channels * 4);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + dataBytes);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(3) /* IEEE float */ << channels << quint32(audio.sampleRate)
        << quint32(audio.sampleRate * channels * 4) << quint16(channels * 4) << quint16(32);
    out.writeRawData("data", 4);
    out << dataBytes;
    for (core::SampleCount i = 0; i < audio.frames(); ++i)
        for (const auto& channel : audio.channels)
            out << channel[size_t(i)];
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace s2a::test
