// Phase reconstruction (inference/model/PhaseReconstruction.h) on signals with a known spectrum: from the STFT
// magnitudes alone it must give back audio whose own STFT matches them (log-spectral distance a few dB, where a
// random phase leaves tens), with every partial at its frequency, for a steady chord and for a bass line that
// changes note (its cost is bench_model's to measure).
#include "inference/model/AudioVae.h"
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

class PhaseReconstructionTest : public QObject {
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
};

QTEST_GUILESS_MAIN(PhaseReconstructionTest)
#include "tst_phase_reconstruction.moc"
