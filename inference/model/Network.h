#pragma once

// Qt-free: part of the model library (s2a_model) that builds with LibTorch alone.
//
// The whole diffusion network under one module: audio VAE ("vae."), caption encoder ("caption.") and
// structure-guided DiT ("dit."), so strict loading and saving cover every tensor of one safetensors file. The
// engine, the trainer and the benchmark all build this one type.
#include "inference/model/AudioVae.h"
#include "inference/model/CaptionEncoder.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/StructureDit.h"

#include <map>
#include <string>

namespace s2a::model {

class NetworkImpl : public torch::nn::Module {
public:
    explicit NetworkImpl(const ModelConfig& config)
        : vae(register_module("vae", AudioVae(config.vae, config.audioChannels, config.sampleRate))),
          caption(register_module("caption", CaptionEncoder(config.caption))),
          dit(register_module("dit", StructureDit(config)))
    {
    }
    AudioVae vae;
    CaptionEncoder caption;
    StructureDit dit;
};
TORCH_MODULE(Network);

// The DiT works on VAE latents divided by one scale (the latents' standard deviation over the training
// corpus), so its data has about unit variance like the sampler's noise. The trainer measures it and records
// it in the weights' metadata under this key; files without it (random weights) use 1.
inline constexpr const char* kLatentScaleKey = "latent_scale";
inline double latentScaleOf(const std::map<std::string, std::string>& metadata)
{
    const auto it = metadata.find(kLatentScaleKey);
    if (it == metadata.end())
        return 1.0;
    try {
        const double v = std::stod(it->second);
        return v > 0.0 ? v : 1.0;
    } catch (const std::exception&) {
        return 1.0;
    }
}

}  // namespace s2a::model
