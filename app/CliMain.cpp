// s2a: the headless command line. Each command is small; the work happens in the libraries.
#include "core/persistence/ProjectBundle.h"
#include "inference/arranger/SongPlanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

// Distinct exit codes let scripts tell a typo from a broken file.
enum ExitCode { Ok = 0, BadArguments = 2, BadInput = 3 };

int info(const QStringList& args, bool json)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() != 1) {
        err << "usage: s2a info Song.s2a [--json]\n";
        return BadArguments;
    }
    const auto data = s2a::core::bundle::load(args.constFirst());
    if (!data) {
        err << "s2a: " << data.errorMessage() << '\n';
        return BadInput;
    }
    const auto& s = data->settings;
    const double seconds = double(data->length()) / s.sampleRate;
    if (json) {
        QJsonObject o{{"title", s.title}, {"sampleRate", s.sampleRate}, {"tempo", s.tempo}, {"key", s.key},
                      {"seconds", seconds}, {"tracks", int(data->tracks.size())},
                      {"sections", int(data->sections.size())}};
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return Ok;
    }
    out << s.title << ": " << QString::number(seconds, 'f', 2) << " s, " << s.sampleRate << " Hz, " << s.tempo
        << " BPM" << (s.key.isEmpty() ? QString() : QStringLiteral(", ") + s.key) << '\n';
    for (const auto& section : data->sections)
        out << "  " << section.id << "  " << section.displayName().leftJustified(12) << ' '
            << QString::number(double(section.start) / s.sampleRate, 'f', 2) << "–"
            << QString::number(double(section.end) / s.sampleRate, 'f', 2) << " s  " << section.takes.size()
            << " take(s)\n";
    return Ok;
}

// What the arranger makes of a caption, before generating anything: the plan a new song would follow.
int understand(const QStringList& args, bool json, quint64 seed)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() != 1) {
        err << "usage: s2a understand \"CAPTION\" [--seed N] [--json]\n";
        return BadArguments;
    }
    s2a::inference::GenerationRequest request;
    request.caption = args.constFirst();
    const auto plan = s2a::inference::arranger::SongPlanner::plan(request, seed);
    if (!plan) {
        err << "s2a: " << plan.errorMessage() << '\n';
        return BadInput;
    }
    if (json)
        out << QJsonDocument(plan->toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        out << plan->understood() << '\n';
    return Ok;
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("s2a"));
    QCoreApplication::setApplicationVersion(QStringLiteral(S2A_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "S2A Studio on the command line.\n\nCommands:\n"
        "  info Song.s2a [--json]                    what a song holds\n"
        "  understand \"CAPTION\" [--seed N] [--json]   what the arranger understands of a caption"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed for choices the caption leaves open."), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("info | understand"));
    parser.process(app);

    QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return BadArguments;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("info"))
        return info(args, parser.isSet(QStringLiteral("json")));
    if (command == QLatin1String("understand")) {
        bool validSeed = false;
        const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&validSeed);
        if (!validSeed) {
            std::fprintf(stderr, "s2a: --seed needs a non-negative integer\n");
            return BadArguments;
        }
        return understand(args, parser.isSet(QStringLiteral("json")), seed);
    }
    std::fprintf(stderr, "s2a: unknown command \"%s\"; see s2a --help\n", qPrintable(command));
    return BadArguments;
}
