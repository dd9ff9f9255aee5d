#pragma once

// Qt-free: part of the model library (s2a_model) that builds with LibTorch alone.
//
// A user's own text encoder (a CLAP, T5 or MuLan export) in place of the built-in caption encoder. The file is a
// TorchScript module whose forward takes the captions and returns the token embeddings and their mask:
//
//     def forward(self, captions: List[str]) -> Tuple[Tensor, Tensor]   # [B, L, W] float, [B, L] bool
//
// Tokenisation is the module's own business (script it in, or wrap the tokenizer's output). The pooled vector
// the DiT's adaLN and section embeddings use is the masked mean of the tokens, as for the built-in encoder. The
// DiT must have been trained (or fine-tuned) with this encoder and its textWidth must equal W: the engine
// checks the width and refuses a mismatch with a message that names both.
#include "inference/model/CaptionEncoder.h"
#include "inference/model/ModelResult.h"

#include <memory>
#include <string>

namespace s2a::model {

class TorchScriptTextEncoder : public TextEncoder {
public:
    // Loads the module onto `device` and probes its output width with one caption. Errors name the file.
    static Result<std::shared_ptr<TorchScriptTextEncoder>> load(const std::string& path, const torch::Device& device);

    ~TorchScriptTextEncoder() override;
    int64_t outputWidth() const override { return m_width; }
    TextEncoding encode(const std::vector<std::string>& captions) override;

private:
    struct Module;
    explicit TorchScriptTextEncoder(std::unique_ptr<Module> module);
    std::unique_ptr<Module> m_module;
    int64_t m_width = 0;
};

}  // namespace s2a::model
