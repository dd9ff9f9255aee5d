#include "inference/model/AudioVae.h"

#include "inference/model/PhaseReconstruction.h"

#include <cmath>

#include <torch/torch.h>

namespace s2a::model {

namespace {

torch::nn::Conv1d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1, int64_t padding = 0,
                       int64_t dilation = 1) {
    return torch::nn::Conv1d(
        torch::nn::Conv1dOptions(in, out, kernel).stride(stride).padding(padding).dilation(dilation));
}

// Overlap-adds frames [B, n, F] taken every `hop` samples (n a multiple of hop) into [B, (F + n/hop - 1) * hop]:
// segment j of frame f lands on hop block f + j, so the whole sum is n/hop strided additions.
torch::Tensor overlapAdd(const torch::Tensor& frames, int64_t hop) {
    const int64_t b = frames.size(0), n = frames.size(1), count = frames.size(2), segments = n / hop;
    auto out = torch::zeros({b, count + segments - 1, hop}, frames.options());
    const auto blocks = frames.view({b, segments, hop, count});
    for (int64_t j = 0; j < segments; ++j) out.narrow(1, j, count).add_(blocks.select(1, j).transpose(1, 2));
    return out.view({b, -1});
}

}  // namespace

torch::Tensor inverseStft(const torch::Tensor& spec, int64_t fft, int64_t hop, const torch::Tensor& window,
                          int64_t length) {
    TORCH_CHECK(spec.dim() == 3 && spec.size(1) == fft / 2 + 1 && window.numel() == fft,
                "inverseStft: expected spec [B, ", fft / 2 + 1, ", F] and a window of ", fft);
    if (fft % hop != 0 || fft / 2 < hop)
        return torch::istft(spec, fft, hop, fft, window, /*center=*/true, /*normalized=*/false, /*onesided=*/true,
                            length);
    const int64_t count = spec.size(2);
    TORCH_CHECK(length <= (count - 1) * hop + fft / 2, "inverseStft: ", count, " frames give fewer than ", length,
                " samples");
    auto frames = torch::fft_irfft(spec, fft, 1).mul_(window.view({1, fft, 1}));
    const auto envelope = overlapAdd(window.square().view({1, fft, 1}).expand({1, fft, count}), hop);
    // Centred frames: sample 0 is the middle of frame 0. Every kept sample is covered by at least two frames of
    // a Hann window at 75 % overlap, so the envelope is far from zero there.
    const int64_t start = fft / 2;
    return overlapAdd(frames, hop).narrow(1, start, length).div_(envelope.narrow(1, start, length));
}

VaeResidualUnitImpl::VaeResidualUnitImpl(int64_t channels, int64_t dilation, bool normalised) {
    if (normalised) norm = register_module("norm", torch::nn::GroupNorm(1, channels));
    snake1 = register_module("snake1", Snake(channels));
    // "Same" padding for a dilated k7 conv, so the unit keeps the length and can be residual.
    conv1 = register_module("conv1", conv(channels, channels, 7, 1, 3 * dilation, dilation));
    snake2 = register_module("snake2", Snake(channels));
    conv2 = register_module("conv2", conv(channels, channels, 1));
}

torch::Tensor VaeResidualUnitImpl::forward(const torch::Tensor& x) {
    const auto h = norm ? norm->forward(x) : x;
    return x + conv2->forward(snake2->forward(conv1->forward(snake1->forward(h))));
}

VaeEncoderBlockImpl::VaeEncoderBlockImpl(int64_t in, int64_t out, int64_t stride, const std::vector<int>& dilations,
                                         bool normalised) {
    units = register_module("units", torch::nn::ModuleList());
    for (int d : dilations) units->push_back(VaeResidualUnit(in, d, normalised));
    snake = register_module("snake", Snake(in));
    // Kernel 2s with padding ceil(s/2) maps a length that is a multiple of s to exactly length / s, for odd
    // strides too; encode() pads the input so every stage sees such a length.
    down = register_module("down", conv(in, out, 2 * stride, stride, (stride + 1) / 2));
}

torch::Tensor VaeEncoderBlockImpl::forward(const torch::Tensor& x) {
    auto h = x;
    for (const auto& unit : *units) h = unit->as<VaeResidualUnit>()->forward(h);
    return down->forward(snake->forward(h));
}

VaeDecoderBlockImpl::VaeDecoderBlockImpl(int64_t in, int64_t out, int64_t stride, const std::vector<int>& dilations,
                                         bool normalised) {
    snake = register_module("snake", Snake(in));
    // Mirror of the encoder's conv: output length (L-1)s - 2ceil(s/2) + 2s + (s odd) = L*s exactly.
    up = register_module("up", torch::nn::ConvTranspose1d(torch::nn::ConvTranspose1dOptions(in, out, 2 * stride)
                                                              .stride(stride)
                                                              .padding((stride + 1) / 2)
                                                              .output_padding(stride % 2)));
    units = register_module("units", torch::nn::ModuleList());
    for (int d : dilations) units->push_back(VaeResidualUnit(out, d, normalised));
}

torch::Tensor VaeDecoderBlockImpl::forward(const torch::Tensor& x) {
    auto h = up->forward(snake->forward(x));
    for (const auto& unit : *units) h = unit->as<VaeResidualUnit>()->forward(h);
    return h;
}

StructureHeadsImpl::StructureHeadsImpl(const VaeConfig& c) {
    trunk1 = register_module("trunk1", conv(c.latentChannels, c.headHidden, 3, 1, 1));
    trunk2 = register_module("trunk2", conv(c.headHidden, c.headHidden, 3, 1, 1));
    melody = register_module("melody", conv(c.headHidden, c.melodyClasses, 1));
    chroma = register_module("chroma", conv(c.headHidden, c.chromaBins, 1));
    onset = register_module("onset", conv(c.headHidden, c.onsetChannels, 1));
    bass = register_module("bass", conv(c.headHidden, c.bassClasses, 1));
    chord = register_module("chord", conv(c.headHidden, c.chordClasses, 1));
}

StructureHeadOutputs StructureHeadsImpl::forward(const torch::Tensor& latent) {
    auto h = torch::gelu(trunk2->forward(torch::gelu(trunk1->forward(latent))));
    return {melody->forward(h), chroma->forward(h), onset->forward(h), bass->forward(h), chord->forward(h)};
}

AudioVaeImpl::AudioVaeImpl(const VaeConfig& config, int audioChannels, int sampleRate)
    : config_(config), audioChannels_(audioChannels), hop_(config.hopLength()) {
    if (config.harmonicHead()) harmonic_.emplace(config, sampleRate);
    std::vector<int64_t> channels{config.baseChannels};
    for (int m : config.channelMults) channels.push_back(int64_t(config.baseChannels) * m);
    const size_t stages = config.strides.size();
    // Spectral: the input is one log-magnitude per (channel, bin), the output a log-magnitude and a phase per
    // (channel, bin). The output is a k1 conv (a per-frame linear map, as in Vocos): the widest layer.
    const int64_t bins = config.fftBins();
    const bool spectral = config.spectral();

    encoder_ = register_module("encoder", std::make_shared<torch::nn::Module>());
    encoderInput = encoder_->register_module(
        "input", spectral ? conv(audioChannels * (bins + (harmonic_ ? config.pitches : 0)), channels[0], 3, 1, 1)
                          : conv(audioChannels, channels[0], 7, 1, 3));
    encoderBlocks = encoder_->register_module("blocks", torch::nn::ModuleList());
    for (size_t i = 0; i < stages; ++i)
        encoderBlocks->push_back(
            VaeEncoderBlock(channels[i], channels[i + 1], config.strides[i], config.dilations, spectral));
    encoderSnake = encoder_->register_module("snake", Snake(channels[stages]));
    encoderOutput = encoder_->register_module("output", conv(channels[stages], 2 * config.latentChannels, 3, 1, 1));

    decoder_ = register_module("decoder", std::make_shared<torch::nn::Module>());
    decoderInput = decoder_->register_module("input", conv(config.latentChannels, channels[stages], 7, 1, 3));
    decoderBlocks = decoder_->register_module("blocks", torch::nn::ModuleList());
    for (size_t i = stages; i-- > 0;)
        decoderBlocks->push_back(
            VaeDecoderBlock(channels[i + 1], channels[i], config.strides[i], config.dilations, spectral));
    decoderSnake = decoder_->register_module("snake", Snake(channels[0]));
    decoderOutput = decoder_->register_module(
        "output", !spectral             ? conv(channels[0], audioChannels, 7, 1, 3)
                  : harmonic_           ? conv(channels[0], audioChannels * harmonic_->channelsPerAudioChannel(), 1)
                                        : conv(channels[0], audioChannels * (config.reconstructsPhase() ? 1 : 2) * bins, 1));

    heads = register_module("heads", StructureHeads(config));
    initialiseCodec();
}

// LibTorch's default conv init (kaiming-uniform, a = sqrt(5): std 1/sqrt(3 fan_in)) loses ~5 dB per layer, and
// a transposed conv of kernel 2s and stride s sums only 2 of its taps per output sample, so a fresh codec passed
// its input at about -70 dB while the default biases made its output an input-independent -9 dBFS: training
// then only learned to turn that offset down (docs/training/README.md, checks 1-4). Here every conv keeps the
// signal's level (std 1/sqrt(taps summed per output)), biases start at zero, and each residual branch starts
// small, so a fresh codec is close to identity-preserving in level and its output depends on its input.
void AudioVaeImpl::initialiseCodec() {
    torch::NoGradGuard noGrad;
    for (const auto& part : {encoder_, decoder_}) {
        for (const auto& item : part->named_modules()) {
            const std::string& name = item.key();
            const bool residual = name.find("conv2") != std::string::npos;
            if (auto* c = item.value()->as<torch::nn::Conv1d>()) {
                const double taps = double(c->weight.size(1) * c->weight.size(2));
                c->weight.normal_(0.0, (residual ? 0.1 : 1.0) / std::sqrt(taps));
                if (c->bias.defined()) c->bias.zero_();
                // The spectral head starts quiet (magnitudes around e^-4 per bin) instead of at unit magnitude
                // in every bin, i.e. loud broadband noise.
                if (config_.spectral() && c == decoderOutput.get()) {
                    c->weight.mul_(0.1);
                    if (harmonic_) {
                        // Notes off (softplus(-4) = 0.02), a flat envelope, the noise ~50 dB under a loud partial.
                        const auto b = c->bias.view({audioChannels_, harmonic_->channelsPerAudioChannel()});
                        b.narrow(1, 0, config_.pitches).fill_(-4.0);
                        b.narrow(1, config_.pitches, config_.envelopeBands).fill_(0.0);
                        b.narrow(1, config_.pitches + config_.envelopeBands, config_.envelopeBands).fill_(-4.0);
                    } else if (config_.reconstructsPhase())
                        c->bias.fill_(-4.0);
                    else
                        c->bias.view({audioChannels_, 2, -1}).select(1, 0).fill_(-4.0);
                }
            } else if (auto* t = item.value()->as<torch::nn::ConvTranspose1d>()) {
                const int64_t stride = t->options.stride()->front();
                const double taps = double(t->weight.size(0) * t->weight.size(2) / stride);
                t->weight.normal_(0.0, 1.0 / std::sqrt(taps));
                if (t->bias.defined()) t->bias.zero_();
            }
        }
    }
}

VaeEncoding AudioVaeImpl::encode(const torch::Tensor& audio, bool sample, std::optional<torch::Generator> generator) {
    TORCH_CHECK(audio.dim() == 3 && audio.size(1) == audioChannels_, "AudioVae::encode: expected audio [B, ",
                audioChannels_, ", T], got ", audio.sizes());
    TORCH_CHECK(audio.size(2) >= 1, "AudioVae::encode: empty audio");
    const int64_t length = audio.size(2);
    const int64_t padded = framesFor(length) * hop_;
    auto h = padded == length ? audio : torch::constant_pad_nd(audio, {0, padded - length}, 0.0);
    if (config_.spectral()) h = spectralFeatures(h);
    h = encoderInput->forward(h);
    for (const auto& block : *encoderBlocks) h = block->as<VaeEncoderBlock>()->forward(h);
    h = encoderOutput->forward(encoderSnake->forward(h));
    auto parts = h.chunk(2, 1);
    VaeEncoding out;
    out.mean = parts[0];
    // The clamp keeps exp() finite for an untrained or diverging encoder.
    out.logVar = parts[1].clamp(-30.0, 20.0);
    out.length = length;
    if (sample) {
        c10::optional<torch::Generator> gen;
        if (generator) gen = *generator;
        auto eps = at::randn(out.mean.sizes(), gen, out.mean.options());
        out.latent = out.mean + torch::exp(0.5 * out.logVar) * eps;
    } else {
        out.latent = out.mean;
    }
    return out;
}

torch::Tensor AudioVaeImpl::decoderHead(const torch::Tensor& latent) {
    TORCH_CHECK(latent.dim() == 3 && latent.size(1) == config_.latentChannels, "AudioVae::decode: expected latent [B, ",
                config_.latentChannels, ", frames], got ", latent.sizes());
    auto h = decoderInput->forward(latent);
    for (const auto& block : *decoderBlocks) h = block->as<VaeDecoderBlock>()->forward(h);
    return decoderOutput->forward(decoderSnake->forward(h));
}

torch::Tensor AudioVaeImpl::decode(const torch::Tensor& latent, int64_t length) {
    const int64_t full = latent.size(2) * hop_;
    TORCH_CHECK(length <= full, "AudioVae::decode: length ", length, " exceeds ", latent.size(2), " frames * hop ",
                hop_);
    auto h = decoderHead(latent);
    if (config_.spectral()) h = spectralSynthesis(h);
    return length > 0 && length < full ? h.narrow(2, 0, length) : h;
}

torch::Tensor AudioVaeImpl::decodeLogMagnitude(const torch::Tensor& latent) {
    TORCH_CHECK(config_.reconstructsPhase(), "AudioVae::decodeLogMagnitude: only the reconstructed-phase codec has one");
    const auto h = decoderHead(latent);
    if (harmonic_) {
        const HarmonicParts parts = harmonic_->magnitudes(h, audioChannels_);
        return torch::log(parts.harmonic + parts.noise + 1e-7);
    }
    return h.view({h.size(0), audioChannels_, config_.fftBins(), h.size(2)});
}

HarmonicParts AudioVaeImpl::decodeHarmonicParts(const torch::Tensor& latent) {
    TORCH_CHECK(harmonic_, "AudioVae::decodeHarmonicParts: only the harmonic head has parts");
    return harmonic_->magnitudes(decoderHead(latent), audioChannels_);
}

torch::Tensor AudioVaeImpl::spectralMagnitude(const torch::Tensor& audio) const {
    const int64_t b = audio.size(0), channels = audio.size(1), t = audio.size(2);
    const int64_t frames = t / config_.fftHop;
    const auto window = torch::hann_window(config_.fft, audio.options());
    // Centred frames: frame f is centred on sample f * fftHop, so the codec frame grid is the latent grid; the
    // one extra frame a centred STFT yields at the end is dropped.
    auto spec = torch::stft(audio.reshape({b * channels, t}), config_.fft, config_.fftHop, config_.fft, window,
                            /*center=*/true, "reflect", /*normalized=*/false, /*onesided=*/true,
                            /*return_complex=*/true)
                    .narrow(-1, 0, frames);
    // sqrt(|z|^2 + 1e-12): the floor keeps the gradient finite at silent bins in training. Without autograd the
    // same value comes from |z| (one fused pass) in a fifth of the time (30 s x 4 stems: 0.03 s instead of 0.13 s).
    auto magnitude = torch::GradMode::is_enabled() ? torch::view_as_real(spec).pow(2).sum(-1).add_(1e-12).sqrt_()
                                                   : spec.abs().square_().add_(1e-12).sqrt_();
    return magnitude.view({b, channels, config_.fftBins(), frames});
}

torch::Tensor AudioVaeImpl::spectralFeatures(const torch::Tensor& audio) const {
    // Log-magnitudes only: a linear layer over real and imaginary parts cannot tell a loud partial from a quiet
    // one (their sign follows the phase, so they average out), and a latent this small has no room for phase
    // anyway: the decoder makes its own. The 1e-3 floor is ~60 dB under a -30 dBFS crop's partials.
    const auto magnitude = spectralMagnitude(audio);  // t is a multiple of the hop (encode pads it)
    auto features = torch::log(magnitude + 1e-3).add_(3.0).div_(3.0).reshape({audio.size(0), -1, magnitude.size(3)});
    if (!harmonic_) return features;
    // The harmonic codec's encoder also reads each semitone's salience: the magnitude under that pitch's harmonic
    // template (a harmonic sum), so a note is one strong input channel from the first step of training instead of
    // a comb the encoder would first have to learn to detect.
    const auto salience = harmonic_->salience(magnitude);  // [B, ch, pitches, F]
    return torch::cat({features, torch::log(salience + 1e-3).add_(3.0).div_(3.0).reshape({audio.size(0), -1, magnitude.size(3)})}, 1);
}

torch::Tensor AudioVaeImpl::spectralSynthesis(const torch::Tensor& head) const {
    const int64_t b = head.size(0), frames = head.size(2), bins = config_.fftBins();
    if (config_.reconstructsPhase()) {
        // The harmonic head says which bins are noise: those start from a random phase instead of a locked one.
        if (harmonic_) {
            const HarmonicParts parts = harmonic_->magnitudes(head, audioChannels_);
            const auto noise = parts.noise.square().mean(1).sqrt();
            const auto noiseShare = noise / (parts.harmonic.square().mean(1).sqrt() + noise + 1e-9);
            return phaseReconstructed(parts.harmonic + parts.noise, noiseShare);
        }
        return phaseReconstructed(torch::exp(head.view({b, audioChannels_, bins, frames}).clamp_max(8.0)), {});
    }
    const auto h = head.view({b * audioChannels_, 2, bins, frames});
    // Vocos: magnitude = exp(log-magnitude), capped so an untrained head cannot overflow; phase as an angle.
    const auto magnitude = torch::exp(h.select(1, 0).clamp_max(6.0));
    const auto phase = h.select(1, 1);
    const auto spec = torch::complex(magnitude * torch::cos(phase), magnitude * torch::sin(phase));
    const auto window = torch::hann_window(config_.fft, head.options());
    auto audio = inverseStft(spec, config_.fft, config_.fftHop, window, frames * config_.fftHop);
    return audio.view({b, audioChannels_, frames * config_.fftHop});
}

torch::Tensor AudioVaeImpl::phaseReconstructed(const torch::Tensor& magnitude, const torch::Tensor& noiseShare) const {
    // Magnitudes per channel, one phase for all channels: made from their power sum, as a panned source has the
    // same phase in every channel, and an independent phase per channel would smear the stereo image.
    const int64_t b = magnitude.size(0), bins = magnitude.size(2), frames = magnitude.size(3);
    const auto mono = magnitude.square().mean(1).sqrt();
    const auto spec = reconstructPhase(mono, config_.fft, config_.fftHop, config_.phaseIterations, noiseShare);
    const auto unit = (spec / (spec.abs() + 1e-9)).unsqueeze(1);
    const auto window = torch::hann_window(config_.fft, magnitude.options());
    auto audio = inverseStft((magnitude * unit).reshape({b * audioChannels_, bins, frames}), config_.fft,
                             config_.fftHop, window, frames * config_.fftHop);
    return audio.view({b, audioChannels_, frames * config_.fftHop});
}

torch::Tensor AudioVaeImpl::resynthesise(const torch::Tensor& audio) const {
    TORCH_CHECK(config_.reconstructsPhase(), "AudioVae::resynthesise: only the reconstructed-phase codec has a phase floor");
    TORCH_CHECK(audio.dim() == 3 && audio.size(1) == audioChannels_ && audio.size(2) >= 1,
                "AudioVae::resynthesise: expected audio [B, ", audioChannels_, ", T], got ", audio.sizes());
    const int64_t length = audio.size(2);
    const int64_t padded = framesFor(length) * hop_;  // a multiple of fftHop, as spectralMagnitude wants
    const auto h = padded == length ? audio : torch::constant_pad_nd(audio, {0, padded - length}, 0.0);
    return phaseReconstructed(spectralMagnitude(h), {}).narrow(2, 0, length);
}

int64_t AudioVaeImpl::codecParameterCount() const {
    return parameterCount(*encoder_) + parameterCount(*decoder_);
}

int64_t AudioVaeImpl::headParameterCount() const {
    return parameterCount(*heads);
}

}  // namespace s2a::model
