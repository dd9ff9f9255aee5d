// s2a-eval: evaluates diffusion model variants against held-out corpus songs, with the shuffled-caption and
// arranger baselines and the held-out audio itself as reference rows. Table to stdout, progress to stderr,
// every figure to JSON. The logic is in inference/evaluation/; this file only reads the command line.
//
//   s2a-eval --weights PATH[=NAME] [--weights ...] --held-out DIR [--count N] [--seconds S] [--steps K]
//            [--guidance G] [--section-guidance G] [--guidance-interval A:B]
//            [--out results.json] [--no-arranger] [--no-shuffled] [--song-keys] [--no-codec] [--codec-only] [--no-phase-floor] [--phase-iterations P] [--write-audio DIR [--audio-items N]] [--threads T] [--seam-items M]
//            [--config NAME] [--device auto|cpu|cuda]
//
// Exit status: 0 done, 1 an engine or file failed during the run, 2 bad arguments or missing inputs.
#include "inference/model/GuidanceIntervalText.h"
#include "inference/model/ProcessTuning.h"
#include "inference/evaluation/EvalReport.h"
#include "inference/evaluation/EvalRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <cmath>
#include <utility>

using namespace s2a;
using namespace s2a::inference::evaluation;

namespace {

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

// PATH=NAME, where NAME is a plain word; without one the name is the file's base name ("model" is the
// trainer's main file, hence "main").
VariantSpec parseVariant(const QString& text)
{
    VariantSpec v;
    const qsizetype eq = text.lastIndexOf(QLatin1Char('='));
    const QString tail = eq > 0 ? text.mid(eq + 1) : QString();
    if (eq > 0 && !tail.isEmpty() && !tail.contains(QLatin1Char('/'))) {
        v.path = text.left(eq);
        v.name = tail;
    } else {
        v.path = text;
        v.name = QFileInfo(text).completeBaseName();
        if (v.name == QLatin1String("model"))
            v.name = QStringLiteral("main");
    }
    return v;
}

int usage(const QString& why)
{
    err() << "s2a-eval: " << why << "\n"
          << "usage: s2a-eval --weights PATH[=NAME] [--weights ...] --held-out DIR [--count N] [--seconds S] "
             "[--steps K] [--guidance G] [--section-guidance G] [--guidance-interval A:B] [--out FILE] [--no-arranger] [--no-shuffled] [--song-keys] [--no-codec] [--codec-only] [--no-phase-floor] [--phase-iterations P] [--write-audio DIR [--audio-items N]] [--threads T] [--seam-items M]\n";
    err().flush();
    return 2;
}

}  // namespace

int main(int argc, char** argv)
{
    s2a::model::reexecWithTunedEnvironment(argv);  // before anything starts OpenMP (ProcessTuning.h)
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("s2a-eval"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluates diffusion model variants on held-out corpus songs."));
    parser.addHelpOption();
    const QCommandLineOption weightsOpt(QStringLiteral("weights"),
                                        QStringLiteral("A model variant: its weights file, optionally =NAME (repeatable)."),
                                        QStringLiteral("PATH[=NAME]"));
    const QCommandLineOption heldOutOpt(QStringLiteral("held-out"), QStringLiteral("Corpus folder of held-out songs."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption countOpt(QStringLiteral("count"), QStringLiteral("Items: the first N songs (default 100)."),
                                      QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Clip length in seconds (default 12)."),
                                        QStringLiteral("S"), QStringLiteral("12"));
    const QCommandLineOption stepsOpt(QStringLiteral("steps"), QStringLiteral("Sampler steps (default 32)."),
                                      QStringLiteral("K"), QStringLiteral("32"));
    const QCommandLineOption guidanceOpt(QStringLiteral("guidance"),
                                         QStringLiteral("Classifier-free guidance on the global caption, 0..30 (default 4, the app's)."),
                                         QStringLiteral("G"), QStringLiteral("4"));
    const QCommandLineOption sectionGuidanceOpt(QStringLiteral("section-guidance"),
                                                QStringLiteral("Guidance on the section captions, 0..30 (default 4, the app's)."),
                                                QStringLiteral("G"), QStringLiteral("4"));
    const QCommandLineOption intervalOpt(QStringLiteral("guidance-interval"),
                                         QStringLiteral("Guide only the sampler steps at flow times t in [A, B), 0 <= A <= B <= 1 "
                                                        "(0 = noise, 1 = data; default 0:1, every step); the others take the "
                                                        "conditioned branch alone."),
                                         QStringLiteral("A:B"), QStringLiteral("0:1"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("JSON results file."), QStringLiteral("FILE"));
    const QCommandLineOption noArrangerOpt(QStringLiteral("no-arranger"), QStringLiteral("Skip the arranger baseline."));
    const QCommandLineOption noShuffledOpt(QStringLiteral("no-shuffled"), QStringLiteral("Skip the shuffled-caption baseline."));
    const QCommandLineOption songKeysOpt(QStringLiteral("song-keys"),
                                         QStringLiteral("Ask every item in its song's key and measure key adherence "
                                                        "on all of them (default: only captions that name a key)."));
    const QCommandLineOption noCodecOpt(QStringLiteral("no-codec"), QStringLiteral("Skip the codec-ceiling row."));
    const QCommandLineOption codecOnlyOpt(QStringLiteral("codec-only"),
                                          QStringLiteral("Only the codec-ceiling row of the first weights and the held-out "
                                                         "row: a quick probe of a codec (no generation)."));
    const QCommandLineOption noPhaseFloorOpt(QStringLiteral("no-phase-floor"),
                                             QStringLiteral("Skip the phase-floor row (the held-out magnitudes through "
                                                            "the codec's phase reconstruction)."));
    const QCommandLineOption phaseItersOpt(QStringLiteral("phase-iterations"),
                                           QStringLiteral("Griffin-Lim passes of a reconstructed-phase codec, 0..256 "
                                                          "(default: the model config's)."),
                                           QStringLiteral("P"));
    const QCommandLineOption audioOpt(QStringLiteral("write-audio"),
                                      QStringLiteral("Write the first --audio-items items of every row as one WAV per "
                                                     "stem group under DIR/<row>/<item>/."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption audioItemsOpt(QStringLiteral("audio-items"), QStringLiteral("Items per row for --write-audio (default 3)."),
                                           QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("LibTorch CPU threads (default: its own)."),
                                        QStringLiteral("T"), QStringLiteral("0"));
    const QCommandLineOption seamOpt(QStringLiteral("seam-items"), QStringLiteral("Items repainted for the seam metric (default 10)."),
                                     QStringLiteral("M"), QStringLiteral("10"));
    const QCommandLineOption configOpt(QStringLiteral("config"), QStringLiteral("Model config of the weights (default: the shipped one, %1).")
                                           .arg(s2a::inference::diffusion::defaultModelConfig()),
                                       QStringLiteral("NAME"), s2a::inference::diffusion::defaultModelConfig());
    const QCommandLineOption deviceOpt(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda (default auto)."),
                                       QStringLiteral("DEVICE"), QStringLiteral("auto"));
    parser.addOptions({weightsOpt, heldOutOpt, countOpt, secondsOpt, stepsOpt, guidanceOpt, sectionGuidanceOpt, intervalOpt, outOpt, noArrangerOpt, noShuffledOpt, songKeysOpt,
                       noCodecOpt, codecOnlyOpt, noPhaseFloorOpt, phaseItersOpt, audioOpt, audioItemsOpt, threadsOpt, seamOpt, configOpt, deviceOpt});
    parser.process(app);

    EvalOptions options;
    bool ok[5] = {};
    options.count = parser.value(countOpt).toInt(&ok[0]);
    options.seconds = parser.value(secondsOpt).toDouble(&ok[1]);
    options.steps = parser.value(stepsOpt).toInt(&ok[2]);
    options.threads = parser.value(threadsOpt).toInt(&ok[3]);
    options.seamItems = parser.value(seamOpt).toInt(&ok[4]);
    if (!ok[0] || options.count < 1)
        return usage(QStringLiteral("--count must be a whole number >= 1."));
    if (!ok[1] || options.seconds < 2.0)
        return usage(QStringLiteral("--seconds must be a number >= 2."));
    if (!ok[2] || options.steps < 1)
        return usage(QStringLiteral("--steps must be a whole number >= 1."));
    if (!ok[3] || options.threads < 0 || !ok[4] || options.seamItems < 0)
        return usage(QStringLiteral("--threads and --seam-items must be whole numbers >= 0."));
    // The guidance scales of every generated row (the shuffled baseline's too, so the two stay paired).
    for (const auto& [opt, target] : {std::pair{&guidanceOpt, &options.guidance}, std::pair{&sectionGuidanceOpt, &options.sectionGuidance}}) {
        bool guidanceOk = false;
        *target = parser.value(*opt).toDouble(&guidanceOk);
        if (!guidanceOk || !std::isfinite(*target) || *target < 0.0 || *target > 30.0)
            return usage(QStringLiteral("--%1 must be a number from 0 to 30.").arg(opt->names().constFirst()));
    }
    if (const auto interval = s2a::model::parseGuidanceInterval(parser.value(intervalOpt).toStdString()))
        options.guidanceInterval = *interval;
    else
        return usage(QStringLiteral("--guidance-interval must be A:B with 0 <= A <= B <= 1."));
    options.arranger = !parser.isSet(noArrangerOpt);
    options.shuffled = !parser.isSet(noShuffledOpt);
    options.codec = !parser.isSet(noCodecOpt);
    options.songKeys = parser.isSet(songKeysOpt);
    options.phaseFloor = !parser.isSet(noPhaseFloorOpt);
    if (parser.isSet(phaseItersOpt)) {
        bool phaseOk = false;
        options.phaseIterations = parser.value(phaseItersOpt).toInt(&phaseOk);
        if (!phaseOk || options.phaseIterations < 0 || options.phaseIterations > 256)
            return usage(QStringLiteral("--phase-iterations must be a whole number from 0 to 256."));
    }
    if (parser.isSet(audioOpt)) {
        bool audioOk = false;
        options.audioDir = parser.value(audioOpt);
        options.audioItems = parser.value(audioItemsOpt).toInt(&audioOk);
        if (!audioOk || options.audioItems < 1)
            return usage(QStringLiteral("--audio-items must be a whole number >= 1."));
    }
    if (parser.isSet(codecOnlyOpt)) {
        if (parser.isSet(noCodecOpt))
            return usage(QStringLiteral("--codec-only and --no-codec contradict each other."));
        options.generation = false;
        options.arranger = false;
        options.shuffled = false;
    }
    options.config = parser.value(configOpt);
    options.device = parser.value(deviceOpt);
    if (!parser.isSet(heldOutOpt))
        return usage(QStringLiteral("--held-out DIR is required."));
    options.heldOutDir = parser.value(heldOutOpt);
    if (!QFileInfo(options.heldOutDir).isDir())
        return usage(QStringLiteral("the held-out folder %1 does not exist.").arg(QDir::toNativeSeparators(options.heldOutDir)));
    const QStringList weights = parser.values(weightsOpt);
    if (weights.isEmpty())
        return usage(QStringLiteral("at least one --weights PATH[=NAME] is required."));
    for (const QString& w : weights) {
        const VariantSpec v = parseVariant(w);
        if (!QFileInfo(v.path).isFile()) {
            err() << "s2a-eval: no weights file " << QDir::toNativeSeparators(v.path) << " (variant " << v.name
                  << "); nothing was evaluated.\n";
            return 2;
        }
        for (const VariantSpec& other : options.variants)
            if (other.name == v.name)
                return usage(QStringLiteral("two variants are named %1; name them with PATH=NAME.").arg(v.name));
        options.variants.append(v);
    }

    auto result = runEvaluation(options, [](const QString& line) {
        err() << line << "\n";
        err().flush();
    });
    if (!result) {
        err() << "s2a-eval: " << result.errorMessage() << "\n";
        return 1;
    }
    QTextStream(stdout) << formatTable(result.value());
    if (parser.isSet(outOpt)) {
        const QString path = parser.value(outOpt);
        QFile f(path);
        const QByteArray json = QJsonDocument(toJson(result.value())).toJson();
        if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size()) {
            err() << "s2a-eval: " << QDir::toNativeSeparators(path) << ": cannot be written: " << f.errorString() << "\n";
            return 1;
        }
        err() << "results in " << QDir::toNativeSeparators(path) << "\n";
    }
    return 0;
}
