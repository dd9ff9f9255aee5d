#include "inference/model/TorchDevice.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
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
    // Denormal floats cost x86 cores a hundred cycles each: the softmax of a peaked attention row (exp() of
    // scores far below the row's maximum) ran 4x slower, and its tiny outputs then slowed the next product. Flush
    // them to zero on the caller and on every intra-op thread (the flag lives per thread); nothing audible or
    // learnable lives below 1e-38.
    at::globalContext().setFlushDenormal(true);
    at::parallel_for(0, threads, 1, [](int64_t, int64_t) { at::globalContext().setFlushDenormal(true); });
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

namespace {

// "model name" and "flags" of the first processor in /proc/cpuinfo (Linux; empty elsewhere).
std::string cpuInfoField(const std::string& key)
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size(), key) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? std::string() : line.substr(line.find_first_not_of(" \t", colon + 1));
        }
    }
    return {};
}

// "2 cores" or "1 core, 2 threads each (SMT)": two SMT siblings share one core's vector units, so a
// 2-thread figure there is far from twice a 1-thread one. From sysfs (Linux); empty when unknown.
std::string coreTopology()
{
    std::set<std::string> cores;
    for (unsigned cpu = 0; cpu < std::max(1u, std::thread::hardware_concurrency()); ++cpu) {
        const std::string base = "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology/";
        std::ifstream package(base + "physical_package_id"), core(base + "core_id");
        std::string p, c;
        if (!(package >> p) || !(core >> c))
            return {};
        cores.insert(p + ":" + c);
    }
    const auto threads = std::max(1u, std::thread::hardware_concurrency());
    std::ostringstream out;
    out << cores.size() << (cores.size() == 1 ? " core" : " cores");
    if (threads > cores.size())
        out << ", " << threads / cores.size() << " threads each (SMT)";
    return out.str();
}

std::string vectorExtensions(const std::string& flags)
{
    std::istringstream words(flags);
    std::set<std::string> have{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
    std::string out;
    for (const char* f : {"sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512_vnni",
                          "avx512_bf16", "amx_tile"})
        if (have.count(f)) out += (out.empty() ? "" : " ") + std::string(f);
    return out.empty() ? "unknown" : out;
}

// OpenBLAS describes itself through functions LibTorch's process already has loaded; another BLAS has none.
std::string blasDescription()
{
    using Text = char* (*)();
    using Count = int (*)();
    const auto config = reinterpret_cast<Text>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    const auto core = reinterpret_cast<Text>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    const auto threads = reinterpret_cast<Count>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    if (!config || !core)
        return "not OpenBLAS (no openblas_get_config in the process): the reference BLAS is ~10x slower";
    std::ostringstream out;
    out << config() << "; kernel " << core();
    if (threads)
        out << "; " << threads() << " thread(s)";
    return out.str();
}

// LibTorch's own summary line for the SIMD level its kernels dispatch to ("CPU capability usage: AVX2").
std::string torchCapability()
{
    std::istringstream config(torch::show_config());
    std::string line;
    std::string out;
    while (std::getline(config, line)) {
        for (const char* key : {"CPU capability usage:", "MKL-DNN", "oneDNN"}) {
            const auto at = line.find(key);
            if (at != std::string::npos)
                out += (out.empty() ? "" : "; ") + line.substr(at);
        }
    }
    return out.empty() ? "unknown" : out;
}

}  // namespace

std::string describeMachine()
{
    std::ostringstream out;
    const std::string model = cpuInfoField("model name");
    const std::string topology = coreTopology();
    const std::string mhz = cpuInfoField("cpu MHz"), cache = cpuInfoField("cache size");
    out << "cpu: " << (model.empty() ? "unknown" : model) << ", " << std::thread::hardware_concurrency()
        << " hardware thread(s)" << (topology.empty() ? "" : " on " + topology) << (mhz.empty() ? "" : ", " + mhz + " MHz")
        << (cache.empty() ? "" : ", cache " + cache) << "\n";
    out << "vector extensions: " << vectorExtensions(cpuInfoField("flags")) << "\n";
    out << "libtorch kernels: " << torchCapability() << "; " << torch::get_num_threads() << " intra-op thread(s)\n";
    out << "blas: " << blasDescription() << "\n";
    out << "environment:";
    for (const char* name : {"OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                             "OMP_WAIT_POLICY", "ATEN_CPU_CAPABILITY", "DNNL_MAX_CPU_ISA"}) {
        const char* value = std::getenv(name);
        out << " " << name << "=" << (value ? value : "(unset)");
    }
    return out.str();
}

}  // namespace s2a::model
