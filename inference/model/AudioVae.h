#pragma once

// Qt-free. Oobleck / Stable-Audio-style 1-D convolutional VAE: stereo 44.1 kHz waveform <-> latent frames at
// sampleRate / hop (paper: hop 2048, 64 channels, ~21.5 Hz), plus the auxiliary lead-sheet heads of the
// paper's structure-guided VAE fine-tuning. Layouts are channels-first: audio [B, channels, T],
// latent [B, latentChannels, frames].
//
// With VaeConfig::kind "spectral" the same residual conv stack runs at STFT frame rate instead: the encoder
// reads log-magnitude STFT frames (per bin and channel) and the decoder ends in a Vocos-style head that
// predicts log-magnitude and phase per bin, turned into audio by an inverse STFT. Names are the same;
// encoder.input and decoder.output change shape.
//
// Convolutions are plain (no weight normalisation): weight norm only reparameterises training and can be
// folded into the plain weight on export, so inference weights stay one tensor per conv.

#include "inference/model/HarmonicHead.h"
#include "inference/model/Layers.h"
#include "inference/model/ModelConfig.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>

#include <optional>

namespace s2a::model {

// Snake -> conv k7 (dilated) -> Snake -> conv k1, added to the input. Names: snake1, conv1, snake2, conv2.
// `normalised` (the spectral codec) puts a layer norm over channels ("norm") before snake1, as Vocos's ConvNeXt
// blocks do: without it the unnormalised residual stream of a codec fed log-spectra grew until the latent and the
// output diverged within a hundred steps.
class VaeResidualUnitImpl : public torch::nn::Module {
public:
    VaeResidualUnitImpl(int64_t channels, int64_t dilation, bool normalised = false);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::GroupNorm norm{nullptr};
    Snake snake1{nullptr}, snake2{nullptr};
    torch::nn::Conv1d conv1{nullptr}, conv2{nullptr};
};
TORCH_MODULE(VaeResidualUnit);

// Residual units at `in` channels, Snake, then a strided conv (kernel 2*stride) to `out` channels: length / stride.
// Names: units.<i>, snake, down.
class VaeEncoderBlockImpl : public torch::nn::Module {
public:
    VaeEncoderBlockImpl(int64_t in, int64_t out, int64_t stride, const std::vector<int>& dilations, bool normalised = false);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::ModuleList units{nullptr};
    Snake snake{nullptr};
    torch::nn::Conv1d down{nullptr};
};
TORCH_MODULE(VaeEncoderBlock);

// Snake, transposed conv (kernel 2*stride) from `in` to `out` channels: length * stride exactly, then the
// residual units at `out` channels. Names: snake, up, units.<i>.
class VaeDecoderBlockImpl : public torch::nn::Module {
public:
    VaeDecoderBlockImpl(int64_t in, int64_t out, int64_t stride, const std::vector<int>& dilations, bool normalised = false);
    torch::Tensor forward(const torch::Tensor& x);
    Snake snake{nullptr};
    torch::nn::ConvTranspose1d up{nullptr};
    torch::nn::ModuleList units{nullptr};
};
TORCH_MODULE(VaeDecoderBlock);

// Per-frame logits of the lead sheet predicted from the latent, each [B, classes, frames] (the layout
// cross_entropy / BCE-with-logits take directly). Softmax for melody / bass / chord (the last class of melody
// and bass is "none"), sigmoid for chroma and onset.
struct StructureHeadOutputs {
    torch::Tensor melody;  // [B, melodyClasses, N]
    torch::Tensor chroma;  // [B, chromaBins, N]
    torch::Tensor onset;   // [B, onsetChannels, N]   (onset, beat)
    torch::Tensor bass;    // [B, bassClasses, N]
    torch::Tensor chord;   // [B, chordClasses, N]
};

// Shared trunk (conv k3 -> GELU -> conv k3 -> GELU, a little temporal context) and one k1 conv per head.
// Names: trunk1, trunk2, melody, chroma, onset, bass, chord.
class StructureHeadsImpl : public torch::nn::Module {
public:
    explicit StructureHeadsImpl(const VaeConfig& config);
    StructureHeadOutputs forward(const torch::Tensor& latent);
    torch::nn::Conv1d trunk1{nullptr}, trunk2{nullptr};
    torch::nn::Conv1d melody{nullptr}, chroma{nullptr}, onset{nullptr}, bass{nullptr}, chord{nullptr};
};
TORCH_MODULE(StructureHeads);

// torch::istft(spec, fft, hop, fft, window, center=true, normalized=false, onesided=true, length), the same up
// to float rounding: LibTorch 1.13's istft overlap-adds through col2im and took 0.41 s of the 0.75 s that
// decoding 4 stems x 30 s cost (its inverse FFT 0.07 s); here the overlap-add is fft/hop strided additions.
// spec [B, fft/2+1, F] complex -> [B, length].
torch::Tensor inverseStft(const torch::Tensor& spec, int64_t fft, int64_t hop, const torch::Tensor& window,
                          int64_t length);

struct VaeEncoding {
    torch::Tensor mean;      // [B, latentChannels, frames]
    torch::Tensor logVar;    // same; clamped to [-30, 20]
    torch::Tensor latent;    // mean + exp(logVar/2) * eps when sampled, else mean
    int64_t length = 0;      // input samples before padding; pass to decode() for the exact length back
};

class AudioVaeImpl : public torch::nn::Module {
public:
    AudioVaeImpl(const VaeConfig& config, int audioChannels, int sampleRate = 44100);

    // audio [B, audioChannels, T], any T >= 1: zero-pads T up to a multiple of hopLength() (at the end).
    // sample=false returns latent = mean (deterministic, what inference caches); sample=true draws eps from
    // `generator` (or the default generator).
    VaeEncoding encode(const torch::Tensor& audio, bool sample = false,
                       std::optional<torch::Generator> generator = std::nullopt);
    // latent [B, latentChannels, frames] -> audio [B, audioChannels, length]; length <= frames * hop
    // (length <= 0 means frames * hop).
    torch::Tensor decode(const torch::Tensor& latent, int64_t length = 0);
    // The reconstructed-phase codec's decoder output before phase reconstruction: log-magnitudes
    // [B, audioChannels, fft/2+1, frames * hop / fftHop] on the grid spectralMagnitude() analyses (what its
    // training loss compares).
    torch::Tensor decodeLogMagnitude(const torch::Tensor& latent);
    // The harmonic head's two parts apart (linear magnitudes on the same grid), for losses that judge the pitched
    // part alone. Only with head "harmonic".
    HarmonicParts decodeHarmonicParts(const torch::Tensor& latent);
    bool hasHarmonicHead() const { return harmonic_.has_value(); }
    bool decodeLogMagnitudeAvailable() const { return config_.reconstructsPhase(); }
    // Spectral codecs: STFT magnitudes of audio [B, audioChannels, T] (T a multiple of fftHop), centred frames on
    // the codec's grid: [B, audioChannels, fft/2+1, T / fftHop].
    torch::Tensor spectralMagnitude(const torch::Tensor& audio) const;
    // The reconstructed-phase codec's phase floor: audio [B, audioChannels, T] -> its own STFT magnitudes on the
    // codec's grid, given a phase by the decoder's own reconstruction (no network): what decoding would give if
    // the decoder's magnitudes were exact, so the best any decoded audio can measure. Same shape back.
    torch::Tensor resynthesise(const torch::Tensor& audio) const;
    StructureHeadOutputs predictStructure(const torch::Tensor& latent) { return heads->forward(latent); }

    int64_t hopLength() const { return hop_; }
    int64_t framesFor(int64_t samples) const { return (samples + hop_ - 1) / hop_; }
    // Codec (encoder + decoder) and auxiliary heads, counted apart since the heads are dropped at inference.
    int64_t codecParameterCount() const;
    int64_t headParameterCount() const;

    // Names: encoder.input, encoder.blocks.<i>, encoder.snake, encoder.output (2 * latent channels),
    // decoder.input, decoder.blocks.<i>, decoder.snake, decoder.output, heads.*
    torch::nn::Conv1d encoderInput{nullptr}, encoderOutput{nullptr}, decoderInput{nullptr}, decoderOutput{nullptr};
    torch::nn::ModuleList encoderBlocks{nullptr}, decoderBlocks{nullptr};
    Snake encoderSnake{nullptr}, decoderSnake{nullptr};
    StructureHeads heads{nullptr};

private:
    void initialiseCodec();
    torch::Tensor decoderHead(const torch::Tensor& latent);             // latent -> the output conv's channels
    torch::Tensor spectralFeatures(const torch::Tensor& audio) const;   // [B, ch, T] -> [B, ch*bins, T/fftHop]
    torch::Tensor spectralSynthesis(const torch::Tensor& head) const;   // [B, ch*(1|2)*bins, F] -> [B, ch, F*fftHop]
    // Linear magnitudes [B, ch, bins, F] (and optionally each bin's noise share [B, bins, F]) -> [B, ch, F*fftHop].
    torch::Tensor phaseReconstructed(const torch::Tensor& magnitude, const torch::Tensor& noiseShare) const;
    std::shared_ptr<torch::nn::Module> encoder_, decoder_;
    VaeConfig config_;
    int audioChannels_;
    int64_t hop_;
    std::optional<HarmonicHead> harmonic_;  // the harmonic head's fixed templates (VaeConfig::harmonicHead())
};
TORCH_MODULE(AudioVae);

}  // namespace s2a::model
