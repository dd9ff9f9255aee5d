#pragma once
// Private to the diffusion engine's translation units (DiffusionEngine.cpp: loading, generation, the shared
// sampling and codec steps; DiffusionRegenerate.cpp: repaint and stem-wise regeneration): the engine's state
// and the helpers both use. Includes LibTorch: never include it outside inference/diffusion/.
#include "inference/diffusion/DiffusionEngine.h"

#include "inference/StemGroups.h"
#include "inference/diffusion/GroupAudio.h"
#include "inference/diffusion/ModelConfigs.h"
#include "inference/arranger/CaptionParser.h"
#include "inference/arranger/MusicTheory.h"

#include "inference/model/AudioVae.h"
#include "inference/model/CaptionEncoder.h"
#include "inference/model/FlowSampler.h"
#include "inference/model/GuidedDitVelocity.h"
#include "inference/model/LatentInpainting.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/Network.h"
#include "inference/model/Splice.h"
#include "inference/model/StructureDit.h"
#include "inference/model/TorchDevice.h"
#include "inference/model/TorchScriptTextEncoder.h"
#include "inference/model/WeightLoader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

namespace s2a::inference::diffusion {

namespace detail {

using s2a::model::ModelConfig;

inline std::string utf8(const QString& s) { return s.toStdString(); }

using model::Network;

// How far the guided velocity's spread is pulled back to the conditional one's (FlowSampler.h). All the way:
// on 30 held-out songs it kept tempo adherence (70 %), raised instrument presence from 86 to 93 % and
// brought a guidance-4 drum stem from -7.9 to -16.8 LUFS (0.7: -13.0).
constexpr double kGuidanceRescale = 1.0;

// The tempo the model's beat grid runs at, and the take records: the request's, else one the caption names
// ("92 bpm"), else the middle of a named style's range, else 120. Deterministic, unlike the arranger's pick
// within the range: a take must be re-creatable from its seed.
inline double tempoOf(const GenerationRequest& request)
{
    if (request.tempo > 0.0)
        return request.tempo;
    const arranger::CaptionIntent intent = arranger::parseCaption(request.caption);
    if (intent.tempo)
        return *intent.tempo;
    if (intent.style) {
        const arranger::StyleDef& style = arranger::styleDef(*intent.style);
        return std::round(style.tempoMin + (style.tempoMax - style.tempoMin) * intent.tempoFeel.value_or(0.5));
    }
    return 120.0;
}

// The key a key-conditioned model is asked for, and the take records: the request's ("D minor"), else the one
// the caption names ("in Bb", its mode from the caption's words, major without any), else none (empty): the
// model then plays the key it finds likeliest, and the take says no key.
inline QString keyOf(const GenerationRequest& request)
{
    if (!request.key.trimmed().isEmpty()) {
        const auto key = arranger::Key::parse(request.key);
        return key ? key->toString() : request.key.trimmed();  // the spelling project.json and the model read
    }
    const arranger::CaptionIntent intent = arranger::parseCaption(request.caption);
    if (!intent.tonic)
        return {};
    return arranger::Key{*intent.tonic, intent.minor.value_or(false)}.toString();
}

inline int64_t labelId(const SectionPlan& s, const ModelConfig& config)
{
    return std::clamp<int64_t>(int64_t(s.label), 0, std::max(0, config.sectionLabelCount - 1));
}

// Autocast on CUDA for the duration of a scope (no-op elsewhere).
class AutocastScope {
public:
    AutocastScope(bool enable, bool half)
        : m_enabled(enable)
    {
        if (!m_enabled)
            return;
        const auto dtype = half ? at::kHalf : at::kBFloat16;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_dtype(at::kCUDA, dtype);
        at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
        at::autocast::set_autocast_gpu_dtype(dtype);
        at::autocast::set_enabled(true);
#endif
    }
    ~AutocastScope()
    {
        if (!m_enabled)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
        at::autocast::set_enabled(false);
#endif
        at::autocast::clear_cache();
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool m_enabled;
};

}  // namespace detail

using namespace detail;

struct DiffusionEngine::Impl {
    DiffusionOptions options;
    QString weightsPath;
    std::optional<ModelConfig> config;
    torch::Device device{torch::kCPU};
    Network net{nullptr};
    std::shared_ptr<model::TextEncoder> text;  // built-in, or the user's TorchScript encoder
    QString sha256;
    double latentScale = 1.0;  // DiT latents = VAE latents / latentScale (model::kLatentScaleKey)
    bool loaded = false;
    int encodes = 0;
    // Encoded context windows, newest last, keyed by a hash of the audio (and where it lies in the song).
    std::deque<std::pair<QByteArray, torch::Tensor>> latentCache;
    static constexpr size_t kCacheEntries = 8;

    Status load();
    bool autocast() const { return options.reducedPrecision && device.is_cuda(); }
    model::DitConditioning conditioning(const GenerationRequest& request, int64_t windowFirst, int64_t windowFrames,
                                        int64_t songFrames);
    // Samples one window: frames with keep 1 follow `context`. Returns the latent, or cancelledError().
    Result<torch::Tensor> sampleWindow(const GenerationRequest& request, const torch::Tensor& context,
                                       const torch::Tensor& keep, const model::DitConditioning& cond, quint64 seed,
                                       JobControl& job, double from, double to, const QString& stage);
    // [1, G*C, F] -> [G, ch, samples], one stem group at a time so that a long song's decode reports progress
    // ("Decoding bass (2 of 4)", from `from` to `to`) and can be cancelled between groups (an undefined tensor).
    torch::Tensor decodeGroups(const torch::Tensor& latent, int64_t samples, JobControl* job = nullptr,
                               double from = 0.0, double to = 1.0);
    torch::Tensor encodeGroups(const torch::Tensor& audio);                    // [G, ch, T] -> [1, G*C, F]
    core::TakeOrigin origin(const GenerationRequest& request, const QString& caption) const;
};

}  // namespace s2a::inference::diffusion
