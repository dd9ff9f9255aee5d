#pragma once

// One s2a-corpus song folder read into a TrainingSong (no analysis, no grade), and the JSON field reading the
// pipeline's own record shares with it. Internal to the pipeline (TrainingPipeline.cpp, PipelineJson.cpp).
#include "training/data/TrainingData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace s2a::training {

// Reads fields of one JSON file; the first problem is kept as an error naming the file and the JSON path
// ("corpus/song-0003.s2a/song.json: $.sections[2].start: expected a number"), and later reads return
// defaults, so a reader checks ok() once at the end instead of after every field.
class JsonFields {
public:
    explicit JsonFields(QString file) : m_file(std::move(file)) {}
    std::optional<QJsonObject> parse(const QByteArray& bytes);
    QString string(const QJsonObject& o, const QString& key, const QString& path);
    double number(const QJsonObject& o, const QString& key, const QString& path);
    qint64 integer(const QJsonObject& o, const QString& key, const QString& path);
    bool boolean(const QJsonObject& o, const QString& key, const QString& path);
    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path);
    QJsonObject object(const QJsonValue& v, const QString& path);
    QStringList strings(const QJsonObject& o, const QString& key, const QString& path);
    void fail(const QString& path, const QString& problem);
    bool ok() const { return !m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }

private:
    QJsonValue field(const QJsonObject& o, const QString& key, const QString& path);
    QString m_file;
    std::optional<Error> m_error;
};

struct CorpusSong {
    TrainingSong song;   // everything song.json says (no targets, paraphrases or grade yet)
    QString mixFile;     // absolute
};

// Reads `folder`/song.json: caption, tempo, key, style, sections (contiguous from 0 to the length), stems with
// roles, audio and MIDI paths (absolute), each stem's group in `stemGroups`.
Result<CorpusSong> readCorpusSong(const QString& folder, const std::vector<std::string>& stemGroups);

// The song's targets at `hop` (ceil(samples / hop) frames) from its MIDI files, tempo and chords.
Result<FrameTargets> targetsFromMidi(const TrainingSong& song, int64_t hop);

// Fills captionParaphrases and each section's paraphrases (seeded by the song id, so songs sharing a caption
// still get different rewordings).
void addParaphrases(TrainingSong& song, int count, quint64 seed);

}  // namespace s2a::training
