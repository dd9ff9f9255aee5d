#include "inference/model/GuidedDitVelocity.h"

#include <algorithm>

namespace s2a::model {

DitConditioning conditioningForBranches(const DitConditioning& one, const std::vector<GuidanceBranch>& branches)
{
    const auto n = int64_t(branches.size());
    DitConditioning c;
    c.globalCaption.tokens = one.globalCaption.tokens.expand({n, -1, -1});
    c.globalCaption.mask = one.globalCaption.mask.expand({n, -1});
    c.globalCaption.pooled = one.globalCaption.pooled.expand({n, -1});
    c.sectionCaptions = one.sectionCaptions.expand({n, -1, -1});
    c.structure = {one.structure.labels.expand({n, -1}), one.structure.position.expand({n, -1}),
                   one.structure.sectionIndex.expand({n, -1}),
                   one.structure.beatPhase.defined() ? one.structure.beatPhase.expand({n, -1, -1}) : torch::Tensor()};
    if (one.key.defined())
        c.key = one.key.expand({n, -1});
    auto global = torch::empty({n}, torch::kBool), sections = torch::empty({n}, torch::kBool);
    for (int64_t i = 0; i < n; ++i) {
        global[i] = branches[size_t(i)].global;
        sections[i] = branches[size_t(i)].sections;
    }
    const auto device = one.globalCaption.tokens.device();
    c.useGlobalCaption = global.to(device);
    c.useSectionCaptions = sections.to(device);
    return c;
}

DitCalls ditCalls(StructureDit dit)
{
    return {[dit](const torch::Tensor& context, const torch::Tensor& keep, const DitConditioning& cond) mutable {
                return dit->prepare(context, keep, cond);
            },
            [dit](const torch::Tensor& x, const torch::Tensor& t, const DitPrepared& prepared) mutable {
                return dit->forward(x, t, prepared);
            }};
}

GuidedDitVelocity::GuidedDitVelocity(DitCalls dit, DitConditioning cond, torch::Tensor context, torch::Tensor keepMask,
                                     double guidance, double sectionGuidance, bool batched, GuidanceInterval interval)
    : m_dit(std::move(dit)), m_cond(std::move(cond)), m_context(std::move(context)), m_keep(std::move(keepMask)),
      m_branches(FlowSampler::guidanceBranches(guidance, sectionGuidance)), m_batched(batched && m_branches.size() > 1),
      m_interval(interval)
{
    if (m_batched) {
        const auto n = int64_t(m_branches.size());
        m_batchedPrepared = m_dit.prepare(m_context.expand({n, -1, -1}), m_keep.expand({n, -1, -1}),
                                          conditioningForBranches(m_cond, m_branches));
    }
}

const DitPrepared& GuidedDitVelocity::preparedBranch(bool useGlobal, bool useSections)
{
    DitPrepared& prepared = m_branchPrepared[useGlobal][useSections];
    if (!prepared.frames.defined()) {
        DitConditioning c = m_cond;
        const auto flags = torch::TensorOptions().dtype(torch::kBool).device(m_context.device());
        c.useGlobalCaption = torch::full({1}, useGlobal, flags);
        c.useSectionCaptions = torch::full({1}, useSections, flags);
        prepared = m_dit.prepare(m_context, m_keep, c);
    }
    return prepared;
}

torch::Tensor GuidedDitVelocity::operator()(const torch::Tensor& x, const torch::Tensor& t, bool useGlobal, bool useSections)
{
    TORCH_CHECK(x.size(0) == 1, "GuidedDitVelocity: samples one item (batch 1), got x ", x.sizes());
    const auto branch = std::find_if(m_branches.begin(), m_branches.end(), [&](const GuidanceBranch& b) {
        return b.global == useGlobal && b.sections == useSections;
    });
    const double tv = t.reshape({-1})[0].item<double>();
    // An unguided evaluation (outside the interval) asks for one branch only: no batch to share.
    if (!m_batched || branch == m_branches.end() || !m_interval.contains(tv)) {
        ++m_forwards;
        return m_dit.forward(x, t, preparedBranch(useGlobal, useSections));
    }
    const auto index = size_t(branch - m_branches.begin());
    if (!m_cache.defined() || m_cacheX != x.data_ptr() || m_cacheT != tv || m_served[index]) {
        const auto n = int64_t(m_branches.size());
        ++m_forwards;
        m_cache = m_dit.forward(x.expand({n, -1, -1}), t.reshape({-1}).expand({n}), m_batchedPrepared);
        m_cacheX = x.data_ptr();
        m_cacheT = tv;
        m_served.assign(m_branches.size(), false);
    }
    m_served[index] = true;
    torch::Tensor out = m_cache.narrow(0, int64_t(index), 1);
    if (std::all_of(m_served.begin(), m_served.end(), [](bool s) { return s; }))
        m_cache = torch::Tensor();
    return out;
}

}  // namespace s2a::model
