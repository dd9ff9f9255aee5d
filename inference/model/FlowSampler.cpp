#include "inference/model/FlowSampler.h"
#include "inference/model/GuidanceIntervalText.h"

#include "inference/model/ShapeText.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cmath>
#include <sstream>

namespace s2a::model {

namespace {

// The network's answer must be shaped like its input; a silent broadcast would integrate nonsense.
torch::Tensor checkedVelocity(const VelocityFn& velocity, const torch::Tensor& x, const torch::Tensor& t,
                              bool global, bool sections)
{
    torch::Tensor v = velocity(x, t, global, sections);
    if (!v.defined() || v.sizes() != x.sizes())
        throw SamplerError("velocity model returned shape " + (v.defined() ? shapeText(v.sizes()) : "none")
                           + " for input " + shapeText(x.sizes()));
    if (v.scalar_type() != x.scalar_type() || v.device() != x.device())
        v = v.to(x.options());
    return v;
}

// Kept frames sit on the context's own straight path at time t. The mask blend (not a `where`) lets soft
// seam values pull partially towards the context.
torch::Tensor clampToContext(const torch::Tensor& x, const torch::Tensor& noise, const torch::Tensor& context,
                             const torch::Tensor& keep, double t)
{
    const torch::Tensor onPath = noise * (1.0 - t) + context * t;
    return keep * onPath + (1.0 - keep) * x;
}

}  // namespace

FlowSampler::FlowSampler(SamplerOptions options)
    : m_options(std::move(options))
{
    if (m_options.steps < 1)
        throw SamplerError("sampler steps must be at least 1, got " + std::to_string(m_options.steps));
    if (!(m_options.shift > 0.0) || !std::isfinite(m_options.shift))
        throw SamplerError("sampler shift must be a positive number");
    if (!std::isfinite(m_options.guidance) || !std::isfinite(m_options.sectionGuidance))
        throw SamplerError("guidance scales must be finite");
    if (!isValidGuidanceInterval(m_options.guidanceInterval))
        throw SamplerError("the guidance interval must lie within [0, 1] with from <= to");
}

std::vector<double> FlowSampler::timeGrid(int steps, double shift)
{
    if (steps < 1)
        throw SamplerError("sampler steps must be at least 1");
    std::vector<double> grid(size_t(steps) + 1);
    for (int i = 0; i <= steps; ++i) {
        const double sigma = 1.0 - double(i) / double(steps);
        const double warped = shift * sigma / (1.0 + (shift - 1.0) * sigma);
        grid[size_t(i)] = 1.0 - warped;
    }
    // Exact endpoints whatever the warp's rounding: the sample must start at pure noise and end at t = 1.
    grid.front() = 0.0;
    grid.back() = 1.0;
    return grid;
}

torch::Tensor FlowSampler::drawNoise(at::IntArrayRef shape, uint64_t seed, const torch::TensorOptions& tensorOptions)
{
    // A private generator (never the global one) so concurrent jobs and other torch users cannot shift the
    // draw, and CPU float32 so the numbers do not depend on the device's RNG or the target dtype.
    at::Generator generator = at::detail::createCPUGenerator(seed);
    torch::Tensor noise = at::randn(shape, generator, torch::TensorOptions().dtype(torch::kFloat32));
    return noise.to(tensorOptions.device(), tensorOptions.dtype().toScalarType());
}

std::vector<GuidanceBranch> FlowSampler::guidanceBranches(double guidance, double sectionGuidance)
{
    // Weights of the three branches after expanding the formula; a branch with weight exactly 0 is never
    // evaluated (g = s = 1 leaves only the conditional one, g = 1 drops the unconditional one, s = 0 drops
    // the section-conditioned one).
    const double wFull = sectionGuidance;              // v(c, c_s)
    const double wGlobal = guidance - sectionGuidance;  // v(c, 0)
    const double wNone = 1.0 - guidance;                // v(0, 0)
    std::vector<GuidanceBranch> branches;
    for (const GuidanceBranch& b : {GuidanceBranch{false, false, wNone}, GuidanceBranch{true, false, wGlobal},
                                    GuidanceBranch{true, true, wFull}})
        if (b.weight != 0.0)
            branches.push_back(b);
    return branches;
}

torch::Tensor FlowSampler::guidedVelocity(const VelocityFn& velocity, const torch::Tensor& x, const torch::Tensor& t,
                                          double guidance, double sectionGuidance, int* calls, double guidanceRescale)
{
    const std::vector<GuidanceBranch> branches = guidanceBranches(guidance, sectionGuidance);
    if (branches.size() == 1 && branches[0].weight == 1.0) {
        if (calls)
            ++*calls;
        return checkedVelocity(velocity, x, t, branches[0].global, branches[0].sections);
    }
    torch::Tensor sum, conditional;
    for (const GuidanceBranch& b : branches) {
        if (calls)
            ++*calls;
        const torch::Tensor v = checkedVelocity(velocity, x, t, b.global, b.sections);
        if (b.global && b.sections)
            conditional = v;
        const torch::Tensor term = v * b.weight;
        sum = sum.defined() ? sum + term : term;
    }
    // All three weights zero cannot happen (they sum to 1), but keep the result defined regardless.
    if (!sum.defined())
        return torch::zeros_like(x);
    if (guidanceRescale > 0.0 && conditional.defined() && branches.size() > 1) {
        const std::vector<int64_t> dims{1, 2};
        const auto spread = [&](const torch::Tensor& v) { return v.std(dims, /*unbiased=*/false, /*keepdim=*/true); };
        const torch::Tensor rescaled = sum * (spread(conditional) / spread(sum).clamp_min(1e-8));
        sum = guidanceRescale * rescaled + (1.0 - guidanceRescale) * sum;
    }
    return sum;
}

SampleResult FlowSampler::sample(const VelocityFn& velocity, at::IntArrayRef shape,
                                 const torch::TensorOptions& tensorOptions) const
{
    if (shape.size() != 3)
        throw SamplerError("sample shape must be [B, C, F], got " + shapeText(shape));
    return run(velocity, drawNoise(shape, m_options.seed, tensorOptions), nullptr);
}

SampleResult FlowSampler::inpaint(const VelocityFn& velocity, const InpaintingContext& context) const
{
    if (!context.latent.defined() || context.latent.dim() != 3)
        throw SamplerError("inpainting context must be a [B, C, F] latent");
    if (!context.keepMask.defined())
        throw SamplerError("inpainting needs a keep-mask");
    const torch::Tensor& latent = context.latent;
    torch::Tensor keep = context.keepMask.to(latent.options());
    const int64_t frames = latent.size(2);
    if (keep.dim() == 1 && keep.size(0) == frames)
        keep = keep.view({1, 1, frames});
    if (keep.dim() != 3 || keep.size(2) != frames || (keep.size(0) != 1 && keep.size(0) != latent.size(0))
        || (keep.size(1) != 1 && keep.size(1) != latent.size(1)))
        throw SamplerError("keep-mask of shape " + shapeText(context.keepMask.sizes())
                           + " does not match latent " + shapeText(latent.sizes()));
    InpaintingContext prepared{latent, keep};
    return run(velocity, drawNoise(latent.sizes(), m_options.seed, latent.options()), &prepared);
}

SampleResult FlowSampler::run(const VelocityFn& velocity, const torch::Tensor& noise,
                              const InpaintingContext* context) const
{
    if (!velocity)
        throw SamplerError("no velocity model given");
    torch::NoGradGuard noGrad;  // inference: no autograd graph across 32 network calls
    const int steps = m_options.steps;
    const std::vector<double> grid = timeGrid(steps, m_options.shift);
    const int64_t batch = noise.size(0);

    SampleResult result;
    // At t = 0 the context's path is the noise itself, so the start needs no clamping.
    torch::Tensor x = noise;
    const auto report = [&](int step) { return !m_options.onStep || m_options.onStep(step, steps); };
    const auto timeTensor = [&](double t) { return torch::full({batch}, t, x.options()); };
    const auto clamp = [&](const torch::Tensor& state, double t) {
        return context ? clampToContext(state, noise, context->latent, context->keepMask, t) : state;
    };
    const auto guided = [&](const torch::Tensor& state, double t) {
        if (!m_options.guidanceInterval.contains(t))
            return guidedVelocity(velocity, state, timeTensor(t), 1.0, 1.0, &result.velocityCalls);
        return guidedVelocity(velocity, state, timeTensor(t), m_options.guidance, m_options.sectionGuidance,
                              &result.velocityCalls, m_options.guidanceRescale);
    };

    if (!report(0)) {
        result.latent = x;
        result.cancelled = true;
        return result;
    }
    for (int i = 0; i < steps; ++i) {
        const double t0 = grid[size_t(i)];
        const double t1 = grid[size_t(i) + 1];
        const double h = t1 - t0;
        const torch::Tensor v0 = guided(x, t0);
        torch::Tensor next = x + v0 * h;
        if (m_options.method == SamplerMethod::Heun) {
            // The corrector must see the predictor with its kept frames on the context path too, or it would
            // evaluate the network on a state the clamped trajectory never visits.
            const torch::Tensor predicted = clamp(next, t1);
            const torch::Tensor v1 = guided(predicted, t1);
            next = x + (v0 + v1) * (0.5 * h);
        }
        x = clamp(next, t1);
        result.stepsDone = i + 1;
        if (!report(i + 1)) {
            result.latent = x;
            result.cancelled = true;
            return result;
        }
    }
    if (context) {
        // Bit-exact context where the mask is exactly 1: the blend at t = 1 is mathematically the context but
        // 0*noise + 1*c can turn -0.0 into +0.0 and soft masks round; `where` copies the context itself.
        x = torch::where(context->keepMask >= 1.0, context->latent, x);
    }
    result.latent = x;
    return result;
}

}  // namespace s2a::model
