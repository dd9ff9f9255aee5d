#include "TestProjects.h"

#include "core/persistence/ProjectBundle.h"

#include <QDir>
#include <QFile>

namespace s2a::test {

using namespace core;

ProjectData makeSong(int tracks, int sections, int takesPerSection, int sampleRate)
{
    ProjectData data;
    data.settings.title = QStringLiteral("Sommernacht — ünïcødé ♪");
    data.settings.sampleRate = sampleRate;
    data.settings.tempo = 104.25;
    data.settings.timeSignature = {6, 8};
    data.settings.key = QStringLiteral("F# minor");
    data.settings.caption = QStringLiteral("upbeat funk with slap bass and brass");
    data.settings.seed = 0x8000000000000005ULL;  // does not fit a double exactly

    static const TrackRole roles[] = {TrackRole::Drums, TrackRole::Bass, TrackRole::Keys, TrackRole::Guitar,
                                      TrackRole::Strings, TrackRole::Pads, TrackRole::Lead, TrackRole::Other};
    for (int i = 0; i < tracks; ++i) {
        Track t;
        t.id = QStringLiteral("trk-%1").arg(i);
        t.role = roles[i % 8];
        t.name = toString(t.role) + QString::number(i);
        t.gainDb = -3.5 + i * 0.1;
        t.pan = i % 2 ? -0.25 : 0.3333333333333333;
        t.mute = i == 1;
        t.solo = i == 2;
        t.colour = QStringLiteral("#%1a0b0").arg(10 + i, 2, 10, QLatin1Char('0'));
        data.tracks.append(t);
    }

    static const SectionLabel labels[] = {SectionLabel::Intro, SectionLabel::Verse, SectionLabel::Chorus,
                                          SectionLabel::Bridge, SectionLabel::Custom, SectionLabel::Outro};
    const SampleCount length = SampleCount(sampleRate) * 8;
    for (int i = 0; i < sections; ++i) {
        Section s;
        s.id = QStringLiteral("sec-%1").arg(i);
        s.label = labels[i % 6];
        if (s.label == SectionLabel::Custom)
            s.customLabel = QStringLiteral("Hook");
        s.start = i * length;
        s.end = s.start + length;
        s.caption = QStringLiteral("section %1: sparse piano, brushed drums").arg(i);
        s.tags = QStringList{QStringLiteral("piano"), QStringLiteral("drums")};
        s.energy = 0.125 * (i % 8);
        for (int j = 0; j < takesPerSection; ++j) {
            Take take;
            take.id = QStringLiteral("take-%1-%2").arg(i).arg(j);
            take.name = QStringLiteral("Take %1").arg(j + 1);
            take.rating = j % 6;
            take.origin.engine = j % 2 ? QStringLiteral("diffusion") : QStringLiteral("arranger");
            take.origin.modelId = QStringLiteral("tiny");
            take.origin.weightsHash = QStringLiteral("ab12cd34");
            take.origin.caption = s.caption;
            take.origin.seed = 1000u + quint64(j);
            take.origin.steps = 32;
            take.origin.guidance = 4.5;
            take.origin.contextSeconds = 10.0;
            if (j % 2) {  // the level guard's record on some takes; the others were never measured
                take.origin.levelGainDb = -2.75;
                take.origin.truePeakDbtp = -1.0;
            }
            take.origin.createdAt = QDateTime(QDate(2026, 11, 25), QTime(4, 20, 1, 250), Qt::UTC);
            for (const Track& t : data.tracks) {
                AudioClip clip;
                clip.trackId = t.id;
                clip.file = QStringLiteral("%1%2%3.flac").arg(i, 4, 10, QLatin1Char('0')).arg(j, 4, 10, QLatin1Char('0')).arg(t.id.mid(4));
                clip.timelineStart = s.start;
                clip.sourceStart = 0;
                clip.length = length;
                take.clips.append(clip);
            }
            s.takes.append(take);
        }
        if (!s.takes.isEmpty())
            s.activeTakeId = s.takes.last().id;
        data.sections.append(s);
    }
    data.markers.append({QStringLiteral("mrk-0"), length / 2, QStringLiteral("drop here")});
    return data;
}

void writeReferencedAudio(const ProjectData& data, const QString& bundlePath)
{
    QDir().mkpath(bundle::audioDir(bundlePath));
    for (const Section& s : data.sections)
        for (const Take& t : s.takes)
            for (const AudioClip& c : t.clips) {
                QFile f(QDir(bundle::audioDir(bundlePath)).filePath(c.file));
                if (f.open(QIODevice::WriteOnly))
                    f.write(c.file.toUtf8());
            }
}

}  // namespace s2a::test
