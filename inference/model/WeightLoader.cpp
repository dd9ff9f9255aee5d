#include "inference/model/WeightLoader.h"

#include "inference/model/ShapeText.h"

#include "inference/model/Safetensors.h"

#include <torch/utils.h>

#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

namespace s2a::model {

namespace {

std::optional<torch::ScalarType> toTorch(SafeDType dtype)
{
    switch (dtype) {
    case SafeDType::Bool: return torch::kBool;
    case SafeDType::U8: return torch::kByte;
    case SafeDType::I8: return torch::kChar;
    case SafeDType::I16: return torch::kShort;
    case SafeDType::I32: return torch::kInt;
    case SafeDType::I64: return torch::kLong;
    case SafeDType::F16: return torch::kHalf;
    case SafeDType::BF16: return torch::kBFloat16;
    case SafeDType::F32: return torch::kFloat;
    case SafeDType::F64: return torch::kDouble;
    // LibTorch 1.13 has no unsigned 16/32/64-bit or float8 types.
    case SafeDType::U16:
    case SafeDType::U32:
    case SafeDType::U64:
    case SafeDType::F8_E4M3:
    case SafeDType::F8_E5M2: return std::nullopt;
    }
    return std::nullopt;
}

std::optional<SafeDType> fromTorch(torch::ScalarType type)
{
    switch (type) {
    case torch::kBool: return SafeDType::Bool;
    case torch::kByte: return SafeDType::U8;
    case torch::kChar: return SafeDType::I8;
    case torch::kShort: return SafeDType::I16;
    case torch::kInt: return SafeDType::I32;
    case torch::kLong: return SafeDType::I64;
    case torch::kHalf: return SafeDType::F16;
    case torch::kBFloat16: return SafeDType::BF16;
    case torch::kFloat: return SafeDType::F32;
    case torch::kDouble: return SafeDType::F64;
    default: return std::nullopt;
    }
}


// A CPU tensor holding a copy of the file's bytes for `info` (the mapping goes away with the file).
torch::Tensor copyOut(const SafetensorsFile& file, const SafeTensorInfo& info, torch::ScalarType type)
{
    torch::Tensor t = torch::empty(info.shape, torch::TensorOptions().dtype(type));
    if (info.byteSize() > 0)
        std::memcpy(t.data_ptr(), file.data(info), info.byteSize());
    return t;
}

// Parameters and buffers in module order, as loadWeights and saveWeights see them. Optional parts that a
// module registers as undefined tensors (a Linear without bias) are not weights.
std::vector<std::pair<std::string, torch::Tensor>> weightsOf(const torch::nn::Module& module)
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& item : module.named_parameters(/*recurse=*/true))
        if (item.value().defined())
            out.emplace_back(item.key(), item.value());
    for (const auto& item : module.named_buffers(/*recurse=*/true))
        if (item.value().defined())
            out.emplace_back(item.key(), item.value());
    return out;
}

}  // namespace

Result<TensorFile> readTensors(const std::string& path)
{
    using R = Result<TensorFile>;
    Result<SafetensorsFile> file = SafetensorsFile::open(path);
    if (!file)
        return R::failure(file.error);
    TensorFile out;
    out.metadata = file->header().metadata;
    for (const SafeTensorInfo& info : file->header().tensors) {
        const std::optional<torch::ScalarType> type = toTorch(info.dtype);
        if (!type)
            return R::failure(path + ": tensor \"" + info.name + "\" is " + safeDTypeName(info.dtype) +
                              ", which this LibTorch has no type for.");
        out.tensors.emplace(info.name, copyOut(*file, info, *type));
    }
    out.sha256 = file->sha256();
    return R::success(std::move(out));
}

Result<std::string> writeTensors(const std::string& path, const TensorMap& tensors, const WeightMetadata& metadata)
{
    using R = Result<std::string>;
    // Contiguous CPU copies stay alive in `held` while the bytes are written.
    std::vector<torch::Tensor> held;
    std::vector<SafeTensorBytes> entries;
    held.reserve(tensors.size());
    for (const auto& [name, tensor] : tensors) {
        if (!tensor.defined())
            return R::failure(path + ": tensor \"" + name + "\" is undefined and cannot be saved.");
        const std::optional<SafeDType> dtype = fromTorch(tensor.scalar_type());
        if (!dtype || tensor.layout() != torch::kStrided)
            return R::failure(path + ": tensor \"" + name + "\" is " + std::string(c10::toString(tensor.scalar_type())) +
                              " (or not dense), which safetensors cannot store.");
        held.push_back(tensor.detach().to(torch::kCPU).contiguous());
        const torch::Tensor& c = held.back();
        entries.push_back({name, *dtype, c.sizes().vec(), c.data_ptr(), static_cast<std::uint64_t>(c.nbytes())});
    }
    return writeSafetensors(path, std::move(entries), metadata);
}

namespace {

// Where each of the module's weights comes from in the file.
using LoadPlan = std::vector<std::pair<const SafeTensorInfo*, torch::Tensor>>;

// Checks the file's header against the module's weights without reading any tensor: every problem at once (one
// rename in a config shows up as many mismatches), in the order missing, unexpected, wrong shape or dtype.
Result<LoadPlan> planLoad(const torch::nn::Module& module, const SafetensorsHeader& header, const std::string& path)
{
    using R = Result<LoadPlan>;
    const auto wanted = weightsOf(module);
    std::vector<std::string> missing, unexpected, wrong;
    LoadPlan plan;
    std::map<std::string, bool> known;
    for (const auto& [name, target] : wanted) {
        known[name] = true;
        const SafeTensorInfo* info = header.find(name);
        if (!info) {
            missing.push_back("missing " + name);
            continue;
        }
        if (!target.sizes().equals(info->shape)) {
            wrong.push_back(name + " has shape " + shapeText(info->shape) + " in the file, the model wants " +
                            shapeText(target.sizes()));
            continue;
        }
        const std::optional<torch::ScalarType> type = toTorch(info->dtype);
        const bool convertible = type && (*type == target.scalar_type() ||
                                          (c10::isFloatingType(*type) && c10::isFloatingType(target.scalar_type())));
        if (!convertible) {
            wrong.push_back(name + " is " + safeDTypeName(info->dtype) + " in the file, the model wants " +
                            std::string(c10::toString(target.scalar_type())));
            continue;
        }
        plan.emplace_back(info, target);
    }
    for (const SafeTensorInfo& info : header.tensors)
        if (!known.count(info.name))
            unexpected.push_back("unexpected " + info.name);
    const std::size_t count = missing.size() + unexpected.size() + wrong.size();
    if (count == 0)
        return R::success(std::move(plan));
    std::string message = path + ": " + std::to_string(count) + (count == 1 ? " problem: " : " problems: ");
    bool first = true;
    for (const auto* list : {&missing, &unexpected, &wrong})
        for (const std::string& problem : *list) {
            message += (first ? "" : "; ") + problem;
            first = false;
        }
    return R::failure(message + ".");
}

Result<SafetensorsFile> openWeights(const std::string& path, const std::string& configName)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Result<SafetensorsFile>::failure(configName.empty() ? "No weights at " + path + "."
                                                                   : "No weights for config " + configName + " at " + path + ".");
    return SafetensorsFile::open(path);
}

}  // namespace

Result<LoadReport> checkWeights(const torch::nn::Module& module, const std::string& path, const LoadOptions& options)
{
    using R = Result<LoadReport>;
    Result<SafetensorsFile> file = openWeights(path, options.configName);
    if (!file)
        return R::failure(file.error);
    Result<LoadPlan> plan = planLoad(module, file->header(), path);
    if (!plan)
        return R::failure(plan.error);
    LoadReport report;
    report.sha256 = file->sha256();
    report.tensorCount = plan->size();
    report.metadata = file->header().metadata;
    return R::success(std::move(report));
}

Result<LoadReport> loadWeights(torch::nn::Module& module, const std::string& path, const LoadOptions& options)
{
    using R = Result<LoadReport>;
    Result<SafetensorsFile> file = openWeights(path, options.configName);
    if (!file)
        return R::failure(file.error);
    const SafetensorsHeader& header = file->header();
    // Validate everything before touching the module: a wrong file must leave the model as it was.
    Result<LoadPlan> plan = planLoad(module, header, path);
    if (!plan)
        return R::failure(plan.error);

    LoadReport report;
    report.sha256 = file->sha256();
    if (!options.expectedSha256.empty() && report.sha256 != options.expectedSha256)
        return R::failure(path + " has SHA-256 " + report.sha256 + ", not the expected " + options.expectedSha256 +
                          ": these are different weights.");

    // Only out-of-memory or device errors can fail from here on; they leave the module partly loaded, and say so.
    try {
        torch::NoGradGuard noGrad;
        for (auto& [info, target] : *plan) {
            const torch::ScalarType type = *toTorch(info->dtype);
            if (type == target.scalar_type() && target.device().is_cpu() && target.is_contiguous()) {
                if (info->byteSize() > 0)
                    std::memcpy(target.data_ptr(), file->data(*info), info->byteSize());
            } else {
                target.copy_(copyOut(*file, *info, type));  // copy_ converts dtype and moves to the device
            }
        }
    } catch (const c10::Error& e) {
        return R::failure(path + ": loading failed part way, the model is partly loaded: " + e.what_without_backtrace());
    }
    report.tensorCount = plan->size();
    report.metadata = header.metadata;
    return R::success(std::move(report));
}

Result<SaveReport> saveWeights(const torch::nn::Module& module, const std::string& path, const WeightMetadata& metadata,
                               torch::ScalarType dtype)
{
    using R = Result<SaveReport>;
    if (dtype != torch::kFloat && dtype != torch::kHalf && dtype != torch::kBFloat16)
        return R::failure(path + ": weights are saved as F32, F16 or BF16, not " + std::string(c10::toString(dtype)) + ".");
    TensorMap tensors;
    for (const auto& [name, tensor] : weightsOf(module))
        tensors.emplace(name, c10::isFloatingType(tensor.scalar_type()) ? tensor.detach().to(dtype) : tensor.detach());
    Result<std::string> sha = writeTensors(path, tensors, metadata);
    if (!sha)
        return R::failure(sha.error);
    SaveReport report;
    report.sha256 = std::move(*sha);
    report.tensorCount = tensors.size();
    return R::success(std::move(report));
}

}  // namespace s2a::model
