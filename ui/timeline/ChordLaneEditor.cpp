#include "ui/timeline/ChordLaneEditor.h"

#include "core/model/ChordSymbol.h"
#include "core/model/Project.h"
#include "ui/timeline/TimelineController.h"

#include <algorithm>

namespace s2a::ui {

ChordLaneEditor::ChordLaneEditor(core::Project* project, TimelineController* timeline, QObject* parent)
    : QAbstractListModel(parent), m_project(project), m_timeline(timeline)
{
    connect(m_project, &core::Project::chordsChanged, this, &ChordLaneEditor::reset);
    connect(m_project, &core::Project::dataReset, this, &ChordLaneEditor::reset);
    connect(m_project, &core::Project::dataReset, this, &ChordLaneEditor::suggestionsChanged);
    connect(m_project, &core::Project::settingsChanged, this, &ChordLaneEditor::suggestionsChanged);
    // A chord's block ends where the song ends: its length changes with the last section.
    connect(m_project, &core::Project::sectionsReplaced, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(int(m_rows.size()) - 1), index(int(m_rows.size()) - 1), {EndRole});
    });
    for (const core::ChordMark& c : m_project->data().chords)
        m_rows << c.position;
}

void ChordLaneEditor::reset()
{
    QVector<qint64> rows;
    for (const core::ChordMark& c : m_project->data().chords)
        rows << c.position;
    if (rows.size() == m_rows.size()) {
        // The same number of changes (a rename, a drag, their undo): rows change in place, delegates stay.
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ChordLaneEditor::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant ChordLaneEditor::data(const QModelIndex& index, int role) const
{
    const auto& chords = m_project->data().chords;
    if (!index.isValid() || index.row() >= chords.size())
        return {};
    const int row = index.row();
    switch (role) {
    case PositionRole: return qint64(chords[row].position);
    case EndRole: return qint64(row + 1 < chords.size() ? chords[row + 1].position : std::max(m_project->data().length(), chords[row].position));
    case NameRole: return chords[row].name;
    default: return {};
    }
}

QHash<int, QByteArray> ChordLaneEditor::roleNames() const
{
    return {{PositionRole, "position"}, {EndRole, "end"}, {NameRole, "name"}};
}

QStringList ChordLaneEditor::suggestions() const
{
    // The key's scale degrees with their triad qualities (natural minor for a minor key), tonic first.
    const QString key = m_project->data().settings.key;
    const auto tonic = core::parseChordSymbol(key.section(QLatin1Char(' '), 0, 0));
    QStringList out;
    if (!tonic || tonic->isNoChord()) {
        for (int pc = 0; pc < 12; ++pc)
            out << core::ChordSymbol{pc, core::ChordQuality::Major}.name();
        return out;
    }
    for (const core::ChordSymbol& chord : core::diatonicTriads(tonic->root, key.endsWith(QLatin1String("minor"))))
        out << chord.name();
    return out;
}

QString ChordLaneEditor::rename(qint64 position, const QString& name)
{
    return m_project->setChord(position, name).errorMessage();
}

QString ChordLaneEditor::addAt(qint64 sample, const QString& name, int modifiers)
{
    const qint64 position = std::clamp<qint64>(m_timeline->snapMoment(sample, modifiers), 0, std::max<qint64>(0, m_project->data().length() - 1));
    return m_project->setChord(position, name).errorMessage();
}

QString ChordLaneEditor::remove(qint64 position)
{
    return m_project->removeChord(position).errorMessage();
}

QString ChordLaneEditor::dragTo(qint64 from, qint64 sample, int modifiers)
{
    // A change stays between its neighbours: dragged past one, it stops a beat's worth of samples short.
    const auto& chords = m_project->data().chords;
    const auto at = std::find_if(chords.begin(), chords.end(), [&](const core::ChordMark& c) { return c.position == from; });
    if (at == chords.end())
        return tr("There is no chord change there");
    const qint64 low = at == chords.begin() ? 0 : std::prev(at)->position + 1;
    const qint64 high = std::next(at) == chords.end() ? std::max<qint64>(0, m_project->data().length() - 1) : std::next(at)->position - 1;
    const qint64 position = std::clamp<qint64>(m_timeline->snapMoment(sample, modifiers), low, high);
    if (position == from)
        return {};
    return m_project->moveChord(from, position).errorMessage();
}

void ChordLaneEditor::finishDrag() { m_project->finishGesture(); }

}  // namespace s2a::ui
