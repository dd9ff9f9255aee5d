#pragma once
// Spectral figures of the evaluation that need no musical analysis: how close a codec's reconstruction is to its
// original, and how much of a clip is pitched at all. Both run on one channel (a stem group's or a mix's mono).
#include <vector>

namespace s2a::inference::evaluation {

// The STFT both measures use for the log-spectral distance: the trainer's codec probe's (VaeStage.cpp), so
// the two figures read the same.
constexpr int kLsdFrame = 1024;
constexpr int kLsdHop = 256;

// Log-spectral distance in dB: the RMS, over every STFT bin (Hann kLsdFrame, hop kLsdHop, centred frames) whose
// reference magnitude lies within 60 dB of the reference's loudest bin, of 20 log10(|X| / |Y|). Bins quieter than
// that are inaudible under the loud ones and would make the figure chase noise. NaN when the reference is
// silent. Both signals are compared over the reference's length (the estimate is cut or zero-padded).
double logSpectralDistanceDb(const std::vector<float>& reference, const std::vector<float>& estimate);

// Pitchedness: the share of a clip's spectral energy (Hann 4096 at 44.1 kHz scaled to the rate, hop a quarter
// of it, 50 Hz to 5 kHz) that lies in prominent spectral peaks, i.e. within two bins of a local maximum that
// stands at least kPeakProminenceDb above the median of the 49 bins around it. A partial of a note stands
// 30-60 dB over its neighbourhood; in noise, even band-limited or shaped like a note, a bin's power is
// exponentially distributed around the local level and exceeds 15 dB over the median about once in 10^9 bins,
// so noise reads near 0 and a sustained chord near 1 (drums in between). NaN for silence (below -90 dBFS).
constexpr double kPeakProminenceDb = 15.0;
double pitchedness(const std::vector<float>& mono, int rate);

}  // namespace s2a::inference::evaluation
