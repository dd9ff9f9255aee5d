#pragma once

// Qt-free: this header is part of the model library that builds with LibTorch alone.
// The torch::Tensor side of safetensors (Safetensors.h is the byte-level, torch-free side) and strict
// loading of a torch::nn::Module's weights. All torch code of the weights part lives in WeightLoader.cpp.

#include "inference/model/ModelResult.h"

#include <torch/nn/module.h>
#include <torch/types.h>

#include <cstdint>
#include <map>
#include <string>

namespace s2a::model {

using TensorMap = std::map<std::string, torch::Tensor>;
using WeightMetadata = std::map<std::string, std::string>;

// A whole safetensors file as CPU tensors of their stored dtype.
struct TensorFile {
    TensorMap tensors;
    WeightMetadata metadata;
    std::string sha256;  // of the file, hex
};

// Reads every tensor (copied out of the mapping, so they outlive the file). Errors name the file and the
// tensor; U16/U32/U64/F8 tensors, which LibTorch 1.13 cannot hold, are an error too.
Result<TensorFile> readTensors(const std::string& path);

// Writes tensors (any device, any layout; copied to contiguous CPU) atomically and deterministically.
// Returns the file's SHA-256. Tensors of a dtype safetensors cannot name (complex, quantised) are an error.
Result<std::string> writeTensors(const std::string& path, const TensorMap& tensors, const WeightMetadata& metadata = {});

struct LoadOptions {
    // Names the weights in the "no weights for config X at PATH" message.
    std::string configName;
    // When not empty, the file's SHA-256 must equal it (a take's recorded weights): else nothing is loaded.
    std::string expectedSha256;
};

struct LoadReport {
    std::string sha256;  // of the file, hex: record it in every take made with these weights
    std::size_t tensorCount = 0;
    WeightMetadata metadata;
};

// Strict loading: every entry of module.named_parameters() and named_buffers() must be in the file under
// its name with its shape, and the file must hold nothing else. Values are converted to each parameter's
// dtype and device (f16/bf16/f64 files into an f32 model and back; integer and bool tensors must match
// exactly). On any mismatch nothing is modified and the error lists every problem:
//   "model.safetensors: 3 problems: missing dit.blocks.0.attn.qkv.weight; unexpected vae.foo;
//    dit.proj.weight has shape [64, 512] in the file, the model wants [64, 256]."
// A file that does not exist gives "No weights for config tiny at PATH."
Result<LoadReport> loadWeights(torch::nn::Module& module, const std::string& path, const LoadOptions& options = {});

// The same checks as loadWeights() (names, shapes, dtypes) against the file's header alone, reading no tensor,
// and the file's SHA-256: how Settings validates a weights file a user picks before anything loads it.
Result<LoadReport> checkWeights(const torch::nn::Module& module, const std::string& path, const LoadOptions& options = {});

struct SaveReport {
    std::string sha256;
    std::size_t tensorCount = 0;
};

// Saves module.named_parameters() and named_buffers() with floating-point tensors stored as `dtype`
// (torch::kFloat32, kFloat16 or kBFloat16; anything else is an error); integer and bool buffers keep their
// dtype. Atomic and deterministic like writeTensors().
Result<SaveReport> saveWeights(const torch::nn::Module& module, const std::string& path,
                               const WeightMetadata& metadata = {}, torch::ScalarType dtype = torch::kFloat32);

}  // namespace s2a::model
