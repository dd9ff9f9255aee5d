#include "inference/evaluation/PairedDistance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace s2a::inference::evaluation {

std::vector<double> pairedDistances(const Embeddings& generated, const Embeddings& real)
{
    const size_t n = std::min(generated.size(), real.size());
    if (real.size() < 2 || n == 0)
        return {};
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
    std::vector<double> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        double sum = 0.0;
        for (size_t d = 0; d < dims && d < generated[i].size(); ++d)
            if (spread[d] > 1e-12) {
                const double z = (generated[i][d] - real[i][d]) / spread[d];
                sum += z * z;
            }
        out.push_back(std::sqrt(sum));
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
