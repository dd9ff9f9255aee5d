#include "ui/timeline/SectionListModel.h"

namespace s2a::ui {

using core::SectionLabel;

SectionListModel::SectionListModel(core::Project* project, QObject* parent)
    : QAbstractListModel(parent), m_project(project), m_sections(project->data().sections)
{
    connect(project, &core::Project::sectionsReplaced, this, &SectionListModel::onSectionsReplaced);
    connect(project, &core::Project::dataReset, this, [this] {
        beginResetModel();
        m_sections = m_project->data().sections;
        endResetModel();
        Q_EMIT countChanged();
    });
}

int SectionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sections.size());
}

QString SectionListModel::labelColour(SectionLabel label)
{
    switch (label) {
    case SectionLabel::Intro: return QStringLiteral("#4c6ef5");
    case SectionLabel::Verse: return QStringLiteral("#2f9e44");
    case SectionLabel::PreChorus: return QStringLiteral("#74b816");
    case SectionLabel::Chorus: return QStringLiteral("#e8590c");
    case SectionLabel::Bridge: return QStringLiteral("#ae3ec9");
    case SectionLabel::Breakdown: return QStringLiteral("#1098ad");
    case SectionLabel::Build: return QStringLiteral("#f59f00");
    case SectionLabel::Drop: return QStringLiteral("#e03131");
    case SectionLabel::Solo: return QStringLiteral("#d6336c");
    case SectionLabel::Outro: return QStringLiteral("#5c6470");
    case SectionLabel::Custom: break;
    }
    return QStringLiteral("#5c7cfa");
}

QVariant SectionListModel::data(const QModelIndex& index, int role) const
{
    const auto& sections = m_sections;
    if (!index.isValid() || index.row() >= sections.size())
        return {};
    const core::Section& s = sections[index.row()];
    switch (role) {
    case IdRole: return s.id;
    case LabelRole: return core::toString(s.label);
    case Qt::DisplayRole:
    case DisplayNameRole: return s.displayName();
    case CaptionRole: return s.caption;
    case TagsRole: return s.tags;
    case StartRole: return s.start;
    case EndRole: return s.end;
    case EnergyRole: return s.energy;
    case LockedRole: return s.locked;
    case TakeCountRole: return int(s.takes.size());
    case ActiveTakeRole: return s.takeIndex(s.activeTakeId);
    case ColourRole: return labelColour(s.label);
    case OrdinalRole: {
        int ordinal = 0;
        for (int i = 0; i <= index.row(); ++i)
            ordinal += sections[i].displayName() == s.displayName();
        return ordinal;
    }
    default: return {};
    }
}

QHash<int, QByteArray> SectionListModel::roleNames() const
{
    return {{IdRole, "sectionId"},   {LabelRole, "label"},       {DisplayNameRole, "displayName"},
            {CaptionRole, "caption"}, {TagsRole, "tags"},         {StartRole, "start"},
            {EndRole, "end"},         {EnergyRole, "energy"},     {LockedRole, "locked"},
            {TakeCountRole, "takeCount"}, {ActiveTakeRole, "activeTake"}, {ColourRole, "colour"},
            {OrdinalRole, "ordinal"}};
}

void SectionListModel::onSectionsReplaced(int first, int removed, int inserted)
{
    const int same = std::min(removed, inserted);
    if (m_sections.size() - removed + inserted != m_project->data().sections.size()) {
        // Not a description of this change (a whole-song replacement): start over.
        beginResetModel();
        m_sections = m_project->data().sections;
        endResetModel();
        Q_EMIT countChanged();
        return;
    }
    if (removed > inserted) {
        beginRemoveRows({}, first + inserted, first + removed - 1);
        m_sections = m_project->data().sections;
        endRemoveRows();
    } else if (inserted > removed) {
        beginInsertRows({}, first + removed, first + inserted - 1);
        m_sections = m_project->data().sections;
        endInsertRows();
    } else {
        m_sections = m_project->data().sections;
    }
    // Rows that stayed changed in place; ordinals of later sections of the same label may move too.
    if ((same > 0 || removed != inserted) && first < rowCount())
        Q_EMIT dataChanged(index(first), index(rowCount() - 1));
    if (removed != inserted)
        Q_EMIT countChanged();
}

}  // namespace s2a::ui
