#include "inference/arranger/DrumWriter.h"

#include <algorithm>
#include <cstring>

namespace s2a::inference::arranger {
namespace {

enum : int { Kick = 36, Snare = 38, HighTom = 50, MidTom = 47, LowTom = 45, Floor = 43, Crash = 49, Conga = 63,
             CongaLow = 64, Shaker = 70, Tamb = 54 };

void add(const SectionContext& ctx, std::vector<NoteEvent>& out, qint64 tick, int note, int velocity)
{
    if (velocity <= 0 || !ctx.owns(tick))
        return;
    // Drum notes are triggers; a short length keeps the MIDI tidy and lets the soundfont's own decay ring.
    out.push_back({tick, kTicksPerStep, note, std::clamp(velocity, 1, 127)});
}

void playGroove(const SectionContext& ctx, const Groove& groove, int bar, int fromStep, int toStep, Rng& rng,
                std::vector<NoteEvent>& out)
{
    for (const DrumLane& lane : groove.lanes) {
        const int len = int(std::strlen(lane.pattern));
        for (int step = fromStep; step < toStep; ++step) {
            const char c = lane.pattern[step % len];
            int v = accentVelocity(c, ctx.energy);
            // A little life in long runs of equal hits (hats, rides): the beat positions lean forward.
            if (v > 0 && c != 'g' && step % 4 != 0)
                v -= rng.range(0, 8);
            add(ctx, out, ctx.stepTick(bar, step), lane.note, v);
        }
    }
}

// A fill over the last `steps` 16ths of `bar`: snare alone for a short fill, down the toms for a long one,
// always growing louder into the next downbeat.
void playFill(const SectionContext& ctx, int bar, int steps, Rng& rng, std::vector<NoteEvent>& out)
{
    const int from = ctx.stepsPerBar - steps;
    const bool toms = steps >= 8 || (steps >= 4 && rng.chance(0.5));
    const int toms4[] = {HighTom, MidTom, LowTom, Floor};
    const bool sixteenths = ctx.style->style != Style::Blues && ctx.style->style != Style::Jazz;
    for (int s = from; s < ctx.stepsPerBar; ++s) {
        if (!sixteenths && s % 2 == 1)
            continue;
        const double progress = double(s - from + 1) / steps;
        const int v = int(70 + 45 * progress);
        int note = Snare;
        if (toms)
            note = toms4[std::min(3, int(progress * 4.0 - 0.001))];
        // Leave a gap now and then so it breathes instead of machine-gunning.
        if (s != from && rng.chance(0.15))
            continue;
        add(ctx, out, ctx.stepTick(bar, s), note, v);
        if (s == ctx.stepsPerBar - 1 || (toms && s % 4 == 0))
            add(ctx, out, ctx.stepTick(bar, s), Kick, v - 10);
    }
}

void playPercussion(const SectionContext& ctx, int bar, Rng& rng, std::vector<NoteEvent>& out)
{
    // A conga tumbao and a shaker: fits most styles, and the only thing playing when percussion stands alone.
    static const char* conga = "..x.x.xx..x.x.xx";
    static const char* shaker = "xoxoxoxoxoxoxoxo";
    for (int step = 0; step < ctx.stepsPerBar; ++step) {
        const int s = step % 16;
        if (conga[s] != '.')
            add(ctx, out, ctx.stepTick(bar, step), s == 14 ? CongaLow : Conga, accentVelocity('o', ctx.energy) + rng.range(0, 12));
        if (ctx.energy >= 0.45)
            add(ctx, out, ctx.stepTick(bar, step), Shaker, accentVelocity(shaker[s], ctx.energy) - 20 + rng.range(0, 6));
        if (ctx.full() && (s == 4 || s == 12))
            add(ctx, out, ctx.stepTick(bar, step), Tamb, accentVelocity('o', ctx.energy));
    }
}

}  // namespace

void DrumWriter::write(const SectionContext& ctx, bool percussionOnly, std::vector<NoteEvent>& out)
{
    const StyleDef& style = *ctx.style;
    Rng rng(deriveSeed(ctx.sectionSeed, {quint64(ctx.index), 0x4452554dull}));
    const Groove& groove = ctx.sparse() ? style.sparse : (ctx.full() ? style.chorus : style.verse);
    for (int bar = 0; bar < ctx.bars; ++bar) {
        if (ctx.percussion || percussionOnly)
            playPercussion(ctx, bar, rng, out);
        if (percussionOnly)
            continue;
        const bool lastBar = bar == ctx.bars - 1;
        int fillSteps = 0;
        if (lastBar && ctx.hasNext && ctx.bars >= 2)
            fillSteps = ctx.liftAhead() ? (ctx.nextLabel == core::SectionLabel::Chorus || ctx.nextLabel == core::SectionLabel::Drop ? 8 : 4)
                                        : (ctx.sparse() ? 0 : 2);
        else if (!lastBar && bar % 8 == 7)
            fillSteps = 2;   // end of an 8-bar phrase
        else if (!lastBar && bar % 4 == 3 && !ctx.sparse() && rng.chance(0.4))
            fillSteps = 1;   // a pickup flam now and then
        const bool build = (ctx.label == core::SectionLabel::Build || ctx.label == core::SectionLabel::PreChorus) && lastBar;
        if (build && ctx.bars >= 2) {
            // Pre-chorus / build: the snare doubles up through the last bar (8ths, then 16ths) into the lift.
            playGroove(ctx, groove, bar, 0, ctx.stepsPerBar / 2, rng, out);
            for (int s = 0; s < ctx.stepsPerBar; ++s)
                if (s >= ctx.stepsPerBar / 2 || s % 2 == 0)
                    add(ctx, out, ctx.stepTick(bar, s), Snare, 60 + 55 * s / ctx.stepsPerBar);
            add(ctx, out, ctx.stepTick(bar, 0), Kick, 100);
            continue;
        }
        playGroove(ctx, groove, bar, 0, ctx.stepsPerBar - fillSteps, rng, out);
        if (fillSteps > 0)
            playFill(ctx, bar, fillSteps, rng, out);
    }
    // Crash on the section's first downbeat (with a kick under it), unless the section is quiet.
    if (!percussionOnly && !ctx.sparse() && ctx.bars > 0 && style.style != Style::Ambient) {
        const qint64 t = ctx.barStart(0);
        add(ctx, out, t, Crash, accentVelocity('X', ctx.energy));
        if (std::none_of(out.begin(), out.end(), [t](const NoteEvent& e) { return e.tick == t && e.pitch == Kick; }))
            add(ctx, out, t, Kick, accentVelocity('x', ctx.energy));
    }
}

}  // namespace s2a::inference::arranger
