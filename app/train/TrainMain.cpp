// s2a-train: the training recipe in one command (see training/Trainer.h). Qt-free.
//
//   s2a-train --config tiny --manifest DIR/manifest.json --out DIR [--threads N] [--device cpu|cuda|auto]
//             [--seed S] [--minutes M] [--smoke] [--no-ablation] [--<stage>-steps N] [--nproc N]
//   s2a-train --plot loss.csv loss.svg
//
// Data-parallel: run it under torchrun --no-python, srun, or a shell loop that sets RANK, WORLD_SIZE,
// MASTER_ADDR and MASTER_PORT; or give --nproc N to start N local ranks on 127.0.0.1 itself. A run stopped by
// --minutes, Ctrl-C or SIGTERM checkpoints on every rank at the same step and resumes when the same command is
// run again, with any world size.
#include "inference/model/ProcessTuning.h"
#include "inference/model/TorchDevice.h"
#include "training/Distributed.h"
#include "training/LossPlot.h"
#include "training/Trainer.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace s2a;
using namespace s2a::training;

namespace {

std::atomic<bool> g_cancel{false};

void onSignal(int) { g_cancel.store(true); }

const char* kUsage =
    "usage: s2a-train --config NAME --manifest FILE --out DIR [options]\n"
    "       s2a-train --plot loss.csv loss.svg\n"
    "Trains the S2A diffusion model on a manifest written by s2a-prepare.\n"
    "  --config NAME                model config (tiny, tiny-pitched, tiny-keyed, small-keyed, tiny-mix, s2a-402m; default tiny)\n"
    "  --manifest FILE              the training manifest (s2a-prepare's manifest.json)\n"
    "  --out DIR                    output folder (checkpoints, logs, weights); a second run resumes it\n"
    "  --threads N                  CPU threads per rank (0: one per core)\n"
    "  --device cpu|cuda|auto       compute device (default cpu)\n"
    "  --seed S                     seed of the data order, noise and initialisation\n"
    "  --minutes M                  stop after a checkpoint once M minutes have passed\n"
    "  --stop-after-steps N         stop after N steps in this run\n"
    "  --smoke                      a few steps of every stage on small crops\n"
    "  --no-ablation                skip the plain-VAE ablation stages\n"
    "  --codec-from FILE            stage 1 takes the codec (vae.* tensors) of FILE instead of training one\n"
    "  --vae-steps N, --structure-steps N, --dit-steps N, --sft-steps N\n"
    "  --vae-batch N, --dit-batch N global batches (divisible by the number of ranks)\n"
    "  --dit-crop-frames N          DiT crop in latent frames (645 = the paper's 30 s at 21.5 Hz)\n"
    "  --vae-lr LR, --dit-lr LR, --tonal-harmonic-weight W, --harmonic-sparsity-weight W\n"
    "  --stem-mask-share S          DiT stages: share of items with known (clamped) stem groups (0.25)\n"
    "  --key-dropout P              DiT stages of a key-conditioned config: share of items without their key (0.2)\n"
    "  --checkpoint-every N         checkpoint interval in steps\n"
    "  --accumulate K               DiT stages: K micro-batches per rank per step (gradient accumulation)\n"
    "  --checkpoint-activations     DiT stages: recompute each block in the backward pass (less memory)\n"
    "  --bf16                       DiT stages: bf16 autocast (CUDA, or a CPU with bf16 instructions)\n"
    "  --nproc N                    start N local ranks on 127.0.0.1 (else the launcher's RANK, WORLD_SIZE, ...)\n"
    "  --timeout S                  a collective that makes no progress for S seconds fails the run (default 30)\n"
    "  --log-replicas               each rank logs a hash of its weights after every step (replicas/)\n";

struct Arguments {
    std::map<std::string, std::string> values;
    std::vector<std::string> flags;
    std::vector<std::string> positional;
    bool has(const std::string& name) const { return values.count(name) || std::count(flags.begin(), flags.end(), name); }
};

const std::vector<std::string> kFlags{"--smoke", "--no-ablation", "--log-replicas", "--plot", "--help",
                                      "--checkpoint-activations", "--bf16"};

Arguments parse(int argc, char** argv)
{
    Arguments a;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (std::count(kFlags.begin(), kFlags.end(), arg))
            a.flags.push_back(arg);
        else if (arg.rfind("--", 0) == 0) {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            a.values[arg] = argv[++i];
        } else
            a.positional.push_back(arg);
    }
    return a;
}

// A number from the command line: finite and inside [lo, hi], else a message that names the option.
double number(const Arguments& a, const std::string& name, double fallback, double lo, double hi)
{
    const auto it = a.values.find(name);
    if (it == a.values.end())
        return fallback;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str() || *end != '\0' || !std::isfinite(v) || v < lo || v > hi)
        throw std::invalid_argument(name + " " + it->second + ": expected a number from " + std::to_string(lo) + " to " +
                                    std::to_string(hi));
    return v;
}

int integer(const Arguments& a, const std::string& name, int fallback, int lo, int hi)
{
    const double v = number(a, name, fallback, lo, hi);
    if (v != std::floor(v))
        throw std::invalid_argument(name + ": expected a whole number");
    return int(v);
}

TrainOptions optionsFrom(const Arguments& a)
{
    TrainOptions o;
    if (a.values.count("--config"))
        o.config = a.values.at("--config");
    o.manifest = a.values.count("--manifest") ? a.values.at("--manifest") : std::string();
    o.outDir = a.values.at("--out");
    if (a.values.count("--device"))
        o.device = a.values.at("--device");
    if (a.values.count("--codec-from"))
        o.codecFrom = a.values.at("--codec-from");
    o.threads = integer(a, "--threads", 0, 0, 1024);
    o.seed = uint64_t(number(a, "--seed", 1, 0, 9007199254740992.0));
    o.minutes = number(a, "--minutes", 0, 0, 1e7);
    o.stopAfterSteps = integer(a, "--stop-after-steps", 0, 0, 1 << 30);
    o.ablation = !a.has("--no-ablation");
    o.logReplicas = a.has("--log-replicas");
    if (a.has("--smoke")) {
        // Seconds per stage on two cores: small crops and batches, a handful of steps.
        o.vaeSteps = 8;
        o.structureSteps = 6;
        o.ditSteps = 10;
        o.sftSteps = 4;
        o.vaeBatch = 2;
        o.vaeCropFrames = 4;
        o.ditBatch = 4;
        o.ditCropFrames = 64;
        o.warmupSteps = 2;
        o.checkpointEvery = 3;
        o.vaeLearningRate = 1e-3;
        o.ditLearningRate = 2e-3;
    }
    const int steps = 100000000;
    o.vaeSteps = integer(a, "--vae-steps", o.vaeSteps, 0, steps);
    o.structureSteps = integer(a, "--structure-steps", o.structureSteps, 0, steps);
    o.ditSteps = integer(a, "--dit-steps", o.ditSteps, 0, steps);
    o.sftSteps = integer(a, "--sft-steps", o.sftSteps, 0, steps);
    o.vaeBatch = integer(a, "--vae-batch", o.vaeBatch, 1, 4096);
    o.ditBatch = integer(a, "--dit-batch", o.ditBatch, 1, 4096);
    o.ditCropFrames = integer(a, "--dit-crop-frames", o.ditCropFrames, 8, 1 << 20);
    o.checkpointEvery = integer(a, "--checkpoint-every", o.checkpointEvery, 1, steps);
    o.ditAccumulation = integer(a, "--accumulate", o.ditAccumulation, 1, 4096);
    o.activationCheckpointing = a.has("--checkpoint-activations");
    o.bf16 = a.has("--bf16");
    o.vaeLearningRate = number(a, "--vae-lr", o.vaeLearningRate, 0, 1);
    o.ditLearningRate = number(a, "--dit-lr", o.ditLearningRate, 0, 1);
    o.tonalHarmonicWeight = number(a, "--tonal-harmonic-weight", o.tonalHarmonicWeight, 0, 1000);
    o.harmonicSparsityWeight = number(a, "--harmonic-sparsity-weight", o.harmonicSparsityWeight, 0, 1000);
    o.stemMaskShare = number(a, "--stem-mask-share", o.stemMaskShare, 0, 1);
    o.keyDropout = number(a, "--key-dropout", o.keyDropout, 0, 1);
    return o;
}

// --nproc N: this process becomes a launcher, like torchrun on one node. Each rank is this executable again
// with the launcher's environment set; when one rank fails, the others are stopped, and the worst exit code
// is returned.
int launchLocalWorld(int ranks, char** argv)
{
    std::vector<char*> args;
    for (char** a = argv; *a; ++a) {
        if (std::strcmp(*a, "--nproc") == 0) {
            ++a;
            continue;
        }
        args.push_back(*a);
    }
    args.push_back(nullptr);
    const std::string port = std::to_string(freeLoopbackPort());
    std::vector<pid_t> children;
    for (int r = 0; r < ranks; ++r) {
        const pid_t pid = ::fork();
        if (pid < 0)
            throw std::runtime_error(std::string("cannot start a rank: ") + std::strerror(errno));
        if (pid == 0) {
            ::setenv("RANK", std::to_string(r).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(r).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(ranks).c_str(), 1);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", port.c_str(), 1);
            ::execv("/proc/self/exe", args.data());
            std::perror("s2a-train: cannot start a rank");
            ::_exit(127);
        }
        children.push_back(pid);
    }
    int worst = 0;
    size_t running = children.size();
    while (running > 0) {
        int status = 0;
        const pid_t pid = ::wait(&status);
        if (pid < 0) {
            if (errno == EINTR) {
                // Ctrl-C reaches every rank of the process group; they checkpoint and stop by themselves.
                continue;
            }
            break;
        }
        --running;
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (code != 0 && worst == 0) {
            std::fprintf(stderr, "s2a-train: a rank stopped with status %d; stopping the others\n", code);
            for (pid_t other : children)
                if (other != pid)
                    ::kill(other, SIGTERM);
        }
        worst = std::max(worst, code);
    }
    return worst;
}

}  // namespace

int main(int argc, char** argv)
{
    s2a::model::reexecWithTunedEnvironment(argv);  // before anything starts OpenMP (ProcessTuning.h)
    Arguments a;
    try {
        a = parse(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "s2a-train: %s\n%s", e.what(), kUsage);
        return 2;
    }
    if (a.has("--help")) {
        std::printf("%s", kUsage);
        return 0;
    }
    if (a.has("--plot")) {
        if (a.positional.size() != 2) {
            std::fprintf(stderr, "usage: s2a-train --plot loss.csv loss.svg\n");
            return 2;
        }
        const std::string error = plotLossCurve(a.positional[0], a.positional[1]);
        if (!error.empty()) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        return 0;
    }
    if (!a.values.count("--out") || !a.values.count("--manifest")) {
        std::fprintf(stderr, "%s", kUsage);
        return 2;
    }
    TrainOptions options;
    int nproc = 0;
    double timeoutSeconds = 30;
    try {
        options = optionsFrom(a);
        nproc = integer(a, "--nproc", 0, 0, 256);
        timeoutSeconds = number(a, "--timeout", 30, 1, 86400);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "s2a-train: %s\n", e.what());
        return 2;
    }
    if (nproc > 0)
        return launchLocalWorld(nproc, argv);

    struct sigaction action {};
    action.sa_handler = onSignal;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    int rank = 0;
    try {
        const WorldInfo world = worldFromEnvironment();
        rank = world.rank;
        torch::Device device = model::selectDevice(options.device);
        if (device.is_cuda())
            device = torch::Device(torch::kCUDA, world.localRank);
        const auto timeout = std::chrono::milliseconds(int64_t(timeoutSeconds * 1000));
        auto dist = Distributed::connect(world, device, timeout, std::chrono::minutes(10));
        const std::string prefix = world.worldSize > 1 ? "[rank " + std::to_string(world.rank) + "] " : "";
        // Every rank computes the same figures; rank 0 speaks for the world, the others only of their errors.
        const bool speaks = dist->isMain();
        const TrainSummary s = runTraining(options, [&](const std::string& line) {
            if (speaks)
                std::printf("%s%s\n", prefix.c_str(), line.c_str()), std::fflush(stdout);
        }, *dist, g_cancel);
        if (!speaks)
            return 0;
        const std::string csv = options.outDir + "/loss.csv";
        if (std::filesystem::exists(csv)) {
            const std::string error = plotLossCurve(csv, options.outDir + "/loss.svg");
            if (!error.empty())
                std::fprintf(stderr, "loss plot: %s\n", error.c_str());
        }
        std::string done;
        for (const auto& stage : s.stagesDone)
            done += (done.empty() ? "" : ", ") + stage;
        std::printf("stages done: %s\n", done.c_str());
        for (const auto& w : s.warnings)
            std::printf("warning: %s\n", w.c_str());
        if (s.finished)
            std::printf("finished: %s sha256 %s\n", s.modelPath.c_str(), s.modelSha256.c_str());
        else
            std::printf("stopped for now; run the same command again to resume\n");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "s2a-train rank %d: %s\n", rank, e.what());
        return 1;
    }
}
