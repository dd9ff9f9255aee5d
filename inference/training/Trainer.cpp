// The recipe's driver: pipeline, then the stages in order, each resumable, each ending in a safetensors file
// of EMA weights that the next stage starts from (and that the engine can load on its own).
#include "inference/training/Trainer.h"

#include "inference/model/TorchDevice.h"
#include "inference/model/WeightLoader.h"
#include "inference/training/TrainingStages.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace s2a::inference::training {

using namespace detail;

bool TrainContext::sliceOver() const
{
    if (job.cancelled())
        return true;
    if (options.stopAfterSteps > 0 && stepsThisRun >= options.stopAfterSteps)
        return true;
    return options.minutes > 0.0 && clock.elapsed() > options.minutes * 60000.0;
}

namespace {

std::string utf8(const QString& s) { return s.toStdString(); }

struct Run {
    const TrainOptions& options;
    QDir out;
    QStringList done;

    QString file(const QString& name) const { return out.filePath(name); }
    bool isDone(const QString& stage) const { return done.contains(stage); }
    Status markDone(const QString& stage)
    {
        done << stage;
        QSaveFile f(file(QStringLiteral("state.json")));
        if (!f.open(QIODevice::WriteOnly))
            return Error{QStringLiteral("%1: cannot be written: %2").arg(f.fileName(), f.errorString())};
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("done"), QJsonArray::fromStringList(done)},
                                          {QStringLiteral("config"), options.config},
                                          {QStringLiteral("updated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
                    .toJson());
        if (!f.commit())
            return Error{QStringLiteral("%1: cannot be written: %2").arg(f.fileName(), f.errorString())};
        return Status::success();
    }
};

QStringList readDone(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    for (const auto& v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("done")).toArray())
        out << v.toString();
    return out;
}

model::WeightMetadata metadataFor(const TrainOptions& o, const QString& stage, int keptSongs, double latentScale)
{
    model::WeightMetadata m{{"config", utf8(o.config)},
                            {"init", "trained"},
                            {"stage", utf8(stage)},
                            {"seed", std::to_string(o.seed)},
                            {"kept_songs", std::to_string(keptSongs)},
                            {"recipe", "s2a-train: vae " + std::to_string(o.vaeSteps) + ", structure " +
                                           std::to_string(o.structureSteps) + ", dit " + std::to_string(o.ditSteps) +
                                           ", sft " + std::to_string(o.sftSteps) + " steps"},
                            {"trained_at", utf8(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))}};
    if (latentScale > 0.0)
        m[model::kLatentScaleKey] = std::to_string(latentScale);
    return m;
}

void loadInto(const QString& path, const QString& config, model::Network& net, model::Network& ema,
              double* latentScale = nullptr)
{
    auto report = model::loadWeights(*net, utf8(path), {utf8(config), {}});
    if (!report)
        throw std::runtime_error(report.error);
    copyWeights(net, ema);
    if (latentScale)
        *latentScale = model::latentScaleOf(report->metadata);
}

void save(const model::Network& ema, const QString& path, const model::WeightMetadata& metadata)
{
    auto saved = model::saveWeights(*ema, utf8(path), metadata);
    if (!saved)
        throw std::runtime_error(saved.error);
}

std::vector<VaeSong> loadAudio(const QVector<TrainingSong>& songs, int groups, const TrainLog& say)
{
    std::vector<VaeSong> out;
    for (const TrainingSong& s : songs) {
        auto audio = loadGroupAudio(s, groups);
        if (!audio)
            throw std::runtime_error(utf8(audio.error().message));
        const auto& buffers = audio.value();
        auto t = torch::empty({int64_t(buffers.size()), int64_t(buffers.front().channelCount()), int64_t(s.samples)},
                              torch::kFloat16);
        for (size_t g = 0; g < buffers.size(); ++g)
            for (int c = 0; c < buffers[g].channelCount(); ++c)
                t[int64_t(g)][c].copy_(torch::from_blob(const_cast<float*>(buffers[g].channels[size_t(c)].data()),
                                                        {int64_t(s.samples)}, torch::kFloat32));
        out.push_back({t, &s});
    }
    say(QStringLiteral("loaded the stems of %1 songs").arg(out.size()));
    return out;
}

// Encodes every song's groups with the VAE of `weights` and stores the latents (unscaled) with their scale.
void encodeLatents(const QVector<TrainingSong>& songs, const std::vector<VaeSong>& audio, model::Network net,
                   const torch::Device& device, const QString& path, const TrainLog& say)
{
    torch::NoGradGuard noGrad;
    net->eval();
    model::TensorMap tensors;
    double sum = 0.0, squares = 0.0, count = 0.0;
    for (size_t i = 0; i < audio.size(); ++i) {
        torch::Tensor latent;
        // Chunks of ~47 s keep the encoder's activations small; the hop divides the chunk, so frames join.
        const int64_t chunk = 1024 * net->vae->hopLength();
        std::vector<torch::Tensor> parts;
        for (int64_t from = 0; from < audio[i].audio.size(2); from += chunk) {
            const auto piece = audio[i].audio.narrow(2, from, std::min(chunk, audio[i].audio.size(2) - from));
            parts.push_back(net->vae->encode(piece.to(device, torch::kFloat32), false).mean.to(torch::kCPU));
        }
        latent = torch::cat(parts, 2);                                    // [G, C, F]
        latent = latent.reshape({-1, latent.size(-1)}).contiguous();      // [G*C, F]
        sum += latent.sum().item<double>();
        squares += latent.pow(2).sum().item<double>();
        count += double(latent.numel());
        tensors[utf8(songs[qsizetype(i)].id)] = latent;
        if ((i + 1) % 20 == 0)
            say(QStringLiteral("encoded %1 of %2 songs").arg(i + 1).arg(audio.size()));
    }
    const double mean = sum / count;
    const double scale = std::sqrt(std::max(1e-12, squares / count - mean * mean));
    auto written = model::writeTensors(utf8(path), tensors, {{model::kLatentScaleKey, std::to_string(scale)}});
    if (!written)
        throw std::runtime_error(written.error);
    say(QStringLiteral("latents: %1 songs, scale %2 -> %3").arg(audio.size()).arg(scale).arg(path));
}

std::vector<DitSong> readLatents(const QString& path, const QVector<TrainingSong>& songs, double* scale)
{
    auto file = model::readTensors(utf8(path));
    if (!file)
        throw std::runtime_error(file.error);
    *scale = model::latentScaleOf(file->metadata);
    std::vector<DitSong> out;
    for (const TrainingSong& s : songs) {
        const auto it = file->tensors.find(utf8(s.id));
        if (it == file->tensors.end())
            throw std::runtime_error("latents of " + utf8(s.id) + " missing in " + utf8(path));
        out.push_back({it->second.to(torch::kFloat32) / *scale, &s});
    }
    return out;
}

// Probes the VAE just trained, says how it does and records it as <stage>-probe.json.
void recordProbe(const Run& run, const QString& stage, model::Network net, const std::vector<VaeSong>& audio,
                 const torch::Device& device, const TrainLog& say)
{
    const VaeProbe p = probeVae(net, audio, device);
    say(QStringLiteral("%1 VAE probe: spectral distance %2, log-spectral distance %3 dB, SNR %4 dB, level %5 -> %6 dB, "
                       "latent spread %7 over %8 crops%9%10")
            .arg(stage).arg(p.spectralDistance, 0, 'f', 3).arg(p.logSpectralDb, 0, 'f', 1).arg(p.snrDb, 0, 'f', 2)
            .arg(p.inputDb, 0, 'f', 1).arg(p.outputDb, 0, 'f', 1)
            .arg(p.latentSpread, 0, 'f', 3).arg(p.crops)
            .arg(!p.usable()    ? QStringLiteral(": NOT USABLE (it does not reconstruct its input)")
                 : !p.faithful() ? QStringLiteral(": coarse (envelopes and level, not partials)")
                                 : QString())
            .arg(std::isfinite(p.magnitudeLogSpectralDb)
                     ? QStringLiteral(" (its magnitudes before phase reconstruction: %1 dB)").arg(p.magnitudeLogSpectralDb, 0, 'f', 1)
                     : QString()));
    QSaveFile f(run.file(stage + QStringLiteral("-probe.json")));
    if (!f.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + utf8(f.fileName()));
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("snrDb"), p.snrDb},
                                      {QStringLiteral("spectralDistance"), p.spectralDistance},
                                      {QStringLiteral("logSpectralDb"), p.logSpectralDb},
                                      {QStringLiteral("magnitudeLogSpectralDb"),
                                       std::isfinite(p.magnitudeLogSpectralDb) ? QJsonValue(p.magnitudeLogSpectralDb) : QJsonValue()},
                                      {QStringLiteral("inputDb"), p.inputDb},
                                      {QStringLiteral("outputDb"), p.outputDb},
                                      {QStringLiteral("latentSpread"), p.latentSpread},
                                      {QStringLiteral("crops"), p.crops}, {QStringLiteral("usable"), p.usable()},
                                      {QStringLiteral("faithful"), p.faithful()}})
                .toJson());
    if (!f.commit())
        throw std::runtime_error("cannot write " + utf8(f.fileName()));
}

QStringList probeWarnings(const Run& run)
{
    QStringList out;
    for (const QString& stage : {QStringLiteral("vae"), QStringLiteral("structure")}) {
        QFile f(run.file(stage + QStringLiteral("-probe.json")));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject p = QJsonDocument::fromJson(f.readAll()).object();
        if (!p.value(QStringLiteral("usable")).toBool())
            out << QStringLiteral("The %1 VAE does not reconstruct its input (log-spectral distance %2 dB, level %3 -> "
                                  "%4 dB, latent spread %5): train it longer or on a GPU before shipping these weights.")
                       .arg(stage).arg(p.value(QStringLiteral("logSpectralDb")).toDouble(), 0, 'f', 1)
                       .arg(p.value(QStringLiteral("inputDb")).toDouble(), 0, 'f', 1)
                       .arg(p.value(QStringLiteral("outputDb")).toDouble(), 0, 'f', 1)
                       .arg(p.value(QStringLiteral("latentSpread")).toDouble(), 0, 'f', 3);
        else if (!p.value(QStringLiteral("faithful")).toBool())
            out << QStringLiteral("The %1 VAE is coarse (log-spectral distance %2 dB, spectral distance %3): it keeps "
                                  "level, rhythm and spectral envelope but not the partials, so pitched parts come "
                                  "out as shaped noise.")
                       .arg(stage).arg(p.value(QStringLiteral("logSpectralDb")).toDouble(), 0, 'f', 1)
                       .arg(p.value(QStringLiteral("spectralDistance")).toDouble(), 0, 'f', 3);
    }
    return out;
}

}  // namespace

Result<TrainSummary> runTraining(const TrainOptions& options, const TrainLog& say, JobControl& job)
{
    QDir out(options.outDir);
    if (options.outDir.isEmpty() || !out.mkpath(QStringLiteral(".")))
        return Error{QStringLiteral("Cannot create the output folder %1.").arg(options.outDir)};
    Run run{options, out, readDone(out.filePath(QStringLiteral("state.json")))};
    TrainSummary summary;
    // A time slice that ends early still says how far the recipe got.
    auto partial = [&] {
        summary.stagesDone = run.done;
        summary.warnings = probeWarnings(run);
        return summary;
    };
    try {
        // The pipeline once; a resumed run reads its record.
        PipelineResult data;
        const QString pipelinePath = run.file(QStringLiteral("pipeline.json"));
        PipelineOptions po = options.pipeline;
        const model::ModelConfig config = model::builtinModelConfig(utf8(options.config));
        po.stemGroups = config.stemGroups;
        po.hop = config.vae.hopLength();
        if (QFileInfo::exists(pipelinePath)) {
            auto read = readPipelineJson(pipelinePath, po);
            if (!read)
                return read.error();
            data = std::move(read.value());
        } else {
            if (options.corpusDir.isEmpty())
                return Error{QStringLiteral("No corpus given (--corpus DIR).")};
            say(QStringLiteral("pipeline: reading %1").arg(options.corpusDir));
            auto piped = runPipeline(options.corpusDir, po, job);
            if (!piped)
                return piped.error();
            data = std::move(piped.value());
            if (Status s = writePipelineJson(data, pipelinePath); !s)
                return s.error();
        }
        if (data.kept.isEmpty())
            return Error{QStringLiteral("The pipeline kept no song of %1 (%2 dropped).").arg(options.corpusDir).arg(data.dropped.size())};
        say(QStringLiteral("pipeline: %1 songs kept, %2 dropped").arg(data.kept.size()).arg(data.dropped.size()));
        const QVector<TrainingSong> best = topGraded(data.kept, options.sftFraction);

        model::setCpuThreads(options.threads);
        LossLog log(run.file(QStringLiteral("loss.csv")));
        TrainContext context{options, config, model::selectDevice(utf8(options.device)), log, say, job, {}, 0};
        context.clock.start();
        say(QStringLiteral("device: %1").arg(QString::fromStdString(model::describeRuntime(context.device))));
        torch::manual_seed(int64_t(options.seed));
        model::Network net(config), ema(config);
        net->to(context.device);
        ema->to(context.device);
        copyWeights(net, ema);
        std::vector<VaeSong> audio;
        auto needAudio = [&] {
            if (audio.empty())
                audio = loadAudio(data.kept, config.stemGroupCount(), say);
        };
        const int kept = int(data.kept.size());
        const QString stage1 = run.file(QStringLiteral("stage1-vae.safetensors"));
        const QString stage2 = run.file(QStringLiteral("stage2-structure-vae.safetensors"));
        const QString latentsStructure = run.file(QStringLiteral("latents-structure.safetensors"));
        const QString latentsPlain = run.file(QStringLiteral("latents-plain.safetensors"));
        auto finishStage = [&](const QString& stage) {
            if (Status s = run.markDone(stage); !s)
                throw std::runtime_error(utf8(s.errorMessage()));
            say(QStringLiteral("stage %1 done").arg(stage));
        };

        if (!run.isDone(QStringLiteral("vae"))) {
            needAudio();
            if (!trainVae(context, {"vae", options.vaeSteps, options.vaeLearningRate}, false, audio, net, ema))
                return partial();
            save(ema, stage1, metadataFor(options, QStringLiteral("vae"), kept, 0.0));
            recordProbe(run, QStringLiteral("vae"), ema, audio, context.device, say);
            finishStage(QStringLiteral("vae"));
        }
        if (!run.isDone(QStringLiteral("structure"))) {
            needAudio();
            loadInto(stage1, options.config, net, ema);
            if (!trainVae(context, {"structure", options.structureSteps, options.vaeLearningRate * 0.5}, true, audio, net, ema))
                return partial();
            save(ema, stage2, metadataFor(options, QStringLiteral("structure"), kept, 0.0));
            recordProbe(run, QStringLiteral("structure"), ema, audio, context.device, say);
            finishStage(QStringLiteral("structure"));
        }
        if (!run.isDone(QStringLiteral("latents"))) {
            needAudio();
            loadInto(stage2, options.config, net, ema);
            encodeLatents(data.kept, audio, net, context.device, latentsStructure, say);
            if (options.ablation) {
                loadInto(stage1, options.config, net, ema);
                encodeLatents(data.kept, audio, net, context.device, latentsPlain, say);
            }
            finishStage(QStringLiteral("latents"));
        }
        audio.clear();

        // Stages 3 and 4 for one VAE: pretrain on every kept song, then fine-tune on the best.
        auto ditStages = [&](const QString& prefix, const QString& vaeWeights, const QString& latents,
                             const QString& pretrainOut, const QString& finalOut) -> bool {
            double scale = 1.0;
            const QString pre = prefix + QStringLiteral("dit"), sft = prefix + QStringLiteral("sft");
            if (!run.isDone(pre)) {
                loadInto(vaeWeights, options.config, net, ema);
                const auto songs = readLatents(latents, data.kept, &scale);
                if (!trainDit(context, {utf8(pre), options.ditSteps, options.ditLearningRate}, songs, net, ema))
                    return false;
                save(ema, pretrainOut, metadataFor(options, pre, kept, scale));
                finishStage(pre);
            }
            if (!run.isDone(sft)) {
                loadInto(pretrainOut, options.config, net, ema);
                const auto songs = readLatents(latents, best, &scale);
                if (!trainDit(context, {utf8(sft), options.sftSteps, options.sftLearningRate}, songs, net, ema))
                    return false;
                save(ema, finalOut, metadataFor(options, sft, kept, scale));
                finishStage(sft);
            }
            return true;
        };
        if (!ditStages(QString(), stage2, latentsStructure, run.file(QStringLiteral("stage3-pretrain.safetensors")),
                       run.file(QStringLiteral("model.safetensors"))))
            return partial();
        if (options.ablation
            && !ditStages(QStringLiteral("ablation-"), stage1, latentsPlain,
                          run.file(QStringLiteral("ablation-plain-pretrain.safetensors")),
                          run.file(QStringLiteral("ablation-plain-vae.safetensors"))))
            return partial();
        summary.finished = true;
        summary.stagesDone = run.done;
        summary.warnings = probeWarnings(run);
        summary.modelPath = run.file(QStringLiteral("model.safetensors"));
        auto sha = model::readTensors(utf8(summary.modelPath));
        if (sha)
            summary.modelSha256 = QString::fromStdString(sha->sha256);
        return summary;
    } catch (const std::exception& e) {
        return Error{QStringLiteral("Training failed: %1").arg(QString::fromStdString(e.what()))};
    }
}

}  // namespace s2a::inference::training
