// Stages 3 and 4 (and their ablation twins): flow matching of the structure-guided DiT on VAE latents, with the
// caption encoder trained alongside. Per item: a crop of up to ditCropFrames, a random paraphrase of the
// global caption and of each section's caption, each of the two caption kinds dropped independently (the
// null embeddings that classifier-free guidance contrasts against), and a random keep-mask so that generation,
// repaint and extend are all native: the loss covers only the frames the model must generate.
#include "training/TrainingStages.h"

#include "inference/model/Autocast.h"
#include "inference/model/LatentInpainting.h"
#include "training/KeepMasks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <random>

#include <malloc.h>

namespace s2a::training::detail {

namespace {

const std::string& pickFrom(const std::vector<std::string>& items, std::mt19937_64& rng)
{
    return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}

struct Item {
    torch::Tensor latent;                       // [GC, N]
    torch::Tensor keep;                         // [1, N] (every group alike) or [G, N] (known stems)
    std::vector<model::SectionSpan> spans;      // in crop coordinates (whole sections)
    model::BeatGrid grid;                       // the song's clock from the crop's first frame
    int64_t key = model::kNoKey;                // the song's key (manifest), for key-conditioned configs
    std::vector<std::string> sectionCaptions;
    std::string caption;
};

Item drawItem(const DitSong& s, int64_t cropFrames, int64_t hop, double frameSeconds, int groups, double stemShare,
              std::mt19937_64& rng)
{
    const ManifestSong& song = *s.song;
    const int64_t frames = s.latent.size(1);
    const int64_t n = std::min(cropFrames, frames);
    const int64_t first = std::uniform_int_distribution<int64_t>(0, frames - n)(rng);
    Item item;
    item.latent = s.latent.narrow(1, first, n);
    item.grid = {song.tempo, song.beatsPerBar, double(first) * frameSeconds - song.downbeat};
    item.caption = pickFrom(song.captions, rng);
    item.key = model::keyIdFromName(song.key);
    for (const ManifestSection& sec : song.sections) {
        const model::FrameSpan f = model::frameSpanForSamples(sec.start, sec.end, hop, frames);
        if (f.end <= first || f.first >= first + n)
            continue;
        item.spans.push_back({f.first - first, f.end - first, sec.label});
        item.sectionCaptions.push_back(pickFrom(sec.captions, rng));
    }
    if (item.spans.empty()) {
        item.spans.push_back({0, n, 0});
        item.sectionCaptions.emplace_back();
    }
    item.keep = drawStemKeepMask(drawFrameKeepMask(n, item.spans, rng), groups, stemShare, rng);
    return item;
}

// Bytes the process's heap holds now (glibc: small blocks plus mmapped ones, where LibTorch's large CPU
// tensors live). The difference across the forward pass is what the autograd graph keeps for the backward.
double heapBytes()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 m = mallinfo2();
    return double(m.uordblks) + double(m.hblkhd);
#else
    return 0.0;
#endif
}

}  // namespace

bool trainDit(TrainContext& context, const StageSpec& spec, const std::vector<DitSong>& songs, model::Network net,
              model::Network ema)
{
    const TrainOptions& o = context.options;
    std::vector<torch::Tensor> parameters;
    for (auto& p : net->parameters())
        p.set_requires_grad(false);
    for (auto* part : {static_cast<torch::nn::Module*>(net->dit.get()), static_cast<torch::nn::Module*>(net->caption.get())})
        for (auto& p : part->parameters()) {
            p.set_requires_grad(true);
            parameters.push_back(p);
        }
    ScheduleOptions schedule{spec.learningRate, spec.steps, o.warmupSteps, o.emaDecay, o.gradientClip};
    StageRun run(spec.name, net, ema, parameters, schedule, o.outDir + "/checkpoints", context.dist);
    run.resume(context.say);
    model::BuiltinTextEncoder text(context.config.caption, net->caption);
    const int64_t hop = context.config.vae.hopLength();
    const double frameSeconds = context.config.latentFrameSeconds();
    const int64_t crop = std::min<int64_t>(o.ditCropFrames, context.config.dit.maxFrames);
    const auto& device = context.device;
    const int groups = context.config.stemGroupCount();
    const int64_t channelsPerGroup = context.config.vae.latentChannels;
    net->train();
    net->dit->setActivationCheckpointing(o.activationCheckpointing);
    bool activationsReported = false;
    return runStageLoop(context, run, spec, [&](int, StepDraws& draws, MicroBatch micro) -> StepLoss {
        auto& rng = draws.choices;
        // Every rank draws the whole global batch (crop, captions, mask and dropout of each item, in one stream)
        // and computes its own range of it.
        std::vector<Item> items;
        for (int i = 0; i < o.ditBatch; ++i)
            items.push_back(drawItem(songs[std::uniform_int_distribution<size_t>(0, songs.size() - 1)(rng)], crop, hop,
                                     frameSeconds, groups, o.stemMaskShare, rng));
        // One crop length per batch (the shortest song bounds it), so the items stack.
        int64_t n = crop;
        for (const Item& it : items)
            n = std::min(n, it.latent.size(1));
        std::uniform_real_distribution<double> u(0.0, 1.0);
        std::vector<uint8_t> useGlobal, useSections, useKey;
        std::vector<std::vector<model::SectionSpan>> allLayouts;
        size_t maxSections = 1;
        for (Item& it : items) {
            useGlobal.push_back(u(rng) >= o.captionDropout);
            useSections.push_back(u(rng) >= o.captionDropout);
            if (context.config.dit.keyConditioning)  // drawn only then: other configs keep their random stream
                useKey.push_back(u(rng) >= o.keyDropout);
            else
                useKey.push_back(0);
            std::vector<model::SectionSpan> spans;
            for (const auto& sp : it.spans)
                if (sp.startFrame < n)
                    spans.push_back(sp);
            spans.resize(std::max<size_t>(1, spans.size()), it.spans.front());
            maxSections = std::max(maxSections, spans.size());
            allLayouts.push_back(std::move(spans));
        }
        // The loss is a mean over the generated frames of the global batch; every rank knows every item's mask,
        // so the count needs no communication and is the same for any world size or number of micro-batches.
        // Counted per group and frame: a kept stem's frames are not generated.
        double generatedGroupFrames = 0.0;
        for (const Item& it : items)
            generatedGroupFrames += it.latent.size(1) == n ? (1.0 - it.keep.expand({groups, n})).clamp_min(0.0).sum().item<double>()
                                                           : double(groups * n);
        const double denominator = generatedGroupFrames * double(channelsPerGroup) + 1e-6;
        const ItemRange range = context.slice(o.ditBatch, micro);
        const int64_t b = range.count();
        if (b == 0)
            return {};
        std::vector<torch::Tensor> latents, keeps, noises, times;
        std::vector<std::vector<model::SectionSpan>> layouts;
        std::vector<model::BeatGrid> grids;
        std::vector<std::string> captions, sectionCaptions;
        std::vector<int64_t> sectionCounts;
        std::vector<int64_t> globalFlags, sectionFlags, keys;
        for (int i = range.first; i < range.end; ++i) {
            const Item& it = items[size_t(i)];
            latents.push_back(it.latent.narrow(1, 0, n));
            keeps.push_back(it.latent.size(1) == n ? it.keep.expand({groups, n}) : torch::zeros({groups, n}));
            const auto& spans = allLayouts[size_t(i)];
            layouts.push_back(spans);
            grids.push_back(it.grid);
            captions.push_back(it.caption);
            sectionCaptions.insert(sectionCaptions.end(), it.sectionCaptions.begin(),
                                   it.sectionCaptions.begin() + int64_t(spans.size()));
            sectionCounts.push_back(int64_t(spans.size()));
            globalFlags.push_back(useGlobal[size_t(i)]);
            keys.push_back(useKey[size_t(i)] ? it.key : model::kNoKey);
            sectionFlags.push_back(useSections[size_t(i)]);
            // Each item's noise and time from its own generator: the same on any rank of any world size.
            at::Generator generator = draws.noiseFor(i);
            noises.push_back(at::randn({it.latent.size(0), n}, generator, torch::TensorOptions()));
            times.push_back(at::randn({1}, generator, torch::TensorOptions()));
        }
        const auto x1 = torch::stack(latents).to(device);                 // [B, GC, N]
        const auto keep = torch::stack(keeps).to(device);  // [B, G, N]
        const auto noise = torch::stack(noises).to(device);
        // Logit-normal times: most training where the velocity is hardest to predict (mid-path).
        const auto t = torch::sigmoid(torch::cat(times)).to(device);
        const auto tt = t.view({b, 1, 1});
        const auto xt = (1.0 - tt) * noise + tt * x1;
        const auto target = x1 - noise;

        model::DitConditioning cond;
        cond.globalCaption = text.encode(captions);
        const auto pooled = text.encode(sectionCaptions).pooled;  // [sum S, W]
        // Padded to the global batch's most sections, so a rank's rows are shaped as in one process.
        const int64_t padTo = int64_t(maxSections);
        std::vector<torch::Tensor> rows;
        int64_t offset = 0;
        for (int64_t count : sectionCounts) {
            auto row = pooled.narrow(0, offset, count);
            if (count < padTo)
                row = torch::cat({row, torch::zeros({padTo - count, row.size(1)}, row.options())});
            rows.push_back(row);
            offset += count;
        }
        cond.sectionCaptions = torch::stack(rows);
        cond.structure = model::makeStructureFrames(layouts, n);
        if (context.config.dit.beatGrid)
            cond.structure.beatPhase = model::makeBeatPhases(grids, n, frameSeconds).to(device);
        if (context.config.dit.keyConditioning)
            cond.key = model::makeKeyFeatures(keys).to(device);
        cond.useGlobalCaption = torch::tensor(globalFlags).to(torch::kBool).to(device);
        cond.useSectionCaptions = torch::tensor(sectionFlags).to(torch::kBool).to(device);

        torch::Tensor predicted;
        // mallinfo2 walks every arena: measured on the run's first step only, not on every step.
        const double heapBefore = activationsReported ? 0.0 : heapBytes();
        {
            std::optional<model::AutocastScope> autocast;
            if (o.bf16)
                autocast.emplace(model::AutocastState::bf16On(device));
            predicted = net->dit->forward(xt, t, x1, keep, cond);
        }
        if (!activationsReported && device.is_cpu() && heapBefore > 0.0) {
            // What the memory savers change, measured once per run (bench_train reads this line).
            activationsReported = true;
            char line[200];
            std::snprintf(line, sizeof line, "%s: activations held for the backward pass: %.3f GiB for %lld items of %lld frames",
                          spec.name.c_str(), (heapBytes() - heapBefore) / double(1 << 30), (long long)b, (long long)n);
            context.say(line);
        }
        const auto weight = (1.0 - model::channelKeepMask(keep, channelsPerGroup)).clamp_min(0.0);  // generated frames only
        // This micro-batch's share; scaled by the world size because the ranks' gradients are averaged.
        const auto flow = ((predicted.to(torch::kFloat32) - target).pow(2) * weight).sum() *
                          (double(context.dist.worldSize()) / denominator);
        return StepLoss{flow, {{"flow", flow.item<double>()}}};
    });
}

}  // namespace s2a::training::detail
