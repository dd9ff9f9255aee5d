// Qt-free benchmark of the diffusion model (s2a_model only: LibTorch + the standard library), so it builds and
// runs wherever the model library does, a GPU server without Qt included. Prints figures; never a test.
//
//   bench_model [--device auto|cpu|cuda] [--threads N (0 = LibTorch default, default: one per core)] [--steps N] [--repeat N] [--only tiny|402m]
//               [--full-402m] [--tiny-config FILE] [--guidance-interval A:B]
//
// tiny:     30 s generated from scratch (caption encoding, every sampler step with two-scale CFG, VAE decode of
//           every stem group) at the app's guidance scales, its real-time factor against the goal of 10x on 2
//           cores, per-stage times, the same with the CFG branches batched into one forward, and a repaint of
//           10 s with +-10 s of context (encode + inpaint + decode).
// s2a-402m: one DiT step for 10 s of latent (batch 1, and batch 3 = the CFG branches in one forward) and the
//           peak RSS. With --full-402m (default on CUDA): one whole 32-step generation of 10 s with CFG and
//           VAE decode, fp32 and (CUDA) bf16.
// Weights are random: speed does not depend on training. Times are wall-clock; with --repeat N each figure is
// the best and the median of N runs after one warm-up run (the engine keeps its model warm).

#include "inference/model/AudioVae.h"
#include "inference/model/CaptionEncoder.h"
#include "inference/model/FlowSampler.h"
#include "inference/model/GuidanceIntervalText.h"
#include "inference/model/GuidedDitVelocity.h"
#include "inference/model/LatentInpainting.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/ProcessTuning.h"
#include "inference/model/StructureDit.h"
#include "inference/model/TorchDevice.h"

#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace s2a::model;

namespace {

struct Options {
    std::string device = "auto";
    int threads = -1;  // -1: one per hardware thread (LibTorch's own default is 1 on some machines)
    int steps = 32;
    int repeat = 3;
    std::string only;
    bool full402m = false;
    std::string tinyConfig;  // a JSON file to use instead of the built-in tiny config (for tuning)
    s2a::model::GuidanceInterval interval = s2a::model::kDefaultGuidanceInterval;
};

[[noreturn]] void usage(const char* self, const std::string& error) {
    std::fprintf(stderr,
                 "%s\nusage: %s [--device auto|cpu|cuda] [--threads N] [--steps N] [--repeat N] "
                 "[--only tiny|402m] [--full-402m] [--tiny-config FILE] [--guidance-interval A:B]\n",
                 error.c_str(), self);
    std::exit(2);
}

Options parseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(argv[0], "missing value for " + a);
            return argv[++i];
        };
        auto number = [&](int minValue) {
            const std::string v = value();
            char* end = nullptr;
            const long n = std::strtol(v.c_str(), &end, 10);
            if (end == v.c_str() || *end != '\0' || n < minValue || n > 1000000) usage(argv[0], "bad value for " + a);
            return int(n);
        };
        if (a == "--device") {
            o.device = value();
            if (o.device != "auto" && o.device != "cpu" && o.device != "cuda") usage(argv[0], "bad --device");
        } else if (a == "--threads") {
            o.threads = number(0);
        } else if (a == "--steps") {
            o.steps = number(1);
        } else if (a == "--repeat") {
            o.repeat = number(1);
        } else if (a == "--only") {
            o.only = value();
            if (o.only != "tiny" && o.only != "402m") usage(argv[0], "bad --only");
        } else if (a == "--tiny-config") {
            o.tinyConfig = value();
        } else if (a == "--guidance-interval") {
            const auto parsed = s2a::model::parseGuidanceInterval(value());
            if (!parsed) usage(argv[0], "bad --guidance-interval (A:B, 0 <= A <= B <= 1)");
            o.interval = *parsed;
        } else if (a == "--full-402m") {
            o.full402m = true;
        } else if (a == "--help" || a == "-h") {
            usage(argv[0], "Qt-free benchmark of the diffusion model");
        } else {
            usage(argv[0], "unknown option " + a);
        }
    }
    return o;
}

using Clock = std::chrono::steady_clock;

torch::Device gDevice(torch::kCPU);
// The guidance interval the tiny figures sample with (the app's unless --guidance-interval says otherwise).
s2a::model::GuidanceInterval gInterval = s2a::model::kDefaultGuidanceInterval;

// Waits for queued GPU work so wall-clock times mean something on CUDA.
void sync() {
    if (gDevice.is_cuda()) torch::cuda::synchronize();
}

double secondsSince(Clock::time_point start) {
    sync();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Best and median of repeated measurements.
struct Stat {
    std::vector<double> values;
    void add(double v) { values.push_back(v); }
    double best() const { return *std::min_element(values.begin(), values.end()); }
    double median() const {
        auto v = values;
        std::sort(v.begin(), v.end());
        const size_t n = v.size();
        return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
    std::string ms() const {
        char buf[96];
        if (values.size() == 1)
            std::snprintf(buf, sizeof buf, "%8.1f ms", best() * 1e3);
        else
            std::snprintf(buf, sizeof buf, "%8.1f ms (median %.1f)", best() * 1e3, median() * 1e3);
        return buf;
    }
};

std::string procStatus(const std::string& key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) {
            auto v = line.substr(key.size() + 1);
            v.erase(0, v.find_first_not_of(" \t"));
            return v;
        }
    return "n/a";
}

// Small random weights everywhere (the adaLN-zero init would make the DiT an exact zero map).
void randomize(torch::nn::Module& m, uint64_t seed) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    for (auto& p : m.parameters()) p.normal_(0.0, 0.02);
}

std::string millions(int64_t n) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.3f M", double(n) / 1e6);
    return buf;
}

// Everything one generation needs, on one device and dtype.
struct Model {
    ModelConfig cfg;
    std::unique_ptr<BuiltinTextEncoder> text;
    StructureDit dit{nullptr};
    AudioVae vae{nullptr};
    torch::Dtype dtype = torch::kFloat32;

    Model(const ModelConfig& c, bool withVae) : cfg(c) {
        text = std::make_unique<BuiltinTextEncoder>(cfg.caption);
        dit = StructureDit(cfg);
        randomize(*dit, 7);
        text->module()->eval();
        dit->eval();
        if (withVae) {
            vae = AudioVae(cfg.vae, cfg.audioChannels, cfg.sampleRate);
            vae->eval();
        }
    }
    void to(torch::Device device, torch::Dtype type) {
        dtype = type;
        text->module()->to(device, type);
        dit->to(device, type);
        if (vae) vae->to(device, type);
    }
    int64_t frames(double seconds) const {
        return framesForSamples(int64_t(seconds * cfg.sampleRate + 0.5), cfg.vae.hopLength());
    }
};

// A song layout over `frames` latent frames: sections of the given fractions with label ids and captions.
struct Layout {
    DitConditioning cond;  // batch 1
};

Layout makeLayout(Model& m, int64_t frames, const std::vector<std::pair<double, int64_t>>& sections) {
    std::vector<SectionSpan> spans;
    std::vector<std::string> captions;
    static const char* kCaptions[] = {"sparse intro, filtered drums", "tight groove verse, slap bass",
                                      "big chorus, bright synth lead", "breakdown", "quiet outro, fading pads"};
    double acc = 0.0;
    for (size_t i = 0; i < sections.size(); ++i) {
        const int64_t start = int64_t(acc * double(frames) + 0.5);
        acc += sections[i].first;
        const int64_t end = i + 1 == sections.size() ? frames : int64_t(acc * double(frames) + 0.5);
        spans.push_back({start, end, sections[i].second});
        captions.emplace_back(kCaptions[i % 5]);
    }
    Layout l;
    l.cond.globalCaption = m.text->encode({"upbeat funk with slap bass, clavinet and horns, 108 bpm"});
    l.cond.sectionCaptions = m.text->encode(captions).pooled.unsqueeze(0);
    auto st = makeStructureFrames({spans}, frames);
    l.cond.structure = {st.labels.to(gDevice), st.position.to(gDevice), st.sectionIndex.to(gDevice), {}};
    if (m.cfg.dit.beatGrid) {
        const double frameSeconds = m.cfg.latentFrameSeconds();
        l.cond.structure.beatPhase = makeBeatPhases({{108.0, 4, 0.0}}, frames, frameSeconds).to(gDevice);
    }
    return l;
}

// The two ways of evaluating the CFG branches (s2a::model::GuidedDitVelocity's batched flag).
enum class Cfg { Sequential, Batched };

// VelocityFn over the bench's DiT: the engine's own adapter, so the figures are the engine's.
s2a::model::GuidedDitVelocity velocityFor(Model& m, const DitConditioning& cond, torch::Tensor context, torch::Tensor keep,
                                     Cfg mode) {
    return s2a::model::GuidedDitVelocity(s2a::model::ditCalls(m.dit), cond, std::move(context), std::move(keep),
                                         s2a::model::kDefaultGuidance, s2a::model::kDefaultSectionGuidance,
                                         mode == Cfg::Batched, gInterval);
}

// Two-scale CFG at the app's scales (GuidanceDefaults.h: 4 / 4, so two branches per step), so the figure is
// what a user waits for. Until session 14 the bench used the paper's 3 / 2 (three branches), a third more DiT
// work than the app does.
SamplerOptions samplerOptions(int steps) {
    SamplerOptions o;
    o.steps = steps;
    o.method = SamplerMethod::Euler;
    o.guidance = s2a::model::kDefaultGuidance;
    o.sectionGuidance = s2a::model::kDefaultSectionGuidance;
    o.guidanceInterval = gInterval;
    o.seed = 42;
    return o;
}

// [1, G*C, N] -> [G, C, N] (stem groups as a batch) and back.
torch::Tensor groupsAsBatch(const Model& m, const torch::Tensor& latent) {
    return latent.reshape({m.cfg.stemGroupCount(), m.cfg.vae.latentChannels, latent.size(2)});
}

struct GenerationTimes {
    double caption = 0, dit = 0, decode = 0, total = 0;
    int forwards = 0;
    torch::Tensor audio;  // [G, channels, samples]
};

GenerationTimes generate(Model& m, double seconds, int steps, Cfg mode) {
    c10::InferenceMode inference;
    GenerationTimes r;
    const auto start = Clock::now();
    const int64_t frames = m.frames(seconds);
    const int64_t samples = int64_t(seconds * m.cfg.sampleRate + 0.5);
    // intro, verse, chorus, outro
    auto layout = makeLayout(m, frames, {{0.15, 0}, {0.35, 1}, {0.35, 3}, {0.15, 9}});
    r.caption = secondsSince(start);

    const auto opts = torch::TensorOptions().dtype(m.dtype).device(gDevice);
    const int64_t ch = m.cfg.ditLatentChannels();
    auto v = velocityFor(m, layout.cond, torch::zeros({1, ch, frames}, opts), torch::zeros({1, 1, frames}, opts), mode);
    FlowSampler sampler(samplerOptions(steps));
    const auto ditStart = Clock::now();
    auto result = sampler.sample(std::ref(v), {1, ch, frames}, opts);
    r.dit = secondsSince(ditStart);
    r.forwards = v.forwards();

    const auto decStart = Clock::now();
    r.audio = m.vae->decode(groupsAsBatch(m, result.latent), samples);
    r.decode = secondsSince(decStart);
    r.total = secondsSince(start);
    return r;
}

struct RepaintTimes {
    double encode = 0, inpaint = 0, decode = 0, total = 0;
};

// Repaint `section` seconds in the middle of a window with `margin` seconds of context on either side: encode the
// window (every stem group), inpaint the section's frames, decode the section's frames (plus a few frames of
// margin for the decoder's receptive field). The splice itself is a per-sample copy and is not timed.
RepaintTimes repaint(Model& m, const torch::Tensor& stems, double section, double margin, int steps) {
    c10::InferenceMode inference;
    RepaintTimes r;
    const auto start = Clock::now();
    const int64_t hop = m.cfg.vae.hopLength();
    const int64_t rate = m.cfg.sampleRate;
    const int64_t windowSamples = int64_t((section + 2 * margin) * double(rate) + 0.5);
    auto window = stems.narrow(2, 0, std::min<int64_t>(windowSamples, stems.size(2)));
    auto enc = m.vae->encode(window);
    const int64_t frames = enc.mean.size(2);
    auto latent = enc.mean.reshape({1, m.cfg.ditLatentChannels(), frames});
    r.encode = secondsSince(start);

    const int64_t s0 = int64_t(margin * double(rate)), s1 = int64_t((margin + section) * double(rate));
    const auto span = frameSpanForSamples(s0, s1, hop, frames);
    auto keep = repaintMask(frames, span.first, span.end, 2).to(gDevice, m.dtype);
    const auto inpStart = Clock::now();
    // verse | chorus (repainted) | verse
    auto layout = makeLayout(m, frames,
                             {{margin / (section + 2 * margin), 1}, {section / (section + 2 * margin), 3},
                              {margin / (section + 2 * margin), 1}});
    auto v = velocityFor(m, layout.cond, latent, keep.view({1, 1, frames}), Cfg::Batched);
    FlowSampler sampler(samplerOptions(steps));
    auto result = sampler.inpaint(std::ref(v), {latent, keep});
    r.inpaint = secondsSince(inpStart);

    const auto decStart = Clock::now();
    const int64_t pad = 4;
    const int64_t f0 = std::max<int64_t>(0, span.first - pad), f1 = std::min(frames, span.end + pad);
    auto part = groupsAsBatch(m, result.latent).narrow(2, f0, f1 - f0);
    auto audio = m.vae->decode(part);
    (void)audio;
    r.decode = secondsSince(decStart);
    r.total = secondsSince(start);
    return r;
}

void printBreakdown(const char* name, Model& m) {
    const auto parts = conditionedDitParameterBreakdown(m.dit, m.text->module());
    std::printf("%s parameters (DiT with its conditioners):\n", name);
    for (const auto& p : parts) std::printf("  %-22s %12lld  (%s)\n", p.first.c_str(), (long long)p.second,
                                            millions(p.second).c_str());
    if (m.vae)
        std::printf("  %-22s %12lld  (%s)\n  %-22s %12lld  (%s, training only)\n", "vae_codec",
                    (long long)m.vae->codecParameterCount(), millions(m.vae->codecParameterCount()).c_str(),
                    "vae_structure_heads", (long long)m.vae->headParameterCount(),
                    millions(m.vae->headParameterCount()).c_str());
}

void benchTiny(const Options& o) {
    const auto cfg = o.tinyConfig.empty() ? builtinModelConfig("tiny") : loadModelConfig(o.tinyConfig);
    Model m(cfg, true);
    m.to(gDevice, torch::kFloat32);
    std::printf("\n== %s: VAE base %d mults", cfg.name.c_str(), cfg.vae.baseChannels);
    for (int x : cfg.vae.channelMults) std::printf(" %d", x);
    std::printf(" strides");
    for (int x : cfg.vae.strides) std::printf(" %d", x);
    std::printf(", latent %d x %d stem groups, DiT %d x %d (heads %d, ffn %.1f), hop %lld\n",
                cfg.vae.latentChannels, cfg.stemGroupCount(), cfg.dit.width, cfg.dit.depth, cfg.dit.heads,
                cfg.dit.ffnRatio, (long long)cfg.vae.hopLength());
    printBreakdown("tiny", m);

    const double seconds = 30.0;
    const int64_t frames = m.frames(seconds);
    const size_t branches =
        FlowSampler::guidanceBranches(s2a::model::kDefaultGuidance, s2a::model::kDefaultSectionGuidance).size();
    std::printf("30 s = %lld latent frames; %d Euler steps, two-scale CFG %.0f / %.0f (%zu branches per guided step) "
                "at t in [%.2f, %.2f)\n",
                (long long)frames, o.steps, s2a::model::kDefaultGuidance, s2a::model::kDefaultSectionGuidance, branches,
                gInterval.from, gInterval.to);

    // Warm-up (allocator, oneDNN primitives), then the measured runs.
    generate(m, 5.0, 2, Cfg::Sequential);
    generate(m, 5.0, 2, Cfg::Batched);

    for (Cfg mode : {Cfg::Sequential, Cfg::Batched}) {
        Stat caption, dit, decode, total;
        int forwards = 0;
        torch::Tensor audio;
        for (int i = 0; i < o.repeat; ++i) {
            auto r = generate(m, seconds, o.steps, mode);
            caption.add(r.caption);
            dit.add(r.dit);
            decode.add(r.decode);
            total.add(r.total);
            forwards = r.forwards;
            audio = r.audio;
        }
        std::printf("tiny 30 s from scratch, CFG %s (%d DiT forwards%s):\n",
                    mode == Cfg::Sequential ? "sequential" : "batched", forwards,
                    mode == Cfg::Sequential ? " of batch 1" : " of one batch per step");
        std::printf("  caption encoding   %s\n", caption.ms().c_str());
        std::printf("  DiT steps          %s   = %.1f ms per step\n", dit.ms().c_str(), dit.best() * 1e3 / o.steps);
        std::printf("  VAE decode (%d grp) %s   = %.1f ms per audio second per stem group\n", cfg.stemGroupCount(),
                    decode.ms().c_str(), decode.best() * 1e3 / seconds / cfg.stemGroupCount());
        std::printf("  total              %s\n", total.ms().c_str());
        std::printf("  real-time factor   %.1fx (best), %.1fx (median)   goal >= 10x on 2 cores: %s\n",
                    seconds / total.best(), seconds / total.median(), seconds / total.median() >= 10.0 ? "met" : "NOT met");
        std::printf("  output             [%lld, %lld, %lld]\n", (long long)audio.size(0), (long long)audio.size(1),
                    (long long)audio.size(2));
    }

    // Repaint 10 s with +-10 s of context, on the audio of a generation (random weights: it is noise anyway).
    auto song = generate(m, seconds, 2, Cfg::Sequential).audio;
    Stat enc, inp, dec, total;
    for (int i = 0; i < o.repeat; ++i) {
        auto r = repaint(m, song, 10.0, 10.0, o.steps);
        enc.add(r.encode);
        inp.add(r.inpaint);
        dec.add(r.decode);
        total.add(r.total);
    }
    std::printf("tiny repaint of 10 s with +-10 s context (%d steps, CFG batched):\n", o.steps);
    std::printf("  VAE encode 30 s    %s\n", enc.ms().c_str());
    std::printf("  inpaint            %s\n", inp.ms().c_str());
    std::printf("  VAE decode section %s\n", dec.ms().c_str());
    std::printf("  total              %s   (%.1fx real time for the 10 s section)\n", total.ms().c_str(),
                10.0 / total.median());
}

void full402m(Model& m, const Options& o, torch::Dtype dtype, const char* label) {
    m.to(gDevice, dtype);
    generate(m, 2.0, 1, Cfg::Batched);  // warm-up
    auto r = generate(m, 10.0, o.steps, Cfg::Batched);
    std::printf("s2a-402m 10 s generation, %s, %d steps, CFG batched: caption %.1f ms, DiT %.1f ms, decode %.1f ms, "
                "total %.1f ms (%.1fx real time)\n",
                label, o.steps, r.caption * 1e3, r.dit * 1e3, r.decode * 1e3, r.total * 1e3, 10.0 / r.total);
}

void bench402m(const Options& o) {
    const auto cfg = builtinModelConfig("s2a-402m");
    const bool full = o.full402m || gDevice.is_cuda();
    const auto buildStart = Clock::now();
    Model m(cfg, full);
    m.to(gDevice, torch::kFloat32);
    std::printf("\n== s2a-402m (built in %.1f s)\n", secondsSince(buildStart));
    printBreakdown("s2a-402m", m);

    const int64_t frames = m.frames(10.0);
    const int64_t ch = cfg.ditLatentChannels();
    auto layout = makeLayout(m, frames, {{0.4, 1}, {0.6, 3}});
    const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(gDevice);
    auto x = torch::randn({1, ch, frames}, opts);
    auto ctx = torch::zeros({1, ch, frames}, opts);
    auto keep = torch::zeros({1, 1, frames}, opts);
    auto t = torch::full({1}, 0.5, opts);
    auto cond3 = s2a::model::conditioningForBranches(layout.cond, FlowSampler::guidanceBranches(3.0, 2.0));

    auto step = [&](torch::Dtype dtype, const char* label) {
        c10::InferenceMode inference;
        auto xs = x.to(dtype), cs = ctx.to(dtype), ks = keep.to(dtype), ts = t.to(dtype);
        m.dit->forward(xs, ts, cs, ks, layout.cond);  // warm-up
        Stat one, three;
        for (int i = 0; i < std::max(1, o.repeat - 1); ++i) {
            auto s = Clock::now();
            m.dit->forward(xs, ts, cs, ks, layout.cond);
            one.add(secondsSince(s));
            s = Clock::now();
            m.dit->forward(xs.expand({3, -1, -1}), ts.expand({3}), cs.expand({3, -1, -1}), ks.expand({3, -1, -1}),
                           cond3);
            three.add(secondsSince(s));
        }
        std::printf("s2a-402m one DiT step, 10 s = %lld frames, %s:\n", (long long)frames, label);
        std::printf("  batch 1 (one forward)          %s\n", one.ms().c_str());
        std::printf("  batch 3 (CFG in one forward)   %s   vs 3 x batch 1 = %.1f ms\n", three.ms().c_str(),
                    3e3 * one.best());
        std::printf("  32 steps with CFG would take   %.1f s (batched), %.1f s (sequential)\n", 32 * three.best(),
                    96 * one.best());
    };
    step(torch::kFloat32, gDevice.is_cuda() ? "CUDA fp32" : "CPU fp32");
    std::printf("  peak RSS (VmHWM) %s, now (VmRSS) %s\n", procStatus("VmHWM").c_str(), procStatus("VmRSS").c_str());
    if (gDevice.is_cuda()) {
        std::printf("  CUDA memory: see nvidia-smi (LibTorch 1.13's C++ API exposes no allocator stats here)\n");
        // bf16 by converting the weights (simpler and more predictable than autocast in the C++ API).
        m.to(gDevice, torch::kBFloat16);
        step(torch::kBFloat16, "CUDA bf16 weights");
        m.to(gDevice, torch::kFloat32);
    }
    if (full) {
        full402m(m, o, torch::kFloat32, gDevice.is_cuda() ? "CUDA fp32" : "CPU fp32");
        if (gDevice.is_cuda()) full402m(m, o, torch::kBFloat16, "CUDA bf16");
        std::printf("  peak RSS (VmHWM) %s\n", procStatus("VmHWM").c_str());
    }
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parseOptions(argc, argv);
    reexecWithTunedEnvironment(argv);
    setCpuThreads(o.threads < 0 ? int(std::max(1u, std::thread::hardware_concurrency())) : o.threads);
    gDevice = selectDevice(o.device);
    gInterval = o.interval;
    if (o.device == "cuda" && !gDevice.is_cuda()) std::printf("(CUDA asked for but not available: CPU)\n");
    // Model building and weight conversion run without autograd; the timed parts in InferenceMode.
    torch::NoGradGuard noGrad;
    std::printf("bench_model: %s; %d steps; %d repeat(s)\n", describeRuntime(gDevice).c_str(), o.steps, o.repeat);
    // Figures compare across machines only with the machine beside them (CPU, SIMD, BLAS kernel, threads).
    std::printf("%s\n", describeMachine().c_str());
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    std::printf("GLIBC_TUNABLES=%s (S2A_NO_ENV_TUNING=1 runs without the re-exec)\n", tunables ? tunables : "(unset)");
    try {
        if (o.only.empty() || o.only == "tiny") benchTiny(o);
        if (o.only.empty() || o.only == "402m") bench402m(o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_model: %s\n", e.what());
        return 1;
    }
    return 0;
}
