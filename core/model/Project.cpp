#include "core/model/Project.h"

#include "core/model/ChordSymbol.h"
#include "core/model/ProjectValidator.h"
#include "core/model/SectionEdits.h"
#include "core/model/commands/EditCommands.h"

#include <algorithm>

namespace s2a::core {

using detail::SectionRangeCommand;
using detail::SettingsCommand;
using detail::TrackCommand;
using detail::TrackListCommand;

using detail::noSuch;

Project::Project(ProjectData data, QObject* parent) : QObject(parent), m_data(std::move(data)) {}

Project::Project(QObject* parent)
    : Project(ProjectData::createNew(tr("Untitled"), 44100, SampleCount(44100) * 60), parent)
{
}

SampleCount Project::minimumSectionLength() const
{
    return limits::minimumSectionLength(m_data.settings.sampleRate);
}

void Project::reset(ProjectData data)
{
    m_undo.clear();
    m_data = std::move(data);
    Q_EMIT dataReset();
}

Status Project::refuseUnlessValid(const ProjectData& candidate) const
{
    const QVector<ValidationIssue> issues = validateProject(candidate);
    if (issues.isEmpty())
        return Status::success();
    return Error{issues.first().message};
}

// ---- settings ---------------------------------------------------------------------------------------------

template <typename Edit>
Status Project::editSettings(const QString& text, const QString& mergeKey, Edit edit)
{
    ProjectData candidate = m_data;
    edit(candidate.settings);
    if (candidate.settings == m_data.settings)
        return Status::success();
    if (Status status = refuseUnlessValid(candidate); !status)
        return Error{text + QStringLiteral(": ") + status.errorMessage()};
    m_undo.push(new SettingsCommand(this, m_data.settings, candidate.settings, text, mergeKey, m_gesture));
    return Status::success();
}

Status Project::setTitle(const QString& title)
{
    return editSettings(tr("Rename song"), {}, [&](ProjectSettings& s) { s.title = title; });
}

Status Project::setTempo(double bpm)
{
    return editSettings(tr("Set tempo"), QStringLiteral("tempo"), [&](ProjectSettings& s) { s.tempo = bpm; });
}

Status Project::setTimeSignature(TimeSignature ts)
{
    return editSettings(tr("Set time signature"), {}, [&](ProjectSettings& s) { s.timeSignature = ts; });
}

Status Project::setKey(const QString& key)
{
    return editSettings(tr("Set key"), {}, [&](ProjectSettings& s) { s.key = key; });
}

Status Project::setLoopRegion(SampleCount start, SampleCount end, const QString& text)
{
    return editSettings(text, {}, [&](ProjectSettings& s) {
        s.loopStart = start;
        s.loopEnd = end;
    });
}

Status Project::setCaption(const QString& caption)
{
    return editSettings(tr("Edit song caption"), {}, [&](ProjectSettings& s) { s.caption = caption; });
}

Status Project::setDownbeatOffset(SampleCount position)
{
    return editSettings(tr("Move bar 1"), QStringLiteral("downbeat"), [&](ProjectSettings& s) { s.downbeatOffset = position; });
}

Status Project::setSeed(quint64 seed)
{
    return editSettings(tr("Set seed"), {}, [&](ProjectSettings& s) { s.seed = seed; });
}

// ---- tracks -----------------------------------------------------------------------------------------------

Status Project::addTrack(Track track, int index)
{
    if (track.id.isEmpty() || m_data.trackIndex(track.id) >= 0)
        track.id = newId("trk");
    ProjectData candidate = m_data;
    if (index < 0 || index > candidate.tracks.size())
        index = int(candidate.tracks.size());
    candidate.tracks.insert(index, track);
    if (Status status = refuseUnlessValid(candidate); !status)
        return Error{tr("Add track") + QStringLiteral(": ") + status.errorMessage()};
    m_undo.push(new TrackListCommand(this, m_data.tracks, m_data.sections, candidate.tracks, candidate.sections,
                                     tr("Add track \"%1\"").arg(track.name)));
    return Status::success();
}

Status Project::removeTrack(const QString& trackId)
{
    const int index = m_data.trackIndex(trackId);
    if (index < 0)
        return noSuch("track", trackId);
    ProjectData candidate = m_data;
    const QString name = candidate.tracks[index].name;
    candidate.tracks.remove(index);
    // The takes stay (takes are never deleted); they just stop holding audio for the removed track.
    for (Section& section : candidate.sections)
        for (Take& take : section.takes)
            take.clips.erase(std::remove_if(take.clips.begin(), take.clips.end(),
                                            [&](const AudioClip& c) { return c.trackId == trackId; }),
                             take.clips.end());
    m_undo.push(new TrackListCommand(this, m_data.tracks, m_data.sections, candidate.tracks, candidate.sections,
                                     tr("Remove track \"%1\"").arg(name)));
    return Status::success();
}

template <typename Edit>
Status Project::editTrack(const QString& trackId, const QString& text, const QString& mergeKey, Edit edit)
{
    const int index = m_data.trackIndex(trackId);
    if (index < 0)
        return noSuch("track", trackId);
    ProjectData candidate = m_data;
    edit(candidate.tracks[index]);
    if (candidate.tracks[index] == m_data.tracks[index])
        return Status::success();
    if (Status status = refuseUnlessValid(candidate); !status)
        return Error{text + QStringLiteral(": ") + status.errorMessage()};
    m_undo.push(new TrackCommand(this, index, m_data.tracks[index], candidate.tracks[index], text,
                                 mergeKey.isEmpty() ? QString() : mergeKey + trackId, m_gesture));
    return Status::success();
}

Status Project::setTrackName(const QString& trackId, const QString& name)
{
    return editTrack(trackId, tr("Rename track"), {}, [&](Track& t) { t.name = name; });
}

Status Project::setTrackGain(const QString& trackId, double gainDb)
{
    return editTrack(trackId, tr("Set track gain"), QStringLiteral("gain:"), [&](Track& t) { t.gainDb = gainDb; });
}

Status Project::setTrackPan(const QString& trackId, double pan)
{
    return editTrack(trackId, tr("Set track pan"), QStringLiteral("pan:"), [&](Track& t) { t.pan = pan; });
}

Status Project::setTrackMute(const QString& trackId, bool mute)
{
    return editTrack(trackId, mute ? tr("Mute track") : tr("Unmute track"), {}, [&](Track& t) { t.mute = mute; });
}

Status Project::setTrackSolo(const QString& trackId, bool solo)
{
    return editTrack(trackId, solo ? tr("Solo track") : tr("Unsolo track"), {}, [&](Track& t) { t.solo = solo; });
}

Status Project::setTrackColour(const QString& trackId, const QString& colour)
{
    return editTrack(trackId, tr("Set track colour"), {}, [&](Track& t) { t.colour = colour; });
}

Status Project::setTrackLocked(const QString& trackId, bool locked)
{
    return editTrack(trackId, locked ? tr("Lock track") : tr("Unlock track"), {}, [&](Track& t) { t.locked = locked; });
}

// ---- sections ---------------------------------------------------------------------------------------------

Status Project::replaceSections(int first, int removed, const QVector<Section>& inserted, const QString& text,
                                const QString& mergeKey)
{
    ProjectData candidate = m_data;
    candidate.sections.remove(first, removed);
    for (int i = 0; i < inserted.size(); ++i)
        candidate.sections.insert(first + i, inserted[i]);
    if (Status status = refuseUnlessValid(candidate); !status)
        return Error{text + QStringLiteral(": ") + status.errorMessage()};
    m_undo.push(new SectionRangeCommand(this, first, m_data.sections.mid(first, removed), inserted, text, mergeKey,
                                        m_gesture));
    return Status::success();
}

template <typename Edit>
Status Project::editSection(const QString& sectionId, const QString& text, const QString& mergeKey, Edit edit)
{
    const int index = m_data.sectionIndex(sectionId);
    if (index < 0)
        return noSuch("section", sectionId);
    Section section = m_data.sections[index];
    if (Status status = edit(section); !status)
        return status;
    if (section == m_data.sections[index])
        return Status::success();
    return replaceSections(index, 1, {section}, text, mergeKey.isEmpty() ? QString() : mergeKey + sectionId);
}

Status Project::splitSection(const QString& sectionId, SampleCount position)
{
    const int index = m_data.sectionIndex(sectionId);
    if (index < 0)
        return noSuch("section", sectionId);
    auto halves = SectionEdits::split(m_data.sections[index], position, minimumSectionLength());
    if (!halves)
        return halves.error();
    return replaceSections(index, 1, {halves->first, halves->second}, tr("Split section"));
}

Status Project::mergeWithNext(const QString& sectionId)
{
    const int index = m_data.sectionIndex(sectionId);
    if (index < 0)
        return noSuch("section", sectionId);
    if (index + 1 >= m_data.sections.size())
        return Error{tr("\"%1\" is the last section; there is nothing after it to merge with.")
                         .arg(m_data.sections[index].displayName())};
    auto merged = SectionEdits::merge(m_data.sections[index], m_data.sections[index + 1]);
    if (!merged)
        return merged.error();
    return replaceSections(index, 2, {merged.value()}, tr("Merge sections"));
}

Status Project::moveBoundary(const QString& sectionId, SampleCount position)
{
    const int index = m_data.sectionIndex(sectionId);
    if (index < 0)
        return noSuch("section", sectionId);
    if (index + 1 >= m_data.sections.size())
        return Error{tr("The end of the last section is the end of the song; it has no neighbour to move.")};
    const Section& left = m_data.sections[index];
    if (position == left.end)
        return Status::success();
    auto moved = SectionEdits::moveBoundary(left, m_data.sections[index + 1], position, minimumSectionLength());
    if (!moved)
        return moved.error();
    return replaceSections(index, 2, {moved->first, moved->second}, tr("Move section boundary"),
                           QStringLiteral("boundary:") + sectionId);
}

Status Project::setSectionLabel(const QString& sectionId, SectionLabel label, const QString& customLabel)
{
    return editSection(sectionId, tr("Relabel section"), {}, [&](Section& s) {
        s.label = label;
        s.customLabel = label == SectionLabel::Custom ? customLabel : QString();
        return Status::success();
    });
}

Status Project::setSectionCaption(const QString& sectionId, const QString& caption)
{
    return editSection(sectionId, tr("Edit section caption"), {}, [&](Section& s) {
        s.caption = caption;
        return Status::success();
    });
}

Status Project::setSectionTags(const QString& sectionId, const QStringList& tags)
{
    return editSection(sectionId, tr("Edit section tags"), {}, [&](Section& s) {
        s.tags = tags;
        return Status::success();
    });
}

Status Project::setSectionEnergy(const QString& sectionId, double energy)
{
    return editSection(sectionId, tr("Set section energy"), QStringLiteral("energy:"), [&](Section& s) {
        s.energy = energy;
        return Status::success();
    });
}

Status Project::setSectionLocked(const QString& sectionId, bool locked)
{
    return editSection(sectionId, locked ? tr("Lock section") : tr("Unlock section"), {}, [&](Section& s) {
        s.locked = locked;
        return Status::success();
    });
}

Status Project::addTake(const QString& sectionId, Take take, bool makeActive)
{
    return editSection(sectionId, tr("Add take"), {}, [&](Section& s) -> Status {
        if (s.locked)
            return Error{tr("Section \"%1\" is locked; unlock it to add takes.").arg(s.displayName())};
        if (take.id.isEmpty() || s.takeIndex(take.id) >= 0)
            take.id = newId("take");
        if (take.name.isEmpty())
            take.name = tr("Take %1").arg(s.takes.size() + 1);
        s.takes.append(take);
        if (makeActive || s.activeTakeId.isEmpty())
            s.activeTakeId = take.id;
        return Status::success();
    });
}

Status Project::setActiveTake(const QString& sectionId, const QString& takeId)
{
    return editSection(sectionId, tr("Choose take"), {}, [&](Section& s) -> Status {
        if (s.takeIndex(takeId) < 0)
            return noSuch("take", takeId);
        if (s.locked && s.activeTakeId != takeId)
            return Error{tr("Section \"%1\" is locked; unlock it to change its take.").arg(s.displayName())};
        s.activeTakeId = takeId;
        return Status::success();
    });
}

Status Project::rateTake(const QString& sectionId, const QString& takeId, int rating)
{
    return editSection(sectionId, tr("Rate take"), {}, [&](Section& s) -> Status {
        const int index = s.takeIndex(takeId);
        if (index < 0)
            return noSuch("take", takeId);
        s.takes[index].rating = rating;
        return Status::success();
    });
}

// ---- applied by commands ----------------------------------------------------------------------------------

void Project::applySettings(const ProjectSettings& settings)
{
    m_data.settings = settings;
    Q_EMIT settingsChanged();
}

void Project::applyTrack(int index, const Track& track)
{
    m_data.tracks[index] = track;
    Q_EMIT trackChanged(index);
}

void Project::applyTracksAndSections(const QVector<Track>& tracks, const QVector<Section>& sections)
{
    m_data.tracks = tracks;
    m_data.sections = sections;
    Q_EMIT tracksReset();
    Q_EMIT sectionsReplaced(0, int(sections.size()), int(sections.size()));
}

void Project::applySectionRange(int first, int removed, const QVector<Section>& inserted)
{
    m_data.sections.remove(first, removed);
    for (int i = 0; i < inserted.size(); ++i)
        m_data.sections.insert(first + i, inserted[i]);
    Q_EMIT sectionsReplaced(first, removed, int(inserted.size()));
}

void Project::applyMarkers(const QVector<Marker>& markers)
{
    m_data.markers = markers;
    Q_EMIT markersChanged();
}

void Project::applyChords(const QVector<ChordMark>& chords)
{
    m_data.chords = chords;
    Q_EMIT chordsChanged();
}

}  // namespace s2a::core
