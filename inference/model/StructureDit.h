#pragma once

// Qt-free. The structure-guided diffusion transformer over latent frames (the S2Accompanist DiT).
//
// Layouts: latents are channels-first like the VAE's, [B, G*C, N] with G stem groups stacked along channels
// (group g owns channels g*C .. g*C+C-1), N latent frames. The network predicts the flow-matching velocity
// with the same shape.

#include "inference/model/CaptionEncoder.h"
#include "inference/model/Layers.h"
#include "inference/model/ModelConfig.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>

#include <string>
#include <utility>
#include <vector>

namespace s2a::model {

// One section of a window, in latent frames [startFrame, endFrame). `label` is a section-label id
// (0 .. sectionLabelCount-1); the section's caption is sectionCaptions[b][index of this span].
struct SectionSpan {
    int64_t startFrame = 0;
    int64_t endFrame = 0;
    int64_t label = 0;
};

// Per-frame structure tensors for a batch of section layouts (one vector of spans per item, any order).
// Frames no span covers get label 0, section 0 and position 0.
struct StructureFrames {
    torch::Tensor labels;        // [B, N] int64
    torch::Tensor position;      // [B, N] float: (frame - start + 0.5) / length, in (0, 1)
    torch::Tensor sectionIndex;  // [B, N] int64: index of the span covering the frame
    // [B, N, 2] float: beat phase and bar phase in [0, 1) at each frame's centre (makeBeatPhases). Required
    // by a config with dit.beatGrid, ignored otherwise.
    torch::Tensor beatPhase;
};
StructureFrames makeStructureFrames(const std::vector<std::vector<SectionSpan>>& layouts, int64_t frames);

// The song's clock seen from a window: its tempo, its metre, and where the window's first frame begins on
// the song's timeline (bar 1, beat 1 at 0 s, as the arranger and the editor's ruler count).
struct BeatGrid {
    double bpm = 120.0;
    int beatsPerBar = 4;
    double startSeconds = 0.0;
};
// One grid per batch item; frameSeconds is the duration of a latent frame (hop / sample rate).
torch::Tensor makeBeatPhases(const std::vector<BeatGrid>& grids, int64_t frames, double frameSeconds);

// The key a song is in, as a DiT with dit.keyConditioning reads it: an id, tonic pitch class (C = 0) plus 12
// for minor, or kNoKey. A caption names a key in only some songs, and a word the caption encoder must learn
// from few examples; the key as its own input lets every training song teach it (the tempo's beat grid does
// the same for the clock).
inline constexpr int64_t kNoKey = -1;
// "C# minor", "Bb major", "f#m", "Eb" (major), "F sharp minor": the id, or kNoKey for text that names no key.
// The model library is Qt-free, so this is its own reader of what arranger::Key::parse reads.
int64_t keyIdFromName(const std::string& name);
inline int64_t keyId(int tonic, bool minor) { return int64_t(((tonic % 12) + 12) % 12) + (minor ? 12 : 0); }
// Per item [B, kKeyFeatures] float: the scale's seven pitch classes (natural minor for minor keys, so a key
// and its relative share them), the tonic, the mode and whether there is a key at all; all zero for kNoKey.
inline constexpr int64_t kKeyFeatures = 12 + 12 + 2;
torch::Tensor makeKeyFeatures(const std::vector<int64_t>& keyIds);

struct DitConditioning {
    TextEncoding globalCaption;          // tokens [B, L, textWidth], mask [B, L], pooled [B, textWidth]
    torch::Tensor sectionCaptions;       // [B, S, textWidth]: pooled caption embedding of each section
    StructureFrames structure;           // per frame, indices into sectionCaptions
    // Per item [B] bool; undefined = true for all. false replaces that item's global caption (tokens and
    // pooled) or all its section captions by learned null embeddings: the two independent drops that
    // two-scale classifier-free guidance needs. Section labels and positions are never dropped; the beat
    // grid goes with the global caption.
    torch::Tensor useGlobalCaption;
    torch::Tensor useSectionCaptions;
    // [B, kKeyFeatures] (makeKeyFeatures): read by a config with dit.keyConditioning, ignored otherwise;
    // undefined = no key for any item. It goes with the global caption, as the beat grid does.
    torch::Tensor key;
    // Seam for reference-audio conditioning (e.g. a reference clip's latent to imitate its timbre). Not
    // implemented: must stay undefined; forward() throws otherwise. Off by default in every config.
    torch::Tensor referenceLatent;
};

// adaLN-zero transformer block: modulated self-attention with rotary positions, cross-attention to the
// caption tokens, modulated MLP. The modulation ("ada", width -> 6*width from the conditioning vector) is
// zero-initialised, so each block starts as identity on the self-attention / MLP paths (DiT, Peebles & Xie).
// Names: norm1, attn, norm2, cross, norm3, mlp, ada.
class DitBlockImpl : public torch::nn::Module {
public:
    DitBlockImpl(int64_t width, int64_t heads, int64_t hidden, int64_t textWidth);
    // x [B, N, width], c [B, width], text [B, L, textWidth], textMask [B, L] bool, rotary tables [N, head].
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& c, const torch::Tensor& text,
                          const torch::Tensor& textMask, const RotaryTables& rotary);
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
    Attention attn{nullptr}, cross{nullptr};
    FeedForward mlp{nullptr};
    torch::nn::Linear ada{nullptr};
    int64_t heads;
};
TORCH_MODULE(DitBlock);

// Everything of a forward that depends neither on the noisy latent nor on the time: computed once per sampling
// run by prepare(), reused by every step (on the CPU a tenth of a step's work: the context and mask projection,
// the structure, section-caption and beat embeddings, the caption selection for the drops, the rotary tables).
struct DitPrepared {
    torch::Tensor frames;       // [B, N, width]: the input projection of context and mask, plus the structure embedding
    torch::Tensor pooled;       // [B, width]: the pooled caption's share of the adaLN conditioning
    torch::Tensor tokens;       // [B, L, textWidth] caption tokens after the drops
    torch::Tensor tokenMask;    // [B, L] bool
    RotaryTables rotary;
    int64_t batch() const { return frames.size(0); }
};

class StructureDitImpl : public torch::nn::Module {
public:
    explicit StructureDitImpl(const ModelConfig& config);

    // xt: noisy latent [B, G*C, N]; t: [B] (or a scalar) flow time in [0, 1]; context: clean context latent
    // [B, G*C, N] (zeros where unknown); keepMask: [B, 1, N] or [B, G, N], 1 where context frames are kept
    // (0 = generate). N <= maxFrames. Returns the velocity [B, G*C, N].
    torch::Tensor forward(const torch::Tensor& xt, const torch::Tensor& t, const torch::Tensor& context,
                          const torch::Tensor& keepMask, const DitConditioning& cond);
    // The same forward in two halves, for a sampler that runs many steps on one conditioning: prepare() once,
    // then forward(xt, t, prepared) per step (xt [B, G*C, N] with B and N as prepared).
    DitPrepared prepare(const torch::Tensor& context, const torch::Tensor& keepMask, const DitConditioning& cond);
    torch::Tensor forward(const torch::Tensor& xt, const torch::Tensor& t, const DitPrepared& prepared);

    const ModelConfig& config() const { return config_; }
    // Training only: keep each block's input instead of its activations and recompute the block in the backward
    // pass (about a third more compute for a fraction of the memory). Ignored in eval mode and without gradients.
    void setActivationCheckpointing(bool on) { m_checkpointBlocks = on; }
    // Parameters by part: input, time, caption_conditioning (pooled projection + null embeddings),
    // structure (section label, position, section caption projection + null), blocks, final.
    std::vector<std::pair<std::string, int64_t>> parameterBreakdown() const;

    torch::nn::Linear input{nullptr}, timeFc1{nullptr}, timeFc2{nullptr}, captionPool{nullptr};
    torch::nn::Embedding sectionLabel{nullptr};
    torch::nn::Linear positionFc1{nullptr}, positionFc2{nullptr}, sectionCaption{nullptr};
    torch::nn::Linear beatFc1{nullptr}, beatFc2{nullptr};  // only with config.dit.beatGrid
    torch::nn::Linear keyFc1{nullptr}, keyFc2{nullptr};    // only with config.dit.keyConditioning
    torch::Tensor nullCaptionToken, nullCaptionPooled, nullSectionCaption;
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm finalNorm{nullptr};
    torch::nn::Linear finalAda{nullptr}, output{nullptr};

private:
    ModelConfig config_;
    bool m_checkpointBlocks = false;
};
TORCH_MODULE(StructureDit);

// The paper's "DiT with its conditioners": the DiT's parts plus "caption_encoder", then "total".
std::vector<std::pair<std::string, int64_t>> conditionedDitParameterBreakdown(const StructureDit& dit,
                                                                              const CaptionEncoder& captionEncoder);

}  // namespace s2a::model
