#include "inference/evaluation/Adherence.h"

#include "inference/StemGroups.h"
#include "inference/arranger/CaptionParser.h"

#include <algorithm>
#include <cmath>

namespace s2a::inference::evaluation {
namespace {

double toDb(double meanSquare) { return meanSquare > 1e-12 ? 10.0 * std::log10(meanSquare) : -120.0; }

bool isChorus(core::SectionLabel l) { return l == core::SectionLabel::Chorus || l == core::SectionLabel::Drop; }

}  // namespace

const std::vector<std::string>& evalStemGroups()
{
    static const std::vector<std::string> groups{"drums", "bass", "harmonic", "lead"};
    return groups;
}

bool tempoMatches(double estimatedBpm, double targetBpm)
{
    return estimatedBpm > 0.0 && targetBpm > 0.0 && std::abs(estimatedBpm - targetBpm) <= kTempoToleranceBpm;
}

std::vector<double> groupLevelsDb(const QVector<Stem>& stems)
{
    const auto& groups = evalStemGroups();
    core::SampleCount frames = 0;
    for (const Stem& s : stems)
        frames = std::max(frames, s.audio.frames());
    // Sum per group first: two keys stems in one group are one "harmonic" signal, and their RMS is what a
    // model that renders the group as one stem would be measured on.
    std::vector<std::vector<std::vector<double>>> sums(groups.size());
    for (const Stem& s : stems) {
        auto& g = sums[static_cast<size_t>(stemGroupFor(s.role, groups))];
        if (g.size() < s.audio.channels.size())
            g.resize(s.audio.channels.size(), std::vector<double>(static_cast<size_t>(frames), 0.0));
        for (size_t c = 0; c < s.audio.channels.size(); ++c)
            for (size_t i = 0; i < s.audio.channels[c].size(); ++i)
                g[c][i] += s.audio.channels[c][i];
    }
    std::vector<double> levels;
    for (const auto& g : sums) {
        double sq = 0.0;
        double n = 0.0;
        for (const auto& ch : g) {
            for (double x : ch)
                sq += x * x;
            n += static_cast<double>(ch.size());
        }
        levels.push_back(toDb(n > 0.0 ? sq / n : 0.0));
    }
    return levels;
}

QVector<CaptionInstrument> namedInstruments(const QString& caption)
{
    const arranger::CaptionIntent intent = arranger::parseCaption(caption);
    QVector<CaptionInstrument> out;
    for (const arranger::NamedInstrument& n : intent.instruments)
        out.append({n.phrase, stemGroupFor(n.role, evalStemGroups())});
    if (intent.percussion && !intent.excluded.contains(core::TrackRole::Drums))
        out.append({QStringLiteral("percussion"), stemGroupFor(core::TrackRole::Drums, evalStemGroups())});
    return out;
}

bool groupPresent(const std::vector<double>& levelsDb, int group)
{
    if (group < 0 || group >= static_cast<int>(levelsDb.size()))
        return false;
    const double loudest = *std::max_element(levelsDb.begin(), levelsDb.end());
    const double level = levelsDb[static_cast<size_t>(group)];
    return level > kPresenceFloorDbfs && level >= loudest - kPresenceRangeDb;
}

EnergyOrder energyOrder(const std::vector<float>& mono, int sampleRate, const QVector<SectionPlan>& sections)
{
    EnergyOrder out;
    const auto n = static_cast<core::SampleCount>(mono.size());
    double chorusSq = 0.0, verseSq = 0.0;
    core::SampleCount chorusN = 0, verseN = 0;
    for (const SectionPlan& s : sections) {
        const bool chorus = isChorus(s.label);
        if (!chorus && s.label != core::SectionLabel::Verse)
            continue;
        const core::SampleCount a = std::clamp<core::SampleCount>(s.start, 0, n);
        const core::SampleCount b = std::clamp<core::SampleCount>(s.end, a, n);
        double sq = 0.0;
        for (core::SampleCount i = a; i < b; ++i)
            sq += double(mono[static_cast<size_t>(i)]) * mono[static_cast<size_t>(i)];
        (chorus ? chorusSq : verseSq) += sq;
        (chorus ? chorusN : verseN) += b - a;
    }
    const auto minimum = static_cast<core::SampleCount>(kMinSectionSeconds * sampleRate);
    out.applicable = chorusN >= minimum && verseN >= minimum && minimum > 0;
    out.chorusDb = toDb(chorusN > 0 ? chorusSq / double(chorusN) : 0.0);
    out.verseDb = toDb(verseN > 0 ? verseSq / double(verseN) : 0.0);
    out.chorusLouder = out.applicable && out.chorusDb > out.verseDb;
    return out;
}

std::vector<float> monoOf(const core::AudioBuffer& audio)
{
    std::vector<float> out(static_cast<size_t>(audio.frames()), 0.0f);
    if (audio.channels.empty())
        return out;
    const float scale = 1.0f / static_cast<float>(audio.channels.size());
    for (const auto& ch : audio.channels)
        for (size_t i = 0; i < ch.size() && i < out.size(); ++i)
            out[i] += ch[i] * scale;
    return out;
}

std::vector<float> monoMix(const QVector<Stem>& stems, const std::function<bool(int group)>& include)
{
    core::SampleCount frames = 0;
    for (const Stem& s : stems)
        frames = std::max(frames, s.audio.frames());
    std::vector<float> out(static_cast<size_t>(frames), 0.0f);
    for (const Stem& s : stems) {
        if (include && !include(stemGroupFor(s.role, evalStemGroups())))
            continue;
        const std::vector<float> m = monoOf(s.audio);
        for (size_t i = 0; i < m.size(); ++i)
            out[i] += m[i];
    }
    return out;
}

}  // namespace s2a::inference::evaluation
