#pragma once

// Per-section descriptors (loudness, brightness, onset density, percussive/harmonic balance) and the
// caption made from them, plus quality grading of the whole file.
#include "inference/analysis/Features.h"
#include "inference/analysis/SongAnalysis.h"

#include <vector>

namespace s2a::inference::analysis {

// Percussive share of each frame's mel energy after median-filter HPSS (Fitzgerald 2010) on the mel power:
// a median across time keeps sustained partials (harmonic), a median across bands keeps broadband clicks
// (percussive). On 64 mel bands instead of 1025 bins it costs a few milliseconds per minute.
struct HpssFrames {
    std::vector<float> harmonic;
    std::vector<float> percussive;
};
HpssFrames hpss(const Features& features);

// Fills descriptors of every section (loudness from `audio` at its own rate through libebur128) and then
// `energy` relative to the song and the caption.
void describeSections(const core::AudioBuffer& audio, const Features& features, const HpssFrames& hp,
                      const std::vector<float>& onset, double tempo, const QString& key,
                      QVector<AnalysedSection>& sections);

// Words CaptionParser understands: energy ("sparse", "soft", "full", "powerful"), feel ("slow", "laid back",
// "upbeat", "driving"), colour ("warm", "bright" in major keys), texture ("no drums", "drums", "pads").
QString captionFor(const SectionDescriptors& d, double tempo, bool minorKey);

QualityGrade gradeQuality(const core::AudioBuffer& audio, const Features& features);

}  // namespace s2a::inference::analysis
