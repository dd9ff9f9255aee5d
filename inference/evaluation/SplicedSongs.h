#pragma once
// A structure test set made of real recordings: excerpts of whole bars cut from different tracks and spliced
// into known forms (ABABCB, AABA, ...), so every section boundary and repetition group is known to the sample.
// A letter is one excerpt of one track; a repeated letter is that excerpt again, as a producer copies a chorus;
// different letters come from different tracks, so "different" is never in doubt. Excerpts start on a downbeat
// the rhythm tracker finds in their track and last 4, 8 or 16 of its bars, whichever is nearest 20 s.
#include "core/audio/AudioBuffer.h"
#include "core/util/JobControl.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace s2a::inference::evaluation {

struct SplicedSong {
    QString name;             // "song03-ABABCB"
    QString form;             // one letter per section
    core::AudioBuffer audio;  // mono, at analysis::kAnalysisRate
    QVector<double> starts;   // section starts, seconds; starts[0] == 0
    QStringList sources;      // per letter: "A hr3-caves.ogg 31.4 s, 8 bars"
    double duration() const { return audio.sampleRate > 0 ? double(audio.frames()) / audio.sampleRate : 0.0; }
};

struct SplicedSetOptions {
    int count = 20;
    quint64 seed = 1;
    QStringList forms{QStringLiteral("ABABCB"), QStringLiteral("AABA"), QStringLiteral("ABACAB"),
                      QStringLiteral("AABABCB"), QStringLiteral("ABCBCA"), QStringLiteral("ABABB")};
};

// The soundtracks of Debian packages under free licences (GPL-2+) that scripts/dev installs: frozen-bubble-data,
// asc-music and hyperrogue-music. The paths, whether or not they exist.
QStringList debianSoundtracks();

// Builds `options.count` songs from `tracks` (decoded, downmixed to mono and resampled to the analysis rate).
// Fails with a message naming the file when a track cannot be read, or when fewer tracks than a form's letters
// have a usable beat grid.
Result<QVector<SplicedSong>> buildSplicedSongs(const QStringList& tracks, const SplicedSetOptions& options, JobControl& job);

}  // namespace s2a::inference::evaluation
