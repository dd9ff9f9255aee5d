#pragma once

// Qt-free: part of the model library (s2a_model) that builds with LibTorch alone.
//
// The structure-guided DiT as the sampler's VelocityFn for one item (batch 1): the engine, the evaluation and
// the benchmark sample through this one adapter. With `batched`, the first call the sampler makes for an
// (x, t) evaluates every guidance branch it will ask for (FlowSampler::guidanceBranches) in one forward of
// batch 2 or 3, and the other calls are answered from that result: on two CPU cores a small DiT runs about
// 2.5x faster that way (bench/bench_model), because three batch-1 forwards are mostly per-op overhead.
// Sequential mode (one forward per call) is kept for comparison and for memory-bound GPUs. Outside the sampler's
// guidance interval the sampler asks for v(c, c_s) alone, and the adapter answers with one forward of batch 1.
#include "inference/model/FlowSampler.h"
#include "inference/model/StructureDit.h"

#include <functional>
#include <vector>

#include <torch/types.h>

namespace s2a::model {

// How the adapter reaches the DiT: prepare once per conditioning (StructureDit::prepare), then one forward per
// step. The engine wraps its autocast scope around both; ditCalls() calls the module directly.
struct DitCalls {
    std::function<DitPrepared(const torch::Tensor& context, const torch::Tensor& keepMask, const DitConditioning& cond)>
        prepare;
    std::function<torch::Tensor(const torch::Tensor& xt, const torch::Tensor& t, const DitPrepared& prepared)> forward;
};
DitCalls ditCalls(StructureDit dit);

// `one` (batch 1) repeated once per branch, with that branch's caption flags.
DitConditioning conditioningForBranches(const DitConditioning& one, const std::vector<GuidanceBranch>& branches);

class GuidedDitVelocity {
public:
    // The conditioning is prepared here, once for the whole run (in batched mode), or once per branch when first
    // asked for (in sequential mode).
    GuidedDitVelocity(DitCalls dit, DitConditioning cond, torch::Tensor context, torch::Tensor keepMask,
                      double guidance, double sectionGuidance, bool batched = true, GuidanceInterval interval = {});

    // The VelocityFn: velocity of branch (useGlobal, useSections) at (x, t).
    torch::Tensor operator()(const torch::Tensor& x, const torch::Tensor& t, bool useGlobal, bool useSections);

    int forwards() const { return m_forwards; }  // DiT forwards run so far

private:
    // One branch's conditioning (batch 1), prepared when first asked for.
    const DitPrepared& preparedBranch(bool useGlobal, bool useSections);

    DitCalls m_dit;
    DitConditioning m_cond;
    torch::Tensor m_context, m_keep;
    std::vector<GuidanceBranch> m_branches;
    bool m_batched;
    GuidanceInterval m_interval;
    DitPrepared m_batchedPrepared;      // every branch, batched (batched mode)
    DitPrepared m_branchPrepared[2][2];  // [useGlobal][useSections] (sequential mode)
    int m_forwards = 0;
    // The batched result of the current (x, t) and which of its branches are still to be handed out: once
    // every branch was served the cache is dropped, so a later x that happens to reuse the same memory at the
    // same t (Heun's corrector, then the next predictor) cannot read a stale answer.
    torch::Tensor m_cache;
    const void* m_cacheX = nullptr;
    double m_cacheT = -1.0;
    std::vector<bool> m_served;
};

}  // namespace s2a::model
