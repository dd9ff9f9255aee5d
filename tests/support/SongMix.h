#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/model/ProjectData.h"

#include <QString>
#include <QVector>

namespace s2a::test {

// The whole song's stereo mix at its own rate, as playback renders it (its bundle's audio, the render plan,
// the mixer): what a listener hears, for tests that compare songs before and after an edit or a generation.
core::AudioBuffer renderSongMix(const core::ProjectData& data, const QString& bundlePath);

// How the song's tracks changed with an edit that may only touch [start, end): `before` and `after` hold each
// track's audio along the song (a track missing from either is silence). `changedOutside` names the first
// sample outside the range that is not bit-identical (empty when none); `changedInside` says whether any sample
// inside differs at all.
struct SpliceCheck {
    QString changedOutside;
    bool changedInside = false;
};
SpliceCheck compareSplice(const QVector<core::AudioBuffer>& before, const QVector<core::AudioBuffer>& after,
                          core::SampleCount start, core::SampleCount end);

}  // namespace s2a::test
