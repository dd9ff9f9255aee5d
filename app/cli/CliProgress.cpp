#include "app/cli/CliProgress.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace s2a::cli {
namespace {

std::atomic<bool>* g_cancel = nullptr;

void onInterrupt(int)
{
    if (g_cancel)
        g_cancel->store(true);  // lock-free atomic store: safe in a signal handler
    std::signal(SIGINT, SIG_DFL);
}

}  // namespace

CliProgress::CliProgress(bool quiet) : m_quiet(quiet), m_tty(::isatty(STDERR_FILENO) == 1)
{
    g_cancel = &cancelRequested;
    std::signal(SIGINT, onInterrupt);
    m_clock.start();
}

CliProgress::~CliProgress()
{
    std::signal(SIGINT, SIG_DFL);
    g_cancel = nullptr;
}

void CliProgress::progress(double fraction, const QString& stage)
{
    SimpleJobControl::progress(fraction, stage);
    if (m_quiet)
        return;
    const int percent = int(100.0 * std::clamp(fraction, 0.0, 1.0));
    if (m_tty) {
        if (m_clock.elapsed() - m_lastDraw < 50 && percent < 100)
            return;
        m_lastDraw = m_clock.elapsed();
        const int filled = percent / 4;
        std::fprintf(stderr, "\r[%s%s] %3d%% %-40s", QByteArray(filled, '#').constData(),
                     QByteArray(25 - filled, '.').constData(), percent, qPrintable(stage.left(40)));
        std::fflush(stderr);
        return;
    }
    if (percent / 10 != m_lastTenth || stage != m_lastStage) {
        m_lastTenth = percent / 10;
        m_lastStage = stage;
        std::fprintf(stderr, "%3d%% %s\n", percent, qPrintable(stage));
    }
}

void CliProgress::finish()
{
    if (!m_quiet && m_tty)
        std::fprintf(stderr, "\n");
}

}  // namespace s2a::cli
