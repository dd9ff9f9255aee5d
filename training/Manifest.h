#pragma once

// The training manifest: everything s2a-train reads about its data, written by s2a-prepare (from an s2a-corpus
// folder, or from a folder of a user's own audio). Qt-free and LibTorch-free, so the trainer builds on a GPU
// server that has only PyTorch's LibTorch.
//
// One JSON file (manifest.json): the model layout the data was prepared for (sample rate, hop, stem groups),
// the kept songs best-graded first, and the dropped files with the reason for each. Audio stays in files
// (FLAC or WAV, read with libsndfile when training starts): a song lists the files summed into each stem group,
// so the arranger's per-instrument stems are not copied, and a real recording is one "mix" file.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace s2a::training {

struct ManifestError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Per latent frame (hop samples each, frame f = samples [f*hop, (f+1)*hop)): the structure-guided VAE's auxiliary
// targets (class ids match VaeConfig's head sizes). Exact from the arranger's MIDI; absent (frames = 0) for
// real recordings, which then train no structure heads.
struct FrameTargets {
    int64_t frames = 0;
    std::vector<int16_t> melody;  // [frames]: sounding lead pitch 0..127 (highest note of the lead stems), 128 = none
    std::vector<float> chroma;    // [frames * 12], row-major: 1 when a pitched (non-drum) note of that class sounds
    std::vector<float> onset;     // [frames]: 1 when any note starts inside the frame
    std::vector<float> beat;      // [frames]: 1 when a beat of the tempo grid falls inside the frame
    std::vector<int16_t> bass;    // [frames]: pitch class of the lowest bass-stem note, 12 = none
    std::vector<int16_t> chord;   // [frames]: root 0..11 major, 12..23 minor (root + 12), 24 = no chord
};

struct ManifestSection {
    int label = 0;                      // core::SectionLabel as int (the DiT's section-label id)
    int64_t start = 0;                  // samples
    int64_t end = 0;
    std::vector<std::string> captions;  // the caption first, then rewordings; never empty
};

struct ManifestAudio {
    std::string file;                   // absolute, or relative to the manifest's folder
    int group = 0;                      // the stem group it is summed into
};

struct ManifestSong {
    std::string id;                     // unique within the manifest
    std::vector<std::string> captions;  // the global caption first, then rewordings; never empty
    double tempo = 0.0;                 // BPM of the beat grid
    int beatsPerBar = 4;
    double downbeat = 0.0;              // seconds from the song's start to bar 1
    std::string key;
    double quality = 1.0;               // 0..1, the grade the kept songs are ordered by
    int64_t samples = 0;                // length at the manifest's sample rate
    std::vector<ManifestSection> sections;  // contiguous from 0
    std::vector<ManifestAudio> audio;
    FrameTargets targets;               // at the manifest's hop; frames = 0 when unknown
};

struct ManifestDrop {
    std::string id;                     // the file or song folder
    std::string reason;
};

struct Manifest {
    int sampleRate = 44100;
    int64_t hop = 2048;
    std::vector<std::string> stemGroups;
    std::vector<ManifestSong> songs;    // best-graded first
    std::vector<ManifestDrop> dropped;
    std::string folder;                 // where the manifest was read from (relative audio paths resolve here)

    // The best-graded `fraction` of the songs (at least one): the paper's fine-tuning subset.
    std::vector<ManifestSong> best(double fraction) const;
    // An audio file's path as the trainer opens it.
    std::string resolve(const ManifestAudio& audio) const;
};

// round(fraction * n) within [1, n] (0 when n is 0): how many of n graded items a keep-the-best cut keeps.
size_t keptCount(double fraction, size_t n);

// A whole file's bytes; nullopt when it cannot be read.
std::optional<std::string> readTextFile(const std::string& path);

// Writes `manifest` as JSON to `path` atomically. Throws ManifestError.
void writeManifest(const Manifest& manifest, const std::string& path);
// Reads and checks a manifest (sections inside the song, groups inside stemGroups, targets' sizes). Throws
// ManifestError naming the file and the entry.
Manifest readManifest(const std::string& path);

}  // namespace s2a::training
