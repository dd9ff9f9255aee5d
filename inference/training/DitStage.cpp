// Stages 3 and 4 (and their ablation twins): flow matching of the structure-guided DiT on VAE latents, with the
// caption encoder trained alongside. Per item: a crop of up to ditCropFrames, a random paraphrase of the
// global caption and of each section's caption, each of the two caption kinds dropped independently (the
// null embeddings that classifier-free guidance contrasts against), and a random keep-mask so that generation,
// repaint and extend are all native: the loss covers only the frames the model must generate.
#include "inference/training/TrainingStages.h"

#include "inference/model/LatentInpainting.h"


#include <QDir>

#include <algorithm>
#include <cmath>
#include <random>

namespace s2a::inference::training::detail {

namespace {

std::string utf8(const QString& s) { return s.toStdString(); }

template <typename T>
const T& pickFrom(const QList<T>& items, std::mt19937_64& rng)
{
    return items[qsizetype(std::uniform_int_distribution<size_t>(0, size_t(items.size()) - 1)(rng))];
}

struct Item {
    torch::Tensor latent;                       // [GC, N]
    torch::Tensor keep;                         // [N]
    std::vector<model::SectionSpan> spans;      // in crop coordinates (whole sections)
    model::BeatGrid grid;                       // the song's clock from the crop's first frame
    std::vector<std::string> sectionCaptions;
    std::string caption;
};

// Keep-mask kinds, in the proportions a user's actions need: whole-song generation, repainting one section
// (or a random span), and extending the end.
torch::Tensor drawKeepMask(int64_t n, const std::vector<model::SectionSpan>& spans, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const double kind = u(rng);
    if (kind < 0.3 || n < 8)
        return torch::zeros({n});
    if (kind < 0.6 && spans.size() > 1) {  // one section, as the editor repaints
        const auto& s = spans[std::uniform_int_distribution<size_t>(0, spans.size() - 1)(rng)];
        const int64_t first = std::clamp<int64_t>(s.startFrame, 0, n), end = std::clamp<int64_t>(s.endFrame, 0, n);
        if (end - first >= 2 && end - first < n)
            return model::repaintMask(n, first, end, std::uniform_int_distribution<int>(0, 1)(rng));
    }
    if (kind < 0.85) {  // a random span
        const int64_t length = std::uniform_int_distribution<int64_t>(n / 8, n / 2)(rng);
        const int64_t first = std::uniform_int_distribution<int64_t>(0, n - length)(rng);
        return model::repaintMask(n, first, first + length, 0);
    }
    const int64_t keepFrames = std::uniform_int_distribution<int64_t>(n / 4, 3 * n / 4)(rng);  // extend
    return model::extendMask(n, keepFrames, 0);
}

Item drawItem(const DitSong& s, int64_t cropFrames, int64_t hop, double frameSeconds, std::mt19937_64& rng)
{
    const TrainingSong& song = *s.song;
    const int64_t frames = s.latent.size(1);
    const int64_t n = std::min(cropFrames, frames);
    const int64_t first = std::uniform_int_distribution<int64_t>(0, frames - n)(rng);
    Item item;
    item.latent = s.latent.narrow(1, first, n);
    item.grid = {song.tempo, song.beatsPerBar, double(first) * frameSeconds};
    item.caption = utf8(pickFrom(song.captionParaphrases, rng));
    for (const TrainingSection& sec : song.sections) {
        const model::FrameSpan f = model::frameSpanForSamples(sec.start, sec.end, hop, frames);
        if (f.end <= first || f.first >= first + n)
            continue;
        item.spans.push_back({f.first - first, f.end - first, sec.label});
        item.sectionCaptions.push_back(utf8(pickFrom(sec.paraphrases, rng)));
    }
    if (item.spans.empty()) {
        item.spans.push_back({0, n, 0});
        item.sectionCaptions.emplace_back();
    }
    item.keep = drawKeepMask(n, item.spans, rng);
    return item;
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
    StageRun run(spec.name, net, ema, parameters, schedule, QDir(o.outDir).filePath(QStringLiteral("checkpoints")));
    run.resume(context.say);
    model::BuiltinTextEncoder text(context.config.caption, net->caption);
    const int64_t hop = context.config.vae.hopLength();
    const double frameSeconds = context.config.latentFrameSeconds();
    const int64_t crop = std::min<int64_t>(o.ditCropFrames, context.config.dit.maxFrames);
    const auto& device = context.device;
    net->train();
    return runStageLoop(context, run, spec, [&](int, StepDraws& draws) {
        auto& rng = draws.choices;
        auto& generator = draws.noise;
        std::vector<Item> items;
        for (int i = 0; i < o.ditBatch; ++i)
            items.push_back(drawItem(songs[std::uniform_int_distribution<size_t>(0, songs.size() - 1)(rng)], crop, hop, frameSeconds, rng));
        // One crop length per batch (the shortest song bounds it), so the items stack.
        int64_t n = crop;
        for (const Item& it : items)
            n = std::min(n, it.latent.size(1));
        const int64_t b = int64_t(items.size());
        std::vector<torch::Tensor> latents, keeps;
        std::vector<std::vector<model::SectionSpan>> layouts;
        std::vector<model::BeatGrid> grids;
        std::vector<std::string> captions, sectionCaptions;
        std::vector<int64_t> sectionCounts;
        std::uniform_real_distribution<double> u(0.0, 1.0);
        std::vector<uint8_t> useGlobal, useSections;
        for (Item& it : items) {
            latents.push_back(it.latent.narrow(1, 0, n));
            keeps.push_back(it.latent.size(1) == n ? it.keep : torch::zeros({n}));
            std::vector<model::SectionSpan> spans;
            for (const auto& s : it.spans)
                if (s.startFrame < n)
                    spans.push_back(s);
            const size_t kept = std::max<size_t>(1, spans.size());
            spans.resize(kept, it.spans.front());
            layouts.push_back(spans);
            grids.push_back(it.grid);
            captions.push_back(it.caption);
            sectionCaptions.insert(sectionCaptions.end(), it.sectionCaptions.begin(), it.sectionCaptions.begin() + int64_t(kept));
            sectionCounts.push_back(int64_t(kept));
            useGlobal.push_back(u(rng) >= o.captionDropout);
            useSections.push_back(u(rng) >= o.captionDropout);
        }
        const auto x1 = torch::stack(latents).to(device);                 // [B, GC, N]
        const auto keep = torch::stack(keeps).view({b, 1, n}).to(device);  // [B, 1, N]
        const auto noise = at::randn(x1.sizes(), generator, x1.options().device(torch::kCPU)).to(device);
        // Logit-normal times: most training where the velocity is hardest to predict (mid-path).
        const auto t = torch::sigmoid(at::randn({b}, generator, torch::TensorOptions())).to(device);
        const auto tt = t.view({b, 1, 1});
        const auto xt = (1.0 - tt) * noise + tt * x1;
        const auto target = x1 - noise;

        model::DitConditioning cond;
        cond.globalCaption = text.encode(captions);
        const auto pooled = text.encode(sectionCaptions).pooled;  // [sum S, W]
        const int64_t maxSections = *std::max_element(sectionCounts.begin(), sectionCounts.end());
        std::vector<torch::Tensor> rows;
        int64_t offset = 0;
        for (int64_t count : sectionCounts) {
            auto row = pooled.narrow(0, offset, count);
            if (count < maxSections)
                row = torch::cat({row, torch::zeros({maxSections - count, row.size(1)}, row.options())});
            rows.push_back(row);
            offset += count;
        }
        cond.sectionCaptions = torch::stack(rows);
        cond.structure = model::makeStructureFrames(layouts, n);
        if (context.config.dit.beatGrid)
            cond.structure.beatPhase = model::makeBeatPhases(grids, n, frameSeconds).to(device);
        cond.useGlobalCaption = torch::tensor(std::vector<int64_t>(useGlobal.begin(), useGlobal.end())).to(torch::kBool).to(device);
        cond.useSectionCaptions = torch::tensor(std::vector<int64_t>(useSections.begin(), useSections.end())).to(torch::kBool).to(device);

        const auto predicted = net->dit->forward(xt, t, x1, keep, cond);
        const auto weight = (1.0 - keep).clamp_min(0.0);  // generated frames only
        const auto flow = ((predicted - target).pow(2) * weight).sum() / (weight.sum() * x1.size(1) + 1e-6);
        return StepLoss{flow, {{"flow", flow.item<double>()}}};
    });
}

}  // namespace s2a::inference::training::detail
