// The diffusion engine's moves between a song's audio and the model's stem groups (GroupAudio.h).
#include "inference/diffusion/GroupAudio.h"

#include "inference/StemGroups.h"

#include <torch/torch.h>

#include <algorithm>

namespace s2a::inference::diffusion {

QString nameForGroup(const std::string& group)
{
    QString name = QString::fromStdString(group);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

// [G, channels, T] float tensor from one buffer per group (all of length T).
torch::Tensor toTensor(const std::vector<core::AudioBuffer>& groups, int channels, int64_t from, int64_t count)
{
    auto out = torch::zeros({int64_t(groups.size()), channels, count});
    auto acc = out.accessor<float, 3>();
    for (size_t g = 0; g < groups.size(); ++g)
        for (int c = 0; c < channels; ++c) {
            const auto& src = groups[g].channels[size_t(std::min(c, groups[g].channelCount() - 1))];
            for (int64_t i = 0; i < count; ++i)
                acc[int64_t(g)][c][i] = src[size_t(from + i)];
        }
    return out;
}

// One Stem per group of decoded audio [G, channels, samples] (contiguous float).
QVector<Stem> stemsOf(const torch::Tensor& audio, const model::ModelConfig& config, int sampleRate)
{
    QVector<Stem> stems;
    const int64_t samples = audio.size(2);
    for (int g = 0; g < config.stemGroupCount(); ++g) {
        Stem stem;
        stem.role = roleForStemGroup(config.stemGroups[size_t(g)]);
        stem.name = nameForGroup(config.stemGroups[size_t(g)]);
        stem.audio.sampleRate = sampleRate;
        for (int c = 0; c < config.audioChannels; ++c) {
            const float* p = audio[g][c].data_ptr<float>();
            stem.audio.channels.emplace_back(p, p + samples);
        }
        stems.append(std::move(stem));
    }
    return stems;
}

// Stems summed into the model's stem groups by role, each `samples` long (silence past a stem's end).
std::vector<core::AudioBuffer> sumIntoGroups(const QVector<Stem>& stems, const model::ModelConfig& config, int64_t samples,
                                             int sampleRate)
{
    const int channels = config.audioChannels;
    std::vector<core::AudioBuffer> groups(size_t(config.stemGroupCount()),
                                          core::AudioBuffer::silence(channels, samples, sampleRate));
    for (const Stem& s : stems)
        core::mixInto(groups[size_t(stemGroupFor(s.role, config.stemGroups))], s.audio);
    return groups;
}

}  // namespace s2a::inference::diffusion
