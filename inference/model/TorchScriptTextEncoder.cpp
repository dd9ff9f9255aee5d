#include "inference/model/TorchScriptTextEncoder.h"

#include "inference/model/ShapeText.h"

#include <torch/script.h>

#include <fstream>

namespace s2a::model {

struct TorchScriptTextEncoder::Module {
    torch::jit::script::Module module;
    torch::Device device{torch::kCPU};
    std::string path;
};

TorchScriptTextEncoder::TorchScriptTextEncoder(std::unique_ptr<Module> module) : m_module(std::move(module)) {}
TorchScriptTextEncoder::~TorchScriptTextEncoder() = default;

Result<std::shared_ptr<TorchScriptTextEncoder>> TorchScriptTextEncoder::load(const std::string& path,
                                                                              const torch::Device& device)
{
    using R = Result<std::shared_ptr<TorchScriptTextEncoder>>;
    if (!std::ifstream(path).good())
        return R::failure("No text encoder at " + path + ".");
    auto module = std::make_unique<Module>();
    module->path = path;
    module->device = device;
    try {
        module->module = torch::jit::load(path, device);
        module->module.eval();
    } catch (const std::exception& e) {
        return R::failure(path + " is not a TorchScript module: " + e.what());
    }
    std::shared_ptr<TorchScriptTextEncoder> encoder(new TorchScriptTextEncoder(std::move(module)));
    try {
        const TextEncoding probe = encoder->encode({"probe"});
        encoder->m_width = probe.tokens.size(2);
    } catch (const std::exception& e) {
        return R::failure(path + ": forward(List[str]) -> (Tensor[B, L, W], Tensor[B, L]) failed: " + e.what());
    }
    return R::success(std::move(encoder));
}

TextEncoding TorchScriptTextEncoder::encode(const std::vector<std::string>& captions)
{
    c10::List<std::string> list;
    for (const std::string& c : captions)
        list.push_back(c);
    const auto output = m_module->module.forward({list});
    if (!output.isTuple() || output.toTuple()->elements().size() != 2)
        throw std::runtime_error(m_module->path + ": forward must return (tokens, mask)");
    const auto& parts = output.toTuple()->elements();
    TextEncoding out;
    out.tokens = parts[0].toTensor().to(torch::kFloat32);
    out.mask = parts[1].toTensor().to(torch::kBool);
    const auto b = int64_t(captions.size());
    if (out.tokens.dim() != 3 || out.tokens.size(0) != b || out.mask.dim() != 2 || out.mask.size(0) != b
        || out.mask.size(1) != out.tokens.size(1))
        throw std::runtime_error(m_module->path + ": expected tokens [" + std::to_string(b) + ", L, W] and mask [" +
                                 std::to_string(b) + ", L], got " + shapeText(out.tokens.sizes()) + " and " +
                                 shapeText(out.mask.sizes()));
    // Every row needs one real token (the DiT's attention would otherwise see none): an empty caption keeps
    // its first position.
    auto first = torch::zeros_like(out.mask);
    first.select(1, 0).fill_(true);
    out.mask = torch::where(out.mask.any(1, true), out.mask, first);
    out.pooled = maskedMeanPool(out.tokens, out.mask);
    return out;
}

}  // namespace s2a::model
