#pragma once
// Does a clip hold the notes it should? Two checks on the analysis's chroma (analysis/Features.h, at 22.05 kHz),
// both laid on the beat grid of the clip's known tempo with beat 1 at 0 s, as every s2a-corpus song and every
// request starts on a downbeat:
// - chroma agreement (the codec ceiling): the cosine between the beat-synchronous 12-bin chroma of an original
//   stem and of its reconstruction, averaged over the beats where the original holds pitched energy. A codec
//   that turns notes into noise shaped like them scores ~0.5-0.7 (flat chroma against a peaked one); one that
//   keeps the notes scores near 1.
// - key: the analysis key estimator (analysis/KeyEstimator.h) on a clip's non-drum stems, and whether it is the
//   key a caption asked for or its relative (the estimator, like a listener without the bass line, confuses the
//   two).
#include "inference/evaluation/EvalFeatures.h"

#include <optional>
#include <vector>

namespace s2a::inference::evaluation {

// Beat times (s) of a clip of `seconds` at `tempo` BPM, the first at 0; empty for a tempo <= 0.
std::vector<double> beatGrid(double seconds, double tempo);

// NaN when the original has no beat with pitched energy.
double chromaAgreement(const ClipAnalysis& original, const ClipAnalysis& reconstruction, double tempo);

struct KeyName {
    int tonic = 0;       // pitch class, C = 0
    bool minor = false;
};
// The key a caption names ("in G minor", "in Bb"; a named tonic without a mode is major), if any.
std::optional<KeyName> askedKey(const QString& caption);
// The analysis key estimate of a clip; nullopt when it found no pitched content.
std::optional<KeyName> estimatedKey(const ClipAnalysis& clip, double tempo);
bool keyMatches(const KeyName& asked, const KeyName& estimated);  // the same key or its relative
QString keyText(const KeyName& key);                               // "G minor"

}  // namespace s2a::inference::evaluation
