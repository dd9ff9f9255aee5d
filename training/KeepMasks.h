#pragma once
// Qt-free (s2a_training). The keep-masks the DiT stages (3 and 4) train with, drawn per item in the proportions a
// user's actions need, so that generation, repaint, extend and stem-wise inpainting are all seen in training.
// 1 = keep the context, 0 = generate (inference/model/LatentInpainting.h makes the masks).
#include "inference/model/StructureDit.h"

#include <torch/types.h>

#include <random>
#include <vector>

namespace s2a::training {

// [n] over frames: whole-song generation (all zeros, 30 %), repainting one section with or without a seam ramp
// (30 %), a random span (25 %), or extending the end (15 %). Short crops (n < 8) always generate.
torch::Tensor drawFrameKeepMask(int64_t n, const std::vector<model::SectionSpan>& spans, std::mt19937_64& rng);

// Known stems, as accompaniment and "add / replace one stem" need: with probability `stemShare`, for a model of
// several stem groups, a random non-empty proper subset of the groups is kept on every frame and the others
// follow `frameKeep` ([groups, n]); otherwise every group follows it ([1, n]).
torch::Tensor drawStemKeepMask(const torch::Tensor& frameKeep, int groups, double stemShare, std::mt19937_64& rng);

}  // namespace s2a::training
