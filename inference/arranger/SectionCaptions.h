#pragma once

// The short caption a section gets when nobody wrote one: what its label usually asks for ("steady groove",
// "full band, big"). One list for the training corpus and for new songs, so the diffusion model is asked, at
// a new song, in the words it was trained on, and the user sees (and can edit) what each section was made from.
#include "core/model/Labels.h"
#include "inference/arranger/Random.h"

#include <QString>

namespace s2a::inference::arranger {

// One of the label's captions, drawn from `rng`.
QString defaultSectionCaption(Rng& rng, core::SectionLabel label);

}  // namespace s2a::inference::arranger
