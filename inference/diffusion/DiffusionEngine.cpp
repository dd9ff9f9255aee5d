#include "inference/diffusion/DiffusionEngine.h"

#include "inference/StemGroups.h"
#include "inference/diffusion/GroupAudio.h"
#include "inference/diffusion/ModelConfigs.h"
#include "inference/arranger/CaptionParser.h"

#include "inference/model/AudioVae.h"
#include "inference/model/CaptionEncoder.h"
#include "inference/model/FlowSampler.h"
#include "inference/model/GuidedDitVelocity.h"
#include "inference/model/LatentInpainting.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/Network.h"
#include "inference/model/Splice.h"
#include "inference/model/StructureDit.h"
#include "inference/model/TorchDevice.h"
#include "inference/model/TorchScriptTextEncoder.h"
#include "inference/model/WeightLoader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

namespace s2a::inference::diffusion {

namespace {

using s2a::model::ModelConfig;

std::string utf8(const QString& s) { return s.toStdString(); }

using model::Network;


// How far the guided velocity's spread is pulled back to the conditional one's (FlowSampler.h). All the way:
// on 30 held-out songs it kept tempo adherence (70 %), raised instrument presence from 86 to 93 % and
// brought a guidance-4 drum stem from -7.9 to -16.8 LUFS (0.7: -13.0).
constexpr double kGuidanceRescale = 1.0;

// The tempo the model's beat grid runs at, and the take records: the request's, else one the caption names
// ("92 bpm"), else the middle of a named style's range, else 120. Deterministic, unlike the arranger's pick
// within the range: a take must be re-creatable from its seed.
double tempoOf(const GenerationRequest& request)
{
    if (request.tempo > 0.0)
        return request.tempo;
    const arranger::CaptionIntent intent = arranger::parseCaption(request.caption);
    if (intent.tempo)
        return *intent.tempo;
    if (intent.style) {
        const arranger::StyleDef& style = arranger::styleDef(*intent.style);
        return std::round(style.tempoMin + (style.tempoMax - style.tempoMin) * intent.tempoFeel.value_or(0.5));
    }
    return 120.0;
}

int64_t labelId(const SectionPlan& s, const ModelConfig& config)
{
    return std::clamp<int64_t>(int64_t(s.label), 0, std::max(0, config.sectionLabelCount - 1));
}

// Autocast on CUDA for the duration of a scope (no-op elsewhere).
class AutocastScope {
public:
    AutocastScope(bool enable, bool half)
        : m_enabled(enable)
    {
        if (!m_enabled)
            return;
        const auto dtype = half ? at::kHalf : at::kBFloat16;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_dtype(at::kCUDA, dtype);
        at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
        at::autocast::set_autocast_gpu_dtype(dtype);
        at::autocast::set_enabled(true);
#endif
    }
    ~AutocastScope()
    {
        if (!m_enabled)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
        at::autocast::set_enabled(false);
#endif
        at::autocast::clear_cache();
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool m_enabled;
};

}  // namespace

struct DiffusionEngine::Impl {
    DiffusionOptions options;
    QString weightsPath;
    std::optional<ModelConfig> config;
    torch::Device device{torch::kCPU};
    Network net{nullptr};
    std::shared_ptr<model::TextEncoder> text;  // built-in, or the user's TorchScript encoder
    QString sha256;
    double latentScale = 1.0;  // DiT latents = VAE latents / latentScale (model::kLatentScaleKey)
    bool loaded = false;
    int encodes = 0;
    // Encoded context windows, newest last, keyed by a hash of the audio (and where it lies in the song).
    std::deque<std::pair<QByteArray, torch::Tensor>> latentCache;
    static constexpr size_t kCacheEntries = 8;

    Status load();
    bool autocast() const { return options.reducedPrecision && device.is_cuda(); }
    model::DitConditioning conditioning(const GenerationRequest& request, int64_t windowFirst, int64_t windowFrames,
                                        int64_t songFrames);
    // Samples one window: frames with keep 1 follow `context`. Returns the latent, or cancelledError().
    Result<torch::Tensor> sampleWindow(const GenerationRequest& request, const torch::Tensor& context,
                                       const torch::Tensor& keep, const model::DitConditioning& cond, quint64 seed,
                                       JobControl& job, double from, double to, const QString& stage);
    // [1, G*C, F] -> [G, ch, samples], one stem group at a time so that a long song's decode reports progress
    // ("Decoding bass (2 of 4)", from `from` to `to`) and can be cancelled between groups (an undefined tensor).
    torch::Tensor decodeGroups(const torch::Tensor& latent, int64_t samples, JobControl* job = nullptr,
                               double from = 0.0, double to = 1.0);
    torch::Tensor encodeGroups(const torch::Tensor& audio);                    // [G, ch, T] -> [1, G*C, F]
    core::TakeOrigin origin(const GenerationRequest& request, const QString& caption) const;
};

DiffusionEngine::DiffusionEngine(DiffusionOptions options) : d(std::make_unique<Impl>())
{
    d->options = std::move(options);
    d->weightsPath = d->options.weightsPath.isEmpty() ? defaultWeightsPath(d->options.config) : d->options.weightsPath;
}

DiffusionEngine::~DiffusionEngine() = default;

bool DiffusionEngine::isLoaded() const { return d->loaded; }
QString DiffusionEngine::weightsPath() const { return d->weightsPath; }
QString DiffusionEngine::weightsSha256() const { return d->sha256; }
QString DiffusionEngine::device() const { return d->loaded ? QString::fromStdString(d->device.str()) : QString(); }
int DiffusionEngine::contextEncodeCount() const { return d->encodes; }
Status DiffusionEngine::load() { return d->load(); }

Status DiffusionEngine::Impl::load()
{
    if (loaded)
        return Status::success();
    if (!QFileInfo(weightsPath).isFile())
        return Error{noWeightsMessage(options.config, options.weightsPath.isEmpty() ? weightsSearchPaths(options.config)
                                                                                    : QStringList{weightsPath})};
    auto parsed = configNamed(options.config);
    if (!parsed)
        return parsed.error();
    try {
        model::setCpuThreads(options.cpuThreads);
        Network candidate(parsed.value());
        auto report = model::loadWeights(*candidate, utf8(weightsPath), {utf8(options.config), {}});
        if (!report)
            return Error{QString::fromStdString(report.error)};
        device = model::selectDevice(utf8(options.device));
        candidate->to(device);
        candidate->eval();
        config = parsed.value();
        net = candidate;
        if (options.textEncoderPath.isEmpty()) {
            text = std::make_shared<model::BuiltinTextEncoder>(config->caption, net->caption);
        } else {
            auto external = model::TorchScriptTextEncoder::load(utf8(options.textEncoderPath), device);
            if (!external)
                return Error{QString::fromStdString(external.error)};
            if ((*external)->outputWidth() != config->dit.textWidth)
                return Error{QStringLiteral("The text encoder %1 gives %2-wide embeddings; the %3 model's DiT takes %4.")
                                 .arg(options.textEncoderPath).arg((*external)->outputWidth()).arg(options.config)
                                 .arg(config->dit.textWidth)};
            text = *external;
        }
        sha256 = QString::fromStdString(report->sha256);
        latentScale = model::latentScaleOf(report->metadata);
        loaded = true;
        return Status::success();
    } catch (const std::exception& e) {
        return Error{QStringLiteral("Could not load the diffusion weights %1: %2").arg(weightsPath, QString::fromStdString(e.what()))};
    }
}

model::DitConditioning DiffusionEngine::Impl::conditioning(const GenerationRequest& request, int64_t windowFirst,
                                                           int64_t windowFrames, int64_t songFrames)
{
    const int64_t hop = config->vae.hopLength();
    std::vector<model::SectionSpan> spans;
    std::vector<std::string> captions;
    for (const SectionPlan& s : request.sections) {
        const model::FrameSpan f = model::frameSpanForSamples(s.start, s.end, hop, songFrames);
        if (std::min(f.end, windowFirst + windowFrames) <= std::max(f.first, windowFirst))
            continue;
        // The whole section in window coordinates (it may start before or end after the window): the position
        // in section stays the section's own, as in training crops.
        spans.push_back({f.first - windowFirst, f.end - windowFirst, labelId(s, *config)});
        captions.push_back(utf8(s.caption));
    }
    if (spans.empty()) {  // cannot happen for a window inside the song; keep the tensors well-formed anyway
        spans.push_back({0, windowFrames, 0});
        captions.emplace_back();
    }
    model::DitConditioning cond;
    cond.globalCaption = text->encode({utf8(request.caption)});
    cond.sectionCaptions = text->encode(captions).pooled.unsqueeze(0);  // [1, S, W]
    cond.structure = model::makeStructureFrames({spans}, windowFrames);
    if (config->dit.beatGrid) {
        const double frameSeconds = config->latentFrameSeconds();
        const model::BeatGrid grid{tempoOf(request), std::max(1, request.timeSignature.numerator),
                                   double(windowFirst) * frameSeconds};
        cond.structure.beatPhase = model::makeBeatPhases({grid}, windowFrames, frameSeconds).to(device);
    }
    cond.structure.labels = cond.structure.labels.to(device);
    cond.structure.position = cond.structure.position.to(device);
    cond.structure.sectionIndex = cond.structure.sectionIndex.to(device);
    return cond;
}

Result<torch::Tensor> DiffusionEngine::Impl::sampleWindow(const GenerationRequest& request, const torch::Tensor& context,
                                                          const torch::Tensor& keep, const model::DitConditioning& cond,
                                                          quint64 seed, JobControl& job, double from, double to,
                                                          const QString& stage)
{
    const torch::Tensor keep3 = keep.view({1, 1, -1}).to(device);
    const torch::Tensor ctx = context.to(device);
    const bool cast = autocast();
    model::DitCalls dit;
    dit.prepare = [&](const torch::Tensor& c, const torch::Tensor& k, const model::DitConditioning& cd) {
        AutocastScope scope(cast, options.halfPrecision);
        return net->dit->prepare(c, k, cd);
    };
    dit.forward = [&](const torch::Tensor& x, const torch::Tensor& t, const model::DitPrepared& prepared) {
        AutocastScope scope(cast, options.halfPrecision);
        return net->dit->forward(x, t, prepared).to(x.scalar_type());
    };
    // All guidance branches of a step in one batched forward (see GuidedDitVelocity.h).
    model::GuidedDitVelocity guided(std::move(dit), cond, ctx, keep3, request.guidance, request.sectionGuidance);
    const model::VelocityFn velocity = std::ref(guided);
    model::SamplerOptions so;
    so.steps = std::max(1, request.steps);
    so.guidance = request.guidance;
    so.sectionGuidance = request.sectionGuidance;
    so.guidanceRescale = kGuidanceRescale;
    so.seed = seed;
    so.onStep = [&](int step, int steps) {
        job.progress(from + (to - from) * double(step) / double(steps),
                     QStringLiteral("%1: step %2 of %3").arg(stage).arg(step).arg(steps));
        return !job.cancelled();
    };
    const model::SampleResult result = model::FlowSampler(so).inpaint(velocity, {ctx, keep3});
    if (result.cancelled || job.cancelled())
        return cancelledError();
    return result.latent;
}

torch::Tensor DiffusionEngine::Impl::decodeGroups(const torch::Tensor& latent, int64_t samples, JobControl* job,
                                                  double from, double to)
{
    const int64_t groups = config->stemGroupCount();
    const int64_t c = config->vae.latentChannels;
    const auto perGroup = latent.reshape({groups, c, latent.size(-1)}).to(device);
    AutocastScope scope(autocast(), options.halfPrecision);
    std::vector<torch::Tensor> decoded;
    for (int64_t g = 0; g < groups; ++g) {
        if (job) {
            job->progress(from + (to - from) * double(g) / double(groups),
                          QStringLiteral("Decoding %1 (%2 of %3)")
                              .arg(QString::fromStdString(config->stemGroups[size_t(g)])).arg(g + 1).arg(groups));
            if (job->cancelled())
                return {};
        }
        decoded.push_back(net->vae->decode(perGroup.narrow(0, g, 1) * latentScale, samples).to(torch::kCPU, torch::kFloat32));
    }
    auto audio = torch::cat(decoded, 0);
    return torch::nan_to_num(audio, 0.0, 1.0, -1.0).clamp(-1.0, 1.0).contiguous();
}

torch::Tensor DiffusionEngine::Impl::encodeGroups(const torch::Tensor& audio)
{
    AutocastScope scope(autocast(), options.halfPrecision);
    const auto enc = net->vae->encode(audio.to(device), false);
    const auto latent = enc.latent.to(torch::kFloat32) / latentScale;  // [G, C, F]
    return latent.reshape({1, -1, latent.size(-1)});
}

core::TakeOrigin DiffusionEngine::Impl::origin(const GenerationRequest& request, const QString& caption) const
{
    core::TakeOrigin o;
    o.engine = QStringLiteral("diffusion");
    o.modelId = options.config;
    o.weightsHash = sha256;
    o.caption = caption;
    o.seed = request.seed;
    o.steps = request.steps;
    o.guidance = request.guidance;
    o.contextSeconds = request.contextSeconds;
    o.createdAt = QDateTime::currentDateTimeUtc();
    return o;
}

Result<GenerationResult> DiffusionEngine::generate(const GenerationRequest& request, JobControl& job)
{
    if (job.cancelled())
        return cancelledError();
    job.progress(0.0, QStringLiteral("Loading the diffusion model"));
    if (Status s = d->load(); !s)
        return s.error();
    const ModelConfig& config = *d->config;
    if (request.sections.isEmpty())
        return Error{QStringLiteral("The song has no sections to generate.")};
    if (request.sampleRate != config.sampleRate)
        return Error{QStringLiteral("The diffusion model %1 works at %2 Hz; the song is at %3 Hz.")
                         .arg(d->options.config).arg(config.sampleRate).arg(request.sampleRate)};
    const int64_t samples = request.sections.back().end;
    if (samples <= 0)
        return Error{QStringLiteral("The song is empty.")};
    try {
        torch::NoGradGuard noGrad;
        const int64_t hop = config.vae.hopLength();
        const int64_t frames = model::framesForSamples(samples, hop);
        const int64_t maxFrames = config.dit.maxFrames;
        const int64_t overlap = std::min<int64_t>(maxFrames / 4, std::max<int64_t>(0, frames - maxFrames));
        const model::LatentWindowPlan plan = model::planLatentWindows(frames, maxFrames, overlap);
        // Window i is sampled with its first `overlap` frames kept from window i - 1 (an extend), so the
        // windows join without a seam and the kept frames equal the earlier result bit for bit.
        auto song = torch::zeros({1, config.ditLatentChannels(), frames});
        const double sampling = 0.9;
        const int windows = int(plan.windows.size());
        for (int i = 0; i < windows; ++i) {
            const model::LatentWindow& w = plan.windows[size_t(i)];
            const auto context = song.narrow(2, w.start, w.length).clone();
            const auto keep = i == 0 ? torch::zeros({w.length}) : model::extendMask(w.length, plan.overlap);
            const auto cond = d->conditioning(request, w.start, w.length, frames);
            const QString stage = windows > 1 ? QStringLiteral("Sampling window %1 of %2").arg(i + 1).arg(windows)
                                              : QStringLiteral("Sampling");
            auto latent = d->sampleWindow(request, context, keep, cond, request.seed + quint64(i), job,
                                          sampling * i / windows, sampling * (i + 1) / windows, stage);
            if (!latent)
                return latent.error();
            song.narrow(2, w.start, w.length).copy_(latent.value().to(torch::kCPU, torch::kFloat32));
        }
        const auto audio = d->decodeGroups(song, samples, &job, sampling, 1.0);  // [G, ch, samples]
        if (!audio.defined())
            return cancelledError();
        GenerationResult result;
        result.start = 0;
        result.end = samples;
        result.stems = stemsOf(audio, config, request.sampleRate);
        result.tempo = tempoOf(request);
        result.key = request.key;
        result.understood = QStringLiteral("diffusion model %1, %2 steps, guidance %3 / %4")
                                .arg(d->options.config).arg(request.steps).arg(request.guidance).arg(request.sectionGuidance);
        result.origin = d->origin(request, request.caption);
        job.progress(1.0, QStringLiteral("Done"));
        return result;
    } catch (const std::exception& e) {
        return Error{QStringLiteral("The diffusion engine failed: %1").arg(QString::fromStdString(e.what()))};
    }
}

Result<QVector<Stem>> DiffusionEngine::roundTrip(const QVector<Stem>& stems, int sampleRate)
{
    if (Status s = d->load(); !s)
        return s.error();
    const ModelConfig& config = *d->config;
    if (sampleRate != config.sampleRate)
        return Error{QStringLiteral("The diffusion model %1 works at %2 Hz; the audio is at %3 Hz.")
                         .arg(d->options.config).arg(config.sampleRate).arg(sampleRate)};
    int64_t samples = 0;
    for (const Stem& s : stems)
        samples = std::max<int64_t>(samples, s.audio.frames());
    if (samples == 0)
        return Error{QStringLiteral("There is no audio to encode.")};
    try {
        torch::NoGradGuard noGrad;
        const auto groups = sumIntoGroups(stems, config, samples, sampleRate);
        const auto audio = d->decodeGroups(d->encodeGroups(toTensor(groups, config.audioChannels, 0, samples)), samples);
        return stemsOf(audio, config, sampleRate);
    } catch (const std::exception& e) {
        return Error{QStringLiteral("The diffusion engine failed: %1").arg(QString::fromStdString(e.what()))};
    }
}

Result<GenerationResult> DiffusionEngine::regenerate(const GenerationRequest& request, JobControl& job)
{
    if (job.cancelled())
        return cancelledError();
    if (request.targetSection < 0 || request.targetSection >= request.sections.size())
        return Error{QStringLiteral("There is no section %1 to regenerate.").arg(request.targetSection)};
    job.progress(0.0, QStringLiteral("Loading the diffusion model"));
    if (Status s = d->load(); !s)
        return s.error();
    const ModelConfig& config = *d->config;
    if (request.sampleRate != config.sampleRate)
        return Error{QStringLiteral("The diffusion model %1 works at %2 Hz; the song is at %3 Hz.")
                         .arg(d->options.config).arg(config.sampleRate).arg(request.sampleRate)};
    const SectionPlan& target = request.sections[request.targetSection];
    const int64_t s0 = target.start, s1 = target.end;
    if (s1 <= s0)
        return Error{QStringLiteral("The section is empty.")};
    try {
        torch::NoGradGuard noGrad;
        const int channels = config.audioChannels;
        // The song as it plays now, summed into the model's stem groups, over the whole song (silence past the
        // context's end: an extend).
        int64_t contextLength = 0;
        for (const Stem& s : request.context)
            contextLength = std::max<int64_t>(contextLength, s.audio.frames());
        const int64_t samples = std::max<int64_t>({request.sections.back().end, contextLength, s1});
        const std::vector<core::AudioBuffer> old = sumIntoGroups(request.context, config, samples, request.sampleRate);

        // The window: +-contextSeconds around the section, clamped to the song and to the DiT's frames. A
        // section longer than the DiT's frames is repainted window by window (below) inside a region of the
        // section plus up to a quarter window of context on each side.
        const int64_t hop = config.vae.hopLength();
        const int64_t frames = model::framesForSamples(samples, hop);
        const model::FrameSpan section = model::frameSpanForSamples(s0, s1, hop, frames);
        const int64_t maxFrames = config.dit.maxFrames;
        const bool windowed = section.count() > maxFrames / 2;
        int64_t contextFrames = int64_t(std::ceil(std::max(0.0, request.contextSeconds) * config.sampleRate / double(hop)));
        contextFrames = windowed ? std::min(contextFrames, maxFrames / 4)
                                 : std::min(contextFrames, (maxFrames - section.count()) / 2);
        model::FrameSpan window{std::max<int64_t>(0, section.first - contextFrames),
                                std::min<int64_t>(frames, section.end + contextFrames)};
        // Room left on one side (at the song's start or end) goes to the other.
        const int64_t spare = maxFrames - window.count();
        if (!windowed && spare > 0 && window.first == 0)
            window.end = std::min<int64_t>(frames, std::min(window.end + spare, section.end + 2 * contextFrames));
        else if (!windowed && spare > 0 && window.end == frames)
            window.first = std::max<int64_t>(0, std::max(window.first - spare, section.first - 2 * contextFrames));
        const model::SampleSpan windowSamples = model::sampleSpanForFrames(window, hop, samples);

        // Encode the window's current audio (cached by its content).
        job.progress(0.02, QStringLiteral("Listening to the song"));
        const auto audio = toTensor(old, channels, windowSamples.start, windowSamples.count());
        QCryptographicHash hash(QCryptographicHash::Sha1);
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(audio.data_ptr<float>()), qsizetype(audio.numel() * 4)));
        hash.addData(QByteArray::number(qint64(windowSamples.start)) + ':' + QByteArray::number(qint64(windowSamples.count())));
        const QByteArray key = hash.result();
        torch::Tensor latent;
        for (const auto& [k, v] : d->latentCache)
            if (k == key)
                latent = v;
        if (!latent.defined()) {
            latent = d->encodeGroups(audio).to(torch::kCPU);
            ++d->encodes;
            d->latentCache.emplace_back(key, latent);
            if (d->latentCache.size() > Impl::kCacheEntries)
                d->latentCache.pop_front();
        }
        if (latent.size(-1) != window.count())
            return Error{QStringLiteral("The VAE encoded %1 frames where %2 were expected.").arg(latent.size(-1)).arg(window.count())};
        if (job.cancelled())
            return cancelledError();

        // Keep everything in the window but the section; a one-frame ramp at each inner seam pulls the frames
        // next to it towards the old audio. Long sections: DiT windows with a quarter-window overlap, each
        // keeping what the previous one generated (an extend inside the section), so the windows join
        // without a seam and the context on both sides is honoured by the first and the last.
        const model::LatentWindowPlan plan =
            model::planLatentWindows(window.count(), std::min(maxFrames, window.count()),
                                     window.count() > maxFrames ? maxFrames / 4 : 0);
        torch::Tensor region = latent.clone();
        const int64_t sectionFirst = section.first - window.first, sectionEnd = section.end - window.first;
        int64_t generatedEnd = sectionFirst;  // section frames before this are done
        const int windows = int(plan.windows.size());
        for (int i = 0; i < windows; ++i) {
            const model::LatentWindow& w = plan.windows[size_t(i)];
            const int64_t genFirst = std::max(sectionFirst, generatedEnd) - w.start;
            const int64_t genEnd = std::min(sectionEnd, w.end()) - w.start;
            if (genEnd <= genFirst)
                continue;
            const auto keep = model::repaintMask(w.length, genFirst, genEnd, 1);
            const auto cond = d->conditioning(request, window.first + w.start, w.length, frames);
            const QString stage = windows > 1 ? QStringLiteral("Sampling window %1 of %2").arg(i + 1).arg(windows)
                                              : QStringLiteral("Sampling");
            auto sampled = d->sampleWindow(request, region.narrow(2, w.start, w.length).clone(), keep, cond,
                                           request.seed + quint64(i), job, 0.05 + 0.85 * i / windows,
                                           0.05 + 0.85 * (i + 1) / windows, stage);
            if (!sampled)
                return sampled.error();
            region.narrow(2, w.start + genFirst, genEnd - genFirst)
                .copy_(sampled.value().to(torch::kCPU, torch::kFloat32).narrow(2, genFirst, genEnd - genFirst));
            generatedEnd = w.start + genEnd;
        }
        const auto decoded = d->decodeGroups(region, windowSamples.count(), &job, 0.9, 1.0);  // [G, ch, window samples]
        if (!decoded.defined() || job.cancelled())
            return cancelledError();

        // Splice: the section's samples of the decoded window, cross-faded (equal power, inside the section)
        // with the old audio at each edge that has old audio on both sides of it.
        const int64_t length = s1 - s0;
        const int64_t fade = std::min<int64_t>(int64_t(0.03 * config.sampleRate), length / 2);
        const std::vector<float> fadeIn = model::equalPowerCrossfade(fade);
        const bool fadeStart = s0 > 0 && s0 < contextLength;
        const bool fadeEnd = s1 < samples && s1 <= contextLength;
        const int64_t offset = s0 - windowSamples.start;
        GenerationResult result;
        result.start = s0;
        result.end = s1;
        for (int g = 0; g < config.stemGroupCount(); ++g) {
            Stem stem;
            stem.role = roleForStemGroup(config.stemGroups[size_t(g)]);
            stem.name = nameForGroup(config.stemGroups[size_t(g)]);
            stem.audio.sampleRate = request.sampleRate;
            for (int c = 0; c < channels; ++c) {
                const float* fresh = decoded[g][c].data_ptr<float>() + offset;
                const float* before = old[size_t(g)].channels[size_t(c)].data() + s0;
                std::vector<float> out(fresh, fresh + length);
                for (int64_t i = 0; i < fade; ++i) {
                    const float in = fadeIn[size_t(i)], outW = fadeIn[size_t(fade - 1 - i)];
                    if (fadeStart)
                        out[size_t(i)] = before[i] * outW + fresh[i] * in;
                    const int64_t j = length - 1 - i;
                    if (fadeEnd)
                        out[size_t(j)] = before[j] * outW + fresh[j] * in;
                }
                stem.audio.channels.push_back(std::move(out));
            }
            result.stems.append(std::move(stem));
        }
        result.tempo = tempoOf(request);
        result.key = request.key;
        result.understood = QStringLiteral("diffusion model %1, %2 steps, guidance %3 / %4, %5 s of context")
                                .arg(d->options.config).arg(request.steps).arg(request.guidance)
                                .arg(request.sectionGuidance).arg(request.contextSeconds);
        result.origin = d->origin(request, target.caption.isEmpty() ? request.caption : target.caption);
        job.progress(1.0, QStringLiteral("Done"));
        return result;
    } catch (const std::exception& e) {
        return Error{QStringLiteral("The diffusion engine failed: %1").arg(QString::fromStdString(e.what()))};
    }
}

}  // namespace s2a::inference::diffusion
