#pragma once
// How sure is a Fréchet distance over 100 songs? Bootstrap over songs: the items are drawn with replacement (the
// same draw for every set compared, so a generated clip stays paired with its held-out song) and the distance is
// computed again, kBootstrapResamples times.
#include <cstdint>
#include <vector>

namespace s2a::inference::evaluation {

constexpr int kBootstrapResamples = 200;

struct FdInterval {
    double low = 0.0, high = 0.0;   // 2.5th and 97.5th percentiles
    double standardError = 0.0;     // standard deviation of the resampled distances
};

using Embeddings = std::vector<std::vector<double>>;

// FD(generated[I], real[I]) over resampled index sets I (generated and real index the same items; the shorter
// length is used). NaN fields when there are fewer than 3 items.
FdInterval bootstrapFd(const Embeddings& generated, const Embeddings& real, uint64_t seed = 1);

// The difference FD(other[I], real[I]) - FD(base[I], real[I]) over the same draws: its mean and standard error,
// to say whether `other` is worse than `base` by more than chance.
struct FdDifference {
    double mean = 0.0;
    double standardError = 0.0;
};
FdDifference bootstrapFdDifference(const Embeddings& base, const Embeddings& other, const Embeddings& real,
                                   uint64_t seed = 1);

}  // namespace s2a::inference::evaluation
