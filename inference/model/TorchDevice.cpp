#include "inference/model/TorchDevice.h"

#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <sstream>

namespace s2a::model {

torch::Device selectDevice(const std::string& preferred)
{
    if (preferred != "cpu" && torch::cuda::is_available())
        return torch::Device(torch::kCUDA, 0);
    return torch::Device(torch::kCPU);
}

void setCpuThreads(int threads)
{
    if (threads > 0)
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
