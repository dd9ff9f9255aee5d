#pragma once

#include "core/model/ProjectData.h"
#include "core/playback/AudioPool.h"
#include "core/playback/RenderPlan.h"

#include <QStringList>

#include <memory>

namespace s2a::core {

struct PlanBuildResult {
    std::unique_ptr<RenderPlan> plan;
    QStringList problems;  // audio that could not be read (plays as silence), one sentence each
};

// Lays the active take of every section along the timeline for every track, at `outputRate` (the device's
// rate: when it differs from the project's, positions are scaled and the audio is resampled here, off the
// audio thread). Each clip is cut to its section's span, so takes with handles never overlap a neighbour.
// Plan track i is project track i.
PlanBuildResult buildRenderPlan(const ProjectData& data, AudioPool& pool, int outputRate);

// Project-rate sample -> output-rate sample, and back.
SampleCount toOutputRate(SampleCount projectSample, int projectRate, int outputRate);
SampleCount toProjectRate(SampleCount outputSample, int projectRate, int outputRate);

}  // namespace s2a::core
