#include "inference/arranger/BassWriter.h"

#include <algorithm>
#include <cstring>

namespace s2a::inference::arranger {
namespace {

// Bass register: roots between E1 (28) and D#2 (39), the lowest octave of a four-string bass.
constexpr int kLowest = 28;

int rootPitch(int pc) { return pitchAtOrAbove(pc, kLowest); }

int chordInterval(const Chord& chord, char degree)
{
    switch (degree) {
    case '3': return chord.third();
    case '5': return chord.contains(chord.root + 6) && !chord.contains(chord.root + 7) ? 6 : 7;
    case '6': return 9;
    case '7': return chord.contains(chord.root + 11) ? 11 : 10;
    case 'O': return 12;
    default: return 0;
    }
}

// The chord after the one sounding at `step` of `bar`: the bar's second chord, the next bar's, or the next
// section's.
const Chord& nextChordAfter(const SectionContext& ctx, int bar, int step)
{
    if (step < ctx.midStep() && ctx.changesMidBar(bar))
        return ctx.chordAt(bar, ctx.midStep());
    return bar + 1 < ctx.bars ? ctx.chordAtBar(bar + 1) : ctx.nextChord;
}

}  // namespace

void BassWriter::write(const SectionContext& ctx, std::vector<NoteEvent>& out)
{
    Rng rng(deriveSeed(ctx.sectionSeed, {quint64(ctx.index), 0x42415353ull}));
    if (ctx.style->bassMode == BassMode::Walking && !ctx.sparse())
        writeWalking(ctx, rng, out);
    else
        writePattern(ctx, rng, out);
}

void BassWriter::writePattern(const SectionContext& ctx, Rng& rng, std::vector<NoteEvent>& out)
{
    const StyleDef& style = *ctx.style;
    const char* pattern = ctx.full() ? style.bassChorus : style.bassVerse;
    if (!pattern || !*pattern)
        pattern = "R-------R-------";
    const int len = int(std::strlen(pattern));
    for (int bar = 0; bar < ctx.bars; ++bar) {
        for (int step = 0; step < ctx.stepsPerBar; ++step) {
            const Chord& chord = ctx.chordAt(bar, step);
            const Chord& next = nextChordAfter(ctx, bar, step);
            const int root = rootPitch(chord.root);
            const char c = pattern[step % len];
            if (c == '.' || c == '-')
                continue;
            // Quiet sections keep only the notes on the beat: the same line, thinned, so the groove stays.
            if (ctx.sparse() && step % 8 != 0)
                continue;
            int hold = 1;
            while (step + hold < ctx.stepsPerBar && pattern[(step + hold) % len] == '-')
                ++hold;
            int pitch = root;
            int velocity = accentVelocity(step % 4 == 0 ? 'x' : 'o', ctx.energy) + 8;
            qint64 length = qint64(hold) * kTicksPerStep - 12;
            if (c == 'g') {  // dead note: the muted thump between slap notes
                velocity = 45;
                length = kTicksPerStep / 2;
            } else if (c == 'A') {  // chromatic approach from a half step below (or above) the next root
                const int target = rootPitch(next.root);
                pitch = target - 1 >= kLowest ? target - 1 : target + 1;
            } else if (c == 'N') {  // anticipate the next chord (latin tumbao)
                pitch = rootPitch(next.root);
            } else {
                pitch = root + chordInterval(chord, c);
            }
            if (c == 'O')
                velocity += 8;  // slap pops and disco octaves speak louder
            // Staccato for busy lines, legato for long notes: what a bassist's fretting hand does.
            if (hold == 1 && c != 'g')
                length = qint64(kTicksPerStep * (rng.chance(0.5) ? 0.8 : 0.65));
            const qint64 tick = ctx.stepTick(bar, step);
            if (ctx.owns(tick))
                out.push_back({tick, std::max<qint64>(length, 30), pitch, std::clamp(velocity, 1, 127)});
        }
    }
}

void BassWriter::writeWalking(const SectionContext& ctx, Rng& rng, std::vector<NoteEvent>& out)
{
    // Quarter notes: root on beat 1, chord tones and scale steps in between, and a chromatic or diatonic
    // approach on beat 4 into the next bar's root. The line wanders in the E1..G2 range.
    const std::vector<int> scale = ctx.key.scale();
    const int beats = ctx.stepsPerBar / 4;
    const auto aboveLowest = [](int pitch) { return pitch < kLowest ? pitch + 12 : pitch; };
    int previous = rootPitch(ctx.chordAtBar(0).root);
    int root = previous, nextRoot = previous;
    for (int bar = 0; bar < ctx.bars; ++bar) {
        for (int beat = 0; beat < beats; ++beat) {
            // Each chord's first beat has its root, the beat before a change (and a bar's last) approaches the
            // next root, the beats between walk towards it.
            const Chord& chord = ctx.chordAt(bar, beat * 4);
            const bool starts = beat == 0 || ctx.chordAt(bar, beat * 4 - 4).symbol != chord.symbol;
            const bool lastBeat = beat == beats - 1;
            const Chord& next = lastBeat ? nextChordAfter(ctx, bar, ctx.stepsPerBar - 1) : ctx.chordAt(bar, beat * 4 + 4);
            if (starts) {
                root = nearestPitch(chord.root, previous);
                if (root < kLowest)
                    root += 12;
                if (root > kLowest + 19)
                    root -= 12;
                nextRoot = aboveLowest(nearestPitch(nextChordAfter(ctx, bar, beat * 4).root, root));
            }
            const bool approach = lastBeat ? !(starts && beat > 0) : !starts && next.symbol != chord.symbol;
            int pitch = root;
            if (approach) {
                const int target = aboveLowest(nearestPitch(next.root, root));
                pitch = rng.chance(0.6) ? target + (rng.chance(0.5) ? 1 : -1) : nearestPitch(next.root + 7, target);
            } else if (!starts) {
                const auto pcs = chord.pitchClasses();
                const int target = root + (nextRoot - root) * beat / beats + rng.range(-2, 4);
                pitch = nearestPitch(pcs[size_t(rng.range(0, int(pcs.size()) - 1))], target);
                if (pitch == previous)
                    pitch = nearestPitch(scale[size_t(rng.range(0, 6))], previous + 2);
            }
            pitch = std::clamp(pitch, kLowest, kLowest + 21);
            const qint64 tick = ctx.stepTick(bar, beat * 4);
            const int velocity = accentVelocity(beat % 2 == 0 ? 'x' : 'o', ctx.energy) + 10;
            if (ctx.owns(tick))
                out.push_back({tick, kTicksPerBeat - 40, pitch, std::clamp(velocity, 1, 127)});
            previous = pitch;
        }
    }
}

}  // namespace s2a::inference::arranger
