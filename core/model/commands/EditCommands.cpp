#include "core/model/commands/EditCommands.h"

#include "core/model/Project.h"

namespace s2a::core::detail {
namespace {
// QUndoStack only offers mergeWith() to commands with equal, non-negative ids; the merge key decides the rest.
constexpr int kMergeableId = 0x5241;
}  // namespace

MergeableCommand::MergeableCommand(Project* project, const QString& text, const QString& mergeKey, int gesture)
    : QUndoCommand(text), m_project(project), m_mergeKey(mergeKey), m_gesture(gesture)
{
}

int MergeableCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : kMergeableId;
}

bool MergeableCommand::canMergeWith(const QUndoCommand* other) const
{
    const auto* o = dynamic_cast<const MergeableCommand*>(other);
    return o && !m_mergeKey.isEmpty() && o->m_mergeKey == m_mergeKey && o->m_gesture == m_gesture;
}

SettingsCommand::SettingsCommand(Project* project, ProjectSettings before, ProjectSettings after,
                                 const QString& text, const QString& mergeKey, int gesture)
    : MergeableCommand(project, text, mergeKey, gesture), m_before(std::move(before)), m_after(std::move(after))
{
}

void SettingsCommand::redo() { m_project->applySettings(m_after); }
void SettingsCommand::undo() { m_project->applySettings(m_before); }

bool SettingsCommand::mergeWith(const QUndoCommand* other)
{
    if (!canMergeWith(other))
        return false;
    m_after = static_cast<const SettingsCommand*>(other)->m_after;
    setObsolete(m_after == m_before);
    return true;
}

TrackCommand::TrackCommand(Project* project, int index, Track before, Track after, const QString& text,
                           const QString& mergeKey, int gesture)
    : MergeableCommand(project, text, mergeKey, gesture), m_index(index), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void TrackCommand::redo() { m_project->applyTrack(m_index, m_after); }
void TrackCommand::undo() { m_project->applyTrack(m_index, m_before); }

bool TrackCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const TrackCommand*>(other);
    if (!o || !canMergeWith(other) || o->m_index != m_index)
        return false;
    m_after = o->m_after;
    setObsolete(m_after == m_before);
    return true;
}

TrackListCommand::TrackListCommand(Project* project, QVector<Track> tracksBefore, QVector<Section> sectionsBefore,
                                   QVector<Track> tracksAfter, QVector<Section> sectionsAfter, const QString& text)
    : QUndoCommand(text), m_project(project), m_tracksBefore(std::move(tracksBefore)),
      m_sectionsBefore(std::move(sectionsBefore)), m_tracksAfter(std::move(tracksAfter)),
      m_sectionsAfter(std::move(sectionsAfter))
{
}

void TrackListCommand::redo() { m_project->applyTracksAndSections(m_tracksAfter, m_sectionsAfter); }
void TrackListCommand::undo() { m_project->applyTracksAndSections(m_tracksBefore, m_sectionsBefore); }

SectionRangeCommand::SectionRangeCommand(Project* project, int first, QVector<Section> before,
                                         QVector<Section> after, const QString& text, const QString& mergeKey,
                                         int gesture)
    : MergeableCommand(project, text, mergeKey, gesture), m_first(first), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void SectionRangeCommand::redo() { m_project->applySectionRange(m_first, int(m_before.size()), m_after); }
void SectionRangeCommand::undo() { m_project->applySectionRange(m_first, int(m_after.size()), m_before); }

bool SectionRangeCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const SectionRangeCommand*>(other);
    // Only a later edit of the very same run of sections can fold into this one.
    if (!o || !canMergeWith(other) || o->m_first != m_first || o->m_before.size() != m_after.size())
        return false;
    m_after = o->m_after;
    setObsolete(m_after == m_before);
    return true;
}

}  // namespace s2a::core::detail
