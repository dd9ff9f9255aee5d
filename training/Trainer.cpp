// The recipe's driver: the manifest's songs, then the stages in order, each resumable, each ending in a
// safetensors file of EMA weights that the next stage starts from (and that the engine can load on its own).
#include "training/Trainer.h"

#include "core/persistence/AtomicWriter.h"
#include "inference/model/TorchDevice.h"
#include "inference/model/WeightLoader.h"
#include "training/TrainingStages.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace s2a::training {

using namespace detail;
using nlohmann::json;

bool TrainContext::sliceOver() const
{
    if (cancel.load())
        return true;
    if (options.stopAfterSteps > 0 && stepsThisRun >= options.stopAfterSteps)
        return true;
    return options.minutes > 0.0
           && std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() > options.minutes * 60.0;
}

std::map<std::string, double> TrainContext::averageOverRanks(const std::map<std::string, double>& terms, bool& stop) const
{
    if (dist.worldSize() == 1)
        return terms;
    std::vector<double> values;
    for (const auto& [name, value] : terms)
        values.push_back(value);
    values.push_back(stop ? 1.0 : 0.0);
    auto packed = torch::tensor(values, torch::kFloat64);
    dist.allReduceSum(packed);
    std::map<std::string, double> out;
    size_t i = 0;
    for (const auto& item : terms)
        out[item.first] = packed[int64_t(i++)].item<double>() / dist.worldSize();
    stop = packed[int64_t(i)].item<double>() > 0.0;
    return out;
}

torch::Tensor TrainContext::globalRoot(const torch::Tensor& localSum) const
{
    if (dist.worldSize() == 1)
        return localSum.sqrt();
    auto total = localSum.detach().clone();
    dist.allReduceSum(total);
    const auto root = total.sqrt();
    // The value is the global root; the second term is zero in value and carries this rank's part of the
    // root's gradient (d sqrt(G) = dG / 2 sqrt(G)), scaled by the world size because the ranks' gradients are
    // averaged, not summed.
    return root + double(dist.worldSize()) * (localSum - localSum.detach()) / (2.0 * root).clamp_min(1e-12);
}

namespace {

std::string isoNow()
{
    char text[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

json readJson(const std::string& path)
{
    const std::string text = readTextFile(path).value_or(std::string());
    return text.empty() ? json::object() : json::parse(text, nullptr, /*allow_exceptions=*/false);
}

void writeJson(const std::string& path, const json& value)
{
    const std::string error = core::writeFileAtomically(path, value.dump(4) + "\n");
    if (!error.empty())
        throw TrainingError("cannot write " + error);
}

struct Run {
    const TrainOptions& options;
    std::string out;
    std::vector<std::string> done;
    Distributed& dist;

    std::string file(const std::string& name) const { return out + "/" + name; }
    bool isDone(const std::string& stage) const { return std::find(done.begin(), done.end(), stage) != done.end(); }
    void markDone(const std::string& stage)
    {
        done.push_back(stage);
        if (dist.isMain())
            writeJson(file("state.json"), json{{"done", done}, {"config", options.config}, {"updated", isoNow()}});
    }
};

std::vector<std::string> readDone(const std::string& path)
{
    const json state = readJson(path);
    if (!state.is_object() || !state.contains("done"))
        return {};
    return state.at("done").get<std::vector<std::string>>();
}

model::WeightMetadata metadataFor(const TrainOptions& o, const std::string& stage, int songs, double latentScale)
{
    model::WeightMetadata m{{"config", o.config},
                            {"init", "trained"},
                            {"stage", stage},
                            {"seed", std::to_string(o.seed)},
                            {"kept_songs", std::to_string(songs)},
                            {"recipe", "s2a-train: vae " + std::to_string(o.vaeSteps) + ", structure " +
                                           std::to_string(o.structureSteps) + ", dit " + std::to_string(o.ditSteps) +
                                           ", sft " + std::to_string(o.sftSteps) + " steps"},
                            {"trained_at", isoNow()}};
    if (latentScale > 0.0)
        m[model::kLatentScaleKey] = std::to_string(latentScale);
    return m;
}

void loadInto(const std::string& path, const std::string& config, model::Network& net, model::Network& ema,
              double* latentScale = nullptr)
{
    auto report = model::loadWeights(*net, path, {config, {}});
    if (!report)
        throw TrainingError(report.error);
    copyWeights(net, ema);
    if (latentScale)
        *latentScale = model::latentScaleOf(report->metadata);
}

// Stage 1 from another run's codec: every "vae." tensor of `path` into `net` (and `ema`); the DiT and the caption
// encoder keep this run's initialisation. A tensor the config has and the file lacks, or of another shape, is an
// error that names it.
void loadCodecInto(const std::string& path, model::Network& net, model::Network& ema)
{
    auto file = model::readTensors(path);
    if (!file)
        throw TrainingError(file.error);
    torch::NoGradGuard noGrad;
    int copied = 0;
    for (auto& item : net->named_parameters(true)) {
        if (item.key().rfind("vae.", 0) != 0)
            continue;
        const auto found = file->tensors.find(item.key());
        if (found == file->tensors.end())
            throw TrainingError(path + " has no " + item.key() + ": it is not a codec of this config.");
        if (found->second.sizes() != item.value().sizes())
            throw TrainingError(path + ": " + item.key() + " is shaped differently from this config's: not its codec.");
        item.value().copy_(found->second.to(item.value().dtype()));
        ++copied;
    }
    for (auto& item : net->named_buffers(true))
        if (item.key().rfind("vae.", 0) == 0)
            if (const auto found = file->tensors.find(item.key()); found != file->tensors.end() && found->second.sizes() == item.value().sizes())
                item.value().copy_(found->second.to(item.value().dtype()));
    if (copied == 0)
        throw TrainingError("This config has no codec tensors to take from " + path + ".");
    copyWeights(net, ema);
}

void save(const Run& run, const model::Network& ema, const std::string& path, const model::WeightMetadata& metadata)
{
    // The other ranks wait until the file is there: the next stage starts by loading it.
    run.dist.mainRankDoes("saved " + path, [&] {
        auto saved = model::saveWeights(*ema, path, metadata);
        if (!saved)
            throw TrainingError(saved.error);
    });
}

// Encodes every song's groups with the VAE and stores the latents (unscaled) with their scale.
void encodeLatents(const SongAudio& audio, const model::VaeConfig& vae, model::Network net, const torch::Device& device,
                   const std::string& path, const TrainLog& say)
{
    torch::NoGradGuard noGrad;
    net->eval();
    model::TensorMap tensors;
    double sum = 0.0, squares = 0.0, count = 0.0;
    for (size_t i = 0; i < audio.size(); ++i) {
        // Chunks keep the encoder's activations small: at most 1024 latent frames, and at most 2^26 values in the
        // first convolution's output (it runs at the sample rate in a waveform codec: 31 s through s2a-402m's
        // codec in one piece took 15 GB). The hop divides the chunk, so frames join.
        const int64_t firstLayerRate = vae.spectral() ? vae.fftHop : 1;  // samples per first-layer step
        const int64_t hop = net->vae->hopLength();
        const int64_t chunk = hop * std::clamp<int64_t>((int64_t(1) << 26) * firstLayerRate / (vae.baseChannels * hop), 16, 1024);
        std::vector<torch::Tensor> parts;
        for (int64_t from = 0; from < audio.samples(i); from += chunk) {
            const auto piece = audio.read(i, from, std::min(chunk, audio.samples(i) - from));
            parts.push_back(net->vae->encode(piece.to(device), false).mean.to(torch::kCPU));
        }
        auto latent = torch::cat(parts, 2);                               // [G, C, F]
        latent = latent.reshape({-1, latent.size(-1)}).contiguous();      // [G*C, F]
        sum += latent.sum().item<double>();
        squares += latent.pow(2).sum().item<double>();
        count += double(latent.numel());
        tensors[audio.song(i).id] = latent;
        if ((i + 1) % 20 == 0)
            say("encoded " + std::to_string(i + 1) + " of " + std::to_string(audio.size()) + " songs");
    }
    const double mean = sum / count;
    const double scale = std::sqrt(std::max(1e-12, squares / count - mean * mean));
    auto written = model::writeTensors(path, tensors, {{model::kLatentScaleKey, std::to_string(scale)}});
    if (!written)
        throw TrainingError(written.error);
    say("latents: " + std::to_string(audio.size()) + " songs, scale " + std::to_string(scale) + " -> " + path);
}

std::vector<DitSong> readLatents(const std::string& path, const std::vector<ManifestSong>& songs, double* scale)
{
    auto file = model::readTensors(path);
    if (!file)
        throw TrainingError(file.error);
    *scale = model::latentScaleOf(file->metadata);
    std::vector<DitSong> out;
    for (const ManifestSong& s : songs) {
        const auto it = file->tensors.find(s.id);
        if (it == file->tensors.end())
            throw TrainingError("latents of " + s.id + " missing in " + path);
        out.push_back({it->second.to(torch::kFloat32) / *scale, &s});
    }
    return out;
}

std::string fixed(double value, int decimals)
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << value;
    return out.str();
}

// Probes the VAE just trained, says how it does and records it as <stage>-probe.json (rank 0).
void recordProbe(const Run& run, const std::string& stage, model::Network net, const SongAudio& audio,
                 const torch::Device& device, const TrainLog& say)
{
    run.dist.mainRankDoes("probe " + stage, [&] {
        const VaeProbe p = probeVae(net, audio, device);
        std::string line = stage + " VAE probe: spectral distance " + fixed(p.spectralDistance, 3) +
                           ", log-spectral distance " + fixed(p.logSpectralDb, 1) + " dB, SNR " + fixed(p.snrDb, 2) +
                           " dB, level " + fixed(p.inputDb, 1) + " -> " + fixed(p.outputDb, 1) + " dB, latent spread " +
                           fixed(p.latentSpread, 3) + " over " + std::to_string(p.crops) + " crops";
        if (!p.usable())
            line += ": NOT USABLE (it does not reconstruct its input)";
        else if (!p.faithful())
            line += ": over the 6 dB a faithful codec reaches (whether it keeps pitch: s2a-eval --codec-only)";
        if (std::isfinite(p.magnitudeLogSpectralDb))
            line += " (its magnitudes before phase reconstruction: " + fixed(p.magnitudeLogSpectralDb, 1) + " dB)";
        say(line);
        writeJson(run.file(stage + "-probe.json"),
                  json{{"snrDb", p.snrDb},
                       {"spectralDistance", p.spectralDistance},
                       {"logSpectralDb", p.logSpectralDb},
                       {"magnitudeLogSpectralDb", std::isfinite(p.magnitudeLogSpectralDb) ? json(p.magnitudeLogSpectralDb) : json()},
                       {"inputDb", p.inputDb},
                       {"outputDb", p.outputDb},
                       {"latentSpread", p.latentSpread},
                       {"crops", p.crops},
                       {"usable", p.usable()},
                       {"faithful", p.faithful()}});
    });
}

std::vector<std::string> probeWarnings(const Run& run)
{
    std::vector<std::string> out;
    for (const std::string stage : {"vae", "structure"}) {
        const json p = readJson(run.file(stage + "-probe.json"));
        if (!p.is_object() || p.empty())
            continue;
        if (!p.value("usable", false))
            out.push_back("The " + stage + " VAE does not reconstruct its input (log-spectral distance " +
                          fixed(p.value("logSpectralDb", 0.0), 1) + " dB, level " + fixed(p.value("inputDb", 0.0), 1) +
                          " -> " + fixed(p.value("outputDb", 0.0), 1) + " dB, latent spread " +
                          fixed(p.value("latentSpread", 0.0), 3) + "): train it longer or on a GPU before shipping these weights.");
        else if (!p.value("faithful", false))
            // The probe's few crops measure magnitudes, not pitch: run 12's codec sat at 11 dB here and still kept
            // the bass and harmonic chroma at 0.92 on held-out songs. Say what is measured and where pitch is.
            out.push_back("The " + stage + " VAE's magnitudes are over a faithful codec's 6 dB (log-spectral distance " +
                          fixed(p.value("logSpectralDb", 0.0), 1) + " dB, spectral distance " +
                          fixed(p.value("spectralDistance", 0.0), 3) +
                          " on the probe's crops). Whether it keeps pitch is measured on held-out songs by "
                          "s2a-eval --codec-only (chroma agreement of the bass and harmonic stems; the goal is 0.90).");
    }
    return out;
}

// The manifest must have been prepared for this model: the same sample rate, hop and stem groups.
void checkManifestFits(const Manifest& m, const model::ModelConfig& config, const std::string& path)
{
    if (m.stemGroups != config.stemGroups) {
        std::string have, want;
        for (const auto& g : m.stemGroups)
            have += (have.empty() ? "" : ", ") + g;
        for (const auto& g : config.stemGroups)
            want += (want.empty() ? "" : ", ") + g;
        throw TrainingError(path + ": prepared for the stem groups [" + have + "], the model has [" + want +
                            "] (s2a-prepare --config must name this model's config)");
    }
    if (m.hop != config.vae.hopLength() || m.sampleRate != config.sampleRate)
        throw TrainingError(path + ": prepared for " + std::to_string(m.sampleRate) + " Hz with a hop of " +
                            std::to_string(m.hop) + ", the model is " + std::to_string(config.sampleRate) +
                            " Hz with a hop of " + std::to_string(config.vae.hopLength()));
    if (m.songs.empty())
        throw TrainingError(path + ": no songs (" + std::to_string(m.dropped.size()) + " dropped)");
}

}  // namespace

TrainSummary runTraining(const TrainOptions& options, const TrainLog& say, Distributed& dist, const std::atomic<bool>& cancel)
{
    std::error_code made;
    if (options.outDir.empty() || (!std::filesystem::create_directories(options.outDir, made) && made))
        throw TrainingError("Cannot create the output folder " + options.outDir + ".");
    Run run{options, options.outDir, readDone(options.outDir + "/state.json"), dist};
    TrainSummary summary;
    auto partial = [&] {
        summary.stagesDone = run.done;
        summary.warnings = probeWarnings(run);
        return summary;
    };
    try {
        const model::ModelConfig config = model::builtinModelConfig(options.config);
        const Manifest manifest = readManifest(options.manifest);
        checkManifestFits(manifest, config, options.manifest);
        const int batchItems[] = {options.vaeBatch, options.ditBatch};
        for (int items : batchItems)
            sliceOf(items, dist.rank(), dist.worldSize());  // throws when a global batch does not divide
        say("manifest: " + std::to_string(manifest.songs.size()) + " songs, " + std::to_string(manifest.dropped.size()) +
            " dropped; rank " + std::to_string(dist.rank()) + " of " + std::to_string(dist.worldSize()) + " (" +
            dist.backend() + ")");
        const std::vector<ManifestSong> best = manifest.best(options.sftFraction);
        bool hasTargets = true;
        for (const ManifestSong& s : manifest.songs)
            hasTargets = hasTargets && s.targets.frames > 0;

        model::setCpuThreads(options.threads);
        LossLog log(run.file("loss.csv"));
        TrainContext context{options, config, model::selectDevice(options.device), log, say, cancel, dist,
                             std::chrono::steady_clock::now(), 0, {}};
        std::ofstream replicas;
        if (options.logReplicas) {
            std::filesystem::create_directories(run.file("replicas"));
            replicas.open(run.file("replicas/rank-" + std::to_string(dist.rank()) + ".txt"), std::ios::app);
            context.replicaLog = [&](const std::string& stage, int step, uint64_t hash) {
                replicas << stage << ' ' << step << ' ' << std::hex << hash << std::dec << '\n' << std::flush;
            };
        }
        say("device: " + model::describeRuntime(context.device));
        torch::manual_seed(int64_t(options.seed));
        model::Network net(config), ema(config);
        net->to(context.device);
        ema->to(context.device);
        copyWeights(net, ema);
        std::optional<SongAudio> songAudio;
        auto audio = [&]() -> const SongAudio& {
            if (!songAudio)
                songAudio.emplace(manifest, manifest.songs);
            return *songAudio;
        };
        const int songs = int(manifest.songs.size());
        const std::string stage1 = run.file("stage1-vae.safetensors");
        const std::string stage2 = run.file("stage2-structure-vae.safetensors");
        const std::string latentsStructure = run.file("latents-structure.safetensors");
        const std::string latentsPlain = run.file("latents-plain.safetensors");
        auto finishStage = [&](const std::string& stage) {
            run.markDone(stage);
            say("stage " + stage + " done");
        };

        if (!run.isDone("vae")) {
            if (!options.codecFrom.empty()) {
                loadCodecInto(options.codecFrom, net, ema);
                say("stage 1: the codec of " + options.codecFrom + " (not trained here)");
            } else if (!trainVae(context, {"vae", options.vaeSteps, options.vaeLearningRate}, false, audio(), net, ema))
                return partial();
            save(run, ema, stage1, metadataFor(options, "vae", songs, 0.0));
            recordProbe(run, "vae", ema, audio(), context.device, say);
            finishStage("vae");
        }
        // Stage 2 needs the MIDI-exact frame targets; a manifest of real recordings has none, and its structure
        // VAE is the stage-1 VAE itself.
        const bool structureStage = hasTargets && options.structureSteps > 0;
        if (!run.isDone("structure")) {
            loadInto(stage1, options.config, net, ema);
            if (structureStage) {
                if (!trainVae(context, {"structure", options.structureSteps, options.vaeLearningRate * 0.5}, true, audio(), net, ema))
                    return partial();
            } else {
                say("structure: skipped (" + std::string(hasTargets ? "0 steps asked" : "the manifest has no frame targets") + ")");
            }
            save(run, ema, stage2, metadataFor(options, "structure", songs, 0.0));
            recordProbe(run, "structure", ema, audio(), context.device, say);
            finishStage("structure");
        }
        if (!run.isDone("latents")) {
            run.dist.mainRankDoes("latents", [&] {
                loadInto(stage2, options.config, net, ema);
                encodeLatents(audio(), config.vae, net, context.device, latentsStructure, say);
                if (options.ablation) {
                    loadInto(stage1, options.config, net, ema);
                    encodeLatents(audio(), config.vae, net, context.device, latentsPlain, say);
                }
            });
            finishStage("latents");
        }

        // Stages 3 and 4 for one VAE: pretrain on every song, then fine-tune on the best.
        auto ditStages = [&](const std::string& prefix, const std::string& vaeWeights, const std::string& latents,
                             const std::string& pretrainOut, const std::string& finalOut) -> bool {
            double scale = 1.0;
            const std::string pre = prefix + "dit", sft = prefix + "sft";
            if (!run.isDone(pre)) {
                loadInto(vaeWeights, options.config, net, ema);
                const auto data = readLatents(latents, manifest.songs, &scale);
                if (!trainDit(context, {pre, options.ditSteps, options.ditLearningRate, options.ditAccumulation}, data, net, ema))
                    return false;
                save(run, ema, pretrainOut, metadataFor(options, pre, songs, scale));
                finishStage(pre);
            }
            if (!run.isDone(sft)) {
                loadInto(pretrainOut, options.config, net, ema);
                const auto data = readLatents(latents, best, &scale);
                if (!trainDit(context, {sft, options.sftSteps, options.sftLearningRate, options.ditAccumulation}, data, net, ema))
                    return false;
                save(run, ema, finalOut, metadataFor(options, sft, songs, scale));
                finishStage(sft);
            }
            return true;
        };
        if (!ditStages("", stage2, latentsStructure, run.file("stage3-pretrain.safetensors"), run.file("model.safetensors")))
            return partial();
        if (options.ablation
            && !ditStages("ablation-", stage1, latentsPlain, run.file("ablation-plain-pretrain.safetensors"),
                          run.file("ablation-plain-vae.safetensors")))
            return partial();
        summary.finished = true;
        summary.stagesDone = run.done;
        summary.warnings = probeWarnings(run);
        summary.modelPath = run.file("model.safetensors");
        auto sha = model::readTensors(summary.modelPath);
        if (sha)
            summary.modelSha256 = sha->sha256;
        return summary;
    } catch (const TrainingError&) {
        throw;
    } catch (const std::exception& e) {
        throw TrainingError(std::string("Training failed: ") + e.what());
    }
}

}  // namespace s2a::training
