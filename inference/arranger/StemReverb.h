#pragma once

// The arranger's own reverb, one per stem: an 8-line feedback delay network in float. FluidSynth's built-in
// reverb ran in every stem's synth for the whole song, silent sections included, and cost more than the
// voices of most stems; this one costs a few nanoseconds a sample and sleeps while a stem rests.
//
// Why this shape: an FDN with a Hadamard feedback matrix is dense after a few tens of milliseconds (no
// metallic flutter like a handful of combs), needs no allpass chains, and its eight lines map onto SIMD
// lanes. Everything is plain float arithmetic in a fixed order, so a stem's output depends only on its
// input: the same notes give bit-identical audio on every run and thread.
#include <array>
#include <cstdint>
#include <vector>

namespace s2a::inference::arranger {

class StemReverb {
public:
    struct Params {
        float decaySeconds = 1.6f;  // RT60 at low frequencies
        float damping = 0.35f;      // 0..1: how much faster the highs die than the lows
        float width = 0.9f;         // 0 = mono tail, 1 = fully decorrelated left/right
        float send = 0.1f;          // input gain into the network (the MIDI reverb send, scaled)
    };

    StemReverb(int sampleRate, const Params& params);

    // Adds the reverb of the stem (left, right) to the same buffers, in place, for `frames` samples. Calls
    // continue one another: the tail of one call rings into the next.
    void process(float* left, float* right, int64_t frames);

private:
    static constexpr int kLines = 8;
    static constexpr int kBlock = 256;  // frames per idle check

    void processBlock(float* left, float* right, int frames);
    // The network's per-frame arithmetic on frame-major (interleaved, 8 floats a frame) copies of the lines:
    // reads `taps`, writes the lines' new input to `feed`, adds the tail to the stem.
    void runNetwork(const float* taps, float* feed, float* left, float* right, int frames);
    void clear();

    std::array<int, kLines> delay_{};     // line lengths in samples, mutually prime
    std::array<float, kLines> gain_{};    // per-line loss for the wanted RT60
    std::array<float, kLines> lowpass_{}; // damping filters' state
    float damp_ = 0.0f;
    float send_ = 0.0f;
    float wet1_ = 0.0f, wet2_ = 0.0f;      // stereo spread of the two output taps
    // Scratch for one block, frame-major: the lines' outputs read for it and their inputs written by it.
    alignas(16) std::array<float, kLines * kBlock> taps_{};
    alignas(16) std::array<float, kLines * kBlock> feed_{};
    std::vector<float> lines_;             // kLines circular buffers of size mask_ + 1, stride_ apart
    int mask_ = 0;
    int stride_ = 0;                       // floats from one line's buffer to the next
    int write_ = 0;
    int64_t quietFrames_ = 0;              // consecutive silent input frames
    int64_t tailFrames_ = 0;               // after this much silence the tail is inaudible (below -90 dB)
    bool idle_ = true;
};

}  // namespace s2a::inference::arranger
