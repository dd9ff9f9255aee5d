#pragma once

// Qt-free: part of the model library (s2a_model) that builds with LibTorch alone.
//
// The latent side of regeneration: which latent frames a section of samples touches, keep-masks for repaint
// and extend (1 = keep the context, 0 = generate; the sampler's InpaintingContext takes them), and the plan
// of overlapping windows for songs longer than the model's maximum frame count.
//
// Frame f of a latent with hop H (samples per latent frame, 2048 for the paper's VAE) stands for samples
// [f*H, (f+1)*H). A song of T samples has ceil(T/H) frames: the VAE pads the last, partial frame.
#include <torch/types.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace s2a::model {

// Invalid spans, hops or window sizes.
struct LatentSpanError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// Half-open range of latent frames [first, end).
struct FrameSpan {
    int64_t first = 0;
    int64_t end = 0;
    int64_t count() const { return end - first; }
    bool operator==(const FrameSpan& other) const { return first == other.first && end == other.end; }
};

// Half-open range of samples [start, end).
struct SampleSpan {
    int64_t start = 0;
    int64_t end = 0;
    int64_t count() const { return end - start; }
    bool operator==(const SampleSpan& other) const { return start == other.start && end == other.end; }
};

// Frames of a song of `samples` samples: ceil(samples / hop).
int64_t framesForSamples(int64_t samples, int64_t hop);

// Every frame that touches the sample section [startSample, endSample): floor(start/hop) .. ceil(end/hop)
// (exclusive), clipped to `totalFrames`. Rounding outwards means a section that starts or ends inside a frame
// regenerates that whole frame; the sample-domain splice then keeps the audio outside the section exact.
FrameSpan frameSpanForSamples(int64_t startSample, int64_t endSample, int64_t hop, int64_t totalFrames);

// The samples frames [first, end) decode to, clipped to the song's `totalSamples` (the last frame is partial
// when hop does not divide the length).
SampleSpan sampleSpanForFrames(const FrameSpan& frames, int64_t hop, int64_t totalSamples);

// Keep-mask [frames] (float32, CPU): 1 outside [firstFrame, endFrame), 0 inside (endFrame is exclusive). With
// crossfadeFrames > 0 the mask ramps from 1 to 0 over the first crossfadeFrames frames *inside* the section
// (values k/(n+1), never exactly 0 or 1) and back up over its last ones, so the generated frames next to a
// seam are pulled towards the old audio: the seam cross-fade of the splice happens inside the section as
// well. No ramp at an edge that is the song's start or end (frame 0 / `frames`): there is no context there
// to lean on. The ramps are clipped to half the section each so they never cross.
torch::Tensor repaintMask(int64_t frames, int64_t firstFrame, int64_t endFrame, int64_t crossfadeFrames = 0);

// Keep-mask for extend: keep [0, keepFrames), generate [keepFrames, frames), with the same optional ramp at
// the seam as repaintMask.
torch::Tensor extendMask(int64_t frames, int64_t keepFrames, int64_t crossfadeFrames = 0);

// Stem-wise inpainting (accompaniment, "add a stem", "replace one stem"): the keep-mask per stem group
// [groups, frames] (float32, CPU). A kept group (a known stem: the user's recording, the stems of a section
// that stay) is 1 on every frame; every other group follows `frameKeep` ([frames], e.g. repaintMask), so a
// group can be generated over one section while the kept groups are clamped over the whole window. The DiT
// takes it as [B, G, N] (StructureDit::forward); the sampler and the loss need it per latent channel
// (channelKeepMask).
torch::Tensor stemGroupKeepMask(const torch::Tensor& frameKeep, const std::vector<bool>& keptGroups);

// A keep-mask per group ([B, G, N], or [B, 1, N] for all groups alike) spread to the stacked latent's channels,
// [B, G * channelsPerGroup, N] (each group's channels are contiguous, as DiffusionEngine stacks them); a [B, 1, N]
// mask is returned as it is (it broadcasts over channels).
torch::Tensor channelKeepMask(const torch::Tensor& groupKeep, int64_t channelsPerGroup);

// One window of a long-song plan: frames [start, start + length) of the song.
struct LatentWindow {
    int64_t start = 0;
    int64_t length = 0;
    // [length] float32 CPU stitch weight of this window per frame: 1 where no other window covers the frame,
    // a linear ramp in overlaps; over every frame the weights of the windows covering it sum to 1.
    torch::Tensor weight;
    int64_t end() const { return start + length; }
};

struct LatentWindowPlan {
    int64_t frames = 0;
    int64_t overlap = 0;  // frames shared by consecutive windows
    std::vector<LatentWindow> windows;
};

// Windows of `windowFrames` starting every windowFrames - overlapFrames frames, the last one shortened to end
// at `frames` (it is always longer than the overlap). A song that fits is one window. Consecutive windows
// share exactly overlapFrames frames and no frame is in three windows, which needs 0 <= overlap <= window/2.
// Sequential generation can use the overlap as context: generate window i with its first `overlap` frames
// kept (extendMask) from the stitched result of windows 0..i-1.
LatentWindowPlan planLatentWindows(int64_t frames, int64_t windowFrames, int64_t overlapFrames);

// Stitches window outputs ([..., window.length] each, the frame axis last) into [..., plan.frames] with the
// plan's weights. Overlaps are blended as a + w*(b - a) (torch::lerp), which is the weighted sum
// (1-w)*a + w*b, and exactly a where a == b: stitching windows cut from one tensor gives it back bit for bit.
torch::Tensor stitchLatentWindows(const LatentWindowPlan& plan, const std::vector<torch::Tensor>& outputs);

}  // namespace s2a::model
