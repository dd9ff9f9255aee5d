#pragma once

// s2a-train's engine: the paper's four-stage recipe on a training manifest (training/Manifest.h, written by
// s2a-prepare), in LibTorch (kept out of this header). Qt-free: it builds with LibTorch, libsndfile and
// nlohmann-json alone, so a GPU server with only PyTorch's LibTorch builds it (S2A_TRAINER_ONLY).
//   1 "vae"        audio VAE on stems: multi-resolution STFT + waveform L1 + KL
//   2 "structure"  structure-guided VAE fine-tuning: + auxiliary heads (melody, chroma, onset/beat, bass,
//                  chord per latent frame; exact targets from the arranger's MIDI)
//      "latents"   every kept song's stem groups encoded once with the stage-2 VAE (the DiT's data)
//   3 "dit"        DiT pre-training with flow matching on all kept songs: caption dropout (global and section
//                  captions independently) for guidance, random repaint/extend/generate masks
//   4 "sft"        fine-tuning on the top-graded ~20 % (the paper's pretrain -> SFT-on-best)
// and, with `ablation`, stages 3 and 4 again on the plain stage-1 VAE ("ablation-*"), so that the evaluation
// can set the structure-guided latent against the plain one.
//
// Every stage uses AdamW with linear warm-up and cosine decay, EMA weights, gradient clipping, and checkpoints
// (model, EMA, optimiser, step) every `checkpointEvery` steps and at the end of a time slice: a run stopped
// anywhere resumes where it was, and the loss of the next step is the same as in an uninterrupted run (the data
// and noise of step k are drawn from a generator seeded by (seed, stage, k), not from a running stream).
//
// Data-parallel on c10d (training/Distributed.h): every rank runs this same function; the global batch is
// split over the ranks, rank 0 writes. A stage without the data its structure heads need (a manifest of real
// recordings carries no MIDI targets) is skipped with a note.
//
// The output folder holds loss.csv, state.json, checkpoints/, one full-network safetensors per stage (EMA
// weights) and model.safetensors, the final one.
#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace s2a::training {

class Distributed;

struct TrainOptions {
    std::string config = "tiny";
    std::string manifest;                     // manifest.json
    std::string outDir;
    std::string device = "cpu";               // "cpu", "cuda", "auto"
    int threads = 0;                          // CPU threads (0: one per core)
    uint64_t seed = 1;

    // The defaults are run 2's recipe (docs/training/README.md), sized to about an hour on two CPU cores; a GPU
    // run scales them up.
    int vaeSteps = 2400;
    int structureSteps = 600;
    int ditSteps = 3000;
    int sftSteps = 600;
    bool ablation = true;                     // also stages 3-4 on the plain VAE
    // A weights file whose codec ("vae.*" tensors) stage 1 takes instead of training one: a new DiT (another
    // width, key conditioning) on a codec trained before. Its VAE tensors must fit this config's.
    std::string codecFrom;

    // Global batches (over all ranks; each must divide by the world size).
    int vaeBatch = 2;                         // songs per VAE step (each gives one crop per stem group)
    int vaeCropFrames = 8;                    // VAE crop in latent frames (x hop samples): ~0.74 s for tiny
    int ditBatch = 8;
    // Memory for batch (docs/training/scale.md): the DiT stages split each rank's share of the global batch into
    // this many micro-batches, each forward and backward on its own, the gradients summed before the one
    // all-reduce and optimiser step (the loss is normalised over the global batch, so the step is the same as
    // without); recompute each DiT block in the backward pass instead of storing its activations; matrix
    // products in bf16 under autocast (CUDA, or the CPU where it has bf16 instructions), weights in fp32.
    int ditAccumulation = 1;
    bool activationCheckpointing = false;
    bool bf16 = false;
    int ditCropFrames = 160;                  // ~15 s at tiny's 10.8 Hz (7.4 s at the paper's 21.5 Hz)
    double vaeLearningRate = 6e-4;
    double ditLearningRate = 6e-4;
    double sftLearningRate = 1.5e-4;
    int warmupSteps = 100;
    double emaDecay = 0.999;
    double gradientClip = 1.0;
    double captionDropout = 0.15;             // each of global / section captions, independently
    // Stages 3 and 4 of a model with several stem groups: the share of items whose keep-mask clamps a random
    // subset of the groups on every frame (known stems: accompaniment, add / replace one stem).
    double stemMaskShare = 0.25;
    // Models with dit.keyConditioning: the share of items that train without their key (beyond those whose
    // global caption is dropped), so a request that names none still has a learnt meaning.
    double keyDropout = 0.2;
    double headWeight = 0.5;                  // stage 2: weight of the structure-head losses
    double klWeight = 1e-4;
    // Harmonic-head codecs: weight of a second magnitude loss on the bass, harmonic and lead stems that sees the
    // pitched part alone. Without it the smooth noise envelope, which is cheaper to fit, explained the tonal
    // stems' partials as shaped noise (run 7: pitchedness 0.29 against the held-out audio's 0.81).
    double tonalHarmonicWeight = 0.0;
    // Harmonic-head codecs: weight of a penalty on how many semitones sound at once in a frame (the activations'
    // L1 / L2 ratio over sqrt(pitches), 1 when all sound equally, 1/sqrt(pitches) for one note; scale-free, so
    // the envelope cannot buy it back). Run 8's activations spread over many semitones, a dense comb that fills
    // the valleys between a real note's partials.
    double harmonicSparsityWeight = 0.0;
    bool vaeSampleLatent = false;             // decode a posterior sample instead of the mean (see VaeStage.cpp)
    double sftFraction = 0.2;
    int checkpointEvery = 50;

    // Time slicing: stop after a checkpoint once this many minutes have passed (0: run to the end), or once
    // this many steps were taken in this invocation (0: no limit; the tests' resume check).
    double minutes = 0.0;
    int stopAfterSteps = 0;

    // Every rank appends "<stage> <step> <hash of its live weights>" to <outDir>/replicas/rank-<r>.txt after
    // each step: the proof that the replicas stay bit-identical (costs one pass over the weights per step).
    bool logReplicas = false;
};

struct TrainSummary {
    std::vector<std::string> stagesDone;      // in order, including those finished by earlier invocations
    bool finished = false;                    // every stage done (false: the time slice ended first)
    std::string modelPath;                    // model.safetensors once finished
    std::string modelSha256;
    // Reasons the weights are not fit to ship, e.g. a VAE whose reconstructions do not depend on its input
    // (from the probes after stages 1 and 2: <stage>-probe.json in the output folder).
    std::vector<std::string> warnings;
};

struct TrainingError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using TrainLog = std::function<void(const std::string& line)>;

// Runs (or resumes) the recipe in options.outDir on the manifest options.manifest, as one rank of `dist`.
// Throws TrainingError (unreadable manifest, no songs, unknown config, an unwritable output folder, a peer
// rank gone). Setting `cancel` checkpoints at the next step (on every rank) and returns with finished = false.
TrainSummary runTraining(const TrainOptions& options, const TrainLog& log, Distributed& dist,
                         const std::atomic<bool>& cancel);

}  // namespace s2a::training
