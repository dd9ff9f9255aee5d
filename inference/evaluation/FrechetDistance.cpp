#include "inference/evaluation/FrechetDistance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace s2a::inference::evaluation {

Matrix Matrix::identity(int size)
{
    Matrix m(size);
    for (int i = 0; i < size; ++i)
        m.at(i, i) = 1.0;
    return m;
}

Matrix multiply(const Matrix& x, const Matrix& y)
{
    const int n = x.n;
    Matrix out(n);
    for (int r = 0; r < n; ++r)
        for (int k = 0; k < n; ++k) {
            const double xrk = x.at(r, k);
            if (xrk == 0.0)
                continue;
            for (int c = 0; c < n; ++c)
                out.at(r, c) += xrk * y.at(k, c);
        }
    return out;
}

EigenDecomposition symmetricEigen(const Matrix& symmetric)
{
    const int n = symmetric.n;
    Matrix a = symmetric;
    Matrix v = Matrix::identity(n);
    double frob = 0.0;
    for (double x : a.a)
        frob += x * x;
    const double tolerance = frob * 1e-28;
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0.0;
        for (int p = 0; p < n; ++p)
            for (int q = p + 1; q < n; ++q)
                off += 2.0 * a.at(p, q) * a.at(p, q);
        if (off <= tolerance)
            break;
        for (int p = 0; p < n; ++p) {
            for (int q = p + 1; q < n; ++q) {
                const double apq = a.at(p, q);
                if (apq == 0.0)
                    continue;
                // The rotation that zeroes a_pq, with the smaller of the two possible angles (|t| <= 1) so
                // the diagonal moves as little as possible (Numerical Recipes, section 11.1).
                const double theta = (a.at(q, q) - a.at(p, p)) / (2.0 * apq);
                const double t = (theta >= 0.0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0);
                const double s = t * c;
                for (int k = 0; k < n; ++k) {  // A <- A J (columns p, q)
                    const double akp = a.at(k, p), akq = a.at(k, q);
                    a.at(k, p) = c * akp - s * akq;
                    a.at(k, q) = s * akp + c * akq;
                }
                for (int k = 0; k < n; ++k) {  // A <- J^T A (rows p, q)
                    const double apk = a.at(p, k), aqk = a.at(q, k);
                    a.at(p, k) = c * apk - s * aqk;
                    a.at(q, k) = s * apk + c * aqk;
                }
                a.at(p, q) = a.at(q, p) = 0.0;  // exactly, not whatever rounding left
                for (int k = 0; k < n; ++k) {
                    const double vkp = v.at(k, p), vkq = v.at(k, q);
                    v.at(k, p) = c * vkp - s * vkq;
                    v.at(k, q) = s * vkp + c * vkq;
                }
            }
        }
    }
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int x, int y) { return a.at(x, x) < a.at(y, y); });
    EigenDecomposition out;
    out.vectors = Matrix(n);
    for (int k = 0; k < n; ++k) {
        const int src = order[static_cast<size_t>(k)];
        out.values.push_back(a.at(src, src));
        for (int r = 0; r < n; ++r)
            out.vectors.at(r, k) = v.at(r, src);
    }
    return out;
}

Matrix sqrtPsd(const Matrix& symmetric)
{
    const int n = symmetric.n;
    const EigenDecomposition e = symmetricEigen(symmetric);
    Matrix out(n);
    for (int k = 0; k < n; ++k) {
        const double root = std::sqrt(std::max(0.0, e.values[static_cast<size_t>(k)]));
        if (root == 0.0)
            continue;
        for (int r = 0; r < n; ++r) {
            const double vr = e.vectors.at(r, k) * root;
            for (int c = 0; c < n; ++c)
                out.at(r, c) += vr * e.vectors.at(c, k);
        }
    }
    return out;
}

Gaussian fitGaussian(const std::vector<std::vector<double>>& samples)
{
    Gaussian g;
    g.count = static_cast<int>(samples.size());
    if (samples.empty())
        return g;
    const int d = static_cast<int>(samples.front().size());
    g.mean.assign(static_cast<size_t>(d), 0.0);
    for (const auto& s : samples)
        for (int i = 0; i < d; ++i)
            g.mean[static_cast<size_t>(i)] += s[static_cast<size_t>(i)];
    for (double& m : g.mean)
        m /= g.count;
    g.covariance = Matrix(d);
    if (g.count < 2)
        return g;
    for (const auto& s : samples)
        for (int r = 0; r < d; ++r) {
            const double dr = s[static_cast<size_t>(r)] - g.mean[static_cast<size_t>(r)];
            for (int c = r; c < d; ++c)
                g.covariance.at(r, c) += dr * (s[static_cast<size_t>(c)] - g.mean[static_cast<size_t>(c)]);
        }
    for (int r = 0; r < d; ++r)
        for (int c = r; c < d; ++c) {
            const double v = g.covariance.at(r, c) / (g.count - 1);
            g.covariance.at(r, c) = g.covariance.at(c, r) = v;
        }
    return g;
}

double frechetDistance(const Gaussian& a, const Gaussian& b)
{
    const int d = static_cast<int>(a.mean.size());
    double meanTerm = 0.0;
    for (int i = 0; i < d; ++i) {
        const double diff = a.mean[static_cast<size_t>(i)] - b.mean[static_cast<size_t>(i)];
        meanTerm += diff * diff;
    }
    double traceA = 0.0, traceB = 0.0;
    for (int i = 0; i < d; ++i) {
        traceA += a.covariance.at(i, i);
        traceB += b.covariance.at(i, i);
    }
    const Matrix rootA = sqrtPsd(a.covariance);
    Matrix inner = multiply(multiply(rootA, b.covariance), rootA);
    for (int r = 0; r < d; ++r)  // symmetric in exact arithmetic; make it so before Jacobi relies on it
        for (int c = r + 1; c < d; ++c)
            inner.at(r, c) = inner.at(c, r) = 0.5 * (inner.at(r, c) + inner.at(c, r));
    double traceRoot = 0.0;
    for (double lambda : symmetricEigen(inner).values)
        traceRoot += std::sqrt(std::max(0.0, lambda));
    return std::max(0.0, meanTerm + traceA + traceB - 2.0 * traceRoot);
}

}  // namespace s2a::inference::evaluation
