#pragma once

// The level guard every generated take passes before its stems are stored: no stem may reach past a true-peak
// ceiling. A diffusion take's drum stem once came out at +5.3 dBTP: played, it clipped the output, exported, it
// clipped the file, and nothing said so. One gain for all the stems of a take (not a limiter, not per stem),
// so the take's balance and its transients stay as the engine made them; the gain and the resulting peak are
// recorded on the take (TakeOrigin), where the takes list shows them.
#include "core/model/ProjectData.h"
#include "inference/Generator.h"

#include <QVector>

namespace s2a::inference {

// -1 dBTP: the ceiling streaming services ask for, and room for a mix of several stems at unity.
constexpr double kStemCeilingDbtp = -1.0;

struct LevelGuard {
    double peakDbtp = 0.0;   // the loudest stem's true peak before the guard (-inf for silence)
    double gainDb = 0.0;     // applied to every stem: 0, or what brings that peak to the ceiling
};

// Measures every stem's true peak and, when the loudest is above `ceilingDbtp`, scales all stems by one gain
// that brings it there. Writes the gain and the guarded peak into `origin`.
LevelGuard guardStemLevels(QVector<Stem>& stems, int sampleRate, core::TakeOrigin& origin,
                           double ceilingDbtp = kStemCeilingDbtp);

}  // namespace s2a::inference
