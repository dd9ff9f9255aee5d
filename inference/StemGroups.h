#pragma once

// How the app's track roles map onto a diffusion model's stem groups (ModelConfig::stemGroups, e.g. drums,
// bass, harmonic, lead, or a single "mix"). One mapping for the engine (summing a song's tracks into the
// groups it repaints), the trainer (summing a corpus song's stems into training targets) and the evaluation.
#include "core/model/Labels.h"

#include <QVector>

#include <string>
#include <vector>

namespace s2a::inference {

// The group a track of `role` is summed into: drums, bass and lead by name, everything else into "harmonic";
// a model without such a group (mix-only) takes everything into its first group.
int stemGroupFor(core::TrackRole role, const std::vector<std::string>& groups);

// Per group of `groups`: whether any of `roles` is summed into it (the groups a set of roles plays).
std::vector<bool> groupsPlayedBy(const QVector<core::TrackRole>& roles, const std::vector<std::string>& groups);

// The role a decoded group's stem gets in the project (harmonic -> keys, mix -> mix).
core::TrackRole roleForStemGroup(const std::string& group);

}  // namespace s2a::inference
