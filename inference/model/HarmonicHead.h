#pragma once

// Qt-free. The "harmonic" decoder head of the reconstructed-phase spectral codec (VaeConfig::head): instead of
// a free log-magnitude per STFT bin, the decoder's last conv gives, per audio channel and STFT frame,
//   - one activation per semitone pitch (softplus, >= 0): how loud that note sounds,
//   - a spectral envelope (log gain at `envelopeBands` points on a log-frequency axis, interpolated to bins),
//   - a noise envelope (log magnitude, the same bands),
// and the magnitude spectrum is  (activations x harmonic templates) * exp(envelope)  +  exp(noise envelope).
// A template is the STFT magnitude of a tone of that pitch: partials at every multiple of its fundamental, each
// with the Hann window's main-lobe shape, fixed (not learned).
//
// Why: a codec trained on two CPU cores with a free per-bin head learned the envelope of a chord and not its
// partials (the 2048-point run: log-spectral distance 12 dB, spectra smeared between partials). With the partials
// built in, a note is one number to learn instead of a comb of 2 x 1025 bins, and chords add up linearly, as
// they do in sound. The envelope keeps each instrument's timbre, the noise part keeps drums, breath and attacks.
// Pitches are equal-tempered at A4 = 440 Hz, which the synthetic corpus is; the envelope cannot bend a partial,
// so detuned or inharmonic sources come back only as close as their nearest semitone comb.

#include "inference/model/ModelConfig.h"

#include <torch/types.h>

namespace s2a::model {

struct HarmonicParts {
    torch::Tensor harmonic;  // [B, channels, bins, F] linear magnitudes
    torch::Tensor noise;     // same
    torch::Tensor activation;  // [B, channels, F, pitches]: the semitone activations (training's sparsity term)
};

class HarmonicHead {
public:
    HarmonicHead(const VaeConfig& config, int sampleRate);

    // Output channels of the decoder's last conv per audio channel.
    int64_t channelsPerAudioChannel() const { return pitches_ + 2 * bands_; }
    // head [B, audioChannels * channelsPerAudioChannel(), F] -> the two parts.
    HarmonicParts magnitudes(const torch::Tensor& head, int audioChannels) const;

    // Encoder side: how strongly each template's pitch sounds in magnitudes [B, ch, bins, F]: the template-weighted
    // mean of the magnitudes, [B, ch, pitches, F].
    torch::Tensor salience(const torch::Tensor& magnitude) const;

    // How many semitones sound at once (training's sparsity term): per frame, the activations' L1 / L2 over
    // sqrt(pitches), 1/sqrt(pitches) for one note and 1 when all pitches sound equally, averaged over frames
    // weighted by their share of the activations (detached), so that silent frames, whose tiny activations are
    // all alike, do not count. Scale-free: the spectral envelope cannot buy it back. activation [..., pitches].
    static torch::Tensor spread(const torch::Tensor& activation);

    // Fixed matrices (CPU, float): templates [pitches, bins] (each partial's peak 1), band interpolation [bands, bins].
    const torch::Tensor& templates() const { return templates_; }
    const torch::Tensor& bandWeights() const { return bands_weights_; }

private:
    int64_t pitches_, bands_, bins_;
    torch::Tensor templates_, bands_weights_;
};

}  // namespace s2a::model
