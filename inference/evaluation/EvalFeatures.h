#pragma once

// The fixed embedding s2a-eval computes per clip (the basis of its Fréchet distance) and the tempo estimate of
// a clip, both from one analysis pass: the mono clip resampled to the analysis rate (22.05 kHz), one STFT
// (2048-point Hann, hop 512 = 23 ms) and its 64 log-mel bands (30 Hz .. 8 kHz, log10(1 + 1000 power)) and
// 12-bin chroma, as inference/analysis computes them for song analysis.
//
// The embedding has kEmbeddingDims = 96 values, in this order:
//   [0, 32)   log-mel mean: the 64 bands averaged in adjacent pairs, then averaged over frames
//   [32, 64)  log-mel standard deviation over frames of the same 32 bands
//   [64, 76)  chroma mean: each frame's 12 bins scaled to sum 12 (so a flat frame is all ones; frames with no
//             energy are skipped), averaged over frames
//   [76, 88)  chroma standard deviation over frames
//   [88, 96)  onset strength o(f) = mean over the 64 bands of max(0, logMel(f) - logMel(f-1)):
//             88 mean, 89 standard deviation,
//             90 peak of its normalised autocorrelation (mean removed, r(lag)/r(0), unbiased) over the beat
//                lags of 60..200 BPM, 91 log2(BPM of that peak / 120), 92 mean autocorrelation over those
//                lags, 93 autocorrelation at twice the peak lag (bar regularity), 94 at half of it (offbeats),
//             95 onset peaks per second / 4 (local maxima above mean + one standard deviation).
// Every part is O(1) in size for music at ordinary levels, so no part dominates the distance by units alone;
// the values are not standardised (the same fixed map for every run, so distances compare across runs).
#include "inference/analysis/Features.h"

#include <QJsonObject>

#include <vector>

namespace s2a::inference::evaluation {

constexpr int kEmbeddingDims = 96;

struct ClipAnalysis {
    analysis::Features features;
    std::vector<float> onset;  // o(f) above, one value per frame
    double seconds = 0.0;
};

// Resamples `mono` (at `rate`) to the analysis rate and computes the features once.
ClipAnalysis analyseClip(const std::vector<float>& mono, int rate);

// The embedding described above (kEmbeddingDims values; zeros for an empty clip).
std::vector<double> clipEmbedding(const ClipAnalysis& clip);

// The analysis tempo estimator (comb-filtered onset autocorrelation, beat tracking and regression; see
// analysis/Rhythm.h) on the clip, in BPM; 0 when no pulse was found.
double estimateTempo(const ClipAnalysis& clip);

// The definition above as JSON, for the results file (so a number can be traced to what it measures).
QJsonObject embeddingDefinition();

}  // namespace s2a::inference::evaluation
