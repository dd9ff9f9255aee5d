#include "training/KeepMasks.h"

#include "inference/model/LatentInpainting.h"

#include <torch/torch.h>

#include <algorithm>

namespace s2a::training {

torch::Tensor drawFrameKeepMask(int64_t n, const std::vector<model::SectionSpan>& spans, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const double kind = u(rng);
    if (kind < 0.3 || n < 8)
        return torch::zeros({n});
    if (kind < 0.6 && spans.size() > 1) {  // one section, as the editor repaints
        const auto& s = spans[std::uniform_int_distribution<size_t>(0, spans.size() - 1)(rng)];
        const int64_t first = std::clamp<int64_t>(s.startFrame, 0, n), end = std::clamp<int64_t>(s.endFrame, 0, n);
        if (end - first >= 2 && end - first < n)
            return model::repaintMask(n, first, end, std::uniform_int_distribution<int>(0, 1)(rng));
    }
    if (kind < 0.85) {  // a random span
        const int64_t length = std::uniform_int_distribution<int64_t>(n / 8, n / 2)(rng);
        const int64_t first = std::uniform_int_distribution<int64_t>(0, n - length)(rng);
        return model::repaintMask(n, first, first + length, 0);
    }
    const int64_t keepFrames = std::uniform_int_distribution<int64_t>(n / 4, 3 * n / 4)(rng);  // extend
    return model::extendMask(n, keepFrames, 0);
}

torch::Tensor drawStemKeepMask(const torch::Tensor& frameKeep, int groups, double stemShare, std::mt19937_64& rng)
{
    if (groups < 2 || std::uniform_real_distribution<double>(0.0, 1.0)(rng) >= stemShare)
        return frameKeep.view({1, -1});
    // Each group kept with probability 1/2, redrawn until some are kept and some are not.
    std::vector<bool> kept(static_cast<size_t>(groups));
    for (;;) {
        int count = 0;
        for (size_t g = 0; g < kept.size(); ++g)
            count += (kept[g] = std::uniform_int_distribution<int>(0, 1)(rng) == 1);
        if (count > 0 && count < groups)
            break;
    }
    return model::stemGroupKeepMask(frameKeep, kept);
}

}  // namespace s2a::training
