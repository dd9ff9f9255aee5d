#pragma once
// Shared by the waveform test classes (tst_waveform.cpp runs them all in one executable).

#include "core/audio/AudioBuffer.h"

#include <QObject>

#include <functional>

namespace s2a::test::waveform {

constexpr double kPi = 3.14159265358979323846;

// Planar audio of `channels` channels whose samples are f(channel, frame).
inline core::AudioBuffer audioOf(int channels, int rate, core::SampleCount frames,
                                 const std::function<float(int, core::SampleCount)>& f)
{
    core::AudioBuffer audio = core::AudioBuffer::silence(channels, frames, rate);
    for (int c = 0; c < channels; ++c)
        for (core::SampleCount i = 0; i < frames; ++i)
            audio.channels[size_t(c)][size_t(i)] = f(c, i);
    return audio;
}

QObject* makeRendererTest();
QObject* makeItemTest();
QObject* makeLoadingTest();

}  // namespace s2a::test::waveform
