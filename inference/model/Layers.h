#pragma once

// Qt-free building blocks shared by the VAE, the caption encoder and the DiT. Parameter names registered here
// are part of the weight format (safetensors names), so they are short, stable and never renamed lightly.

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <cstdint>

namespace s2a::model {

// Snake activation (Ziyin et al. 2020, used by BigVGAN / Oobleck): x + 1/alpha * sin^2(alpha * x), with one
// learnable alpha per channel. It gives a periodic inductive bias that suits waveforms. Input [B, C, T].
// Parameter: "alpha" [1, C, 1], initialised to 1.
class SnakeImpl : public torch::nn::Module {
public:
    explicit SnakeImpl(int64_t channels);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor alpha;
};
TORCH_MODULE(Snake);

// Sinusoidal features of a scalar per item: [N] -> [N, dim] (cos half then sin half), frequencies
// geometrically spaced from 1 to 1/maxPeriod. Used for diffusion time and for position-in-section.
torch::Tensor sinusoidalFeatures(const torch::Tensor& values, int64_t dim, double maxPeriod = 10000.0);

// Rotary position tables for `frames` positions and an even head width: returns {cos, sin}, each
// [frames, headDim] (the half-width table repeated twice, "rotate-half" convention as in GPT-NeoX).
struct RotaryTables {
    torch::Tensor cos;
    torch::Tensor sin;
};
RotaryTables rotaryTables(int64_t frames, int64_t headDim, const torch::TensorOptions& options,
                          double base = 10000.0);
// x: [B, H, N, D]; tables [N, D].
torch::Tensor applyRotary(const torch::Tensor& x, const RotaryTables& tables);

// Multi-head attention with separate q / k / v / out projections (names "q", "k", "v", "out"), so cross-
// attention can take keys of another width. keyMask: [B, Lk] bool, true = attend (undefined = all keys).
// rotary: applied to q and k when given (self-attention over frames only).
class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(int64_t width, int64_t heads, int64_t keyWidth);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& keys, const torch::Tensor& keyMask = {},
                          const RotaryTables* rotary = nullptr);
    int64_t heads;
    torch::nn::Linear q{nullptr}, k{nullptr}, v{nullptr}, out{nullptr};
};
TORCH_MODULE(Attention);

// Two-layer GELU (tanh approximation) MLP, names "fc1", "fc2".
class FeedForwardImpl : public torch::nn::Module {
public:
    FeedForwardImpl(int64_t width, int64_t hidden);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(FeedForward);

// Total number of scalars in a module's parameters.
int64_t parameterCount(const torch::nn::Module& module);

}  // namespace s2a::model
