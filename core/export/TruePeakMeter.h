#pragma once

// True peak (BS.1770 Annex 2) of planar audio, with the same interpolator libebur128 1.2 uses (a 49-tap
// Hann-windowed sinc, 4x oversampling below 96 kHz, 2x below 192 kHz, none above), so its figures match
// libebur128's to float precision. Written for speed: libebur128's own true-peak path is scalar double with
// a modular index per tap and cost five times its loudness measurement, most of an export's time.
#include "core/audio/AudioBuffer.h"

#include <array>
#include <vector>

namespace s2a::core {

class TruePeakMeter {
public:
    TruePeakMeter(int sampleRate, int channels);
    void add(int channel, const float* samples, int frames);
    // Linear; the largest of every channel, and never below the sample peak.
    double peak() const;

private:
    static constexpr int kHistory = 24;  // the longest reach back: 48 / 2 at 2x oversampling
    struct Phase {
        std::vector<float> coeff;
        std::vector<int> delay;  // input samples back from the newest
    };
    float phasePeak(const Phase& phase, const float* work, int n);

    std::vector<Phase> m_phases;                        // empty: no oversampling
    std::vector<std::array<float, kHistory>> m_history;  // last input samples per channel, oldest first
    std::vector<float> m_work, m_acc;  // one chunk with its history, one phase's output
    float m_peak = 0.0f;
};

}  // namespace s2a::core
