#pragma once

// Qt-free: part of the model library (s2a_model) that builds with LibTorch alone.
//
// Rectified-flow (flow-matching) sampler for the diffusion engine. It knows nothing about the network: the
// DiT is handed in as a VelocityFn, so the sampler can be tested with toy fields whose answer is exact and
// the network can change without touching it.
//
// Convention (the training code must use the same one):
//   x_t = (1 - t) * noise + t * data,   t in [0, 1], t = 0 is pure noise, t = 1 is data,
//   v(x_t, t) = dx_t/dt = data - noise  (what the network is trained to predict),
//   sampling integrates dx/dt = v from t = 0 to t = 1.
// Time steps: uniform in u = i/N, then optionally warped by `shift` applied to the noise level
// sigma = 1 - t (the SD3 / ACE-Step form) sigma' = shift*sigma / (1 + (shift-1)*sigma). shift = 1 is uniform;
// shift > 1 spends more steps at high noise, where the coarse structure is decided.
#include "inference/model/GuidanceDefaults.h"

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace s2a::model {

// Invalid options or inputs (steps < 1, mask shape that does not broadcast, a velocity of the wrong shape).
struct SamplerError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// The network. x is [B, C, F] on the sampler's device and dtype, t is [B] (same device and dtype), the two
// flags say whether the global caption and the section captions are given (false = the "empty" condition
// the network was trained with by caption dropout). Must return a tensor shaped like x.
using VelocityFn = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& t /*[B]*/,
                                               bool useGlobalCaption, bool useSectionCaptions)>;

// Progress and cancel. Called with (0, steps) before the first network call and with (k, steps) after step
// k (1-based) is complete; return false to cancel. So a cancel raised while step k runs is seen when step k
// ends: the sampler never starts step k + 1.
using StepCallback = std::function<bool(int step, int steps)>;

enum class SamplerMethod {
    Euler,  // one velocity evaluation (per guidance branch) per step, first order
    Heun,   // predictor-corrector, two evaluations per step, second order
};

struct SamplerOptions {
    int steps = 32;
    SamplerMethod method = SamplerMethod::Euler;
    // Classifier-free guidance, two scales (c = global caption, c_s = section captions):
    //   v = v(0,0) + guidance*(v(c,0) - v(0,0)) + sectionGuidance*(v(c,c_s) - v(c,0))
    // evaluated as (1-g)*v(0,0) + (g-s)*v(c,0) + s*v(c,c_s), skipping every branch whose weight is exactly 0.
    // guidance = sectionGuidance = 1 is the conditional path v(c,c_s) itself: one call, returned untouched.
    double guidance = 1.0;
    double sectionGuidance = 1.0;
    // Guidance rescale (Lin et al. 2024, "Common diffusion noise schedules and sample steps are flawed"):
    // the guided velocity's spread, per item, is pulled back towards that of the fully conditioned branch
    // v(c,c_s) by this fraction (0 = plain CFG, 1 = all the way). High guidance otherwise extrapolates the
    // latent's level too: the tiny model's drum stem came out ~12 dB louder at guidance 4 than at 1.
    double guidanceRescale = 0.0;
    GuidanceInterval guidanceInterval;  // GuidanceDefaults.h; must satisfy 0 <= from <= to <= 1
    double shift = 1.0;  // time-step warp, see the file comment; must be > 0
    uint64_t seed = 0;
    StepCallback onStep;  // may be empty
};

// Repaint / extend: frames where keepMask is 1 are held on the context's own flow path, frames where it is 0
// are generated, values in between blend the two (soft seams). `latent` is [B, C, F]; `keepMask` is [F],
// [B, 1, F] or [B, C, F] (anything that broadcasts to the latent). Build masks with LatentInpainting.h.
// One classifier-free guidance branch: which captions the network sees, and the branch's weight in the sum.
struct GuidanceBranch {
    bool global = true;
    bool sections = true;
    double weight = 1.0;
};

struct InpaintingContext {
    torch::Tensor latent;
    torch::Tensor keepMask;
};

struct SampleResult {
    torch::Tensor latent;    // [B, C, F]; when cancelled, the partially integrated state (not a usable sample)
    bool cancelled = false;
    int stepsDone = 0;       // completed steps
    int velocityCalls = 0;   // network evaluations, guidance branches counted one by one
};

class FlowSampler {
public:
    explicit FlowSampler(SamplerOptions options = {});

    const SamplerOptions& options() const { return m_options; }

    // Generate from scratch: a sample of `shape` ([B, C, F]) with the dtype and device in `tensorOptions`.
    SampleResult sample(const VelocityFn& velocity, at::IntArrayRef shape,
                        const torch::TensorOptions& tensorOptions) const;

    // Repaint / extend / from scratch (all-zero mask): shape, dtype and device follow context.latent. At every
    // step the kept frames are set to (1 - t)*noise + t*context with the very noise draw the sample started
    // from, so they follow one straight path and never see a second random draw; at the end frames whose mask
    // is exactly 1 equal the context bit for bit.
    SampleResult inpaint(const VelocityFn& velocity, const InpaintingContext& context) const;

    // The starting noise for (shape, seed): drawn in float32 on the CPU from a CPU generator seeded with
    // `seed`, then cast and moved, so CPU and CUDA runs start from the same numbers.
    static torch::Tensor drawNoise(at::IntArrayRef shape, uint64_t seed, const torch::TensorOptions& tensorOptions);

    // The N + 1 time points t_0 = 0 < ... < t_N = 1 (exact endpoints) for `steps` and `shift`.
    static std::vector<double> timeGrid(int steps, double shift = 1.0);

    // The branches guidedVelocity() evaluates for the two scales, in the order it asks for them: (0, 0),
    // (c, 0), (c, c_s), leaving out those of weight 0.
    static std::vector<GuidanceBranch> guidanceBranches(double guidance, double sectionGuidance);

    // One guided velocity evaluation per the formula in SamplerOptions; adds the number of network calls made
    // to *calls when given.

    static torch::Tensor guidedVelocity(const VelocityFn& velocity, const torch::Tensor& x, const torch::Tensor& t,
                                        double guidance, double sectionGuidance, int* calls = nullptr,
                                        double guidanceRescale = 0.0);

private:
    SampleResult run(const VelocityFn& velocity, const torch::Tensor& noise, const InpaintingContext* context) const;

    SamplerOptions m_options;
};

}  // namespace s2a::model
