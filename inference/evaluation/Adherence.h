#pragma once

// Does a clip do what its request asked? Three checks, each a plain yes/no per item (or per instrument) so a
// percentage over a set of clips reads directly:
// - tempo: the estimated tempo is within kTempoToleranceBpm of the requested one. Half and double tempo are
//   misses: a listener hears them as a different feel, and counting them would hide a model that ignores tempo.
// - instruments: every instrument the caption names (the arranger's caption vocabulary, CaptionParser) maps to
//   the stem group it lives in (StemGroups.h: drums, bass, lead by role, everything else harmonic) and is
//   present when that group's RMS is within kPresenceRangeDb of the loudest group and above kPresenceFloorDbfs.
// - energy order: when the clip has both a chorus (or drop) and a verse, the chorus is louder (RMS over all
//   its samples) than the verse.
#include "inference/Generator.h"

#include <QString>
#include <QVector>

#include <functional>

#include <optional>
#include <string>
#include <vector>

namespace s2a::inference::evaluation {

constexpr double kTempoToleranceBpm = 4.0;
constexpr double kPresenceRangeDb = 30.0;
constexpr double kPresenceFloorDbfs = -50.0;
// Sections shorter than this inside the clip are not compared: a few hundred ms of chorus says nothing.
constexpr double kMinSectionSeconds = 1.0;

// The stem groups the evaluation measures in (those of the shipped model configs).
const std::vector<std::string>& evalStemGroups();

bool tempoMatches(double estimatedBpm, double targetBpm);

// Per group of evalStemGroups(): the RMS in dBFS (20 log10 of the RMS over every channel and sample) of the
// stems summed into that group, over [0, frames) of the stems. Silence is -120 dBFS.
std::vector<double> groupLevelsDb(const QVector<Stem>& stems);

struct CaptionInstrument {
    QString phrase;  // as the caption said it ("slap bass"); "percussion" for hand percussion
    int group = 0;   // index into evalStemGroups()
};

// The instruments a caption names, in caption order ("no drums" and the like are not named instruments).
QVector<CaptionInstrument> namedInstruments(const QString& caption);

bool groupPresent(const std::vector<double>& levelsDb, int group);

struct EnergyOrder {
    bool applicable = false;  // the clip has at least kMinSectionSeconds of both chorus/drop and verse
    bool chorusLouder = false;
    double chorusDb = -120.0, verseDb = -120.0;
};

// `mono` is the clip's mix; sections are on its timeline (samples), clipped to its length.
EnergyOrder energyOrder(const std::vector<float>& mono, int sampleRate, const QVector<SectionPlan>& sections);

// Channel mean of a buffer; the sum of all stems' channel means.
std::vector<float> monoOf(const core::AudioBuffer& audio);
// With `include`, only the stems whose evaluation stem group (index into evalStemGroups()) it accepts; the
// result is as long as the longest stem either way.
std::vector<float> monoMix(const QVector<Stem>& stems, const std::function<bool(int group)>& include = {});

}  // namespace s2a::inference::evaluation
