#include "inference/evaluation/PairedDistance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace s2a::inference::evaluation {

namespace {

// Each dimension's standard deviation over `real` (0 where it does not vary).
std::vector<double> spreadOf(const Embeddings& real)
{
    const size_t dims = real.front().size();
    std::vector<double> mean(dims, 0.0), spread(dims, 0.0);
    for (const auto& e : real)
        for (size_t d = 0; d < dims; ++d)
            mean[d] += e[d] / double(real.size());
    for (const auto& e : real)
        for (size_t d = 0; d < dims; ++d)
            spread[d] += (e[d] - mean[d]) * (e[d] - mean[d]) / double(real.size() - 1);
    for (double& s : spread)
        s = std::sqrt(s);
    return spread;
}

double scaledDistance(const std::vector<double>& a, const std::vector<double>& b, const std::vector<double>& spread)
{
    double sum = 0.0;
    for (size_t d = 0; d < spread.size() && d < a.size() && d < b.size(); ++d)
        if (spread[d] > 1e-12) {
            const double z = (a[d] - b[d]) / spread[d];
            sum += z * z;
        }
    return std::sqrt(sum);
}

}  // namespace

std::vector<double> pairedDistances(const Embeddings& generated, const Embeddings& real)
{
    const size_t n = std::min(generated.size(), real.size());
    if (real.size() < 2 || n == 0)
        return {};
    const std::vector<double> spread = spreadOf(real);
    std::vector<double> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i)
        out.push_back(scaledDistance(generated[i], real[i], spread));
    return out;
}

std::vector<double> ownSongRanks(const Embeddings& generated, const Embeddings& real)
{
    const size_t n = std::min(generated.size(), real.size());
    if (n < 2)
        return {};
    const std::vector<double> spread = spreadOf(real);
    std::vector<double> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const double own = scaledDistance(generated[i], real[i], spread);
        double farther = 0.0;
        for (size_t j = 0; j < n; ++j)
            if (j != i) {
                const double other = scaledDistance(generated[i], real[j], spread);
                farther += other > own ? 1.0 : other == own ? 0.5 : 0.0;
            }
        out.push_back(farther / double(n - 1));
    }
    return out;
}

FdDifference meanWithError(const std::vector<double>& values)
{
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    if (values.size() < 2)
        return {kNaN, kNaN};
    double mean = 0.0;
    for (double v : values)
        mean += v / double(values.size());
    double variance = 0.0;
    for (double v : values)
        variance += (v - mean) * (v - mean) / double(values.size() - 1);
    return {mean, std::sqrt(variance / double(values.size()))};
}

FdDifference pairedDifference(const std::vector<double>& base, const std::vector<double>& other)
{
    std::vector<double> differences;
    for (size_t i = 0; i < std::min(base.size(), other.size()); ++i)
        differences.push_back(other[i] - base[i]);
    return meanWithError(differences);
}

}  // namespace s2a::inference::evaluation
