// Project's edits of its two lanes of timeline positions, markers and chords: both keep their whole list in
// each undo step (detail::ListCommand).
#include "core/model/ChordSymbol.h"
#include "core/model/Project.h"
#include "core/model/commands/EditCommands.h"

#include <algorithm>

namespace s2a::core {

using detail::noSuch;

// ---- markers ----------------------------------------------------------------------------------------------

namespace {
QVector<Marker>::iterator findMarker(QVector<Marker>& markers, const QString& id)
{
    return std::find_if(markers.begin(), markers.end(), [&](const Marker& m) { return m.id == id; });
}
}  // namespace

Status Project::addMarker(SampleCount position, const QString& name, QString* addedId)
{
    Marker marker{newId("mrk"), position, name.trimmed().isEmpty() ? tr("Marker %1").arg(m_data.markers.size() + 1) : name.trimmed()};
    QVector<Marker> markers = m_data.markers;
    markers.append(marker);
    if (Status s = replaceMarkers(markers, tr("Add marker \"%1\"").arg(marker.name)); !s)
        return s;
    if (addedId)
        *addedId = marker.id;
    return Status::success();
}

Status Project::renameMarker(const QString& markerId, const QString& name)
{
    QVector<Marker> markers = m_data.markers;
    auto it = findMarker(markers, markerId);
    if (it == markers.end())
        return noSuch("marker", markerId);
    if (name.trimmed().isEmpty())
        return Error{tr("A marker needs a name.")};
    it->name = name.trimmed();
    return replaceMarkers(markers, tr("Rename marker"));
}

Status Project::moveMarker(const QString& markerId, SampleCount position)
{
    QVector<Marker> markers = m_data.markers;
    auto it = findMarker(markers, markerId);
    if (it == markers.end())
        return noSuch("marker", markerId);
    it->position = position;
    return replaceMarkers(markers, tr("Move marker \"%1\"").arg(it->name), QStringLiteral("marker-move:") + markerId);
}

Status Project::removeMarker(const QString& markerId)
{
    QVector<Marker> markers = m_data.markers;
    auto it = findMarker(markers, markerId);
    if (it == markers.end())
        return noSuch("marker", markerId);
    const QString text = tr("Delete marker \"%1\"").arg(it->name);
    markers.erase(it);
    return replaceMarkers(markers, text);
}

// Time order (stable, so items at one position keep the order they were made in); nothing pushed when the lane
// is unchanged; refused, with the edit's name, when the song would not be valid.
template <typename T, typename Apply>
Status Project::replaceLane(QVector<T> ProjectData::*lane, QVector<T> items, const QString& text, const QString& mergeKey, Apply apply)
{
    std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.position < b.position; });
    if (items == m_data.*lane)
        return Status::success();
    ProjectData candidate = m_data;
    candidate.*lane = items;
    if (Status status = refuseUnlessValid(candidate); !status)
        return Error{text + QStringLiteral(": ") + status.errorMessage()};
    m_undo.push(new detail::ListCommand<T>(this, apply, m_data.*lane, items, text, mergeKey, m_gesture));
    return Status::success();
}

Status Project::replaceMarkers(QVector<Marker> markers, const QString& text, const QString& mergeKey)
{
    return replaceLane(&ProjectData::markers, std::move(markers), text, mergeKey,
                       [this](const QVector<Marker>& m) { applyMarkers(m); });
}

// ---- chords ------------------------------------------------------------------------------------------------

namespace {

QVector<ChordMark>::iterator chordAtPosition(QVector<ChordMark>& chords, SampleCount position)
{
    return std::find_if(chords.begin(), chords.end(), [&](const ChordMark& c) { return c.position == position; });
}

}  // namespace

Status Project::setChord(SampleCount position, const QString& name)
{
    const auto symbol = parseChordSymbol(name);
    if (!symbol)
        return Error{tr("\"%1\" is not a chord such as C, F#m or Bb7").arg(name)};
    QVector<ChordMark> chords = m_data.chords;
    if (auto it = chordAtPosition(chords, position); it != chords.end())
        it->name = symbol->name();
    else
        chords.append({position, symbol->name()});
    return pushChords(chords, tr("Set chord %1").arg(symbol->name()));
}

Status Project::moveChord(SampleCount from, SampleCount to)
{
    QVector<ChordMark> chords = m_data.chords;
    auto it = chordAtPosition(chords, from);
    if (it == chords.end())
        return Error{tr("There is no chord change there")};
    const QString name = it->name;
    chords.erase(it);
    if (auto there = chordAtPosition(chords, to); there != chords.end())
        chords.erase(there);  // dropped on another change: the moved one replaces it
    chords.append({to, name});
    return pushChords(chords, tr("Move chord %1").arg(name), QStringLiteral("chord-move"));
}

Status Project::removeChord(SampleCount position)
{
    QVector<ChordMark> chords = m_data.chords;
    auto it = chordAtPosition(chords, position);
    if (it == chords.end())
        return Error{tr("There is no chord change there")};
    const QString text = tr("Remove chord %1").arg(it->name);
    chords.erase(it);
    return pushChords(chords, text);
}

Status Project::replaceChords(QVector<ChordMark> chords, const QString& text)
{
    return pushChords(std::move(chords), text);
}

Status Project::pushChords(QVector<ChordMark> chords, const QString& text, const QString& mergeKey)
{
    return replaceLane(&ProjectData::chords, std::move(chords), text, mergeKey,
                       [this](const QVector<ChordMark>& c) { applyChords(c); });
}

}  // namespace s2a::core
