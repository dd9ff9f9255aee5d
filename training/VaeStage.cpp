// Stages 1 and 2: the audio VAE on stem crops. Stage 2 adds the structure heads (the paper's structure-guided
// VAE fine-tuning): each head reads the latent of the stem group whose content it names, so the targets are
// that group's own music: melody from the lead group, bass pitch class from the bass group, chord and chroma
// from the harmonic group, onsets and beats from the drum group.
#include "training/TrainingStages.h"

#include "training/GroupAudio.h"

#include <torch/nn/functional/loss.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace s2a::training::detail {

namespace F = torch::nn::functional;

namespace {

torch::Tensor magnitude(const torch::Tensor& signal, int64_t fft)
{
    const auto window = torch::hann_window(fft, signal.options());
    const auto spec = torch::stft(signal, fft, fft / 4, fft, window, /*normalized=*/false, /*onesided=*/true,
                                  /*return_complex=*/true);
    // sqrt(re^2 + im^2 + eps): |z| itself has an infinite gradient at 0 (silent crops are common).
    return torch::sqrt(torch::view_as_real(spec).pow(2).sum(-1) + 1e-7);
}

int groupIndex(const std::vector<std::string>& groups, const char* name)
{
    const auto it = std::find(groups.begin(), groups.end(), std::string(name));
    return it == groups.end() ? -1 : int(it - groups.begin());
}

struct Batch {
    torch::Tensor audio;                       // [B*G, channels, T]: this rank's songs of the global batch
    std::vector<const ManifestSong*> songs;    // per song of the batch
    std::vector<int64_t> firstFrame;
};

// The global batch's crops are all drawn (the choices stay in step with a single process's), and this rank's
// `range` of them is cut out.
Batch drawBatch(const SongAudio& songs, int batch, ItemRange range, int64_t frames, int64_t hop, std::mt19937_64& rng)
{
    Batch b;
    std::vector<torch::Tensor> crops;
    const int64_t length = frames * hop;
    for (int i = 0; i < batch; ++i) {
        const size_t s = std::uniform_int_distribution<size_t>(0, songs.size() - 1)(rng);
        const int64_t songFrames = songs.samples(s) / hop;
        const int64_t first = std::uniform_int_distribution<int64_t>(0, std::max<int64_t>(0, songFrames - frames))(rng);
        if (i < range.first || i >= range.end)
            continue;
        crops.push_back(songs.read(s, first * hop, length));  // [G, ch, length], read from disk now
        b.songs.push_back(&songs.song(s));
        b.firstFrame.push_back(first);
    }
    b.audio = torch::cat(crops, 0);
    return b;
}

// Targets of frames [first, first + frames) of a song, as tensors for one batch.
struct HeadTargets {
    torch::Tensor melody, bass, chord;  // [B, N] int64
    torch::Tensor chroma, onset;        // [B, 12, N], [B, 2, N] float
};

HeadTargets targetsOf(const Batch& b, int64_t frames)
{
    const int64_t n = int64_t(b.songs.size());
    HeadTargets t;
    t.melody = torch::full({n, frames}, 128, torch::kLong);
    t.bass = torch::full({n, frames}, 12, torch::kLong);
    t.chord = torch::full({n, frames}, 24, torch::kLong);
    t.chroma = torch::zeros({n, 12, frames});
    t.onset = torch::zeros({n, 2, frames});
    auto melody = t.melody.accessor<int64_t, 2>();
    auto bass = t.bass.accessor<int64_t, 2>();
    auto chord = t.chord.accessor<int64_t, 2>();
    auto chroma = t.chroma.accessor<float, 3>();
    auto onset = t.onset.accessor<float, 3>();
    for (int64_t i = 0; i < n; ++i) {
        const FrameTargets& ft = b.songs[size_t(i)]->targets;
        for (int64_t f = 0; f < frames; ++f) {
            const int64_t src = b.firstFrame[size_t(i)] + f;
            if (src >= ft.frames)
                break;
            melody[i][f] = ft.melody[size_t(src)];
            bass[i][f] = ft.bass[size_t(src)];
            chord[i][f] = ft.chord[size_t(src)];
            for (int k = 0; k < 12; ++k)
                chroma[i][k][f] = ft.chroma[size_t(src * 12 + k)];
            onset[i][0][f] = ft.onset[size_t(src)];
            onset[i][1][f] = ft.beat[size_t(src)];
        }
    }
    return t;
}

}  // namespace

torch::Tensor multiResolutionStftLoss(const TrainContext& context, const torch::Tensor& reference, const torch::Tensor& estimate)
{
    torch::Tensor total = torch::zeros({}, reference.options());
    const int64_t ffts[] = {2048, 1024, 512, 128};
    for (int64_t fft : ffts) {
        const auto s = magnitude(reference, fft);
        const auto e = magnitude(estimate, fft);
        // Norms over the global batch (the convergence is a ratio of roots of sums, which does not split into
        // per-rank parts): quiet crops weigh as little as in one process.
        const auto convergence = context.globalRoot((s - e).pow(2).sum()) / (context.globalRoot(s.pow(2).sum()) + 1e-6);
        // The floor sits ~60 dB under a -30 dBFS crop's partials: below it the log term would make the codec
        // chase inaudible noise (and the exact silence of muted stems) as hard as the music.
        const auto logMagnitude = (torch::log(s + 1e-3) - torch::log(e + 1e-3)).abs().mean();
        total = total + convergence + logMagnitude;
    }
    return total / double(std::size(ffts));
}

torch::Tensor magnitudeLoss(const TrainContext& context, const torch::Tensor& reference, const torch::Tensor& logEstimate)
{
    const auto estimate = torch::exp(logEstimate.clamp_max(8.0));
    const auto convergence =
        context.globalRoot((reference - estimate).pow(2).sum()) / (context.globalRoot(reference.pow(2).sum()) + 1e-6);
    // The log term's floor sits 60 dB under each crop's loudest bin (and no lower than 1e-3): what is quieter is
    // masked by the music, and the evaluation's log-spectral distance does not count it either. A fixed floor made
    // the codec spend itself matching the hiss of loud crops between and under the partials; silent crops keep 1e-3.
    const auto loudest = std::get<0>(reference.flatten(1).max(1)).view({-1, 1, 1, 1});
    const auto floor = (loudest * 1e-3).clamp_min(1e-3);
    const auto logMagnitude = (torch::log(reference + floor) - torch::log(estimate + floor)).abs().mean();
    return convergence + logMagnitude;
}

SongAudio::SongAudio(const Manifest& manifest, const std::vector<ManifestSong>& songs)
    : m_manifest(manifest), m_songs(songs)
{
    for (const ManifestSong& s : m_songs)
        checkGroupAudio(m_manifest, s);
}

torch::Tensor SongAudio::read(size_t i, int64_t first, int64_t length) const
{
    const GroupAudio groups = loadGroupAudio(m_manifest, m_songs[i], first, length);
    auto t = torch::zeros({int64_t(groups.size()), 2, length});
    for (size_t g = 0; g < groups.size(); ++g)
        for (size_t c = 0; c < 2; ++c) {
            const auto& samples = groups[g][c];
            t[int64_t(g)][int64_t(c)].narrow(0, 0, int64_t(samples.size()))
                .copy_(torch::from_blob(const_cast<float*>(samples.data()), {int64_t(samples.size())}, torch::kFloat32));
        }
    return t;
}

VaeProbe probeVae(model::Network net, const SongAudio& songs, const torch::Device& device)
{
    torch::NoGradGuard noGrad;
    net->eval();
    VaeProbe probe;
    const int64_t length = 2 * 44100;
    double signal = 0.0, error = 0.0, output = 0.0, samples = 0.0;
    double spectrum = 0.0, spectralError = 0.0, logError = 0.0, logBins = 0.0, magnitudeError = 0.0, magnitudeBins = 0.0;
    std::vector<torch::Tensor> means;
    std::vector<torch::Tensor> latents;
    const size_t count = std::min<size_t>(8, songs.size());
    for (size_t k = 0; k < count; ++k) {
        const size_t song = k * songs.size() / count;
        if (songs.samples(song) < length)
            continue;
        const auto window = songs.read(song, (songs.samples(song) - length) / 2, length);  // [G, ch, length]
        const int64_t loudest = window.pow(2).sum({1, 2}).argmax().item<int64_t>();
        const auto x = window.narrow(0, loudest, 1).to(device);
        const auto latent = net->vae->encode(x, false).mean;
        const auto y = net->vae->decode(latent, length);
        signal += x.pow(2).sum().item<double>();
        error += (x - y).pow(2).sum().item<double>();
        output += y.pow(2).sum().item<double>();
        const auto s = magnitude(x.reshape({-1, length}), 1024), e = magnitude(y.reshape({-1, length}), 1024);
        spectrum += s.pow(2).sum().item<double>();
        spectralError += (s - e).pow(2).sum().item<double>();
        const auto sDb = 20.0 * torch::log10(s), eDb = 20.0 * torch::log10(e);
        const auto audible = sDb > sDb.max() - 60.0;
        logError += (sDb - eDb).pow(2).masked_select(audible).sum().item<double>();
        logBins += audible.sum().item<double>();
        if (net->vae->decodeLogMagnitudeAvailable()) {
            // The decoder's own magnitudes on its own grid, before any phase is made: how much of the distance
            // above is the magnitudes' and how much the phase reconstruction's.
            const auto own = 20.0 * torch::log10(net->vae->spectralMagnitude(x) + 1e-9);
            const auto decodedDb = net->vae->decodeLogMagnitude(latent).narrow(3, 0, own.size(3)) * (20.0 / std::log(10.0));
            const auto heard = own > own.max() - 60.0;
            magnitudeError += (own - decodedDb).pow(2).masked_select(heard).sum().item<double>();
            magnitudeBins += heard.sum().item<double>();
        }
        samples += double(x.numel());
        means.push_back(latent.mean(2).reshape({-1}).to(torch::kCPU));
        latents.push_back(latent.reshape({latent.size(1), -1}).to(torch::kCPU));
        ++probe.crops;
    }
    net->train();
    if (probe.crops < 2)
        return probe;
    probe.snrDb = 10.0 * std::log10((signal + 1e-12) / (error + 1e-12));
    probe.spectralDistance = std::sqrt(spectralError / std::max(spectrum, 1e-12));
    probe.logSpectralDb = std::sqrt(logError / std::max(logBins, 1.0));
    if (magnitudeBins > 0.0)
        probe.magnitudeLogSpectralDb = std::sqrt(magnitudeError / magnitudeBins);
    probe.inputDb = 10.0 * std::log10(signal / samples + 1e-12);
    probe.outputDb = 10.0 * std::log10(output / samples + 1e-12);
    const double overall = torch::cat(latents, 1).std().item<double>();
    probe.latentSpread = torch::stack(means).std(0).mean().item<double>() / std::max(overall, 1e-12);
    return probe;
}

bool trainVae(TrainContext& context, const StageSpec& spec, bool withHeads, const SongAudio& songs,
              model::Network net, model::Network ema)
{
    const TrainOptions& o = context.options;
    std::vector<torch::Tensor> parameters;
    for (const auto& item : net->vae->named_parameters(true))
        if (withHeads || item.key().rfind("heads.", 0) != 0)
            parameters.push_back(item.value());
    for (auto& p : net->parameters())
        p.set_requires_grad(false);
    for (auto& p : parameters)
        p.set_requires_grad(true);

    ScheduleOptions schedule{spec.learningRate, spec.steps, o.warmupSteps, o.emaDecay, o.gradientClip};
    StageRun run(spec.name, net, ema, parameters, schedule, o.outDir + "/checkpoints", context.dist);
    run.resume(context.say);
    const int64_t hop = context.config.vae.hopLength();
    const int64_t frames = o.vaeCropFrames;
    const int groups = context.config.stemGroupCount();
    const auto& names = context.config.stemGroups;
    const int lead = groupIndex(names, "lead"), bassGroup = groupIndex(names, "bass");
    const int harmonic = groupIndex(names, "harmonic"), drums = groupIndex(names, "drums");
    net->train();
    return runStageLoop(context, run, spec, [&](int, StepDraws& draws, MicroBatch) {
        const ItemRange range = context.slice(o.vaeBatch);
        // Only a sampled latent uses noise: it comes from this rank's first item's generator, so with more than
        // one rank (or another world size) it differs from a single process's draw; the mean latent does not.
        at::Generator generator = draws.noiseFor(range.first);
        const Batch batch = drawBatch(songs, o.vaeBatch, range, frames, hop, draws.choices);
        const auto audio = batch.audio.to(context.device);  // [B*G, ch, T]
        // The decoder reads the mean latent (an autoencoder with a small KL penalty). Sampling the posterior
        // from the start buries the encoder's still tiny signal under unit noise, and the decoder then
        // settles on the corpus's average spectrum whatever the input (measured: a 1700-step run collapsed
        // that way, see docs/training); the engine only ever uses the mean.
        const auto enc = net->vae->encode(audio, o.vaeSampleLatent, generator);
        // The decoder reads the mean, so nothing but this term steers the log-variance. Unbounded, it wandered to
        // e^10 and its KL gradient (~e^logVar) then outweighed the reconstruction's under the gradient clip: the
        // 2048-point codec's loss and KL spiked every few hundred steps. Bounded to [-10, 4] in the loss, it can
        // only pull the log-variance back towards 0.
        const auto logVar = enc.logVar.clamp(-10.0, 4.0);
        const auto kl = 0.5 * (enc.mean.pow(2) + logVar.exp() - 1.0 - logVar).mean();
        std::map<std::string, double> terms{{"kl", kl.item<double>()}};
        torch::Tensor loss;
        if (context.config.vae.reconstructsPhase()) {
            // The decoder makes magnitudes only (its phase is reconstructed at decode time), so it is judged on
            // them, bin by bin on its own STFT grid: no phase in the loop, and no inverse STFT to pay for.
            const auto reference = net->vae->spectralMagnitude(audio);
            if ((o.tonalHarmonicWeight > 0.0 || o.harmonicSparsityWeight > 0.0) && net->vae->hasHarmonicHead()) {
                const model::HarmonicParts parts = net->vae->decodeHarmonicParts(enc.latent);
                const auto stft = magnitudeLoss(context, reference, torch::log(parts.harmonic + parts.noise + 1e-7));
                loss = stft + o.klWeight * kl;
                terms.insert({"stft", stft.item<double>()});
                if (o.tonalHarmonicWeight > 0.0) {
                    // Rows are song-major, stem group-minor (drawBatch): every row but the drums' is tonal.
                    const auto group = torch::arange(audio.size(0), torch::kLong) % groups;
                    const auto tonal = torch::nonzero(group != drums).flatten().to(context.device);
                    const auto pitched = magnitudeLoss(context, reference.index_select(0, tonal),
                                                       torch::log(parts.harmonic.index_select(0, tonal) + 1e-7));
                    loss = loss + o.tonalHarmonicWeight * pitched;
                    terms.insert({"tonal", pitched.item<double>()});
                }
                if (o.harmonicSparsityWeight > 0.0) {
                    const auto sparsity = model::HarmonicHead::spread(parts.activation);
                    loss = loss + o.harmonicSparsityWeight * sparsity;
                    terms.insert({"spread", sparsity.item<double>()});
                }
            } else {
                const auto stft = magnitudeLoss(context, reference, net->vae->decodeLogMagnitude(enc.latent));
                loss = stft + o.klWeight * kl;
                terms.insert({"stft", stft.item<double>()});
            }
        } else {
            const auto decoded = net->vae->decode(enc.latent, audio.size(2));
            const auto flatRef = audio.reshape({-1, audio.size(2)});
            const auto flatOut = decoded.reshape({-1, audio.size(2)});
            const auto stft = multiResolutionStftLoss(context, flatRef, flatOut);
            const auto waveform = (flatRef - flatOut).abs().mean();
            loss = stft + waveform + o.klWeight * kl;
            terms.insert({{"stft", stft.item<double>()}, {"waveform", waveform.item<double>()}});
        }
        if (withHeads) {
            const HeadTargets t = targetsOf(batch, frames);
            const auto heads = net->vae->predictStructure(enc.mean);  // [B*G, classes, N]
            const int64_t b = int64_t(batch.songs.size());
            auto of = [&](const torch::Tensor& all, int group) {
                return all.view({b, groups, all.size(1), all.size(2)}).select(1, std::max(group, 0));
            };
            const auto dev = [&](const torch::Tensor& x) { return x.to(context.device); };
            const auto melody = F::cross_entropy(of(heads.melody, lead), dev(t.melody));
            const auto bass = F::cross_entropy(of(heads.bass, bassGroup), dev(t.bass));
            const auto chord = F::cross_entropy(of(heads.chord, harmonic), dev(t.chord));
            const auto chroma = F::binary_cross_entropy_with_logits(of(heads.chroma, harmonic), dev(t.chroma));
            const auto onset = F::binary_cross_entropy_with_logits(of(heads.onset, drums), dev(t.onset));
            const auto headLoss = melody + bass + chord + chroma + onset;
            loss = loss + o.headWeight * headLoss;
            terms.insert({{"heads", headLoss.item<double>()}, {"melody", melody.item<double>()},
                          {"chroma", chroma.item<double>()}, {"onset", onset.item<double>()},
                          {"bass", bass.item<double>()}, {"chord", chord.item<double>()}});
        }
        return StepLoss{loss, terms};
    });
}

}  // namespace s2a::training::detail
