#include "inference/EngineCatalogue.h"

#include "inference/arranger/ArrangerEngine.h"
#include "inference/diffusion/DiffusionEngine.h"

namespace s2a::inference {

QVector<EngineInfo> availableEngines()
{
    const QString config = QStringLiteral("tiny");
    const bool weights = diffusion::hasDefaultWeights(config);
    return {EngineInfo{QStringLiteral("arranger"), QStringLiteral("Arranger (procedural)"), true, QString()},
            EngineInfo{QStringLiteral("diffusion"), QStringLiteral("Diffusion (S2A)"), weights,
                       weights ? QString()
                               : QStringLiteral("no weights for config %1 — the arranger is used instead").arg(config)}};
}

std::optional<EngineInfo> engineInfo(const QString& id)
{
    for (const EngineInfo& e : availableEngines())
        if (e.id == id)
            return e;
    return std::nullopt;
}

Result<std::unique_ptr<Generator>> makeEngine(const QString& id)
{
    if (id == QLatin1String("arranger"))
        return std::unique_ptr<Generator>(std::make_unique<arranger::ArrangerEngine>());
    if (id == QLatin1String("diffusion"))
        return std::unique_ptr<Generator>(std::make_unique<diffusion::DiffusionEngine>());
    return Error{QStringLiteral("There is no engine \"%1\".").arg(id)};
}

}  // namespace s2a::inference
