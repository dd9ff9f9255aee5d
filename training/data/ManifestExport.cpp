#include "training/data/ManifestExport.h"

namespace s2a::training {

namespace {

std::vector<std::string> utf8(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}

ManifestSong songFrom(const TrainingSong& s)
{
    ManifestSong m;
    m.id = s.id.toStdString();
    m.captions = utf8(s.captionParaphrases.isEmpty() ? QStringList{s.caption} : s.captionParaphrases);
    m.tempo = s.tempo;
    m.beatsPerBar = s.beatsPerBar;
    m.key = s.key.toStdString();
    m.quality = s.quality.score;
    m.samples = s.samples;
    for (const TrainingSection& sec : s.sections)
        m.sections.push_back({sec.label, sec.start, sec.end,
                              utf8(sec.paraphrases.isEmpty() ? QStringList{sec.caption} : sec.paraphrases)});
    for (qsizetype i = 0; i < s.stemFiles.size(); ++i)
        m.audio.push_back({s.stemFiles[i].toStdString(), i < qsizetype(s.stemGroups.size()) ? s.stemGroups[size_t(i)] : -1});
    m.targets = s.targets;
    return m;
}

}  // namespace

Manifest manifestFrom(const PipelineResult& result, const PipelineOptions& options, int sampleRate)
{
    Manifest m;
    m.sampleRate = sampleRate;
    m.hop = options.hop;
    m.stemGroups = options.stemGroups;
    for (const TrainingSong& s : result.kept)
        m.songs.push_back(songFrom(s));
    std::stable_sort(m.songs.begin(), m.songs.end(), [](const ManifestSong& a, const ManifestSong& b) { return a.quality > b.quality; });
    for (const TrainingSong& s : result.dropped)
        m.dropped.push_back({s.id.toStdString(), s.quality.reasons.join(QLatin1Char(' ')).toStdString()});
    return m;
}

}  // namespace s2a::training
