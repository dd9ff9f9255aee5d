// Chords for a tune alone (issue 20: "accompany my track" on a sung or played lead): the lead stems of arranger
// songs, whose chords are known, through the analysis as an accompaniment reads them (ChordReading::Melody: its
// own beats, bar grid, key and a harmony per bar), scored with MIREX majmin against what the arranger played.
// Two sets of songs (different captions, keys, tempi and seeds): tune on the first, read the second.
//
// Per song it prints the majmin accuracy of the detected harmony, whether the bar grid's phase is right (the
// first downbeat within a quarter beat of bar 1's), and the accuracy with the true bar grid and key (what the
// harmoniser gives when the grid is right).
//
//   bench_harmonise [--set tuning|held-out|both] [--verbose: each bar's chord, played/found]
//   bench_harmonise --learn-profiles: what a melody plays over a major and a minor chord, learnt from a third
//   set of songs (the true bars and chords): the 12-bin profiles harmoniseMelody's table holds, printed as C++.
#include "core/audio/Resampler.h"
#include "inference/analysis/ChordRecognizer.h"
#include "inference/analysis/Features.h"
#include "inference/analysis/KeyEstimator.h"
#include "inference/analysis/SongAnalysis.h"
#include "tests/inference/ArrangedMix.h"

#include <QCoreApplication>

#include <array>
#include <cmath>
#include <cstdio>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::analysis;
using L = core::SectionLabel;

namespace {

struct Case {
    const char* caption;
    double tempo;
    const char* key;
    quint64 seed;
    int introBars;
};

const Case kTuning[] = {
    {"pop with piano, bass, drums and a flute melody", 112, "C major", 11, 2},
    {"soul ballad with rhodes, strings and a saxophone melody", 76, "Bb major", 13, 2},
    {"synth pop with pads and a lead synth", 120, "F# minor", 16, 2},
    {"folk with acoustic guitar and a violin melody", 96, "G major", 21, 1},
    {"jazz with piano, upright bass and a trumpet melody", 132, "F major", 22, 2},
    {"cinematic with strings and an oboe melody", 84, "D minor", 23, 1},
    {"funk with clavinet, slap bass and a saxophone melody", 104, "E minor", 24, 2},
    {"pop rock with guitars and a lead synth", 126, "A major", 25, 1},
};

const Case kHeldOut[] = {
    {"latin with piano, bass and a trumpet melody", 100, "G minor", 31, 2},
    {"bossa nova with nylon guitar and a flute melody", 88, "D major", 32, 1},
    {"indie pop with piano and a clarinet melody", 116, "Eb major", 33, 2},
    {"reggae with organ, bass and a melodica melody", 80, "C minor", 34, 2},
    {"disco with strings, bass and a flute melody", 120, "B minor", 35, 1},
    {"country with acoustic guitar and a fiddle melody", 108, "E major", 36, 2},
    {"lofi hip hop with rhodes and a saxophone melody", 86, "A minor", 37, 2},
    {"electropop with synths and a lead synth", 124, "Ab major", 38, 1},
};

// The profile set: other captions, keys and seeds than the two sets scored above, so the scores stay honest.
const char* const kProfileCaptions[] = {
    "pop with piano and a flute melody",          "rock with guitars and a lead synth",
    "soul with rhodes and a saxophone melody",    "folk with guitar and a violin melody",
    "jazz with piano and a trumpet melody",       "cinematic with strings and a clarinet melody",
    "funk with clavinet and a saxophone melody",  "latin with piano and a flute melody",
    "country with guitar and a fiddle melody",    "ballad with piano and an oboe melody",
    "electropop with synths and a lead synth",    "reggae with organ and a melodica melody",
};
const char* const kProfileKeys[] = {"D major", "A minor", "F major", "C# minor", "Bb major", "E minor",
                                    "G major", "F minor", "E major", "B minor", "Ab major", "D minor"};

// Per chord quality (major, minor), the mean bar chroma of the melody relative to the chord's root, each bar's
// chroma normalised to sum 1 first, then the mean normalised to sum 1.
void learnProfiles()
{
    std::array<std::array<double, 12>, 2> sum{};
    std::array<int, 2> bars{};
    for (int i = 0; i < 24; ++i) {
        const QString caption = QString::fromLatin1(kProfileCaptions[i % 12]);
        const QString key = QString::fromLatin1(kProfileKeys[(i * 5) % 12]);
        const double tempo = 80.0 + double((i * 7) % 50);
        const test::ArrangedMix song = test::arrangeMix(caption, tempo, key, quint64(101 + i),
                                                        {{L::Intro, 2}, {L::Verse, 8}, {L::Chorus, 8}, {L::Outro, 2}}, 44100);
        const Stem* lead = nullptr;
        for (const Stem& s : song.result.stems)
            if (s.role == core::TrackRole::Lead)
                lead = &s;
        if (!lead)
            continue;
        auto resampled = core::Resampler::resample(lead->audio, kAnalysisRate);
        if (!resampled)
            continue;
        const Features features = computeFeatures(test::monoOf(resampled.value()), kAnalysisRate);
        for (const ChordSpan& bar : test::plannedChords(song.request)) {
            if (bar.root < 0)
                continue;
            const std::array<double, 12> chroma = barMelodyChroma(features, bar.start, bar.end);
            double total = 0.0;
            for (double v : chroma)
                total += v;
            if (total <= 0.0)
                continue;
            for (int pc = 0; pc < 12; ++pc)
                sum[bar.minor ? 1 : 0][size_t(pc)] += chroma[size_t((bar.root + pc) % 12)] / total;
            ++bars[bar.minor ? 1 : 0];
        }
    }
    for (int q = 0; q < 2; ++q) {
        double total = 0.0;
        for (double v : sum[size_t(q)])
            total += v;
        std::printf("%s chords, %d bars: {", q == 0 ? "major" : "minor", bars[size_t(q)]);
        for (int pc = 0; pc < 12; ++pc)
            std::printf("%s%.4f", pc ? ", " : "", total > 0.0 ? sum[size_t(q)][size_t(pc)] / total : 0.0);
        std::printf("}\n");
    }
}

struct Figures {
    double detected = 0.0, trueGrid = 0.0;
    int phaseRight = 0, songs = 0;
};

// The true bar grid: the arranger's bars start at 0 s (requests here have no downbeat offset).
std::vector<double> trueBars(double tempo, double duration)
{
    std::vector<double> bars;
    for (double t = 0.0; t < duration; t += 4.0 * 60.0 / tempo)
        bars.push_back(t);
    return bars;
}

bool verbose = false;

// Per bar: the chord played, and the chord found (at the bar's middle).
void printBars(const std::vector<ChordSpan>& reference, const std::vector<ChordSpan>& found)
{
    QString line;
    for (const ChordSpan& r : reference) {
        const double t = 0.5 * (r.start + r.end);
        QString heard = QStringLiteral("-");
        for (const ChordSpan& f : found)
            if (f.start <= t && t < f.end)
                heard = chordName(f.root, f.minor);
        const QString played = chordName(r.root, r.minor);
        line += played + (heard == played ? QStringLiteral(" ") : QStringLiteral("/") + heard + QStringLiteral(" "));
    }
    std::printf("      played/found: %s\n", qPrintable(line));
}

void runSet(const char* name, const Case* cases, int count, Figures& total)
{
    Figures set;
    for (int i = 0; i < count; ++i) {
        const Case& c = cases[i];
        const test::ArrangedMix song = test::arrangeMix(QString::fromLatin1(c.caption), c.tempo, QString::fromLatin1(c.key), c.seed,
                                                        {{L::Intro, c.introBars}, {L::Verse, 8}, {L::Chorus, 8}, {L::Outro, 2}},
                                                        44100);  // as a recording comes in: the analysis resamples
        const Stem* lead = nullptr;
        for (const Stem& s : song.result.stems)
            if (s.role == core::TrackRole::Lead)
                lead = &s;
        if (!lead) {
            std::printf("  %-56s no lead stem\n", c.caption);
            continue;
        }
        SimpleJobControl job;
        auto analysis = analyzeSong(lead->audio, job, ChordReading::Melody);
        if (!analysis) {
            std::printf("  %-56s analysis failed: %s\n", c.caption, qPrintable(analysis.errorMessage()));
            continue;
        }
        const double duration = double(lead->audio.frames()) / lead->audio.sampleRate;
        const std::vector<ChordSpan> reference = test::plannedChords(song.request);
        const double detected = majminAccuracy(reference, test::spansOf(analysis->chords, duration), duration);
        const double bar = 4.0 * 60.0 / c.tempo, beat = 60.0 / c.tempo;
        const double phaseError = std::abs(std::remainder(analysis->downbeatOffset, bar));
        const bool phaseRight = phaseError < 0.25 * beat;
        const auto key = arranger::Key::parse(QString::fromLatin1(c.key));
        auto resampled = core::Resampler::resample(lead->audio, kAnalysisRate);
        if (!resampled)
            return;
        const Features features = computeFeatures(test::monoOf(resampled.value()), kAnalysisRate);
        const double onTrueGrid = majminAccuracy(
            reference, harmoniseMelody(features, trueBars(c.tempo, duration), duration, key->tonic, key->minor), duration);
        std::printf("  %-56s %-8s %3.0f BPM: %5.1f %% (bar 1 %s by %.2f beats; key %s), true grid and key %5.1f %%\n",
                    c.caption, c.key, c.tempo, 100.0 * detected, phaseRight ? "right" : "wrong", phaseError / beat,
                    qPrintable(analysis->key), 100.0 * onTrueGrid);
        if (verbose)
            printBars(reference, test::spansOf(analysis->chords, duration));
        set.detected += detected;
        set.trueGrid += onTrueGrid;
        set.phaseRight += phaseRight ? 1 : 0;
        ++set.songs;
    }
    if (set.songs > 0)
        std::printf("%s: %d songs, majmin %.1f %% detected, bar 1 right in %d, %.1f %% on the true grid and key\n\n", name,
                    set.songs, 100.0 * set.detected / set.songs, set.phaseRight, 100.0 * set.trueGrid / set.songs);
    total.detected += set.detected;
    total.trueGrid += set.trueGrid;
    total.phaseRight += set.phaseRight;
    total.songs += set.songs;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("S2A_SOUNDFONT"))
        qputenv("S2A_SOUNDFONT", "/usr/share/sounds/sf2/TimGM6mb.sf2");
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--set")));
    const QString which = at >= 0 && at + 1 < args.size() ? args[at + 1] : QStringLiteral("both");
    verbose = args.contains(QStringLiteral("--verbose"));
    if (args.contains(QStringLiteral("--learn-profiles"))) {
        learnProfiles();
        return 0;
    }
    Figures total;
    if (which != QLatin1String("held-out"))
        runSet("tuning set", kTuning, int(std::size(kTuning)), total);
    if (which != QLatin1String("tuning"))
        runSet("held-out set", kHeldOut, int(std::size(kHeldOut)), total);
    if (total.songs > 0)
        std::printf("all: %d songs, majmin %.1f %% detected, bar 1 right in %d, %.1f %% on the true grid and key\n", total.songs,
                    100.0 * total.detected / total.songs, total.phaseRight, 100.0 * total.trueGrid / total.songs);
    return total.songs > 0 ? 0 : 1;
}
