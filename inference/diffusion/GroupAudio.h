#pragma once

// Private to the diffusion engine (includes LibTorch types): a song's audio to and from the model's stem groups.
// One Stem per group out of the decoder, the song's stems summed by role into the groups the encoder reads.

#include "inference/Generator.h"
#include "inference/model/ModelConfig.h"

#include <torch/types.h>

#include <string>
#include <vector>

namespace s2a::inference::diffusion {

// "harmonic" -> "Harmonic": the name a decoded group's track gets.
QString nameForGroup(const std::string& group);

// [G, channels, count] float tensor of samples [from, from + count) of one buffer per group.
torch::Tensor toTensor(const std::vector<core::AudioBuffer>& groups, int channels, int64_t from, int64_t count);

// One Stem per group of decoded audio [G, channels, samples] (contiguous float).
QVector<Stem> stemsOf(const torch::Tensor& audio, const model::ModelConfig& config, int sampleRate);

// Stems summed into the model's stem groups by role, each `samples` long (silence past a stem's end).
std::vector<core::AudioBuffer> sumIntoGroups(const QVector<Stem>& stems, const model::ModelConfig& config,
                                             int64_t samples, int sampleRate);

}  // namespace s2a::inference::diffusion
