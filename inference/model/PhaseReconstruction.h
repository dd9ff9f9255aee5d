#pragma once

// Qt-free. A phase for STFT magnitudes that have none: what the "reconstructed" spectral codec decodes
// (VaeConfig::phase). Frames are centred as torch::stft(center=true) makes them, Hann-windowed, hop = fft / 4 or
// finer, so the result goes straight into inverseStft (AudioVae.h).
//
// Why not let the network predict phase: run 2's codec did (Vocos's head), and on two CPU cores it never learned
// to, so its partials came out as noise. Magnitudes are a plain regression; phase follows from them:
//  1. Phase-locked start (a phase vocoder from magnitudes alone, after Laroche & Dolson's identity phase locking):
//     in every frame the spectral peaks are found, each peak's frequency is refined by a parabola through its
//     log-magnitude and its two neighbours, and every bin takes the frequency of the nearest peak. Each bin's phase
//     advances by that frequency from frame to frame; the bins around a peak share the peak's phase (with the
//     alternating sign a centred frame gives neighbouring bins), so a partial comes out as one sinusoid instead
//     of a beat between bins.
//  2. `iterations` of fast Griffin-Lim (Perraudin et al. 2013, momentum 0.99) from that start: each pass keeps the
//     magnitudes and takes the phase of the STFT of the current signal, which makes overlapping frames agree
//     (fewer smeared transients) without losing the start's partials.
// Everything is batched tensor work (no per-bin loops), so 30 s of four stems costs a fraction of a second.

#include <torch/types.h>

namespace s2a::model {

// magnitude [B, fft/2+1, F] (linear, >= 0) -> the complex spectrum [B, fft/2+1, F] with those magnitudes and a
// reconstructed phase.
// `noiseShare` (optional, same shape, 0..1): how much of each bin is noise rather than partials; bins over one half
// start from a pseudo-random phase (a fixed function of frame and bin, so decoding stays deterministic): a
// locked phase would turn them into a whistle at the nearest peak's frequency.
torch::Tensor reconstructPhase(const torch::Tensor& magnitude, int64_t fft, int64_t hop, int iterations,
                               const torch::Tensor& noiseShare = {});

}  // namespace s2a::model
