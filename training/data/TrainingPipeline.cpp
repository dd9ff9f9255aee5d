// runPipeline, grading, group audio and the SFT subset (TrainingData.h); the JSON record is PipelineJson.cpp.
#include "core/audio/AudioFileReader.h"
#include "core/util/Parallel.h"
#include "inference/analysis/SongAnalysis.h"
#include "training/data/CorpusSong.h"
#include "training/data/TrainingData.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>

#include <algorithm>
#include <cmath>
#include <map>

namespace s2a::training {

using namespace s2a::inference;  // the analysis and the arranger the pipeline is built on
namespace {

constexpr double kBoundaryToleranceSeconds = 3.0;
// Relative tempo errors up to kTempoExact agree fully (a beat tracker's resolution is about 1 BPM); agreement
// falls linearly to 0 at kTempoWrong.
constexpr double kTempoExact = 0.02;
constexpr double kTempoWrong = 0.08;

// Forwards cancellation to the run's job; per-song stage progress is not forwarded, songs report as a whole.
// F-measure of `found` against `exact` boundaries (seconds, one-to-one matches within the tolerance, greedy
// by distance). Both empty is a perfect match: a one-section song whose analysis found one section.
double boundaryFMeasure(const std::vector<double>& exact, const std::vector<double>& found, int& hits)
{
    hits = 0;
    if (exact.empty() && found.empty())
        return 1.0;
    std::vector<std::pair<double, std::pair<size_t, size_t>>> pairs;
    for (size_t i = 0; i < exact.size(); ++i)
        for (size_t k = 0; k < found.size(); ++k)
            if (const double d = std::abs(exact[i] - found[k]); d <= kBoundaryToleranceSeconds)
                pairs.push_back({d, {i, k}});
    std::sort(pairs.begin(), pairs.end());
    std::vector<bool> usedExact(exact.size()), usedFound(found.size());
    for (const auto& [d, ik] : pairs)
        if (!usedExact[ik.first] && !usedFound[ik.second]) {
            usedExact[ik.first] = usedFound[ik.second] = true;
            ++hits;
        }
    if (hits == 0)
        return 0.0;
    const double precision = double(hits) / double(found.size());
    const double recall = double(hits) / double(exact.size());
    return 2.0 * precision * recall / (precision + recall);
}

// The grade of one analysed song:
//   e              = tempoError / exactTempo                             (tempoError octave-folded)
//   tempoAgreement = clamp(1 - (e - 0.02) / (0.08 - 0.02), 0, 1)         (1 up to 2% off, 0 from 8% off)
//   structure      = (boundaryF + tempoAgreement) / 2
//   score          = audioScore * (0.4 + 0.6 * structure)
// The audio grade multiplies because a clipped, silent or noisy mix is unusable however clear its form; the
// agreement of the Analysis segmenter and beat tracker with the exact plan says how plainly the audio shows
// its structure (what the structure-guided model is meant to learn), yet a song the analysis misreads is still
// music, so agreement alone takes at most 60% of the grade.
void grade(TrainingSong& song, const analysis::SongAnalysis& a)
{
    QualityReport& q = song.quality;
    q.audioScore = std::clamp(a.quality.score, 0.0, 1.0);
    q.reasons = a.quality.reasons;
    std::vector<double> exact, found;
    const double length = double(song.samples) / song.sampleRate;
    for (qsizetype i = 1; i < song.sections.size(); ++i)
        exact.push_back(double(song.sections[i].start) / song.sampleRate);
    for (qsizetype i = 1; i < a.sections.size(); ++i)
        if (a.sections[i].start > 0.0 && a.sections[i].start < length)
            found.push_back(a.sections[i].start);
    int hits = 0;
    q.boundaryHitRate = boundaryFMeasure(exact, found, hits);
    if (q.boundaryHitRate < 1.0)
        q.reasons << QStringLiteral("The analysis found %1 of %2 section boundaries within 3 s and placed %3 where there is none (F-measure %4).")
                         .arg(hits).arg(exact.size()).arg(int(found.size()) - hits).arg(q.boundaryHitRate, 0, 'f', 2);
    q.tempoError = song.tempo;
    if (a.tempo > 0.0)
        for (double candidate : {a.tempo, a.tempo / 2.0, a.tempo * 2.0})
            q.tempoError = std::min(q.tempoError, std::abs(candidate - song.tempo));
    const double relative = q.tempoError / song.tempo;
    const double tempoAgreement = std::clamp(1.0 - (relative - kTempoExact) / (kTempoWrong - kTempoExact), 0.0, 1.0);
    if (tempoAgreement < 1.0)
        q.reasons << (a.tempo > 0.0 ? QStringLiteral("The analysed tempo is %1 BPM, the song's %2 BPM.").arg(a.tempo, 0, 'f', 1).arg(song.tempo)
                                    : QStringLiteral("The analysis found no pulse."));
    q.score = q.audioScore * (0.4 + 0.6 * 0.5 * (q.boundaryHitRate + tempoAgreement));

    song.analysedSections.clear();
    for (const analysis::AnalysedSection& s : a.sections) {
        TrainingSection t;
        t.label = int(s.label);
        t.start = std::llround(s.start * song.sampleRate);
        t.end = std::llround(s.end * song.sampleRate);
        t.caption = s.caption;
        t.paraphrases = {s.caption};
        song.analysedSections.append(t);
    }
}

struct Work {
    QString folder;
    TrainingSong song;
    bool readable = false;
};

void processSong(Work& w, const PipelineOptions& options, const JobControl& job)
{
    w.song.folder = QFileInfo(w.folder).absoluteFilePath();
    w.song.id = QFileInfo(w.folder).fileName();
    auto fail = [&](const QString& reason) {
        w.song.quality = QualityReport{};
        w.song.quality.reasons = {reason};
    };
    auto read = readCorpusSong(w.folder, options.stemGroups);
    if (!read)
        return fail(read.errorMessage());
    w.song = std::move(read.value().song);
    auto targets = targetsFromMidi(w.song, options.hop);
    if (!targets)
        return fail(targets.errorMessage());
    w.song.targets = std::move(targets.value());
    addParaphrases(w.song, options.paraphrases, options.paraphraseSeed);
    if (!options.analyse) {
        for (const QString& f : w.song.stemFiles)
            if (!QFileInfo::exists(f))
                return fail(QStringLiteral("%1: no such file").arg(QDir::toNativeSeparators(f)));
        w.song.quality = QualityReport{1.0, 1.0, 1.0, 0.0, {}};
        w.readable = true;
        return;
    }
    auto mix = core::AudioFileReader::read(read.value().mixFile);
    if (!mix)
        return fail(mix.errorMessage());
    QuietJobControl songJob(job);
    auto analysed = analysis::analyzeSong(mix.value().audio, songJob);
    if (!analysed)
        return fail(QStringLiteral("%1: analysis failed: %2").arg(QDir::toNativeSeparators(read.value().mixFile), analysed.errorMessage()));
    grade(w.song, analysed.value());
    w.readable = true;
}

bool betterFirst(const TrainingSong& a, const TrainingSong& b)
{
    return a.quality.score != b.quality.score ? a.quality.score > b.quality.score : a.id < b.id;
}

}  // namespace

Result<PipelineResult> runPipeline(const QString& corpusDir, const PipelineOptions& options, JobControl& job)
{
    const QDir dir(corpusDir);
    if (!dir.exists())
        return Error{QStringLiteral("%1: no such folder").arg(QDir::toNativeSeparators(corpusDir))};
    std::vector<Work> work;
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (name.endsWith(QLatin1String(".s2a")) || QFileInfo::exists(dir.filePath(name + QStringLiteral("/song.json"))))
            work.push_back({dir.filePath(name), {}, false});
    if (work.empty())
        return Error{QStringLiteral("%1: holds no song folders (*.s2a with a song.json)").arg(QDir::toNativeSeparators(corpusDir))};

    // Songs are independent and analysis dominates (about 1-2 s per 45 s song on one core), so they run on
    // the pool. The job's progress is called from pool threads, serialised, once per finished song.
    QMutex progressMutex;
    int done = 0;
    job.progress(0.0, QStringLiteral("Reading %1 song(s)").arg(work.size()));
    parallelForEach(work, [&](Work& w) {
        if (job.cancelled())
            return;
        processSong(w, options, job);
        const QMutexLocker lock(&progressMutex);
        ++done;
        job.progress(double(done) / double(work.size()), QStringLiteral("%1 (%2 of %3)").arg(QFileInfo(w.folder).fileName()).arg(done).arg(work.size()));
    });
    if (job.cancelled())
        return cancelledError();

    // Keep the best keepFraction of the readable songs (rounded to the nearest count, at least one so a tiny
    // corpus still trains), never one graded below minScore.
    PipelineResult result;
    QVector<TrainingSong> graded;
    for (Work& w : work) {
        if (w.readable)
            graded.append(std::move(w.song));
        else
            result.dropped.append(std::move(w.song));
    }
    std::sort(graded.begin(), graded.end(), betterFirst);
    const qsizetype quota = options.keepFraction <= 0.0 ? 0 : qsizetype(keptCount(options.keepFraction, size_t(graded.size())));
    for (qsizetype i = 0; i < graded.size(); ++i) {
        TrainingSong& s = graded[i];
        if (s.quality.score < options.minScore) {
            s.quality.reasons << QStringLiteral("Dropped: graded %1, below the minimum %2.").arg(s.quality.score, 0, 'f', 2).arg(options.minScore, 0, 'f', 2);
            result.dropped.append(std::move(s));
        } else if (i >= quota) {
            s.quality.reasons << QStringLiteral("Dropped: graded %1, outside the best %2% of the corpus.")
                                     .arg(s.quality.score, 0, 'f', 2).arg(options.keepFraction * 100.0, 0, 'f', 0);
            result.dropped.append(std::move(s));
        } else {
            result.kept.append(std::move(s));
        }
    }
    std::sort(result.dropped.begin(), result.dropped.end(), [](const TrainingSong& a, const TrainingSong& b) { return a.id < b.id; });
    job.progress(1.0, QStringLiteral("Kept %1 of %2 song(s)").arg(result.kept.size()).arg(work.size()));
    return result;
}

}  // namespace s2a::training
