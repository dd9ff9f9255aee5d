#include "training/TrainingLoop.h"

#include "training/TrainingStages.h"

#include "core/persistence/AtomicWriter.h"
#include "core/util/StableHash.h"

#include <torch/serialize.h>

#include <ATen/CPUGeneratorImpl.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace s2a::training::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;

std::string pathIn(const std::string& dir, const std::string& stage, const char* suffix)
{
    return dir + "/" + stage + suffix;
}

// torch::save writes in place; a crash half way through must not leave a checkpoint that resumes wrongly. The
// archive goes to a temp file (not through memory: a 402M model's optimiser state is gigabytes), then renames.
template <typename T>
void saveAtomically(const T& value, const std::string& path)
{
    const std::string temp = path + core::AtomicWriter::tempMarker() + "checkpoint";
    torch::save(value, temp);
    if (std::rename(temp.c_str(), path.c_str()) != 0)
        throw std::runtime_error("cannot write checkpoint " + path);
    core::syncDirectoryOf(path);
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
    return core::mix64(seed ^ (core::stableHash(stage) * 0x9E3779B97F4A7C15ULL) ^ (uint64_t(step) * 0xD1B54A32D192ED03ULL));
}

StepDraws::StepDraws(uint64_t seed, std::string stage, int step)
    : choices(stepSeed(seed, stage, step)), m_seed(seed), m_stage(std::move(stage)), m_step(step)
{
}

at::Generator StepDraws::noiseFor(int item) const
{
    return at::detail::createCPUGenerator(core::mix64(stepSeed(m_seed, m_stage + "/noise", m_step) + uint64_t(item)));
}

StageRun::StageRun(std::string stage, model::Network net, model::Network ema, std::vector<torch::Tensor> parameters,
                   ScheduleOptions options, std::string checkpointDir, Distributed& dist)
    : m_stage(std::move(stage)), m_net(std::move(net)), m_ema(std::move(ema)), m_parameters(std::move(parameters)),
      m_options(options), m_dir(std::move(checkpointDir)), m_dist(dist)
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
    if (m_dist.worldSize() > 1)
        m_sync = m_dist.gradientSync(m_parameters);
    std::filesystem::create_directories(m_dir);
}

bool StageRun::resume(const std::function<void(const std::string&)>& say)
{
    const std::string text = readTextFile(pathIn(m_dir, m_stage, ".json")).value_or(std::string());
    bool resumed = false;
    if (!text.empty()) {
        const auto state = nlohmann::json::parse(text);
        torch::load(m_net, pathIn(m_dir, m_stage, "-model.pt"));
        torch::load(m_ema, pathIn(m_dir, m_stage, "-ema.pt"));
        torch::load(*m_optimizer, pathIn(m_dir, m_stage, "-optim.pt"));
        m_step = state.at("step").get<int>();
        resumed = true;
        if (say)
            say(m_stage + ": resuming at step " + std::to_string(m_step) + " of " + std::to_string(m_options.totalSteps));
    }
    // The replicas start from rank 0's weights: the same checkpoint on a shared disk, or a fresh network whose
    // initialisation must not depend on each rank's own random state. The optimiser's moments are read from
    // the same files by every rank, or are zero.
    if (m_dist.worldSize() > 1) {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> all;
        for (const auto& p : m_net->parameters())
            all.push_back(p);
        for (const auto& b : m_net->buffers())
            all.push_back(b);
        for (const auto& p : m_ema->parameters())
            all.push_back(p);
        for (const auto& b : m_ema->buffers())
            all.push_back(b);
        m_dist.broadcast(all);
    }
    return resumed;
}

void StageRun::beginStep()
{
    for (auto& group : m_optimizer->param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate());
    m_optimizer->zero_grad();
}

void StageRun::backward(const torch::Tensor& loss, bool last)
{
    if (last && m_sync)
        m_sync->arm();
    if (loss.defined())
        loss.backward();
    if (last && m_sync)
        m_sync->finish();
}

double StageRun::finishStep()
{
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
    if (!m_dist.isMain())
        return;
    saveAtomically(m_net, pathIn(m_dir, m_stage, "-model.pt"));
    saveAtomically(m_ema, pathIn(m_dir, m_stage, "-ema.pt"));
    saveAtomically(*m_optimizer, pathIn(m_dir, m_stage, "-optim.pt"));
    // Written last: a checkpoint exists only once its three archives do.
    const nlohmann::json state{{"stage", m_stage}, {"step", m_step}, {"steps", m_options.totalSteps}};
    const std::string error = core::writeFileAtomically(pathIn(m_dir, m_stage, ".json"), state.dump(4) + "\n");
    if (!error.empty())
        throw std::runtime_error("cannot write " + error);
}

const std::vector<std::string>& LossLog::columns()
{
    static const std::vector<std::string> kColumns{"loss", "stft", "waveform", "kl", "heads", "melody", "chroma",
                                                   "onset", "bass", "chord", "flow", "grad_norm", "seconds",
                                                   "tonal", "spread"};  // new columns go last: older logs keep their layout
    return kColumns;
}

LossLog::LossLog(std::string path) : m_path(std::move(path)) {}

void LossLog::append(const std::string& stage, int step, double rate, const std::map<std::string, double>& terms)
{
    if (!m_trimmed[stage]) {
        m_trimmed[stage] = true;
        std::istringstream in(readTextFile(m_path).value_or(std::string()));
        std::string kept, line;
        while (std::getline(in, line)) {
            const auto comma = line.find(',');
            if (line.empty())
                continue;
            if (comma != std::string::npos && line.compare(0, comma, stage) == 0
                && std::atoi(line.c_str() + comma + 1) >= step)
                continue;
            kept += line + "\n";
        }
        if (!kept.empty()) {
            const std::string error = core::writeFileAtomically(m_path, kept);
            if (!error.empty())
                throw std::runtime_error("cannot write " + error);
        }
    }
    std::ostringstream row;
    row.precision(9);
    if (!std::filesystem::exists(m_path) || std::filesystem::file_size(m_path) == 0) {
        row << "stage,step,lr";
        for (const auto& c : columns())
            row << ',' << c;
        row << '\n';
    }
    row << stage << ',' << step << ',' << std::setprecision(6) << rate << std::setprecision(9);
    for (const auto& c : columns()) {
        row << ',';
        const auto it = terms.find(c);
        if (it != terms.end())
            row << it->second;
    }
    row << '\n';
    std::ofstream out(m_path, std::ios::app | std::ios::binary);
    out << row.str();
    if (!out)
        throw std::runtime_error("cannot write " + m_path);
}

bool runStageLoop(TrainContext& context, StageRun& run, const StageSpec& spec,
                  const std::function<StepLoss(int step, StepDraws& draws, MicroBatch micro)>& step)
{
    using Clock = std::chrono::steady_clock;
    auto last = Clock::now();
    bool stop = context.sliceOver();
    while (!run.done()) {
        if (stop) {
            run.checkpoint();
            return false;
        }
        const int index = run.step();
        const double rate = run.rate();
        run.beginStep();
        // Each micro-batch draws the step's global batch afresh (the same draws: they depend only on the seed,
        // stage and step) and computes its part; its graph is freed by its backward pass before the next.
        std::map<std::string, double> terms;
        const int micro = std::max(1, spec.microBatches);
        for (int m = 0; m < micro; ++m) {
            StepDraws draws(context.options.seed, spec.name, index);
            const StepLoss result = step(index, draws, {m, micro});
            for (const auto& [name, value] : result.terms)
                terms[name] += value;
            if (result.loss.defined())
                terms["loss"] += result.loss.item<double>();
            run.backward(result.loss, m == micro - 1);
        }
        terms.emplace("loss", 0.0);
        const double gradNorm = run.finishStep();
        // The logged terms are the global batch's (each rank's share averaged), and the decision to stop is the
        // world's (one rank's time slice or Ctrl-C stops every rank at the same step): one small all-reduce.
        ++context.stepsThisRun;
        stop = context.sliceOver();
        terms = context.averageOverRanks(terms, stop);
        if (!std::isfinite(terms["loss"]))
            throw std::runtime_error(spec.name + ": the loss is not finite at step " + std::to_string(index));
        terms["grad_norm"] = gradNorm;  // of the averaged gradients: the same on every rank
        const auto now = Clock::now();
        terms["seconds"] = std::chrono::duration<double>(now - last).count();
        last = now;
        if (context.dist.isMain())
            context.log.append(spec.name, index, rate, terms);
        if (context.replicaLog)
            context.replicaLog(spec.name, index, parameterHash(run.parameters()));
        if (index % 20 == 0 || run.done()) {
            char line[160];
            std::snprintf(line, sizeof line, "%s step %d/%d  loss %.4f  (%.2f s/step)", spec.name.c_str(), index + 1,
                          spec.steps, terms["loss"], terms["seconds"]);
            context.say(line);
        }
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

}  // namespace s2a::training::detail
