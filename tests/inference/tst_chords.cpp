// Chord recognition (issue 20): the real arranger renders songs whose chords are exact (one per bar, from its
// harmony writer); the analysis recognises them from the mix with its own beat tracker and is scored like MIREX
// (majmin, time-weighted). The lead stem alone, which carries the melody and not the chords, is reported too.
#include "ArrangedMix.h"

#include "inference/analysis/ChordRecognizer.h"
#include "inference/analysis/Features.h"
#include "inference/analysis/Rhythm.h"
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/Arranger.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongPlanner.h"

#include <QtTest>

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
};

// The chords the arranger planned, as spans in seconds: what it played, bar by bar.
std::vector<ChordSpan> plannedChords(const GenerationRequest& r)
{
    auto plan = arranger::SongPlanner::plan(r, r.seed);
    if (!plan)
        qFatal("%s", qPrintable(plan.errorMessage()));
    const arranger::Arranger a(plan.value(), r.sections, r.sampleRate, std::vector<quint64>(size_t(r.sections.size()), r.seed));
    std::vector<ChordSpan> spans;
    for (const arranger::SectionContext& c : a.sections())
        for (int bar = 0; bar < c.bars; ++bar) {
            const qint64 from = std::max(c.startTick, c.barStart(bar)), to = std::min(c.endTick, c.barStart(bar + 1));
            if (to <= from)
                continue;
            const arranger::Chord& chord = c.chordAtBar(bar);
            const auto has = [&](int i) { return std::find(chord.intervals.begin(), chord.intervals.end(), i) != chord.intervals.end(); };
            // majmin: major and minor triads (sevenths included); diminished, suspended and power chords are not scored.
            const bool major = has(4) && has(7), minor = has(3) && has(7);
            spans.push_back({double(a.timeline().tickToSample(from)) / r.sampleRate, double(a.timeline().tickToSample(to)) / r.sampleRate,
                             major || minor ? chord.root : -1, minor});
        }
    return spans;
}

double recognise(const std::vector<float>& mono, const std::vector<ChordSpan>& reference)
{
    const Features f = computeFeatures(mono, kAnalysisRate);
    const RhythmResult rhythm = trackRhythm(f);
    const double duration = double(mono.size()) / kAnalysisRate;
    return majminAccuracy(reference, recogniseChords(f, rhythm.beats, duration), duration);
}

}  // namespace

class ChordsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesAndScoring()
    {
        QCOMPARE(chordName(9, true), QStringLiteral("Am"));
        QCOMPARE(chordName(6, false), QStringLiteral("F#"));
        QCOMPARE(chordName(-1, false), QStringLiteral("N"));
        const std::vector<ChordSpan> ref{{0, 2, 0, false}, {2, 4, 9, true}, {4, 6, -1, false}};
        QCOMPARE(majminAccuracy(ref, ref, 6.0), 1.0);
        const std::vector<ChordSpan> half{{0, 3, 0, false}, {3, 6, 9, true}};  // late by a second on the Am
        QCOMPARE(majminAccuracy(ref, half, 6.0), 0.75);                     // the unscored N span does not count
        QCOMPARE(majminAccuracy({{0, 6, -1, false}}, half, 6.0), -1.0);
    }

    // The issue's goal: >= 75 % majmin on arranger songs, measured on the mix with the tracked beats.
    void recognisesTheArrangersChords()
    {
        const Case cases[] = {
            {"pop with piano, bass, drums and a flute melody", 112, "C major", 11},
            {"rock with electric guitars", 128, "E minor", 12},
            {"soul ballad with rhodes, strings and a saxophone melody", 76, "Bb major", 13},
            {"funk with clavinet and slap bass", 104, "D minor", 14},
            {"indie folk with acoustic guitar", 96, "G major", 15},
            {"synth pop with pads and a lead synth", 120, "F# minor", 16},
        };
        double mixSum = 0.0, leadSum = 0.0;
        int leads = 0, n = 0;
        for (const Case& c : cases) {
            const test::ArrangedMix song = test::arrangeMix(QString::fromLatin1(c.caption), c.tempo, QString::fromLatin1(c.key), c.seed,
                                                            {{L::Intro, 2}, {L::Verse, 8}, {L::Chorus, 8}, {L::Outro, 2}});
            const std::vector<ChordSpan> reference = plannedChords(song.request);
            const double onMix = recognise(test::monoOf(song.mix), reference);
            QString lead = QStringLiteral("n/a");
            for (const Stem& s : song.result.stems)
                if (s.role == core::TrackRole::Lead) {
                    const double onLead = recognise(test::monoOf(s.audio), reference);
                    lead = QString::number(100.0 * onLead, 'f', 1) + QStringLiteral(" %");
                    leadSum += onLead;
                    ++leads;
                }
            qInfo("%-56s %s: majmin %.1f %% on the mix, %s on the lead stem alone", c.caption, c.key, 100.0 * onMix, qPrintable(lead));
            QVERIFY(onMix >= 0.0);
            mixSum += onMix;
            ++n;
        }
        const double mean = mixSum / n;
        qInfo("mean majmin: %.1f %% on the mix (%d songs), %s on lead stems alone (%d)", 100.0 * mean, n,
              leads ? qPrintable(QString::number(100.0 * leadSum / leads, 'f', 1) + QStringLiteral(" %")) : "n/a", leads);
        QVERIFY2(mean >= 0.75, qPrintable(QString::number(mean)));
    }
};

QTEST_GUILESS_MAIN(ChordsTest)
#include "tst_chords.moc"
