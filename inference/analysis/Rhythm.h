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

// Where a part comes in after a rest: after at least `minRest` seconds more than 45 dB under the part's loudest
// frame (the start of the file counts as a rest), the first frame over that level, when the part then reaches
// within 30 dB of its loudest in half a second (a soft attack still counts from where it starts). A
// tune's phrases enter on (or a beat before) a downbeat far more often than on any other beat, which is what a
// melody alone says about its bar grid.
std::vector<double> phraseEntries(const Features& features, double minRest);

// How well the downbeats `bars` meet `entries`: the mean over entries of how well each one starts on a downbeat
// (1 from 0.15 beats before one to 0.6 after, fading to 0 at 0.4 before and 0.85 after); 0 without entries.
double entriesOnDownbeats(const std::vector<double>& entries, const std::vector<double>& bars, double beatSeconds);

// Half-wave rectified flux of the log-mel spectrogram, summed over bands and detrended.
std::vector<float> onsetStrength(const Features& features);

// Tempo from the comb-filtered autocorrelation of the onset envelope, beats from a dynamic-programming
// tracker (Ellis 2007), the tempo then refined by regression over the beat times, and bars by the phase of
// four at which chords change and low drums hit most.
RhythmResult trackRhythm(const Features& features);

}  // namespace s2a::inference::analysis
