#pragma once

// Which engines this build can run right now, for the UI's engine lists and the CLI: one list, so the New Song
// dialog, the generation queue and `s2a` agree. Torch-free.
#include "inference/Generator.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QString>
#include <QVector>

#include <memory>
#include <optional>

namespace s2a::inference {

struct EngineInfo {
    QString id;           // "arranger", "diffusion"
    QString name;         // for the UI
    bool available = false;
    QString reason;       // why not, when not available
};

// The arranger (always available) and the diffusion engine, available exactly when the default weights of
// its default config ("tiny") exist (see diffusion::defaultWeightsPath(); $S2A_WEIGHTS overrides). Checked
// anew on every call.
QVector<EngineInfo> availableEngines();
std::optional<EngineInfo> engineInfo(const QString& id);

// The user's choices for the diffusion engine (Generate > Engine Settings…), kept in QSettings under
// engines/diffusion/: "device" ("auto", "cpu", "cuda") and "threads" (0 = one per core).
struct DiffusionSettings {
    QString device = QStringLiteral("auto");
    int threads = 0;
    // Larger trained weights plug in here: a built-in config name (its weights are looked for where
    // diffusion::weightsSearchPaths says, or at $S2A_WEIGHTS), and optionally a TorchScript text encoder.
    // $S2A_MODEL_CONFIG and $S2A_TEXT_ENCODER override the stored values.
    QString config = diffusion::defaultModelConfig();
    QString textEncoder;
    // A weights file the user chose in Settings (checked there against the config); empty: the config's
    // default (diffusion::defaultWeightsPath). $S2A_WEIGHTS overrides it.
    QString weights;
};
// The weights file the diffusion engine loads under `settings`.
QString weightsPathFor(const DiffusionSettings& settings);
// What the engine uses: the stored settings with the environment's overrides.
DiffusionSettings diffusionSettings();
// The user's stored choices alone: what an edit starts from, so that an override of one launch is never saved.
DiffusionSettings storedDiffusionSettings();
void setDiffusionSettings(const DiffusionSettings& settings);

// A fresh engine by id ("diffusion": the settings' config, its default weights, the device and threads of diffusionSettings()).
// Unknown ids fail; the diffusion engine is made even without weights and fails with its "no weights"
// message when used.
// `weights`, when given, replaces the settings' weights file (a job that names its own model).
Result<std::unique_ptr<Generator>> makeEngine(const QString& id, const QString& weights = {});

// What makeEngine(id) would make now, as a string: the id and, for diffusion, the settings and the weights
// file it would load. A caller that keeps an engine warm between jobs makes a new one when this changes.
QString engineIdentity(const QString& id);

}  // namespace s2a::inference
