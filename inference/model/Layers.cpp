#include "inference/model/Layers.h"

#include <torch/nn/functional/activation.h>
#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace s2a::model {

SnakeImpl::SnakeImpl(int64_t channels) {
    alpha = register_parameter("alpha", torch::ones({1, channels, 1}));
}

torch::Tensor SnakeImpl::forward(const torch::Tensor& x) {
    // The epsilon keeps 1/alpha finite if training drives an alpha to zero (the term then vanishes anyway).
    const auto inv = 1.0 / (alpha + 1e-9);
    if (!torch::GradMode::is_enabled()) {
        // Inference: the same operations in the same order (so bit-identical), but two full-size allocations
        // instead of five: on long audio every fresh buffer costs page faults, and Snake runs at full rate.
        auto s = alpha * x;
        s.sin_();
        auto out = inv * s;
        out.mul_(s);
        return out.add_(x);
    }
    const auto s = torch::sin(alpha * x);
    return x + inv * s * s;
}

torch::Tensor sinusoidalFeatures(const torch::Tensor& values, int64_t dim, double maxPeriod) {
    const int64_t half = dim / 2;
    auto opts = values.options().dtype(torch::kFloat32);
    auto freqs = torch::exp(-std::log(maxPeriod) * torch::arange(half, opts) / double(half));
    auto args = values.to(torch::kFloat32).reshape({-1, 1}) * freqs.reshape({1, -1});
    return torch::cat({torch::cos(args), torch::sin(args)}, -1);
}

RotaryTables rotaryTables(int64_t frames, int64_t headDim, const torch::TensorOptions& options, double base) {
    const int64_t half = headDim / 2;
    auto f32 = options.dtype(torch::kFloat32);
    auto invFreq = torch::pow(base, -torch::arange(half, f32) / double(half));
    auto angles = torch::arange(frames, f32).reshape({-1, 1}) * invFreq.reshape({1, -1});  // [N, half]
    auto full = torch::cat({angles, angles}, -1);
    return {torch::cos(full).to(options.dtype()), torch::sin(full).to(options.dtype())};
}

torch::Tensor applyRotary(const torch::Tensor& x, const RotaryTables& tables) {
    const int64_t half = x.size(-1) / 2;
    auto x1 = x.narrow(-1, 0, half);
    auto x2 = x.narrow(-1, half, half);
    auto rotated = torch::cat({-x2, x1}, -1);
    return x * tables.cos + rotated * tables.sin;
}

AttentionImpl::AttentionImpl(int64_t width, int64_t heads_, int64_t keyWidth) : heads(heads_) {
    q = register_module("q", torch::nn::Linear(width, width));
    k = register_module("k", torch::nn::Linear(keyWidth, width));
    v = register_module("v", torch::nn::Linear(keyWidth, width));
    out = register_module("out", torch::nn::Linear(width, width));
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& keys, const torch::Tensor& keyMask,
                                     const RotaryTables* rotary) {
    const int64_t b = x.size(0), n = x.size(1), lk = keys.size(1);
    const int64_t width = x.size(2), d = width / heads;
    // Heads folded into the batch, each [B*H, len, d] and contiguous, so both products are one plain bmm over
    // dense matrices (a strided 4-D matmul made LibTorch copy and loop; the N x N scores are the largest tensors
    // of a DiT step on the CPU, so nothing else may touch them more than once).
    auto split = [&](const torch::Tensor& t, int64_t len) {
        return t.view({b, len, heads, d}).transpose(1, 2).reshape({b * heads, len, d});
    };
    // The 1/sqrt(d) scale goes on the queries (N x d) rather than on the scores (N x Lk).
    auto qh = split(q->forward(x).mul_(1.0 / std::sqrt(double(d))), n);
    auto kh = split(k->forward(keys), lk);
    auto vh = split(v->forward(keys), lk);
    if (rotary) {
        qh = applyRotary(qh, *rotary);
        kh = applyRotary(kh, *rotary);
    }
    auto scores = torch::bmm(qh, kh.transpose(1, 2));  // [B*H, N, Lk]
    if (keyMask.defined()) {
        // Callers guarantee at least one true key per row (an empty caption still has its "<empty>" token),
        // so -inf never produces an all-masked NaN row.
        auto blocked = keyMask.logical_not().view({b, 1, 1, lk}).expand({b, heads, 1, lk}).reshape({b * heads, 1, lk});
        scores.masked_fill_(blocked, -std::numeric_limits<float>::infinity());
    }
    auto y = torch::bmm(torch::softmax(scores, -1), vh);  // [B*H, N, d]
    return out->forward(y.view({b, heads, n, d}).transpose(1, 2).reshape({b, n, width}));
}

FeedForwardImpl::FeedForwardImpl(int64_t width, int64_t hidden) {
    fc1 = register_module("fc1", torch::nn::Linear(width, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, width));
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x) {
    return fc2->forward(torch::gelu(fc1->forward(x), "tanh"));
}

int64_t parameterCount(const torch::nn::Module& module) {
    int64_t total = 0;
    for (const auto& p : module.parameters(true)) total += p.numel();
    return total;
}

}  // namespace s2a::model
