#include "inference/analysis/LeadRegister.h"

#include <aubio/aubio.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace s2a::inference::analysis {
namespace {

constexpr uint_t kWindow = 2048;       // ~46 ms at 44.1 kHz: two periods of an E2, the lowest sung note
constexpr uint_t kHop = 512;
constexpr double kConfidence = 0.8;    // YIN confidence (1 - its minimum) above which a frame counts as pitched
constexpr double kSilenceDb = -50.0;   // quieter frames are rests
constexpr double kBusySeconds = 0.5;   // the busy map's resolution
constexpr double kBusyShare = 0.4;     // a window with this share of pitched frames has the tune in it

struct PitchDeleter {
    void operator()(aubio_pitch_t* p) const { del_aubio_pitch(p); }
};
struct VectorDeleter {
    void operator()(fvec_t* v) const { del_fvec(v); }
};

}  // namespace

LeadRegister measureLeadRegister(const core::AudioBuffer& audio)
{
    LeadRegister out;
    const size_t frames = static_cast<size_t>(audio.frames());
    if (audio.channels.empty() || audio.sampleRate <= 0 || frames < kWindow)
        return out;
    std::unique_ptr<aubio_pitch_t, PitchDeleter> pitch(
        new_aubio_pitch("yinfast", kWindow, kHop, static_cast<uint_t>(audio.sampleRate)));
    std::unique_ptr<fvec_t, VectorDeleter> in(new_fvec(kHop)), result(new_fvec(1));
    if (!pitch || !in || !result)
        return out;
    aubio_pitch_set_unit(pitch.get(), "midi");
    aubio_pitch_set_silence(pitch.get(), static_cast<smpl_t>(kSilenceDb));

    const double channelScale = 1.0 / double(audio.channels.size());
    std::vector<double> notes;
    const size_t hopsPerWindow = std::max<size_t>(1, size_t(kBusySeconds * audio.sampleRate / kHop));
    size_t pitchedInWindow = 0, hopsInWindow = 0;
    for (size_t start = 0; start + kHop <= frames; start += kHop) {
        for (uint_t i = 0; i < kHop; ++i) {
            double sum = 0.0;
            for (const auto& c : audio.channels)
                sum += c[start + i];
            in->data[i] = static_cast<smpl_t>(sum * channelScale);
        }
        aubio_pitch_do(pitch.get(), in.get(), result.get());
        const double note = result->data[0];
        const bool pitched = note > 0.0 && aubio_pitch_get_confidence(pitch.get()) >= kConfidence;
        if (pitched)
            notes.push_back(note);
        pitchedInWindow += pitched;
        if (++hopsInWindow == hopsPerWindow) {
            if (double(pitchedInWindow) >= kBusyShare * double(hopsInWindow)) {
                // aubio reports each hop's pitch for the window that ends there: the hop began a window earlier.
                const core::SampleCount to = core::SampleCount(start + kHop);
                const core::SampleCount from = std::max<core::SampleCount>(0, to - core::SampleCount(hopsInWindow * kHop));
                if (!out.busy.isEmpty() && out.busy.back().second >= from)
                    out.busy.back().second = to;
                else
                    out.busy.append({from, to});
            }
            pitchedInWindow = hopsInWindow = 0;
        }
    }
    if (notes.size() < 8)
        return LeadRegister{};
    std::sort(notes.begin(), notes.end());
    out.lowNote = int(std::lround(notes[notes.size() / 10]));
    out.highNote = int(std::lround(notes[notes.size() * 9 / 10]));
    return out;
}

}  // namespace s2a::inference::analysis
