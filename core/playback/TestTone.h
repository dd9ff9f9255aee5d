#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace s2a::core {

// The Settings dialog's test tone: a sine added on top of whatever plays (the transport may be stopped), so a
// user hears at once whether the chosen output works. 10 ms fades at both ends keep it from clicking.
// Audio-thread state only: the engine starts it from a command and mixes it in process(); no allocation.
class TestTone {
public:
    static constexpr double kFadeSeconds = 0.01;

    void start(int sampleRate, double frequency, double seconds, float gain)
    {
        m_step = 2.0 * M_PI * frequency / sampleRate;
        m_phase = 0.0;
        m_total = std::max<std::int64_t>(1, std::int64_t(std::llround(seconds * sampleRate)));
        m_done = 0;
        m_fadeFrames = std::max<std::int64_t>(1, std::min(m_total / 2, std::int64_t(std::llround(kFadeSeconds * sampleRate))));
        m_gain = gain;
    }
    bool active() const { return m_done < m_total; }

    void mixInto(float* left, float* right, int frames)
    {
        for (int i = 0; i < frames && active(); ++i, ++m_done) {
            const std::int64_t edge = std::min(m_done, m_total - 1 - m_done);
            const double fade = edge < m_fadeFrames ? double(edge) / double(m_fadeFrames) : 1.0;
            const float s = float(m_gain * fade * std::sin(m_phase));
            left[i] += s;
            right[i] += s;
            m_phase = std::fmod(m_phase + m_step, 2.0 * M_PI);
        }
    }

private:
    double m_phase = 0.0;
    double m_step = 0.0;
    std::int64_t m_total = 0;
    std::int64_t m_done = 0;
    std::int64_t m_fadeFrames = 1;
    float m_gain = 0.0f;
};

}  // namespace s2a::core
