#pragma once

// Onset strength, tempo, beats and bars from the frame features.
#include "inference/analysis/Features.h"

#include <vector>

namespace s2a::inference::analysis {

struct RhythmResult {
    std::vector<float> onset;     // per frame, zero-mean unit-variance spectral flux, floored at 0
    double tempo = 0.0;           // BPM
    std::vector<double> beats;    // seconds
    std::vector<double> bars;     // downbeats, seconds
    int downbeatPhase = 0;        // which beat of the first four is a downbeat
    // Where the bar grid starts: the first downbeat's time within the first bar, 0 <= offset < one bar. A song
    // that opens with a pickup (an anacrusis of k beats) has its first downbeat, bar 1, at k beats.
    double downbeatOffset = 0.0;
};

// Downbeats every four beats of `beats` from beat `phase`, extended back to the song's start a bar at a time at
// `tempo` (the tracker often misses the very first beats), so the grid covers the whole song.
std::vector<double> barsFromPhase(const std::vector<double>& beats, int phase, double tempo);

// Half-wave rectified flux of the log-mel spectrogram, summed over bands and detrended.
std::vector<float> onsetStrength(const Features& features);

// Tempo from the comb-filtered autocorrelation of the onset envelope, beats from a dynamic-programming
// tracker (Ellis 2007), the tempo then refined by regression over the beat times, and bars by the phase of
// four at which chords change and low drums hit most.
RhythmResult trackRhythm(const Features& features);

}  // namespace s2a::inference::analysis
