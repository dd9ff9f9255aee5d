#pragma once

#include <QAbstractListModel>
#include <QVector>
#include <QtQml/qqmlregistration.h>

namespace s2a::core {
class Project;
}

namespace s2a::ui {

class TimelineController;

// The chord lane under the markers (issue 20): the song's chord changes, each a block from its change to the
// next, which the arranger plays and an accompaniment follows. Renames a change (any spelling a musician types:
// "f#m7", "Bbmin"), adds one at a position (snapped to beats), drags one (snapped to beats, Shift free; one drag
// is one undo step) and removes one, through the song's undo stack (core::Project's chord edits). Each action
// returns an empty string or why the song refused it.
//
// It is also the lane's list model (roles position, end, name), one row per change in time order. A drag keeps
// its row: the row's position follows the move, so the delegate under the mouse survives it.
class ChordLaneEditor : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the editor")
    Q_PROPERTY(QStringList suggestions READ suggestions NOTIFY suggestionsChanged)

public:
    enum Role { PositionRole = Qt::UserRole + 1, EndRole, NameRole };

    ChordLaneEditor(core::Project* project, TimelineController* timeline, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The key's diatonic chords ("C", "Dm", ..., for a context menu), or the twelve major chords without a key.
    QStringList suggestions() const;

    Q_INVOKABLE QString rename(qint64 position, const QString& name);
    // A change to `name` at `sample`, snapped to beats unless `modifiers` hold Shift.
    Q_INVOKABLE QString addAt(qint64 sample, const QString& name, int modifiers = 0);
    Q_INVOKABLE QString remove(qint64 position);
    // Moves the change at `from` so that it follows `sample` (snapped to beats unless `modifiers` hold Shift).
    // Moves until finishDrag() are one undo step.
    Q_INVOKABLE QString dragTo(qint64 from, qint64 sample, int modifiers = 0);
    Q_INVOKABLE void finishDrag();

Q_SIGNALS:
    void suggestionsChanged();

private:
    void reset();

    core::Project* m_project;
    TimelineController* m_timeline;
    QVector<qint64> m_rows;  // chord positions, in time order
};

}  // namespace s2a::ui
