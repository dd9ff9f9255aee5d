#pragma once

// Fréchet distance between two sets of embeddings, each summarised as a Gaussian (mean and covariance), as in
// FID / FAD:  |mu_a - mu_b|^2 + tr(S_a) + tr(S_b) - 2 tr((S_a S_b)^1/2).
// The trace term is computed as tr((S_a^1/2 S_b S_a^1/2)^1/2), which has the same eigenvalues as (S_a S_b)^1/2
// but is symmetric, so one symmetric eigen solver (cyclic Jacobi) does all the work and covariances of
// fewer samples than dimensions (rank-deficient, the usual case here) stay well defined.
#include <cstddef>
#include <vector>

namespace s2a::inference::evaluation {

// Dense square matrix, row-major, double precision (dims ~100: Jacobi is exact enough and fast).
struct Matrix {
    int n = 0;
    std::vector<double> a;
    Matrix() = default;
    explicit Matrix(int size) : n(size), a(static_cast<std::size_t>(size) * static_cast<std::size_t>(size), 0.0) {}
    double& at(int r, int c) { return a[static_cast<std::size_t>(r) * static_cast<std::size_t>(n) + static_cast<std::size_t>(c)]; }
    double at(int r, int c) const { return a[static_cast<std::size_t>(r) * static_cast<std::size_t>(n) + static_cast<std::size_t>(c)]; }
    static Matrix identity(int size);
};

Matrix multiply(const Matrix& x, const Matrix& y);

struct EigenDecomposition {
    std::vector<double> values;  // ascending
    Matrix vectors;              // column k is the unit eigenvector of values[k]
};

// Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations, until the off-diagonal mass is below
// 1e-14 of the matrix's Frobenius norm (or 100 sweeps; symmetric matrices converge quadratically in ~10).
EigenDecomposition symmetricEigen(const Matrix& symmetric);

// The symmetric positive semi-definite square root: V diag(sqrt(max(0, lambda))) V^T. Eigenvalues that are
// slightly negative from rounding are clamped to zero.
Matrix sqrtPsd(const Matrix& symmetric);

struct Gaussian {
    std::vector<double> mean;
    Matrix covariance;  // unbiased (divides by count - 1); zero for a single sample
    int count = 0;
};

// Mean and covariance of `samples` (each the same length); an empty set gives an empty Gaussian.
Gaussian fitGaussian(const std::vector<std::vector<double>>& samples);

// The squared Fréchet distance between two Gaussians of the same dimension (>= 0).
double frechetDistance(const Gaussian& a, const Gaussian& b);

}  // namespace s2a::inference::evaluation
