#include "inference/StemReplacement.h"

#include <QSet>

namespace s2a::inference {

using namespace core;

namespace {

bool names(const QString& wanted, const QString& name, TrackRole role)
{
    return wanted.compare(name, Qt::CaseInsensitive) == 0 || wanted.compare(toString(role), Qt::CaseInsensitive) == 0;
}

}  // namespace

Result<QVector<StemChoice>> chooseStems(const ProjectData& song, const Section& section, const QStringList& wanted,
                                        const QVector<Stem>& made, RenderedTake& take)
{
    QVector<StemChoice> chosen;
    QStringList changed;
    QSet<int> used;
    for (const QString& raw : wanted) {
        const QString name = raw.trimmed();
        int track = -1;
        for (int t = 0; t < song.tracks.size() && track < 0; ++t)
            if (song.tracks[t].id == name || names(name, song.tracks[t].name, song.tracks[t].role))
                track = t;
        if (track >= 0 && song.tracks[track].locked)
            return Error{QStringLiteral("\"%1\" is your recording (a locked track); unlock the track to replace it.")
                             .arg(song.tracks[track].name)};
        int stem = -1;
        for (int pass = 0; pass < 2 && stem < 0; ++pass)
            for (int i = 0; i < made.size() && stem < 0; ++i) {
                if (used.contains(i))
                    continue;
                const bool fits = track >= 0 ? made[i].role == song.tracks[track].role && (pass == 1 || made[i].name == song.tracks[track].name)
                                             : names(name, made[i].name, made[i].role);
                if (fits)
                    stem = i;
            }
        if (stem < 0)
            return Error{track >= 0 ? QStringLiteral("The engine made no %1 stem for \"%2\"; say it in the caption.")
                                          .arg(toString(song.tracks[track].role), section.displayName())
                                    : QStringLiteral("The song has no stem \"%1\" and the engine made none; name it in the "
                                                     "caption (\"add %1\").").arg(name)};
        used.insert(stem);
        chosen.append({stem, track >= 0 ? song.tracks[track].id : newId("trk")});
        changed << chosen.last().trackId;
    }
    take.keptClips.clear();
    if (const Take* active = section.activeTake())
        for (const AudioClip& clip : active->clips)
            if (!changed.contains(clip.trackId))
                take.keptClips.append(clip);
    take.origin.changedTracks = changed;
    return chosen;
}

QVector<TrackRole> rolesToRemake(const ProjectData& song, const QStringList& wanted)
{
    QVector<TrackRole> roles;
    for (const QString& raw : wanted) {
        const QString name = raw.trimmed();
        std::optional<TrackRole> role;
        for (const Track& t : song.tracks)
            if (!role && (t.id == name || names(name, t.name, t.role)))
                role = t.role;
        if (!role)
            role = trackRoleFromString(name.toLower());
        if (role && !roles.contains(*role))
            roles.append(*role);
    }
    return roles;
}

QStringList assignStemTracks(const ProjectData& song, const QVector<Stem>& stems)
{
    QStringList ids(stems.size());
    QSet<QString> taken;
    for (int i = 0; i < stems.size(); ++i)
        for (const Track& t : song.tracks)
            if (ids[i].isEmpty() && !t.locked && !taken.contains(t.id) && t.role == stems[i].role && t.name == stems[i].name) {
                ids[i] = t.id;
                taken.insert(t.id);
            }
    for (int i = 0; i < stems.size(); ++i)
        for (const Track& t : song.tracks)
            if (ids[i].isEmpty() && !t.locked && !taken.contains(t.id) && t.role == stems[i].role) {
                ids[i] = t.id;
                taken.insert(t.id);
            }
    for (QString& id : ids)
        if (id.isEmpty())
            id = newId("trk");
    return ids;
}

}  // namespace s2a::inference
