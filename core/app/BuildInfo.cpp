#include "core/app/BuildInfo.h"

#include "core/playback/AudioOutput.h"

#include <QtGlobal>

#ifndef S2A_BUILD_COMMIT
#define S2A_BUILD_COMMIT "unknown"
#endif

namespace s2a::core {

QString buildCommit() { return QStringLiteral(S2A_BUILD_COMMIT); }

QStringList buildReport(const QString& runtimeDescription)
{
    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString builtQt = QStringLiteral(QT_VERSION_STR);
    return {QStringLiteral("S2A Studio %1 (commit %2)").arg(QStringLiteral(S2A_VERSION), buildCommit()),
            runtimeQt == builtQt ? QStringLiteral("Qt %1").arg(runtimeQt)
                                 : QStringLiteral("Qt %1 (built with %2)").arg(runtimeQt, builtQt),
            AudioOutput::portAudioVersion(),  // "PortAudio V19.6.0-devel, revision ..."
            QStringLiteral("Compute: %1").arg(runtimeDescription)};
}

}  // namespace s2a::core
