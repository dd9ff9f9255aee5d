#pragma once

#include "core/util/JobControl.h"

#include <QElapsedTimer>
#include <QString>

namespace s2a::cli {

// Progress on stderr: a redrawn bar on a terminal, plain lines (every 10 %) when piped, nothing with --quiet.
// Ctrl+C asks the running job to cancel; a second Ctrl+C ends the process at once.
class CliProgress : public SimpleJobControl {
public:
    explicit CliProgress(bool quiet);
    ~CliProgress() override;
    void progress(double fraction, const QString& stage) override;
    void finish();

private:
    bool m_quiet;
    bool m_tty;
    int m_lastTenth = -1;
    QString m_lastStage;
    QElapsedTimer m_clock;
    qint64 m_lastDraw = -1000;
};

}  // namespace s2a::cli
