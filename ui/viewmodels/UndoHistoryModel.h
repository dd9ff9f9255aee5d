#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class QUndoStack;

namespace s2a::ui {

// Edit > Undo History: every step of the song's undo stack by name, as QUndoView shows it. Row 0 is the song as
// it was opened (or made); row i is the state after step i. `currentIndex` is the row the song is at now; rows
// after it are the steps Redo would bring back. jumpTo() undoes or redoes as many steps as it takes.
class UndoHistoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the document controller")
    Q_PROPERTY(int currentIndex READ currentIndex NOTIFY currentIndexChanged)

public:
    enum Role { TextRole = Qt::UserRole + 1, CurrentRole, UndoneRole };

    explicit UndoHistoryModel(QUndoStack* stack, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int currentIndex() const;

    Q_INVOKABLE void jumpTo(int row);

Q_SIGNALS:
    void currentIndexChanged();

private:
    QUndoStack* m_stack;
    int m_rows = 0;
};

}  // namespace s2a::ui
