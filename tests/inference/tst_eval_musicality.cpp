// The evaluation's musicality figures on signals whose answer is known: log-spectral distance (0 for a copy,
// 6.02 dB for a copy at half level), pitchedness (a chord near 1, noise near 0, also noise band-passed and
// shaped like notes), chroma agreement (1 for a copy, low for another chord), the key check (same key and
// relative key hit, others miss; an arranger render in a known key is heard in it) and the bootstrap interval
// of a Fréchet distance.
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/evaluation/Adherence.h"
#include "inference/evaluation/FdBootstrap.h"
#include "inference/evaluation/FrechetDistance.h"
#include "inference/evaluation/SpectralMetrics.h"
#include "inference/evaluation/TonalMetrics.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::evaluation;

namespace {

constexpr int kRate = 44100;

// Sawtooth-like notes (8 partials) of the given MIDI pitches, all sounding for the whole clip.
std::vector<float> chord(const std::vector<int>& pitches, double seconds)
{
    std::vector<float> x(size_t(seconds * kRate), 0.0f);
    for (int p : pitches) {
        const double f0 = 440.0 * std::pow(2.0, (p - 69) / 12.0);
        for (int h = 1; h <= 8; ++h)
            for (size_t i = 0; i < x.size(); ++i)
                x[i] += float(0.05 / h * std::sin(2.0 * M_PI * f0 * h * double(i) / kRate));
    }
    return x;
}

// White noise through a resonant two-pole band-pass at `centre` Hz, gated on and off every `period` seconds:
// "noise shaped like notes".
std::vector<float> notelikeNoise(double centre, double seconds, double period, quint32 seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 0.1f);
    const double r = 0.995, w = 2.0 * M_PI * centre / kRate;
    const double a1 = 2.0 * r * std::cos(w), a2 = -r * r;
    std::vector<float> y(size_t(seconds * kRate), 0.0f);
    double y1 = 0.0, y2 = 0.0;
    for (size_t i = 0; i < y.size(); ++i) {
        const double v = normal(rng) + a1 * y1 + a2 * y2;
        y2 = y1;
        y1 = v;
        const bool on = std::fmod(double(i) / kRate, period) < 0.6 * period;
        y[i] = float(on ? 0.01 * v : 0.0);
    }
    return y;
}

}  // namespace

class EvalMusicalityTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void logSpectralDistanceOfKnownChanges()
    {
        const std::vector<float> x = chord({45, 57, 64}, 2.0);
        QCOMPARE(logSpectralDistanceDb(x, x), 0.0);
        std::vector<float> half = x;
        for (float& v : half)
            v *= 0.5f;
        QVERIFY(std::abs(logSpectralDistanceDb(x, half) - 20.0 * std::log10(2.0)) < 1e-3);
        // A different chord misses most of the partials: tens of dB.
        QVERIFY(logSpectralDistanceDb(x, chord({46, 58, 65}, 2.0)) > 15.0);
        QVERIFY(std::isnan(logSpectralDistanceDb(std::vector<float>(kRate, 0.0f), x)));
    }

    void pitchednessSeparatesNotesFromNoise()
    {
        const double notes = pitchedness(chord({40, 52, 59, 64}, 3.0), kRate);
        std::mt19937 rng(3);
        std::normal_distribution<float> normal(0.0f, 0.05f);
        std::vector<float> white(size_t(3 * kRate));
        for (float& v : white)
            v = normal(rng);
        const double noise = pitchedness(white, kRate);
        const double shaped = pitchedness(notelikeNoise(220.0, 3.0, 0.5, 5), kRate);
        qInfo("pitchedness: chord %.3f, white noise %.3f, band-passed gated noise %.3f", notes, noise, shaped);
        QVERIFY(notes > 0.9);
        QVERIFY(noise < 0.02);
        QVERIFY(shaped < 0.3);
        QVERIFY(std::isnan(pitchedness(std::vector<float>(kRate, 0.0f), kRate)));
    }

    void chromaAgreementOfCopiesAndOtherChords()
    {
        const double tempo = 120.0;
        const ClipAnalysis c = analyseClip(chord({48, 52, 55}, 4.0), kRate);        // C major
        const ClipAnalysis same = analyseClip(chord({48, 52, 55}, 4.0), kRate);
        const ClipAnalysis other = analyseClip(chord({49, 54, 58}, 4.0), kRate);    // C#/Db: no shared class
        QVERIFY(chromaAgreement(c, same, tempo) > 0.999);
        const double different = chromaAgreement(c, other, tempo);
        qInfo("chroma agreement of C major with C# major: %.3f", different);
        QVERIFY(different < 0.5);
        QCOMPARE(beatGrid(2.0, 120.0), (std::vector<double>{0.0, 0.5, 1.0, 1.5}));
    }

    void keyCheckAcceptsTheKeyAndItsRelative()
    {
        const auto asked = askedKey(QStringLiteral("slow metal with bass, in G minor"));
        QVERIFY(asked);
        QCOMPARE(asked->tonic, 7);
        QVERIFY(asked->minor);
        QVERIFY(!askedKey(QStringLiteral("rock with strings")));
        QVERIFY(keyMatches(*asked, {7, true}));
        QVERIFY(keyMatches(*asked, {10, false}));   // Bb major, the relative
        QVERIFY(!keyMatches(*asked, {7, false}));   // G major, the parallel
        QVERIFY(!keyMatches(*asked, {2, true}));    // D minor, the dominant's
        QVERIFY(keyMatches({0, false}, {9, true})); // C major / A minor
        QCOMPARE(keyText({10, false}), QStringLiteral("Bb major"));
    }

    void arrangerRenderIsHeardInItsKey()
    {
        GenerationRequest request;
        request.caption = QStringLiteral("soft piano ballad with strings, in E minor");
        request.tempo = 90.0;
        request.seed = 4;
        request.sections = arranger::SongPlanner::barSections({{core::SectionLabel::Verse, 8}}, 90.0, request.sampleRate);
        arranger::ArrangerEngine engine;
        SimpleJobControl job;
        auto result = engine.generate(request, job);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        const std::vector<float> pitched = monoMix(result.value().stems, [](int group) { return group != 0; });
        const auto heard = estimatedKey(analyseClip(pitched, request.sampleRate), 90.0);
        QVERIFY(heard);
        qInfo("asked E minor, heard %s; pitchedness %.3f", qPrintable(keyText(*heard)),
              pitchedness(pitched, request.sampleRate));
        QVERIFY(keyMatches(*askedKey(request.caption), *heard));
        QVERIFY(pitchedness(pitched, request.sampleRate) > 0.5);
    }

    void bootstrapIntervalBracketsTheSpread()
    {
        std::mt19937 rng(11);
        std::normal_distribution<double> normal;
        Embeddings a, b, c;
        for (int i = 0; i < 60; ++i) {
            a.push_back({normal(rng), normal(rng), normal(rng)});
            b.push_back({normal(rng) + 1.0, normal(rng), normal(rng)});
            c.push_back({normal(rng) + 3.0, normal(rng), normal(rng)});
        }
        const double fd = frechetDistance(fitGaussian(b), fitGaussian(a));
        const FdInterval interval = bootstrapFd(b, a);
        qInfo("FD %.3f, bootstrap 95 %% [%.3f, %.3f], se %.3f", fd, interval.low, interval.high, interval.standardError);
        QVERIFY(interval.low < fd && fd < interval.high);
        QVERIFY(interval.standardError > 0.0 && interval.standardError < fd);
        // c is 3 units off, b 1: c's FD is larger by about 8, far more than two standard errors.
        const FdDifference d = bootstrapFdDifference(b, c, a);
        QVERIFY(d.mean > 5.0);
        QVERIFY(d.mean > 2.0 * d.standardError);
        QVERIFY(std::isnan(bootstrapFd({{1.0}}, {{2.0}}).low));
    }
};

QTEST_GUILESS_MAIN(EvalMusicalityTest)
#include "tst_eval_musicality.moc"
