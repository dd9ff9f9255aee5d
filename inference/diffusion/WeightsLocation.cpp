// Where the diffusion engine looks for its weights. Kept out of the engine's LibTorch translation unit: the
// UI and the CLI ask this (is diffusion available?) without building or loading a network.
#include "inference/diffusion/DiffusionEngine.h"

#include "inference/model/ModelConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace s2a::inference::diffusion {

QStringList weightsSearchPaths(const QString& config)
{
    const QString override = qEnvironmentVariable("S2A_WEIGHTS");
    if (!override.isEmpty())
        return {override};
    const QString relative = QStringLiteral("%1/model.safetensors").arg(config);
    QStringList paths;
    if (QCoreApplication::instance()) {
        const QDir app(QCoreApplication::applicationDirPath());
        paths << QDir::cleanPath(app.filePath(QStringLiteral("../share/s2a-studio/models/") + relative))
              << QDir::cleanPath(app.filePath(QStringLiteral("resources/models/") + relative));
    }
    const QString configDir = QString::fromStdString(model::sourceConfigDirectory());
    if (!configDir.isEmpty())
        paths << QDir::cleanPath(configDir + QStringLiteral("/../") + relative);
    paths.removeDuplicates();
    return paths;
}

QString defaultWeightsPath(const QString& config)
{
    const QStringList paths = weightsSearchPaths(config);
    for (const QString& p : paths)
        if (QFileInfo(p).isFile())
            return p;
    return paths.isEmpty() ? QString() : paths.back();
}

bool hasDefaultWeights(const QString& config) { return QFileInfo(defaultWeightsPath(config)).isFile(); }

QString noWeightsMessage(const QString& config, const QStringList& searched)
{
    return QStringLiteral("no weights for config %1: looked for %2; use the arranger engine instead")
        .arg(config, searched.join(QStringLiteral(", ")));
}

QString weightsReport(const QString& config)
{
    const QString path = defaultWeightsPath(config);
    if (QFileInfo(path).isFile())
        return QStringLiteral("Diffusion model %1: %2").arg(config, QDir::toNativeSeparators(path));
    return QStringLiteral("Diffusion model %1: not found (looked for %2)")
        .arg(config, weightsSearchPaths(config).join(QStringLiteral(", ")));
}

}  // namespace s2a::inference::diffusion
