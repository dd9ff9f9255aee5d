#include "ui/waveform/LaneClips.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QVariantMap>

#include <cmath>

namespace s2a::ui {

std::vector<LaneClip> parseLaneClips(const QVariantList& clips, const QString& audioDir)
{
    QString dir = audioDir;
    if (dir.startsWith(QLatin1String("file:")))
        dir = QUrl(dir).toLocalFile();
    auto sampleValue = [](const QVariant& v) { return core::SampleCount(std::llround(v.toDouble())); };
    std::vector<LaneClip> parsed;
    parsed.reserve(std::size_t(clips.size()));
    for (int i = 0; i < clips.size(); ++i) {
        const QVariantMap entry = clips[i].toMap();
        LaneClip clip;
        const QString file = entry.value(QStringLiteral("file")).toString();
        clip.timelineStart = sampleValue(entry.value(QStringLiteral("timelineStart")));
        clip.sourceStart = sampleValue(entry.value(QStringLiteral("sourceStart")));
        clip.length = sampleValue(entry.value(QStringLiteral("length")));
        if (file.isEmpty())
            // The waveform's context: these sentences were its own before the spectrogram shared them.
            clip.problem = QCoreApplication::translate("s2a::ui::WaveformItem", "Clip %1 names no audio file.").arg(i + 1);
        else if (dir.isEmpty() && QFileInfo(file).isRelative())
            clip.problem = QCoreApplication::translate("s2a::ui::WaveformItem",
                                                       "%1: no audio folder is set, so the file cannot be found.")
                               .arg(file);
        else
            clip.path = QDir::cleanPath(QFileInfo(QDir(dir), file).absoluteFilePath());
        parsed.push_back(clip);
    }
    return parsed;
}

}  // namespace s2a::ui
