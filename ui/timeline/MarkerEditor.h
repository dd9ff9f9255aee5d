#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace s2a::core {
class Project;
struct Marker;
}

namespace s2a::ui {

class TimelineController;
class TransportModel;

// The marker lane under the ruler: named positions a producer drops while listening ("drop", "vocal in") and
// jumps between. Adds at the playhead, renames, drags (snapped to beats, Shift free; one drag is one undo step)
// and deletes through the song's own undo stack (core::Project's marker edits), and moves the playhead to the
// previous or next marker. Each action returns an empty string or why the song refused it.
//
// It is also the lane's list model (roles markerId, name, position). Rows keep the order markers were made in,
// not time order, and a move only changes its row's data: the delegate a drag holds survives the drag even when
// the marker passes another.
class MarkerEditor : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the editor")

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, PositionRole };

    MarkerEditor(core::Project* project, TransportModel* transport, TimelineController* timeline, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE QString addAtPlayhead();
    Q_INVOKABLE QString rename(const QString& id, const QString& name);
    Q_INVOKABLE QString remove(const QString& id);
    // Moves marker `id` so that it follows `sample` (snapped to beats unless `modifiers` hold Shift). Moves until
    // finishDrag() are one undo step.
    Q_INVOKABLE QString dragTo(const QString& id, qint64 sample, int modifiers = 0);
    Q_INVOKABLE void finishDrag();
    // The playhead to the nearest marker before (after) it; false when there is none.
    Q_INVOKABLE bool jumpPrevious();
    Q_INVOKABLE bool jumpNext();
    Q_INVOKABLE void jumpTo(const QString& id);

private:
    // Follows the song's markers: rows of removed markers go, new ones are appended, the rest change in place.
    void sync();
    const core::Marker* find(const QString& id) const;

    core::Project* m_project;
    TransportModel* m_transport;
    TimelineController* m_timeline;
    QStringList m_rows;  // marker ids, in the order the rows show them
};

}  // namespace s2a::ui
