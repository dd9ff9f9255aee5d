// bench_train: training throughput of the real s2a-train executable, one rank against two on this machine.
//
// For each config (tiny, s2a-402m by default) it writes a small synthetic manifest (chords of sines and noise
// bursts at the config's sample rate and stem groups), then times a few steps of the codec stage (tiny only:
// the 402M codec's stage-1 steps on a CPU take minutes) and of the flow-matching stage with --nproc 1 and
// --nproc 2, from s2a-train's own per-step seconds (loss.csv; the first step, which warms up, is left out).
// Printed: seconds per step, samples per second in all and per rank, and the scaling efficiency
// (throughput with two ranks over twice that with one). Every rank runs on one thread, so on this two-core
// machine each rank has a core of its own and the efficiency says what the all-reduce and the split cost.
//
// Then memory (on by default; --no-memory skips it): s2a-402m's flow-matching stage on 30 s crops (645 latent
// frames, the paper's clips), one process, two steps each: the activations the forward pass leaves for the
// backward (s2a-train's own heap measurement) and the peak resident memory of the process (wait4's
// ru_maxrss), with activations stored, with recomputed blocks (--checkpoint-activations), with two micro-batches
// (--accumulate 2), and with bf16 autocast on top of recomputation. From them: the fixed part (weights,
// gradients, AdamW moments, EMA, the codec) and each item's activations, and the batch an 80 GB GPU holds.
//
//   bench_train [--configs tiny,s2a-402m|none] [--steps N] [--keep DIR] [--no-memory]
#include "inference/model/ModelConfig.h"
#include "training/Manifest.h"

#include <sndfile.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <spawn.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;
using namespace s2a;

namespace {

// Four seconds of a chord (three sines) with noise bursts on the beat, mono-summed to stereo, into `path`.
void writeSong(const std::string& path, int rate, double seconds, int seed)
{
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = 2;
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!f)
        throw std::runtime_error(path + ": " + sf_strerror(nullptr));
    std::mt19937 rng{uint32_t(seed)};
    std::normal_distribution<float> noise(0.0f, 1.0f);
    const double root = 110.0 * std::pow(2.0, (seed % 12) / 12.0);
    const int64_t n = int64_t(seconds * rate);
    std::vector<float> frames(size_t(n) * 2);
    for (int64_t i = 0; i < n; ++i) {
        const double t = double(i) / rate;
        double v = 0.0;
        for (double ratio : {1.0, 1.25, 1.5})
            v += 0.1 * std::sin(2.0 * M_PI * root * ratio * t);
        const double beat = std::fmod(t, 0.5);
        v += 0.2 * std::exp(-beat * 40.0) * noise(rng);
        frames[size_t(i) * 2] = frames[size_t(i) * 2 + 1] = float(v);
    }
    sf_writef_float(f, frames.data(), n);
    sf_close(f);
}

training::Manifest syntheticManifest(const model::ModelConfig& config, const std::string& dir, int songs, double seconds = 12.0)
{
    training::Manifest m;
    m.sampleRate = config.sampleRate;
    m.hop = config.vae.hopLength();
    m.stemGroups = config.stemGroups;
    for (int s = 0; s < songs; ++s) {
        training::ManifestSong song;
        song.id = "song-" + std::to_string(s);
        song.captions = {"synthetic chords with noise on the beat"};
        song.tempo = 120.0;
        song.samples = int64_t(seconds * config.sampleRate);
        song.sections = {{1, 0, song.samples / 2, {"verse"}}, {2, song.samples / 2, song.samples, {"chorus"}}};
        for (int g = 0; g < int(m.stemGroups.size()); ++g) {
            const std::string file = song.id + "-" + std::to_string(g) + ".wav";
            writeSong(dir + "/" + file, config.sampleRate, seconds, s * 7 + g);
            song.audio.push_back({file, g});
        }
        m.songs.push_back(song);
    }
    training::writeManifest(m, dir + "/manifest.json");
    return m;
}

// Mean seconds per step of `stage` in loss.csv, the first step left out.
double secondsPerStep(const std::string& csv, const std::string& stage)
{
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> header;
    {
        std::stringstream h(line);
        std::string cell;
        while (std::getline(h, cell, ','))
            header.push_back(cell);
    }
    size_t column = 0;
    while (column < header.size() && header[column] != "seconds")
        ++column;
    double sum = 0.0;
    int count = 0;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        std::string cell;
        while (std::getline(row, cell, ','))
            cells.push_back(cell);
        if (cells.size() > column && cells[0] == stage && std::atoi(cells[1].c_str()) > 0) {
            sum += std::atof(cells[column].c_str());
            ++count;
        }
    }
    return count ? sum / count : std::nan("");
}

struct Timing {
    double seconds = std::nan("");
    int batch = 0;
};

Timing timeStage(const std::string& config, const std::string& manifest, const std::string& out, const std::string& stage,
                 int steps, int ranks, int batch)
{
    fs::remove_all(out);
    const bool codec = stage == "vae";
    std::ostringstream command;
    command << S2A_TRAIN_TOOL << " --config " << config << " --manifest " << manifest << " --out " << out
            << " --smoke --no-ablation --structure-steps 0 --sft-steps 0"
            << " --vae-steps " << (codec ? steps : 0) << " --dit-steps " << (codec ? 0 : steps)
            << " --vae-batch " << batch << " --dit-batch " << batch << " --checkpoint-every 1000000"
            << " --threads 1 --nproc " << ranks << " > " << out << ".log 2>&1";
    fs::create_directories(out);
    if (std::system(command.str().c_str()) != 0) {
        std::fprintf(stderr, "bench_train: s2a-train failed, see %s.log\n", out.c_str());
        return {};
    }
    return {secondsPerStep(out + "/loss.csv", stage), batch};
}

// s2a-train's "activations held for the backward pass: X GiB" line in a run's log (NaN when absent).
double activationsIn(const std::string& log)
{
    std::ifstream in(log);
    std::string line;
    const std::string key = "activations held for the backward pass: ";
    while (std::getline(in, line)) {
        const auto at = line.find(key);
        if (at != std::string::npos)
            return std::atof(line.c_str() + at + key.size());
    }
    return std::nan("");
}

struct Measured {
    bool ok = false;
    double peakGiB = std::nan("");
};

// Runs `args` (argv[0] = the program) with stdout and stderr into `log`; its own peak resident memory.
Measured runMeasured(const std::vector<std::string>& args, const std::string& log)
{
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return {};
    int status = 0;
    struct rusage usage {};
    if (wait4(pid, &status, 0, &usage) != pid)
        return {};
    return {WIFEXITED(status) && WEXITSTATUS(status) == 0, double(usage.ru_maxrss) / (1024.0 * 1024.0)};
}

std::vector<std::string> trainArgs(const std::string& config, const std::string& manifest, const std::string& out,
                                   int ditSteps, int batch, int crop)
{
    return {S2A_TRAIN_TOOL, "--config", config, "--manifest", manifest, "--out", out, "--smoke", "--no-ablation",
            "--vae-steps", "0", "--structure-steps", "0", "--sft-steps", "0", "--dit-steps", std::to_string(ditSteps),
            "--dit-batch", std::to_string(batch), "--dit-crop-frames", std::to_string(crop),
            "--checkpoint-every", "1000000", "--threads", "2"};
}

void memoryTable(const std::string& root)
{
    const std::string name = "s2a-402m";
    const model::ModelConfig config = model::builtinModelConfig(name);
    const std::string dir = root + "/memory";
    fs::create_directories(dir);
    syntheticManifest(config, dir, 2, 31.0);
    const std::string manifest = dir + "/manifest.json";
    const int crop = 645;  // 30 s at 21.5 frames per second
    // The codec stages (0 steps: the initial codec) and the latents once, outside the measured runs: encoding
    // 31 s of audio with the 402M config's codec would otherwise set the peak.
    const std::string prepared = dir + "/prepared";
    if (!runMeasured(trainArgs(name, manifest, prepared, 0, 1, crop), prepared + ".log").ok) {
        std::fprintf(stderr, "bench_train: preparing the latents failed, see %s.log\n", prepared.c_str());
        return;
    }
    for (const char* f : {"model.safetensors", "stage3-pretrain.safetensors"})
        fs::remove(prepared + "/" + f);
    fs::remove_all(prepared + "/checkpoints");
    std::printf("\nbench_train memory: %s flow matching, %d-frame crops (30 s), one process on 2 threads, peak resident memory\n",
                name.c_str(), crop);
    std::printf("%-34s %6s %10s %16s %10s\n", "mode", "batch", "peak GiB", "activations GiB", "s/step");
    struct Mode {
        const char* label;
        int batch;
        std::vector<std::string> flags;
    };
    const std::vector<Mode> modes{{"stored activations", 1, {}},
                                  {"stored activations", 2, {}},
                                  {"recomputed blocks", 2, {"--checkpoint-activations"}},
                                  {"2 micro-batches", 2, {"--accumulate", "2"}},
                                  {"recomputed blocks + bf16 autocast", 2, {"--checkpoint-activations", "--bf16"}}};
    std::vector<double> peaks, held;
    for (size_t i = 0; i < modes.size(); ++i) {
        const Mode& m = modes[i];
        const std::string out = dir + "/run-" + std::to_string(i);
        fs::remove_all(out);
        fs::create_directories(out);
        // Hard links, not copies: the 402M config's weight files are 2.2 GB each, and five runs' copies and
        // outputs filled the disk once.
        for (const char* f : {"stage1-vae.safetensors", "stage2-structure-vae.safetensors", "latents-structure.safetensors"})
            fs::create_hard_link(prepared + "/" + f, out + "/" + f);
        std::ofstream(out + "/state.json") << "{\"done\": [\"vae\", \"structure\", \"latents\"], \"config\": \"" << name << "\"}\n";
        auto args = trainArgs(name, manifest, out, 2, m.batch, crop);
        args.insert(args.end(), m.flags.begin(), m.flags.end());
        const Measured r = runMeasured(args, out + ".log");
        peaks.push_back(r.ok ? r.peakGiB : std::nan(""));
        held.push_back(activationsIn(out + ".log"));
        const double seconds = r.ok ? secondsPerStep(out + "/loss.csv", "dit") : std::nan("");
        for (const auto& entry : fs::directory_iterator(out))  // the run's weights and checkpoints: gigabytes
            if (entry.path().extension() == ".safetensors" || entry.path().filename() == "checkpoints")
                fs::remove_all(entry.path());
        std::printf("%-34s %6d %10.2f %16.3f %10.2f%s\n", m.label, m.batch, r.peakGiB, held.back(), seconds,
                    r.ok ? "" : "  (failed: see the log)");
        std::fflush(stdout);
    }
    // Resident memory on the CPU stands in for a GPU's allocations of the same tensors. The fixed part (the
    // batch-1 peak less its activations) also holds the codec, the caption encoder and the process itself.
    const double itemStored = held[1] / 2.0, itemRecomputed = held[2] / 2.0;
    const double fixed = peaks[0] - held[0];
    std::printf("fixed about %.2f GiB; per 30 s item: %.3f GiB of activations stored, %.3f GiB with recomputed blocks\n",
                fixed, itemStored, itemRecomputed);
    const double gpu = 80.0 * 1e9 / double(1 << 30) - 2.0;  // 80 GB less ~2 GiB of CUDA context and workspace
    std::printf("an 80 GB GPU holds about %.0f (stored) or %.0f (recomputed) 30 s items per step in fp32\n",
                std::floor((gpu - fixed) / itemStored), std::floor((gpu - fixed) / std::max(itemRecomputed, 1e-3)));
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> configs{"tiny", "s2a-402m"};
    int steps = 4;
    std::string keep;
    bool memory = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-memory") {
            memory = false;
            continue;
        }
        if (i + 1 >= argc)
            break;
        if (arg == "--configs") {
            configs.clear();
            std::stringstream list(argv[i + 1]);
            std::string c;
            while (std::getline(list, c, ','))
                if (c != "none")
                    configs.push_back(c);
        } else if (arg == "--steps") {
            steps = std::max(2, std::atoi(argv[i + 1]));
        } else if (arg == "--keep") {
            keep = argv[i + 1];
        }
        ++i;
    }
    const std::string root = keep.empty() ? (fs::temp_directory_path() / ("bench_train-" + std::to_string(::getpid()))).string() : keep;
    std::printf("bench_train: s2a-train on this machine (%u hardware threads), %d steps per run, first step left out\n",
                std::thread::hardware_concurrency(), steps);
    std::printf("%-10s %-6s %5s %6s %10s %12s %14s %11s\n", "config", "stage", "ranks", "batch", "s/step", "samples/s", "per rank /s",
                "efficiency");
    for (const std::string& name : configs) {
        const model::ModelConfig config = model::builtinModelConfig(name);
        const std::string dir = root + "/" + name;
        fs::create_directories(dir);
        syntheticManifest(config, dir, 4);
        for (const std::string stage : {"vae", "dit"}) {
            if (stage == "vae" && name != "tiny")
                continue;
            const int batch = stage == "vae" ? 2 : 4;
            double single = 0.0;
            for (int ranks : {1, 2}) {
                const Timing t = timeStage(name, dir + "/manifest.json", dir + "/" + stage + "-" + std::to_string(ranks), stage,
                                           steps, ranks, batch);
                const double throughput = t.batch / t.seconds;
                if (ranks == 1)
                    single = throughput;
                char efficiency[32] = "";
                if (ranks == 2)
                    std::snprintf(efficiency, sizeof efficiency, "%.0f %%", 100.0 * throughput / (2.0 * single));
                std::printf("%-10s %-6s %5d %6d %10.3f %12.2f %14.2f %11s\n", name.c_str(), stage.c_str(), ranks, t.batch,
                            t.seconds, throughput, throughput / ranks, efficiency);
                std::fflush(stdout);
            }
        }
    }
    if (memory)
        memoryTable(root);
    if (keep.empty())
        fs::remove_all(root);
    return 0;
}
