// The fixed parts of the reconstructed-phase spectral codec, on signals with a known spectrum:
// - phase reconstruction (inference/model/PhaseReconstruction.h): from the STFT magnitudes alone it must give back
//   audio whose own STFT matches them (log-spectral distance a few dB, where a random phase leaves ten), with every
//   partial at its frequency, for a steady chord and for a bass line that changes note; deterministic, noise bins
//   included (its cost is bench_model's to measure);
// - the harmonic head (inference/model/HarmonicHead.h): a template has its partials at the pitch's harmonics, a
//   tone's salience peaks at its own pitch, and activations, envelope and noise combine as the header says.
#include "inference/model/AudioVae.h"
#include "inference/model/HarmonicHead.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/PhaseReconstruction.h"

#include <QtTest>

#include <torch/torch.h>

#include <cmath>

using namespace s2a::model;

namespace {

constexpr int64_t kFft = 2048, kHop = 512, kRate = 44100;

torch::Tensor magnitudes(const torch::Tensor& audio)  // [B, T] -> [B, bins, T / hop]
{
    const int64_t frames = audio.size(1) / kHop;
    return torch::stft(audio, kFft, kHop, kFft, torch::hann_window(kFft), true, "reflect", false, true, true)
        .narrow(-1, 0, frames).abs();
}

// dB RMS over bins within 60 dB of the reference's loudest, as the evaluation measures a codec.
double logSpectralDistance(const torch::Tensor& reference, const torch::Tensor& estimate)
{
    const auto r = 20.0 * torch::log10(reference + 1e-9), e = 20.0 * torch::log10(estimate + 1e-9);
    const auto mask = r > r.max() - 60.0;
    return (r - e).masked_select(mask).pow(2).mean().sqrt().item<double>();
}

// Notes with 10 decaying partials: one MIDI pitch per `noteSeconds`, cycling through `pitches`.
torch::Tensor notes(const std::vector<int>& pitches, double noteSeconds, double seconds, bool together)
{
    const int64_t n = int64_t(seconds * kRate);
    const auto t = torch::arange(n, torch::kDouble) / double(kRate);
    auto x = torch::zeros({n}, torch::kDouble);
    for (size_t i = 0; i < pitches.size(); ++i) {
        const double f0 = 440.0 * std::pow(2.0, (pitches[i] - 69) / 12.0);
        auto tone = torch::zeros({n}, torch::kDouble);
        for (int h = 1; h <= 10; ++h)
            tone += torch::sin(2.0 * M_PI * f0 * h * t + 0.7 * h) * (0.1 / h);
        if (!together) {
            const auto slot = (t / noteSeconds).floor().remainder(double(pitches.size()));
            tone *= slot.eq(double(i)).to(torch::kDouble);
        }
        x += tone;
    }
    return x.to(torch::kFloat).unsqueeze(0);
}

double reconstructedDistance(const torch::Tensor& audio, int iterations, bool randomPhase = false)
{
    const auto m = magnitudes(audio);
    const auto spec = randomPhase ? torch::polar(m, torch::rand_like(m) * 2.0 * M_PI)
                                  : reconstructPhase(m, kFft, kHop, iterations);
    const auto back = inverseStft(spec, kFft, kHop, torch::hann_window(kFft), audio.size(1));
    return logSpectralDistance(m, magnitudes(back));
}

}  // namespace

class SpectralCodecTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chordComesBackConsistent()
    {
        torch::manual_seed(1);
        const auto audio = notes({45, 52, 57, 61}, 0.0, 3.0, true);  // A major, bass A2
        const double random = reconstructedDistance(audio, 0, true);
        const double locked = reconstructedDistance(audio, 0);
        const double refined = reconstructedDistance(audio, 4);
        qInfo("chord: log-spectral distance random phase %.2f dB, phase-locked %.2f dB, + 4 Griffin-Lim %.2f dB",
              random, locked, refined);
        QVERIFY(random > 8.0);
        const auto m = magnitudes(audio);
        QVERIFY(torch::allclose(reconstructPhase(m, kFft, kHop, 4).abs(), m, 1e-3, 1e-4));  // magnitudes kept
        QVERIFY(locked < 0.5 * random);
        QVERIFY(refined < 4.0);
    }

    void bassLineKeepsItsNotes()
    {
        torch::manual_seed(2);
        const auto audio = notes({33, 36, 40, 38}, 0.5, 4.0, false);  // A1 C2 E2 D2, half a second each
        const double random = reconstructedDistance(audio, 0, true);
        const double refined = reconstructedDistance(audio, 4);
        qInfo("bass line: log-spectral distance random phase %.2f dB, reconstructed %.2f dB", random, refined);
        QVERIFY(refined < 0.5 * random);
        QVERIFY(refined < 6.0);
        // Every note's low partials are where they were: the spectrum up to ~250 Hz in the middle of each half
        // second has the same shape (A1 at 55 Hz falls between bins 2 and 3, so the loudest bin may swap
        // between those two; the shape may not change).
        const auto m = magnitudes(audio);
        const auto back = inverseStft(reconstructPhase(m, kFft, kHop, 4), kFft, kHop, torch::hann_window(kFft), audio.size(1));
        const auto again = magnitudes(back);
        for (int note = 0; note < 8; ++note) {
            const int64_t frame = int64_t((note * 0.5 + 0.25) * kRate / kHop);
            const auto low = again.select(2, frame).narrow(1, 0, 12);   // up to ~250 Hz
            const auto want = m.select(2, frame).narrow(1, 0, 12);
            const double cosine = (low * want).sum().item<double>() / (low.norm() * want.norm()).item<double>();
            QVERIFY2(cosine > 0.95, qPrintable(QStringLiteral("note %1: %2").arg(note).arg(cosine)));
            QVERIFY(std::abs(low.argmax().item<int64_t>() - want.argmax().item<int64_t>()) <= 1);
        }
    }

    void noiseBinsStartRandomAndStayDeterministic()
    {
        torch::manual_seed(4);
        // Band-limited noise: its magnitudes have no partials, so a phase locked to its chance peaks would ring.
        const auto audio = torch::randn({1, 3 * kRate}) * 0.05;
        const auto m = magnitudes(audio);
        const auto share = torch::ones_like(m);
        const auto a = reconstructPhase(m, kFft, kHop, 2, share), b = reconstructPhase(m, kFft, kHop, 2, share);
        QVERIFY(torch::equal(a, b));  // bitwise: the same computation repeated (no hidden random state)
        const auto back = inverseStft(a, kFft, kHop, torch::hann_window(kFft), audio.size(1));
        const double noisy = logSpectralDistance(m, magnitudes(back));
        const auto locked = inverseStft(reconstructPhase(m, kFft, kHop, 2), kFft, kHop, torch::hann_window(kFft), audio.size(1));
        qInfo("white noise: log-spectral distance %.2f dB from a random start, %.2f dB from a locked one", noisy,
              logSpectralDistance(m, magnitudes(locked)));
        QVERIFY(noisy < 8.0);
    }

    void harmonicTemplatesAndSalience()
    {
        const ModelConfig config = builtinModelConfig("tiny-pitched");
        QVERIFY(config.vae.harmonicHead());
        const HarmonicHead head(config.vae, config.sampleRate);
        const auto& t = head.templates();
        QCOMPARE(t.sizes().vec(), (std::vector<int64_t>{config.vae.pitches, config.vae.fftBins()}));
        // A3 (MIDI 57, 220 Hz): partials at 220, 440, 660 Hz = bins 10.2, 20.4, 30.7 of 21.5 Hz; nothing at 110 Hz.
        const auto a3 = t[57 - config.vae.lowestPitch];
        for (int64_t bin : {10, 20, 31})
            QVERIFY2(a3[bin].item<float>() > 0.5f, qPrintable(QString::number(bin)));
        QVERIFY(a3[5].item<float>() < 0.01f);
        QVERIFY(a3.max().item<float>() <= 1.0f + 1e-6f);
        // A tone's salience is highest at its own pitch (its octave below shares every partial, so it comes close).
        const auto tone = notes({50}, 0.0, 1.0, true);  // D3
        const auto salience = head.salience(magnitudes(tone).unsqueeze(1));  // [1, 1, pitches, F]
        const auto mean = salience.mean(-1).flatten();
        QCOMPARE(mean.argmax().item<int64_t>() + config.vae.lowestPitch, int64_t(50));
        // Magnitudes: one activation lights its template under the envelope; the noise part adds its own.
        const int64_t perChannel = head.channelsPerAudioChannel(), pitches = config.vae.pitches;
        auto out = torch::full({1, perChannel, 3}, -30.0);     // activations ~0, envelope e^-30, noise e^-30
        out.narrow(1, pitches, config.vae.envelopeBands).fill_(0.0);  // flat envelope, gain 1
        out[0][57 - config.vae.lowestPitch].fill_(5.0);         // A3 on, softplus(5) = 5.007
        const HarmonicParts parts = head.magnitudes(out, 1);
        QCOMPARE(parts.harmonic.sizes().vec(), (std::vector<int64_t>{1, 1, config.vae.fftBins(), 3}));
        const auto frame = parts.harmonic[0][0].select(1, 1);
        QVERIFY(std::abs(frame[20].item<float>() - 5.007f * a3[20].item<float>()) < 1e-2f);
        QVERIFY(parts.noise.max().item<float>() < 1e-12f);

        // The sparsity term: one note in a frame reads 1/sqrt(pitches), a flat comb 1, a silent frame does not count.
        QCOMPARE(parts.activation.sizes().vec(), (std::vector<int64_t>{1, 1, 3, pitches}));
        const double one = 1.0 / std::sqrt(double(pitches));
        QVERIFY(std::abs(HarmonicHead::spread(parts.activation).item<double>() - one) < 1e-3);
        auto comb = torch::ones({2, pitches});
        QVERIFY(std::abs(HarmonicHead::spread(comb).item<double>() - 1.0) < 1e-6);
        comb[1].fill_(1e-9);  // a silent frame beside one note: still one note
        comb[0].zero_();
        comb[0][10] = 1.0f;
        QVERIFY(std::abs(HarmonicHead::spread(comb).item<double>() - one) < 1e-3);
        comb[0][20] = 1.0f;  // two equal notes: sqrt(2 / pitches)
        QVERIFY(std::abs(HarmonicHead::spread(comb).item<double>() - std::sqrt(2.0) * one) < 1e-3);
    }
};

QTEST_GUILESS_MAIN(SpectralCodecTest)
#include "tst_spectral_codec.moc"
