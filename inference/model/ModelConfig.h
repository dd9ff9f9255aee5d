#pragma once

// Qt-free: part of the s2a_model library (LibTorch + the standard library only).
//
// One JSON file describes every size of the diffusion model (resources/models/configs/*.json). The files are
// the source of truth; the build embeds their text (see network.cmake) so code and tests can get a config
// without knowing where the source tree is.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace s2a::model {

// Thrown for a config that is missing, not JSON, or has a missing/ill-typed/out-of-range field. The message
// names the origin (file path or "builtin:<name>") and the JSON path of the field, e.g. "vae.strides[2]".
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct VaeConfig {
    // "waveform": the Oobleck-style codec, strided convs from and to the waveform (the paper's; hop = product
    // of strides). "spectral": the same conv stack run at STFT frame rate, fed log-magnitude STFT frames and
    // ending in a Vocos-style iSTFT head (magnitude and phase per bin; hop = fftHop * product of strides).
    // The tiny config uses it: on two CPU cores a waveform codec did not learn (docs/training/README.md) and
    // its full-rate layers dominated decode time.
    std::string kind = "waveform";
    int fft = 1024;                        // spectral: STFT size (Hann window)
    int fftHop = 256;                      // spectral: STFT hop, samples per codec frame
    // spectral: "predicted" (the decoder's head gives a log-magnitude and a phase per bin, Vocos-style) or
    // "reconstructed" (the head gives log-magnitudes only and PhaseReconstruction.h makes the phase). A codec
    // trained on two CPU cores never learned to predict phase: its partials came out as noise
    // (docs/training/README.md, run 2); magnitudes alone are a plain regression it can learn.
    std::string phase = "predicted";
    int phaseIterations = 4;               // reconstructed: Griffin-Lim refinements after the phase-locked start
    // reconstructed: the decoder head. "bins": a free log-magnitude per bin. "harmonic": semitone pitch activations
    // over fixed harmonic templates, a spectral envelope and a noise envelope (HarmonicHead.h).
    std::string head = "bins";
    int pitches = 84;                      // harmonic: semitone templates from lowestPitch up
    int lowestPitch = 24;                  // harmonic: MIDI note of the lowest template (C1, 32.7 Hz)
    int envelopeBands = 48;                // harmonic: log-spaced envelope points, 30 Hz .. Nyquist
    int baseChannels = 16;                 // channels after the input conv
    std::vector<int> channelMults;         // per encoder stage: channels = baseChannels * mult
    std::vector<int> strides;              // per encoder stage; their product is the hop length (paper: 2048)
    std::vector<int> dilations{1, 3, 9};   // one residual unit per dilation, in every stage
    int latentChannels = 32;               // paper: 64; the encoder emits 2x this (mean, log-variance)
    // Auxiliary lead-sheet heads (training only): classes per latent frame.
    int headHidden = 128;
    int melodyClasses = 129;               // 128 MIDI pitches + "no melody"
    int chromaBins = 12;                   // sigmoid per pitch class
    int onsetChannels = 2;                 // onset, beat (sigmoid)
    int bassClasses = 13;                  // 12 pitch classes + "no bass"
    int chordClasses = 25;                 // 12 major + 12 minor + "no chord"

    bool spectral() const { return kind == "spectral"; }
    bool reconstructsPhase() const { return spectral() && phase == "reconstructed"; }
    bool harmonicHead() const { return reconstructsPhase() && head == "harmonic"; }
    int64_t fftBins() const { return fft / 2 + 1; }  // spectral: one-sided STFT bins
    int64_t hopLength() const;             // samples per latent frame
};

struct DitConfig {
    int width = 256;
    int depth = 4;
    int heads = 4;
    double ffnRatio = 4.0;
    int maxFrames = 1024;                  // longest latent window the model accepts (~47.5 s at 21.5 Hz)
    int textWidth = 256;                   // width of the caption embeddings it cross-attends to
    int timeEmbedDim = 256;                // sinusoidal timestep features before the MLP
    int positionFeatures = 32;             // sinusoidal features of the position-in-section fraction
    // Per-frame beat and bar phase from the song's tempo and metre (StructureFrames::beatPhase): the
    // musical clock a latent model has no other way to read. Off in configs written before it.
    bool beatGrid = false;
    // The song's key as its own input (DitConditioning::key), added to the adaLN conditioning and to every
    // frame. Off in configs written before it.
    bool keyConditioning = false;
};

struct CaptionConfig {
    int vocabSize = 2048;                  // embedding rows: reserved + word vocabulary + hash buckets (+ spare)
    int hashBuckets = 512;                 // unknown words are hashed into this many ids
    int width = 256;
    int depth = 2;
    int heads = 4;
    double ffnRatio = 4.0;
    int maxTokens = 64;
};

struct ModelConfig {
    std::string name;
    int sampleRate = 44100;
    int audioChannels = 2;
    VaeConfig vae;
    DitConfig dit;
    CaptionConfig caption;
    std::vector<std::string> stemGroups;   // e.g. {"drums","bass","harmonic","lead"} or {"mix"}
    int sectionLabelCount = 12;            // ids 0..count-1 (the app's SectionLabel order)

    int stemGroupCount() const { return static_cast<int>(stemGroups.size()); }
    // Channels of the stacked latent the DiT sees: latentChannels * stem groups.
    int ditLatentChannels() const { return vae.latentChannels * stemGroupCount(); }
    double latentFrameRate() const { return double(sampleRate) / double(vae.hopLength()); }
    // One latent frame's duration: the frame clock the beat grid is laid on, in training and generation alike.
    double latentFrameSeconds() const { return double(vae.hopLength()) / double(sampleRate); }
};

// Parses and validates; throws ConfigError. `origin` only goes into messages.
ModelConfig parseModelConfig(const std::string& jsonText, const std::string& origin = "<string>");
ModelConfig loadModelConfig(const std::string& path);

// The configs embedded at build time from resources/models/configs/<name>.json.
std::vector<std::string> builtinModelConfigNames();
std::string builtinModelConfigJson(const std::string& name);   // throws ConfigError for an unknown name
ModelConfig builtinModelConfig(const std::string& name);

// resources/models/configs in the source tree this library was built from (for tests and tools run from a
// build folder); empty when not known.
std::string sourceConfigDirectory();

}  // namespace s2a::model
