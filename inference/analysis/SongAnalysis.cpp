#include "inference/analysis/SongAnalysis.h"

#include "core/audio/Resampler.h"
#include "inference/analysis/Descriptors.h"
#include "inference/analysis/ChordRecognizer.h"
#include "inference/analysis/Features.h"
#include "inference/analysis/KeyEstimator.h"
#include "inference/analysis/Rhythm.h"
#include "inference/analysis/Structure.h"
#include "inference/arranger/MusicTheory.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace s2a::inference::analysis {
namespace {

// How much a phrase entry on a downbeat counts beside the harmony's fit per bar, whose four phases differ by
// 0.2-0.8 on arranger tunes (bench_harmonise: bar 1 right in 10 of 16 tunes without it, 12 with it).
constexpr double kEntryWeight = 2.0;

// Mono at the analysis rate: downmix first (one channel to resample instead of two), then resample.
Result<std::vector<float>> analysisSignal(const core::AudioBuffer& audio)
{
    core::AudioBuffer mono;
    mono.sampleRate = audio.sampleRate;
    mono.channels.assign(1, std::vector<float>(static_cast<size_t>(audio.frames()), 0.0f));
    const float gain = 1.0f / static_cast<float>(std::max(1, audio.channelCount()));
    for (const auto& ch : audio.channels)
        for (size_t i = 0; i < ch.size(); ++i)
            mono.channels[0][i] += ch[i] * gain;
    if (audio.sampleRate == kAnalysisRate)
        return std::move(mono.channels[0]);
    auto resampled = core::Resampler::resample(mono, kAnalysisRate);
    if (!resampled)
        return resampled.error();
    return std::move(resampled.value().channels[0]);
}

// Times one stage, reports it, and answers whether the job may go on.
class Stages {
public:
    Stages(JobControl& job, SongAnalysis& out) : m_job(job), m_out(out) { m_timer.start(); }
    bool next(double fraction, const QString& stage)
    {
        if (!m_current.isEmpty())
            m_out.stageSeconds.push_back({m_current, m_timer.nsecsElapsed() / 1e9});
        m_timer.restart();
        m_current = stage;
        m_job.progress(fraction, stage);
        return !m_job.cancelled();
    }

private:
    JobControl& m_job;
    SongAnalysis& m_out;
    QElapsedTimer m_timer;
    QString m_current;
};

}  // namespace


Result<SongAnalysis> analyzeSong(const core::AudioBuffer& audio, JobControl& job, ChordReading chordReading)
{
    if (audio.channelCount() == 0 || audio.sampleRate <= 0 || !audio.hasEqualChannelLengths())
        return Error{QStringLiteral("The audio to analyse is empty or malformed.")};
    SongAnalysis out;
    out.duration = static_cast<double>(audio.frames()) / audio.sampleRate;
    Stages stages(job, out);

    if (!stages.next(0.0, QStringLiteral("Resampling")))
        return cancelledError();
    auto signal = analysisSignal(audio);
    if (!signal)
        return signal.error();

    if (!stages.next(0.1, QStringLiteral("Spectrum")))
        return cancelledError();
    const Features features = computeFeatures(signal.value(), kAnalysisRate);

    if (!stages.next(0.35, QStringLiteral("Beats and tempo")))
        return cancelledError();
    const RhythmResult rhythm = trackRhythm(features);
    out.tempo = rhythm.tempo;
    out.beats = QVector<double>(rhythm.beats.begin(), rhythm.beats.end());
    out.bars = QVector<double>(rhythm.bars.begin(), rhythm.bars.end());
    out.downbeatOffset = rhythm.tempo > 0.0 ? rhythm.downbeatOffset : 0.0;

    if (!stages.next(0.5, QStringLiteral("Key")))
        return cancelledError();
    const KeyResult key = estimateKey(features, rhythm.beats);
    if (key.valid) {
        out.tonic = key.tonic;
        out.minor = key.minor;
        out.keyConfidence = key.confidence;
        out.key = arranger::Key{key.tonic, key.minor}.toString();
    }

    if (!stages.next(0.55, QStringLiteral("Chords")))
        return cancelledError();
    if (key.valid && chordReading == ChordReading::Melody && rhythm.beats.size() >= 8) {
        // A tune alone marks its downbeats weakly (no bass, no kick): of the four bar grids the beats allow, the
        // one its harmony fits best wins, and bars, bar 1 and the chords follow it.
        // Where the tune comes in after a rest (a bar or more) votes too: phrases enter on downbeats.
        const double beat = 60.0 / rhythm.tempo;
        const std::vector<double> entries = phraseEntries(features, 4.0 * beat);
        int best = 0;
        double bestFit = -std::numeric_limits<double>::infinity();
        for (int phase = 0; phase < 4; ++phase) {
            double fit = 0.0;
            const std::vector<double> grid = barsFromPhase(rhythm.beats, phase, rhythm.tempo);
            harmoniseMelody(features, grid, out.duration, key.tonic, key.minor, &fit);
            fit += kEntryWeight * entriesOnDownbeats(entries, grid, beat);
            if (fit > bestFit) {
                bestFit = fit;
                best = phase;
            }
        }
        const std::vector<double> grid = barsFromPhase(rhythm.beats, best, rhythm.tempo);
        out.bars = QVector<double>(grid.begin(), grid.end());
        out.downbeatOffset = std::fmod(rhythm.beats[size_t(best)], 4.0 * 60.0 / rhythm.tempo);
    }
    if (key.valid) {
        const std::vector<double> bars(out.bars.begin(), out.bars.end());
        const std::vector<ChordSpan> spans = chordReading == ChordReading::Melody
            ? harmoniseMelody(features, bars, out.duration, key.tonic, key.minor)
            : recogniseChords(features, rhythm.beats, out.duration);
        for (const ChordSpan& span : spans)
            out.chords.push_back({span.start, chordName(span.root, span.minor)});
    }

    if (!stages.next(0.6, QStringLiteral("Structure")))
        return cancelledError();
    // Without a pulse, a 4-second grid stands in for bars so long files still get sections.
    std::vector<double> bars = rhythm.bars;
    if (bars.size() < 2)
        for (double t = 0.0; t < out.duration; t += 4.0)
            bars.push_back(t);
    const StructureResult structure = segmentStructure(features, bars, out.duration);
    for (const Segment& seg : structure.segments) {
        AnalysedSection s;
        s.start = structure.barTimes[static_cast<size_t>(seg.firstBar)];
        s.end = structure.barTimes[static_cast<size_t>(seg.endBar)];
        s.firstBar = std::max(0, static_cast<int>(std::lower_bound(out.bars.begin(), out.bars.end(), s.start - 1e-6) - out.bars.begin()));
        s.group = seg.group;
        s.label = seg.label;
        out.sections.push_back(s);
    }

    if (!stages.next(0.75, QStringLiteral("Section descriptors")))
        return cancelledError();
    describeSections(audio, features, hpss(features), rhythm.onset, out.tempo, out.key, out.sections);

    if (!stages.next(0.9, QStringLiteral("Quality")))
        return cancelledError();
    out.quality = gradeQuality(audio, features);
    stages.next(1.0, QString());
    return out;
}

core::ProjectData projectFromAnalysis(const SongAnalysis& analysis, const QString& title, const QString& audioFile,
                                      int sampleRate, core::SampleCount frames)
{
    core::ProjectData data = core::ProjectData::createNew(title, sampleRate, frames);
    data.settings.tempo = analysis.tempo > 0 ? std::clamp(analysis.tempo, core::limits::kMinTempo, core::limits::kMaxTempo) : 120.0;
    data.settings.key = analysis.key;
    data.settings.downbeatOffset = std::clamp<core::SampleCount>(std::llround(analysis.downbeatOffset * sampleRate), 0, frames);
    for (const AnalysedChord& chord : analysis.chords) {
        const core::SampleCount at = std::llround(chord.start * sampleRate);
        if (at < frames && (data.chords.isEmpty() || at > data.chords.constLast().position))
            data.chords.push_back({at, chord.name});
    }
    core::Track track;
    track.id = core::newId("trk");
    track.name = QStringLiteral("Mix");
    track.role = core::TrackRole::Mix;
    data.tracks.push_back(track);
    if (frames <= 0 || analysis.sections.isEmpty())
        return data;

    // Section spans in samples, contiguous from 0 to `frames`; spans shorter than the model's minimum are
    // merged into their predecessor so the project always validates.
    const core::SampleCount minimum = core::limits::minimumSectionLength(sampleRate);
    QVector<core::Section> sections;
    for (int i = 0; i < analysis.sections.size(); ++i) {
        const AnalysedSection& a = analysis.sections[i];
        core::Section s;
        s.id = core::newId("sec");
        s.label = a.label;
        s.start = sections.isEmpty() ? 0 : sections.constLast().end;
        s.end = i + 1 == analysis.sections.size() ? frames : std::min<core::SampleCount>(frames, std::llround(a.end * sampleRate));
        s.caption = a.caption;
        s.tags = QStringList{QStringLiteral("group %1").arg(a.groupName())};
        s.energy = a.descriptors.energy;
        if (s.end - s.start < minimum && !sections.isEmpty()) {
            sections.last().end = s.end;
            continue;
        }
        sections.push_back(s);
    }
    if (sections.size() > 1 && sections.constLast().length() < minimum) {
        const core::SampleCount end = sections.constLast().end;
        sections.removeLast();
        sections.last().end = end;
    }
    for (core::Section& s : sections) {
        core::Take take;
        take.id = core::newId("take");
        take.name = QStringLiteral("Original");
        take.origin.engine = QStringLiteral("import");
        take.origin.caption = s.caption;
        take.origin.createdAt = QDateTime::currentDateTimeUtc();
        core::AudioClip clip;
        clip.trackId = track.id;
        clip.file = audioFile;
        clip.timelineStart = s.start;
        clip.sourceStart = s.start;  // the file covers the whole song from 0
        clip.length = s.length();
        take.clips.push_back(clip);
        s.takes.push_back(take);
        s.activeTakeId = take.id;
    }
    data.sections = sections;
    return data;
}

}  // namespace s2a::inference::analysis
