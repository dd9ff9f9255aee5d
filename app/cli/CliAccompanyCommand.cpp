// s2a accompany LEAD.wav -o Song.s2a: a band around the user's recording (issue 20), the CLI twin of the app's
// File > Accompany a Recording.
#include "app/cli/CliCommands.h"

#include "app/cli/CliProgress.h"
#include "app/cli/CliSupport.h"
#include "core/audio/AudioFileReader.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/Accompaniment.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

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

    AccompanySpec spec;
    spec.caption = parser.value(caption);
    spec.recording = {parser.value(name), *recordingRole};
    spec.chords = how == QLatin1String("melody") ? analysis::ChordReading::Melody : analysis::ChordReading::Played;
    spec.seed = seed.value();
    spec.downmix = parser.isSet(downmix);
    const QString recording = parser.positionalArguments().constFirst();
    // An unreadable or too short file is bad input, not a failed job.
    auto probed = AudioFileReader::probe(recording);
    if (!probed)
        return fail(BadInput, probed.errorMessage());
    if (Status longEnough = checkRecordingLength(double(probed->frames) / std::max(1, probed->sampleRate), QFileInfo(recording).fileName());
        !longEnough)
        return fail(BadInput, longEnough.errorMessage());
    CliProgress progress(parser.isSet(kQuiet));
    auto song = accompanyRecording(recording, path, spec, generator, progress);
    progress.finish();
    // The folder did not exist before this command: what a failed run left in it (stems, no song) goes.
    if (!song) {
        QDir(path).removeRecursively();
        return jobFailure(song.error());
    }
    if (Status saved = bundle::save(song.value(), path); !saved) {
        QDir(path).removeRecursively();
        return fail(WriteFailure, saved.errorMessage());
    }

    const ProjectData& data = song.value();
    const double downbeat = double(data.settings.downbeatOffset) / data.settings.sampleRate;
    if (parser.isSet(kJson)) {
        QJsonArray chordList;
        for (const ChordMark& c : data.chords)
            chordList.append(QJsonObject{{"position", double(c.position)}, {"chord", c.name}});
        out() << QJsonDocument(QJsonObject{{"path", path}, {"tempo", data.settings.tempo}, {"key", data.settings.key},
                                           {"downbeat", downbeat}, {"sections", int(data.sections.size())}, {"chords", chordList},
                                           {"seed", QString::number(spec.seed)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Ok;
    }
    out() << path << ": " << QString::number(data.settings.tempo, 'f', 1) << " BPM, bar 1 at " << QString::number(downbeat, 'f', 2)
          << " s, " << (data.settings.key.isEmpty() ? QStringLiteral("key unclear") : data.settings.key) << ", " << data.chords.size()
          << " chord changes, " << data.sections.size() << " sections, seed " << spec.seed << '\n';
    return Ok;
}

}  // namespace s2a::cli
