#pragma once

// Chords from audio (issue 20's accompaniment follows them): beat-synchronous chroma from the analysis's spectrum
// (Features::pitchChroma for the harmony, bassChroma for the root), scored against major and minor triad and
// seventh templates, then smoothed by a Viterbi pass over the 24 major and minor chords and "no chord", so a
// passing note does not flip the chord for one beat. The vocabulary is MIREX's majmin: sevenths are read as
// their triads.
#include "inference/analysis/Features.h"

#include <QString>

#include <array>
#include <vector>

namespace s2a::inference::analysis {

struct ChordSpan {
    double start = 0.0;  // seconds
    double end = 0.0;
    int root = -1;       // pitch class, C = 0; -1 = no chord
    bool minor = false;
    bool operator==(const ChordSpan& o) const { return root == o.root && (root < 0 || minor == o.minor); }
};

// "C", "F#m", "Bb", "N": core::ChordSymbol's spelling, which the chord lane stores.
QString chordName(int root, bool minor);

// One chord per beat interval of `beats` (seconds; the song's start and `duration` close the first and last
// intervals), consecutive equal chords merged into one span.
std::vector<ChordSpan> recogniseChords(const Features& features, const std::vector<double>& beats, double duration);

// Chords for a melody (a sung or played lead, which carries the tune and not the chords): one diatonic triad of
// the key per bar of `bars` (downbeats, seconds), chosen by how much of the bar's pitch content its chord tones
// hold (the notes on the bar's strong beats weigh six times as much: melodies land on chord tones there),
// smoothed by a Viterbi pass that expects a change about every bar, favours the common root motions (circle of
// fifths, the four-chord loops) and the functions songs use most (I, IV, V, vi and their minor-key kin).
// `fit`, when given, receives how well the harmony fits per bar (the best path's mean score): what tells the
// right bar grid from one shifted by a beat or two, for a melody whose downbeats nothing else marks.
// The pitch content of one bar [from, to) of a melody (seconds): Features::pitchChroma summed over the bar, the
// first half-beat of beats 1 and 3 weighing six times as much (melodies land on chord tones there and pass
// through other notes between). What harmoniseMelody scores each bar by.
std::array<double, 12> barMelodyChroma(const Features& features, double from, double to);

std::vector<ChordSpan> harmoniseMelody(const Features& features, const std::vector<double>& bars, double duration,
                                       int tonic, bool minor, double* fit = nullptr);

// The share of [0, duration) where `estimate` names the chord of `reference`, counting only where the reference
// is a major or minor chord (MIREX majmin, time-weighted): 0..1, or -1 when the reference has none.
double majminAccuracy(const std::vector<ChordSpan>& reference, const std::vector<ChordSpan>& estimate, double duration);

}  // namespace s2a::inference::analysis
