#include "core/model/ProjectValidator.h"

#include "core/model/ChordSymbol.h"

#include <QSet>

#include <cmath>
#include <utility>

namespace s2a::core {
namespace {

class Checker {
public:
    explicit Checker(const ProjectData& data)
        : m_data(data), m_maxLength(limits::maximumSongLength(data.settings.sampleRate))
    {
    }

    QVector<ValidationIssue> run()
    {
        checkSettings();
        checkTracks();
        checkSections();
        checkMarkers();
        checkChords();
        return m_issues;
    }

private:
    void fail(const QString& path, const QString& message) { m_issues.append({path, message}); }

    void checkRange(const QString& path, double value, double lo, double hi)
    {
        if (!std::isfinite(value) || value < lo || value > hi)
            fail(path, QStringLiteral("%1 is outside %2..%3").arg(value).arg(lo).arg(hi));
    }

    void checkSettings()
    {
        const ProjectSettings& s = m_data.settings;
        if (s.sampleRate < limits::kMinSampleRate || s.sampleRate > limits::kMaxSampleRate)
            fail(QStringLiteral("$.sampleRate"), QStringLiteral("sample rate %1 Hz is not supported").arg(s.sampleRate));
        checkRange(QStringLiteral("$.tempo"), s.tempo, limits::kMinTempo, limits::kMaxTempo);
        if (!limits::isValidTimeSignature(s.timeSignature))
            fail(QStringLiteral("$.timeSignature"), QStringLiteral("%1/%2 is not a time signature")
                                                        .arg(s.timeSignature.numerator)
                                                        .arg(s.timeSignature.denominator));
        if ((s.loopStart != 0 || s.loopEnd != 0) && (s.loopStart < 0 || s.loopEnd <= s.loopStart || s.loopEnd > m_maxLength))
            fail(QStringLiteral("$.loop"), QStringLiteral("the loop region %1-%2 is not a span of the song").arg(s.loopStart).arg(s.loopEnd));
        if (s.downbeatOffset < 0 || s.downbeatOffset > m_maxLength)
            fail(QStringLiteral("$.downbeatOffset"), QStringLiteral("%1 is not a position in the song").arg(s.downbeatOffset));
        if (!limits::isValidKey(s.key))
            fail(QStringLiteral("$.key"), QStringLiteral("\"%1\" is not a key such as \"C major\" or \"F# minor\"").arg(s.key));
    }

    void checkTracks()
    {
        QSet<QString> ids;
        for (int i = 0; i < m_data.tracks.size(); ++i) {
            const Track& t = m_data.tracks[i];
            const QString path = QStringLiteral("$.tracks[%1]").arg(i);
            checkId(path + QStringLiteral(".id"), t.id, ids);
            checkRange(path + QStringLiteral(".gainDb"), t.gainDb, limits::kMinGainDb, limits::kMaxGainDb);
            checkRange(path + QStringLiteral(".pan"), t.pan, -1.0, 1.0);
            if (!limits::isValidColour(t.colour))
                fail(path + QStringLiteral(".colour"), QStringLiteral("\"%1\" is not a #rrggbb colour").arg(t.colour));
        }
    }

    void checkSections()
    {
        if (m_data.sections.isEmpty()) {
            fail(QStringLiteral("$.sections"), QStringLiteral("a song needs at least one section"));
            return;
        }
        const SampleCount minLength = limits::minimumSectionLength(m_data.settings.sampleRate);
        QSet<QString> ids;
        SampleCount expectedStart = 0;
        for (int i = 0; i < m_data.sections.size(); ++i) {
            const Section& s = m_data.sections[i];
            const QString path = QStringLiteral("$.sections[%1]").arg(i);
            checkId(path + QStringLiteral(".id"), s.id, ids);
            if (s.start != expectedStart) {
                fail(path + QStringLiteral(".start"),
                     s.start < expectedStart
                         ? QStringLiteral("starts at %1, overlapping the previous section that ends at %2").arg(s.start).arg(expectedStart)
                         : QStringLiteral("starts at %1, leaving a gap after %2").arg(s.start).arg(expectedStart));
            }
            if (s.length() < minLength)
                fail(path + QStringLiteral(".end"), QStringLiteral("section is %1 samples long; the minimum is %2")
                                                        .arg(s.length())
                                                        .arg(minLength));
            if (s.end > m_maxLength) {
                fail(path + QStringLiteral(".end"), QStringLiteral("ends at %1 samples, past the longest song a project may hold (%2 hours, %3 samples)")
                                                        .arg(s.end).arg(limits::kMaxSongSeconds / 3600.0).arg(m_maxLength));
                return;  // positions past the bound are not worth checking further (nor safe to add up)
            }
            checkRange(path + QStringLiteral(".energy"), s.energy, 0.0, 1.0);
            checkTakes(path, s);
            expectedStart = std::max(expectedStart, s.end);
        }
    }

    void checkTakes(const QString& sectionPath, const Section& s)
    {
        QSet<QString> ids;
        for (int j = 0; j < s.takes.size(); ++j) {
            const Take& take = s.takes[j];
            const QString path = sectionPath + QStringLiteral(".takes[%1]").arg(j);
            checkId(path + QStringLiteral(".id"), take.id, ids);
            if (take.rating < 0 || take.rating > limits::kMaxRating)
                fail(path + QStringLiteral(".rating"), QStringLiteral("rating %1 is outside 0..%2").arg(take.rating).arg(limits::kMaxRating));
            for (int k = 0; k < take.clips.size(); ++k)
                checkClip(path + QStringLiteral(".clips[%1]").arg(k), take.clips[k]);
        }
        const QString activePath = sectionPath + QStringLiteral(".activeTake");
        if (s.takes.isEmpty() && !s.activeTakeId.isEmpty())
            fail(activePath, QStringLiteral("names take \"%1\" but the section has no takes").arg(s.activeTakeId));
        else if (!s.takes.isEmpty() && s.takeIndex(s.activeTakeId) < 0)
            fail(activePath, QStringLiteral("\"%1\" is not one of the section's takes").arg(s.activeTakeId));
    }

    void checkClip(const QString& path, const AudioClip& clip)
    {
        if (m_data.trackIndex(clip.trackId) < 0)
            fail(path + QStringLiteral(".track"), QStringLiteral("track \"%1\" does not exist").arg(clip.trackId));
        if (clip.file.isEmpty() || clip.file.contains(QLatin1Char('/')) || clip.file.contains(QLatin1Char('\\'))
            || clip.file.startsWith(QLatin1Char('.')))
            fail(path + QStringLiteral(".file"), QStringLiteral("\"%1\" is not a file name inside audio/").arg(clip.file));
        if (!clip.midiFile.isEmpty() && (clip.midiFile.contains(QLatin1Char('/')) || clip.midiFile.contains(QLatin1Char('\\'))
                                         || clip.midiFile.startsWith(QLatin1Char('.'))))
            fail(path + QStringLiteral(".midi"), QStringLiteral("\"%1\" is not a file name inside audio/").arg(clip.midiFile));
        if (clip.length <= 0)
            fail(path + QStringLiteral(".length"), QStringLiteral("clip length must be positive"));
        if (clip.sourceStart < 0)
            fail(path + QStringLiteral(".sourceStart"), QStringLiteral("must not be negative"));
        if (clip.timelineStart < 0)
            fail(path + QStringLiteral(".timelineStart"), QStringLiteral("must not be negative"));
        // Each bounded, so that timelineStart + length and sourceStart + length cannot overflow either.
        for (const auto& [field, value] : {std::pair{".length", clip.length}, {".sourceStart", clip.sourceStart},
                                          {".timelineStart", clip.timelineStart}})
            if (value > m_maxLength)
                fail(path + QLatin1String(field), QStringLiteral("%1 samples is past the longest song a project may hold (%2)").arg(value).arg(m_maxLength));
    }

    void checkMarkers()
    {
        QSet<QString> ids;
        for (int i = 0; i < m_data.markers.size(); ++i) {
            const Marker& m = m_data.markers[i];
            const QString path = QStringLiteral("$.markers[%1]").arg(i);
            checkId(path + QStringLiteral(".id"), m.id, ids);
            if (m.position < 0 || m.position > m_data.length())
                fail(path + QStringLiteral(".position"), QStringLiteral("%1 is outside the song").arg(m.position));
        }
    }

    // Chords may lie past the song's end (a song shortened since keeps them, as it keeps its loop region); what
    // matters is that each parses, is spelled canonically, and that they are in strict time order.
    void checkChords()
    {
        for (int i = 0; i < m_data.chords.size(); ++i) {
            const ChordMark& c = m_data.chords[i];
            const QString path = QStringLiteral("$.chords[%1]").arg(i);
            if (c.position < 0 || c.position > m_maxLength)
                fail(path + QStringLiteral(".position"), QStringLiteral("%1 is not a position in a song").arg(c.position));
            else if (i > 0 && c.position <= m_data.chords[i - 1].position)
                fail(path + QStringLiteral(".position"), QStringLiteral("chords must be in time order, one per position"));
            const auto symbol = parseChordSymbol(c.name);
            if (!symbol || symbol->name() != c.name)
                fail(path + QStringLiteral(".chord"), QStringLiteral("\"%1\" is not a chord such as \"C\", \"F#m\" or \"Bb7\"").arg(c.name));
        }
    }

    void checkId(const QString& path, const QString& id, QSet<QString>& seen)
    {
        if (id.isEmpty())
            fail(path, QStringLiteral("id must not be empty"));
        else if (seen.contains(id))
            fail(path, QStringLiteral("id \"%1\" is used twice").arg(id));
        seen.insert(id);
    }

    const ProjectData& m_data;
    const SampleCount m_maxLength;  // limits::maximumSongLength at the song's rate
    QVector<ValidationIssue> m_issues;
};

}  // namespace

QVector<ValidationIssue> validateProject(const ProjectData& data)
{
    return Checker(data).run();
}

}  // namespace s2a::core
