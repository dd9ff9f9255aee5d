#pragma once

#include <QStringList>

// The s2a commands. Each takes its own arguments (after the command name), prints its --help, and returns
// one of the exit codes below.
namespace s2a::cli {

enum ExitCode { Ok = 0, BadArguments = 2, BadInput = 3, EngineFailure = 4, Cancelled = 5, WriteFailure = 6 };

int infoCommand(const QStringList& args);
int understandCommand(const QStringList& args);
int newCommand(const QStringList& args);
int regenerateCommand(const QStringList& args);
int takesCommand(const QStringList& args);
int exportCommand(const QStringList& args);
int analyzeCommand(const QStringList& args);
int accompanyCommand(const QStringList& args);

}  // namespace s2a::cli
