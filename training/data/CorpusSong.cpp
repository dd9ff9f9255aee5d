#include "training/data/CorpusSong.h"

#include "core/model/Labels.h"
#include "core/persistence/JsonReader.h"
#include "inference/StemGroups.h"
#include "inference/arranger/Random.h"
#include "training/data/CaptionParaphraser.h"
#include "training/data/StructureTargets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>

namespace s2a::training {

using namespace s2a::inference;  // the analysis and the arranger the pipeline is built on
namespace {


QString member(const QString& path, const QString& key) { return path + QLatin1Char('.') + key; }


}  // namespace

std::optional<QJsonObject> JsonFields::parse(const QByteArray& bytes)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &e);
    if (e.error != QJsonParseError::NoError) {
        m_error = Error{QStringLiteral("%1: not valid JSON at offset %2: %3").arg(m_file).arg(e.offset).arg(e.errorString())};
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(QStringLiteral("$"), QStringLiteral("expected an object"));
        return std::nullopt;
    }
    return doc.object();
}

void JsonFields::fail(const QString& path, const QString& problem)
{
    if (!m_error)
        m_error = Error{QStringLiteral("%1: %2: %3").arg(m_file, path, problem)};
}

QJsonValue JsonFields::field(const QJsonObject& o, const QString& key, const QString& path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        fail(member(path, key), QStringLiteral("missing"));
    return v;
}

QString JsonFields::string(const QJsonObject& o, const QString& key, const QString& path)
{
    const QJsonValue v = field(o, key, path);
    if (!v.isUndefined() && !v.isString())
        fail(member(path, key), QStringLiteral("expected a string, found %1").arg(core::jsonTypeName(v)));
    return v.toString();
}

double JsonFields::number(const QJsonObject& o, const QString& key, const QString& path)
{
    const QJsonValue v = field(o, key, path);
    if (!v.isUndefined() && !v.isDouble())
        fail(member(path, key), QStringLiteral("expected a number, found %1").arg(core::jsonTypeName(v)));
    return v.toDouble();
}

qint64 JsonFields::integer(const QJsonObject& o, const QString& key, const QString& path)
{
    const double d = number(o, key, path);
    if (ok() && d != std::floor(d))
        fail(member(path, key), QStringLiteral("expected an integer, found %1").arg(d));
    return qint64(d);
}

bool JsonFields::boolean(const QJsonObject& o, const QString& key, const QString& path)
{
    const QJsonValue v = field(o, key, path);
    if (!v.isUndefined() && !v.isBool())
        fail(member(path, key), QStringLiteral("expected a boolean, found %1").arg(core::jsonTypeName(v)));
    return v.toBool();
}

QJsonArray JsonFields::array(const QJsonObject& o, const QString& key, const QString& path)
{
    const QJsonValue v = field(o, key, path);
    if (!v.isUndefined() && !v.isArray())
        fail(member(path, key), QStringLiteral("expected an array, found %1").arg(core::jsonTypeName(v)));
    return v.toArray();
}

QJsonObject JsonFields::object(const QJsonValue& v, const QString& path)
{
    if (!v.isObject())
        fail(path, QStringLiteral("expected an object, found %1").arg(core::jsonTypeName(v)));
    return v.toObject();
}

QStringList JsonFields::strings(const QJsonObject& o, const QString& key, const QString& path)
{
    QStringList out;
    const QJsonArray a = array(o, key, path);
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString())
            fail(QStringLiteral("%1[%2]").arg(member(path, key)).arg(i), QStringLiteral("expected a string, found %1").arg(core::jsonTypeName(a[i])));
        out << a[i].toString();
    }
    return out;
}

Result<CorpusSong> readCorpusSong(const QString& folder, const std::vector<std::string>& stemGroups)
{
    const QDir dir(folder);
    const QString file = QDir::toNativeSeparators(dir.filePath(QStringLiteral("song.json")));
    QFile f(dir.filePath(QStringLiteral("song.json")));
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(file, f.errorString())};
    JsonFields j(file);
    const auto root = j.parse(f.readAll());
    if (!root)
        return j.error();
    const QString top = QStringLiteral("$");

    CorpusSong out;
    TrainingSong& s = out.song;
    s.folder = QFileInfo(folder).absoluteFilePath();
    s.id = QFileInfo(folder).fileName();
    s.caption = j.string(*root, QStringLiteral("caption"), top);
    s.tempo = j.number(*root, QStringLiteral("tempo"), top);
    s.key = j.string(*root, QStringLiteral("key"), top);
    // "3/4": older corpora wrote none, and every style then was in 4/4.
    const QString metre = root->value(QStringLiteral("timeSignature")).toString(QStringLiteral("4/4"));
    s.beatsPerBar = metre.section(QLatin1Char('/'), 0, 0).toInt();
    if (j.ok() && s.beatsPerBar <= 0)
        j.fail(QStringLiteral("$.timeSignature"), QStringLiteral("expected a time signature like 4/4, found %1").arg(metre));
    s.sampleRate = int(j.integer(*root, QStringLiteral("sampleRate"), top));
    s.samples = j.integer(*root, QStringLiteral("length"), top);
    s.style = j.string(j.object(root->value(QStringLiteral("plan")), QStringLiteral("$.plan")), QStringLiteral("style"), QStringLiteral("$.plan"));
    out.mixFile = dir.absoluteFilePath(root->contains(QStringLiteral("mix")) ? j.string(*root, QStringLiteral("mix"), top) : QStringLiteral("mix.flac"));
    if (j.ok() && s.tempo <= 0.0)
        j.fail(QStringLiteral("$.tempo"), QStringLiteral("expected a positive tempo, found %1").arg(s.tempo));
    if (j.ok() && s.sampleRate <= 0)
        j.fail(QStringLiteral("$.sampleRate"), QStringLiteral("expected a positive rate, found %1").arg(s.sampleRate));

    const QJsonArray sections = j.array(*root, QStringLiteral("sections"), top);
    if (j.ok() && sections.isEmpty())
        j.fail(QStringLiteral("$.sections"), QStringLiteral("the song has no sections"));
    qint64 expected = 0;
    for (qsizetype i = 0; i < sections.size() && j.ok(); ++i) {
        const QString p = QStringLiteral("$.sections[%1]").arg(i);
        const QJsonObject o = j.object(sections[i], p);
        TrainingSection sec;
        const QString label = j.string(o, QStringLiteral("label"), p);
        sec.start = j.integer(o, QStringLiteral("start"), p);
        sec.end = j.integer(o, QStringLiteral("end"), p);
        sec.caption = j.string(o, QStringLiteral("caption"), p);
        if (o.contains(QStringLiteral("chords")))
            sec.chords = j.strings(o, QStringLiteral("chords"), p);
        if (!j.ok())
            break;
        if (const auto l = core::sectionLabelFromString(label))
            sec.label = int(*l);
        else
            j.fail(p + QStringLiteral(".label"), QStringLiteral("unknown section label \"%1\"").arg(label));
        if (sec.start != expected || sec.end <= sec.start)
            j.fail(p, QStringLiteral("expected a section starting at %1 and ending after it, found %2..%3").arg(expected).arg(sec.start).arg(sec.end));
        expected = sec.end;
        sec.paraphrases = {sec.caption};
        s.sections.append(sec);
    }
    if (j.ok() && expected != s.samples)
        j.fail(QStringLiteral("$.length"), QStringLiteral("the sections end at %1, not at the length %2").arg(expected).arg(s.samples));

    const QJsonArray stems = j.array(*root, QStringLiteral("stems"), top);
    if (j.ok() && stems.isEmpty())
        j.fail(QStringLiteral("$.stems"), QStringLiteral("the song has no stems"));
    for (qsizetype i = 0; i < stems.size() && j.ok(); ++i) {
        const QString p = QStringLiteral("$.stems[%1]").arg(i);
        const QJsonObject o = j.object(stems[i], p);
        const QString roleName = j.string(o, QStringLiteral("role"), p);
        const QString audio = j.string(o, QStringLiteral("audio"), p);
        const QString midi = j.string(o, QStringLiteral("midi"), p);
        if (!j.ok())
            break;
        const auto role = core::trackRoleFromString(roleName);
        if (!role) {
            j.fail(p + QStringLiteral(".role"), QStringLiteral("unknown track role \"%1\"").arg(roleName));
            break;
        }
        s.stemRoles << roleName;
        s.stemFiles << dir.absoluteFilePath(audio);
        s.midiFiles << dir.absoluteFilePath(midi);
        s.stemGroups.push_back(stemGroupFor(*role, stemGroups));
        if (!s.instruments.contains(roleName))
            s.instruments << roleName;
    }
    if (!j.ok())
        return j.error();
    s.captionParaphrases = {s.caption};
    return out;
}

Result<FrameTargets> targetsFromMidi(const TrainingSong& song, int64_t hop)
{
    std::vector<StemNotes> stems;
    for (qsizetype i = 0; i < song.midiFiles.size(); ++i) {
        auto notes = readMidiFile(song.midiFiles[i]);
        if (!notes)
            return notes.error();
        stems.push_back({core::trackRoleFromString(song.stemRoles.value(i)).value_or(core::TrackRole::Other),
                         std::move(notes.value())});
    }
    const int64_t frames = hop > 0 ? (song.samples + hop - 1) / hop : 0;
    return computeFrameTargets(stems, song.tempo, song.sections, song.sampleRate, hop, frames);
}

void addParaphrases(TrainingSong& song, int count, quint64 seed)
{
    const quint64 songSeed = arranger::deriveSeed(seed, {arranger::stableHash(song.id)});
    song.captionParaphrases = paraphraseCaption(song.caption, count, songSeed);
    for (qsizetype i = 0; i < song.sections.size(); ++i)
        song.sections[i].paraphrases = paraphraseSectionCaption(song.sections[i].caption, count,
                                                                arranger::deriveSeed(songSeed, {quint64(i) + 1}));
}

}  // namespace s2a::training
