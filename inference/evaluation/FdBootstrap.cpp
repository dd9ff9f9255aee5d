#include "inference/evaluation/FdBootstrap.h"

#include "inference/evaluation/FrechetDistance.h"
#include "inference/evaluation/SeamMetric.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace s2a::inference::evaluation {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::vector<size_t>> draws(size_t items, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, items - 1);
    std::vector<std::vector<size_t>> out(kBootstrapResamples, std::vector<size_t>(items));
    for (auto& d : out)
        for (auto& i : d)
            i = pick(rng);
    return out;
}

double fdOn(const Embeddings& a, const Embeddings& b, const std::vector<size_t>& index)
{
    Embeddings x, y;
    for (size_t i : index) {
        x.push_back(a[i]);
        y.push_back(b[i]);
    }
    return frechetDistance(fitGaussian(x), fitGaussian(y));
}

double standardDeviation(const std::vector<double>& v)
{
    double mean = 0.0, sq = 0.0;
    for (double x : v)
        mean += x;
    mean /= double(v.size());
    for (double x : v)
        sq += (x - mean) * (x - mean);
    return std::sqrt(sq / double(v.size() - 1));
}

}  // namespace

FdInterval bootstrapFd(const Embeddings& generated, const Embeddings& real, uint64_t seed)
{
    const size_t n = std::min(generated.size(), real.size());
    if (n < 3)
        return {kNaN, kNaN, kNaN};
    std::vector<double> fds;
    for (const auto& index : draws(n, seed))
        fds.push_back(fdOn(generated, real, index));
    return {percentile(fds, 2.5), percentile(fds, 97.5), standardDeviation(fds)};
}

FdDifference bootstrapFdDifference(const Embeddings& base, const Embeddings& other, const Embeddings& real,
                                   uint64_t seed)
{
    const size_t n = std::min({base.size(), other.size(), real.size()});
    if (n < 3)
        return {kNaN, kNaN};
    std::vector<double> differences;
    for (const auto& index : draws(n, seed))
        differences.push_back(fdOn(other, real, index) - fdOn(base, real, index));
    double mean = 0.0;
    for (double d : differences)
        mean += d;
    return {mean / double(differences.size()), standardDeviation(differences)};
}

}  // namespace s2a::inference::evaluation
