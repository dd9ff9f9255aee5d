#include "core/persistence/ProjectJson.h"

#include "core/model/ProjectValidator.h"
#include "core/persistence/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <limits>

namespace s2a::core {
namespace {

// ---- writing ----------------------------------------------------------------------------------------------

QJsonObject toJson(const AudioClip& c)
{
    QJsonObject j{{"track", c.trackId}, {"file", c.file}, {"timelineStart", double(c.timelineStart)},
                  {"sourceStart", double(c.sourceStart)}, {"length", double(c.length)}};
    if (!c.midiFile.isEmpty())
        j.insert(QStringLiteral("midi"), c.midiFile);
    return j;
}

QJsonObject toJson(const TakeOrigin& o)
{
    QJsonObject j{{"engine", o.engine}, {"modelId", o.modelId}, {"weightsHash", o.weightsHash}, {"caption", o.caption},
                  {"seed", QString::number(o.seed)}, {"steps", o.steps}, {"guidance", o.guidance},
                  {"contextSeconds", o.contextSeconds}, {"createdAt", o.createdAt.toString(Qt::ISODateWithMs)}};
    // The level guard's record; JSON has no -inf, so "not measured" is an absent key.
    if (o.levelGainDb != 0.0)
        j.insert(QStringLiteral("levelGainDb"), o.levelGainDb);
    if (std::isfinite(o.truePeakDbtp))
        j.insert(QStringLiteral("truePeakDbtp"), o.truePeakDbtp);
    if (!o.changedTracks.isEmpty())
        j.insert(QStringLiteral("changedTracks"), QJsonArray::fromStringList(o.changedTracks));
    return j;
}

QJsonObject toJson(const Take& t)
{
    QJsonArray clips;
    for (const AudioClip& c : t.clips)
        clips.append(toJson(c));
    return {{"id", t.id}, {"name", t.name}, {"rating", t.rating}, {"origin", toJson(t.origin)}, {"clips", clips}};
}

QJsonObject toJson(const Section& s)
{
    QJsonArray takes;
    for (const Take& t : s.takes)
        takes.append(toJson(t));
    QJsonObject o{{"id", s.id}, {"label", toString(s.label)}, {"start", double(s.start)}, {"end", double(s.end)},
                  {"caption", s.caption}, {"tags", QJsonArray::fromStringList(s.tags)}, {"energy", s.energy},
                  {"locked", s.locked}, {"activeTake", s.activeTakeId}, {"takes", takes}};
    if (s.label == SectionLabel::Custom)
        o.insert(QStringLiteral("customLabel"), s.customLabel);
    return o;
}

QJsonObject toJson(const Track& t)
{
    QJsonObject json{{"id", t.id}, {"name", t.name}, {"role", toString(t.role)}, {"gainDb", t.gainDb}, {"pan", t.pan},
                     {"mute", t.mute}, {"solo", t.solo}, {"colour", t.colour}};
    if (t.locked)
        json.insert(QStringLiteral("locked"), true);
    return json;
}

QJsonObject toJson(const Marker& m)
{
    return {{"id", m.id}, {"position", double(m.position)}, {"name", m.name}};
}

QJsonObject toJson(const ChordMark& c)
{
    return {{"position", double(c.position)}, {"chord", c.name}};
}

template <typename T>
QJsonArray arrayOf(const QVector<T>& items)
{
    QJsonArray out;
    for (const T& item : items)
        out.append(toJson(item));
    return out;
}

// ---- reading ----------------------------------------------------------------------------------------------

// An enum stored by its stable name; an unknown name fails with the list of known ones.
template <typename Enum>
Enum enumFrom(JsonReader& r, const QString& key, std::optional<Enum> (*parse)(const QString&), const QStringList& names)
{
    const QString text = r.string(key);
    if (auto parsed = parse(text))
        return *parsed;
    if (r.ok())
        r.fail(key, QStringLiteral("\"%1\" is not one of %2").arg(text, names.join(QStringLiteral(", "))));
    return Enum{};
}

AudioClip clipFrom(JsonReader r)
{
    AudioClip c;
    c.trackId = r.string(QStringLiteral("track"));
    c.file = r.string(QStringLiteral("file"));
    c.timelineStart = r.integer(QStringLiteral("timelineStart"));
    c.sourceStart = r.integer(QStringLiteral("sourceStart"));
    c.length = r.integer(QStringLiteral("length"));
    c.midiFile = r.optionalString(QStringLiteral("midi"));
    return c;
}

TakeOrigin originFrom(JsonReader r)
{
    TakeOrigin o;
    o.engine = r.string(QStringLiteral("engine"));
    o.modelId = r.optionalString(QStringLiteral("modelId"));
    o.weightsHash = r.optionalString(QStringLiteral("weightsHash"));
    o.caption = r.optionalString(QStringLiteral("caption"));
    o.seed = r.has(QStringLiteral("seed")) ? r.unsignedDecimal(QStringLiteral("seed")) : 0;
    o.steps = int(r.optionalInteger(QStringLiteral("steps"), 0));
    o.guidance = r.optionalNumber(QStringLiteral("guidance"), 0.0);
    o.contextSeconds = r.optionalNumber(QStringLiteral("contextSeconds"), 0.0);
    o.levelGainDb = r.optionalNumber(QStringLiteral("levelGainDb"), 0.0);
    if (o.levelGainDb > 0.0 || o.levelGainDb < -200.0)
        r.fail(QStringLiteral("levelGainDb"), QStringLiteral("%1 dB is not a level-guard gain (-200 .. 0)").arg(o.levelGainDb));
    o.truePeakDbtp = r.optionalNumber(QStringLiteral("truePeakDbtp"), -std::numeric_limits<double>::infinity());
    o.changedTracks = r.optionalStringList(QStringLiteral("changedTracks"));
    if (std::isfinite(o.truePeakDbtp) && (o.truePeakDbtp < -400.0 || o.truePeakDbtp > 100.0))
        r.fail(QStringLiteral("truePeakDbtp"), QStringLiteral("%1 dBTP is not a peak level").arg(o.truePeakDbtp));
    const QString created = r.optionalString(QStringLiteral("createdAt"));
    if (!created.isEmpty()) {
        o.createdAt = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (!o.createdAt.isValid())
            r.fail(QStringLiteral("createdAt"), QStringLiteral("\"%1\" is not an ISO 8601 date and time").arg(created));
    }
    return o;
}

Take takeFrom(JsonReader r)
{
    Take t;
    t.id = r.string(QStringLiteral("id"));
    t.name = r.optionalString(QStringLiteral("name"));
    t.rating = int(r.optionalInteger(QStringLiteral("rating"), 0));
    t.origin = originFrom(r.object(QStringLiteral("origin")));
    for (const JsonReader& c : r.objects(QStringLiteral("clips"), true))
        t.clips.append(clipFrom(c));
    return t;
}

Section sectionFrom(JsonReader r)
{
    Section s;
    s.id = r.string(QStringLiteral("id"));
    s.label = enumFrom(r, QStringLiteral("label"), &sectionLabelFromString, allSectionLabelNames());
    s.customLabel = r.optionalString(QStringLiteral("customLabel"));
    s.start = r.integer(QStringLiteral("start"));
    s.end = r.integer(QStringLiteral("end"));
    s.caption = r.optionalString(QStringLiteral("caption"));
    s.tags = r.optionalStringList(QStringLiteral("tags"));
    s.energy = r.optionalNumber(QStringLiteral("energy"), 0.5);
    s.locked = r.optionalBoolean(QStringLiteral("locked"), false);
    s.activeTakeId = r.optionalString(QStringLiteral("activeTake"));
    for (const JsonReader& t : r.objects(QStringLiteral("takes"), true))
        s.takes.append(takeFrom(t));
    return s;
}

Track trackFrom(JsonReader r)
{
    Track t;
    t.id = r.string(QStringLiteral("id"));
    t.name = r.optionalString(QStringLiteral("name"));
    t.role = enumFrom(r, QStringLiteral("role"), &trackRoleFromString, allTrackRoleNames());
    t.gainDb = r.optionalNumber(QStringLiteral("gainDb"), 0.0);
    t.pan = r.optionalNumber(QStringLiteral("pan"), 0.0);
    t.mute = r.optionalBoolean(QStringLiteral("mute"), false);
    t.solo = r.optionalBoolean(QStringLiteral("solo"), false);
    t.locked = r.optionalBoolean(QStringLiteral("locked"), false);
    t.colour = r.optionalString(QStringLiteral("colour"), t.colour);
    return t;
}

ChordMark chordFrom(JsonReader r)
{
    return {r.integer(QStringLiteral("position")), r.string(QStringLiteral("chord"))};
}

Marker markerFrom(JsonReader r)
{
    Marker m;
    m.id = r.string(QStringLiteral("id"));
    m.position = r.integer(QStringLiteral("position"));
    m.name = r.optionalString(QStringLiteral("name"));
    return m;
}

}  // namespace

QJsonObject projectToJson(const ProjectData& data)
{
    const ProjectSettings& s = data.settings;
    QJsonObject json{{"schemaVersion", kCurrentSchemaVersion},
            {"generator", QStringLiteral("S2A Studio %1").arg(QCoreApplication::applicationVersion())},
            {"title", s.title},
            {"sampleRate", s.sampleRate},
            {"tempo", s.tempo},
            {"timeSignature", QJsonObject{{"numerator", s.timeSignature.numerator},
                                          {"denominator", s.timeSignature.denominator}}},
            {"key", s.key},
            {"caption", s.caption},
            {"seed", QString::number(s.seed)},
            {"tracks", arrayOf(data.tracks)},
            {"sections", arrayOf(data.sections)},
            {"markers", arrayOf(data.markers)}};
    if (!data.chords.isEmpty())
        json.insert(QStringLiteral("chords"), arrayOf(data.chords));
    if (s.downbeatOffset != 0)
        json.insert(QStringLiteral("downbeatOffset"), double(s.downbeatOffset));
    if (s.loopEnd > s.loopStart)
        json.insert(QStringLiteral("loop"), QJsonObject{{"start", double(s.loopStart)}, {"end", double(s.loopEnd)}});
    return json;
}

Result<ProjectData> projectFromJson(const QJsonObject& json)
{
    JsonReader r(json);
    ProjectData data;
    ProjectSettings& s = data.settings;
    s.title = r.optionalString(QStringLiteral("title"));
    s.sampleRate = int(r.integer(QStringLiteral("sampleRate")));
    s.tempo = r.number(QStringLiteral("tempo"));
    JsonReader ts = r.object(QStringLiteral("timeSignature"));
    s.timeSignature.numerator = int(ts.integer(QStringLiteral("numerator")));
    s.timeSignature.denominator = int(ts.integer(QStringLiteral("denominator")));
    s.key = r.optionalString(QStringLiteral("key"));
    s.caption = r.optionalString(QStringLiteral("caption"));
    s.seed = r.has(QStringLiteral("seed")) ? r.unsignedDecimal(QStringLiteral("seed")) : 0;
    if (r.has(QStringLiteral("loop"))) {
        JsonReader loop = r.object(QStringLiteral("loop"));
        s.loopStart = loop.integer(QStringLiteral("start"));
        s.loopEnd = loop.integer(QStringLiteral("end"));
    }
    for (const JsonReader& t : r.objects(QStringLiteral("tracks"), true))
        data.tracks.append(trackFrom(t));
    for (const JsonReader& sec : r.objects(QStringLiteral("sections")))
        data.sections.append(sectionFrom(sec));
    for (const JsonReader& m : r.objects(QStringLiteral("markers"), true))
        data.markers.append(markerFrom(m));
    for (const JsonReader& c : r.objects(QStringLiteral("chords"), true))
        data.chords.append(chordFrom(c));
    s.downbeatOffset = r.has(QStringLiteral("downbeatOffset")) ? r.integer(QStringLiteral("downbeatOffset")) : 0;
    if (!r.ok())
        return Error{r.error()};

    const QVector<ValidationIssue> issues = validateProject(data);
    if (!issues.isEmpty())
        return Error{issues.first().path + QStringLiteral(": ") + issues.first().message};
    return data;
}

}  // namespace s2a::core
