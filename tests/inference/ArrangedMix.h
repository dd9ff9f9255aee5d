#pragma once

// An arranger song rendered at the analysis rate, with its request (so tests can rebuild what the arranger
// planned: chords, bars) and its stems summed into the mix, for the analysis tests that score against that truth.
#include "core/model/ChordSymbol.h"
#include "inference/analysis/ChordRecognizer.h"
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/Arranger.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongPlanner.h"

#include <algorithm>
#include <vector>

namespace s2a::test {

struct ArrangedMix {
    inference::GenerationRequest request;
    inference::GenerationResult result;
    core::AudioBuffer mix;
};

inline ArrangedMix arrangeMix(const QString& caption, double tempo, const QString& key, quint64 seed,
                              const QVector<QPair<core::SectionLabel, int>>& bars,
                              int sampleRate = inference::analysis::kAnalysisRate)
{
    ArrangedMix song;
    inference::GenerationRequest& r = song.request;
    r.caption = caption;
    r.seed = seed;
    r.tempo = tempo;
    r.key = key;
    r.sampleRate = sampleRate;
    r.sections = inference::arranger::SongPlanner::barSections(bars, tempo, r.sampleRate);
    inference::arranger::ArrangerEngine engine;
    SimpleJobControl job;
    auto result = engine.generate(r, job);
    if (!result)
        qFatal("the arranger failed: %s", qPrintable(result.errorMessage()));
    song.result = result.value();
    song.mix = song.result.stems.front().audio;
    for (int s = 1; s < song.result.stems.size(); ++s)
        core::mixInto(song.mix, song.result.stems[s].audio);
    return song;
}

// The chords the arranger planned for `r`, as spans in seconds: what it played, bar by bar. Diminished, suspended
// and power chords are "no chord" here (-1): MIREX's majmin does not score them.
inline std::vector<inference::analysis::ChordSpan> plannedChords(const inference::GenerationRequest& r)
{
    auto plan = inference::arranger::SongPlanner::plan(r, r.seed);
    if (!plan)
        qFatal("%s", qPrintable(plan.errorMessage()));
    const inference::arranger::Arranger a(plan.value(), r.sections, r.sampleRate, std::vector<quint64>(size_t(r.sections.size()), r.seed));
    std::vector<inference::analysis::ChordSpan> spans;
    for (const inference::arranger::SectionContext& c : a.sections())
        for (int bar = 0; bar < c.bars; ++bar) {
            const qint64 from = std::max(c.startTick, c.barStart(bar)), to = std::min(c.endTick, c.barStart(bar + 1));
            if (to <= from)
                continue;
            const inference::arranger::Chord& chord = c.chordAtBar(bar);
            const auto has = [&](int i) { return std::find(chord.intervals.begin(), chord.intervals.end(), i) != chord.intervals.end(); };
            const bool major = has(4) && has(7), minor = has(3) && has(7);
            spans.push_back({double(a.timeline().tickToSample(from)) / r.sampleRate, double(a.timeline().tickToSample(to)) / r.sampleRate,
                             major || minor ? chord.root : -1, minor});
        }
    return spans;
}

// The analysis's chord changes as spans up to `duration`, for majminAccuracy.
inline std::vector<inference::analysis::ChordSpan> spansOf(const QVector<inference::analysis::AnalysedChord>& chords, double duration)
{
    std::vector<inference::analysis::ChordSpan> spans;
    for (int i = 0; i < chords.size(); ++i) {
        const auto symbol = core::parseChordSymbol(chords[i].name);
        spans.push_back({chords[i].start, i + 1 < chords.size() ? chords[i + 1].start : duration, symbol ? symbol->root : -1,
                         symbol && symbol->minor()});
    }
    return spans;
}

inline std::vector<float> monoOf(const core::AudioBuffer& a)
{
    std::vector<float> mono(size_t(a.frames()), 0.0f);
    for (const auto& channel : a.channels)
        for (size_t i = 0; i < mono.size(); ++i)
            mono[i] += channel[i] / float(a.channels.size());
    return mono;
}

}  // namespace s2a::test
