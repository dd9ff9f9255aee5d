#include "app/cli/CliSupport.h"

#include "core/persistence/BundleWriteLock.h"

#include <cmath>

#include "app/cli/CliCommands.h"

#include "core/persistence/ProjectBundle.h"
#include "inference/SectionRegenerator.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/EngineCatalogue.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QFileInfo>
#include <QRandomGenerator>

namespace s2a::cli {

using namespace s2a::core;
using namespace s2a::inference;


QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(int code, const QString& message)
{
    QTextStream err(stderr);
    err << "s2a: " << message << '\n';
    return code;
}

int parse(QCommandLineParser& parser, const QStringList& args, const QString& description, int positionals)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!parser.parse(args))
        return fail(BadArguments, parser.errorText() + QStringLiteral("; see --help"));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Ok;
    }
    if (positionals >= 0 && parser.positionalArguments().size() != positionals)
        return fail(BadArguments, QStringLiteral("expected %1 argument(s); see --help").arg(positionals));
    return -1;
}


Result<quint64> seedFrom(const QCommandLineParser& parser)
{
    if (!parser.isSet(kSeed))
        return QRandomGenerator::global()->generate64() >> 1;
    bool ok = false;
    const quint64 seed = parser.value(kSeed).toULongLong(&ok);
    if (!ok)
        return Error{QStringLiteral("--seed needs a non-negative integer")};
    return seed;
}

Result<double> secondsFrom(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool okMinutes = true, okSeconds = false;
    const double minutes = parts.size() == 2 ? parts[0].toDouble(&okMinutes) : 0.0;
    const double seconds = parts.constLast().toDouble(&okSeconds);
    const double total = minutes * 60 + seconds;
    // !(total >= 10): NaN compares false both ways, so the range is written to refuse it.
    if (parts.size() > 2 || !okMinutes || !okSeconds || !std::isfinite(total) || !(total >= 10) || !(total <= 1200))
        return Error{QStringLiteral("--length \"%1\" is not m:ss between 0:10 and 20:00").arg(text)};
    return total;
}

Result<double> numberFrom(const QCommandLineParser& parser, const QCommandLineOption& option, double min, double max)
{
    bool ok = false;
    const QString text = parser.value(option);
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max)
        return Error{QStringLiteral("--%1 needs a number from %2 to %3, not \"%4\"")
                         .arg(option.names().constFirst()).arg(min).arg(max).arg(text)};
    return value;
}

Result<int> wholeNumberFrom(const QCommandLineParser& parser, const QCommandLineOption& option, int min, int max)
{
    bool ok = false;
    const QString text = parser.value(option);
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return Error{QStringLiteral("--%1 needs a whole number from %2 to %3, not \"%4\"")
                         .arg(option.names().constFirst()).arg(min).arg(max).arg(text)};
    return value;
}


std::variant<SongSection, int> songSection(const QCommandLineParser& parser, const char* command, bool forWriting,
                                           bool needSection)
{
    if (!parser.isSet(kSection) && needSection)
        return fail(BadArguments, QStringLiteral("%1 needs --section; see --help").arg(QLatin1String(command)));
    SongSection song;
    song.path = parser.positionalArguments().constFirst();
    if (forWriting) {
        if (!QFileInfo(bundle::projectFile(song.path)).isFile())
            return fail(BadInput, bundle::load(song.path).errorMessage());  // not a song: say why, create nothing
        auto lock = bundle::lockForWriting(song.path);
        if (!lock)
            return fail(WriteFailure, lock.errorMessage());
        song.writeLock = std::move(lock.value());
    }
    auto data = bundle::load(song.path);
    if (!data)
        return fail(BadInput, data.errorMessage());
    song.data = std::move(data.value());
    if (!parser.isSet(kSection))
        return song;
    auto sectionId = findSection(song.data, parser.value(kSection));
    if (!sectionId)
        return fail(BadArguments, sectionId.errorMessage());
    song.sectionId = sectionId.value();
    return song;
}

int jobFailure(const Error& error)
{
    return isCancelled(error) ? fail(Cancelled, QStringLiteral("cancelled; nothing was changed"))
                              : fail(EngineFailure, error.message);
}

std::variant<QString, int> newBundlePath(const QCommandLineParser& parser, const QCommandLineOption& output, const char* command)
{
    if (!parser.isSet(output))
        return fail(BadArguments, QStringLiteral("%1 needs -o Song.s2a; see --help").arg(QLatin1String(command)));
    QString path = parser.value(output);
    if (!path.endsWith(QLatin1String(".s2a")))
        path += QStringLiteral(".s2a");
    if (QFileInfo::exists(path))
        return fail(WriteFailure, QStringLiteral("%1 exists already; choose another name").arg(path));
    return path;
}

std::variant<ImportedAudio, int> importedSource(const QCommandLineParser& parser, int projectRate, bool downmix)
{
    auto imported = importAudio(parser.positionalArguments().constFirst(), projectRate,
                                downmix ? ChannelPolicy::DownmixToStereo : ChannelPolicy::Refuse);
    if (!imported)
        return fail(BadInput, imported.errorMessage());
    return std::move(imported.value());
}

std::variant<int, std::unique_ptr<inference::Generator>> chosenEngine(const QString& id)
{
    if (id != QLatin1String("arranger") && id != QLatin1String("diffusion"))
        return fail(BadArguments, QStringLiteral("unknown engine \"%1\"; use arranger or diffusion").arg(id));
    // The engine the app would use: the diffusion settings (model config, weights, device, threads) with
    // $S2A_MODEL_CONFIG, $S2A_WEIGHTS and $S2A_TEXT_ENCODER over them.
    auto made = inference::makeEngine(id);
    if (!made)
        return fail(EngineFailure, made.errorMessage());
    if (auto* diffusion = dynamic_cast<inference::diffusion::DiffusionEngine*>(made.value().get()))
        if (Status loaded = diffusion->load(); !loaded)
            return fail(EngineFailure, loaded.errorMessage());
    return std::move(made.value());
}

}  // namespace s2a::cli
