// The diffusion model's network modules on the CPU: configs, VAE (exact lengths, heads), caption encoder,
// structure-guided DiT (conditioning and its independent drops), the s2a-402m parameter budget, and one DiT
// block and two VAE blocks against an independent Python (torch) reference on the same weights.
#include "SkipOrFail.h"
#include "inference/model/AudioVae.h"
#include "inference/model/CaptionEncoder.h"
#include "inference/model/GuidedDitVelocity.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/ProcessTuning.h"
#include "inference/model/StructureDit.h"

#include <QtTest>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstring>
#include <functional>

using namespace s2a::model;

namespace {

// Untrained adaLN-zero outputs are exactly zero, so tests that compare conditioning paths first give every
// parameter a random value (alphas of Snake stay positive).
void randomizeParameters(torch::nn::Module& module, uint64_t seed, double scale = 0.08) {
    torch::NoGradGuard guard;
    torch::manual_seed(seed);
    for (auto& item : module.named_parameters(true)) {
        auto& p = item.value();
        if (item.key().find("alpha") != std::string::npos)
            p.uniform_(0.5, 1.5);
        else
            p.normal_(0.0, scale);
    }
}

QString expectConfigError(const std::string& text) {
    try {
        parseModelConfig(text, "test.json");
    } catch (const ConfigError& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("<no error>");
}

bool writeTensor(const QString& dir, const QString& name, const torch::Tensor& t, QJsonObject& manifest) {
    const auto c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    QFile f(dir + "/" + name + ".bin");
    if (!f.open(QIODevice::WriteOnly)) return false;
    f.write(static_cast<const char*>(c.data_ptr()), qint64(c.numel() * sizeof(float)));
    QJsonArray shape;
    for (auto s : c.sizes()) shape.append(qint64(s));
    manifest.insert(name, shape);
    return true;
}

void writeModule(const QString& dir, const QString& prefix, torch::nn::Module& m, QJsonObject& manifest) {
    for (const auto& item : m.named_parameters(true))
        QVERIFY(writeTensor(dir, prefix + QString::fromStdString(item.key()), item.value(), manifest));
}

torch::Tensor readTensor(const QString& path, torch::IntArrayRef shape) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = f.readAll();
    auto t = torch::empty(shape, torch::kFloat32);
    if (bytes.size() != qint64(t.numel() * sizeof(float))) return {};
    std::memcpy(t.data_ptr(), bytes.constData(), size_t(bytes.size()));
    return t;
}

}  // namespace

// A small waveform (Oobleck-style) codec: the paper's kind, which the tiny config no longer uses.
VaeConfig waveformVae()
{
    VaeConfig v = builtinModelConfig("tiny").vae;
    v.kind = "waveform";
    v.baseChannels = 8;
    v.channelMults = {1, 2, 4, 8};
    v.strides = {8, 8, 8, 4};
    v.latentChannels = 32;
    return v;
}

class ModelNetworkTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtinConfigsMatchTheJsonFiles()
    {
        QCOMPARE(builtinModelConfigNames(), (std::vector<std::string>{"tiny", "tiny-pitched", "tiny-keyed", "small-keyed", "tiny-mix", "s2a-402m"}));
        for (const auto& name : builtinModelConfigNames()) {
            const ModelConfig builtin = builtinModelConfig(name);
            const ModelConfig file = loadModelConfig(std::string(S2A_MODEL_CONFIG_DIR) + "/" + name + ".json");
            QCOMPARE(builtin.name, name);
            QCOMPARE(file.dit.width, builtin.dit.width);
            QCOMPARE(file.vae.strides, builtin.vae.strides);
            QCOMPARE(file.stemGroups, builtin.stemGroups);
            QCOMPARE(builtin.sampleRate, 44100);
            QCOMPARE(builtin.audioChannels, 2);
            QCOMPARE(builtin.vae.hopLength(), int64_t(name == "s2a-402m" ? 2048 : 4096));
        }
        QCOMPARE(QString::fromStdString(sourceConfigDirectory()), QStringLiteral(S2A_MODEL_CONFIG_DIR));
        const ModelConfig paper = builtinModelConfig("s2a-402m");
        QCOMPARE(paper.vae.latentChannels, 64);
        QCOMPARE(paper.stemGroups, (std::vector<std::string>{"mix"}));
        QVERIFY(qAbs(paper.latentFrameRate() - 21.533) < 0.01);
        QCOMPARE(builtinModelConfig("tiny").ditLatentChannels(), 64 * 4);
        QCOMPARE(builtinModelConfig("tiny").vae.kind, std::string("spectral"));
        QCOMPARE(paper.vae.kind, std::string("waveform"));
    }

    void badConfigsGiveClearErrors()
    {
        const std::string good = builtinModelConfigJson("tiny");
        QVERIFY(expectConfigError("{ not json").contains("not valid JSON"));
        auto edit = [&](const std::function<void(nlohmann::json&)>& f) {
            auto j = nlohmann::json::parse(good);
            f(j);
            return expectConfigError(j.dump());
        };
        QString e = edit([](auto& j) { j["dit"].erase("width"); });
        QVERIFY2(e.contains("test.json") && e.contains("dit.width") && e.contains("missing"), qPrintable(e));
        e = edit([](auto& j) { j["vae"]["strides"][1] = "eight"; });
        QVERIFY2(e.contains("vae.strides[1]") && e.contains("integer"), qPrintable(e));
        e = edit([](auto& j) { j["vae"]["strides"] = {4, 8, 8}; });
        QVERIFY2(e.contains("vae.strides") && e.contains("one entry per channelMults"), qPrintable(e));
        e = edit([](auto& j) { j["dit"]["heads"] = 5; });
        QVERIFY2(e.contains("dit.heads"), qPrintable(e));
        e = edit([](auto& j) { j["caption"]["width"] = 96; });  // any width but the tiny textWidth (128)
        QVERIFY2(e.contains("dit.textWidth") && e.contains("caption.width"), qPrintable(e));
        e = edit([](auto& j) { j["stemGroups"] = nlohmann::json::array(); });
        QVERIFY2(e.contains("stemGroups"), qPrintable(e));
        e = edit([](auto& j) { j["sampleRate"] = -1; });
        QVERIFY2(e.contains("sampleRate") && e.contains("must be in"), qPrintable(e));
        QVERIFY_THROWS_EXCEPTION(ConfigError, builtinModelConfig("huge"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, loadModelConfig("/nonexistent/config.json"));
    }

    void tokenizerKeepsMusicWords()
    {
        const auto cfg = builtinModelConfig("tiny").caption;
        CaptionTokenizer tok(cfg.vocabSize, cfg.hashBuckets, cfg.maxTokens);
        const auto words = tok.words("Upbeat FUNK, 92bpm; slap-bass & lo-fi Chorus!");
        QCOMPARE(words, (std::vector<std::string>{"upbeat", "funk", "92", "bpm", "slap", "bass", "lo-fi", "chorus"}));
        for (const auto& w : words) QVERIFY2(tok.isKnownWord(w), w.c_str());
        const auto ids = tok.tokenize("zorblax funk zorblax");
        QCOMPARE(ids.size(), size_t(3));
        QCOMPARE(ids[0], ids[2]);  // hashing is deterministic
        QVERIFY(ids[0] >= tok.firstBucketId() && ids[0] < tok.firstBucketId() + cfg.hashBuckets);
        QVERIFY(ids[1] < tok.firstBucketId());
        QCOMPARE(tok.tokenize("  ,.! "), (std::vector<int64_t>{CaptionTokenizer::kEmptyId}));
        std::string longCaption;
        for (int i = 0; i < 200; ++i) longCaption += "piano ";
        QCOMPARE(int(tok.tokenize(longCaption).size()), cfg.maxTokens);
        QVERIFY_THROWS_EXCEPTION(ConfigError, CaptionTokenizer(100, 50, 8));
    }

    void captionEncoderShapes()
    {
        torch::manual_seed(1);
        const auto cfg = builtinModelConfig("tiny");
        BuiltinTextEncoder encoder(cfg.caption);
        QCOMPARE(encoder.outputWidth(), int64_t(cfg.dit.textWidth));
        const auto out = encoder.encode({"upbeat funk with slap bass", "", "dreamy ambient pads, 70 bpm, slow"});
        QCOMPARE(out.tokens.sizes().vec(), (std::vector<int64_t>{3, 6, cfg.caption.width}));
        QCOMPARE(out.mask.sizes().vec(), (std::vector<int64_t>{3, 6}));
        QCOMPARE(out.pooled.sizes().vec(), (std::vector<int64_t>{3, cfg.caption.width}));
        QCOMPARE(out.tokens.scalar_type(), torch::kFloat32);
        QCOMPARE(out.mask.scalar_type(), torch::kBool);
        QCOMPARE(out.mask.sum(1).to(torch::kLong)[1].item<int64_t>(), int64_t(1));  // "<empty>"
        QVERIFY(torch::isfinite(out.tokens).all().item<bool>());
        QVERIFY(torch::isfinite(out.pooled).all().item<bool>());
        // The pooled vector is the mean over real tokens only: padding must not leak in.
        const auto again = encoder.encode({"upbeat funk with slap bass"});
        QVERIFY(torch::allclose(again.pooled[0], out.pooled[0], 1e-5, 1e-5));
    }

    void freshCodecPassesItsInput()
    {
        // At initialisation the waveform codec must carry its input through at about its level, and its latent
        // must follow the input: LibTorch's default init lost ~70 dB and let biases make the output
        // input-independent, which training never recovered from (docs/training/README.md). The spectral codec's
        // head starts quiet by design, but its latent must follow its input too.
        torch::NoGradGuard noGrad;
        torch::manual_seed(3);
        const auto quiet = torch::randn({1, 2, 44100}) * 0.03;
        const auto loud = torch::randn({1, 2, 44100}) * 0.3;
        auto level = [](const torch::Tensor& x) { return 20.0 * std::log10(x.pow(2).mean().sqrt().item<double>() + 1e-12); };
        for (const VaeConfig& config : {waveformVae(), builtinModelConfig("tiny").vae}) {
            AudioVae vae(config, 2);
            const auto zq = vae->encode(quiet, false).mean, zl = vae->encode(loud, false).mean;
            const double out = level(vae->decode(zq, 44100));
            qInfo("fresh %s codec: input %.1f dB -> output %.1f dB; latent std %.4f, change for a 10x input %.4f",
                  config.kind.c_str(), level(quiet), out, zq.std().item<double>(), (zl - zq).abs().mean().item<double>());
            if (config.spectral()) {
                // Log-magnitude features: a 10x louder input shifts every one by log(10) / 3, a clear move.
                QVERIFY((zl - zq).abs().mean().item<double>() > 0.5 * zq.std().item<double>());
                QVERIFY(out < level(quiet));  // quiet at start, not unit-magnitude noise in every bin
                continue;
            }
            QVERIFY2(std::abs(out - level(quiet)) < 12.0, "a fresh codec keeps its input's level within 12 dB");
            QVERIFY((zl - zq).abs().mean().item<double>() > 2.0 * zq.std().item<double>());
            QCOMPARE(level(vae->decode(torch::zeros_like(zq), 44100)) < -200.0, true);  // no bias offset at start
        }
    }

    // The decoder's own inverse STFT is LibTorch's istft (centred, Hann, 75 % overlap) up to float rounding, for
    // one frame, a few, many, and lengths short of the last frame; a hop that does not divide the FFT size goes to
    // torch::istft itself.
    // The re-exec's malloc tunables survive a GLIBC_TUNABLES the machine already sets for something else, and a
    // user's own malloc thresholds are left alone.
    void glibcTunablesAreAddedNotReplaced()
    {
        const std::string ours = tunedGlibcTunables(nullptr);
        QVERIFY(ours.find("glibc.malloc.mmap_threshold=") != std::string::npos);
        QCOMPARE(tunedGlibcTunables(""), ours);
        QCOMPARE(tunedGlibcTunables("glibc.cpu.hwcaps=-AVX512F"), "glibc.cpu.hwcaps=-AVX512F:" + ours);
        QCOMPARE(tunedGlibcTunables(ours.c_str()), std::string());
        QCOMPARE(tunedGlibcTunables("glibc.malloc.trim_threshold=1"), std::string());
    }

    void inverseStftMatchesLibTorch()
    {
        torch::manual_seed(5);
        torch::NoGradGuard guard;
        for (const auto& [fft, hop] : {std::pair<int64_t, int64_t>{1024, 256}, {64, 16}, {64, 32}, {60, 24}}) {
            const auto window = torch::hann_window(fft);
            for (const int64_t frames : {int64_t(1), int64_t(3), int64_t(97)}) {
                const auto spec = torch::complex(torch::randn({3, fft / 2 + 1, frames}), torch::randn({3, fft / 2 + 1, frames}));
                for (const int64_t length : {frames * hop, std::max<int64_t>(1, frames * hop - hop / 2 - 1)}) {
                    const auto ours = inverseStft(spec, fft, hop, window, length);
                    const auto theirs = torch::istft(spec, fft, hop, fft, window, true, false, true, length);
                    QCOMPARE(ours.sizes().vec(), theirs.sizes().vec());
                    const float diff = (ours - theirs).abs().max().item<float>();
                    QVERIFY2(diff <= 1e-5f * std::max(1.0f, theirs.abs().max().item<float>()),
                             qPrintable(QStringLiteral("fft %1 hop %2 frames %3: %4").arg(fft).arg(hop).arg(frames).arg(diff)));
                }
            }
        }
    }

    void vaeShapesAndExactLengths_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("spectral (tiny)") << QStringLiteral("spectral");
        QTest::newRow("spectral, reconstructed phase (tiny-pitched)") << QStringLiteral("tiny-pitched");
        QTest::newRow("waveform") << QStringLiteral("waveform");
    }

    void vaeShapesAndExactLengths()
    {
        QFETCH(QString, kind);
        torch::manual_seed(2);
        torch::NoGradGuard guard;
        const VaeConfig v = kind == QLatin1String("spectral")       ? builtinModelConfig("tiny").vae
                            : kind == QLatin1String("tiny-pitched") ? builtinModelConfig("tiny-pitched").vae
                                                                    : waveformVae();
        QCOMPARE(QString::fromStdString(v.kind), kind == QLatin1String("tiny-pitched") ? QStringLiteral("spectral") : kind);
        QCOMPARE(v.reconstructsPhase(), kind == QLatin1String("tiny-pitched"));
        const int64_t hop = v.hopLength();
        AudioVae vae(v, 2);
        vae->eval();
        qInfo("%s VAE: codec %lld params, structure heads %lld params", v.kind.c_str(),
              qint64(vae->codecParameterCount()), qint64(vae->headParameterCount()));
        // Small enough to train on two CPU cores (the 2048-point codec's input and output layers alone map 2 x 1025
        // bins to and from 192 channels).
        QVERIFY(vae->codecParameterCount() <= 8'000'000);
        for (int64_t length : {int64_t(1), hop - 1, hop + 1, int64_t(5001), int64_t(44103)}) {
            const auto audio = torch::randn({2, 2, length}) * 0.3;
            const auto enc = vae->encode(audio);
            const int64_t frames = (length + hop - 1) / hop;
            QCOMPARE(enc.mean.sizes().vec(), (std::vector<int64_t>{2, v.latentChannels, frames}));
            QCOMPARE(enc.logVar.sizes(), enc.mean.sizes());
            QCOMPARE(enc.length, length);
            QVERIFY(torch::equal(enc.latent, enc.mean));  // bitwise: without sampling the latent *is* the mean
            const auto decoded = vae->decode(enc.latent, enc.length);
            QCOMPARE(decoded.sizes().vec(), (std::vector<int64_t>{2, 2, length}));
            QCOMPARE(decoded.scalar_type(), torch::kFloat32);
            QVERIFY(torch::isfinite(decoded).all().item<bool>());
        }
        // Reparameterised sampling follows the generator.
        const auto audio = torch::randn({1, 2, 2 * hop});
        auto g1 = at::make_generator<at::CPUGeneratorImpl>(11);
        auto g2 = at::make_generator<at::CPUGeneratorImpl>(11);
        const auto a = vae->encode(audio, true, g1);
        const auto b = vae->encode(audio, true, g2);
        QVERIFY(torch::equal(a.latent, b.latent));  // bitwise: the same computation, shapes and seed, repeated
        QVERIFY(!torch::equal(a.latent, a.mean));
        QVERIFY_THROWS_EXCEPTION(c10::Error, vae->decode(a.latent, 3 * hop));
        if (v.reconstructsPhase()) {
            // What its training loss compares: log-magnitudes on the grid spectralMagnitude() analyses.
            const auto logMagnitude = vae->decodeLogMagnitude(a.latent);
            const auto reference = vae->spectralMagnitude(audio);
            QCOMPARE(logMagnitude.sizes().vec(), (std::vector<int64_t>{1, 2, v.fftBins(), 2 * hop / v.fftHop}));
            QCOMPARE(reference.sizes(), logMagnitude.sizes());
            if (vae->hasHarmonicHead()) {
                // The parts a tonal-stem loss reads apart add up to what decodeLogMagnitude gives.
                const auto parts = vae->decodeHarmonicParts(a.latent);
                QCOMPARE(parts.harmonic.sizes(), logMagnitude.sizes());
                QVERIFY(torch::allclose(torch::log(parts.harmonic + parts.noise + 1e-7), logMagnitude, 1e-4, 1e-5));
            } else {
                QVERIFY_THROWS_EXCEPTION(c10::Error, vae->decodeHarmonicParts(a.latent));
            }
        } else if (v.spectral()) {
            QVERIFY_THROWS_EXCEPTION(c10::Error, vae->decodeLogMagnitude(a.latent));
        }

        const auto heads = vae->predictStructure(a.latent);
        QCOMPARE(heads.melody.sizes().vec(), (std::vector<int64_t>{1, v.melodyClasses, 2}));
        QCOMPARE(heads.chroma.sizes().vec(), (std::vector<int64_t>{1, v.chromaBins, 2}));
        QCOMPARE(heads.onset.sizes().vec(), (std::vector<int64_t>{1, v.onsetChannels, 2}));
        QCOMPARE(heads.bass.sizes().vec(), (std::vector<int64_t>{1, v.bassClasses, 2}));
        QCOMPARE(heads.chord.sizes().vec(), (std::vector<int64_t>{1, v.chordClasses, 2}));

        // Speed hint (not asserted: the bench measures it): decode 5 s of one stem.
        const auto latent = torch::randn({1, v.latentChannels, (5 * 44100 + hop - 1) / hop});
        QElapsedTimer timer;
        timer.start();
        vae->decode(latent, 5 * 44100);
        qInfo("%s VAE decode of 5 s (one stem): %lld ms", v.kind.c_str(), qint64(timer.elapsed()));
    }

    void ditForwardWithStructureAndDrops()
    {
        torch::manual_seed(3);
        torch::NoGradGuard guard;
        const auto cfg = builtinModelConfig("tiny");
        BuiltinTextEncoder text(cfg.caption);
        StructureDit dit(cfg);
        dit->eval();
        const int64_t n = 40, ch = cfg.ditLatentChannels();
        const auto xt = torch::randn({2, ch, n});
        const auto context = torch::randn({2, ch, n});
        auto keep = torch::ones({2, 1, n});
        keep.narrow(2, 10, 20).zero_();

        DitConditioning cond;
        cond.globalCaption = text.encode({"upbeat funk, slap bass, 110 bpm", "dreamy ambient pads"});
        // Item 0: intro / verse / chorus; item 1: one long verse then an outro, captions in another order.
        cond.structure = makeStructureFrames({{{0, 8, 0}, {8, 24, 1}, {24, 40, 3}}, {{0, 30, 1}, {30, 40, 9}}}, n);
        const auto sectionText = text.encode({"sparse intro", "tight groove verse", "big chorus", "", "breakdown",
                                              "verse with piano", "quiet outro"});
        cond.sectionCaptions = torch::stack({sectionText.pooled.narrow(0, 0, 3),
                                             torch::cat({sectionText.pooled.narrow(0, 5, 2),
                                                         sectionText.pooled.narrow(0, 4, 1)})});
        QCOMPARE(cond.structure.labels[0][9].item<int64_t>(), int64_t(1));
        QVERIFY(qAbs(cond.structure.position[1][0].item<float>() - 0.5f / 30.f) < 1e-6f);
        QCOMPARE(cond.structure.sectionIndex[1][35].item<int64_t>(), int64_t(1));
        // The clock: item 0 at 110 BPM in 4/4 from the song's start, item 1 at 72 BPM in 3/4 from 600 s in.
        QVERIFY(cfg.dit.beatGrid);
        const double frameSeconds = cfg.latentFrameSeconds();
        cond.structure.beatPhase = makeBeatPhases({{110.0, 4, 0.0}, {72.0, 3, 600.0}}, n, frameSeconds);
        QCOMPARE(cond.structure.beatPhase.sizes().vec(), (std::vector<int64_t>{2, n, 2}));
        for (int64_t f : {int64_t(0), int64_t(7), n - 1}) {
            const double beats0 = (double(f) + 0.5) * frameSeconds * 110.0 / 60.0;
            const double beats1 = (600.0 + (double(f) + 0.5) * frameSeconds) * 72.0 / 60.0;
            QVERIFY(qAbs(cond.structure.beatPhase[0][f][0].item<float>() - (beats0 - std::floor(beats0))) < 1e-5);
            QVERIFY(qAbs(cond.structure.beatPhase[0][f][1].item<float>() - (beats0 / 4 - std::floor(beats0 / 4))) < 1e-5);
            QVERIFY(qAbs(cond.structure.beatPhase[1][f][0].item<float>() - (beats1 - std::floor(beats1))) < 1e-5);
            QVERIFY(qAbs(cond.structure.beatPhase[1][f][1].item<float>() - (beats1 / 3 - std::floor(beats1 / 3))) < 1e-5);
        }

        const auto t = torch::tensor({0.3f, 0.8f});
        // adaLN-zero: a fresh model predicts exactly zero velocity.
        const auto fresh = dit->forward(xt, t, context, keep, cond);
        QCOMPARE(fresh.sizes(), xt.sizes());
        QVERIFY(torch::equal(fresh, torch::zeros_like(fresh)));  // bitwise: zero-initialised output weights give exact 0

        randomizeParameters(*dit, 4);
        const auto full = dit->forward(xt, t, context, keep, cond);
        QCOMPARE(full.sizes().vec(), (std::vector<int64_t>{2, ch, n}));
        QCOMPARE(full.scalar_type(), torch::kFloat32);
        QVERIFY(torch::isfinite(full).all().item<bool>());
        QVERIFY(full.abs().max().item<float>() > 1e-3f);

        auto run = [&](torch::Tensor useGlobal, torch::Tensor useSections) {
            DitConditioning c = cond;
            c.useGlobalCaption = useGlobal;
            c.useSectionCaptions = useSections;
            return dit->forward(xt, t, context, keep, c);
        };
        const auto yes = torch::tensor({true, true});
        const auto no = torch::tensor({false, false});
        const auto noGlobal = run(no, yes), noSections = run(yes, no), none = run(no, no);
        QVERIFY(torch::allclose(run(yes, yes), full));
        for (const auto& y : {noGlobal, noSections, none}) {
            QCOMPARE(y.sizes(), full.sizes());
            QVERIFY(torch::isfinite(y).all().item<bool>());
            QVERIFY((y - full).abs().max().item<float>() > 1e-4f);
        }
        QVERIFY((noGlobal - noSections).abs().max().item<float>() > 1e-4f);
        // Drops are per item: dropping item 0's captions leaves item 1 exactly as it was.
        const auto mixed = run(torch::tensor({false, true}), torch::tensor({false, true}));
        QVERIFY(torch::allclose(mixed[1], full[1], 1e-5, 1e-6));
        QVERIFY((mixed[0] - full[0]).abs().max().item<float>() > 1e-4f);
        // The section layout matters, and so does the keep-mask channel.
        DitConditioning other = cond;
        other.structure = makeStructureFrames({{{0, 40, 3}}, {{0, 30, 1}, {30, 40, 9}}}, n);
        other.structure.beatPhase = cond.structure.beatPhase;
        QVERIFY((dit->forward(xt, t, context, keep, other)[0] - full[0]).abs().max().item<float>() > 1e-4f);
        // So does the tempo, through the beat grid; and a beat-grid model refuses a structure without one.
        DitConditioning faster = cond;
        faster.structure.beatPhase = makeBeatPhases({{140.0, 4, 0.0}, {72.0, 3, 600.0}}, n, frameSeconds);
        const auto fasterOut = dit->forward(xt, t, context, keep, faster);
        QVERIFY((fasterOut[0] - full[0]).abs().max().item<float>() > 1e-4f);
        QVERIFY(torch::allclose(fasterOut[1], full[1], 1e-5, 1e-6));
        // The grid is dropped with the global caption: without it, the tempo is not heard.
        DitConditioning fasterNoGlobal = faster;
        fasterNoGlobal.useGlobalCaption = no;
        fasterNoGlobal.useSectionCaptions = yes;
        QVERIFY(torch::allclose(dit->forward(xt, t, context, keep, fasterNoGlobal), noGlobal, 1e-5, 1e-6));
        DitConditioning noGrid = cond;
        noGrid.structure.beatPhase = torch::Tensor();
        QVERIFY_THROWS_EXCEPTION(c10::Error, dit->forward(xt, t, context, keep, noGrid));
        QVERIFY((dit->forward(xt, t, context, torch::ones({2, 1, n}), cond) - full).abs().max().item<float>() > 1e-4f);
        // A per-group keep-mask is accepted too.
        QCOMPARE(dit->forward(xt, t, context, torch::ones({2, cfg.stemGroupCount(), n}), cond).sizes(), xt.sizes());
        // Bad inputs fail loudly.
        QVERIFY_THROWS_EXCEPTION(c10::Error, dit->forward(torch::randn({2, ch, cfg.dit.maxFrames + 1}), t,
                                                          torch::randn({2, ch, cfg.dit.maxFrames + 1}),
                                                          torch::ones({2, 1, cfg.dit.maxFrames + 1}), cond));
        DitConditioning withReference = cond;
        withReference.referenceLatent = torch::zeros({2, ch, n});
        QVERIFY_THROWS_EXCEPTION(c10::Error, dit->forward(xt, t, context, keep, withReference));

        // A sampler prepares the conditioning once and steps many times: at every t, the same velocity as the
        // whole forward (within float rounding: the input projection is summed in two parts).
        const DitPrepared prepared = dit->prepare(context, keep, cond);
        for (const float tv : {0.02f, 0.5f, 0.97f}) {
            const auto tt = torch::full({2}, tv);
            const auto whole = dit->forward(xt, tt, context, keep, cond);
            QVERIFY2(torch::allclose(dit->forward(xt, tt, prepared), whole, 1e-5, 1e-5),
                     qPrintable(QString::number(double((dit->forward(xt, tt, prepared) - whole).abs().max().item<float>()))));
        }
        QVERIFY_THROWS_EXCEPTION(c10::Error, dit->forward(torch::randn({2, ch, n + 1}), t, prepared));

        // The guidance adapter: every branch of two-scale guidance from one batched forward equals one forward per
        // branch (within float rounding: a batch of 3 and of 1 are other shapes), and it counts the forwards.
        DitConditioning first;
        first.globalCaption = {cond.globalCaption.tokens.narrow(0, 0, 1), cond.globalCaption.mask.narrow(0, 0, 1),
                               cond.globalCaption.pooled.narrow(0, 0, 1)};
        first.sectionCaptions = cond.sectionCaptions.narrow(0, 0, 1);
        first.structure = {cond.structure.labels.narrow(0, 0, 1), cond.structure.position.narrow(0, 0, 1),
                           cond.structure.sectionIndex.narrow(0, 0, 1), cond.structure.beatPhase.narrow(0, 0, 1)};
        const auto x1 = xt.narrow(0, 0, 1), context1 = context.narrow(0, 0, 1), keep1 = keep.narrow(0, 0, 1);
        GuidedDitVelocity batched(ditCalls(dit), first, context1, keep1, 3.0, 2.0, true);
        GuidedDitVelocity sequential(ditCalls(dit), first, context1, keep1, 3.0, 2.0, false);
        const auto branches = FlowSampler::guidanceBranches(3.0, 2.0);
        QCOMPARE(int(branches.size()), 3);
        for (const float tv : {0.3f, 0.7f}) {
            const auto tt = torch::full({1}, tv);
            for (const auto& b : branches) {
                const auto one = sequential(x1, tt, b.global, b.sections);
                const auto all = batched(x1, tt, b.global, b.sections);
                QVERIFY2(torch::allclose(all, one, 1e-5, 1e-5), qPrintable(QString::number(double((all - one).abs().max().item<float>()))));
                DitConditioning flags = first;
                flags.useGlobalCaption = torch::tensor({b.global});
                flags.useSectionCaptions = torch::tensor({b.sections});
                QVERIFY(torch::allclose(one, dit->forward(x1, tt, context1, keep1, flags), 1e-5, 1e-5));
            }
        }
        QCOMPARE(batched.forwards(), 2);
        QCOMPARE(sequential.forwards(), 6);
        // Outside its guidance interval the sampler asks for v(c, c_s) alone: one forward of batch 1 (not the
        // batch of every branch), the same velocity; inside, one batched forward serves every branch.
        std::vector<int64_t> batches;
        DitCalls counted = ditCalls(dit);
        counted.forward = [&batches, inner = counted.forward](const torch::Tensor& x, const torch::Tensor& tt,
                                                              const DitPrepared& p) {
            batches.push_back(x.size(0));
            return inner(x, tt, p);
        };
        GuidedDitVelocity limited(counted, first, context1, keep1, 3.0, 2.0, true, GuidanceInterval{0.5, 1.0});
        const auto early = torch::full({1}, 0.3f), late = torch::full({1}, 0.7f);
        QVERIFY(torch::allclose(limited(x1, early, true, true), sequential(x1, early, true, true), 1e-5, 1e-5));
        for (const auto& b : branches)
            QVERIFY(torch::allclose(limited(x1, late, b.global, b.sections), sequential(x1, late, b.global, b.sections), 1e-5, 1e-5));
        QCOMPARE(batches, (std::vector<int64_t>{1, 3}));

        const auto parts = conditionedDitParameterBreakdown(dit, text.module());
        qInfo("tiny DiT + conditioners: %lld params (DiT %lld)", qint64(parts.back().second),
              qint64(parameterCount(*dit)));
        QVERIFY(parameterCount(*dit) <= 10'000'000);
    }

    void paperConfigCounts402M()
    {
        torch::NoGradGuard guard;
        const auto cfg = builtinModelConfig("s2a-402m");
        StructureDit dit(cfg);
        CaptionEncoder captions(cfg.caption);
        const auto parts = conditionedDitParameterBreakdown(dit, captions);
        for (const auto& p : parts)
            qInfo("s2a-402m %-22s %12lld  (%.2f M)", p.first.c_str(), qint64(p.second), double(p.second) / 1e6);
        QCOMPARE(parts.back().first, std::string("total"));
        const double total = double(parts.back().second);
        QCOMPARE(int64_t(total), parameterCount(*dit) + parameterCount(*captions));
        QVERIFY2(qAbs(total - 402e6) <= 0.02 * 402e6, qPrintable(QString::number(total)));

        // One short forward at paper scale (a few frames), so the big config is known to run.
        BuiltinTextEncoder text(cfg.caption, captions);
        DitConditioning cond;
        cond.globalCaption = text.encode({"cinematic orchestral build"});
        cond.structure = makeStructureFrames({{{0, 6, 6}}}, 6);
        cond.structure.beatPhase = makeBeatPhases({{90.0, 4, 0.0}}, 6, cfg.latentFrameSeconds());
        cond.sectionCaptions = text.encode({"strings rising"}).pooled.unsqueeze(0);
        const int64_t ch = cfg.ditLatentChannels();
        const auto y = dit->forward(torch::randn({1, ch, 6}), torch::tensor({0.5f}), torch::zeros({1, ch, 6}),
                                    torch::zeros({1, 1, 6}), cond);
        QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{1, 64, 6}));
    }

    void blocksMatchPythonReference()
    {
        const QString script = QStringLiteral(S2A_NETWORK_REFERENCE_SCRIPT);
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch")});
        if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            S2A_SKIP_OR_FAIL_ON_CI("/usr/bin/python3 with torch (python3-torch) is not installed");

        torch::NoGradGuard guard;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QJsonObject manifest;

        // One DiT block: width 64, 4 heads, text width 48, a padded caption in item 1.
        DitBlock block(64, 4, 256, 48);
        randomizeParameters(*block, 5, 0.1);
        const auto x = torch::randn({2, 10, 64});
        const auto c = torch::randn({2, 64});
        const auto textTokens = torch::randn({2, 5, 48});
        auto textMask = torch::ones({2, 5}, torch::kBool);
        textMask[1].narrow(0, 3, 2).fill_(false);
        writeModule(dir.path(), "dit.", *block, manifest);
        QVERIFY(writeTensor(dir.path(), "dit_in.x", x, manifest));
        QVERIFY(writeTensor(dir.path(), "dit_in.c", c, manifest));
        QVERIFY(writeTensor(dir.path(), "dit_in.text", textTokens, manifest));
        QVERIFY(writeTensor(dir.path(), "dit_in.mask", textMask, manifest));
        const auto ditOut = block->forward(x, c, textTokens, textMask, rotaryTables(10, 16, x.options()));

        // VAE blocks: an encoder block (stride 4) and a decoder block with an odd stride (3).
        const std::vector<int> dilations{1, 3, 9};
        VaeEncoderBlock enc(8, 16, 4, dilations);
        VaeDecoderBlock dec(16, 8, 3, dilations);
        randomizeParameters(*enc, 6, 0.2);
        randomizeParameters(*dec, 7, 0.2);
        const auto audio = torch::randn({2, 8, 64});
        const auto latent = torch::randn({2, 16, 12});
        writeModule(dir.path(), "enc.", *enc, manifest);
        writeModule(dir.path(), "dec.", *dec, manifest);
        QVERIFY(writeTensor(dir.path(), "enc_in", audio, manifest));
        QVERIFY(writeTensor(dir.path(), "dec_in", latent, manifest));
        const auto encOut = enc->forward(audio);
        const auto decOut = dec->forward(latent);
        QCOMPARE(encOut.sizes().vec(), (std::vector<int64_t>{2, 16, 16}));
        QCOMPARE(decOut.sizes().vec(), (std::vector<int64_t>{2, 8, 36}));

        QFile mf(dir.path() + "/manifest.json");
        QVERIFY(mf.open(QIODevice::WriteOnly));
        mf.write(QJsonDocument(manifest).toJson());
        mf.close();

        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"), {script, dir.path()});
        QVERIFY(py.waitForFinished(120000));
        const QByteArray log = py.readAllStandardOutput() + py.readAllStandardError();
        QVERIFY2(py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0, log.constData());

        auto compare = [&](const char* name, const torch::Tensor& mine) {
            const auto ref = readTensor(dir.path() + "/" + name + ".bin", mine.sizes());
            QVERIFY2(ref.defined(), name);
            const float diff = (ref - mine).abs().max().item<float>();
            qInfo("%s: max |C++ - Python| = %.3g (output max %.3g)", name, double(diff),
                  double(mine.abs().max().item<float>()));
            QVERIFY2(diff <= 1e-4f, name);
        };
        compare("dit_out", ditOut);
        compare("enc_out", encOut);
        compare("dec_out", decOut);
    }
};

QTEST_GUILESS_MAIN(ModelNetworkTest)
#include "tst_model_network.moc"
