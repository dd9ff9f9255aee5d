#include "ui/spectrogram/Spectrogram.h"

#include "core/audio/AudioFileReader.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace s2a::ui {
namespace {

constexpr double kPi = 3.14159265358979323846;

// FFTW's planner is one global state: plans made on two threads at once corrupt it. Analysis plans on worker
// threads too (with its own lock, which cannot see ours), so the planner is made thread-safe process-wide once.
void planSafely()
{
    static std::once_flag once;
    std::call_once(once, [] { fftwf_make_planner_thread_safe(); });
}

// One real FFT of a fixed size with its own buffers; the plan is made and destroyed under the planner's lock.
class RealFft {
public:
    explicit RealFft(int size)
        : m_size(size), m_in(fftwf_alloc_real(std::size_t(size))), m_out(fftwf_alloc_complex(std::size_t(size / 2 + 1)))
    {
        planSafely();
        m_plan = fftwf_plan_dft_r2c_1d(size, m_in, m_out, FFTW_ESTIMATE);
    }
    ~RealFft()
    {
        fftwf_destroy_plan(m_plan);
        fftwf_free(m_in);
        fftwf_free(m_out);
    }
    RealFft(const RealFft&) = delete;
    RealFft& operator=(const RealFft&) = delete;

    float* input() { return m_in; }
    // Power of every bin 0..size/2 of the input.
    void power(std::vector<float>& out)
    {
        fftwf_execute(m_plan);
        out.resize(std::size_t(m_size / 2 + 1));
        for (std::size_t k = 0; k < out.size(); ++k)
            out[k] = m_out[k][0] * m_out[k][0] + m_out[k][1] * m_out[k][1];
    }

private:
    int m_size;
    float* m_in;
    fftwf_complex* m_out;
    fftwf_plan m_plan;
};

double bandEdgeHz(double band)
{
    return Spectrogram::kLowHz * std::pow(Spectrogram::kHighHz / Spectrogram::kLowHz, band / Spectrogram::kBands);
}

}  // namespace

int Spectrogram::bandOf(double hz)
{
    const double band = std::log(std::max(hz, 1.0) / kLowHz) / std::log(kHighHz / kLowHz) * kBands;
    return std::clamp(int(std::floor(band)), 0, kBands - 1);
}

Spectrogram Spectrogram::compute(const core::AudioBuffer& audio)
{
    Spectrogram s;
    s.m_sampleRate = std::max(1, audio.sampleRate);
    // 4096 / 512 at 44.1 kHz (10.8 Hz bins: semitones apart from about 180 Hz), scaled so that every rate gets the
    // same resolution in time and frequency.
    const int fftSize = std::max(64, 2 * int(std::lround(2048.0 * s.m_sampleRate / 44100.0)));
    s.m_hop = std::max(1, int(std::lround(512.0 * s.m_sampleRate / 44100.0)));
    const core::SampleCount n = audio.frames();
    s.m_frames = n > 0 ? int(n / s.m_hop) + 1 : 0;

    std::vector<float> mono(std::size_t(n), 0.0f);
    for (const auto& channel : audio.channels)
        for (std::size_t i = 0; i < mono.size(); ++i)
            mono[i] += channel[i] / float(audio.channelCount());

    // Each band's bins: below ~180 Hz a band is narrower than a bin and reads the bin under its centre; above,
    // the loudest bin of its range, so that a thin partial stays as bright as it is.
    const double binHz = double(s.m_sampleRate) / fftSize;
    const int lastBin = fftSize / 2;
    std::vector<int> firstBin(kBands), endBin(kBands);
    for (int b = 0; b < kBands; ++b) {
        firstBin[std::size_t(b)] = std::clamp(int(std::lround(bandEdgeHz(b) / binHz)), 0, lastBin);
        endBin[std::size_t(b)] = std::clamp(int(std::lround(bandEdgeHz(b + 1) / binHz)), firstBin[std::size_t(b)] + 1, lastBin + 1);
    }

    RealFft fft(fftSize);
    std::vector<float> window(static_cast<std::size_t>(fftSize));
    std::vector<float> power;
    for (int i = 0; i < fftSize; ++i)
        window[std::size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * kPi * i / fftSize));
    std::vector<float> db(std::size_t(s.m_frames) * kBands);
    float loudest = -300.0f;
    for (int f = 0; f < s.m_frames; ++f) {
        const core::SampleCount first = core::SampleCount(f) * s.m_hop - fftSize / 2;
        for (int i = 0; i < fftSize; ++i) {
            const core::SampleCount at = first + i;
            fft.input()[i] = at >= 0 && at < n ? mono[std::size_t(at)] * window[std::size_t(i)] : 0.0f;
        }
        fft.power(power);
        for (int b = 0; b < kBands; ++b) {
            const auto from = power.begin() + firstBin[std::size_t(b)];
            const float p = *std::max_element(from, power.begin() + endBin[std::size_t(b)]);
            const float level = 10.0f * std::log10(p + 1e-20f);
            db[std::size_t(f) * kBands + std::size_t(b)] = level;
            loudest = std::max(loudest, level);
        }
    }
    s.m_levels.resize(db.size());
    for (std::size_t i = 0; i < db.size(); ++i) {
        const double t = 1.0 + (db[i] - loudest) / kRangeDb;
        s.m_levels[i] = std::uint8_t(std::lround(255.0 * std::clamp(t, 0.0, 1.0)));
    }
    return s;
}

Result<SharedSpectrogram> Spectrogram::fromFile(const QString& path)
{
    auto decoded = core::AudioFileReader::read(path);
    if (!decoded)
        return decoded.error();  // the reader's sentence names the file
    return std::make_shared<const Spectrogram>(compute(decoded.value().audio));
}

}  // namespace s2a::ui
