#include "inference/model/LatentInpainting.h"

#include <torch/torch.h>

#include <algorithm>
#include <string>

namespace s2a::model {

namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

void requireHop(int64_t hop)
{
    if (hop < 1)
        throw LatentSpanError("latent hop must be at least 1 sample, got " + std::to_string(hop));
}

// Ramp k = 0..n-1 away from a seam: (n - k) / (n + 1), so the frame next to the kept audio leans most on it
// and the ramp never reaches 0 or 1 (those are the plain generate / keep values around it).
float rampValue(int64_t k, int64_t n) { return float(n - k) / float(n + 1); }

}  // namespace

int64_t framesForSamples(int64_t samples, int64_t hop)
{
    requireHop(hop);
    if (samples < 0)
        throw LatentSpanError("negative sample count");
    return ceilDiv(samples, hop);
}

FrameSpan frameSpanForSamples(int64_t startSample, int64_t endSample, int64_t hop, int64_t totalFrames)
{
    requireHop(hop);
    if (startSample < 0 || endSample < startSample)
        throw LatentSpanError("invalid sample section [" + std::to_string(startSample) + ", "
                              + std::to_string(endSample) + ")");
    // Both non-negative, so integer division is floor and ceilDiv is ceil.
    FrameSpan span{startSample / hop, ceilDiv(endSample, hop)};
    span.first = std::min(span.first, totalFrames);
    span.end = std::min(span.end, totalFrames);
    return span;
}

SampleSpan sampleSpanForFrames(const FrameSpan& frames, int64_t hop, int64_t totalSamples)
{
    requireHop(hop);
    if (frames.first < 0 || frames.end < frames.first)
        throw LatentSpanError("invalid frame span");
    return SampleSpan{std::min(frames.first * hop, totalSamples), std::min(frames.end * hop, totalSamples)};
}

torch::Tensor repaintMask(int64_t frames, int64_t firstFrame, int64_t endFrame, int64_t crossfadeFrames)
{
    if (frames < 0 || firstFrame < 0 || endFrame < firstFrame || endFrame > frames)
        throw LatentSpanError("repaint span [" + std::to_string(firstFrame) + ", " + std::to_string(endFrame)
                              + ") outside a latent of " + std::to_string(frames) + " frames");
    if (crossfadeFrames < 0)
        throw LatentSpanError("negative cross-fade");
    std::vector<float> mask(size_t(frames), 1.0f);
    std::fill(mask.begin() + firstFrame, mask.begin() + endFrame, 0.0f);

    const bool leftSeam = firstFrame > 0;
    const bool rightSeam = endFrame < frames;
    const int64_t count = endFrame - firstFrame;
    // Two ramps share the section; one ramp (a seam on one side only) may use all of it.
    const int64_t room = (leftSeam && rightSeam) ? count / 2 : count;
    const int64_t n = std::min(crossfadeFrames, room);
    for (int64_t k = 0; k < n; ++k) {
        if (leftSeam)
            mask[size_t(firstFrame + k)] = rampValue(k, n);
        if (rightSeam)
            mask[size_t(endFrame - 1 - k)] = rampValue(k, n);
    }
    return torch::tensor(mask, torch::TensorOptions().dtype(torch::kFloat32));
}

torch::Tensor extendMask(int64_t frames, int64_t keepFrames, int64_t crossfadeFrames)
{
    if (keepFrames < 0 || keepFrames > frames)
        throw LatentSpanError("extend keeps " + std::to_string(keepFrames) + " of " + std::to_string(frames)
                              + " frames");
    return repaintMask(frames, keepFrames, frames, crossfadeFrames);
}

torch::Tensor stemGroupKeepMask(const torch::Tensor& frameKeep, const std::vector<bool>& keptGroups)
{
    if (frameKeep.dim() != 1)
        throw LatentSpanError("the frame keep-mask must be [frames], got " + std::to_string(frameKeep.dim()) + " dimensions");
    if (keptGroups.empty())
        throw LatentSpanError("a stem-group keep-mask needs at least one group");
    std::vector<torch::Tensor> rows;
    for (bool kept : keptGroups)
        rows.push_back(kept ? torch::ones_like(frameKeep, torch::kFloat32) : frameKeep.to(torch::kFloat32));
    return torch::stack(rows);
}

torch::Tensor channelKeepMask(const torch::Tensor& groupKeep, int64_t channelsPerGroup)
{
    if (groupKeep.dim() != 3 || channelsPerGroup < 1)
        throw LatentSpanError("a group keep-mask must be [B, G, N] with at least one channel per group");
    if (groupKeep.size(1) == 1)
        return groupKeep;
    return groupKeep.repeat_interleave(channelsPerGroup, 1);
}

LatentWindowPlan planLatentWindows(int64_t frames, int64_t windowFrames, int64_t overlapFrames)
{
    if (frames < 1 || windowFrames < 1)
        throw LatentSpanError("window plan needs at least one frame and a window of at least one frame");
    if (overlapFrames < 0 || 2 * overlapFrames > windowFrames)
        throw LatentSpanError("window overlap " + std::to_string(overlapFrames) + " must be in [0, window/2] for "
                              "a window of " + std::to_string(windowFrames) + " frames");
    LatentWindowPlan plan;
    plan.frames = frames;
    plan.overlap = frames > windowFrames ? overlapFrames : 0;
    int64_t start = 0;
    while (true) {
        const int64_t length = std::min(windowFrames, frames - start);
        plan.windows.push_back(LatentWindow{start, length, {}});
        if (start + length >= frames)
            break;
        // The next window starts `overlap` frames before this one ends; since this one ended before the
        // song's end, the next (possibly shortened) window is longer than the overlap.
        start = start + length - plan.overlap;
    }

    const int64_t o = plan.overlap;
    for (size_t i = 0; i < plan.windows.size(); ++i) {
        LatentWindow& window = plan.windows[i];
        std::vector<float> w(size_t(window.length), 1.0f);
        for (int64_t j = 0; j < o; ++j) {
            const float up = float(j + 1) / float(o + 1);
            if (i > 0)
                w[size_t(j)] = up;
            if (i + 1 < plan.windows.size())
                w[size_t(window.length - o + j)] = 1.0f - up;
        }
        window.weight = torch::tensor(w, torch::TensorOptions().dtype(torch::kFloat32));
    }
    return plan;
}

torch::Tensor stitchLatentWindows(const LatentWindowPlan& plan, const std::vector<torch::Tensor>& outputs)
{
    if (outputs.size() != plan.windows.size() || outputs.empty())
        throw LatentSpanError("stitching needs one output per window: " + std::to_string(outputs.size()) + " for "
                              + std::to_string(plan.windows.size()) + " windows");
    const torch::Tensor& first = outputs.front();
    for (size_t i = 0; i < outputs.size(); ++i) {
        const torch::Tensor& out = outputs[i];
        if (!out.defined() || out.dim() < 1 || out.size(-1) != plan.windows[i].length
            || out.sizes().slice(0, size_t(out.dim()) - 1) != first.sizes().slice(0, size_t(first.dim()) - 1))
            throw LatentSpanError("window " + std::to_string(i) + " output does not match its window");
    }
    std::vector<int64_t> shape = first.sizes().vec();
    shape.back() = plan.frames;
    torch::Tensor result = torch::empty(shape, first.options());
    const int64_t o = plan.overlap;
    for (size_t i = 0; i < outputs.size(); ++i) {
        const LatentWindow& window = plan.windows[i];
        const torch::Tensor out = outputs[i].to(first.options());
        // Window i's rising ramp is its weight over the overlap; the previous window's falling ramp is 1 minus
        // it, so lerp(previous, this, rising) is exactly the weighted sum of the two.
        const int64_t shared = i == 0 ? 0 : o;
        if (shared > 0) {
            torch::Tensor region = result.narrow(-1, window.start, shared);
            const torch::Tensor rising = window.weight.narrow(0, 0, shared).to(first.options());
            region.copy_(torch::lerp(region, out.narrow(-1, 0, shared), rising));
        }
        result.narrow(-1, window.start + shared, window.length - shared)
            .copy_(out.narrow(-1, shared, window.length - shared));
    }
    return result;
}

}  // namespace s2a::model
