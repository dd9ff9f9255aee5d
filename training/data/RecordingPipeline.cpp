#include "training/data/RecordingPipeline.h"

#include "core/audio/AudioFileReader.h"
#include "core/audio/AudioFileWriter.h"
#include "core/audio/Resampler.h"
#include "core/util/Parallel.h"
#include "core/util/StableHash.h"
#include "inference/analysis/SongAnalysis.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <algorithm>
#include <cmath>
#include <map>

namespace s2a::training {

using namespace s2a::inference;

namespace {

const QStringList kAudioSuffixes{QStringLiteral("wav"), QStringLiteral("flac"), QStringLiteral("ogg"), QStringLiteral("oga"),
                                 QStringLiteral("mp3"), QStringLiteral("aif"), QStringLiteral("aiff"), QStringLiteral("opus")};

struct SegmentCaption {
    double start = 0.0, end = 0.0;
    std::string caption;
};

struct Captions {
    std::map<QString, std::string> perFile;                   // by path relative to the folder
    std::map<QString, std::vector<SegmentCaption>> segments;  // by path relative to the folder
};

// One caption file: JSONL objects or TSV rows; paths absolute or relative to the folder, stored relative.
Status readCaptionFile(const QString& path, const QDir& folder, bool segments, Captions& into)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    int lineNumber = 0;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        ++lineNumber;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QString file, caption;
        double start = 0.0, end = 0.0;
        bool ok = true;
        if (line.startsWith(QLatin1Char('{'))) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            file = o.value(QStringLiteral("path")).toString();
            caption = o.value(QStringLiteral("caption")).toString();
            start = o.value(QStringLiteral("start")).toDouble(-1.0);
            end = o.value(QStringLiteral("end")).toDouble(-1.0);
        } else {
            const QStringList cells = line.split(QLatin1Char('\t'));
            file = cells.value(0);
            caption = cells.value(segments ? 3 : 1);
            start = cells.value(1).toDouble(&ok);
            end = ok ? cells.value(2).toDouble(&ok) : 0.0;
        }
        const bool badSpan = segments && (!ok || !std::isfinite(start) || !std::isfinite(end) || start < 0.0 || end <= start);
        if (file.isEmpty() || caption.trimmed().isEmpty() || badSpan)
            return Error{QStringLiteral("%1:%2: expected %3").arg(QDir::toNativeSeparators(path)).arg(lineNumber)
                             .arg(segments ? QStringLiteral("path, start, end, caption") : QStringLiteral("path and caption"))};
        const QString relative = QDir::cleanPath(folder.relativeFilePath(folder.absoluteFilePath(file)));
        if (segments)
            into.segments[relative].push_back({start, end, caption.trimmed().toStdString()});
        else
            into.perFile[relative] = caption.trimmed().toStdString();
    }
    return Status::success();
}

// The external caption overlapping [start, end) the most, else `fallback`.
std::string bestSegmentCaption(const std::vector<SegmentCaption>& segments, double start, double end, const QString& fallback)
{
    double best = 0.0;
    std::string caption = fallback.toStdString();
    for (const SegmentCaption& s : segments) {
        const double overlap = std::min(end, s.end) - std::max(start, s.start);
        if (overlap > best)
            best = overlap, caption = s.caption;
    }
    return caption;
}

double confidenceOf(const analysis::SongAnalysis& a)
{
    const double form = a.sections.size() >= 2 ? 1.0 : 0.7;
    const double key = 0.6 + 0.4 * std::min(1.0, a.keyConfidence / 0.15);
    return form * key;
}

QString recordPath(const QString& outDir, const QString& relative)
{
    return QDir(outDir).filePath(QStringLiteral("records/%1.json")
                                     .arg(core::stableHash(relative.toUtf8().toStdString()), 16, 16, QLatin1Char('0')));
}

struct FileWork {
    QString path;                  // absolute
    QString relative;              // to the folder: the manifest's ids
    Manifest result;               // its crops (songs) or why it was dropped
    bool fromRecord = false;
};

// Reads, analyses, captions, grades and cuts one file; `w.result` holds its crops or its drop reason.
void prepareFile(FileWork& w, const QString& outDir, const RecordingOptions& o, const Captions& captions, const JobControl& job)
{
    auto drop = [&](const QString& reason) { w.result.dropped.push_back({w.relative.toStdString(), reason.toStdString()}); };
    auto read = core::AudioFileReader::read(w.path);
    if (!read)
        return drop(read.errorMessage());
    core::AudioBuffer audio = std::move(read.value().audio);
    const double seconds = double(audio.frames()) / audio.sampleRate;
    if (seconds < o.minSeconds)
        return drop(QStringLiteral("%1 s long, shorter than %2 s").arg(seconds, 0, 'f', 1).arg(o.minSeconds));
    if (audio.sampleRate != o.sampleRate) {
        auto resampled = core::Resampler::resample(audio, o.sampleRate);
        if (!resampled)
            return drop(resampled.errorMessage());
        audio = std::move(resampled.value());
    }
    // Stereo: mono plays on both sides; channels past the second are not part of a stereo mix.
    audio.channels.resize(2, audio.channels.front());
    QuietJobControl quiet(job);
    auto analysed = analysis::analyzeSong(audio, quiet);
    if (!analysed)
        return drop(QStringLiteral("analysis failed: %1").arg(analysed.errorMessage()));
    const analysis::SongAnalysis& a = analysed.value();
    if (a.tempo <= 0.0)
        return drop(QStringLiteral("no pulse found (the model is conditioned on a beat grid)"));
    const double quality = std::clamp(a.quality.score, 0.0, 1.0) * confidenceOf(a);
    const auto segments = captions.segments.find(w.relative);
    const std::vector<SegmentCaption> noSegments;
    const auto& external = segments == captions.segments.end() ? noSegments : segments->second;
    // The global caption: the given one, else the loudest section's descriptor caption with key and tempo.
    std::string global;
    if (const auto given = captions.perFile.find(w.relative); given != captions.perFile.end()) {
        global = given->second;
    } else {
        const auto loudest = std::max_element(a.sections.begin(), a.sections.end(), [](const auto& x, const auto& y) {
            return x.descriptors.energy < y.descriptors.energy;
        });
        global = (loudest == a.sections.end() ? QStringLiteral("instrumental") : loudest->caption).toStdString()
                 + (a.key.isEmpty() ? std::string() : ", " + a.key.toStdString()) + ", " + std::to_string(int(std::lround(a.tempo))) + " bpm";
    }
    const int64_t cropLength = std::max<int64_t>(1, int64_t(o.cropSeconds * o.sampleRate) / o.hop) * o.hop;
    const int64_t minLength = int64_t(o.minSeconds * o.sampleRate);
    const QString id = QStringLiteral("%1").arg(core::stableHash(w.relative.toUtf8().toStdString()), 16, 16, QLatin1Char('0'));
    for (int64_t first = 0, k = 0; first < audio.frames(); first += cropLength, ++k) {
        const int64_t length = std::min<int64_t>(cropLength, audio.frames() - first);
        const QString cropId = w.relative + QStringLiteral("#%1").arg(k);
        if (length < minLength) {
            w.result.dropped.push_back({cropId.toStdString(), "the last crop is shorter than " + std::to_string(int(o.minSeconds)) + " s"});
            continue;
        }
        const double t0 = double(first) / o.sampleRate, t1 = double(first + length) / o.sampleRate;
        ManifestSong song;
        song.id = cropId.toStdString();
        song.captions = {global};
        song.tempo = a.tempo;
        song.beatsPerBar = 4;
        const auto bar = std::lower_bound(a.bars.begin(), a.bars.end(), t0);
        song.downbeat = bar == a.bars.end() ? 0.0 : *bar - t0;
        song.key = a.key.toStdString();
        song.quality = quality;
        song.samples = length;
        for (const analysis::AnalysedSection& s : a.sections) {
            const double start = std::max(s.start, t0), end = std::min(s.end, t1);
            const int64_t from = std::llround((start - t0) * o.sampleRate), to = std::min<int64_t>(length, std::llround((end - t0) * o.sampleRate));
            if (to - from < o.hop)
                continue;
            song.sections.push_back({int(s.label), from, to, {bestSegmentCaption(external, start, end, s.caption)}});
        }
        if (song.sections.empty())
            song.sections.push_back({0, 0, length, {global}});
        core::AudioBuffer crop = core::AudioBuffer::silence(2, length, o.sampleRate);
        for (int c = 0; c < 2; ++c)
            std::copy_n(audio.channels[size_t(c)].begin() + first, length, crop.channels[size_t(c)].begin());
        const QString file = QStringLiteral("crops/%1-%2.flac").arg(id).arg(k);
        if (Status s = core::AudioFileWriter::write(QDir(outDir).filePath(file), crop, core::AudioFileFormat::Flac24); !s)
            return drop(s.errorMessage());
        song.audio.push_back({file.toStdString(), 0});
        w.result.songs.push_back(std::move(song));
    }
}

}  // namespace

Result<RecordingReport> prepareRecordings(const QString& folder, const QString& outDir, const RecordingOptions& o, JobControl& job)
{
    if (o.stemGroups.size() != 1)
        return Error{QStringLiteral("Real recordings are mixes: the model must have one stem group (a mix config such as s2a-402m), not %1.")
                         .arg(o.stemGroups.size())};
    QElapsedTimer clock;
    clock.start();
    const QDir root(folder);
    if (!root.exists())
        return Error{QStringLiteral("%1: no such folder").arg(QDir::toNativeSeparators(folder))};
    Captions captions;
    if (!o.captionsFile.isEmpty())
        if (Status s = readCaptionFile(o.captionsFile, root, false, captions); !s)
            return s.error();
    if (!o.segmentCaptionsFile.isEmpty())
        if (Status s = readCaptionFile(o.segmentCaptionsFile, root, true, captions); !s)
            return s.error();
    std::vector<FileWork> work;
    QDirIterator it(root.absolutePath(), QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (kAudioSuffixes.contains(QFileInfo(path).suffix().toLower()))
            work.push_back({path, root.relativeFilePath(path), {}, false});
    }
    std::sort(work.begin(), work.end(), [](const FileWork& a, const FileWork& b) { return a.relative < b.relative; });
    if (work.empty())
        return Error{QStringLiteral("%1: no audio files (%2)").arg(QDir::toNativeSeparators(folder), kAudioSuffixes.join(QStringLiteral(", ")))};
    if (!QDir(outDir).mkpath(QStringLiteral("crops")) || !QDir(outDir).mkpath(QStringLiteral("records")))
        return Error{QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(outDir))};
    QMutex lock;
    int done = 0;
    parallelForEach(work, [&](FileWork& w) {
        if (job.cancelled())
            return;
        const QString record = recordPath(outDir, w.relative);
        if (QFileInfo::exists(record)) {
            try {
                w.result = readManifest(record.toStdString());
                w.fromRecord = true;
            } catch (const ManifestError&) {
                w.result = Manifest{};  // a record cut short by a crash: analyse again
            }
        }
        if (!w.fromRecord) {
            prepareFile(w, outDir, o, captions, job);
            if (job.cancelled())
                return;
            Manifest record_ = w.result;
            record_.sampleRate = o.sampleRate;
            record_.hop = o.hop;
            record_.stemGroups = o.stemGroups;
            try {
                writeManifest(record_, record.toStdString());
            } catch (const ManifestError&) {
                // Only resumability is lost; the run itself goes on.
            }
        }
        QMutexLocker locker(&lock);
        job.progress(double(++done) / double(work.size()), w.relative);
    });
    if (job.cancelled())
        return cancelledError();
    RecordingReport report;
    report.files = int(work.size());
    Manifest& m = report.manifest;
    m.sampleRate = o.sampleRate;
    m.hop = o.hop;
    m.stemGroups = o.stemGroups;
    std::vector<ManifestSong> candidates;
    for (FileWork& w : work) {
        report.analysed += w.fromRecord ? 0 : 1;
        for (ManifestSong& s : w.result.songs) {
            report.audioSeconds += double(s.samples) / o.sampleRate;
            candidates.push_back(std::move(s));
        }
        for (ManifestDrop& d : w.result.dropped)
            m.dropped.push_back(std::move(d));
    }
    // Keep the best: the top fraction by grade, never one below the minimum.
    std::stable_sort(candidates.begin(), candidates.end(), [](const ManifestSong& a, const ManifestSong& b) { return a.quality > b.quality; });
    const size_t quota = keptCount(o.keepFraction, candidates.size());
    for (size_t i = 0; i < candidates.size(); ++i) {
        char grade[32];
        std::snprintf(grade, sizeof grade, "%.2f", candidates[i].quality);
        if (candidates[i].quality < o.minScore)
            m.dropped.push_back({candidates[i].id, std::string("graded ") + grade + ", below the minimum"});
        else if (i >= quota)
            m.dropped.push_back({candidates[i].id, std::string("graded ") + grade + ", outside the best share kept"});
        else
            m.songs.push_back(std::move(candidates[i]));
    }
    m.folder = outDir.toStdString();
    try {
        writeManifest(m, QDir(outDir).filePath(QStringLiteral("manifest.json")).toStdString());
    } catch (const ManifestError& e) {
        return Error{QString::fromUtf8(e.what())};
    }
    report.wallSeconds = clock.elapsed() / 1000.0;
    return report;
}

}  // namespace s2a::training
