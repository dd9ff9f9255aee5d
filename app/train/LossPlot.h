#pragma once

// The loss curve of a training run as a PNG: loss.csv (inference/training/TrainingLoop.h's columns) in, one
// panel per stage (log-scale loss against step, raw and smoothed) out.
#include <QString>

namespace s2a::app {

// Returns an empty string on success, else what went wrong.
QString plotLossCurve(const QString& csvPath, const QString& pngPath);

}  // namespace s2a::app
