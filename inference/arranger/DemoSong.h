#pragma once

// The song a new user hears on first run: made by the arranger, so it needs no download and no GPU.
#include "inference/Generator.h"

#include <QString>

namespace s2a::inference::arranger {

constexpr const char* kDemoCaption = "upbeat funk with slap bass and brass, 104 bpm";
// The demo's mix level: integrated loudness, and the true peak it never passes (which wins when they disagree).
constexpr double kDemoLufs = -15.0;
constexpr double kDemoCeilingDbtp = -1.5;

// Where the app keeps the demo: rendered there on first run, then opened as a template (an untitled copy:
// Save asks where, nothing is written into it). Under the app's data folder (XDG_DATA_HOME).
QString demoSongPath();

// Renders the demo (intro-verse-chorus-verse-chorus-bridge-chorus-outro) and saves it as a bundle at
// `bundlePath`. Returns the bundle path. Takes a few seconds; reports progress and honours cancel.
Result<QString> createDemoSong(const QString& bundlePath, JobControl& job);

}  // namespace s2a::inference::arranger
