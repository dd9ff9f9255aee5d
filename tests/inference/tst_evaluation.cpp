// The evaluation harness: its maths on inputs with known answers (Fréchet distance, matrix square root) and its
// metrics on arranger renders whose tempo and instruments are known and on synthetic seams. Real runs of the
// s2a-eval binary are in tst_eval_binary.
#include "core/audio/AudioFileReader.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/evaluation/Adherence.h"
#include "inference/evaluation/EvalFeatures.h"
#include "inference/evaluation/FrechetDistance.h"
#include "inference/evaluation/HeldOut.h"
#include "inference/evaluation/PairedDistance.h"
#include "inference/evaluation/SeamMetric.h"
#include "inference/evaluation/TonalMetrics.h"
#include "inference/arranger/MusicTheory.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::evaluation;
using L = core::SectionLabel;

namespace {

// `n` samples of x = mean + A z with z standard normal, so the covariance is A A^T.
std::vector<std::vector<double>> gaussianSamples(int n, const std::vector<double>& mean, const Matrix& a, quint32 seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> normal;
    const int d = int(mean.size());
    std::vector<std::vector<double>> out;
    for (int s = 0; s < n; ++s) {
        std::vector<double> z(static_cast<size_t>(d));
        std::vector<double> x = mean;
        for (double& v : z)
            v = normal(rng);
        for (int r = 0; r < d; ++r)
            for (int c = 0; c < d; ++c)
                x[size_t(r)] += a.at(r, c) * z[size_t(c)];
        out.push_back(x);
    }
    return out;
}

Matrix mixingMatrix(int d)
{
    Matrix a(d);
    for (int r = 0; r < d; ++r)
        for (int c = 0; c < d; ++c)
            a.at(r, c) = r == c ? 1.0 + 0.2 * r : 0.3 * std::sin(1.0 + r * 7 + c * 3);
    return a;
}

double maxAbsDiff(const Matrix& x, const Matrix& y)
{
    double m = 0.0;
    for (size_t i = 0; i < x.a.size(); ++i)
        m = std::max(m, std::abs(x.a[i] - y.a[i]));
    return m;
}

struct Rendered {
    GenerationRequest request;
    GenerationResult result;
};

Rendered renderArranger(const QString& caption, double tempo, const QVector<QPair<L, int>>& bars, quint64 seed)
{
    Rendered r;
    r.request.caption = caption;
    r.request.tempo = tempo;
    r.request.seed = seed;
    r.request.sections = arranger::SongPlanner::barSections(bars, tempo, r.request.sampleRate);
    arranger::ArrangerEngine engine;
    SimpleJobControl job;
    auto result = engine.generate(r.request, job);
    if (!result)
        qFatal("arranger failed: %s", qPrintable(result.errorMessage()));
    r.result = result.value();
    return r;
}

int groupIndex(const char* name)
{
    const auto& g = evalStemGroups();
    return int(std::find(g.begin(), g.end(), std::string(name)) - g.begin());
}

std::vector<float> toneWithNoise(double seconds, quint32 seed)
{
    const int rate = 44100;
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.01f);
    std::vector<float> x(size_t(seconds * rate));
    for (size_t i = 0; i < x.size(); ++i)
        x[i] = 0.3f * float(std::sin(2.0 * M_PI * 220.0 * double(i) / rate)) + noise(rng);
    return x;
}

}  // namespace

class EvaluationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sqrtOfKnownSpdMatrices()
    {
        Matrix m(2);
        m.at(0, 0) = m.at(1, 1) = 5.0;
        m.at(0, 1) = m.at(1, 0) = 4.0;  // = [[2,1],[1,2]]^2
        const Matrix root = sqrtPsd(m);
        QVERIFY(std::abs(root.at(0, 0) - 2.0) < 1e-12 && std::abs(root.at(1, 1) - 2.0) < 1e-12);
        QVERIFY(std::abs(root.at(0, 1) - 1.0) < 1e-12 && std::abs(root.at(1, 0) - 1.0) < 1e-12);

        // A 40-dimensional SPD R: sqrt(R R) must give R back, and the eigenvectors must be orthonormal.
        const int d = 40;
        Matrix a = mixingMatrix(d), r(d);
        for (int i = 0; i < d; ++i)
            for (int j = 0; j < d; ++j)
                for (int k = 0; k < d; ++k)
                    r.at(i, j) += a.at(i, k) * a.at(j, k);  // A A^T: SPD
        QVERIFY(maxAbsDiff(sqrtPsd(multiply(r, r)), r) < 1e-8);
        const EigenDecomposition e = symmetricEigen(r);
        Matrix vtv(d);
        for (int i = 0; i < d; ++i)
            for (int j = 0; j < d; ++j)
                for (int k = 0; k < d; ++k)
                    vtv.at(i, j) += e.vectors.at(k, i) * e.vectors.at(k, j);
        QVERIFY(maxAbsDiff(vtv, Matrix::identity(d)) < 1e-10);
        for (size_t k = 1; k < e.values.size(); ++k)
            QVERIFY(e.values[k - 1] <= e.values[k]);
        QVERIFY(e.values.front() > 0.0);
    }

    // The paired measure of caption adherence: each clip against its own song, in units of the held-out spread.
    void ownSongDistanceIsPaired()
    {
        std::mt19937 rng(5);
        std::normal_distribution<double> unit(0.0, 1.0);
        Embeddings real(40, std::vector<double>(3));
        for (auto& e : real) {
            e[0] = unit(rng);
            e[1] = 100.0 * unit(rng);  // another unit: scaled away
            e[2] = 7.0;                // constant: left out
        }
        const std::vector<double> same = pairedDistances(real, real);
        QCOMPARE(same.size(), real.size());
        for (double d : same)
            QCOMPARE(d, 0.0);
        // Each clip one held-out standard deviation off in the scaled dimension: a distance of about 1, whatever
        // that dimension's units; the constant dimension's offset is not counted.
        Embeddings near = real;
        for (auto& e : near) {
            e[1] += 100.0;
            e[2] += 5.0;
        }
        const FdDifference nearMean = meanWithError(pairedDistances(near, real));
        QVERIFY(std::abs(nearMean.mean - 1.0) < 0.2);
        // The same clips paired with the wrong songs (the set unchanged, so its FD is too) are farther away, by
        // many standard errors.
        Embeddings rotated(real.begin() + 1, real.end());
        rotated.push_back(real.front());
        const auto firstTwo = [](Embeddings e) {
            for (auto& v : e)
                v.resize(2);
            return e;
        };
        QVERIFY(std::abs(frechetDistance(fitGaussian(firstTwo(rotated)), fitGaussian(firstTwo(real)))) < 1e-6);
        const FdDifference worse = pairedDifference(same, pairedDistances(rotated, real));
        QVERIFY(worse.mean > 1.0);
        QVERIFY(worse.mean > 4.0 * worse.standardError);
        // As ranks: each clip nearest its own song ranks 1, a clip one spread off still well above chance, and
        // paired with the wrong songs the rank of a clip's own song among the others is about chance.
        for (double r : ownSongRanks(real, real))
            QCOMPARE(r, 1.0);
        QVERIFY(meanWithError(ownSongRanks(near, real)).mean > 0.6);
        const FdDifference chance = meanWithError(ownSongRanks(rotated, real));
        QVERIFY2(std::abs(chance.mean - 0.5) < 0.15, qPrintable(QString::number(chance.mean)));
        QVERIFY(ownSongRanks(real, Embeddings(1, std::vector<double>(3))).empty());
        // Mean and standard error of known values: 1, 2, 3 -> 2 +- sqrt(1 / 3).
        const FdDifference known = meanWithError({1.0, 2.0, 3.0});
        QCOMPARE(known.mean, 2.0);
        QVERIFY(std::abs(known.standardError - std::sqrt(1.0 / 3.0)) < 1e-12);
        QVERIFY(std::isnan(meanWithError({1.0}).mean));
        QVERIFY(pairedDistances(real, Embeddings(1, std::vector<double>(3))).empty());
    }

    void frechetOfIdenticalSetsIsZero()
    {
        const auto set = gaussianSamples(300, std::vector<double>(12, 0.5), mixingMatrix(12), 1);
        QVERIFY(frechetDistance(fitGaussian(set), fitGaussian(set)) < 1e-8);
        // Fewer samples than dimensions (the usual case for small runs): still defined, still 0 against itself.
        const auto few = gaussianSamples(3, std::vector<double>(kEmbeddingDims, 0.0), mixingMatrix(kEmbeddingDims), 2);
        const double selfFew = frechetDistance(fitGaussian(few), fitGaussian(few));
        QVERIFY2(std::isfinite(selfFew) && selfFew < 1e-6, qPrintable(QString::number(selfFew)));
    }

    void frechetOfShiftedGaussiansIsTheSquaredShift()
    {
        const int d = 6;
        const std::vector<double> zero(d, 0.0), shift{1.0, -0.5, 0.25, 0.0, 2.0, -1.0};  // |shift|^2 = 6.3125
        const double expected = 6.3125;
        const Matrix a = mixingMatrix(d);
        // The same samples moved: the covariances are identical, only the mean term remains.
        auto base = gaussianSamples(500, zero, a, 3);
        auto moved = base;
        for (auto& x : moved)
            for (int i = 0; i < d; ++i)
                x[size_t(i)] += shift[size_t(i)];
        QVERIFY(std::abs(frechetDistance(fitGaussian(base), fitGaussian(moved)) - expected) < 1e-8);
        // Independent draws: sampling noise on mean and covariance, a few percent at 5000 samples.
        const double fd = frechetDistance(fitGaussian(gaussianSamples(5000, zero, a, 4)),
                                          fitGaussian(gaussianSamples(5000, shift, a, 5)));
        QVERIFY2(std::abs(fd - expected) < 0.25, qPrintable(QString::number(fd)));
        // Different spreads add their own term: N(0, I) vs N(0, 4I) in d dims is d (2 - 1)^2 = d.
        const double spread = frechetDistance(fitGaussian(gaussianSamples(5000, zero, Matrix::identity(d), 6)),
                                              fitGaussian(gaussianSamples(5000, zero, [&] {
                                                  Matrix two = Matrix::identity(d);
                                                  for (double& v : two.a)
                                                      v *= 2.0;
                                                  return two;
                                              }(), 7)));
        QVERIFY2(std::abs(spread - d) < 0.3, qPrintable(QString::number(spread)));
    }

    void tempoOfArrangerClipsIsFound()
    {
        for (double tempo : {96.0, 124.0}) {
            const Rendered r = renderArranger(QStringLiteral("funk with drums and slap bass"), tempo,
                                              {{L::Verse, 4}, {L::Chorus, 4}}, 11);
            const ClipAnalysis clip = analyseClip(monoMix(r.result.stems), r.request.sampleRate);
            const double estimated = estimateTempo(clip);
            QVERIFY2(tempoMatches(estimated, tempo), qPrintable(QStringLiteral("%1 for %2").arg(estimated).arg(tempo)));
            QVERIFY(!tempoMatches(estimated, tempo * 2.0));  // octave errors are misses
            QVERIFY(!tempoMatches(estimated, tempo / 2.0));
            const std::vector<double> e = clipEmbedding(clip);
            QCOMPARE(int(e.size()), kEmbeddingDims);
            for (double v : e)
                QVERIFY(std::isfinite(v));
        }
    }

    void instrumentPresenceOnArrangerStems()
    {
        const QString caption = QStringLiteral("upbeat rock with piano and slap bass");
        const Rendered r = renderArranger(caption, 118.0, {{L::Verse, 4}, {L::Chorus, 4}}, 21);
        const QVector<CaptionInstrument> named = namedInstruments(caption);
        QCOMPARE(named.size(), 2);
        QCOMPARE(named[0].group, groupIndex("harmonic"));  // piano: keys
        QCOMPARE(named[1].group, groupIndex("bass"));
        const std::vector<double> levels = groupLevelsDb(r.result.stems);
        for (const CaptionInstrument& n : named)
            QVERIFY2(groupPresent(levels, n.group), qPrintable(n.phrase));
        QVERIFY(groupPresent(levels, groupIndex("drums")));

        // The bass stem 40 dB down is more than 30 dB under the loudest group: absent. Removed: silent, absent.
        QVector<Stem> quiet = r.result.stems, without;
        for (Stem& s : quiet)
            if (s.role == core::TrackRole::Bass)
                for (auto& ch : s.audio.channels)
                    for (float& x : ch)
                        x *= 0.01f;
        for (const Stem& s : r.result.stems)
            if (s.role != core::TrackRole::Bass)
                without.append(s);
        QVERIFY(!groupPresent(groupLevelsDb(quiet), groupIndex("bass")));
        QVERIFY(!groupPresent(groupLevelsDb(without), groupIndex("bass")));
        QVERIFY(groupPresent(groupLevelsDb(without), groupIndex("harmonic")));

        // "no drums" is not a named instrument.
        QCOMPARE(namedInstruments(QStringLiteral("ambient, no drums")).size(), 0);

        // The arranger's chorus is fuller than its verse.
        const EnergyOrder order = energyOrder(monoMix(r.result.stems), r.request.sampleRate, r.request.sections);
        QVERIFY(order.applicable);
        QVERIFY2(order.chorusLouder, qPrintable(QStringLiteral("chorus %1 dB, verse %2 dB").arg(order.chorusDb).arg(order.verseDb)));
    }

    void energyOrderOnKnownLevels()
    {
        const int rate = 44100;
        QVector<SectionPlan> sections(2);
        sections[0].label = L::Verse;
        sections[0].start = 0;
        sections[0].end = 2 * rate;
        sections[1].label = L::Drop;
        sections[1].start = 2 * rate;
        sections[1].end = 4 * rate;
        std::vector<float> x(size_t(4 * rate));
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = (i < size_t(2 * rate) ? 0.1f : 0.3f) * float(std::sin(0.05 * double(i)));
        EnergyOrder e = energyOrder(x, rate, sections);
        QVERIFY(e.applicable && e.chorusLouder);
        QVERIFY(std::abs(e.chorusDb - e.verseDb - 20.0 * std::log10(3.0)) < 0.05);
        std::reverse(x.begin(), x.end());
        QVERIFY(!energyOrder(x, rate, sections).chorusLouder);
        sections[1].label = L::Bridge;
        QVERIFY(!energyOrder(x, rate, sections).applicable);
    }

    void seamMetricSeesAClick()
    {
        const core::SampleCount seam = 3 * 44100;
        const std::vector<float> clean = toneWithNoise(6.0, 9);
        std::vector<float> clicked = clean;
        for (int i = 0; i < 16; ++i)  // 0.36 ms at 0.8: a click, as a hard splice makes
            clicked[size_t(seam + i)] = 0.8f;
        const double quiet = seamJumps(clean, {seam}).front();
        const double loud = seamJumps(clicked, {seam}).front();
        QVERIFY2(quiet > 0.3 && quiet < 3.0, qPrintable(QString::number(quiet)));
        QVERIFY2(loud > 5.0 * quiet, qPrintable(QStringLiteral("%1 vs %2").arg(loud).arg(quiet)));
        // A seam far from the click measures like the clean signal.
        QVERIFY(seamJumps(clicked, {seam / 2}).front() < 3.0);
        QCOMPARE(seamJumps(std::vector<float>(44100 * 2, 0.0f), {44100}).front(), 0.0);  // silence: no jump
        QCOMPARE(percentile({1.0, 2.0, 3.0, 4.0, 5.0}, 50.0), 3.0);
        QCOMPARE(percentile({1.0, 2.0, 3.0, 4.0, 5.0}, 90.0), 4.6);
    }

    void repaintPlanIsInsideTheClip()
    {
        const int rate = 44100;
        const auto one = arranger::SongPlanner::barSections({{L::Verse, 3}}, 120.0, rate);  // 6 s
        const RepaintPlan p = planRepaint(one, 120.0, rate);
        QCOMPARE(p.sections.size(), 3);
        QCOMPARE(p.target, 1);
        QCOMPARE(p.start, core::SampleCount(2 * rate));  // thirds, on beats of 0.5 s
        QCOMPARE(p.end, core::SampleCount(4 * rate));
        QCOMPARE(p.sections[0].end, p.start);
        QCOMPARE(p.sections[2].start, p.end);
        QCOMPARE(p.sections[2].end, one.back().end);
        const auto five = arranger::SongPlanner::barSections({{L::Intro, 2}, {L::Verse, 2}, {L::Chorus, 2}, {L::Verse, 2}, {L::Outro, 2}}, 120.0, rate);
        const RepaintPlan q = planRepaint(five, 120.0, rate);
        QCOMPARE(q.target, 2);
        QCOMPARE(q.start, five[2].start);
        QCOMPARE(q.sections.size(), 5);
    }

};

QTEST_GUILESS_MAIN(EvaluationTest)
#include "tst_evaluation.moc"
