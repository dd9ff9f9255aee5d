#pragma once

// Qt-free. Caption text -> token embeddings (for the DiT's cross-attention) + a pooled vector (for the
// per-section structure conditioning and the global conditioning vector).

#include "inference/model/Layers.h"
#include "inference/model/ModelConfig.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace s2a::model {

struct TextEncoding {
    torch::Tensor tokens;  // [B, L, width] float
    torch::Tensor mask;    // [B, L] bool, true = real token (every row has at least one)
    torch::Tensor pooled;  // [B, width] float: mean of the real tokens
};

// The masked mean over tokens [B, L, W] with mask [B, L] (true = real token): the pooled caption vector, for
// the built-in encoder and external ones alike.
torch::Tensor maskedMeanPool(const torch::Tensor& tokens, const torch::Tensor& mask);

// The seam for other text encoders: the built-in encoder below (trained with the model) and an external
// TorchScript export (CLAP / T5 / MuLan; TorchScriptTextEncoder.h). Each returns the layout above with
// width == outputWidth(), and the model config's dit.textWidth must equal that width (the DiT's
// cross-attention keys and section-caption projection are sized by it).
class TextEncoder {
public:
    virtual ~TextEncoder() = default;
    virtual int64_t outputWidth() const = 0;
    virtual TextEncoding encode(const std::vector<std::string>& captions) = 0;
};

// Word-level tokenizer over music descriptors (genres, instruments, moods, tempo words, section labels, keys,
// numbers 0..255) with FNV-1a hashing of unknown words into `hashBuckets` ids. Lower-cases, splits on
// whitespace and punctuation and between digits and letters ("92bpm" -> "92", "bpm"); a hyphenated word in
// the vocabulary ("lo-fi", "hip-hop") stays one token, others split at the hyphen.
// Ids: 0 = padding, 1 = "<empty>" (the only token of an empty caption), then the word list in order, then the
// buckets. The word list is part of the weight format: append words, never reorder.
class CaptionTokenizer {
public:
    static constexpr int64_t kPadId = 0;
    static constexpr int64_t kEmptyId = 1;

    CaptionTokenizer(int64_t vocabSize, int64_t hashBuckets, int64_t maxTokens);

    std::vector<std::string> words(const std::string& caption) const;  // normalised pieces, before ids
    std::vector<int64_t> tokenize(const std::string& caption) const;   // 1..maxTokens ids
    // Pads to the longest caption: {ids [B, L] int64, mask [B, L] bool}.
    std::pair<torch::Tensor, torch::Tensor> batch(const std::vector<std::string>& captions) const;

    int64_t vocabularyWords() const { return int64_t(vocab_.size()); }
    int64_t firstBucketId() const { return 2 + vocabularyWords(); }
    bool isKnownWord(const std::string& word) const { return index_.count(word) != 0; }

private:
    std::vector<std::string> vocab_;
    std::unordered_map<std::string, int64_t> index_;
    int64_t hashBuckets_;
    int64_t maxTokens_;
};

// Pre-LayerNorm transformer encoder layer: x + attn(ln1 x), x + mlp(ln2 x). Names: ln1, attn, ln2, mlp.
class CaptionLayerImpl : public torch::nn::Module {
public:
    CaptionLayerImpl(int64_t width, int64_t heads, int64_t hidden);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask);
    torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
    Attention attn{nullptr};
    FeedForward mlp{nullptr};
};
TORCH_MODULE(CaptionLayer);

// Names: token (embedding), position (learned [maxTokens, width]), layers.<i>, norm.
class CaptionEncoderImpl : public torch::nn::Module {
public:
    explicit CaptionEncoderImpl(const CaptionConfig& config);
    // ids [B, L] int64, mask [B, L] bool (from CaptionTokenizer::batch).
    TextEncoding forward(const torch::Tensor& ids, const torch::Tensor& mask);
    int64_t width() const { return config_.width; }

    torch::nn::Embedding token{nullptr};
    torch::Tensor position;
    torch::nn::ModuleList layers{nullptr};
    torch::nn::LayerNorm norm{nullptr};

private:
    CaptionConfig config_;
};
TORCH_MODULE(CaptionEncoder);

// Tokenizer + CaptionEncoder behind the TextEncoder seam; runs on the encoder's device.
class BuiltinTextEncoder : public TextEncoder {
public:
    explicit BuiltinTextEncoder(const CaptionConfig& config);
    BuiltinTextEncoder(const CaptionConfig& config, CaptionEncoder encoder);
    int64_t outputWidth() const override { return encoder_->width(); }
    TextEncoding encode(const std::vector<std::string>& captions) override;
    const CaptionTokenizer& tokenizer() const { return tokenizer_; }
    CaptionEncoder& module() { return encoder_; }

private:
    CaptionTokenizer tokenizer_;
    CaptionEncoder encoder_;
};

}  // namespace s2a::model
