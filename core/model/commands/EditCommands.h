#pragma once

#include "core/model/ProjectData.h"
#include "core/util/Result.h"

#include <QUndoCommand>

#include <functional>

namespace s2a::core {
class Project;
}

// The undo commands behind every edit. Each keeps the before and after values of exactly what it
// changes, so undo restores the previous state bit for bit. Commands that share a non-empty merge key and
// belong to the same gesture merge into one undo step (a boundary drag, a fader move); a merged command that
// ends where it began becomes obsolete and leaves the stack.
namespace s2a::core::detail {

// The refusal of an edit that names a track, section, take or marker the song does not have.
inline Error noSuch(const char* what, const QString& id)
{
    return Error{QStringLiteral("There is no %1 with id \"%2\".").arg(QLatin1String(what), id)};
}

class MergeableCommand : public QUndoCommand {
public:
    MergeableCommand(Project* project, const QString& text, const QString& mergeKey, int gesture);
    int id() const override;

protected:
    bool canMergeWith(const QUndoCommand* other) const;
    Project* m_project;

private:
    QString m_mergeKey;
    int m_gesture;
};

class SettingsCommand : public MergeableCommand {
public:
    SettingsCommand(Project* project, ProjectSettings before, ProjectSettings after, const QString& text,
                    const QString& mergeKey, int gesture);
    void redo() override;
    void undo() override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectSettings m_before;
    ProjectSettings m_after;
};

class TrackCommand : public MergeableCommand {
public:
    TrackCommand(Project* project, int index, Track before, Track after, const QString& text,
                 const QString& mergeKey, int gesture);
    void redo() override;
    void undo() override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    int m_index;
    Track m_before;
    Track m_after;
};

// Adding or removing a track also touches the takes that hold clips for it, so this one keeps both lists.
class TrackListCommand : public QUndoCommand {
public:
    TrackListCommand(Project* project, QVector<Track> tracksBefore, QVector<Section> sectionsBefore,
                     QVector<Track> tracksAfter, QVector<Section> sectionsAfter, const QString& text);
    void redo() override;
    void undo() override;

private:
    Project* m_project;
    QVector<Track> m_tracksBefore;
    QVector<Section> m_sectionsBefore;
    QVector<Track> m_tracksAfter;
    QVector<Section> m_sectionsAfter;
};

// Replaces a run of neighbouring sections: split (1 -> 2), merge (2 -> 1), boundary move (2 -> 2) and every
// per-section edit (1 -> 1) are all this one command.
class SectionRangeCommand : public MergeableCommand {
public:
    SectionRangeCommand(Project* project, int first, QVector<Section> before, QVector<Section> after,
                        const QString& text, const QString& mergeKey, int gesture);
    void redo() override;
    void undo() override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    int m_first;
    QVector<Section> m_before;
    QVector<Section> m_after;
};

// Markers and chords are few and small: every edit of either list keeps the whole list before and after, and
// applies it through `apply` (a call of the Project's own, private apply function, which the Project hands over).
template <typename T>
class ListCommand : public MergeableCommand {
public:
    using Apply = std::function<void(const QVector<T>&)>;
    ListCommand(Project* project, Apply apply, QVector<T> before, QVector<T> after, const QString& text,
                const QString& mergeKey, int gesture)
        : MergeableCommand(project, text, mergeKey, gesture), m_apply(std::move(apply)), m_before(std::move(before)),
          m_after(std::move(after))
    {
    }
    void redo() override { m_apply(m_after); }
    void undo() override { m_apply(m_before); }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* o = dynamic_cast<const ListCommand*>(other);
        if (!o || !canMergeWith(other))
            return false;
        m_after = o->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    Apply m_apply;
    QVector<T> m_before;
    QVector<T> m_after;
};

}  // namespace s2a::core::detail
