#pragma once

// Qt-free: this header is part of the model library that builds with LibTorch alone.
#include <torch/types.h>

#include <string>

namespace s2a::model {

// Where the network runs: CUDA when this LibTorch was built with it and a GPU is present, else the CPU.
// `preferred` is "auto", "cuda" or "cpu"; asking for CUDA where there is none falls back to the CPU.
torch::Device selectDevice(const std::string& preferred = "auto");

// Sets the CPU thread count for intra-op parallelism (0 means one per core), and flushes denormal floats to zero
// on the calling thread and the intra-op threads.
void setCpuThreads(int threads);

// "LibTorch 1.13.1, CPU (2 threads)" or "LibTorch 2.x, CUDA (NVIDIA H100), ..."
std::string describeRuntime(const torch::Device& device);

// The machine a figure was measured on, so figures compare across machines: the CPU model and core count, the
// vector extensions it has (AVX2, FMA, AVX-512 ...), the kernels LibTorch dispatches to (its CPU capability,
// oneDNN), the BLAS library behind it with the kernel it picked and its threads, and the environment variables
// that change them (OPENBLAS_CORETYPE, OMP_NUM_THREADS, ...). Several lines, each "key: value".
std::string describeMachine();

}  // namespace s2a::model
