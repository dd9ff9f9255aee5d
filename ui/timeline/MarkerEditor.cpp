#include "ui/timeline/MarkerEditor.h"

#include "core/model/Project.h"
#include "ui/timeline/TimelineController.h"
#include "ui/viewmodels/TransportModel.h"


#include <algorithm>

namespace s2a::ui {

MarkerEditor::MarkerEditor(core::Project* project, TransportModel* transport, TimelineController* timeline, QObject* parent)
    : QAbstractListModel(parent), m_project(project), m_transport(transport), m_timeline(timeline)
{
    connect(m_project, &core::Project::markersChanged, this, &MarkerEditor::sync);
    connect(m_project, &core::Project::dataReset, this, [this] {
        beginResetModel();
        m_rows.clear();
        for (const core::Marker& m : m_project->data().markers)
            m_rows << m.id;
        endResetModel();
    });
    for (const core::Marker& m : m_project->data().markers)
        m_rows << m.id;
}

const core::Marker* MarkerEditor::find(const QString& id) const
{
    for (const core::Marker& m : m_project->data().markers)
        if (m.id == id)
            return &m;
    return nullptr;
}

void MarkerEditor::sync()
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row)
        if (!find(m_rows[row])) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    for (const core::Marker& m : m_project->data().markers)
        if (!m_rows.contains(m.id)) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
            m_rows << m.id;
            endInsertRows();
        }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

int MarkerEditor::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant MarkerEditor::data(const QModelIndex& index, int role) const
{
    const core::Marker* m = index.isValid() && index.row() < m_rows.size() ? find(m_rows[index.row()]) : nullptr;
    if (!m)
        return {};
    switch (role) {
    case IdRole: return m->id;
    case NameRole: return m->name;
    case PositionRole: return qint64(m->position);
    default: return {};
    }
}

QHash<int, QByteArray> MarkerEditor::roleNames() const
{
    return {{IdRole, "markerId"}, {NameRole, "name"}, {PositionRole, "position"}};
}

QString MarkerEditor::addAtPlayhead()
{
    return m_project->addMarker(m_transport->position(), {}).errorMessage();
}

QString MarkerEditor::rename(const QString& id, const QString& name)
{
    return m_project->renameMarker(id, name).errorMessage();
}

QString MarkerEditor::remove(const QString& id)
{
    return m_project->removeMarker(id).errorMessage();
}

QString MarkerEditor::dragTo(const QString& id, qint64 sample, int modifiers)
{
    const qint64 position = std::clamp<qint64>(m_timeline->snapMoment(sample, modifiers), 0, m_project->data().length());
    return m_project->moveMarker(id, position).errorMessage();
}

void MarkerEditor::finishDrag() { m_project->finishGesture(); }

bool MarkerEditor::jumpPrevious()
{
    // Half a beat of grace: pressed again right after a jump, it goes on to the marker before.
    const qint64 from = m_transport->position() - qint64(m_timeline->samplesPerBeat() / 2);
    const auto& all = m_project->data().markers;
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->position < from) {
            m_transport->seek(it->position);
            return true;
        }
    return false;
}

bool MarkerEditor::jumpNext()
{
    const qint64 from = m_transport->position();
    for (const core::Marker& m : m_project->data().markers)
        if (m.position > from) {
            m_transport->seek(m.position);
            return true;
        }
    return false;
}

void MarkerEditor::jumpTo(const QString& id)
{
    for (const core::Marker& m : m_project->data().markers)
        if (m.id == id)
            m_transport->seek(m.position);
}

}  // namespace s2a::ui
