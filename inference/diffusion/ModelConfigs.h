#pragma once

// A built-in model config by name, as the diffusion engine's torch files share it (internal to this folder).
#include "core/util/Result.h"
#include "inference/model/ModelConfig.h"

#include <QString>

namespace s2a::inference::diffusion {

// "tiny", "tiny-pitched", "s2a-402m", ...: the config, or an error that names it.
Result<model::ModelConfig> configNamed(const QString& name);

}  // namespace s2a::inference::diffusion
