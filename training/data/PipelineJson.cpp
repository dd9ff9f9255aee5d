// The pipeline's record (TrainingData.h: writePipelineJson / readPipelineJson): every song with its grade,
// sections, paraphrases and file lists, so a resumed training run skips the analysis. Targets are not stored
// (they are the bulk and cheap to recompute from the MIDI files).
#include "core/model/Labels.h"
#include "inference/StemGroups.h"
#include "training/data/CorpusSong.h"
#include "training/data/TrainingData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace s2a::training {

using namespace s2a::inference;  // the analysis and the arranger the pipeline is built on
namespace {

constexpr auto kFormat = "s2a-training-pipeline";
constexpr int kVersion = 1;

QJsonArray toArray(const QStringList& list) { return QJsonArray::fromStringList(list); }

QJsonArray sectionsJson(const QVector<TrainingSection>& sections)
{
    QJsonArray out;
    for (const TrainingSection& s : sections)
        out.append(QJsonObject{{QStringLiteral("label"), core::toString(core::SectionLabel(s.label))},
                               {QStringLiteral("start"), double(s.start)},
                               {QStringLiteral("end"), double(s.end)},
                               {QStringLiteral("caption"), s.caption},
                               {QStringLiteral("paraphrases"), toArray(s.paraphrases)},
                               {QStringLiteral("chords"), toArray(s.chords)}});
    return out;
}

QJsonObject songJson(const TrainingSong& s, bool kept)
{
    QJsonArray stems;
    for (qsizetype i = 0; i < s.stemFiles.size(); ++i)
        stems.append(QJsonObject{{QStringLiteral("audio"), s.stemFiles[i]},
                                 {QStringLiteral("group"), i < qsizetype(s.stemGroups.size()) ? s.stemGroups[size_t(i)] : 0},
                                 {QStringLiteral("role"), s.stemRoles.value(i)},
                                 {QStringLiteral("midi"), s.midiFiles.value(i)}});
    const QualityReport& q = s.quality;
    return QJsonObject{{QStringLiteral("kept"), kept},
                       {QStringLiteral("folder"), s.folder},
                       {QStringLiteral("id"), s.id},
                       {QStringLiteral("caption"), s.caption},
                       {QStringLiteral("captionParaphrases"), toArray(s.captionParaphrases)},
                       {QStringLiteral("tempo"), s.tempo},
                       {QStringLiteral("beatsPerBar"), s.beatsPerBar},
                       {QStringLiteral("key"), s.key},
                       {QStringLiteral("style"), s.style},
                       {QStringLiteral("instruments"), toArray(s.instruments)},
                       {QStringLiteral("sampleRate"), s.sampleRate},
                       {QStringLiteral("samples"), double(s.samples)},
                       {QStringLiteral("sections"), sectionsJson(s.sections)},
                       {QStringLiteral("analysedSections"), sectionsJson(s.analysedSections)},
                       {QStringLiteral("quality"), QJsonObject{{QStringLiteral("score"), q.score},
                                                               {QStringLiteral("audioScore"), q.audioScore},
                                                               {QStringLiteral("boundaryHitRate"), q.boundaryHitRate},
                                                               {QStringLiteral("tempoError"), q.tempoError},
                                                               {QStringLiteral("reasons"), toArray(q.reasons)}}},
                       {QStringLiteral("stems"), stems}};
}

QVector<TrainingSection> readSections(JsonFields& j, const QJsonObject& o, const QString& key, const QString& path)
{
    QVector<TrainingSection> out;
    const QJsonArray a = j.array(o, key, path);
    for (qsizetype i = 0; i < a.size() && j.ok(); ++i) {
        const QString p = QStringLiteral("%1.%2[%3]").arg(path, key).arg(i);
        const QJsonObject s = j.object(a[i], p);
        TrainingSection t;
        const QString label = j.string(s, QStringLiteral("label"), p);
        t.start = j.integer(s, QStringLiteral("start"), p);
        t.end = j.integer(s, QStringLiteral("end"), p);
        t.caption = j.string(s, QStringLiteral("caption"), p);
        t.paraphrases = j.strings(s, QStringLiteral("paraphrases"), p);
        t.chords = j.strings(s, QStringLiteral("chords"), p);
        if (!j.ok())
            break;
        if (const auto l = core::sectionLabelFromString(label))
            t.label = int(*l);
        else
            j.fail(p + QStringLiteral(".label"), QStringLiteral("unknown section label \"%1\"").arg(label));
        if (t.paraphrases.isEmpty())
            t.paraphrases = {t.caption};
        out.append(t);
    }
    return out;
}

std::optional<TrainingSong> readSong(JsonFields& j, const QJsonObject& o, const QString& p, const PipelineOptions& options)
{
    TrainingSong s;
    s.folder = j.string(o, QStringLiteral("folder"), p);
    s.id = j.string(o, QStringLiteral("id"), p);
    s.caption = j.string(o, QStringLiteral("caption"), p);
    s.captionParaphrases = j.strings(o, QStringLiteral("captionParaphrases"), p);
    s.tempo = j.number(o, QStringLiteral("tempo"), p);
    s.beatsPerBar = o.value(QStringLiteral("beatsPerBar")).toInt(4);  // absent in records before it
    s.key = j.string(o, QStringLiteral("key"), p);
    s.style = j.string(o, QStringLiteral("style"), p);
    s.instruments = j.strings(o, QStringLiteral("instruments"), p);
    s.sampleRate = int(j.integer(o, QStringLiteral("sampleRate"), p));
    s.samples = j.integer(o, QStringLiteral("samples"), p);
    s.sections = readSections(j, o, QStringLiteral("sections"), p);
    s.analysedSections = readSections(j, o, QStringLiteral("analysedSections"), p);
    const QString qp = p + QStringLiteral(".quality");
    const QJsonObject q = j.object(o.value(QStringLiteral("quality")), qp);
    s.quality.score = j.number(q, QStringLiteral("score"), qp);
    s.quality.audioScore = j.number(q, QStringLiteral("audioScore"), qp);
    s.quality.boundaryHitRate = j.number(q, QStringLiteral("boundaryHitRate"), qp);
    s.quality.tempoError = j.number(q, QStringLiteral("tempoError"), qp);
    s.quality.reasons = j.strings(q, QStringLiteral("reasons"), qp);
    const QJsonArray stems = j.array(o, QStringLiteral("stems"), p);
    for (qsizetype i = 0; i < stems.size() && j.ok(); ++i) {
        const QString sp = QStringLiteral("%1.stems[%2]").arg(p).arg(i);
        const QJsonObject st = j.object(stems[i], sp);
        s.stemFiles << j.string(st, QStringLiteral("audio"), sp);
        const QString role = j.string(st, QStringLiteral("role"), sp);
        s.stemRoles << role;
        s.midiFiles << j.string(st, QStringLiteral("midi"), sp);
        // The groups follow the options' model, which may differ from the run that wrote the record.
        const auto r = core::trackRoleFromString(role);
        s.stemGroups.push_back(r ? stemGroupFor(*r, options.stemGroups) : int(j.integer(st, QStringLiteral("group"), sp)));
    }
    if (s.captionParaphrases.isEmpty())
        s.captionParaphrases = {s.caption};
    if (!j.ok())
        return std::nullopt;
    return s;
}

}  // namespace

Status writePipelineJson(const PipelineResult& result, const QString& path)
{
    QJsonArray songs;
    for (const TrainingSong& s : result.kept)
        songs.append(songJson(s, true));
    for (const TrainingSong& s : result.dropped)
        songs.append(songJson(s, false));
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)}, {QStringLiteral("version"), kVersion},
                           {QStringLiteral("songs"), songs}};
    QSaveFile f(path);  // atomic: a crash mid-write leaves the previous record
    if (!f.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("%1: cannot be written: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error{QStringLiteral("%1: cannot be written: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    return Status::success();
}

Result<PipelineResult> readPipelineJson(const QString& path, const PipelineOptions& options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    JsonFields j(QDir::toNativeSeparators(path));
    const auto root = j.parse(f.readAll());
    if (!root)
        return j.error();
    const QString top = QStringLiteral("$");
    if (j.string(*root, QStringLiteral("format"), top) != QLatin1String(kFormat) && j.ok())
        j.fail(QStringLiteral("$.format"), QStringLiteral("not a training pipeline record"));
    if (const qint64 v = j.integer(*root, QStringLiteral("version"), top); j.ok() && v > kVersion)
        j.fail(QStringLiteral("$.version"), QStringLiteral("version %1 is newer than this build reads (%2)").arg(v).arg(kVersion));
    const QJsonArray songs = j.array(*root, QStringLiteral("songs"), top);
    PipelineResult result;
    for (qsizetype i = 0; i < songs.size() && j.ok(); ++i) {
        const QString p = QStringLiteral("$.songs[%1]").arg(i);
        const QJsonObject o = j.object(songs[i], p);
        const bool kept = j.boolean(o, QStringLiteral("kept"), p);
        auto song = readSong(j, o, p, options);
        if (!song)
            break;
        // Targets come from the MIDI again; a dropped song that could not be read has none and needs none.
        if (!song->midiFiles.isEmpty()) {
            auto targets = targetsFromMidi(*song, options.hop);
            if (targets)
                song->targets = std::move(targets.value());
            else if (kept)
                return targets.error();
        }
        (kept ? result.kept : result.dropped).append(std::move(*song));
    }
    if (!j.ok())
        return j.error();
    return result;
}

}  // namespace s2a::training
