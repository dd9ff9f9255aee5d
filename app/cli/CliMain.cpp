// s2a: S2A Studio without a window. Each command lives in CliCommands.cpp; this file only dispatches.
#include "inference/model/ProcessTuning.h"
#include "app/cli/CliCommands.h"
#include "core/app/BuildInfo.h"
#include "inference/InferenceRuntime.h"
#include "inference/EngineCatalogue.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QCoreApplication>

#include <cstdio>
#include <functional>
#include <map>

int main(int argc, char* argv[])
{
    s2a::model::reexecWithTunedEnvironment(argv);  // before anything starts OpenMP (ProcessTuning.h)
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("s2a"));
    QCoreApplication::setApplicationVersion(QStringLiteral(S2A_VERSION));

    const std::map<QString, std::function<int(const QStringList&)>> commands{
        {QStringLiteral("new"), s2a::cli::newCommand},
        {QStringLiteral("regenerate"), s2a::cli::regenerateCommand},
        {QStringLiteral("takes"), s2a::cli::takesCommand},
        {QStringLiteral("export"), s2a::cli::exportCommand},
        {QStringLiteral("analyze"), s2a::cli::analyzeCommand},
        {QStringLiteral("accompany"), s2a::cli::accompanyCommand},
        {QStringLiteral("info"), s2a::cli::infoCommand},
        {QStringLiteral("understand"), s2a::cli::understandCommand},
    };
    QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args[1] : QString();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        // The first line is what scripts parse: "s2a 0.1.0"; then what this build runs with.
        std::printf("s2a %s\n", S2A_VERSION);
        QStringList report = s2a::core::buildReport(s2a::inference::probeRuntime().description);
        report << s2a::inference::diffusion::weightsReport(s2a::inference::diffusionSettings().config);
        for (const QString& line : report)
            std::printf("%s\n", qPrintable(line));
        return s2a::cli::Ok;
    }
    const auto it = commands.find(command);
    if (it == commands.end()) {
        if (!command.isEmpty() && command != QLatin1String("--help") && command != QLatin1String("-h"))
            std::fprintf(stderr, "s2a: unknown command \"%s\"\n", qPrintable(command));
        std::fprintf(stderr,
                     "usage: s2a COMMAND [options]   (s2a COMMAND --help for each)\n\n"
                     "  new         generate a new song into a .s2a bundle\n"
                     "  regenerate  make a section (or any range, --from/--to) anew; adds takes, makes them active\n"
                     "  takes       list a section's takes, or choose the active one\n"
                     "  export      write stems, the mix or sections as audio files\n"
                     "  analyze     turn any song into a sectioned, captioned project\n"
                     "  accompany   make a band around a recording (a vocal, a guitar take)\n"
                     "  info        what a song holds\n"
                     "  understand  what the arranger understands of a caption\n\n"
                     "exit codes: 0 ok, 2 bad arguments, 3 bad input file, 4 engine failure, 5 cancelled, 6 write failure\n");
        return command == QLatin1String("--help") || command == QLatin1String("-h") ? s2a::cli::Ok
                                                                                    : s2a::cli::BadArguments;
    }
    args.removeAt(1);  // the parser sees "s2a [options] args..."
    return it->second(args);
}
