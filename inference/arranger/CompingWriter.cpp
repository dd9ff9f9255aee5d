#include "inference/arranger/CompingWriter.h"

#include <algorithm>
#include <cstring>

namespace s2a::inference::arranger {
namespace {

using R = core::TrackRole;

bool isBrass(int program) { return program >= 56 && program <= 63; }
bool isPluckedBell(int program) { return (program >= 8 && program <= 15) || program == 46 || program == 81; }

void push(const SectionContext& ctx, std::vector<NoteEvent>& out, qint64 tick, qint64 length, int pitch, int velocity)
{
    // A voice that voice leading or an arpeggio carried above the ceiling folds down an octave (or more).
    while (pitch > ctx.ceilingAtBar(ctx.barOf(tick)) && pitch - 12 >= 36)
        pitch -= 12;
    if (ctx.owns(tick) && velocity > 0)
        out.push_back({tick, std::max<qint64>(length, 20), std::clamp(pitch, 0, 127), std::clamp(velocity, 1, 127)});
}

}  // namespace

void CompingWriter::write(const SectionContext& ctx, const Instrument& instrument, std::vector<NoteEvent>& out)
{
    const StyleDef& style = *ctx.style;
    Rng rng(deriveSeed(ctx.sectionSeed, {quint64(ctx.index), quint64(instrument.role), 0x434f4d50ull}));
    const bool bassPlays = ctx.active.contains(R::Bass);
    switch (instrument.role) {
    case R::Strings:
        writeSustained(ctx, {ctx.full() ? 55 : 52, ctx.full() ? 5 : 4}, 72, out);
        return;
    case R::Pads:
        writeSustained(ctx, {50, 4}, 64, out);
        return;
    case R::Guitar: {
        const char* pattern = ctx.full() ? style.guitarChorus : style.guitarVerse;
        if (!pattern || !*pattern)
            pattern = ctx.full() ? "x.x.xxx.x.xxx.x." : "x..x..x...x.x...";
        if (ctx.sparse())
            pattern = "x-------x-------";
        const bool power = style.guitarMode == GuitarMode::PowerChords && instrument.program >= 29 && instrument.program <= 31;
        writeRhythm(ctx, pattern, {power ? 40 : 50, power ? 3 : 5}, true, power, false, rng, out);
        return;
    }
    case R::Keys: {
        const char* pattern = ctx.full() ? style.keysChorus : style.keysVerse;
        if (!pattern || !*pattern)
            pattern = ctx.full() ? "x---..x-x---..x-" : "x-------x-------";
        const bool arp = std::strchr(pattern, 'a') != nullptr;
        if (ctx.sparse() && !arp)
            pattern = "x---------------";
        // Without a bass player the pianist's left hand takes the roots.
        writeRhythm(ctx, pattern, {arp ? 60 : 53, 4}, false, false, !bassPlays, rng, out);
        return;
    }
    default: {
        if (isBrass(instrument.program) && style.stabs && *style.stabs) {
            if (ctx.sparse())
                return;  // horns wait for the band to open up
            writeRhythm(ctx, style.stabs, {60, 3}, false, false, false, rng, out);
        } else if (isPluckedBell(instrument.program)) {
            writeRhythm(ctx, ctx.full() ? "a.a.a.a.a.a.a.a." : "a...a...a...a...", {72, 3}, false, false, false, rng, out);
        } else {
            writeSustained(ctx, {62, 3}, 70, out);
        }
        return;
    }
    }
}

// `v` moved down by octaves until its top (about four semitones a voice above its lowest note) stays under the
// section's comping ceiling, and no lower than the bass's octave.
CompingWriter::Voicing CompingWriter::underCeiling(Voicing v, const SectionContext& ctx, int bar)
{
    while (v.low + 4 * v.voices > ctx.ceilingAtBar(bar) && v.low - 12 >= 36)
        v.low -= 12;
    return v;
}

void CompingWriter::writeRhythm(const SectionContext& ctx, const char* pattern, Voicing requested, bool guitar, bool power,
                                bool leftHand, Rng& rng, std::vector<NoteEvent>& out)
{
    const int len = int(std::strlen(pattern));
    std::vector<int> previous;
    int arpIndex = 0;
    for (int bar = 0; bar < ctx.bars; ++bar) {
        const Voicing voicing = underCeiling(requested, ctx, bar);
        const Chord* voiced = nullptr;  // the chord `voices` hold; a bar's second chord is voiced where it starts
        std::vector<int> voices;
        for (int step = 0; step < ctx.stepsPerBar; ++step) {
            const Chord& chord = ctx.chordAt(bar, step);
            if (!voiced || voiced->symbol != chord.symbol) {
                voiced = &chord;
                if (power) {
                    const int root = pitchAtOrAbove(chord.root, voicing.low);
                    voices = {root, root + 7, root + 12};
                } else {
                    voices = voiceLead(chord, previous, voicing.low, voicing.voices);
                    previous = voices;
                }
                if (leftHand) {  // the root, held to the bar's end or its second chord
                    const int end = step < ctx.midStep() && ctx.changesMidBar(bar) ? ctx.midStep() : ctx.stepsPerBar;
                    push(ctx, out, ctx.stepTick(bar, step), qint64(end - step) * kTicksPerStep - 20,
                         pitchAtOrAbove(chord.root, 36), accentVelocity('x', ctx.energy) - 10);
                }
            }
            const char c = pattern[step % len];
            if (c == '.' || c == '-')
                continue;
            int hold = 1;
            while (step + hold < ctx.stepsPerBar && pattern[(step + hold) % len] == '-')
                ++hold;
            const qint64 tick = ctx.stepTick(bar, step);
            // Long chords are held to the next hit; single-step ones are clipped so the rhythm is audible.
            const qint64 length = hold > 1 ? qint64(hold) * kTicksPerStep - 15 : qint64(kTicksPerStep * 0.7);
            if (c == 'a') {
                // Arpeggio across two octaves of the chord tones, rising then falling.
                const auto pcs = chord.pitchClasses();
                const int n = int(pcs.size());
                const int cycle = 2 * n;
                const int pos = arpIndex % (2 * cycle - 2 > 0 ? 2 * cycle - 2 : 1);
                const int idx = pos < cycle ? pos : 2 * cycle - 2 - pos;
                const int pitch = pitchAtOrAbove(pcs[size_t(idx % n)], voicing.low + 12 * (idx / n));
                push(ctx, out, tick, std::max<qint64>(length, kTicksPerBeat), pitch, accentVelocity(step % 4 == 0 ? 'x' : 'o', ctx.energy));
                ++arpIndex;
                continue;
            }
            if (c == 'g') {
                // Ghost: a muted scratch on guitar (all strings, very short), a light stab on keys.
                const int velocity = guitar ? 52 : 44;
                for (size_t k = 0; k < voices.size(); ++k)
                    push(ctx, out, tick + (guitar ? qint64(k) * 4 : 0), guitar ? 30 : 50, voices[k], velocity - rng.range(0, 6));
                continue;
            }
            const int velocity = accentVelocity(c, ctx.energy) - (step % 4 == 0 ? 0 : 6);
            const bool upstroke = guitar && (step % 4 == 2 || step % 2 == 1);
            for (size_t k = 0; k < voices.size(); ++k) {
                // Strum: a downstroke spreads low to high, an upstroke high to low and catches fewer strings.
                const size_t order = upstroke ? voices.size() - 1 - k : k;
                if (upstroke && order == 0 && voices.size() > 3)
                    continue;
                const qint64 spread = guitar ? qint64(k) * 9 : 0;
                push(ctx, out, tick + spread, length - spread, voices[order], velocity - int(k) * (guitar ? 2 : 0));
            }
        }
    }
}

void CompingWriter::writeSustained(const SectionContext& ctx, Voicing requested, int baseVelocity, std::vector<NoteEvent>& out)
{
    std::vector<int> previous;
    const int velocity = std::clamp(int(baseVelocity * (0.7 + 0.5 * ctx.energy)), 1, 127);
    // Half-bar slots (a bar's second chord starts at midStep()), held through repeated chords instead of
    // re-attacked: pads and strings breathe on changes only.
    const auto slotTick = [&](int slot) { return ctx.barStart(slot / 2) + (slot % 2 ? qint64(ctx.midStep()) * kTicksPerStep : 0); };
    const auto slotChord = [&](int slot) -> const Chord& { return ctx.chordAt(slot / 2, slot % 2 ? ctx.midStep() : 0); };
    for (int slot = 0; slot < 2 * ctx.bars;) {
        const Voicing voicing = underCeiling(requested, ctx, slot / 2);
        int span = 1;
        while (slot + span < 2 * ctx.bars && slotChord(slot + span).symbol == slotChord(slot).symbol)
            ++span;
        const std::vector<int> voices = voiceLead(slotChord(slot), previous, voicing.low, voicing.voices);
        previous = voices;
        const qint64 tick = std::max(slotTick(slot), ctx.startTick);
        const qint64 end = slotTick(slot + span) - 10;
        for (int pitch : voices)
            push(ctx, out, tick, end - tick, pitch, velocity);
        slot += span;
    }
}

}  // namespace s2a::inference::arranger
