#include "inference/model/HarmonicHead.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace s2a::model {

namespace {

// |DFT| of a Hann window (N points) at `offset` bins from a sinusoid's frequency, divided by its value at 0:
// 0.5 D(d) + 0.25 D(d - 1) + 0.25 D(d + 1) with D the Dirichlet kernel, for large N.
double hannLobe(double offset) {
    auto sinc = [](double x) { return std::abs(x) < 1e-9 ? 1.0 : std::sin(M_PI * x) / (M_PI * x); };
    return std::abs(0.5 * sinc(offset) + 0.25 * sinc(offset - 1.0) + 0.25 * sinc(offset + 1.0)) / 0.5;
}

}  // namespace

HarmonicHead::HarmonicHead(const VaeConfig& config, int sampleRate)
    : pitches_(config.pitches), bands_(config.envelopeBands), bins_(config.fftBins()) {
    const double binHz = double(sampleRate) / double(config.fft);
    const double nyquist = 0.5 * sampleRate;
    templates_ = torch::zeros({pitches_, bins_});
    auto t = templates_.accessor<float, 2>();
    for (int64_t p = 0; p < pitches_; ++p) {
        const double f0 = 440.0 * std::pow(2.0, (double(config.lowestPitch + p) - 69.0) / 12.0);
        for (int k = 1; k * f0 < 0.95 * nyquist; ++k) {
            const double centre = k * f0 / binHz;
            for (int64_t b = std::max<int64_t>(0, int64_t(centre) - 3); b <= std::min(bins_ - 1, int64_t(centre) + 4); ++b)
                t[p][b] = std::max(t[p][b], float(hannLobe(double(b) - centre)));
        }
    }
    // Triangles between band centres spaced evenly in log frequency from 30 Hz to Nyquist: exp(weights^T env) is
    // then a smooth geometric interpolation of the band gains.
    bands_weights_ = torch::zeros({bands_, bins_});
    auto w = bands_weights_.accessor<float, 2>();
    const double low = std::log(30.0), high = std::log(nyquist);
    std::vector<double> centres(static_cast<size_t>(bands_));
    for (int64_t j = 0; j < bands_; ++j) centres[size_t(j)] = low + (high - low) * double(j) / double(bands_ - 1);
    for (int64_t b = 0; b < bins_; ++b) {
        const double x = std::log(std::max(double(b) * binHz, 30.0));
        const auto upper = std::upper_bound(centres.begin(), centres.end(), x);
        const int64_t j = std::clamp<int64_t>(int64_t(upper - centres.begin()) - 1, 0, bands_ - 2);
        const double frac = std::clamp((x - centres[size_t(j)]) / (centres[size_t(j + 1)] - centres[size_t(j)]), 0.0, 1.0);
        w[j][b] = float(1.0 - frac);
        w[j + 1][b] = float(frac);
    }
}

torch::Tensor HarmonicHead::salience(const torch::Tensor& magnitude) const {
    // Each template normalised to unit sum: a pitch's salience is then on the scale of its partials' magnitudes.
    const auto templates = templates_.to(magnitude.device(), magnitude.scalar_type());
    const auto normalised = templates / templates.sum(1, true);
    return torch::matmul(normalised, magnitude);  // [P, bins] x [B, ch, bins, F]
}

torch::Tensor HarmonicHead::spread(const torch::Tensor& activation) {
    const auto l1 = activation.sum(-1);
    const auto l2 = activation.pow(2).sum(-1).add(1e-12).sqrt();
    const auto perFrame = l1 / (l2 * std::sqrt(double(activation.size(-1))));
    const auto weight = l1.detach() / (l1.detach().sum() + 1e-12);
    return (perFrame * weight).sum();
}

HarmonicParts HarmonicHead::magnitudes(const torch::Tensor& head, int audioChannels) const {
    const int64_t b = head.size(0), frames = head.size(2);
    // [B, ch, P + 2E, F] -> frame rows [B, ch, F, P + 2E] for the two matrix products over the feature axis.
    const auto rows = head.view({b, audioChannels, channelsPerAudioChannel(), frames}).transpose(2, 3);
    const auto templates = templates_.to(head.device(), head.scalar_type());
    const auto weights = bands_weights_.to(head.device(), head.scalar_type());
    const auto activation = torch::softplus(rows.narrow(3, 0, pitches_));
    const auto envelope = rows.narrow(3, pitches_, bands_).matmul(weights).clamp_max(8.0).exp();
    const auto noise = rows.narrow(3, pitches_ + bands_, bands_).matmul(weights).clamp_max(8.0).exp();
    HarmonicParts parts;
    parts.harmonic = (activation.matmul(templates) * envelope).transpose(2, 3);  // [B, ch, bins, F]
    parts.noise = noise.transpose(2, 3);
    parts.activation = activation;
    return parts;
}

}  // namespace s2a::model
