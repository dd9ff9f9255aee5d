#include "inference/arranger/MelodyWriter.h"

#include <algorithm>
#include <cstring>

namespace s2a::inference::arranger {

std::vector<MelodyWriter::MotifNote> MelodyWriter::makeMotif(const SectionContext& ctx)
{
    Rng rng(deriveSeed(ctx.labelSeed, {0x4d454c4full}));
    // The style's rhythm, mutated per family so verse and chorus have related but different rhythms.
    QByteArray rhythm(ctx.style->melodyRhythm);
    if (rhythm.size() != 32)
        rhythm = QByteArray("x.x.x-x.x---....x.x.x-x.x-x---..");
    for (int i = 1; i < 32; ++i) {
        if (rhythm[i] == 'x' && rng.chance(0.12))
            rhythm[i] = '-';
        else if (rhythm[i] == '.' && i % 2 == 0 && rng.chance(0.12))
            rhythm[i] = 'x';
    }
    const bool chorusLike = ctx.family == core::SectionLabel::Chorus;
    int degree = chorusLike ? rng.range(4, 7) : rng.range(2, 4);
    std::vector<MotifNote> motif;
    static const int steps[] = {-2, -1, -1, -1, 0, 1, 1, 1, 2, 2, 3, -3, 4};
    for (int i = 0; i < 32; ++i) {
        if (rhythm[i] != 'x')
            continue;
        int length = 1;
        while (i + length < 32 && rhythm[i + length] == '-')
            ++length;
        motif.push_back({i, length, degree});
        degree += steps[rng.range(0, int(std::size(steps)) - 1)];
        // Stay within a singable tenth around the middle of the range.
        degree = std::clamp(degree, chorusLike ? 2 : 0, chorusLike ? 11 : 9);
    }
    return motif;
}

void MelodyWriter::write(const SectionContext& ctx, std::vector<NoteEvent>& out)
{
    const std::vector<MotifNote> motif = makeMotif(ctx);
    if (motif.empty())
        return;
    Rng vary(deriveSeed(ctx.sectionSeed, {quint64(ctx.index), 0x56415259ull}));
    const std::vector<int> scale = ctx.key.scale();
    const int base = pitchAtOrAbove(ctx.key.tonic, 60);
    auto degreePitch = [&](int d) {
        const int octave = d >= 0 ? d / 7 : -((6 - d) / 7);
        const int idx = d - octave * 7;
        return base + ((scale[size_t(idx)] - ctx.key.tonic + 12) % 12) + 12 * octave;
    };
    for (int phraseStart = 0; phraseStart < ctx.bars; phraseStart += 2) {
        const int phrase = phraseStart / 2;
        const bool answer = phrase % 2 == 1;
        const bool lastPhrase = phraseStart + 2 >= ctx.bars;
        for (size_t n = 0; n < motif.size(); ++n) {
            MotifNote note = motif[n];
            const bool tail = n + 2 >= motif.size();
            // The answer phrase bends its last notes home (tonic or third) so the pair sounds like a
            // question and its reply; other phrases vary a note here and there.
            if (answer && tail)
                note.degree = n + 1 == motif.size() ? (note.degree >= 5 ? 7 : 0) : note.degree - 1;
            else if (phrase >= 2 && vary.chance(0.18))
                note.degree += vary.chance(0.5) ? 1 : -1;
            const int bar = phraseStart + note.step / ctx.stepsPerBar;
            if (bar >= ctx.bars)
                continue;
            const int step = note.step % ctx.stepsPerBar;
            const qint64 tick = ctx.stepTick(bar, step);
            if (!ctx.owns(tick))
                continue;
            int pitch = degreePitch(note.degree);
            const Chord& chord = ctx.chordAt(bar, step);
            if (step % 8 == 0 && !chord.contains(pitch % 12)) {
                // Strong beats: move to the nearest chord tone (down first, as singers resolve).
                for (int d : {-1, 1, -2, 2}) {
                    if (chord.contains((pitch + d + 12) % 12)) {
                        pitch += d;
                        break;
                    }
                }
            }
            // End of the section: hold the last note a little longer, unless the bar is over.
            int lengthSteps = note.length;
            if (lastPhrase && n + 1 == motif.size())
                lengthSteps = std::min(lengthSteps + 4, ctx.stepsPerBar * 2 - note.step);
            const qint64 length = qint64(lengthSteps) * kTicksPerStep - 20;
            int velocity = accentVelocity(step % 4 == 0 ? 'x' : 'o', ctx.energy) + (step % 8 == 0 ? 6 : 0);
            out.push_back({tick, std::max<qint64>(length, 40), std::clamp(pitch, 52, 88), std::clamp(velocity, 1, 127)});
        }
    }
}

}  // namespace s2a::inference::arranger
