#pragma once

// An arranger song rendered at the analysis rate, with its request (so tests can rebuild what the arranger
// planned: chords, bars) and its stems summed into the mix, for the analysis tests that score against that truth.
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongPlanner.h"

#include <vector>

namespace s2a::test {

struct ArrangedMix {
    inference::GenerationRequest request;
    inference::GenerationResult result;
    core::AudioBuffer mix;
};

inline ArrangedMix arrangeMix(const QString& caption, double tempo, const QString& key, quint64 seed,
                              const QVector<QPair<core::SectionLabel, int>>& bars)
{
    ArrangedMix song;
    inference::GenerationRequest& r = song.request;
    r.caption = caption;
    r.seed = seed;
    r.tempo = tempo;
    r.key = key;
    r.sampleRate = inference::analysis::kAnalysisRate;
    r.sections = inference::arranger::SongPlanner::barSections(bars, tempo, r.sampleRate);
    inference::arranger::ArrangerEngine engine;
    SimpleJobControl job;
    auto result = engine.generate(r, job);
    if (!result)
        qFatal("the arranger failed: %s", qPrintable(result.errorMessage()));
    song.result = result.value();
    song.mix = song.result.stems.front().audio;
    for (int s = 1; s < song.result.stems.size(); ++s)
        for (size_t c = 0; c < song.mix.channels.size(); ++c)
            for (size_t i = 0; i < song.mix.channels[c].size(); ++i)
                song.mix.channels[c][i] += song.result.stems[s].audio.channels[c][i];
    return song;
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
