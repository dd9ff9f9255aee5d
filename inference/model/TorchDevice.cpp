#include "inference/model/TorchDevice.h"

#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <algorithm>
#include <sstream>
#include <thread>

namespace s2a::model {

torch::Device selectDevice(const std::string& preferred)
{
    if (preferred != "cpu" && torch::cuda::is_available())
        return torch::Device(torch::kCUDA, 0);
    return torch::Device(torch::kCPU);
}

void setCpuThreads(int threads)
{
    // Debian's LibTorch starts with one intra-op thread on this kind of machine, so "default" means one per
    // core here rather than whatever LibTorch chose.
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
}

std::string describeRuntime(const torch::Device& device)
{
    std::ostringstream out;
    out << "LibTorch " << TORCH_VERSION << ", ";
    if (device.is_cuda())
        out << "CUDA device " << int(device.index()) << " of " << torch::cuda::device_count();
    else
        {
        const int threads = torch::get_num_threads();
        out << "CPU (" << threads << (threads == 1 ? " thread)" : " threads)");
    }
    return out.str();
}

}  // namespace s2a::model
