#include "inference/training/TrainingLoop.h"

#include "inference/training/TrainingStages.h"

#include "inference/arranger/Random.h"

#include <torch/serialize.h>

#include <ATen/CPUGeneratorImpl.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>
#include <stdexcept>

namespace s2a::inference::training::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;

QString pathIn(const QString& dir, const std::string& stage, const char* suffix)
{
    return QDir(dir).filePath(QString::fromStdString(stage) + QLatin1String(suffix));
}

// torch::save writes in place; a crash half way through must not leave a checkpoint that resumes wrongly.
template <typename T>
void saveAtomically(const T& value, const QString& path)
{
    const QString temp = path + QStringLiteral(".tmp");
    torch::save(value, temp.toStdString());
    QFile::remove(path);
    if (!QFile::rename(temp, path))
        throw std::runtime_error("cannot write checkpoint " + path.toStdString());
}

}  // namespace

double scheduledRate(const ScheduleOptions& o, int step)
{
    if (o.warmupSteps > 0 && step < o.warmupSteps)
        return o.learningRate * double(step + 1) / double(o.warmupSteps);
    const int span = std::max(1, o.totalSteps - o.warmupSteps);
    const double progress = std::clamp(double(step - o.warmupSteps) / double(span), 0.0, 1.0);
    return o.learningRate * (o.minFactor + (1.0 - o.minFactor) * 0.5 * (1.0 + std::cos(kPi * progress)));
}

uint64_t stepSeed(uint64_t seed, const std::string& stage, int step)
{
    // SplitMix64's finaliser over (seed, FNV-1a(stage), step): cheap, well mixed, stable across platforms.
    return arranger::mix64(seed ^ (arranger::stableHash(stage) * 0x9E3779B97F4A7C15ULL) ^
                           (uint64_t(step) * 0xD1B54A32D192ED03ULL));
}

StepDraws drawsFor(uint64_t seed, const std::string& stage, int step)
{
    return {std::mt19937_64(stepSeed(seed, stage, step)), at::detail::createCPUGenerator(stepSeed(seed, stage + "/noise", step))};
}

StageRun::StageRun(std::string stage, model::Network net, model::Network ema, std::vector<torch::Tensor> parameters,
                   ScheduleOptions options, QString checkpointDir)
    : m_stage(std::move(stage)), m_net(std::move(net)), m_ema(std::move(ema)), m_parameters(std::move(parameters)),
      m_options(options), m_dir(std::move(checkpointDir))
{
    // The EMA follows every tensor of the network (frozen ones simply stay equal), so it is a whole model.
    auto live = m_net->named_parameters(true);
    auto avg = m_ema->named_parameters(true);
    for (const auto& item : live)
        m_emaPairs.emplace_back(avg[item.key()], item.value());
    auto liveBuffers = m_net->named_buffers(true);
    auto avgBuffers = m_ema->named_buffers(true);
    for (const auto& item : liveBuffers)
        m_emaPairs.emplace_back(avgBuffers[item.key()], item.value());
    torch::optim::AdamWOptions adam(m_options.learningRate);
    adam.betas({0.9, 0.99}).weight_decay(0.01).eps(1e-8);
    m_optimizer = std::make_unique<torch::optim::AdamW>(m_parameters, adam);
    QDir().mkpath(m_dir);
}

bool StageRun::resume(const std::function<void(const QString&)>& say)
{
    QFile stateFile(pathIn(m_dir, m_stage, ".json"));
    if (!stateFile.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject state = QJsonDocument::fromJson(stateFile.readAll()).object();
    torch::load(m_net, pathIn(m_dir, m_stage, "-model.pt").toStdString());
    torch::load(m_ema, pathIn(m_dir, m_stage, "-ema.pt").toStdString());
    torch::load(*m_optimizer, pathIn(m_dir, m_stage, "-optim.pt").toStdString());
    m_step = state.value(QStringLiteral("step")).toInt();
    if (say)
        say(QStringLiteral("%1: resuming at step %2 of %3").arg(QString::fromStdString(m_stage)).arg(m_step).arg(m_options.totalSteps));
    return true;
}

double StageRun::update(const torch::Tensor& loss)
{
    for (auto& group : m_optimizer->param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate());
    m_optimizer->zero_grad();
    loss.backward();
    const double norm = torch::nn::utils::clip_grad_norm_(m_parameters, m_options.gradientClip);
    m_optimizer->step();
    ++m_step;
    // Warm-up of the average itself: early on the EMA would otherwise be mostly the random initialisation.
    const double decay = std::min(m_options.emaDecay, (1.0 + m_step) / (10.0 + m_step));
    torch::NoGradGuard noGrad;
    for (auto& [avg, live] : m_emaPairs) {
        if (avg.is_floating_point())
            avg.mul_(decay).add_(live.detach(), 1.0 - decay);
        else
            avg.copy_(live);
    }
    return norm;
}

void StageRun::checkpoint() const
{
    saveAtomically(m_net, pathIn(m_dir, m_stage, "-model.pt"));
    saveAtomically(m_ema, pathIn(m_dir, m_stage, "-ema.pt"));
    saveAtomically(*m_optimizer, pathIn(m_dir, m_stage, "-optim.pt"));
    QSaveFile state(pathIn(m_dir, m_stage, ".json"));
    if (!state.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + state.fileName().toStdString());
    state.write(QJsonDocument(QJsonObject{{QStringLiteral("stage"), QString::fromStdString(m_stage)},
                                          {QStringLiteral("step"), m_step},
                                          {QStringLiteral("steps"), m_options.totalSteps}})
                    .toJson());
    if (!state.commit())
        throw std::runtime_error("cannot write " + state.fileName().toStdString());
}

const std::vector<std::string>& LossLog::columns()
{
    static const std::vector<std::string> kColumns{"loss", "stft", "waveform", "kl", "heads", "melody", "chroma",
                                                   "onset", "bass", "chord", "flow", "grad_norm", "seconds",
                                                   "tonal", "spread"};  // new columns go last: older logs keep their layout
    return kColumns;
}

LossLog::LossLog(QString path) : m_path(std::move(path)) {}

void LossLog::append(const std::string& stage, int step, double rate, const std::map<std::string, double>& terms)
{
    const QString stageName = QString::fromStdString(stage);
    if (!m_trimmed[stage]) {
        m_trimmed[stage] = true;
        QFile in(m_path);
        if (in.open(QIODevice::ReadOnly)) {
            QStringList keep;
            for (const QString& line : QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const QStringList cells = line.split(QLatin1Char(','));
                if (cells.size() > 1 && cells[0] == stageName && cells[1].toInt() >= step)
                    continue;
                keep << line;
            }
            in.close();
            QSaveFile out(m_path);
            if (out.open(QIODevice::WriteOnly)) {
                out.write((keep.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
                out.commit();
            }
        }
    }
    QFile file(m_path);
    const bool fresh = !file.exists() || file.size() == 0;
    if (!file.open(QIODevice::Append))
        throw std::runtime_error("cannot write " + m_path.toStdString());
    QTextStream out(&file);
    if (fresh) {
        out << "stage,step,lr";
        for (const auto& c : columns())
            out << ',' << QString::fromStdString(c);
        out << '\n';
    }
    out << stageName << ',' << step << ',' << QString::number(rate, 'g', 6);
    for (const auto& c : columns()) {
        out << ',';
        const auto it = terms.find(c);
        if (it != terms.end())
            out << QString::number(it->second, 'g', 9);
    }
    out << '\n';
}

bool runStageLoop(TrainContext& context, StageRun& run, const StageSpec& spec,
                  const std::function<StepLoss(int step, StepDraws& draws)>& step)
{
    QElapsedTimer clock;
    clock.start();
    while (!run.done()) {
        if (context.sliceOver()) {
            run.checkpoint();
            return false;
        }
        const int index = run.step();
        StepDraws draws = drawsFor(context.options.seed, spec.name, index);
        StepLoss result = step(index, draws);
        std::map<std::string, double>& terms = result.terms;
        const double rate = run.rate();
        terms["loss"] = result.loss.item<double>();
        if (!std::isfinite(terms["loss"]))
            throw std::runtime_error(spec.name + ": the loss is not finite at step " + std::to_string(index));
        terms["grad_norm"] = run.update(result.loss);
        terms["seconds"] = clock.restart() / 1000.0;
        context.log.append(spec.name, index, rate, terms);
        ++context.stepsThisRun;
        if (index % 20 == 0 || run.done())
            context.say(QStringLiteral("%1 step %2/%3  loss %4  (%5 s/step)")
                            .arg(QString::fromStdString(spec.name)).arg(index + 1).arg(spec.steps)
                            .arg(terms["loss"], 0, 'f', 4).arg(terms["seconds"], 0, 'f', 2));
        context.job.progress(double(run.step()) / spec.steps, QString::fromStdString(spec.name));
        if (run.step() % context.options.checkpointEvery == 0 || run.done())
            run.checkpoint();
    }
    return true;
}

void copyWeights(const model::Network& from, model::Network& to)
{
    torch::NoGradGuard noGrad;
    auto src = from->named_parameters(true);
    for (auto& item : to->named_parameters(true))
        item.value().copy_(src[item.key()]);
    auto srcBuffers = from->named_buffers(true);
    for (auto& item : to->named_buffers(true))
        item.value().copy_(srcBuffers[item.key()]);
}

}  // namespace s2a::inference::training::detail
