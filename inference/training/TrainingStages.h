#pragma once

// Private to the trainer (includes LibTorch): the two kinds of stage. VaeStage.cpp trains the audio VAE
// (stage 1, and with the structure heads stage 2); DitStage.cpp trains the DiT and the caption encoder by flow
// matching (stages 3 and 4, and their ablation twins). Trainer.cpp chains them.
#include "inference/training/Trainer.h"
#include "inference/training/TrainingLoop.h"

#include <QElapsedTimer>

#include <cmath>
#include <functional>
#include <map>

#include <string>
#include <vector>

namespace s2a::inference::training::detail {

// What a stage needs from the run around it.
struct TrainContext {
    const TrainOptions& options;
    model::ModelConfig config;
    torch::Device device{torch::kCPU};
    LossLog& log;
    const TrainLog& say;
    JobControl& job;
    QElapsedTimer clock;
    int stepsThisRun = 0;

    // The time slice is over (minutes or stopAfterSteps reached) or the job was cancelled.
    bool sliceOver() const;
};

// One song's stem groups as half-precision audio [G, channels, samples] (halves the memory of hours of stems).
struct VaeSong {
    torch::Tensor audio;
    const TrainingSong* song = nullptr;
};

// One song's DiT data: the latent [G*C, frames], already divided by the latent scale.
struct DitSong {
    torch::Tensor latent;
    const TrainingSong* song = nullptr;
};

struct StageSpec {
    std::string name;
    int steps = 0;
    double learningRate = 1e-3;
};

// One optimiser step's loss and the terms to log (loss.csv columns, LossLog::columns()).
struct StepLoss {
    torch::Tensor loss;
    std::map<std::string, double> terms;
};

// The loop every stage runs: until `run` is done or the time slice is over (then a checkpoint and false), draw
// the step's randomness, ask `step` for the loss, update, log, report progress and checkpoint on schedule.
bool runStageLoop(TrainContext& context, StageRun& run, const StageSpec& spec,
                  const std::function<StepLoss(int step, StepDraws& draws)>& step);

// Trains net->vae (codec; with `withHeads` also the structure heads) from its current weights. Returns true
// when the stage is complete, false when the time slice ended (after a checkpoint).
bool trainVae(TrainContext& context, const StageSpec& spec, bool withHeads, const std::vector<VaeSong>& songs,
              model::Network net, model::Network ema);

// Trains net->dit and net->caption on latents from their current weights; same contract as trainVae.
bool trainDit(TrainContext& context, const StageSpec& spec, const std::vector<DitSong>& songs, model::Network net,
              model::Network ema);

// How well a VAE reconstructs: fixed 2 s crops (the middle of up to 8 songs, the loudest stem group of each)
// encoded to the mean latent and decoded. A VAE that learned only the corpus's average spectrum (the failure
// of a from-scratch codec trained too briefly) shows a spectral distance near 1 and a latent that barely
// depends on its input (spread near 0): nothing built on it can make music. The spectral codec makes up its
// own phase, so its waveform SNR stays near 0 dB even when it sounds right: the spectrum is what is judged.
struct VaeProbe {
    double snrDb = 0.0;          // 10 log10(sum x^2 / sum (x - y)^2) over all crops (phase-sensitive)
    double spectralDistance = 1.0;  // ||S - S'|| / ||S|| of 1024-point STFT magnitudes over all crops
    double logSpectralDb = 0.0;  // RMS over bins above -60 dB of the reference of the dB difference
    // Reconstructed-phase codecs: the same over the decoder's own magnitudes on its own STFT grid, before the
    // phase is made (NaN for the others).
    double magnitudeLogSpectralDb = std::nan("");
    double inputDb = -120.0;     // RMS level of the crops
    double outputDb = -120.0;    // RMS level of the reconstructions
    double latentSpread = 0.0;   // std across crops of the time-averaged latent / std of the latent overall
    int crops = 0;
    // Usable: not collapsed. Its reconstructions follow the input's level and spectral envelope and its latent
    // depends on the input, so a DiT can learn rhythm, dynamics and timbre from it (run 1's codec failed all
    // three: every input came back as the same -56 dBFS floor). Faithful: the spectrum itself comes back,
    // partials included, which needs far more training than two CPU cores give (docs/training/README.md).
    bool usable() const
    {
        return logSpectralDb <= 12.0 && std::abs(outputDb - inputDb) <= 6.0 && latentSpread >= 0.05;
    }
    bool faithful() const { return usable() && spectralDistance <= 0.6 && logSpectralDb <= 6.0; }
};
VaeProbe probeVae(model::Network net, const std::vector<VaeSong>& songs, const torch::Device& device);

// Multi-resolution STFT distance (spectral convergence + log-magnitude L1, averaged over 2048/1024/512/128-point
// FFTs) between two [B, T] signals.
torch::Tensor multiResolutionStftLoss(const torch::Tensor& reference, const torch::Tensor& estimate);

// The reconstructed-phase codec's loss: spectral convergence plus log-magnitude L1 between STFT magnitudes
// `reference` and the decoder's log-magnitudes `logEstimate` (same shape, AudioVae::decodeLogMagnitude).
torch::Tensor magnitudeLoss(const torch::Tensor& reference, const torch::Tensor& logEstimate);

}  // namespace s2a::inference::training::detail
