// s2a accompany LEAD.wav -o Song.s2a: a band around the user's recording (issue 20), the CLI twin of the app's
// File > Accompany a Recording.
#include "app/cli/CliCommands.h"

#include "app/cli/CliProgress.h"
#include "app/cli/CliSupport.h"
#include "core/audio/AudioImport.h"
#include "core/model/Project.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/Accompaniment.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace s2a::cli {

using namespace s2a::core;
using namespace s2a::inference;

int accompanyCommand(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The bundle to write (Song.s2a)."), QStringLiteral("PATH"));
    const QCommandLineOption caption(QStringLiteral("caption"), QStringLiteral("The band's style (\"soul with rhodes, bass and drums\")."), QStringLiteral("TEXT"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The recording's track name (default: Recording)."), QStringLiteral("NAME"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("What the recording is: lead (default), vocals, guitar, keys, bass, ..."), QStringLiteral("ROLE"), QStringLiteral("lead"));
    const QCommandLineOption chords(QStringLiteral("chords"), QStringLiteral("melody (default: the recording is a tune; a harmony is found for it) or played (it plays the chords)."),
                                    QStringLiteral("HOW"), QStringLiteral("melody"));
    const QCommandLineOption engine(QStringLiteral("engine"), QStringLiteral("arranger (default) or diffusion."), QStringLiteral("ENGINE"), QStringLiteral("arranger"));
    const QCommandLineOption downmix(QStringLiteral("downmix"), QStringLiteral("Fold files with more than two channels to stereo."));
    parser.addOptions({output, caption, name, role, chords, engine, downmix, kSeed, kQuiet, kJson});
    parser.addPositionalArgument(QStringLiteral("recording"), QStringLiteral("A sung or played part: WAV, AIFF, FLAC, OGG, Opus or MP3."));
    if (int code = parse(parser, args, QStringLiteral("Make a band that follows a recording's tempo, key, chords and sections."), 1); code >= 0)
        return code;
    const auto recordingRole = trackRoleFromString(parser.value(role));
    if (!recordingRole || *recordingRole == TrackRole::Mix)
        return fail(BadArguments, QStringLiteral("--role needs an instrument role such as lead, vocals or guitar, not \"%1\"").arg(parser.value(role)));
    const QString how = parser.value(chords);
    if (how != QLatin1String("melody") && how != QLatin1String("played"))
        return fail(BadArguments, QStringLiteral("--chords is melody or played, not \"%1\"").arg(how));
    auto seed = seedFrom(parser);
    if (!seed)
        return fail(BadArguments, seed.errorMessage());
    auto bundlePath = newBundlePath(parser, output, "accompany");
    if (const int* code = std::get_if<int>(&bundlePath))
        return *code;
    const QString path = std::get<QString>(bundlePath);
    auto chosen = chosenEngine(parser.value(engine));
    if (const int* code = std::get_if<int>(&chosen))
        return *code;
    Generator& generator = *std::get<std::unique_ptr<Generator>>(chosen);

    constexpr int kProjectRate = 44100;
    const QString source = parser.positionalArguments().constFirst();
    auto importedOrCode = importedSource(parser, kProjectRate, parser.isSet(downmix));
    if (const int* code = std::get_if<int>(&importedOrCode))
        return *code;
    const ImportedAudio* imported = &std::get<ImportedAudio>(importedOrCode);
    CliProgress progress(parser.isSet(kQuiet));
    PhaseJob analysing(progress, 0.0, 0.3);
    auto analysis = analysis::analyzeSong(imported->audio, analysing,
                                          how == QLatin1String("melody") ? analysis::ChordReading::Melody : analysis::ChordReading::Played);
    if (!analysis) {
        progress.finish();
        return jobFailure(analysis.error());
    }
    auto file = storeStem(path, imported->audio);
    if (!file) {
        progress.finish();
        return fail(WriteFailure, file.errorMessage());
    }
    const ProjectData song = accompanimentProject(analysis.value(), QFileInfo(source).completeBaseName(), file.value(), kProjectRate,
                                                  imported->audio.frames(), {parser.value(name), *recordingRole}, parser.value(caption));
    // The recording's song is saved first: a band that fails to generate leaves the analysed song to open.
    if (Status saved = bundle::save(song, path); !saved) {
        progress.finish();
        return fail(WriteFailure, saved.errorMessage());
    }
    RegenerateOptions options;
    options.seed = seed.value();
    PhaseJob generating(progress, 0.3, 1.0);
    auto takes = renderAccompaniment(song, path, options, generator, generating);
    progress.finish();
    if (!takes)
        return jobFailure(takes.error());
    Project project(song);
    if (auto ids = addRenderedTakes(project, takes.value(), QStringLiteral("Accompany")); !ids)
        return fail(EngineFailure, ids.errorMessage());
    if (Status saved = bundle::save(project.data(), path); !saved)
        return fail(WriteFailure, saved.errorMessage());

    const auto& a = analysis.value();
    const QString understood = takes->isEmpty() ? QString() : takes->constFirst().understood;
    if (parser.isSet(kJson)) {
        QJsonArray chordList;
        for (const ChordMark& c : project.data().chords)
            chordList.append(QJsonObject{{"position", double(c.position)}, {"chord", c.name}});
        out() << QJsonDocument(QJsonObject{{"path", path}, {"tempo", a.tempo}, {"key", a.key}, {"downbeat", a.downbeatOffset},
                                           {"sections", int(project.data().sections.size())}, {"chords", chordList},
                                           {"seed", QString::number(options.seed)}, {"understood", understood}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Ok;
    }
    out() << path << ": " << QString::number(a.tempo, 'f', 1) << " BPM, bar 1 at " << QString::number(a.downbeatOffset, 'f', 2) << " s, "
          << (a.key.isEmpty() ? QStringLiteral("key unclear") : a.key) << ", " << project.data().chords.size() << " chord changes, "
          << project.data().sections.size() << " sections, seed " << options.seed << '\n'
          << "  " << understood << '\n';
    return Ok;
}

}  // namespace s2a::cli
