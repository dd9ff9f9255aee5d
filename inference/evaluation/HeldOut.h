#pragma once

// Held-out songs for s2a-eval: folders written by s2a-corpus (song.json with caption, tempo, sections and their
// captions, per-stem audio, mix.flac), each cropped to its first `seconds`. The crop is the evaluation clip:
// sections are clipped to it (those starting after it dropped), and the real audio is read over the same span.
#include "inference/Generator.h"

#include <QString>
#include <QVector>

namespace s2a::inference::evaluation {

struct StemFile {
    core::TrackRole role = core::TrackRole::Other;
    QString name;
    QString path;  // absolute
};

struct HeldOutItem {
    QString folder;  // absolute
    QString caption;
    double tempo = 0.0;
    QString key;     // the song's key as song.json records it ("C major"); may be empty
    int sampleRate = 44100;
    core::SampleCount length = 0;  // the clip: min(song length, seconds)
    QVector<SectionPlan> sections; // on the clip, contiguous from 0
    QString mixPath;
    QVector<StemFile> stems;
};

// The first `count` song folders (those with a song.json) of `dir`, sorted by name. Fails when `dir` has none
// or a song.json does not read; fewer than `count` is not an error (the caller reports how many it got).
Result<QVector<HeldOutItem>> loadHeldOut(const QString& dir, int count, double seconds);

// An audio file at `sampleRate` (resampled when it is not), stereo (mono duplicated), cut or padded with
// silence to exactly `frames`.
Result<core::AudioBuffer> readClip(const QString& path, int sampleRate, core::SampleCount frames);

Result<core::AudioBuffer> readMix(const HeldOutItem& item);
Result<QVector<Stem>> readStems(const HeldOutItem& item);

// What a model is asked for this item: its caption, tempo and sections (labels, spans, captions). The key is
// left to the engine (the brief of the evaluation is caption + structure) unless `withSongKey`: then it is the
// song's, as a project whose key is set asks for it.
GenerationRequest requestFor(const HeldOutItem& item, quint64 seed, int steps, double guidance, double sectionGuidance,
                             bool withSongKey = false);

// The same request with the captions of `other` (global, and per section: the first section of `other` with
// the same label, else the one at the same index modulo its count), for the shuffled-caption baseline.
GenerationRequest withCaptionsOf(GenerationRequest request, const HeldOutItem& other);

}  // namespace s2a::inference::evaluation
