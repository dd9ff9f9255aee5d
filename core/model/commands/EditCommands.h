#pragma once

#include "core/model/ProjectData.h"

#include <QUndoCommand>

namespace s2a::core {
class Project;
}

// The five undo commands behind every edit. Each keeps the before and after values of exactly what it
// changes, so undo restores the previous state bit for bit. Commands that share a non-empty merge key and
// belong to the same gesture merge into one undo step (a boundary drag, a fader move); a merged command that
// ends where it began becomes obsolete and leaves the stack.
namespace s2a::core::detail {

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

// Markers are few and small: every marker edit keeps the whole list before and after.
class MarkersCommand : public MergeableCommand {
public:
    MarkersCommand(Project* project, QVector<Marker> before, QVector<Marker> after, const QString& text,
                   const QString& mergeKey, int gesture);
    void redo() override;
    void undo() override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    QVector<Marker> m_before;
    QVector<Marker> m_after;
};

}  // namespace s2a::core::detail
