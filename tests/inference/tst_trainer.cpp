// The trainer's smoke run on a real (tiny) corpus rendered by s2a-corpus and prepared by s2a-prepare: every
// stage runs through the real code path (pipeline with analysis, manifest, VAE, structure heads, latents, DiT,
// SFT, ablation), losses go down, a run cut short resumes to exactly the losses of an uninterrupted one, and
// the weights load in the engine.
#include "inference/diffusion/DiffusionEngine.h"
#include "training/Distributed.h"
#include "training/Trainer.h"
#include "inference/model/WeightLoader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::training;

namespace {

TrainOptions smokeOptions(const QString& manifest, const QString& out)
{
    TrainOptions o;
    o.manifest = manifest.toStdString();
    o.outDir = out.toStdString();
    o.threads = 2;
    o.vaeSteps = 12;
    o.structureSteps = 6;
    o.ditSteps = 16;
    o.sftSteps = 4;
    o.vaeBatch = 1;
    o.vaeCropFrames = 4;
    o.ditBatch = 4;
    o.ditCropFrames = 48;
    o.warmupSteps = 2;
    o.checkpointEvery = 3;
    o.vaeLearningRate = 1e-3;
    o.ditLearningRate = 2e-3;
    return o;
}

// runTraining as one process (its messages dropped); a TrainingError fails the calling test.
TrainSummary train(const TrainOptions& o)
{
    auto single = Distributed::single();
    std::atomic<bool> cancel{false};
    return runTraining(o, [](const std::string&) {}, *single, cancel);
}

// loss.csv as stage -> (step -> loss).
QMap<QString, QMap<int, double>> losses(const QString& csv)
{
    QFile f(csv);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QMap<QString, QMap<int, double>> out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList c = lines[i].split(QLatin1Char(','));
        out[c[0]][c[1].toInt()] = c[3].toDouble();
    }
    return out;
}

double mean(const QMap<int, double>& m, int from, int to)
{
    double s = 0.0;
    for (int i = from; i < to; ++i)
        s += m.value(i);
    return s / (to - from);
}

}  // namespace

class TrainerTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_manifest;
    TrainSummary m_full;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString corpusDir = m_dir.filePath(QStringLiteral("corpus"));
        QProcess corpus;
        corpus.start(QStringLiteral(S2A_CORPUS_TOOL), {QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--out"),
                                                       corpusDir, QStringLiteral("--seconds"), QStringLiteral("8:10"),
                                                       QStringLiteral("--seed"), QStringLiteral("77")});
        QVERIFY(corpus.waitForFinished(120000));
        QCOMPARE(corpus.exitCode(), 0);
        QProcess prepare;
        prepare.start(QStringLiteral(S2A_PREPARE_TOOL), {QStringLiteral("--config"), QStringLiteral("tiny"), QStringLiteral("--corpus"),
                                                         corpusDir, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("prepared")),
                                                         QStringLiteral("--keep"), QStringLiteral("1"), QStringLiteral("--min-score"), QStringLiteral("0")});
        QVERIFY(prepare.waitForFinished(120000));
        QVERIFY2(prepare.exitCode() == 0, prepare.readAllStandardError().constData());
        m_manifest = m_dir.filePath(QStringLiteral("prepared/manifest.json"));
        QVERIFY(QFile::exists(m_manifest));
        // The uninterrupted run both tests read (the smoke checks and the resume comparison): made here, so that
        // neither test depends on the other having run.
        m_full = train(smokeOptions(m_manifest, m_dir.filePath(QStringLiteral("full"))));
    }

    void smokeRunLearnsAndLoads()
    {
        const QString out = m_dir.filePath(QStringLiteral("full"));
        const TrainSummary& result = m_full;
        QVERIFY(result.finished);
        QCOMPARE(result.stagesDone,
                 (std::vector<std::string>{"vae", "structure", "latents", "dit", "sft", "ablation-dit", "ablation-sft"}));
        for (const char* f : {"loss.csv", "stage1-vae.safetensors", "stage2-structure-vae.safetensors",
                              "stage3-pretrain.safetensors", "model.safetensors", "ablation-plain-vae.safetensors"})
            QVERIFY2(QFile::exists(QDir(out).filePath(QString::fromLatin1(f))), f);

        const auto l = losses(QDir(out).filePath(QStringLiteral("loss.csv")));
        QCOMPARE(l.value(QStringLiteral("vae")).size(), 12);
        QCOMPARE(l.value(QStringLiteral("dit")).size(), 16);
        // From random initialisation both objectives fall fast: the VAE learns the crops' spectra, the DiT's
        // zero-initialised output moves from predicting nothing towards the mean velocity.
        const double vaeFirst = mean(l[QStringLiteral("vae")], 0, 3), vaeLast = mean(l[QStringLiteral("vae")], 9, 12);
        const double ditFirst = mean(l[QStringLiteral("dit")], 0, 4), ditLast = mean(l[QStringLiteral("dit")], 12, 16);
        qInfo("vae loss %.4f -> %.4f, dit loss %.4f -> %.4f", vaeFirst, vaeLast, ditFirst, ditLast);
        QVERIFY(vaeLast < vaeFirst);
        QVERIFY(ditLast < ditFirst);
        QVERIFY(l.contains(QStringLiteral("structure")));
        // Each VAE stage is probed; a dozen steps cannot make a codec, and the summary says so.
        for (const char* stage : {"vae", "structure"}) {
            QFile probe(QDir(out).filePath(QString::fromLatin1(stage) + QStringLiteral("-probe.json")));
            QVERIFY(probe.open(QIODevice::ReadOnly));
            const QJsonObject p = QJsonDocument::fromJson(probe.readAll()).object();
            QCOMPARE(p.value(QStringLiteral("crops")).toInt(), 2);
            QVERIFY(std::isfinite(p.value(QStringLiteral("snrDb")).toDouble()));
            QVERIFY(p.value(QStringLiteral("spectralDistance")).toDouble() > 0.0);
            QVERIFY(std::isfinite(p.value(QStringLiteral("logSpectralDb")).toDouble()));
            QVERIFY(std::isfinite(p.value(QStringLiteral("latentSpread")).toDouble()));
            QCOMPARE(p.value(QStringLiteral("usable")).toBool(), false);
        }
        QCOMPARE(result.warnings.size(), size_t(2));
        QVERIFY(result.warnings[0].find("does not reconstruct") != std::string::npos);

        // The weights load in the engine and make finite, non-silent audio.
        diffusion::DiffusionOptions options;
        options.config = QString::fromStdString(smokeOptions(m_manifest, {}).config);  // what the smoke run trained
        options.weightsPath = QString::fromStdString(result.modelPath);
        diffusion::DiffusionEngine engine(options);
        QVERIFY2(engine.load().ok(), qPrintable(engine.load().errorMessage()));
        QCOMPARE(engine.weightsSha256(), QString::fromStdString(result.modelSha256));
        GenerationRequest request;
        request.caption = QStringLiteral("funk with bass");
        request.tempo = 100;
        request.sections = {SectionPlan{}};
        request.sections[0].start = 0;
        request.sections[0].end = 44100;
        request.steps = 4;
        SimpleJobControl control;
        auto song = engine.generate(request, control);
        QVERIFY2(song.ok(), qPrintable(song.errorMessage()));
        double energy = 0.0;
        for (const Stem& s : song.value().stems)
            for (const auto& ch : s.audio.channels)
                for (float v : ch) {
                    QVERIFY(std::isfinite(v));
                    energy += double(v) * v;
                }
        QVERIFY(energy > 0.0);
    }

    // --codec-from: stage 1 takes another run's codec instead of training one; the DiT trains on it as usual. A file
    // whose codec does not fit the config is refused with a message that names a tensor.
    void aNewDitOnAnotherRunsCodec()
    {
        const QString source = m_dir.filePath(QStringLiteral("full/stage1-vae.safetensors"));
        TrainOptions o = smokeOptions(m_manifest, m_dir.filePath(QStringLiteral("codec-from")));
        o.ablation = false;
        o.codecFrom = source.toStdString();
        const TrainSummary summary = train(o);
        QVERIFY(summary.finished);
        const auto stages = losses(m_dir.filePath(QStringLiteral("codec-from/loss.csv")));
        QVERIFY(!stages.contains(QStringLiteral("vae")));  // not trained
        QVERIFY(!stages.value(QStringLiteral("dit")).isEmpty());
        auto before = model::readTensors(source.toStdString());
        auto after = model::readTensors(m_dir.filePath(QStringLiteral("codec-from/stage1-vae.safetensors")).toStdString());
        QVERIFY(before && after);
        int codecTensors = 0;
        for (const auto& [name, tensor] : before->tensors)
            if (name.rfind("vae.", 0) == 0) {
                QVERIFY2(torch::equal(after->tensors.at(name), tensor), name.c_str());
                ++codecTensors;
            }
        QVERIFY(codecTensors > 10);

        const QString other = m_dir.filePath(QStringLiteral("pitched.safetensors"));
        QVERIFY(diffusion::writeRandomWeights(QStringLiteral("tiny-pitched"), other, 3));
        TrainOptions wrong = smokeOptions(m_manifest, m_dir.filePath(QStringLiteral("codec-wrong")));
        wrong.codecFrom = other.toStdString();
        try {
            train(wrong);
            QFAIL("a codec of another shape was taken");
        } catch (const TrainingError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("vae.")), e.what());
        }
    }

    void resumeReproducesTheNextStep()
    {
        const QString whole = m_dir.filePath(QStringLiteral("full"));
        const QString cut = m_dir.filePath(QStringLiteral("cut"));
        TrainOptions o = smokeOptions(m_manifest, cut);
        o.ablation = false;
        // Stop inside stage 1 (step 7: past the checkpoint at 6, so 7 is recomputed) and inside stage 3.
        for (int stop : {7, 12 + 6 + 5, 0}) {
            o.stopAfterSteps = stop;
            QCOMPARE(train(o).finished, stop == 0);
        }
        const auto a = losses(QDir(whole).filePath(QStringLiteral("loss.csv")));
        const auto b = losses(QDir(cut).filePath(QStringLiteral("loss.csv")));
        for (const char* stage : {"vae", "structure", "dit", "sft"}) {
            const QString s = QString::fromLatin1(stage);
            const QMap<int, double> whole = a.value(s), resumed = b.value(s);
            QCOMPARE(resumed.size(), whole.size());
            QVERIFY(!whole.isEmpty());
            for (auto it = whole.begin(); it != whole.end(); ++it) {
                const double other = resumed.value(it.key(), -1.0);
                QVERIFY2(std::abs(other - it.value()) <= 1e-5 * std::max(1.0, std::abs(it.value())),
                         qPrintable(QStringLiteral("%1 step %2: %3 vs %4").arg(s).arg(it.key()).arg(it.value()).arg(other)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TrainerTest)
#include "tst_trainer.moc"
