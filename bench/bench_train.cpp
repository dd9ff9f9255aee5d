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
//   bench_train [--configs tiny,s2a-402m] [--steps N] [--keep DIR]
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

#include <unistd.h>

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

training::Manifest syntheticManifest(const model::ModelConfig& config, const std::string& dir, int songs)
{
    training::Manifest m;
    m.sampleRate = config.sampleRate;
    m.hop = config.vae.hopLength();
    m.stemGroups = config.stemGroups;
    const double seconds = 12.0;
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

}  // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> configs{"tiny", "s2a-402m"};
    int steps = 4;
    std::string keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--configs") {
            configs.clear();
            std::stringstream list(argv[i + 1]);
            std::string c;
            while (std::getline(list, c, ','))
                configs.push_back(c);
        } else if (arg == "--steps") {
            steps = std::max(2, std::atoi(argv[i + 1]));
        } else if (arg == "--keep") {
            keep = argv[i + 1];
        }
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
    if (keep.empty())
        fs::remove_all(root);
    return 0;
}
