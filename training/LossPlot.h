#pragma once

// The loss curve of a training run as an SVG: loss.csv (training/TrainingLoop.h's columns) in, one panel per
// stage (log-scale loss against step, raw and smoothed) out. Plain text, so the Qt-free trainer draws it.
#include <string>

namespace s2a::training {

// Returns an empty string on success, else what went wrong.
std::string plotLossCurve(const std::string& csvPath, const std::string& svgPath);

}  // namespace s2a::training
