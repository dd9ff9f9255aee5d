#include "inference/diffusion/DiffusionEngineImpl.h"

namespace s2a::inference::diffusion {

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

bool DiffusionEngine::hasPhaseFloor() const
{
    return d->loaded && d->config && d->config->vae.reconstructsPhase();
}
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
    if (options.phaseIterations >= 0)
        parsed.value().vae.phaseIterations = options.phaseIterations;
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
    if (config->dit.keyConditioning)
        cond.key = model::makeKeyFeatures({model::keyIdFromName(utf8(keyOf(request)))}).to(device);
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
    // The network takes the mask per stem group ([1, 1, N] or [1, G, N]); the sampler's clamp per channel.
    const torch::Tensor keep3 = (keep.dim() == 1 ? keep.view({1, 1, -1}) : keep.unsqueeze(0)).to(device);
    const torch::Tensor keepChannels = model::channelKeepMask(keep3, config->vae.latentChannels);
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
    model::GuidedDitVelocity guided(std::move(dit), cond, ctx, keep3, request.guidance, request.sectionGuidance,
                                    /*batched=*/true, request.guidanceInterval);
    const model::VelocityFn velocity = std::ref(guided);
    model::SamplerOptions so;
    so.steps = std::max(1, request.steps);
    so.guidance = request.guidance;
    so.sectionGuidance = request.sectionGuidance;
    so.guidanceRescale = kGuidanceRescale;
    so.guidanceInterval = request.guidanceInterval;
    so.seed = seed;
    so.onStep = [&](int step, int steps) {
        job.progress(from + (to - from) * double(step) / double(steps),
                     QStringLiteral("%1: step %2 of %3").arg(stage).arg(step).arg(steps));
        return !job.cancelled();
    };
    const model::SampleResult result = model::FlowSampler(so).inpaint(velocity, {ctx, keepChannels});
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
        // Accompaniment: the groups the user's recording plays (GenerationRequest::withoutRoles, heard in
        // `context`) are known: encoded once and clamped on every frame, so the band is sampled around them.
        std::vector<bool> known(size_t(config.stemGroupCount()), false);
        std::vector<core::AudioBuffer> knownAudio;
        if (!request.withoutRoles.isEmpty() && !request.context.isEmpty()) {
            known = groupsPlayedBy(request.withoutRoles, config.stemGroups);
            job.progress(0.0, QStringLiteral("Listening to the recording"));
            // The recording alone: another track of a known group (strings beside locked keys) is the band's to
            // make anew, not part of what is kept.
            QVector<Stem> recording;
            for (const Stem& s : request.context)
                if (request.withoutRoles.contains(s.role))
                    recording.append(s);
            knownAudio = sumIntoGroups(recording, config, samples, request.sampleRate);
            const auto encoded = d->encodeGroups(toTensor(knownAudio, config.audioChannels, 0, samples)).to(torch::kCPU);
            const int64_t c = config.vae.latentChannels;
            for (int64_t g = 0; g < config.stemGroupCount(); ++g)
                if (known[size_t(g)])
                    song.narrow(1, g * c, c).copy_(encoded.narrow(1, g * c, c));
        }
        const bool stemWise = std::find(known.begin(), known.end(), true) != known.end();
        const double sampling = 0.9;
        const int windows = int(plan.windows.size());
        for (int i = 0; i < windows; ++i) {
            const model::LatentWindow& w = plan.windows[size_t(i)];
            const auto context = song.narrow(2, w.start, w.length).clone();
            const auto frameKeep = i == 0 ? torch::zeros({w.length}) : model::extendMask(w.length, plan.overlap);
            const auto keep = stemWise ? model::stemGroupKeepMask(frameKeep, known) : frameKeep;
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
        for (int g = 0; g < result.stems.size() && stemWise; ++g)
            if (known[size_t(g)])  // the recording's own samples, not their decoded latent
                result.stems[g].audio.channels = knownAudio[size_t(g)].channels;
        result.tempo = tempoOf(request);
        result.key = config.dit.keyConditioning ? keyOf(request) : request.key;
        result.understood = QStringLiteral("diffusion model %1, %2 steps, guidance %3 / %4")
                                .arg(d->options.config).arg(request.steps).arg(request.guidance).arg(request.sectionGuidance);
        result.origin = d->origin(request, request.caption);
        job.progress(1.0, QStringLiteral("Done"));
        return result;
    } catch (const std::exception& e) {
        return Error{QStringLiteral("The diffusion engine failed: %1").arg(QString::fromStdString(e.what()))};
    }
}

Result<QVector<Stem>> DiffusionEngine::roundTrip(const QVector<Stem>& stems, int sampleRate, RoundTripPath path)
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
        const auto input = toTensor(groups, config.audioChannels, 0, samples);
        if (path == RoundTripPath::PhaseOnly) {
            if (!config.vae.reconstructsPhase())
                return Error{QStringLiteral("The %1 codec decodes its own phase; it has no phase floor to measure.")
                                 .arg(d->options.config)};
            const auto audio = d->net->vae->resynthesise(input.to(d->device)).to(torch::kCPU, torch::kFloat32);
            return stemsOf(torch::nan_to_num(audio, 0.0, 1.0, -1.0).clamp(-1.0, 1.0).contiguous(), config, sampleRate);
        }
        const auto audio = d->decodeGroups(d->encodeGroups(input), samples);
        return stemsOf(audio, config, sampleRate);
    } catch (const std::exception& e) {
        return Error{QStringLiteral("The diffusion engine failed: %1").arg(QString::fromStdString(e.what()))};
    }
}

}  // namespace s2a::inference::diffusion
