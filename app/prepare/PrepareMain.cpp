// s2a-prepare: the training data pipeline in one command. It reads songs, segments, captions and grades them,
// and writes the manifest that s2a-train (Qt-free) trains on.
//
//   s2a-prepare --config tiny --corpus DIR --out DIR [--no-analysis] [--keep F] [--min-score S]
//   s2a-prepare --config tiny --pipeline pipeline.json --out DIR     (an earlier run's record, not analysed again)
//   s2a-prepare --config s2a-402m --audio DIR --out DIR [--captions FILE] [--segment-captions FILE]
//               [--crop-seconds S] [--keep F] [--min-score S]        (a folder of real recordings: mixes)
#include "inference/model/ModelConfig.h"
#include "training/data/ManifestExport.h"
#include "training/data/RecordingPipeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <cmath>

using namespace s2a;
using namespace s2a::training;

namespace {

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

// A fraction option: finite and in [0, 1], else a message.
bool fraction(const QCommandLineParser& parser, const QCommandLineOption& option, double& value)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double v = parser.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0.0 || v > 1.0) {
        err() << "s2a-prepare: --" << option.names().front() << " " << parser.value(option) << ": expected a number from 0 to 1\n";
        return false;
    }
    value = v;
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("s2a-prepare"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prepares training data for s2a-train: a manifest of graded, captioned, segmented songs."));
    parser.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Model config the data is for (default tiny)."), QStringLiteral("NAME"), QStringLiteral("tiny"));
    const QCommandLineOption corpus(QStringLiteral("corpus"), QStringLiteral("An s2a-corpus folder (arranger songs with stems and MIDI)."), QStringLiteral("DIR"));
    const QCommandLineOption pipeline(QStringLiteral("pipeline"), QStringLiteral("An earlier pipeline.json to turn into a manifest."), QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder: manifest.json and pipeline.json."), QStringLiteral("DIR"));
    const QCommandLineOption noAnalysis(QStringLiteral("no-analysis"), QStringLiteral("Skip the Analysis segmenter and grader (grade every song 1)."));
    const QCommandLineOption keep(QStringLiteral("keep"), QStringLiteral("Keep the best-graded fraction (default 0.9)."), QStringLiteral("F"));
    const QCommandLineOption minScore(QStringLiteral("min-score"), QStringLiteral("Never keep a song graded below this (default 0.3)."), QStringLiteral("S"));
    const QCommandLineOption audio(QStringLiteral("audio"), QStringLiteral("A folder of real recordings (any format the importer reads), searched recursively."), QStringLiteral("DIR"));
    const QCommandLineOption captions(QStringLiteral("captions"), QStringLiteral("With --audio: a caption per file, JSONL {\"path\",\"caption\"} or TSV path<TAB>caption."), QStringLiteral("FILE"));
    const QCommandLineOption segmentCaptions(QStringLiteral("segment-captions"), QStringLiteral("With --audio: captions of segments, JSONL {\"path\",\"start\",\"end\",\"caption\"} or TSV."), QStringLiteral("FILE"));
    const QCommandLineOption cropSeconds(QStringLiteral("crop-seconds"), QStringLiteral("With --audio: crop length on the latent grid (default 30)."), QStringLiteral("S"));
    parser.addOptions({config, corpus, pipeline, audio, out, noAnalysis, keep, minScore, captions, segmentCaptions, cropSeconds});
    parser.process(app);
    if (!parser.isSet(out) || int(parser.isSet(corpus)) + int(parser.isSet(pipeline)) + int(parser.isSet(audio)) != 1) {
        err() << "usage: s2a-prepare --config NAME (--corpus DIR | --pipeline FILE | --audio DIR) --out DIR (see --help)\n";
        return 2;
    }
    model::ModelConfig model;
    try {
        model = model::builtinModelConfig(parser.value(config).toStdString());
    } catch (const std::exception& e) {
        err() << "s2a-prepare: " << e.what() << "\n";
        return 2;
    }
    PipelineOptions options;
    options.stemGroups = model.stemGroups;
    options.hop = model.vae.hopLength();
    options.analyse = !parser.isSet(noAnalysis);
    if (!fraction(parser, keep, options.keepFraction) || !fraction(parser, minScore, options.minScore))
        return 2;
    const QDir outDir(parser.value(out));
    if (!outDir.mkpath(QStringLiteral("."))) {
        err() << "s2a-prepare: cannot create " << outDir.path() << "\n";
        return 1;
    }
    if (parser.isSet(audio)) {
        RecordingOptions r;
        r.sampleRate = model.sampleRate;
        r.hop = model.vae.hopLength();
        r.stemGroups = model.stemGroups;
        r.keepFraction = options.keepFraction;
        r.minScore = options.minScore;
        r.captionsFile = parser.value(captions);
        r.segmentCaptionsFile = parser.value(segmentCaptions);
        if (parser.isSet(cropSeconds)) {
            bool ok = false;
            r.cropSeconds = parser.value(cropSeconds).toDouble(&ok);
            if (!ok || !std::isfinite(r.cropSeconds) || r.cropSeconds < 4.0 || r.cropSeconds > 600.0) {
                err() << "s2a-prepare: --crop-seconds " << parser.value(cropSeconds) << ": expected a number from 4 to 600\n";
                return 2;
            }
            r.minSeconds = std::min(r.minSeconds, r.cropSeconds);
        }
        SimpleJobControl job;
        auto prepared = prepareRecordings(parser.value(audio), outDir.path(), r, job);
        if (!prepared) {
            err() << "s2a-prepare: " << prepared.errorMessage() << "\n";
            return 1;
        }
        const RecordingReport& rep = prepared.value();
        QTextStream(stdout) << rep.files << " files (" << rep.analysed << " analysed now), " << rep.manifest.songs.size()
                            << " crops kept, " << rep.manifest.dropped.size() << " files or crops dropped, "
                            << QString::number(rep.audioSeconds / 3600.0, 'f', 3) << " h cut in "
                            << QString::number(rep.wallSeconds, 'f', 1) << " s -> "
                            << outDir.filePath(QStringLiteral("manifest.json")) << "\n";
        for (const ManifestDrop& d : rep.manifest.dropped)
            QTextStream(stdout) << "dropped " << QString::fromStdString(d.id) << ": " << QString::fromStdString(d.reason) << "\n";
        return 0;
    }
    PipelineResult result;
    if (parser.isSet(pipeline)) {
        auto read = readPipelineJson(parser.value(pipeline), options);
        if (!read) {
            err() << read.errorMessage() << "\n";
            return 1;
        }
        result = std::move(read.value());
    } else {
        SimpleJobControl job;
        auto piped = runPipeline(parser.value(corpus), options, job);
        if (!piped) {
            err() << piped.errorMessage() << "\n";
            return 1;
        }
        result = std::move(piped.value());
    }
    const QString record = outDir.filePath(QStringLiteral("pipeline.json"));
    if (QFileInfo(parser.value(pipeline)).absoluteFilePath() != QFileInfo(record).absoluteFilePath()) {
        if (Status s = writePipelineJson(result, record); !s) {
            err() << s.errorMessage() << "\n";
            return 1;
        }
    }
    const QString manifestPath = outDir.filePath(QStringLiteral("manifest.json"));
    try {
        writeManifest(manifestFrom(result, options, model.sampleRate), manifestPath.toStdString());
    } catch (const std::exception& e) {
        err() << "s2a-prepare: " << e.what() << "\n";
        return 1;
    }
    QTextStream(stdout) << "kept " << result.kept.size() << " songs, dropped " << result.dropped.size() << " -> "
                        << manifestPath << "\n";
    return 0;
}
