#pragma once

// A manifest song's audio as the trainer needs it: every file of the song read with libsndfile and summed into
// its stem group, stereo, exactly `samples` long (shorter files padded with silence). Qt-free.
#include "training/Manifest.h"

#include <vector>

namespace s2a::training {

// [group][channel][sample], 2 channels per group (a mono file plays on both sides; channels past the second
// are not part of a stereo stem). Throws ManifestError naming the file: unreadable, another sample rate than
// the manifest's, no channels.
using GroupAudio = std::vector<std::vector<std::vector<float>>>;
GroupAudio loadGroupAudio(const Manifest& manifest, const ManifestSong& song);

}  // namespace s2a::training
