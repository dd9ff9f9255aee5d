#pragma once

// Qt-free. Mixed precision by LibTorch's autocast: matrix products in a lower precision (bf16), reductions and
// norms in fp32, the weights and their gradients in fp32. One scope type for the trainer's forward pass and
// for the DiT's activation checkpointing, which must recompute a block under the settings it first ran with.
#include <ATen/autocast_mode.h>
#include <c10/core/Device.h>

namespace s2a::model {

// Autocast's thread-local settings for the CPU and CUDA back ends.
struct AutocastState {
    bool cpu = at::autocast::is_cpu_enabled();
    bool gpu = at::autocast::is_enabled();
    at::ScalarType cpuType = at::autocast::get_autocast_cpu_dtype();
    at::ScalarType gpuType = at::autocast::get_autocast_gpu_dtype();

    // bf16 autocast on `device`'s back end (CUDA, else the CPU), the other back end as it is now.
    static AutocastState bf16On(const c10::Device& device)
    {
        AutocastState s;
        if (device.is_cuda()) {
            s.gpu = true;
            s.gpuType = at::kBFloat16;
        } else {
            s.cpu = true;
            s.cpuType = at::kBFloat16;
        }
        return s;
    }
};

// Enters `wanted` for its lifetime, then restores what was before (and drops autocast's cache of cast weights
// when the outermost scope ends, as torch.autocast does).
class AutocastScope {
public:
    explicit AutocastScope(const AutocastState& wanted)
    {
        apply(wanted);
        at::autocast::increment_nesting();
    }
    ~AutocastScope()
    {
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        apply(m_before);
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    static void apply(const AutocastState& s)
    {
        at::autocast::set_cpu_enabled(s.cpu);
        at::autocast::set_enabled(s.gpu);
        at::autocast::set_autocast_cpu_dtype(s.cpuType);
        at::autocast::set_autocast_gpu_dtype(s.gpuType);
    }
    AutocastState m_before;
};

}  // namespace s2a::model
