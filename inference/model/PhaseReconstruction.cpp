#include "inference/model/PhaseReconstruction.h"

#include "inference/model/AudioVae.h"

#include <torch/torch.h>

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace s2a::model {

namespace {

// The phase-locked start (step 1 of the header) of one signal: magnitude and phase [frames, bins], row-major. A
// plain loop: per frame one pass finds the peaks and one assigns every bin to its nearest peak, so the cost is a
// few operations per bin (tensor ops needed a dozen 10-million-element temporaries and cummax for the same).
void lockPhase(const float* magnitude, float* phase, int64_t frames, int64_t bins, int64_t fft, int64_t hop) {
    const double twoPi = 2.0 * M_PI, perBin = twoPi * double(hop) / double(fft);
    const float floorRatio = 1e-4f;  // peaks within 80 dB of their frame's loudest bin; below that, noise
    std::vector<double> centre(size_t(bins), 0.0);  // each bin's partial phase at the frame centre, in [0, 2 pi)
    std::vector<int64_t> peaks;
    std::vector<double> peakFrequency;
    std::vector<int64_t> owner(size_t(bins), 0);
    for (int64_t f = 0; f < frames; ++f) {
        const float* m = magnitude + f * bins;
        const float loudest = *std::max_element(m, m + bins);
        peaks.clear();
        peakFrequency.clear();
        for (int64_t k = 1; k + 1 < bins; ++k) {
            if (!(m[k] > m[k - 1] && m[k] >= m[k + 1] && m[k] > floorRatio * loudest)) continue;
            // The peak's true frequency from the parabola through its log-magnitude and its neighbours'.
            const double a = std::log(double(m[k - 1]) + 1e-9), b = std::log(double(m[k]) + 1e-9),
                         c = std::log(double(m[k + 1]) + 1e-9);
            const double curvature = std::min(a - 2.0 * b + c, -1e-9);
            peaks.push_back(k);
            peakFrequency.push_back(double(k) + std::clamp(0.5 * (a - c) / curvature, -0.5, 0.5));
        }
        // Every bin follows its nearest peak and advances at its frequency over one hop (a frame without peaks:
        // every bin at its own centre frequency).
        size_t next = 0;
        for (int64_t k = 0; k < bins; ++k) {
            double frequency = double(k);
            int64_t p = k;
            if (!peaks.empty()) {
                while (next < peaks.size() && peaks[next] < k) ++next;
                const bool takeBelow = next == peaks.size() || (next > 0 && k - peaks[next - 1] <= peaks[next] - k);
                const size_t i = takeBelow ? next - 1 : next;
                p = peaks[i];
                frequency = peakFrequency[i];
            }
            owner[size_t(k)] = p;
            const double advanced = centre[size_t(k)] + perBin * frequency;
            centre[size_t(k)] = advanced - twoPi * std::floor(advanced / twoPi);
        }
        // The bins around a peak share the peak's phase, turned by -pi k: a centred frame's DFT origin lies half a
        // window before its centre.
        float* out = phase + f * bins;
        for (int64_t k = 0; k < bins; ++k)
            out[k] = float(centre[size_t(owner[size_t(k)])] - ((k & 1) ? M_PI : 0.0));
    }
}

// The start for every signal of the batch, as a complex spectrum [B, bins, F] (a transposed view of frame rows:
// bins contiguous, which is also the layout the inverse FFT over bins reads fastest).
torch::Tensor lockedSpectrum(const torch::Tensor& magnitude, int64_t fft, int64_t hop) {
    const auto rows = magnitude.to(torch::kFloat).transpose(1, 2).contiguous();  // [B, F, bins]
    auto phase = torch::empty_like(rows);
    const int64_t batch = rows.size(0), frames = rows.size(1), bins = rows.size(2);
    at::parallel_for(0, batch, 1, [&](int64_t first, int64_t last) {
        for (int64_t b = first; b < last; ++b)
            lockPhase(rows[b].data_ptr<float>(), phase[b].data_ptr<float>(), frames, bins, fft, hop);
    });
    return torch::polar(rows, phase).transpose(1, 2);
}

}  // namespace

torch::Tensor reconstructPhase(const torch::Tensor& magnitude, int64_t fft, int64_t hop, int iterations) {
    TORCH_CHECK(magnitude.dim() == 3 && magnitude.size(1) == fft / 2 + 1, "reconstructPhase: expected magnitude [B, ",
                fft / 2 + 1, ", F], got ", magnitude.sizes());
    TORCH_CHECK(magnitude.device().is_cpu(), "reconstructPhase: the magnitudes must be on the CPU");
    torch::NoGradGuard noGrad;
    const int64_t frames = magnitude.size(2), length = frames * hop;
    auto spec = lockedSpectrum(magnitude, fft, hop);
    if (iterations <= 0) return spec;
    // Fast Griffin-Lim on float views of the complex bins (ATen's complex arithmetic on these strided tensors was
    // several times slower than the FFTs themselves).
    const auto window = torch::hann_window(fft, magnitude.options().dtype(torch::kFloat));
    const auto target = magnitude.to(torch::kFloat).unsqueeze(-1);  // [B, bins, F, 1]
    const double momentum = 0.99;
    torch::Tensor previous;
    for (int i = 0; i < iterations; ++i) {
        const auto audio = inverseStft(spec, fft, hop, window, length);
        const auto analysed = torch::view_as_real(
            torch::stft(audio, fft, hop, fft, window, /*center=*/true, "reflect", /*normalized=*/false,
                        /*onesided=*/true, /*return_complex=*/true)
                .narrow(-1, 0, frames)).contiguous();  // [B, bins, F, 2]
        auto next = previous.defined() ? analysed.add(analysed - previous, momentum) : analysed.clone();
        previous = analysed;
        const auto norm = next.square().sum(-1, true).sqrt_().add_(1e-9);
        spec = torch::view_as_complex(next.mul_(target).div_(norm));
    }
    return spec;
}

}  // namespace s2a::model
