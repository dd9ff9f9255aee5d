// The diffusion engine's weights files: random weights for tests and benchmarks, and the check of a user's file
// (Settings > Generation, the inspector's model). Apart from DiffusionEngine.cpp, which runs the model.
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/diffusion/ModelConfigs.h"

#include "inference/model/Network.h"
#include "inference/model/WeightLoader.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <ATen/CPUGeneratorImpl.h>

namespace s2a::inference::diffusion {

namespace {

std::string utf8(const QString& s) { return s.toStdString(); }

}  // namespace

using model::ModelConfig;
using model::Network;

Result<ModelConfig> configNamed(const QString& name)
{
    try {
        return model::builtinModelConfig(utf8(name));
    } catch (const std::exception& e) {
        return Error{QStringLiteral("Unknown diffusion model config \"%1\": %2").arg(name, QString::fromStdString(e.what()))};
    }
}

Result<QString> writeRandomWeights(const QString& configName, const QString& path, quint64 seed)
{
    auto config = configNamed(configName);
    if (!config)
        return config.error();
    // Module constructors draw from the global generator; serialise so two callers cannot interleave.
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    Network net(config.value());
    // adaLN-zero (and zero-initialised output layers and null embeddings) would make a fresh DiT predict
    // exactly zero velocity; give those tensors small seeded values so the network does something.
    auto generator = at::detail::createCPUGenerator(seed ^ 0x5eedULL);
    for (auto& p : net->parameters())
        if (p.numel() > 0 && p.abs().max().item<float>() == 0.0f)
            p.copy_(at::normal(0.0, 0.02, p.sizes(), generator));
    if (!QFileInfo(path).dir().exists())
        QDir().mkpath(QFileInfo(path).absolutePath());
    auto saved = model::saveWeights(*net, utf8(path),
                                    {{"config", utf8(configName)}, {"init", "random"}, {"seed", std::to_string(seed)}});
    if (!saved)
        return Error{QString::fromStdString(saved.error)};
    return QString::fromStdString(saved->sha256);
}

Result<WeightsCheck> checkWeightsFile(const QString& configName, const QString& path)
{
    auto config = configNamed(configName);
    if (!config)
        return config.error();
    try {
        torch::NoGradGuard noGrad;
        Network net(config.value());  // for its names and shapes; nothing is read into it
        auto report = model::checkWeights(*net, utf8(path), {utf8(configName), {}});
        if (!report)
            return Error{QString::fromStdString(report.error)};
        WeightsCheck check;
        check.sha256 = QString::fromStdString(report->sha256);
        check.tensorCount = int(report->tensorCount);
        for (const auto& p : net->parameters())
            check.parameterCount += p.numel();
        return check;
    } catch (const std::exception& e) {
        return Error{QStringLiteral("Could not check %1: %2").arg(path, QString::fromUtf8(e.what()))};
    }
}

}  // namespace s2a::inference::diffusion
