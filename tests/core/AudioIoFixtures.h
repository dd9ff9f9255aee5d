#pragma once
// What the audio file tests share (tst_audio_io, tst_audio_damage): test signals and raw file bytes.
#include "core/audio/AudioBuffer.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtTest>

#include <cmath>

namespace s2a::test {

constexpr double kPi = 3.14159265358979323846;

inline core::AudioBuffer sine(int rate, int channels, core::SampleCount frames, double frequency, float amplitude = 0.5f)
{
    core::AudioBuffer buffer = core::AudioBuffer::silence(channels, frames, rate);
    for (int c = 0; c < channels; ++c) {
        // A different frequency per channel catches swapped or duplicated channels.
        const double f = frequency * (1.0 + 0.25 * c);
        for (core::SampleCount i = 0; i < frames; ++i)
            buffer.channels[size_t(c)][size_t(i)] = amplitude * float(std::sin(2.0 * kPi * f * double(i) / rate));
    }
    return buffer;
}

inline void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

inline QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace s2a::test
