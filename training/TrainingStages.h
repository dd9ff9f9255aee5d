#pragma once

// Private to the trainer (includes LibTorch): the two kinds of stage. VaeStage.cpp trains the audio VAE
// (stage 1, and with the structure heads stage 2); DitStage.cpp trains the DiT and the caption encoder by flow
// matching (stages 3 and 4, and their ablation twins). Trainer.cpp chains them.
#include "training/Manifest.h"
#include "training/Trainer.h"
#include "training/TrainingLoop.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>

#include <string>
#include <vector>

namespace s2a::training::detail {

// Which of a step's micro-batches a call of the step function computes.
struct MicroBatch {
    int index = 0;
    int count = 1;
};

// What a stage needs from the run around it.
struct TrainContext {
    const TrainOptions& options;
    model::ModelConfig config;
    torch::Device device{torch::kCPU};
    LossLog& log;
    const TrainLog& say;
    const std::atomic<bool>& cancel;
    Distributed& dist;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    int stepsThisRun = 0;
    // Called after every step on every rank with a hash of its live weights (TrainOptions::replicaLog).
    std::function<void(const std::string& stage, int step, uint64_t hash)> replicaLog;

    // This rank's time slice is over (minutes or stopAfterSteps reached) or it was cancelled.
    bool sliceOver() const;
    // `terms` averaged over the ranks; `stop` becomes true on every rank when it is true on any.
    std::map<std::string, double> averageOverRanks(const std::map<std::string, double>& terms, bool& stop) const;
    // This rank's items of a global batch of `items` (Distributed.h: sliceOf).
    ItemRange slice(int items) const { return sliceOf(items, dist.rank(), dist.worldSize()); }
    // Micro-batch `micro` of this rank's slice: the slice cut into micro.count near-equal parts (some may be
    // empty when the slice has fewer items than parts).
    ItemRange slice(int items, MicroBatch micro) const
    {
        const ItemRange r = slice(items);
        return {r.first + r.count() * micro.index / micro.count, r.first + r.count() * (micro.index + 1) / micro.count};
    }
    // sqrt of a sum over the global batch from this rank's share `localSum`: its value is the global root on
    // every rank, and its gradient, averaged over the ranks, is the global root's.
    torch::Tensor globalRoot(const torch::Tensor& localSum) const;
};

// The songs' stem groups for the codec stages, read from disk when asked (each step's crops, the probe's
// windows, the encoder's chunks): nothing is held between calls, so a manifest of hundreds of hours trains on a
// machine with a few GB (the page cache keeps what a small corpus rereads).
class SongAudio {
public:
    // Opens every file's header (not its audio): a missing, unreadable or wrong-rate file fails here, before
    // any training, with ManifestError naming it.
    SongAudio(const Manifest& manifest, const std::vector<ManifestSong>& songs);
    size_t size() const { return m_songs.size(); }
    const ManifestSong& song(size_t i) const { return m_songs[i]; }
    int64_t samples(size_t i) const { return m_songs[i].samples; }
    // Samples [first, first + length) of song i's groups as float [G, 2, length], silence past its end.
    torch::Tensor read(size_t i, int64_t first, int64_t length) const;

private:
    const Manifest& m_manifest;
    const std::vector<ManifestSong>& m_songs;
};

// One song's DiT data: the latent [G*C, frames], already divided by the latent scale.
struct DitSong {
    torch::Tensor latent;
    const ManifestSong* song = nullptr;
};

struct StageSpec {
    std::string name;
    int steps = 0;
    double learningRate = 1e-3;
    int microBatches = 1;  // per rank per step (TrainOptions::ditAccumulation); the codec stages take 1
};

// One micro-batch's loss (its share of the global batch's loss on this rank; undefined when it has no items here)
// and the terms to log (loss.csv columns, LossLog::columns()), likewise shares: the loop sums them over the
// micro-batches and averages them over the ranks.
struct StepLoss {
    torch::Tensor loss;
    std::map<std::string, double> terms;
};

// The loop every stage runs: until `run` is done or the time slice is over (then a checkpoint and false), draw
// the step's randomness, ask `step` for the loss, update, log, report progress and checkpoint on schedule.
bool runStageLoop(TrainContext& context, StageRun& run, const StageSpec& spec,
                  const std::function<StepLoss(int step, StepDraws& draws, MicroBatch micro)>& step);

// Trains net->vae (codec; with `withHeads` also the structure heads) from its current weights. Returns true
// when the stage is complete, false when the time slice ended (after a checkpoint).
bool trainVae(TrainContext& context, const StageSpec& spec, bool withHeads, const SongAudio& songs,
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
VaeProbe probeVae(model::Network net, const SongAudio& songs, const torch::Device& device);

// Multi-resolution STFT distance (spectral convergence + log-magnitude L1, averaged over 2048/1024/512/128-point
// FFTs) between two [B, T] signals, over the global batch (`context` supplies the other ranks' sums).
torch::Tensor multiResolutionStftLoss(const TrainContext& context, const torch::Tensor& reference, const torch::Tensor& estimate);

// The reconstructed-phase codec's loss: spectral convergence plus log-magnitude L1 between STFT magnitudes
// `reference` and the decoder's log-magnitudes `logEstimate` (same shape, AudioVae::decodeLogMagnitude), over
// the global batch.
torch::Tensor magnitudeLoss(const TrainContext& context, const torch::Tensor& reference, const torch::Tensor& logEstimate);

}  // namespace s2a::training::detail
