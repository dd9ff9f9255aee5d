#pragma once

// A manifest song's audio as the trainer needs it: every file of the song read with libsndfile and summed into
// its stem group, stereo, exactly as long as asked (shorter files padded with silence). Qt-free. The trainer
// reads each step's crops from disk this way, so hours of audio never need to fit in memory.
#include "training/Manifest.h"

#include <vector>

namespace s2a::training {

// [group][channel][sample], 2 channels per group (a mono file plays on both sides; channels past the second
// are not part of a stereo stem). Throws ManifestError naming the file: unreadable, another sample rate than
// the manifest's, no channels.
using GroupAudio = std::vector<std::vector<std::vector<float>>>;
// Samples [first, first + count) of the song (count < 0: to song.samples).
GroupAudio loadGroupAudio(const Manifest& manifest, const ManifestSong& song, int64_t first = 0, int64_t count = -1);
// Opens every file of the song's header only: throws as loadGroupAudio would, without decoding anything.
void checkGroupAudio(const Manifest& manifest, const ManifestSong& song);

}  // namespace s2a::training
