#include "inference/arranger/Humanizer.h"

#include "inference/arranger/Random.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace s2a::inference::arranger {

qint64 Humanizer::swingTick(qint64 tick, double swing8, double swing16)
{
    const qint64 beat = tick / kTicksPerBeat * kTicksPerBeat;
    double pos = double(tick - beat) / kTicksPerBeat;  // 0..1 within the beat
    // Piecewise-linear maps keep order: 0 -> 0, the swung point -> later, 1 -> 1.
    if (swing16 > 0.0) {
        const double half = pos < 0.5 ? 0.0 : 0.5;
        double p = (pos - half) * 2.0;  // 0..1 within the 8th
        const double mid = 0.5 + swing16 / 6.0;
        p = p < 0.5 ? p / 0.5 * mid : mid + (p - 0.5) / 0.5 * (1.0 - mid);
        pos = half + p / 2.0;
    }
    if (swing8 > 0.0) {
        const double mid = 0.5 + swing8 / 6.0;
        pos = pos < 0.5 ? pos / 0.5 * mid : mid + (pos - 0.5) / 0.5 * (1.0 - mid);
    }
    return beat + qint64(std::llround(pos * kTicksPerBeat));
}

void Humanizer::apply(const SectionContext& ctx, core::TrackRole role, std::vector<NoteEvent>& notes)
{
    const StyleDef& style = *ctx.style;
    Rng rng(deriveSeed(ctx.sectionSeed, {quint64(ctx.index), quint64(role), 0x48554d41ull}));
    // Drums keep time for everyone: half the spread of the others. Pads do not need any.
    double spread = style.looseness * (role == core::TrackRole::Drums ? 0.5 : 1.0);
    if (role == core::TrackRole::Pads || role == core::TrackRole::Strings)
        spread = 0.0;
    for (NoteEvent& n : notes) {
        const qint64 on = swingTick(n.tick, style.swing8, style.swing16);
        const qint64 off = swingTick(n.tick + n.length, style.swing8, style.swing16);
        const qint64 jitter = spread > 0.0 ? qint64(std::llround(rng.uniform(-spread, spread))) : 0;
        n.tick = std::clamp(on + jitter, ctx.startTick, ctx.endTick - 1);
        n.length = std::max<qint64>(off - on, 20);
        const int dv = role == core::TrackRole::Pads ? 0 : rng.range(-6, 6);
        n.velocity = std::clamp(n.velocity + dv, 1, 127);
    }
}

void Humanizer::normalise(std::vector<NoteEvent>& notes)
{
    std::stable_sort(notes.begin(), notes.end(), [](const NoteEvent& a, const NoteEvent& b) {
        return a.tick != b.tick ? a.tick < b.tick : a.pitch < b.pitch;
    });
    // Same pitch at the same tick: keep the loudest.
    std::vector<NoteEvent> unique;
    unique.reserve(notes.size());
    for (const NoteEvent& n : notes) {
        if (!unique.empty() && unique.back().tick == n.tick && unique.back().pitch == n.pitch) {
            unique.back().velocity = std::max(unique.back().velocity, n.velocity);
            unique.back().length = std::max(unique.back().length, n.length);
        } else {
            unique.push_back(n);
        }
    }
    std::map<int, size_t> lastByPitch;
    for (size_t i = 0; i < unique.size(); ++i) {
        auto it = lastByPitch.find(unique[i].pitch);
        if (it != lastByPitch.end()) {
            NoteEvent& prev = unique[it->second];
            if (prev.tick + prev.length > unique[i].tick)
                prev.length = std::max<qint64>(1, unique[i].tick - prev.tick - 1);
        }
        lastByPitch[unique[i].pitch] = i;
    }
    notes.swap(unique);
}

}  // namespace s2a::inference::arranger
