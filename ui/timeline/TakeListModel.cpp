#include "ui/timeline/TakeListModel.h"

#include <cmath>

#include <QLocale>

namespace s2a::ui {

TakeListModel::TakeListModel(core::Project* project, QObject* parent) : QAbstractListModel(parent), m_project(project)
{
    connect(project, &core::Project::sectionsReplaced, this, &TakeListModel::refresh);
    connect(project, &core::Project::dataReset, this, &TakeListModel::refresh);
}

const core::Section* TakeListModel::section() const
{
    const int index = m_project->data().sectionIndex(m_sectionId);
    return index < 0 ? nullptr : &m_project->data().sections[index];
}

void TakeListModel::setSectionId(const QString& id)
{
    if (id == m_sectionId)
        return;
    m_sectionId = id;
    Q_EMIT sectionIdChanged();
    refresh();
}

void TakeListModel::refresh()
{
    const core::Section* s = section();
    const QVector<core::Take> takes = s ? s->takes : QVector<core::Take>{};
    const QString active = s ? s->activeTakeId : QString();
    if (takes.size() != m_takes.size()) {
        beginResetModel();
        m_takes = takes;
        m_activeTakeId = active;
        endResetModel();
        Q_EMIT countChanged();
        Q_EMIT activeRowChanged();
        return;
    }
    const bool activeChanged = active != m_activeTakeId;
    const bool takesChanged = takes != m_takes;
    m_takes = takes;
    m_activeTakeId = active;
    if ((takesChanged || activeChanged) && !m_takes.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    if (activeChanged)
        Q_EMIT activeRowChanged();
}

int TakeListModel::activeRow() const
{
    for (int i = 0; i < m_takes.size(); ++i)
        if (m_takes[i].id == m_activeTakeId)
            return i;
    return -1;
}

int TakeListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_takes.size());
}

QVariant TakeListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_takes.size())
        return {};
    const core::Take& t = m_takes[index.row()];
    const core::TakeOrigin& o = t.origin;
    switch (role) {
    case IdRole: return t.id;
    case Qt::DisplayRole:
    case NameRole: return t.name;
    case EngineRole: return o.engine;
    case SeedRole: return QString::number(o.seed);
    case CaptionRole: return o.caption;
    case RatingRole: return t.rating;
    case ActiveRole: return t.id == m_activeTakeId;
    case DetailsRole: {
        QStringList parts{o.engine.isEmpty() ? tr("unknown engine") : o.engine};
        if (o.seed != 0)
            parts << tr("seed %1").arg(o.seed);
        if (o.engine == QLatin1String("diffusion") && o.steps > 0)
            parts << tr("%n step(s)", "", o.steps) << tr("guidance %1").arg(o.guidance);
        if (o.levelGainDb < 0.0)
            parts << tr("level guard %1 dB").arg(QLocale().toString(o.levelGainDb, 'f', 1));
        if (o.createdAt.isValid())
            parts << QLocale().toString(o.createdAt.toLocalTime(), QLocale::ShortFormat);
        return parts.join(QStringLiteral(" · "));
    }
    case ClipWarningRole:
        // Only a take whose own stems reach past full scale: the level guard keeps generated ones under it,
        // so this is an imported or older take.
        if (std::isfinite(o.truePeakDbtp) && o.truePeakDbtp > 0.0)
            return tr("Clips: its stems peak at %1 dBTP").arg(QLocale().toString(o.truePeakDbtp, 'f', 1));
        return QString();
    default: return {};
    }
}

QHash<int, QByteArray> TakeListModel::roleNames() const
{
    return {{IdRole, "takeId"},       {NameRole, "name"},     {EngineRole, "engine"}, {SeedRole, "seed"},
            {CaptionRole, "caption"}, {RatingRole, "rating"}, {ActiveRole, "active"}, {DetailsRole, "details"},
            {ClipWarningRole, "clipWarning"}};
}

QString TakeListModel::activate(int row)
{
    if (row < 0 || row >= m_takes.size())
        return tr("There is no take %1.").arg(row + 1);
    return m_project->setActiveTake(m_sectionId, m_takes[row].id).errorMessage();
}

QString TakeListModel::rate(int row, int stars)
{
    if (row < 0 || row >= m_takes.size())
        return tr("There is no take %1.").arg(row + 1);
    return m_project->rateTake(m_sectionId, m_takes[row].id, stars).errorMessage();
}

}  // namespace s2a::ui
