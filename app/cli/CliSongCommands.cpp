#include "app/cli/CliCommands.h"

#include "app/cli/CliProgress.h"
#include "app/cli/CliSupport.h"
#include "core/audio/AudioImport.h"
#include "core/export/Exporter.h"
#include "core/model/Project.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/RangeRepainter.h"
#include "inference/SectionRegenerator.h"
#include "inference/NewSongRequest.h"
#include "inference/SongStructure.h"
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <cmath>
#include <variant>

namespace s2a::cli {

using namespace s2a::core;
using namespace s2a::inference;

int infoCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption(kJson);
    parser.addPositionalArgument(QStringLiteral("song"), QStringLiteral("A .s2a bundle."));
    if (int code = parse(parser, args, QStringLiteral("What a song holds."), 1); code >= 0)
        return code;
    const auto data = bundle::load(parser.positionalArguments().constFirst());
    if (!data)
        return fail(BadInput, data.errorMessage());
    const auto& s = data->settings;
    const double seconds = double(data->length()) / s.sampleRate;
    if (parser.isSet(kJson)) {
        QJsonArray sections;
        for (const auto& sec : data->sections)
            sections.append(QJsonObject{{"id", sec.id}, {"label", sec.displayName()}, {"caption", sec.caption},
                                        {"start", double(sec.start) / s.sampleRate}, {"end", double(sec.end) / s.sampleRate},
                                        {"takes", int(sec.takes.size())}, {"activeTake", sec.activeTakeId}});
        out() << QJsonDocument(QJsonObject{{"title", s.title}, {"sampleRate", s.sampleRate}, {"tempo", s.tempo},
                                           {"key", s.key}, {"caption", s.caption}, {"seconds", seconds},
                                           {"tracks", int(data->tracks.size())}, {"sectionList", sections},
                                           {"sections", int(data->sections.size())}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Ok;
    }
    out() << s.title << ": " << QString::number(seconds, 'f', 2) << " s, " << s.sampleRate << " Hz, " << s.tempo << " BPM"
          << (s.key.isEmpty() ? QString() : QStringLiteral(", ") + s.key) << '\n';
    for (const auto& section : data->sections)
        out() << "  " << section.id << "  " << section.displayName().leftJustified(12) << ' '
              << QString::number(double(section.start) / s.sampleRate, 'f', 2) << "–"
              << QString::number(double(section.end) / s.sampleRate, 'f', 2) << " s  " << section.takes.size()
              << " take(s)\n";
    return Ok;
}

int understandCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions({kJson, kSeed});
    parser.addPositionalArgument(QStringLiteral("caption"), QStringLiteral("Free text, e.g. \"dark lo-fi with rhodes\"."));
    if (int code = parse(parser, args, QStringLiteral("What the arranger understands of a caption."), 1); code >= 0)
        return code;
    auto seed = parser.isSet(kSeed) ? seedFrom(parser) : Result<quint64>(quint64(0));
    if (!seed)
        return fail(BadArguments, seed.errorMessage());
    const QString caption = parser.positionalArguments().constFirst();
    if (!parser.isSet(kJson) && !parser.isSet(kSeed)) {
        // Without a seed: what the caption fixes, and what it leaves open, as the New Song dialog says it.
        const auto reading = readCaption(caption);
        if (!reading)
            return fail(BadInput, reading.errorMessage());
        out() << describeReading(reading.value()) << '\n';
        return Ok;
    }
    GenerationRequest request;
    request.caption = caption;
    const auto plan = arranger::SongPlanner::plan(request, seed.value());
    if (!plan)
        return fail(BadInput, plan.errorMessage());
    if (parser.isSet(kJson))
        out() << QJsonDocument(plan->toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        out() << plan->understood() << '\n';  // with a seed: the song that seed makes, every choice filled in
    return Ok;
}

int newCommand(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption caption(QStringLiteral("caption"), QStringLiteral("What the song should be."), QStringLiteral("TEXT"));
    const QCommandLineOption structure(QStringLiteral("structure"), QStringLiteral("Sections in bars: intro:8,verse:16,..."), QStringLiteral("FORM"));
    const QCommandLineOption templ(QStringLiteral("template"), QStringLiteral("pop, rock, edm, ambient or ballad (default pop)."), QStringLiteral("NAME"));
    const QCommandLineOption length(QStringLiteral("length"), QStringLiteral("Fit the form to about this long (m:ss)."), QStringLiteral("M:SS"));
    const QCommandLineOption engine(QStringLiteral("engine"), QStringLiteral("arranger (default) or diffusion."), QStringLiteral("ENGINE"), QStringLiteral("arranger"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Song title."), QStringLiteral("TEXT"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The bundle to write (Song.s2a)."), QStringLiteral("PATH"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Sampler steps (diffusion)."), QStringLiteral("N"), QStringLiteral("32"));
    parser.addOptions({caption, structure, templ, length, engine, steps, title, output, kSeed, kQuiet, kJson});
    if (int code = parse(parser, args, QStringLiteral("Generate a new song into a .s2a bundle."), 0); code >= 0)
        return code;
    if (!parser.isSet(caption) || !parser.isSet(output))
        return fail(BadArguments, QStringLiteral("new needs --caption and -o; see --help"));
    if (parser.value(engine) != QLatin1String("arranger") && parser.value(engine) != QLatin1String("diffusion"))
        return fail(BadArguments, QStringLiteral("unknown engine \"%1\"; use arranger or diffusion").arg(parser.value(engine)));
    QString path = parser.value(output);
    if (!path.endsWith(QLatin1String(".s2a")))
        path += QStringLiteral(".s2a");
    if (QFileInfo::exists(path))
        return fail(WriteFailure, QStringLiteral("%1 exists already; choose another name").arg(path));
    auto seed = seedFrom(parser);
    if (!seed)
        return fail(BadArguments, seed.errorMessage());
    NewSongSpec spec;
    spec.caption = parser.value(caption);
    spec.structure = parser.value(structure);
    spec.templateName = parser.value(templ);
    spec.seed = seed.value();
    // A bad form is a bad argument, checked on its own first so the exit code says which part was wrong. An
    // option given empty is refused here (the spec would read it as "not given").
    if (auto form = parser.isSet(structure) ? parseSongForm(spec.structure)
                                            : templateSongForm(parser.isSet(templ) ? spec.templateName : QStringLiteral("pop"));
        !form)
        return fail(BadArguments, form.errorMessage());
    if (parser.isSet(length)) {
        auto seconds = secondsFrom(parser.value(length));
        if (!seconds)
            return fail(BadArguments, seconds.errorMessage());
        spec.lengthSeconds = seconds.value();
    }
    // What is left to fail is the plan of the caption: bad input.
    auto planned = newSongRequest(spec);
    if (!planned)
        return fail(BadInput, planned.errorMessage());
    GenerationRequest& request = planned.value();
    const auto stepCount = wholeNumberFrom(parser, steps, 1, kMaxSteps);
    if (!stepCount)
        return fail(BadArguments, stepCount.errorMessage());
    request.steps = stepCount.value();

    auto chosen = chosenEngine(parser.value(engine));
    if (const int* code = std::get_if<int>(&chosen))
        return *code;
    Generator& generator = *std::get<std::unique_ptr<Generator>>(chosen);

    CliProgress progress(parser.isSet(kQuiet));
    auto result = generator.generate(request, progress);
    progress.finish();
    if (!result)
        return jobFailure(result.error());
    const QString songTitle = parser.isSet(title) ? parser.value(title) : QFileInfo(path).completeBaseName();
    auto written = arranger::writeSongBundle(path, songTitle, request, result.value());
    if (!written)
        return fail(WriteFailure, written.errorMessage());
    const double seconds = double(written->data.length()) / request.sampleRate;
    if (parser.isSet(kJson))
        out() << QJsonDocument(QJsonObject{{"path", path}, {"seconds", seconds}, {"seed", QString::number(request.seed)},
                                           {"understood", result->understood}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    else
        out() << path << ": " << QString::number(seconds, 'f', 1) << " s, seed " << request.seed << '\n'
              << "  " << result->understood << '\n';
    return Ok;
}

namespace {

// regenerate --from A --to B: one repaint, a take for each section it touches, saved.
int repaintRange(const SongSection& song, const QString& fromText, const QString& toText, const RegenerateOptions& options,
                 Generator& generator, bool quiet, bool json)
{
    const int rate = song.data.settings.sampleRate;
    bool okFrom = false, okTo = false;
    const double from = fromText.toDouble(&okFrom), to = toText.toDouble(&okTo);
    const double songSeconds = double(song.data.length()) / rate;
    if (!okFrom || !okTo || !std::isfinite(from) || !std::isfinite(to) || from < 0 || to > songSeconds || to <= from)
        return fail(BadArguments, QStringLiteral("--from and --to need seconds with 0 <= from < to <= %1, not \"%2\" and \"%3\"")
                                      .arg(songSeconds, 0, 'f', 2).arg(fromText, toText));
    const RepaintRange range{SampleCount(std::llround(from * rate)), SampleCount(std::llround(to * rate))};
    if (Status ok = checkRepaintRange(song.data, range); !ok)
        return fail(BadArguments, ok.errorMessage());
    Project project(song.data);
    CliProgress progress(quiet);
    auto takes = renderRepaint(song.data, song.path, range, options, generator, progress);
    progress.finish();
    if (!takes)
        return jobFailure(takes.error());
    auto ids = addRenderedTakes(project, takes.value(), repaintName(range, rate));
    if (!ids)
        return fail(EngineFailure, ids.errorMessage());
    if (progress.cancelled())
        return fail(Cancelled, QStringLiteral("cancelled; nothing was changed"));
    if (Status saved = bundle::save(project.data(), song.path); !saved)
        return fail(WriteFailure, saved.errorMessage());
    QJsonArray list;
    for (int i = 0; i < ids->size(); ++i)
        list.append(QJsonObject{{"section", takes->at(i).sectionId}, {"take", ids->at(i)}});
    if (json)
        out() << QJsonDocument(QJsonObject{{"takes", list}, {"seed", QString::number(options.seed)}}).toJson(QJsonDocument::Compact) << '\n';
    else
        for (int i = 0; i < ids->size(); ++i)
            out() << "new take " << ids->at(i) << " for " << takes->at(i).sectionId << " (" << repaintName(range, rate)
                  << ", seed " << options.seed << ")\n";
    return Ok;
}

}  // namespace

int regenerateCommand(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption caption(QStringLiteral("caption"), QStringLiteral("A new caption for the section."), QStringLiteral("TEXT"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Sampler steps (diffusion)."), QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption guidance(QStringLiteral("guidance"), QStringLiteral("Guidance scale (diffusion)."), QStringLiteral("X"), QStringLiteral("4"));
    const QCommandLineOption engine(QStringLiteral("engine"), QStringLiteral("arranger (default) or diffusion."), QStringLiteral("ENGINE"), QStringLiteral("arranger"));
    const QCommandLineOption context(QStringLiteral("context"), QStringLiteral("Seconds of the song either side the engine listens to (diffusion)."), QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Instead of --section: repaint from here (seconds) ..."), QStringLiteral("S"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("... to here, across sections; each section it touches gets a take."), QStringLiteral("S"));
    const QCommandLineOption stems(QStringLiteral("stems"), QStringLiteral("With --section: only these stems (names or roles, comma-separated; a new instrument is added); the others stay as they are."), QStringLiteral("LIST"));
    parser.addOptions({kSection, from, to, stems, caption, steps, guidance, engine, context, kSeed, kQuiet, kJson});
    parser.addPositionalArgument(QStringLiteral("song"), QStringLiteral("A .s2a bundle."));
    if (int code = parse(parser, args, QStringLiteral("Make one section, or any range (--from/--to), anew; the result becomes the active take."), 1); code >= 0)
        return code;
    const bool ranged = parser.isSet(from) || parser.isSet(to);
    if (ranged && (parser.isSet(kSection) || !parser.isSet(from) || !parser.isSet(to)))
        return fail(BadArguments, QStringLiteral("give --section, or --from and --to, not both"));
    RegenerateOptions options;
    const auto stepCount = wholeNumberFrom(parser, steps, 1, kMaxSteps);
    const auto guidanceScale = numberFrom(parser, guidance, 0.0, kMaxGuidance);
    const auto contextSeconds = numberFrom(parser, context, 0.0, kMaxContextSeconds);
    auto seed = seedFrom(parser);
    for (const QString& message : {stepCount.errorMessage(), guidanceScale.errorMessage(), contextSeconds.errorMessage(),
                                   seed.errorMessage()})
        if (!message.isEmpty())
            return fail(BadArguments, message);
    options.steps = stepCount.value();
    options.guidance = guidanceScale.value();
    options.contextSeconds = contextSeconds.value();
    if (parser.value(engine) != QLatin1String("arranger") && parser.value(engine) != QLatin1String("diffusion"))
        return fail(BadArguments, QStringLiteral("unknown engine \"%1\"; use arranger or diffusion").arg(parser.value(engine)));
    options.seed = seed.value();
    if (parser.isSet(caption))
        options.caption = parser.value(caption);
    if (parser.isSet(stems)) {
        if (ranged)
            return fail(BadArguments, QStringLiteral("--stems goes with --section, not with --from/--to"));
        options.stems = parser.value(stems).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }

    auto found = songSection(parser, "regenerate", true, !ranged);
    if (const int* code = std::get_if<int>(&found))
        return *code;
    const SongSection& song = std::get<SongSection>(found);
    const QString& path = song.path;
    const QString& sectionId = song.sectionId;

    auto chosen = chosenEngine(parser.value(engine));
    if (const int* code = std::get_if<int>(&chosen))
        return *code;
    Generator& generator = *std::get<std::unique_ptr<Generator>>(chosen);
    if (ranged)
        return repaintRange(song, parser.value(from), parser.value(to), options, generator, parser.isSet(kQuiet), parser.isSet(kJson));

    Project project(song.data);
    CliProgress progress(parser.isSet(kQuiet));
    auto takeId = regenerateSection(project, path, sectionId, options, generator, progress);
    progress.finish();
    if (!takeId)
        return jobFailure(takeId.error());
    if (progress.cancelled())
        return fail(Cancelled, QStringLiteral("cancelled; nothing was changed"));
    if (Status saved = bundle::save(project.data(), path); !saved)
        return fail(WriteFailure, saved.errorMessage());
    if (parser.isSet(kJson))
        out() << QJsonDocument(QJsonObject{{"section", sectionId}, {"take", takeId.value()},
                                           {"seed", QString::number(options.seed)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    else
        out() << "new take " << takeId.value() << " for " << sectionId << " (seed " << options.seed << ")\n";
    return Ok;
}

int takesCommand(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption activate(QStringLiteral("activate"), QStringLiteral("Make this take the active one."), QStringLiteral("TAKE"));
    parser.addOptions({kSection, activate, kJson});
    parser.addPositionalArgument(QStringLiteral("song"), QStringLiteral("A .s2a bundle."));
    if (int code = parse(parser, args, QStringLiteral("List a section's takes, or choose the active one."), 1); code >= 0)
        return code;
    auto found = songSection(parser, "takes", parser.isSet(activate));
    if (const int* code = std::get_if<int>(&found))
        return *code;
    const SongSection& song = std::get<SongSection>(found);
    Project project(song.data);
    if (parser.isSet(activate)) {
        if (Status s = project.setActiveTake(song.sectionId, parser.value(activate)); !s)
            return fail(BadArguments, s.errorMessage());
        if (Status saved = bundle::save(project.data(), song.path); !saved)
            return fail(WriteFailure, saved.errorMessage());
    }
    const Section& s = project.data().sections[project.data().sectionIndex(song.sectionId)];
    QJsonArray takes;
    for (const Take& t : s.takes) {
        const bool active = t.id == s.activeTakeId;
        takes.append(QJsonObject{{"id", t.id}, {"name", t.name}, {"engine", t.origin.engine},
                                 {"seed", QString::number(t.origin.seed)}, {"rating", t.rating}, {"active", active},
                                 {"createdAt", t.origin.createdAt.toString(Qt::ISODate)}});
        if (!parser.isSet(kJson))
            out() << (active ? "* " : "  ") << t.id << "  " << t.name.leftJustified(10) << ' ' << t.origin.engine
                  << " seed " << t.origin.seed << (t.rating ? QStringLiteral("  ") + QString(t.rating, QLatin1Char('*')) : QString())
                  << '\n';
    }
    if (parser.isSet(kJson))
        out() << QJsonDocument(QJsonObject{{"section", s.id}, {"takes", takes}}).toJson(QJsonDocument::Compact) << '\n';
    return Ok;
}

}  // namespace s2a::cli
