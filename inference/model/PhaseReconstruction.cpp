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
void lockPhase(const float* magnitude, const float* noiseShare, float* phase, int64_t frames, int64_t bins, int64_t fft,
               int64_t hop) {
    // Phases are kept in turns (cycles): a bin's advance over one hop is frequency * hop / fft turns, and only the
    // fraction matters, which a truncation gives (no fmod or floor per bin).
    const double turnsPerBin = double(hop) / double(fft);
    const float floorRatio = 1e-4f;  // peaks within 80 dB of their frame's loudest bin; below that, noise
    std::vector<double> centre(size_t(bins), 0.0);  // each bin's partial phase at the frame centre, in [0, 1)
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
            const float a = std::log(m[k - 1] + 1e-9f), b = std::log(m[k] + 1e-9f), c = std::log(m[k + 1] + 1e-9f);
            const float curvature = std::min(a - 2.0f * b + c, -1e-9f);
            peaks.push_back(k);
            peakFrequency.push_back(double(k) + std::clamp(0.5 * double(a - c) / double(curvature), -0.5, 0.5));
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
            const double advanced = centre[size_t(k)] + turnsPerBin * frequency;
            centre[size_t(k)] = advanced - double(int64_t(advanced));
        }
        // The bins around a peak share the peak's phase, turned by -pi k: a centred frame's DFT origin lies half a
        // window before its centre.
        float* out = phase + f * bins;
        for (int64_t k = 0; k < bins; ++k)
            out[k] = float(2.0 * M_PI * centre[size_t(owner[size_t(k)])] - ((k & 1) ? M_PI : 0.0));
        if (noiseShare) {
            const float* share = noiseShare + f * bins;
            for (int64_t k = 0; k < bins; ++k) {
                if (share[k] <= 0.5f) continue;
                // A 64-bit mix of (frame, bin) (splitmix64's finaliser): uniform, reproducible, no state.
                uint64_t z = uint64_t(f) * 0x9E3779B97F4A7C15ull + uint64_t(k) * 0xBF58476D1CE4E5B9ull;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
                z ^= z >> 31;
                out[k] = float(2.0 * M_PI * double(z >> 11) / double(1ull << 53));
            }
        }
    }
}

// The start for every signal of the batch from its magnitudes as frame rows [B, F, bins] (contiguous): the
// complex spectrum in the same layout.
torch::Tensor lockedRows(const torch::Tensor& rows, const torch::Tensor& noiseRows, int64_t fft, int64_t hop) {
    auto phase = torch::empty_like(rows);
    const int64_t batch = rows.size(0), frames = rows.size(1), bins = rows.size(2);
    at::parallel_for(0, batch, 1, [&](int64_t first, int64_t last) {
        for (int64_t b = first; b < last; ++b)
            lockPhase(rows[b].data_ptr<float>(), noiseRows.defined() ? noiseRows[b].data_ptr<float>() : nullptr,
                      phase[b].data_ptr<float>(), frames, bins, fft, hop);
    });
    return torch::polar(rows, phase);
}

}  // namespace

torch::Tensor reconstructPhase(const torch::Tensor& magnitude, int64_t fft, int64_t hop, int iterations,
                               const torch::Tensor& noiseShare) {
    TORCH_CHECK(magnitude.dim() == 3 && magnitude.size(1) == fft / 2 + 1, "reconstructPhase: expected magnitude [B, ",
                fft / 2 + 1, ", F], got ", magnitude.sizes());
    TORCH_CHECK(magnitude.device().is_cpu(), "reconstructPhase: the magnitudes must be on the CPU");
    torch::NoGradGuard noGrad;
    const int64_t frames = magnitude.size(2), length = frames * hop;
    // Everything runs on frame rows [B, F, bins] seen through a transposed view as [B, bins, F]: the layout
    // torch::stft returns and the inverse FFT over bins reads fastest. Mixing it with [B, bins, F] tensors made
    // every element-wise step a strided one, several times the cost of the FFTs themselves.
    const auto rows = magnitude.to(torch::kFloat).transpose(1, 2).contiguous();
    const auto noiseRows = noiseShare.defined() ? noiseShare.to(torch::kCPU, torch::kFloat).transpose(1, 2).contiguous()
                                                : torch::Tensor();
    if (iterations <= 0) return lockedRows(rows, noiseRows, fft, hop).transpose(1, 2);
    // Fast Griffin-Lim. The magnitudes get one silent frame more, so the STFT of the current signal (a centred
    // analysis of frames * hop samples gives one frame more) is used whole.
    const auto window = torch::hann_window(fft, rows.options());
    const auto target = torch::constant_pad_nd(rows, {0, 0, 0, 1}, 0.0).transpose(1, 2);  // [B, bins, F + 1]
    auto spec = torch::constant_pad_nd(lockedRows(rows, noiseRows, fft, hop), {0, 0, 0, 1}, 0.0).transpose(1, 2);
    const double momentum = 0.99;
    torch::Tensor previous;
    for (int i = 0; i < iterations; ++i) {
        const auto audio = inverseStft(spec, fft, hop, window, length);
        const auto analysed = torch::stft(audio, fft, hop, fft, window, /*center=*/true, "reflect",
                                          /*normalized=*/false, /*onesided=*/true, /*return_complex=*/true);
        auto next = previous.defined() ? analysed.add(analysed - previous, momentum) : analysed;
        previous = analysed;
        spec = next * (target / next.abs().add_(1e-9));
    }
    return spec.narrow(-1, 0, frames);
}

}  // namespace s2a::model
