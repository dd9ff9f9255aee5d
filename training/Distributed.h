#pragma once

// Data-parallel training on PyTorch's own c10d: the world as torchrun, Slurm or a shell loop describes it, a
// TCPStore rendezvous, ProcessGroupGloo on CPU (ProcessGroupNCCL with a CUDA LibTorch built with NCCL), and
// the collectives the trainer needs. Private to the trainer (includes LibTorch).
//
// Every rank holds the whole model and draws the whole global batch's choices from the step's seed, then
// computes only its own slice of the items (GlobalBatch::slice): the data of a step depend on (seed, stage,
// step, item) and not on the world size, so one process with the global batch, two ranks, or a run resumed
// with another world size all see the same items and noise. Gradients are averaged by bucketed all-reduce,
// started from autograd hooks while the backward pass is still running; the averaged gradients are bitwise
// the same on every rank, so the optimiser keeps the replicas bit-identical (checkable: parameterHash).
// Rank 0 alone writes checkpoints, weights and logs.
#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace s2a::training {

// The launcher's description of this process: torchrun's RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and
// MASTER_PORT, else Slurm's SLURM_PROCID, SLURM_NTASKS and SLURM_LOCALID (with MASTER_ADDR/PORT set by the
// batch script), else a single process.
struct WorldInfo {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
};
// Throws std::invalid_argument for values out of range (a rank not below the world size, a bad port).
WorldInfo worldFromEnvironment();

class Distributed {
public:
    // A world of one: every collective is the identity, and nothing is opened.
    static std::unique_ptr<Distributed> single();
    // Joins the world: rank 0 serves the TCPStore at masterAddress:masterPort, every rank connects within
    // `joinTimeout`; collectives fail (an exception naming the peer problem) after `timeout` without progress,
    // so a rank that dies stops the others instead of hanging them.
    static std::unique_ptr<Distributed> connect(const WorldInfo& world, const torch::Device& device,
                                                std::chrono::milliseconds timeout, std::chrono::milliseconds joinTimeout);
    virtual ~Distributed() = default;

    virtual int rank() const = 0;
    virtual int worldSize() const = 0;
    bool isMain() const { return rank() == 0; }
    virtual std::string backend() const = 0;

    // Rank 0's values into every rank's tensors (in place), e.g. the weights at the start of a stage.
    virtual void broadcast(std::vector<torch::Tensor>& tensors) = 0;
    // Sum over ranks, in place.
    virtual void allReduceSum(torch::Tensor& tensor) = 0;
    // Rank 0 runs `work` (writing a file the others then read) while the others wait for it: without the
    // collectives' timeout (writing weights or encoding latents can take minutes) but failing as soon as rank 0
    // is gone. `tag` must be unique per call.
    virtual void mainRankDoes(const std::string& tag, const std::function<void()>& work) = 0;

    // Averages the gradients of `parameters` over the ranks, bucket by bucket while backward() runs.
    class GradientSync {
    public:
        virtual ~GradientSync() = default;
        // Call before the backward pass of the last micro-batch of a step: its hooks start each bucket's
        // all-reduce as soon as every gradient of the bucket is final (earlier micro-batches accumulate locally).
        virtual void arm() = 0;
        // After that backward pass: starts what is left, waits, and writes the averages into the .grad tensors.
        virtual void finish() = 0;
    };
    virtual std::unique_ptr<GradientSync> gradientSync(const std::vector<torch::Tensor>& parameters,
                                                       int64_t bucketBytes = 4 << 20) = 0;
};

// The items [first, end) of a global batch of `items` that `rank` of `worldSize` computes. The global batch
// must divide evenly (every rank's loss is then a mean over as many items, and the average of the ranks' mean
// losses is the global mean); throws std::invalid_argument otherwise.
struct ItemRange {
    int first = 0;
    int end = 0;
    int count() const { return end - first; }
};
ItemRange sliceOf(int items, int rank, int worldSize);

// A TCP port that is free on 127.0.0.1 now (the kernel's pick), for the store of a local world.
int freeLoopbackPort();

// FNV-1a over the bytes of every tensor: equal on two ranks exactly when their replicas are bit-identical.
uint64_t parameterHash(const std::vector<torch::Tensor>& tensors);

}  // namespace s2a::training
