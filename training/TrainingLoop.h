#pragma once

// Private to the trainer (includes LibTorch): what every stage shares. An optimiser with its schedule, the EMA
// copy, gradient clipping, checkpoints that resume bit-exactly, per-step seeds, and the loss log.
#include "inference/model/Network.h"
#include "training/Distributed.h"

#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>

#include <functional>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace s2a::training::detail {

struct ScheduleOptions {
    double learningRate = 1e-3;
    int totalSteps = 1000;
    int warmupSteps = 100;
    double emaDecay = 0.999;
    double gradientClip = 1.0;
    double minFactor = 0.1;  // cosine decays to this fraction of the peak rate
};

// The learning rate of step `step` (0-based): linear warm-up to the peak, then cosine down to minFactor.
double scheduledRate(const ScheduleOptions& options, int step);

// A seed for step `step` of stage `stage`: the data and noise of a step depend on nothing else, so a resumed
// run draws exactly what an uninterrupted one would.
uint64_t stepSeed(uint64_t seed, const std::string& stage, int step);

// The random draws of one step: the discrete choices of the whole global batch (songs, crops, captions, masks)
// from one stream, and each item's tensor noise from its own generator, so that a rank that computes items
// [first, end) draws for them exactly what a single process computing all of them would.
class StepDraws {
public:
    StepDraws(uint64_t seed, std::string stage, int step);
    std::mt19937_64 choices;
    at::Generator noiseFor(int item) const;  // a fresh generator for item `item` of the global batch

private:
    uint64_t m_seed;
    std::string m_stage;
    int m_step;
};

// One stage's optimisation state over `parameters` of `net` (the rest of the network stays frozen).
class StageRun {
public:
    StageRun(std::string stage, model::Network net, model::Network ema, std::vector<torch::Tensor> parameters,
             ScheduleOptions options, std::string checkpointDir, Distributed& dist);

    const std::string& stage() const { return m_stage; }
    int step() const { return m_step; }  // steps completed
    int totalSteps() const { return m_options.totalSteps; }
    bool done() const { return m_step >= m_options.totalSteps; }
    double rate() const { return scheduledRate(m_options, m_step); }

    // Loads the stage's checkpoint when there is one (and says so through `say`); false when starting fresh.
    // Then every rank holds rank 0's weights (broadcast), whatever the world size the checkpoint was made with.
    bool resume(const std::function<void(const std::string&)>& say = {});
    // One optimiser step in three calls: beginStep() clears the gradients; backward() once per micro-batch
    // with its share of the global batch's loss (undefined: a micro-batch with no items on this rank), `last`
    // on the last one, whose backward pass also averages the summed gradients over the ranks; finishStep()
    // clips, steps AdamW at the scheduled rate and updates the EMA, and returns the gradient norm before
    // clipping.
    void beginStep();
    void backward(const torch::Tensor& loss, bool last);
    double finishStep();
    // Rank 0 writes model, EMA, optimiser and step (atomically: temp files, then renames); the others write
    // nothing (their replicas are the same).
    void checkpoint() const;
    // The live weights, for checking that the replicas agree.
    const std::vector<torch::Tensor>& parameters() const { return m_parameters; }

private:
    std::string m_stage;
    model::Network m_net, m_ema;
    std::vector<torch::Tensor> m_parameters;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> m_emaPairs;  // (ema, live) per parameter and buffer
    ScheduleOptions m_options;
    std::string m_dir;
    Distributed& m_dist;
    std::unique_ptr<Distributed::GradientSync> m_sync;
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    int m_step = 0;
};

// loss.csv: one row per logged step, a fixed set of columns so that every stage fits one file and one plot.
class LossLog {
public:
    static const std::vector<std::string>& columns();  // after stage, step, lr: the loss terms
    explicit LossLog(std::string path);
    // Appends a row; terms not in `terms` stay empty. Rows at or after `step` of `stage` left by an
    // interrupted run are dropped first (on the first append of the stage), so a resumed log has each step once.
    void append(const std::string& stage, int step, double rate, const std::map<std::string, double>& terms);

private:
    std::string m_path;
    std::map<std::string, bool> m_trimmed;
};

// Copies every parameter and buffer of `from` into `to` (same config).
void copyWeights(const model::Network& from, model::Network& to);

}  // namespace s2a::training::detail
