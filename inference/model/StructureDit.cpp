#include "inference/model/StructureDit.h"

#include "inference/model/Autocast.h"

#include <torch/torch.h>

#include <cctype>
#include <cstring>
#include <cmath>
#include <iterator>
#include <map>

namespace s2a::model {

namespace {

torch::nn::LayerNorm plainNorm(int64_t width) {
    // No affine: adaLN supplies the shift and scale (and the final layer too).
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).elementwise_affine(false).eps(1e-6));
}

void zeroLinear(torch::nn::Linear& l) {
    torch::NoGradGuard guard;
    l->weight.zero_();
    if (l->bias.defined()) l->bias.zero_();
}

torch::Tensor flagsOrAll(const torch::Tensor& flags, int64_t batch, const torch::Device& device, const char* what) {
    if (!flags.defined()) return torch::ones({batch}, torch::TensorOptions().dtype(torch::kBool).device(device));
    TORCH_CHECK(flags.dim() == 1 && flags.size(0) == batch, "StructureDit: ", what, " must be [B] bool");
    return flags.to(device, torch::kBool);
}

// Activation checkpointing of one DiT block: the forward keeps only the block's inputs, and the backward runs
// the block again with gradients on and back-propagates through that copy (a reentrant backward, as PyTorch's
// torch.utils.checkpoint does; the parameters' gradients accumulate as usual, their hooks included). A block
// has no randomness, so the recomputation is the forward itself. Memory per block drops from every
// intermediate (attention scores, the MLP's hidden layer) to its input: what lets s2a-402m train at a useful
// batch on one GPU (docs/training/scale.md).
struct CheckpointedBlock : public torch::autograd::Function<CheckpointedBlock> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor x, torch::Tensor c,
                                 torch::Tensor text, torch::Tensor textMask, torch::Tensor cos, torch::Tensor sin,
                                 DitBlockImpl* block)
    {
        ctx->save_for_backward({x, c, text, textMask, cos, sin});
        ctx->saved_data["block"] = reinterpret_cast<int64_t>(block);
        const AutocastState autocast;
        ctx->saved_data["cpu_autocast"] = autocast.cpu;
        ctx->saved_data["gpu_autocast"] = autocast.gpu;
        ctx->saved_data["cpu_type"] = int64_t(autocast.cpuType);
        ctx->saved_data["gpu_type"] = int64_t(autocast.gpuType);
        return block->forward(x, c, text, textMask, {cos, sin});
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list gradOutputs)
    {
        const auto saved = ctx->get_saved_variables();
        auto* block = reinterpret_cast<DitBlockImpl*>(ctx->saved_data["block"].toInt());
        AutocastState autocast;
        autocast.cpu = ctx->saved_data["cpu_autocast"].toBool();
        autocast.gpu = ctx->saved_data["gpu_autocast"].toBool();
        autocast.cpuType = at::ScalarType(ctx->saved_data["cpu_type"].toInt());
        autocast.gpuType = at::ScalarType(ctx->saved_data["gpu_type"].toInt());
        std::vector<torch::Tensor> inputs;
        for (int i = 0; i < 3; ++i)
            inputs.push_back(saved[size_t(i)].detach().requires_grad_(saved[size_t(i)].requires_grad()));
        torch::Tensor output;
        {
            torch::AutoGradMode gradients(true);
            AutocastScope scope(autocast);
            output = block->forward(inputs[0], inputs[1], inputs[2], saved[3], {saved[4], saved[5]});
        }
        torch::autograd::backward({output}, {gradOutputs[0]});
        torch::autograd::variable_list grads;
        for (const auto& input : inputs)
            grads.push_back(input.requires_grad() ? input.grad() : torch::Tensor());
        grads.resize(7);  // textMask, cos, sin and the block take no gradient
        return grads;
    }
};

// Harmonics of the beat phase (quarter, eighth and sixteenth notes) and of the bar phase (bar, half bar)
// whose sine and cosine the beat-grid MLP reads: a smooth clock that wraps without a jump.
constexpr double kBeatHarmonics[] = {1.0, 2.0, 4.0};
constexpr double kBarHarmonics[] = {1.0, 2.0};
constexpr int64_t kBeatFeatures = 2 * (std::size(kBeatHarmonics) + std::size(kBarHarmonics));

torch::Tensor beatFeatures(const torch::Tensor& phase) {  // [B, N, 2] -> [B, N, kBeatFeatures]
    std::vector<torch::Tensor> parts;
    auto addHarmonics = [&](const torch::Tensor& p, const auto& harmonics) {
        for (double h : harmonics) {
            auto angle = p * (2.0 * M_PI * h);
            parts.push_back(torch::sin(angle));
            parts.push_back(torch::cos(angle));
        }
    };
    addHarmonics(phase.select(2, 0), kBeatHarmonics);
    addHarmonics(phase.select(2, 1), kBarHarmonics);
    return torch::stack(parts, -1);
}

}  // namespace

torch::Tensor makeBeatPhases(const std::vector<BeatGrid>& grids, int64_t frames, double frameSeconds) {
    auto phases = torch::zeros({int64_t(grids.size()), frames, 2}, torch::kFloat32);
    auto p = phases.accessor<float, 3>();
    for (size_t i = 0; i < grids.size(); ++i) {
        const BeatGrid& g = grids[i];
        TORCH_CHECK(g.bpm > 0.0 && g.beatsPerBar >= 1, "makeBeatPhases: tempo and beats per bar must be positive");
        for (int64_t f = 0; f < frames; ++f) {
            // Beats counted in double precision from the song's start: a long song does not drift.
            const double beats = (g.startSeconds + (double(f) + 0.5) * frameSeconds) * g.bpm / 60.0;
            const double bars = beats / double(g.beatsPerBar);
            p[int64_t(i)][f][0] = float(beats - std::floor(beats));
            p[int64_t(i)][f][1] = float(bars - std::floor(bars));
        }
    }
    return phases;
}

int64_t keyIdFromName(const std::string& name) {
    // Letters, then an optional accidental, then the mode word (or "m"); case and spaces do not matter.
    std::string t;
    for (char ch : name)
        if (!std::isspace(static_cast<unsigned char>(ch))) t += char(std::tolower(static_cast<unsigned char>(ch)));
    static const int kNatural[] = {9, 11, 0, 2, 4, 5, 7};  // a..g
    if (t.empty() || t[0] < 'a' || t[0] > 'g') return kNoKey;
    int tonic = kNatural[t[0] - 'a'];
    std::string rest = t.substr(1);
    // The accidental as a sign or a word, as arranger::Key::parse reads it ("F#", "Bb", "F sharp", "B flat").
    for (const auto& [word, shift] : {std::pair<const char*, int>{"sharp", 1}, {"flat", -1}, {"#", 1}, {"b", -1}})
        if (rest.rfind(word, 0) == 0) {
            tonic += shift;
            rest = rest.substr(std::strlen(word));
            break;
        }
    const std::string& mode = rest;
    bool minor = false;
    if (mode == "minor" || mode == "min" || mode == "m") minor = true;
    else if (!(mode.empty() || mode == "major" || mode == "maj")) return kNoKey;
    return keyId(tonic, minor);
}

torch::Tensor makeKeyFeatures(const std::vector<int64_t>& keyIds) {
    static const int kMajorScale[] = {0, 2, 4, 5, 7, 9, 11};
    auto features = torch::zeros({int64_t(keyIds.size()), kKeyFeatures}, torch::kFloat32);
    auto f = features.accessor<float, 2>();
    for (size_t i = 0; i < keyIds.size(); ++i) {
        const int64_t id = keyIds[i];
        if (id == kNoKey) continue;
        TORCH_CHECK(id >= 0 && id < 24, "makeKeyFeatures: key id ", id, " is not 0..23 or kNoKey");
        const int tonic = int(id % 12);
        const bool minor = id >= 12;
        const int relativeMajor = minor ? (tonic + 3) % 12 : tonic;
        for (int step : kMajorScale) f[int64_t(i)][(relativeMajor + step) % 12] = 1.0f;
        f[int64_t(i)][12 + tonic] = 1.0f;
        f[int64_t(i)][24] = minor ? 1.0f : 0.0f;
        f[int64_t(i)][25] = 1.0f;
    }
    return features;
}

StructureFrames makeStructureFrames(const std::vector<std::vector<SectionSpan>>& layouts, int64_t frames) {
    const auto b = int64_t(layouts.size());
    StructureFrames s{torch::zeros({b, frames}, torch::kInt64), torch::zeros({b, frames}, torch::kFloat32),
                      torch::zeros({b, frames}, torch::kInt64), {}};
    auto labels = s.labels.accessor<int64_t, 2>();
    auto pos = s.position.accessor<float, 2>();
    auto index = s.sectionIndex.accessor<int64_t, 2>();
    for (int64_t i = 0; i < b; ++i) {
        for (size_t k = 0; k < layouts[size_t(i)].size(); ++k) {
            const auto& span = layouts[size_t(i)][k];
            const int64_t len = span.endFrame - span.startFrame;
            for (int64_t f = std::max<int64_t>(0, span.startFrame); f < std::min(frames, span.endFrame); ++f) {
                labels[i][f] = span.label;
                pos[i][f] = float((double(f - span.startFrame) + 0.5) / double(len));
                index[i][f] = int64_t(k);
            }
        }
    }
    return s;
}

DitBlockImpl::DitBlockImpl(int64_t width, int64_t heads_, int64_t hidden, int64_t textWidth) : heads(heads_) {
    norm1 = register_module("norm1", plainNorm(width));
    attn = register_module("attn", Attention(width, heads, width));
    // Cross-attention is not modulated, so its input norm keeps its own affine parameters.
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(1e-6)));
    cross = register_module("cross", Attention(width, heads, textWidth));
    norm3 = register_module("norm3", plainNorm(width));
    mlp = register_module("mlp", FeedForward(width, hidden));
    ada = register_module("ada", torch::nn::Linear(width, 6 * width));
    zeroLinear(ada);
}

torch::Tensor DitBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& c, const torch::Tensor& text,
                                    const torch::Tensor& textMask, const RotaryTables& rotary) {
    auto mod = ada->forward(torch::silu(c)).unsqueeze(1).chunk(6, -1);
    // mod: shift1, scale1, gate1 (self-attention), shift2, scale2, gate2 (MLP), each [B, 1, width].
    auto h = norm1->forward(x) * (1 + mod[1]) + mod[0];
    auto y = x + mod[2] * attn->forward(h, h, {}, &rotary);
    y = y + cross->forward(norm2->forward(y), text, textMask);
    h = norm3->forward(y) * (1 + mod[4]) + mod[3];
    return y + mod[5] * mlp->forward(h);
}

StructureDitImpl::StructureDitImpl(const ModelConfig& config) : config_(config) {
    const auto& d = config.dit;
    const int64_t w = d.width, latent = config.ditLatentChannels(), groups = config.stemGroupCount();
    // Per frame: noisy latent, context latent, keep-mask per group.
    input = register_module("input", torch::nn::Linear(2 * latent + groups, w));
    timeFc1 = register_module("time_fc1", torch::nn::Linear(d.timeEmbedDim, w));
    timeFc2 = register_module("time_fc2", torch::nn::Linear(w, w));
    captionPool = register_module("caption_pool", torch::nn::Linear(d.textWidth, w));
    nullCaptionToken = register_parameter("null_caption_token", torch::randn({d.textWidth}) * 0.02);
    nullCaptionPooled = register_parameter("null_caption_pooled", torch::randn({d.textWidth}) * 0.02);
    sectionLabel = register_module("section_label", torch::nn::Embedding(config.sectionLabelCount, w));
    positionFc1 = register_module("position_fc1", torch::nn::Linear(d.positionFeatures, w));
    positionFc2 = register_module("position_fc2", torch::nn::Linear(w, w));
    sectionCaption = register_module("section_caption", torch::nn::Linear(d.textWidth, w));
    nullSectionCaption = register_parameter("null_section_caption", torch::randn({d.textWidth}) * 0.02);
    if (d.beatGrid) {
        beatFc1 = register_module("beat_fc1", torch::nn::Linear(kBeatFeatures, w));
        beatFc2 = register_module("beat_fc2", torch::nn::Linear(w, w));
    }
    if (d.keyConditioning) {
        keyFc1 = register_module("key_fc1", torch::nn::Linear(kKeyFeatures, w));
        keyFc2 = register_module("key_fc2", torch::nn::Linear(w, w));
    }
    blocks = register_module("blocks", torch::nn::ModuleList());
    const auto hidden = int64_t(w * d.ffnRatio + 0.5);
    for (int i = 0; i < d.depth; ++i) blocks->push_back(DitBlock(w, d.heads, hidden, d.textWidth));
    finalNorm = register_module("final_norm", plainNorm(w));
    finalAda = register_module("final_ada", torch::nn::Linear(w, 2 * w));
    output = register_module("output", torch::nn::Linear(w, latent));
    // adaLN-zero: the untrained model predicts zero velocity and every block starts near identity.
    zeroLinear(finalAda);
    zeroLinear(output);
}

torch::Tensor StructureDitImpl::forward(const torch::Tensor& xt, const torch::Tensor& t, const torch::Tensor& context,
                                        const torch::Tensor& keepMask, const DitConditioning& cond) {
    const int64_t latent = config_.ditLatentChannels();
    TORCH_CHECK(xt.dim() == 3 && xt.size(1) == latent, "StructureDit: expected xt [B, ", latent, ", N], got ",
                xt.sizes());
    TORCH_CHECK(context.sizes() == xt.sizes(), "StructureDit: context must match xt ", xt.sizes());
    return forward(xt, t, prepare(context, keepMask, cond));
}

DitPrepared StructureDitImpl::prepare(const torch::Tensor& context, const torch::Tensor& keepMask,
                                      const DitConditioning& cond) {
    const int64_t latent = config_.ditLatentChannels(), groups = config_.stemGroupCount();
    TORCH_CHECK(context.dim() == 3 && context.size(1) == latent, "StructureDit: expected context [B, ", latent,
                ", N], got ", context.sizes());
    const int64_t b = context.size(0), n = context.size(2);
    TORCH_CHECK(n >= 1 && n <= config_.dit.maxFrames, "StructureDit: ", n, " frames; the model takes 1..",
                config_.dit.maxFrames);
    TORCH_CHECK(keepMask.dim() == 3 && keepMask.size(0) == b && keepMask.size(2) == n &&
                    (keepMask.size(1) == 1 || keepMask.size(1) == groups),
                "StructureDit: keepMask must be [B, 1, N] or [B, ", groups, ", N], got ", keepMask.sizes());
    TORCH_CHECK(!cond.referenceLatent.defined(), "StructureDit: reference-audio conditioning is not implemented");
    const auto& text = cond.globalCaption;
    TORCH_CHECK(text.tokens.dim() == 3 && text.tokens.size(0) == b && text.tokens.size(2) == config_.dit.textWidth,
                "StructureDit: caption tokens must be [B, L, ", config_.dit.textWidth, "]");
    TORCH_CHECK(cond.sectionCaptions.dim() == 3 && cond.sectionCaptions.size(0) == b,
                "StructureDit: sectionCaptions must be [B, S, textWidth]");
    TORCH_CHECK(cond.structure.labels.sizes() == torch::IntArrayRef({b, n}),
                "StructureDit: structure frames must be [B, N] = [", b, ", ", n, "]");
    const auto device = context.device();
    const auto dtype = context.dtype();

    // Caption drops for classifier-free guidance: a dropped item sees one learned null token (the others are
    // padded out) and a learned null pooled vector; a dropped item's sections all see the null section caption.
    auto useGlobal = flagsOrAll(cond.useGlobalCaption, b, device, "useGlobalCaption");
    auto useSections = flagsOrAll(cond.useSectionCaptions, b, device, "useSectionCaptions");
    auto keepG = useGlobal.view({b, 1, 1});
    const int64_t len = text.tokens.size(1);
    auto firstOnly = (torch::arange(len, torch::TensorOptions().device(device)) == 0).view({1, len, 1});
    auto nullTokens = (nullCaptionToken.view({1, 1, -1}) * firstOnly.to(dtype)).expand_as(text.tokens);
    DitPrepared p;
    p.tokens = torch::where(keepG, text.tokens.to(dtype), nullTokens);
    p.tokenMask = torch::where(useGlobal.view({b, 1}), text.mask.to(device, torch::kBool),
                               firstOnly.view({1, len}).expand({b, len}));
    auto pooled = torch::where(useGlobal.view({b, 1}), text.pooled.to(dtype), nullCaptionPooled.view({1, -1}));
    p.pooled = captionPool->forward(pooled);
    auto sections = torch::where(useSections.view({b, 1, 1}), cond.sectionCaptions.to(dtype),
                                 nullSectionCaption.view({1, 1, -1}));

    // The input projection reads [noisy latent | kept context | mask] per frame; its context and mask columns
    // are the same at every step, so their share is computed here and the step adds the latent's.
    // The context is seen only where it is kept (scaled by soft seam values): what the model must generate
    // reads as zeros, the same in training (random span masks) and in a repaint, whose context still holds
    // the section's old audio.
    auto mask = keepMask.to(dtype).expand({b, groups, n});
    auto keptContext = context.to(dtype) * mask.repeat_interleave(latent / groups, 1);
    auto constantColumns = torch::cat({keptContext, mask}, 1).transpose(1, 2);
    auto x = torch::nn::functional::linear(constantColumns, input->weight.narrow(1, latent, latent + groups), input->bias);
    const auto& st = cond.structure;
    auto labels = st.labels.to(device);
    TORCH_CHECK(labels.min().item<int64_t>() >= 0 && labels.max().item<int64_t>() < config_.sectionLabelCount,
                "StructureDit: section label out of range 0..", config_.sectionLabelCount - 1);
    auto posFeat = sinusoidalFeatures(st.position.to(device).reshape({-1}) * 1000.0, config_.dit.positionFeatures)
                       .to(dtype)
                       .view({b, n, -1});
    auto sectionEmb = sectionCaption->forward(sections);  // [B, S, width]
    auto index = st.sectionIndex.to(device);
    TORCH_CHECK(index.min().item<int64_t>() >= 0 && index.max().item<int64_t>() < sections.size(1),
                "StructureDit: sectionIndex out of range for ", sections.size(1), " section captions");
    auto perFrameCaption = torch::gather(sectionEmb, 1, index.unsqueeze(-1).expand({b, n, sectionEmb.size(2)}));
    x = x + sectionLabel->forward(labels) + positionFc2->forward(torch::silu(positionFc1->forward(posFeat))) +
        perFrameCaption;
    if (config_.dit.beatGrid) {
        TORCH_CHECK(st.beatPhase.defined() && st.beatPhase.sizes() == torch::IntArrayRef({b, n, 2}),
                    "StructureDit: this model reads the beat grid; structure.beatPhase must be [", b, ", ", n,
                    ", 2] (makeBeatPhases)");
        auto beat = beatFeatures(st.beatPhase.to(device).to(torch::kFloat32)).to(dtype);
        // The grid is global conditioning, as the tempo a caption names is: it is dropped with the global
        // caption, so the global guidance scale sharpens the rhythm along with the caption.
        x = x + beatFc2->forward(torch::silu(beatFc1->forward(beat))) * useGlobal.view({b, 1, 1}).to(dtype);
    }
    if (config_.dit.keyConditioning) {
        auto keyFeatures = cond.key.defined() ? cond.key.to(device, torch::kFloat32)
                                              : torch::zeros({b, kKeyFeatures}, torch::TensorOptions().device(device));
        TORCH_CHECK(keyFeatures.sizes() == torch::IntArrayRef({b, kKeyFeatures}), "StructureDit: key must be [", b,
                    ", ", kKeyFeatures, "] (makeKeyFeatures), got ", keyFeatures.sizes());
        // Global conditioning like the caption: dropped with it, so the global guidance sharpens the key too.
        auto key = keyFc2->forward(torch::silu(keyFc1->forward(keyFeatures.to(dtype)))) * useGlobal.view({b, 1}).to(dtype);
        p.pooled = p.pooled + key;
        x = x + key.unsqueeze(1);
    }
    p.frames = x;
    p.rotary = rotaryTables(n, config_.dit.width / config_.dit.heads, x.options());
    return p;
}

torch::Tensor StructureDitImpl::forward(const torch::Tensor& xt, const torch::Tensor& t, const DitPrepared& p) {
    const int64_t latent = config_.ditLatentChannels();
    TORCH_CHECK(xt.dim() == 3 && xt.size(1) == latent && xt.size(0) == p.frames.size(0) &&
                    xt.size(2) == p.frames.size(1),
                "StructureDit: expected xt [", p.frames.size(0), ", ", latent, ", ", p.frames.size(1), "] as prepared, got ",
                xt.sizes());
    const int64_t b = xt.size(0);
    const auto dtype = p.frames.dtype();
    // Conditioning vector for adaLN: timestep + pooled global caption.
    auto tt = t.to(xt.device()).to(torch::kFloat32).reshape({-1}).expand({b});
    auto temb = sinusoidalFeatures(tt * 1000.0, config_.dit.timeEmbedDim).to(dtype);
    auto c = timeFc2->forward(torch::silu(timeFc1->forward(temb))) + p.pooled;

    auto x = torch::nn::functional::linear(xt.to(dtype).transpose(1, 2), input->weight.narrow(1, 0, latent)) + p.frames;
    const bool recompute = m_checkpointBlocks && is_training() && torch::GradMode::is_enabled();
    for (const auto& block : *blocks) {
        auto* b = block->as<DitBlock>();
        x = recompute ? CheckpointedBlock::apply(x, c, p.tokens, p.tokenMask, p.rotary.cos, p.rotary.sin, b)
                      : b->forward(x, c, p.tokens, p.tokenMask, p.rotary);
    }

    auto mod = finalAda->forward(torch::silu(c)).unsqueeze(1).chunk(2, -1);
    x = finalNorm->forward(x) * (1 + mod[1]) + mod[0];
    return output->forward(x).transpose(1, 2);
}

std::vector<std::pair<std::string, int64_t>> StructureDitImpl::parameterBreakdown() const {
    static const std::map<std::string, std::string> kPart{
        {"input", "input"},
        {"time_fc1", "time"},
        {"time_fc2", "time"},
        {"caption_pool", "caption_conditioning"},
        {"null_caption_token", "caption_conditioning"},
        {"null_caption_pooled", "caption_conditioning"},
        {"section_label", "structure"},
        {"position_fc1", "structure"},
        {"position_fc2", "structure"},
        {"section_caption", "structure"},
        {"null_section_caption", "structure"},
        {"beat_fc1", "structure"},
        {"beat_fc2", "structure"},
        {"key_fc1", "caption_conditioning"},
        {"key_fc2", "caption_conditioning"},
        {"blocks", "blocks"},
        {"final_norm", "final"},
        {"final_ada", "final"},
        {"output", "final"}};
    std::vector<std::pair<std::string, int64_t>> parts{{"input", 0},     {"time", 0},  {"caption_conditioning", 0},
                                                       {"structure", 0}, {"blocks", 0}, {"final", 0}};
    for (const auto& item : named_parameters(true)) {
        const std::string& name = item.key();
        auto it = kPart.find(name.substr(0, name.find('.')));
        TORCH_CHECK(it != kPart.end(), "StructureDit: parameter ", name, " belongs to no part");
        for (auto& p : parts)
            if (p.first == it->second) p.second += item.value().numel();
    }
    return parts;
}

std::vector<std::pair<std::string, int64_t>> conditionedDitParameterBreakdown(const StructureDit& dit,
                                                                              const CaptionEncoder& captionEncoder) {
    auto parts = dit->parameterBreakdown();
    parts.emplace_back("caption_encoder", parameterCount(*captionEncoder));
    int64_t total = 0;
    for (const auto& p : parts) total += p.second;
    parts.emplace_back("total", total);
    return parts;
}

}  // namespace s2a::model
