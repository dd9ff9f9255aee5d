#include "inference/InferenceRuntime.h"

#include "inference/model/TorchDevice.h"

namespace s2a::inference {

RuntimeInfo probeRuntime(const QString& preferredDevice, int cpuThreads)
{
    model::setCpuThreads(cpuThreads);
    const torch::Device device = model::selectDevice(preferredDevice.toStdString());
    RuntimeInfo info;
    info.description = QString::fromStdString(model::describeRuntime(device));
    info.cuda = device.is_cuda();
    return info;
}

bool cudaAvailable()
{
    return model::selectDevice("cuda").is_cuda();
}

}  // namespace s2a::inference
