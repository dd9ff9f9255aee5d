// s2a-train: the training recipe in one command (see inference/training/Trainer.h).
//
//   s2a-train --config tiny --corpus DIR --out DIR [--threads N] [--device cpu|cuda|auto] [--seed S]
//             [--minutes M] [--smoke] [--no-ablation] [--no-analysis] [--<stage>-steps N]
//   s2a-train --plot CSV PNG
//
// A run stopped by --minutes (or Ctrl-C... the process simply dies; the last checkpoint is at most
// --checkpoint-every steps old) resumes when the same command is run again.
#include "inference/model/ProcessTuning.h"
#include "app/train/LossPlot.h"
#include "inference/training/Trainer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>

using namespace s2a;
using namespace s2a::inference::training;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

}  // namespace

int main(int argc, char** argv)
{
    s2a::model::reexecWithTunedEnvironment(argv);  // before anything starts OpenMP (ProcessTuning.h)
    // QImage needs a QGuiApplication for fonts; the offscreen platform needs no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("s2a-train"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Trains the S2A diffusion model on an s2a-corpus folder."));
    parser.addHelpOption();
    auto opt = [&](const char* name, const char* help, const char* value = nullptr, const char* def = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
        if (value)
            o.setValueName(QString::fromLatin1(value));
        if (def)
            o.setDefaultValue(QString::fromLatin1(def));
        parser.addOption(o);
        return o;
    };
    TrainOptions defaults;
    const auto config = opt("config", "Model config (default tiny).", "NAME", "tiny");
    const auto corpus = opt("corpus", "Corpus folder (s2a-corpus output).", "DIR");
    const auto outDir = opt("out", "Output folder (checkpoints, logs, weights).", "DIR");
    const auto threads = opt("threads", "CPU threads (0: one per core).", "N", "0");
    const auto device = opt("device", "cpu, cuda or auto.", "DEVICE", "cpu");
    const auto seed = opt("seed", "Seed.", "S", "1");
    const auto minutes = opt("minutes", "Stop after a checkpoint once this many minutes have passed (resume by running again).", "M", "0");
    const auto smoke = opt("smoke", "A few steps of every stage on small crops: a check that the recipe runs.");
    const auto noAblation = opt("no-ablation", "Skip the plain-VAE ablation stages.");
    const auto noAnalysis = opt("no-analysis", "Skip the Analysis segmenter and grader (grade every song 1).");
    const auto vaeSteps = opt("vae-steps", "Stage 1 steps.", "N");
    const auto vaeBatch = opt("vae-batch", "Songs per stage-1 step (each gives one crop per stem group; default 2).", "N");
    const auto structureSteps = opt("structure-steps", "Stage 2 steps.", "N");
    const auto ditSteps = opt("dit-steps", "Stage 3 steps.", "N");
    const auto sftSteps = opt("sft-steps", "Stage 4 steps.", "N");
    const auto vaeLr = opt("vae-lr", "Stage 1 learning rate (stage 2 takes half of it).", "LR");
    const auto tonalWeight = opt("tonal-harmonic-weight", "Harmonic-head codecs: weight of the loss that judges the tonal stems' pitched part alone.", "W");
    const auto sparsityWeight = opt("harmonic-sparsity-weight", "Harmonic-head codecs: weight of the penalty on semitones sounding at once.", "W");
    const auto ditLr = opt("dit-lr", "Stage 3 learning rate.", "LR");
    const auto stopAfter = opt("stop-after-steps", "Stop (with a checkpoint) after this many steps in this run.", "N", "0");
    const auto checkpointEvery = opt("checkpoint-every", "Checkpoint interval in steps.", "N");
    const auto plot = opt("plot", "Only draw loss.csv (first positional argument) into a PNG (second).");
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("With --plot: CSV and PNG."));
    parser.process(app);

    if (parser.isSet(plot)) {
        const QStringList files = parser.positionalArguments();
        if (files.size() != 2) {
            QTextStream(stderr) << "usage: s2a-train --plot loss.csv loss.png\n";
            return 2;
        }
        const QString error = app::plotLossCurve(files[0], files[1]);
        if (!error.isEmpty()) {
            QTextStream(stderr) << error << "\n";
            return 1;
        }
        return 0;
    }
    if (!parser.isSet(outDir)) {
        QTextStream(stderr) << "usage: s2a-train --config tiny --corpus DIR --out DIR (see --help)\n";
        return 2;
    }
    TrainOptions o;
    o.config = parser.value(config);
    o.corpusDir = parser.value(corpus);
    o.outDir = parser.value(outDir);
    o.threads = parser.value(threads).toInt();
    o.device = parser.value(device);
    o.seed = parser.value(seed).toULongLong();
    o.minutes = parser.value(minutes).toDouble();
    o.stopAfterSteps = parser.value(stopAfter).toInt();
    o.ablation = !parser.isSet(noAblation);
    o.pipeline.analyse = !parser.isSet(noAnalysis);
    if (parser.isSet(smoke)) {
        // Seconds per stage on two cores: small crops and batches, a handful of steps.
        o.vaeSteps = 8;
        o.structureSteps = 6;
        o.ditSteps = 10;
        o.sftSteps = 4;
        o.vaeBatch = 1;
        o.vaeCropFrames = 4;
        o.ditBatch = 4;
        o.ditCropFrames = 64;
        o.warmupSteps = 2;
        o.checkpointEvery = 3;
        o.vaeLearningRate = 1e-3;
        o.ditLearningRate = 2e-3;
    }
    auto intOr = [&](const QCommandLineOption& option, int fallback) {
        return parser.isSet(option) ? parser.value(option).toInt() : fallback;
    };
    o.vaeSteps = intOr(vaeSteps, o.vaeSteps);
    o.vaeBatch = std::clamp(intOr(vaeBatch, o.vaeBatch), 1, 64);
    o.structureSteps = intOr(structureSteps, o.structureSteps);
    o.ditSteps = intOr(ditSteps, o.ditSteps);
    o.sftSteps = intOr(sftSteps, o.sftSteps);
    o.checkpointEvery = std::max(1, intOr(checkpointEvery, o.checkpointEvery));
    if (parser.isSet(vaeLr))
        o.vaeLearningRate = parser.value(vaeLr).toDouble();
    if (parser.isSet(tonalWeight))
        o.tonalHarmonicWeight = parser.value(tonalWeight).toDouble();
    if (parser.isSet(sparsityWeight))
        o.harmonicSparsityWeight = parser.value(sparsityWeight).toDouble();
    if (parser.isSet(ditLr))
        o.ditLearningRate = parser.value(ditLr).toDouble();

    SimpleJobControl job;  // the stages print their own progress lines
    auto result = runTraining(o, [](const QString& line) { out() << line << Qt::endl; }, job);
    if (!result) {
        QTextStream(stderr) << result.error().message << "\n";
        return 1;
    }
    const QString csv = QDir(o.outDir).filePath(QStringLiteral("loss.csv"));
    if (QFile::exists(csv)) {
        const QString error = app::plotLossCurve(csv, QDir(o.outDir).filePath(QStringLiteral("loss.png")));
        if (!error.isEmpty())
            QTextStream(stderr) << "loss plot: " << error << "\n";
    }
    const TrainSummary& s = result.value();
    out() << "stages done: " << s.stagesDone.join(QStringLiteral(", ")) << "\n";
    for (const QString& w : s.warnings)
        out() << "warning: " << w << "\n";
    if (s.finished)
        out() << "finished: " << s.modelPath << " sha256 " << s.modelSha256 << "\n";
    else
        out() << "stopped for now; run the same command again to resume\n";
    return 0;
}
