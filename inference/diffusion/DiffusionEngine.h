#pragma once

// The diffusion engine's Qt side: the Generator adapter around the Qt-free model library (s2a_model). One
// network = audio VAE + caption encoder + structure-guided DiT, loaded from one safetensors file whose tensors
// carry the prefixes "vae.", "caption." and "dit.". Torch stays out of this header (pimpl).
//
// - generate(): all latent frames of the song are sampled from scratch (windowed with overlap when the song is
//   longer than the DiT's maxFrames), each stem group decoded on its own: one Stem per group, exactly the
//   song's length.
// - regenerate(): repaint of sections[targetSection]. The song's current stems (request.context) are summed
//   into the model's stem groups by role, a window of +-contextSeconds around the section is encoded (cached by
//   the audio's hash), the section's frames are sampled with everything else in the window kept, the window is
//   decoded and the section's samples are cut out, with equal-power cross-fades against the old audio *inside*
//   the section at every edge that has a neighbour. The result covers exactly the section, so laying it in
//   leaves every other sample of the song bit-identical. A section that starts at or after the end of the
//   context audio is an extend: the same mask with nothing to keep after it, and no seam fade at its start
//   when there is no old audio to blend with.
#include "inference/Generator.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace s2a::inference::diffusion {

// The model config whose trained weights ship (resources/models/<config>/model.safetensors): what the engine,
// Settings and s2a-eval use unless told otherwise.
inline QString defaultModelConfig() { return QStringLiteral("small-keyed"); }

struct DiffusionOptions {
    QString config = defaultModelConfig();  // a built-in model config (resources/models/configs/<name>.json)
    QString weightsPath;                      // empty: defaultWeightsPath(config)
    QString device = QStringLiteral("auto");  // "auto", "cpu" or "cuda" (falls back to the CPU)
    int cpuThreads = 0;                       // 0: LibTorch's default
    // On CUDA only: run the DiT and the VAE under autocast in bfloat16 (or float16 when `halfPrecision`). The
    // CPU always runs float32, so CPU results stay bit-reproducible.
    bool reducedPrecision = false;
    bool halfPrecision = false;
    // A TorchScript text encoder (model/TorchScriptTextEncoder.h) in place of the built-in caption encoder;
    // its width must match the DiT's textWidth, and the DiT must have been trained with it.
    QString textEncoderPath;
    // Reconstructed-phase codecs: Griffin-Lim passes after the phase-locked start, in place of the config's
    // (VaeConfig::phaseIterations); negative keeps the config's. s2a-eval uses it to measure what passes buy.
    int phaseIterations = -1;
};

// What roundTrip() sends the stems through.
enum class RoundTripPath {
    Codec,      // encoder -> mean latent -> decoder: the codec ceiling
    PhaseOnly,  // the stems' own STFT magnitudes, phase by the decoder's reconstruction: the codec's phase floor
};

// Where the weights of `config` are looked for, in order: $S2A_WEIGHTS when set (then nothing else),
// <app dir>/../share/s2a-studio/models/<config>/model.safetensors, <app dir>/resources/models/<config>/...,
// and <source tree>/resources/models/<config>/model.safetensors.
QStringList weightsSearchPaths(const QString& config = defaultModelConfig());
// The first of weightsSearchPaths() that exists, else the first candidate (where weights are expected).
QString defaultWeightsPath(const QString& config = defaultModelConfig());
bool hasDefaultWeights(const QString& config = defaultModelConfig());
// "no weights for config tiny: looked for A, B; use the arranger engine instead."
QString noWeightsMessage(const QString& config, const QStringList& searched);
// One line for `s2a --version` and Help > About: which weights file the diffusion engine would load, or that
// there is none and where it looked ("Diffusion model tiny-pitched: /usr/share/s2a-studio/models/tiny-pitched/...").
QString weightsReport(const QString& config = defaultModelConfig());

// Writes seeded random-initialised weights for `config` (every tensor of the network, in the engine's naming)
// to `path`; the network then produces noise-like audio, which is enough to test everything but the music.
// Used by tests and as the trainer's starting point. Returns the file's SHA-256 (hex).
Result<QString> writeRandomWeights(const QString& config, const QString& path, quint64 seed);

// What checkWeightsFile() found in a weights file that fits `config`.
struct WeightsCheck {
    QString sha256;           // of the whole file, hex: what every take made with it records
    int tensorCount = 0;
    qint64 parameterCount = 0;
};
// Whether `path` holds exactly the weights of `config` (every name, shape and dtype, nothing else), read from
// its header alone; the error lists every mismatch. Builds the config's network for its shapes (1.6 GB for
// s2a-402m), so call it off the UI thread.
Result<WeightsCheck> checkWeightsFile(const QString& config, const QString& path);

class DiffusionEngine : public Generator {
public:
    explicit DiffusionEngine(DiffusionOptions options = {});
    ~DiffusionEngine() override;
    DiffusionEngine(const DiffusionEngine&) = delete;
    DiffusionEngine& operator=(const DiffusionEngine&) = delete;

    QString id() const override { return QStringLiteral("diffusion"); }
    QString displayName() const override { return QStringLiteral("Diffusion (S2A)"); }
    Result<GenerationResult> generate(const GenerationRequest& request, JobControl& job) override;
    Result<GenerationResult> regenerate(const GenerationRequest& request, JobControl& job) override;

    // What the model's codec makes of `stems`: summed into its stem groups by role, each group encoded to the mean
    // latent and decoded, one Stem per group of the longest stem's length. The ceiling of anything the DiT can
    // generate (s2a-eval's codec row and the codec tests). PhaseOnly skips the network: what the decoder would give
    // with exact magnitudes (reconstructed-phase codecs only; an error otherwise).
    Result<QVector<Stem>> roundTrip(const QVector<Stem>& stems, int sampleRate,
                                    RoundTripPath path = RoundTripPath::Codec);
    // Loads the weights now (they are loaded on first use otherwise, once). Fails with noWeightsMessage()
    // when the file is missing.
    Status load();
    bool isLoaded() const;
    QString weightsPath() const;   // the file used (or to be used)
    QString weightsSha256() const; // empty until loaded
    QString device() const;        // "cpu", "cuda:0"; empty until loaded
    bool hasPhaseFloor() const;    // loaded, and its codec reconstructs phase (RoundTripPath::PhaseOnly works)
    // How often the VAE encoder ran for regeneration context (a cache hit does not count): for tests.
    int contextEncodeCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace s2a::inference::diffusion
