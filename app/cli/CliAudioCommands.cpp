#include "app/cli/CliCommands.h"

#include "app/cli/CliProgress.h"
#include "app/cli/CliSupport.h"
#include "core/audio/AudioImport.h"
#include "core/export/Exporter.h"
#include "core/model/Project.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/SectionRegenerator.h"
#include "inference/SongStructure.h"
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <variant>

namespace s2a::cli {

using namespace s2a::core;
using namespace s2a::inference;

int exportCommand(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption stems(QStringLiteral("stems"), QStringLiteral("Every track as its own file, plus the mix (default)."));
    const QCommandLineOption mix(QStringLiteral("mix"), QStringLiteral("Only the stereo mix."));
    const QCommandLineOption sections(QStringLiteral("sections"), QStringLiteral("One file per section per stem (and the section's mix)."));
    const QCommandLineOption only(QStringLiteral("section"), QStringLiteral("With --sections: only these (repeatable; id, chorus#2, label)."), QStringLiteral("REF"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("wav, flac, ogg or mp3 (default flac; mp3 is 320 kbit/s at 32, 44.1 or 48 kHz)."), QStringLiteral("FMT"), QStringLiteral("flac"));
    const QCommandLineOption bits(QStringLiteral("bits"), QStringLiteral("16, 24 or 32 (32: float WAV; default 24)."), QStringLiteral("N"), QStringLiteral("24"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("44100, 48000 or 96000 (default: the song's)."), QStringLiteral("HZ"));
    const QCommandLineOption lufs(QStringLiteral("lufs"), QStringLiteral("Normalise the mix to this loudness (e.g. -14); stems get the same gain."), QStringLiteral("LUFS"));
    const QCommandLineOption ceiling(QStringLiteral("true-peak"), QStringLiteral("True-peak ceiling with --lufs (default -1 dBTP)."), QStringLiteral("DBTP"), QStringLiteral("-1"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"), QStringLiteral("Replace files that exist already."));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("With --stems or --mix: start here (seconds), e.g. a loop region."), QStringLiteral("S"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("With --stems or --mix: end here (seconds; default the song's end)."), QStringLiteral("S"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The folder to write into."), QStringLiteral("DIR"));
    const QCommandLineOption midi(QStringLiteral("midi"), QStringLiteral("Also each track's notes as .mid (the arranger's takes; not with --sections)."));
    parser.addOptions({stems, mix, sections, only, format, bits, rate, lufs, ceiling, overwrite, from, to, midi, output, kQuiet, kJson});
    parser.addPositionalArgument(QStringLiteral("song"), QStringLiteral("A .s2a bundle."));
    if (int code = parse(parser, args, QStringLiteral("Export stems, the mix, or sections as audio files."), 1); code >= 0)
        return code;
    if (!parser.isSet(output))
        return fail(BadArguments, QStringLiteral("export needs -o DIR; see --help"));
    if (int(parser.isSet(stems)) + int(parser.isSet(mix)) + int(parser.isSet(sections)) > 1)
        return fail(BadArguments, QStringLiteral("choose one of --stems, --mix, --sections"));

    ExportOptions options;
    options.what = parser.isSet(mix) ? ExportWhat::Mix : parser.isSet(sections) ? ExportWhat::Sections : ExportWhat::Stems;
    options.overwrite = parser.isSet(overwrite);
    options.midi = parser.isSet(midi);
    const QString fmt = parser.value(format).toLower();
    const QString depth = parser.value(bits);
    if (fmt == QLatin1String("wav") && depth == QLatin1String("16"))
        options.format = AudioFileFormat::Wav16;
    else if (fmt == QLatin1String("wav") && depth == QLatin1String("24"))
        options.format = AudioFileFormat::Wav24;
    else if (fmt == QLatin1String("wav") && depth == QLatin1String("32"))
        options.format = AudioFileFormat::WavFloat32;
    else if (fmt == QLatin1String("flac") && depth == QLatin1String("16"))
        options.format = AudioFileFormat::Flac16;
    else if (fmt == QLatin1String("flac") && depth == QLatin1String("24"))
        options.format = AudioFileFormat::Flac24;
    else if (fmt == QLatin1String("ogg"))
        options.format = AudioFileFormat::OggVorbis;
    else if (fmt == QLatin1String("mp3"))
        options.format = AudioFileFormat::Mp3;
    else
        return fail(BadArguments, QStringLiteral("--format %1 --bits %2 is not one of wav 16/24/32, flac 16/24, ogg, mp3").arg(fmt, depth));
    if (parser.isSet(rate)) {
        options.sampleRate = parser.value(rate).toInt();
        if (options.sampleRate != 44100 && options.sampleRate != 48000 && options.sampleRate != 96000)
            return fail(BadArguments, QStringLiteral("--rate must be 44100, 48000 or 96000"));
    }
    if (parser.isSet(lufs)) {
        const auto target = numberFrom(parser, lufs, -70.0, 0.0);
        const auto peak = numberFrom(parser, ceiling, -20.0, 0.0);  // dBTP: a ceiling over 0 would let exports clip
        if (!target || !peak)
            return fail(BadArguments, (target ? peak.error() : target.error()).message);
        options.targetLufs = target.value();
        options.truePeakCeilingDb = peak.value();
    }

    const QString path = parser.positionalArguments().constFirst();
    auto data = bundle::load(path);
    if (!data)
        return fail(BadInput, data.errorMessage());
    for (const QString& ref : parser.values(only)) {
        auto id = findSection(data.value(), ref);
        if (!id)
            return fail(BadArguments, id.errorMessage());
        options.sectionIds << id.value();
    }
    if (parser.isSet(from) || parser.isSet(to)) {
        const int songRate = data->settings.sampleRate;
        const double songSeconds = double(data->length()) / songRate;
        const auto start = parser.isSet(from) ? numberFrom(parser, from, 0.0, songSeconds) : Result<double>(0.0);
        const auto end = parser.isSet(to) ? numberFrom(parser, to, 0.0, songSeconds) : Result<double>(songSeconds);
        if (!start || !end)
            return fail(BadArguments, (start ? end.error() : start.error()).message);
        options.range = std::make_pair(SampleCount(std::llround(start.value() * songRate)),
                                       SampleCount(std::llround(end.value() * songRate)));
    }
    CliProgress progress(parser.isSet(kQuiet));
    auto report = exportSong(data.value(), path, parser.value(output), options, progress);
    progress.finish();
    if (!report) {
        if (isCancelled(report.error()))
            return fail(Cancelled, QStringLiteral("cancelled; no files were left behind"));
        return fail(report.errorMessage().contains(QLatin1String("exists")) ? WriteFailure : EngineFailure, report.errorMessage());
    }
    QJsonArray files;
    for (const ExportedFile& f : report->files) {
        files.append(QJsonObject{{"path", f.path}, {"stem", f.stem}, {"frames", double(f.frames)},
                                 {"lufs", f.integratedLufs}, {"lra", f.loudnessRange}, {"truePeak", f.truePeakDb}});
        if (!parser.isSet(kJson))
            out() << f.path << "  " << QString::number(f.integratedLufs, 'f', 1) << " LUFS, "
                  << QString::number(f.truePeakDb, 'f', 1) << " dBTP\n";
    }
    if (parser.isSet(kJson))
        out() << QJsonDocument(QJsonObject{{"files", files}, {"gainDb", report->appliedGainDb}, {"report", report->reportPath}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    else
        out() << "gain " << QString::number(report->appliedGainDb, 'f', 2) << " dB; loudness report " << report->reportPath << '\n';
    return Ok;
}

}  // namespace s2a::cli

namespace s2a::cli {

int analyzeCommand(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The bundle to write (Song.s2a)."), QStringLiteral("PATH"));
    const QCommandLineOption downmix(QStringLiteral("downmix"), QStringLiteral("Fold files with more than two channels to stereo."));
    parser.addOptions({output, downmix, kQuiet, kJson});
    parser.addPositionalArgument(QStringLiteral("audio"), QStringLiteral("A song: WAV, AIFF, FLAC, OGG, Opus or MP3."));
    if (int code = parse(parser, args, QStringLiteral("Analyse a song into an editable, sectioned project."), 1); code >= 0)
        return code;
    auto bundlePath = newBundlePath(parser, output, "analyze");
    if (const int* code = std::get_if<int>(&bundlePath))
        return *code;
    const QString path = std::get<QString>(bundlePath);
    constexpr int kProjectRate = 44100;
    const QString source = parser.positionalArguments().constFirst();
    auto importedOrCode = importedSource(parser, kProjectRate, parser.isSet(downmix));
    if (const int* code = std::get_if<int>(&importedOrCode))
        return *code;
    const ImportedAudio* imported = &std::get<ImportedAudio>(importedOrCode);
    CliProgress progress(parser.isSet(kQuiet));
    auto analysis = analysis::analyzeSong(imported->audio, progress);
    progress.finish();
    if (!analysis)
        return jobFailure(analysis.error());
    auto file = storeStem(path, imported->audio);
    if (!file)
        return fail(WriteFailure, file.errorMessage());
    const ProjectData data = analysis::projectFromAnalysis(analysis.value(), QFileInfo(source).completeBaseName(), file.value(),
                                                           kProjectRate, imported->audio.frames());
    if (Status saved = bundle::save(data, path); !saved)
        return fail(WriteFailure, saved.errorMessage());
    const auto& a = analysis.value();
    if (parser.isSet(kJson)) {
        QJsonArray sections;
        for (const auto& sec : a.sections)
            sections.append(QJsonObject{{"label", toString(sec.label)}, {"start", sec.start}, {"end", sec.end}, {"caption", sec.caption}});
        out() << QJsonDocument(QJsonObject{{"path", path}, {"tempo", a.tempo}, {"key", a.key}, {"sections", sections},
                                           {"quality", a.quality.score}, {"reasons", QJsonArray::fromStringList(a.quality.reasons)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Ok;
    }
    out() << path << ": " << QString::number(a.tempo, 'f', 1) << " BPM, " << (a.key.isEmpty() ? QStringLiteral("key unclear") : a.key)
          << ", " << a.sections.size() << " sections, quality " << QString::number(a.quality.score, 'f', 2) << '\n';
    for (const auto& sec : a.sections)
        out() << "  " << toString(sec.label).leftJustified(11) << QString::number(sec.start, 'f', 1) << "–"
              << QString::number(sec.end, 'f', 1) << " s  " << sec.caption << '\n';
    for (const QString& reason : a.quality.reasons)
        out() << "  quality: " << reason << '\n';
    return Ok;
}

}  // namespace s2a::cli
