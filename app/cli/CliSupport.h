#pragma once

// What every s2a command shares: output streams, argument parsing with per-command --help, common options,
// and the way failures become exit codes.
#include "core/audio/AudioImport.h"
#include "core/model/ProjectData.h"
#include "core/util/Result.h"
#include "inference/Generator.h"

#include <QCommandLineParser>
#include <QLockFile>
#include <QTextStream>

#include <memory>
#include <variant>

namespace s2a::cli {

QTextStream& out();
// Prints "s2a: message" on stderr and returns `code`.
int fail(int code, const QString& message);
// Parses one command's arguments. Returns -1 to go on, or the exit code to return (help shown, bad arguments).
int parse(QCommandLineParser& parser, const QStringList& args, const QString& description, int positionals);
// The error of a job as an exit code: Cancelled for a cancelled job, EngineFailure otherwise.
int jobFailure(const Error& error);

inline const QCommandLineOption kJson(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
inline const QCommandLineOption kQuiet(QStringLiteral("quiet"), QStringLiteral("No progress output."));
inline const QCommandLineOption kSeed(QStringLiteral("seed"), QStringLiteral("Random seed (default: a new one)."),
                                      QStringLiteral("N"));
inline const QCommandLineOption kSection(QStringLiteral("section"),
                                         QStringLiteral("The section: its id, chorus#2, or a label used once."),
                                         QStringLiteral("REF"));

// The ranges the CLI accepts for the diffusion engine's numbers (the GUI's dialogs use the same spans): more
// steps than this only cost time, guidance beyond it only distorts, and context beyond 10 minutes is more than
// any window the model reads.
constexpr int kMaxSteps = 1000;
constexpr double kMaxGuidance = 30.0;
constexpr double kMaxContextSeconds = 600.0;

// --seed, or a fresh random one.
Result<quint64> seedFrom(const QCommandLineParser& parser);
// "2:30" or "150" -> seconds, between 10 s and 20 min.
Result<double> secondsFrom(const QString& text);
// The value of `option` as a finite number within [min, max] (a whole number for wholeNumberFrom): "nan", "inf",
// "1e300" and the like are refused with a message that gives the range, instead of passing a parse-only check.
Result<double> numberFrom(const QCommandLineParser& parser, const QCommandLineOption& option, double min, double max);
Result<int> wholeNumberFrom(const QCommandLineParser& parser, const QCommandLineOption& option, int min, int max);

// The bundle a command that makes a song writes: -o's path (".s2a" added), or the exit code (message printed)
// when -o is missing or the path exists.
std::variant<QString, int> newBundlePath(const QCommandLineParser& parser, const QCommandLineOption& output, const char* command);
// The first positional argument's audio at `projectRate` (folded to stereo with `downmix`), or the exit code.
std::variant<core::ImportedAudio, int> importedSource(const QCommandLineParser& parser, int projectRate, bool downmix);

// The engine --engine names: the arranger, or the diffusion engine with its weights loaded (so a missing file
// is reported before any work, with the engine's "no weights for config tiny" message and EngineFailure); or the
// exit code, the message printed.
std::variant<int, std::unique_ptr<inference::Generator>> chosenEngine(const QString& id);

// The song named by the first positional argument and the section named by --section.
struct SongSection {
    QString path;
    core::ProjectData data;
    QString sectionId;
    std::shared_ptr<QLockFile> writeLock;  // held until the command ends when it will save (core::bundle::lockForWriting)
};
// The song and section, or the exit code (message printed) when either cannot be had. `forWriting`: the
// command will save the song, so it first takes the song's write lock (before loading, so that nothing another
// writer saves in between is overwritten) and is refused, with who holds it, when another writer has it.
std::variant<SongSection, int> songSection(const QCommandLineParser& parser, const char* command, bool forWriting = false,
                                           bool needSection = true);

}  // namespace s2a::cli
