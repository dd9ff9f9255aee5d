#include "ui/timeline/TrackListModel.h"

#include <QVariantMap>

#include <algorithm>

namespace s2a::ui {

TrackListModel::TrackListModel(core::Project* project, QObject* parent)
    : QAbstractListModel(parent), m_project(project), m_tracks(project->data().tracks)
{
    connect(project, &core::Project::dataReset, this, &TrackListModel::reset);
    connect(project, &core::Project::tracksReset, this, &TrackListModel::reset);
    connect(project, &core::Project::trackChanged, this, [this](int row) {
        m_tracks = m_project->data().tracks;
        Q_EMIT dataChanged(index(row), index(row));
        // A solo on one track silences (and dims) all the others.
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {AudibleRole});
    });
    // A take switch, split or regeneration changes what the lanes draw.
    connect(project, &core::Project::sectionsReplaced, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ClipsRole});
    });
}

void TrackListModel::reset()
{
    beginResetModel();
    m_tracks = m_project->data().tracks;
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT spectrogramsChanged();
}

int TrackListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tracks.size());
}

QVariantList TrackListModel::activeClips(const core::ProjectData& data, const QString& trackId)
{
    QVariantList clips;
    for (const core::Section& s : data.sections) {
        const core::Take* take = s.activeTake();
        if (!take)
            continue;
        for (const core::AudioClip& c : take->clips) {
            if (c.trackId != trackId)
                continue;
            // A take's clip may reach past its section (after a boundary move); the lane shows what plays.
            const core::SampleCount start = std::max(c.timelineStart, s.start);
            const core::SampleCount end = std::min(c.timelineEnd(), s.end);
            if (end <= start)
                continue;
            clips.append(QVariantMap{{QStringLiteral("file"), c.file},
                                     {QStringLiteral("timelineStart"), double(start)},
                                     {QStringLiteral("sourceStart"), double(c.sourceStart + (start - c.timelineStart))},
                                     {QStringLiteral("length"), double(end - start)}});
        }
    }
    return clips;
}

QVariant TrackListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_tracks.size())
        return {};
    const core::Track& t = m_tracks[index.row()];
    switch (role) {
    case IdRole: return t.id;
    case Qt::DisplayRole:
    case NameRole: return t.name;
    case RoleNameRole: return core::toString(t.role);
    case GainRole: return t.gainDb;
    case PanRole: return t.pan;
    case MuteRole: return t.mute;
    case SoloRole: return t.solo;
    case AudibleRole: return t.audible(core::anySoloed(m_tracks));
    case ColourRole: return t.colour;
    case ClipsRole: return activeClips(m_project->data(), t.id);
    case SpectrogramRole: return m_spectrograms.contains(t.id);
    case LockedRole: return t.locked;
    default: return {};
    }
}

QHash<int, QByteArray> TrackListModel::roleNames() const
{
    return {{IdRole, "trackId"}, {NameRole, "name"}, {RoleNameRole, "role"}, {GainRole, "gainDb"},
            {PanRole, "pan"},    {MuteRole, "mute"}, {SoloRole, "solo"},     {ColourRole, "colour"},
            {ClipsRole, "clips"}, {AudibleRole, "audible"}, {SpectrogramRole, "spectrogram"},
            {LockedRole, "locked"}};
}

QString TrackListModel::trackId(int row) const
{
    return row >= 0 && row < m_tracks.size() ? m_tracks[row].id : QString();
}

void TrackListModel::setSpectrogram(int row, bool on)
{
    const QString id = trackId(row);
    if (id.isEmpty() || m_spectrograms.contains(id) == on)
        return;
    if (on)
        m_spectrograms.insert(id);
    else
        m_spectrograms.remove(id);
    Q_EMIT dataChanged(index(row), index(row), {SpectrogramRole});
    Q_EMIT spectrogramsChanged();
}

bool TrackListModel::allSpectrograms() const
{
    return !m_tracks.isEmpty()
           && std::all_of(m_tracks.begin(), m_tracks.end(), [this](const core::Track& t) { return m_spectrograms.contains(t.id); });
}

void TrackListModel::setAllSpectrograms(bool on)
{
    for (int row = 0; row < rowCount(); ++row)
        setSpectrogram(row, on);
}

QString TrackListModel::setMute(int row, bool mute) { return m_project->setTrackMute(trackId(row), mute).errorMessage(); }
QString TrackListModel::setSolo(int row, bool solo) { return m_project->setTrackSolo(trackId(row), solo).errorMessage(); }
QString TrackListModel::setGain(int row, double gainDb) { return m_project->setTrackGain(trackId(row), gainDb).errorMessage(); }
QString TrackListModel::setPan(int row, double pan) { return m_project->setTrackPan(trackId(row), pan).errorMessage(); }

}  // namespace s2a::ui
