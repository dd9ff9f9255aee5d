#include "ui/viewmodels/UndoHistoryModel.h"

#include <QUndoStack>

namespace s2a::ui {

UndoHistoryModel::UndoHistoryModel(QUndoStack* stack, QObject* parent)
    : QAbstractListModel(parent), m_stack(stack), m_rows(stack->count() + 1)
{
    // Every push (merged or not), undo, redo and clear moves the index; the list is short, so it is read anew.
    connect(m_stack, &QUndoStack::indexChanged, this, [this] {
        beginResetModel();
        m_rows = m_stack->count() + 1;
        endResetModel();
        Q_EMIT currentIndexChanged();
    });
}

int UndoHistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_rows; }

int UndoHistoryModel::currentIndex() const { return m_stack->index(); }

QVariant UndoHistoryModel::data(const QModelIndex& index, int role) const
{
    const int row = index.row();
    if (!index.isValid() || row < 0 || row >= m_rows)
        return {};
    switch (role) {
    case TextRole:
        return row == 0 ? tr("Opened song") : m_stack->text(row - 1);
    case CurrentRole:
        return row == m_stack->index();
    case UndoneRole:
        return row > m_stack->index();
    default:
        return {};
    }
}

QHash<int, QByteArray> UndoHistoryModel::roleNames() const
{
    return {{TextRole, "stepText"}, {CurrentRole, "current"}, {UndoneRole, "undone"}};
}

void UndoHistoryModel::jumpTo(int row)
{
    if (row >= 0 && row <= m_stack->count())
        m_stack->setIndex(row);
}

}  // namespace s2a::ui
