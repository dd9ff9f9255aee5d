#pragma once

// The genre words a caption may use, each played as one of the arranger's styles (whose grooves fit it best),
// some with a tempo range of their own: "drum and bass" is EDM grooves at 165-178 BPM, not at EDM's 122-130.
//
// The list is the genre vocabulary of a public music-tagging set (the MTG-Jamendo genre tags, which the
// S2Accompanist paper's training data carries), spelled as people type them, plus current names producers use
// (synthwave, afrobeats, reggaeton, K-pop, lo-fi house, ...). Mood and theme tags of the same set are in the
// caption parser's mood words.
#include "inference/arranger/StyleLibrary.h"

#include <vector>

namespace s2a::inference::arranger {

struct GenreWord {
    const char* phrase;    // lower case, words separated by single spaces, as the caption parser normalises text
    Style style;
    double tempoMin = 0.0;  // 0: the style's own range
    double tempoMax = 0.0;
};

// Longest phrase first, so that "lo fi house" wins over "lo fi" and "house".
const std::vector<GenreWord>& genreWords();

}  // namespace s2a::inference::arranger
