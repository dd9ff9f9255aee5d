#pragma once

// The Qt pipeline's result as the Qt-free trainer's manifest (training/Manifest.h): kept songs best-graded
// first with their paraphrases, sections, frame targets and stem files (absolute paths, each with its stem
// group), dropped songs with their reasons.
#include "training/Manifest.h"
#include "training/data/TrainingData.h"

namespace s2a::training {

Manifest manifestFrom(const PipelineResult& result, const PipelineOptions& options, int sampleRate);

}  // namespace s2a::training
