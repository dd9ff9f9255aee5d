#pragma once

// Frame-level features shared by every analysis stage, computed once from one STFT of the mono mix.
#include <cstddef>
#include <vector>

namespace s2a::inference::analysis {

constexpr int kFftSize = 2048;  // 93 ms at 22.05 kHz: 10.8 Hz bins, enough to tell semitones apart from ~130 Hz
constexpr int kHop = 512;       // 23 ms: beat tracking precision comes from regression over many beats
constexpr int kMelBands = 64;
constexpr int kMfcc = 13;

// Row-major frames x width matrix.
struct FrameMatrix {
    int frames = 0;
    int width = 0;
    std::vector<float> data;
    float* row(int f) { return data.data() + static_cast<std::size_t>(f) * static_cast<std::size_t>(width); }
    const float* row(int f) const { return data.data() + static_cast<std::size_t>(f) * static_cast<std::size_t>(width); }
    void resize(int f, int w)
    {
        frames = f;
        width = w;
        data.assign(static_cast<std::size_t>(f) * static_cast<std::size_t>(w), 0.0f);
    }
};

struct Features {
    int rate = 0;
    double hopSeconds = 0.0;
    FrameMatrix melPower;       // kMelBands mel power, for HPSS and loudness-like measures
    FrameMatrix logMel;         // log10(1 + 1000 * mel power): the onset and timbre basis
    FrameMatrix mfcc;           // DCT-II of logMel, first kMfcc coefficients
    FrameMatrix chroma;         // 12 pitch classes, C first, unnormalised energy
    // Key-finding chroma from interpolated spectral peaks with the partials of lower peaks subtracted, so a
    // note's 3rd harmonic (its fifth) does not vote for the dominant key. Treble: 80 Hz .. 2.5 kHz.
    FrameMatrix pitchChroma;
    FrameMatrix bassChroma;     // the same peaks between 35 and 200 Hz: the bass line names the root
    std::vector<float> rmsDb;   // per frame, dBFS
    std::vector<float> centroidHz;
    std::vector<float> flatness;  // Wiener entropy of the power spectrum, 0..1
    double frameTime(int f) const { return f * hopSeconds; }
    int frameAt(double seconds) const { return static_cast<int>(seconds / hopSeconds + 0.5); }
};

// One STFT (Hann window, centred frames) of `mono` at `rate`, then every per-frame feature above. Frame f is
// centred on sample f * kHop, so frame times need no offset.
// Peak-picked, partial-subtracted chroma of one magnitude spectrum into `treble` and `bass` (12 each).
void peakChroma(const float* magnitude, int bins, double binHz, float* treble, float* bass);

Features computeFeatures(const std::vector<float>& mono, int rate);

}  // namespace s2a::inference::analysis
