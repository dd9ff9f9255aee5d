#pragma once
// Does a generation follow *its own* caption? The Fréchet distance cannot say: it compares two sets, and a
// model that ignores its captions but makes plausible songs gives the same set for the captions shuffled (a
// permutation of the captions is the same caption distribution). What can say it is a paired measure: how far
// each generated clip is from the held-out song it was asked to be, against how far it is when asked with
// another song's caption. The embedding is the FD's (EvalFeatures.h), each dimension scaled by the held-out
// set's own spread so that no feature's units dominate.
#include "inference/evaluation/FdBootstrap.h"

#include <vector>

namespace s2a::inference::evaluation {

// Per item i: the Euclidean distance between generated[i] and real[i], each dimension divided by the standard
// deviation of that dimension over `real` (dimensions that do not vary in `real` are left out). Items are paired
// by index; the shorter length is used. Empty when `real` has fewer than 2 items.
std::vector<double> pairedDistances(const Embeddings& generated, const Embeddings& real);

// Per item i: the share of the other held-out songs j that generated[i] is farther from than from its own
// song real[i] (the distances of pairedDistances' scaling): 1 when the clip is nearer its own song than every
// other, 0.5 by chance. Robust where the distances are not: a clip far from every song on some feature is still
// ranked by which song it is least far from. Empty for fewer than 2 items.
std::vector<double> ownSongRanks(const Embeddings& generated, const Embeddings& real);

// Mean and standard error of the mean (NaN fields for fewer than 2 values).
FdDifference meanWithError(const std::vector<double>& values);

// Per item other[i] - base[i], its mean and standard error: a paired comparison of two rows on the same items.
FdDifference pairedDifference(const std::vector<double>& base, const std::vector<double>& other);

}  // namespace s2a::inference::evaluation
