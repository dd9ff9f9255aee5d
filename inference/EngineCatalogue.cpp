#include "inference/EngineCatalogue.h"

#include "inference/arranger/ArrangerEngine.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace s2a::inference {

QVector<EngineInfo> availableEngines()
{
    const DiffusionSettings settings = diffusionSettings();
    const QString config = settings.config;
    const bool weights = QFileInfo(weightsPathFor(settings)).isFile();
    return {EngineInfo{QStringLiteral("arranger"), QStringLiteral("Arranger (procedural)"), true, QString()},
            EngineInfo{QStringLiteral("diffusion"), QStringLiteral("Diffusion (S2A)"), weights,
                       weights ? QString()
                               : QStringLiteral("no weights for config %1 — the arranger is used instead").arg(config)}};
}

DiffusionSettings storedDiffusionSettings()
{
    const QSettings settings;
    DiffusionSettings s;
    const QString device = settings.value(QStringLiteral("engines/diffusion/device"), s.device).toString();
    if (device == QLatin1String("cpu") || device == QLatin1String("cuda"))
        s.device = device;
    s.threads = std::max(0, settings.value(QStringLiteral("engines/diffusion/threads"), 0).toInt());
    s.config = settings.value(QStringLiteral("engines/diffusion/config"), s.config).toString();
    s.textEncoder = settings.value(QStringLiteral("engines/diffusion/textEncoder")).toString();
    s.weights = settings.value(QStringLiteral("engines/diffusion/weights")).toString();
    // A config stored when it shipped ("tiny", before tiny-pitched replaced it), with no file of the user's own
    // and no weights where it shipped: the model that ships now, not "no weights".
    if (s.weights.isEmpty() && s.config != diffusion::defaultModelConfig() && !diffusion::hasDefaultWeights(s.config)
        && diffusion::hasDefaultWeights(diffusion::defaultModelConfig()))
        s.config = diffusion::defaultModelConfig();
    return s;
}

DiffusionSettings diffusionSettings()
{
    DiffusionSettings s = storedDiffusionSettings();
    s.config = qEnvironmentVariable("S2A_MODEL_CONFIG", s.config);
    s.textEncoder = qEnvironmentVariable("S2A_TEXT_ENCODER", s.textEncoder);
    return s;
}

void setDiffusionSettings(const DiffusionSettings& s)
{
    QSettings settings;
    settings.setValue(QStringLiteral("engines/diffusion/device"), s.device);
    settings.setValue(QStringLiteral("engines/diffusion/threads"), s.threads);
    settings.setValue(QStringLiteral("engines/diffusion/config"), s.config);
    settings.setValue(QStringLiteral("engines/diffusion/textEncoder"), s.textEncoder);
    settings.setValue(QStringLiteral("engines/diffusion/weights"), s.weights);
}

QString weightsPathFor(const DiffusionSettings& settings)
{
    if (settings.weights.isEmpty() || qEnvironmentVariableIsSet("S2A_WEIGHTS"))
        return diffusion::defaultWeightsPath(settings.config);
    return settings.weights;
}

std::optional<EngineInfo> engineInfo(const QString& id)
{
    for (const EngineInfo& e : availableEngines())
        if (e.id == id)
            return e;
    return std::nullopt;
}

Result<std::unique_ptr<Generator>> makeEngine(const QString& id, const QString& weights)
{
    if (id == QLatin1String("arranger"))
        return std::unique_ptr<Generator>(std::make_unique<arranger::ArrangerEngine>());
    if (id == QLatin1String("diffusion")) {
        const DiffusionSettings chosen = diffusionSettings();
        diffusion::DiffusionOptions options;
        options.device = chosen.device;
        options.cpuThreads = chosen.threads;
        options.config = chosen.config;
        options.textEncoderPath = chosen.textEncoder;
        options.weightsPath = weights.isEmpty() ? weightsPathFor(chosen) : weights;
        return std::unique_ptr<Generator>(std::make_unique<diffusion::DiffusionEngine>(options));
    }
    return Error{QStringLiteral("There is no engine \"%1\".").arg(id)};
}

QString engineIdentity(const QString& id)
{
    if (id != QLatin1String("diffusion"))
        return id;
    const DiffusionSettings s = diffusionSettings();
    return QStringList{id, s.device, QString::number(s.threads), s.config, s.textEncoder,
                       weightsPathFor(s)}.join(QLatin1Char('|'));
}

}  // namespace s2a::inference
