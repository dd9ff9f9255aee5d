#include "inference/diffusion/DiffusionEngineImpl.h"

// Repaint of one section, and stem-wise regeneration ("replace the bass"): the section's window is encoded
// (cached by content), sampled with the other frames (and the known stem groups) clamped, decoded and spliced.
namespace s2a::inference::diffusion {

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
        // Stem-wise: groups none of the asked roles maps to are known (clamped on every frame, their audio kept).
        std::vector<bool> keptGroups(size_t(config.stemGroupCount()), false);
        if (!request.regenerateRoles.isEmpty()) {
            keptGroups = groupsPlayedBy(request.regenerateRoles, config.stemGroups);
            keptGroups.flip();
        }
        const bool stemWise = std::find(keptGroups.begin(), keptGroups.end(), true) != keptGroups.end();
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
            const auto frameKeep = model::repaintMask(w.length, genFirst, genEnd, 1);
            const auto keep = stemWise ? model::stemGroupKeepMask(frameKeep, keptGroups) : frameKeep;
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
                const float* before = old[size_t(g)].channels[size_t(c)].data() + s0;
                if (keptGroups[size_t(g)]) {  // a known stem: the song's own samples, bit for bit
                    stem.audio.channels.emplace_back(before, before + length);
                    continue;
                }
                const float* fresh = decoded[g][c].data_ptr<float>() + offset;
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
        result.key = config.dit.keyConditioning ? keyOf(request) : request.key;
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
