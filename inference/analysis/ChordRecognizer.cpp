#include "inference/analysis/ChordRecognizer.h"

#include "core/model/ChordSymbol.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace s2a::inference::analysis {

namespace {

constexpr int kChords = 24;          // 0..11 major on C..B, 12..23 minor
constexpr int kNoChord = kChords;
constexpr double kSelfTransition = 0.85;  // per beat: chords last bars, not beats
constexpr double kEmissionSharpness = 12.0;
constexpr double kBassWeight = 0.35;      // how much the bass's pitch class votes for the root
constexpr double kNoChordScore = 0.45;    // a chord must fit better than this to beat "no chord"

using Chroma = std::array<double, 12>;

// The templates of one chord quality on C: the triad and its seventh (the seventh weighed less: it colours the
// chord, and a triad under a melody's passing seventh must still read as the triad).
std::vector<Chroma> templatesOf(bool minor)
{
    const int third = minor ? 3 : 4;
    Chroma triad{};
    triad[0] = triad[size_t(third)] = triad[7] = 1.0;
    Chroma seventh = triad;
    seventh[10] = 0.6;  // dominant / minor seventh
    Chroma major7 = triad;
    major7[11] = 0.6;
    return minor ? std::vector<Chroma>{triad, seventh} : std::vector<Chroma>{triad, seventh, major7};
}

double cosine(const Chroma& a, const Chroma& t, int rotate)
{
    double dot = 0.0, na = 0.0, nt = 0.0;
    for (int i = 0; i < 12; ++i) {
        const double tv = t[size_t((i - rotate + 12) % 12)];
        dot += a[size_t(i)] * tv;
        na += a[size_t(i)] * a[size_t(i)];
        nt += tv * tv;
    }
    return na > 0.0 && nt > 0.0 ? dot / std::sqrt(na * nt) : 0.0;
}

// The best path through a Viterbi lattice: the last step's best state, then back through `from`.
template <typename Scores, typename Links>
std::vector<int> backtrack(const std::vector<Scores>& best, const std::vector<Links>& from)
{
    std::vector<int> path(best.size());
    path.back() = int(std::max_element(best.back().begin(), best.back().end()) - best.back().begin());
    for (size_t s = path.size() - 1; s > 0; --s)
        path[s - 1] = from[s][size_t(path[s])];
    return path;
}

// Appends `span`, or lengthens the last span when it names the same chord.
void appendSpan(std::vector<ChordSpan>& spans, const ChordSpan& span)
{
    if (!spans.empty() && spans.back() == span)
        spans.back().end = span.end;
    else
        spans.push_back(span);
}

}  // namespace

QString chordName(int root, bool minor)
{
    if (root < 0 || root > 11)
        return QStringLiteral("N");
    return core::ChordSymbol{root, minor ? core::ChordQuality::Minor : core::ChordQuality::Major}.name();
}

std::vector<ChordSpan> recogniseChords(const Features& features, const std::vector<double>& beats, double duration)
{
    // The intervals: the song's start, every beat inside it, its end.
    std::vector<double> edges{0.0};
    for (double b : beats)
        if (b > edges.back() + 1e-3 && b < duration)
            edges.push_back(b);
    edges.push_back(duration);
    const int segments = int(edges.size()) - 1;
    if (segments <= 0 || features.pitchChroma.frames == 0)
        return {};

    static const std::vector<Chroma> majorTemplates = templatesOf(false), minorTemplates = templatesOf(true);
    std::vector<std::array<double, kChords + 1>> score(static_cast<size_t>(segments));
    for (int s = 0; s < segments; ++s) {
        const int first = std::clamp(features.frameAt(edges[size_t(s)]), 0, features.pitchChroma.frames - 1);
        const int last = std::clamp(features.frameAt(edges[size_t(s) + 1]), first + 1, features.pitchChroma.frames);
        Chroma treble{}, bass{};
        for (int f = first; f < last; ++f)
            for (int i = 0; i < 12; ++i) {
                treble[size_t(i)] += features.pitchChroma.row(f)[i];
                bass[size_t(i)] += features.bassChroma.row(f)[i];
            }
        const double bassMax = *std::max_element(bass.begin(), bass.end());
        auto& row = score[size_t(s)];
        for (int c = 0; c < kChords; ++c) {
            const int root = c % 12;
            const bool minor = c >= 12;
            double best = 0.0;
            for (const Chroma& t : minor ? minorTemplates : majorTemplates)
                best = std::max(best, cosine(treble, t, root));
            row[size_t(c)] = best + (bassMax > 0.0 ? kBassWeight * bass[size_t(root)] / bassMax : 0.0);
        }
        row[kNoChord] = kNoChordScore;
    }

    // Viterbi over beats: emission exp(k * score), a chord is kept with kSelfTransition.
    const double stay = std::log(kSelfTransition), move = std::log((1.0 - kSelfTransition) / kChords);
    std::vector<std::array<double, kChords + 1>> best(static_cast<size_t>(segments));
    std::vector<std::array<int, kChords + 1>> from(static_cast<size_t>(segments));
    for (int c = 0; c <= kChords; ++c)
        best[0][size_t(c)] = kEmissionSharpness * score[0][size_t(c)];
    for (int s = 1; s < segments; ++s) {
        // The best predecessor other than staying is the same for every state but one: find the top two.
        int top = 0, second = 1;
        for (int c = 0; c <= kChords; ++c) {
            if (best[size_t(s) - 1][size_t(c)] > best[size_t(s) - 1][size_t(top)]) {
                second = top;
                top = c;
            } else if (c != top && best[size_t(s) - 1][size_t(c)] > best[size_t(s) - 1][size_t(second)]) {
                second = c;
            }
        }
        for (int c = 0; c <= kChords; ++c) {
            const int other = top == c ? second : top;
            const double viaStay = best[size_t(s) - 1][size_t(c)] + stay;
            const double viaMove = best[size_t(s) - 1][size_t(other)] + move;
            from[size_t(s)][size_t(c)] = viaStay >= viaMove ? c : other;
            best[size_t(s)][size_t(c)] = std::max(viaStay, viaMove) + kEmissionSharpness * score[size_t(s)][size_t(c)];
        }
    }
    const std::vector<int> path = backtrack(best, from);

    std::vector<ChordSpan> spans;
    for (int s = 0; s < segments; ++s) {
        const int c = path[size_t(s)];
        appendSpan(spans, {edges[size_t(s)], edges[size_t(s) + 1], c == kNoChord ? -1 : c % 12, c >= 12 && c != kNoChord});
    }
    return spans;
}

namespace {

// The chord moves songs make most, as semitones of the two roots above the tonic: in major I-IV, I-V, I-vi, IV-I,
// IV-V, V-I, V-vi, vi-IV, vi-V, ii-V, iii-vi, IV-ii; in minor VI-VII, VII-i, III-VI, VI-V (and i-iv, i-v, iv-i,
// iv-v, v-i, which share their numbers with major's). The circle of fifths and the four-chord loops.
bool commonRootMotion(int from, int to)
{
    static constexpr int kMoves[][2] = {{0, 5}, {0, 7}, {0, 9}, {5, 0}, {5, 7}, {7, 0},  {7, 9}, {9, 5},
                                        {9, 7}, {2, 7}, {4, 9}, {5, 2}, {8, 10}, {10, 0}, {3, 8}, {8, 7}};
    for (const auto& m : kMoves)
        if (m[0] == from && m[1] == to)
            return true;
    return false;
}

}  // namespace

std::array<double, 12> barMelodyChroma(const Features& features, double from, double to)
{
    Chroma chroma{};
    if (features.pitchChroma.frames == 0 || to <= from)
        return chroma;
    const double beat = (to - from) / 4.0;
    const int first = std::clamp(features.frameAt(from), 0, features.pitchChroma.frames - 1);
    const int last = std::clamp(features.frameAt(to), first + 1, features.pitchChroma.frames);
    for (int f = first; f < last; ++f) {
        const double t = from + (to - from) * double(f - first) / double(last - first);
        // Beats 1 and 3 (the first half-beat of each) weigh six times as much (bench_harmonise: 2x gave 26 %, 6x
        // 40 % majmin).
        const double inBeat = std::fmod(t - from, 2.0 * beat);
        const double weight = inBeat < 0.5 * beat ? 6.0 : 1.0;
        for (int i = 0; i < 12; ++i)
            chroma[size_t(i)] += weight * features.pitchChroma.row(f)[i];
    }
    return chroma;
}

std::vector<ChordSpan> harmoniseMelody(const Features& features, const std::vector<double>& bars, double duration,
                                       int tonic, bool minor, double* fit)
{
    // The candidates: the key's diatonic triads (scale degree, minor?, prior weight); the leading-tone
    // diminished chord is left out (a melody alone rarely implies it), and a minor key may also use V.
    struct Candidate {
        int offset;  // semitones above the tonic
        bool minor;
        double prior;
    };
    const std::vector<Candidate> candidates = minor
        ? std::vector<Candidate>{{0, true, 0.24}, {3, false, 0.12}, {5, true, 0.15}, {7, true, 0.08}, {7, false, 0.1},
                                 {8, false, 0.16}, {10, false, 0.15}}
        : std::vector<Candidate>{{0, false, 0.26}, {2, true, 0.1}, {4, true, 0.06}, {5, false, 0.2}, {7, false, 0.2},
                                 {9, true, 0.18}};
    std::vector<double> edges;
    for (double b : bars)
        if (b < duration && (edges.empty() || b > edges.back() + 1e-3))
            edges.push_back(b);
    if (edges.empty() || edges.front() > 1e-3)
        edges.insert(edges.begin(), 0.0);
    edges.push_back(duration);
    const int segments = int(edges.size()) - 1;
    const int n = int(candidates.size());
    if (segments <= 0 || features.pitchChroma.frames == 0)
        return {};

    std::vector<std::vector<double>> score(static_cast<size_t>(segments), std::vector<double>(static_cast<size_t>(n), 0.0));
    for (int s = 0; s < segments; ++s) {
        const Chroma chroma = barMelodyChroma(features, edges[size_t(s)], edges[size_t(s) + 1]);
        double total = 0.0;
        for (double v : chroma)
            total += v;
        for (int c = 0; c < n; ++c) {
            const int root = (tonic + candidates[size_t(c)].offset) % 12;
            const int third = candidates[size_t(c)].minor ? 3 : 4;
            const double tones = chroma[size_t(root)] + chroma[size_t((root + third) % 12)] + chroma[size_t((root + 7) % 12)];
            score[size_t(s)][size_t(c)] = (total > 0.0 ? tones / total : 0.0) + 0.35 * std::log(candidates[size_t(c)].prior);
        }
    }
    // Viterbi over bars. Songs change chord about every bar, and mostly by the root motions of
    // commonRootMotion(), each four times as likely as any other change.
    constexpr double kSharpness = 8.0, kStay = 0.2, kCommonMotion = 4.0;
    const double stay = std::log(kStay), change = std::log((1.0 - kStay) / double(n - 1));
    std::vector<std::vector<double>> best(static_cast<size_t>(segments), std::vector<double>(static_cast<size_t>(n)));
    std::vector<std::vector<int>> from(static_cast<size_t>(segments), std::vector<int>(static_cast<size_t>(n), 0));
    for (int c = 0; c < n; ++c)
        best[0][size_t(c)] = kSharpness * score[0][size_t(c)];
    const auto move = [&](int p, int c) {
        if (p == c)
            return stay;
        return commonRootMotion(candidates[size_t(p)].offset, candidates[size_t(c)].offset) ? change + std::log(kCommonMotion)
                                                                                                : change;
    };
    for (int s = 1; s < segments; ++s)
        for (int c = 0; c < n; ++c) {
            double top = -std::numeric_limits<double>::infinity();
            for (int p = 0; p < n; ++p) {
                const double v = best[size_t(s) - 1][size_t(p)] + move(p, c);
                if (v > top) {
                    top = v;
                    from[size_t(s)][size_t(c)] = p;
                }
            }
            best[size_t(s)][size_t(c)] = top + kSharpness * score[size_t(s)][size_t(c)];
        }
    const std::vector<int> path = backtrack(best, from);
    if (fit)
        *fit = *std::max_element(best.back().begin(), best.back().end()) / double(segments);
    std::vector<ChordSpan> spans;
    for (int s = 0; s < segments; ++s) {
        const Candidate& c = candidates[size_t(path[size_t(s)])];
        appendSpan(spans, {edges[size_t(s)], edges[size_t(s) + 1], (tonic + c.offset) % 12, c.minor});
    }
    return spans;
}

double majminAccuracy(const std::vector<ChordSpan>& reference, const std::vector<ChordSpan>& estimate, double duration)
{
    // Both are sorted spans; sweep them together over [0, duration).
    double counted = 0.0, right = 0.0;
    size_t e = 0;
    for (const ChordSpan& r : reference) {
        if (r.root < 0)
            continue;
        const double start = std::max(0.0, r.start), end = std::min(duration, r.end);
        while (e < estimate.size() && estimate[e].end <= start)
            ++e;
        for (size_t k = e; k < estimate.size() && estimate[k].start < end; ++k) {
            const double overlap = std::min(end, estimate[k].end) - std::max(start, estimate[k].start);
            if (overlap > 0 && estimate[k] == r)
                right += overlap;
        }
        counted += std::max(0.0, end - start);
    }
    return counted > 0.0 ? right / counted : -1.0;
}

}  // namespace s2a::inference::analysis
