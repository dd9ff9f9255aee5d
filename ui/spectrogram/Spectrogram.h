#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace s2a::ui {

// The spectrogram of one audio file, computed once (off the UI thread) and drawn at any zoom: per STFT frame, the
// level of kBands frequency bands spaced evenly in pitch from kLowHz to kHighHz, as 0..255 over the 80 dB below
// the file's loudest band. Pitch-spaced bands give every octave the same height, so a note's partials are
// evenly stacked lines and noise an even wash: what tells pitched from noisy content at a glance.
class Spectrogram {
public:
    static constexpr int kBands = 96;          // 12 per octave over eight octaves: one per semitone
    static constexpr double kLowHz = 40.0;
    static constexpr double kHighHz = 40.0 * 256.0;  // 10.24 kHz: eight octaves up
    static constexpr double kRangeDb = 80.0;

    // Mono mix of `audio`, Hann-windowed frames centred on multiples of hop() (about 11.6 ms at any rate).
    static Spectrogram compute(const core::AudioBuffer& audio);
    // Decodes the file, then compute(); the error names the file. Blocking: for pool threads.
    static Result<std::shared_ptr<const Spectrogram>> fromFile(const QString& path);

    int sampleRate() const { return m_sampleRate; }
    int hop() const { return m_hop; }
    int frames() const { return m_frames; }
    // Level of `band` (0 = lowest) in frame `frame`, 0..255.
    std::uint8_t level(int frame, int band) const { return m_levels[std::size_t(frame) * kBands + std::size_t(band)]; }
    // The band whose range holds `hz` (clamped to the bands).
    static int bandOf(double hz);
    qint64 bytes() const { return qint64(m_levels.size()); }

private:
    int m_sampleRate = 0;
    int m_hop = 1;
    int m_frames = 0;
    std::vector<std::uint8_t> m_levels;  // frames x kBands
};

using SharedSpectrogram = std::shared_ptr<const Spectrogram>;

}  // namespace s2a::ui
