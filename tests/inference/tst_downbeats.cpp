// Downbeat offset detection (issue 20): arranger songs cut so that they open with a pickup of 0 to 3 beats; the
// rhythm tracker should put the first downbeat within 50 ms of where bar 1 truly starts in >= 90 % of them (the
// issue's goal). Measured: 80 %, every miss in the swung soul ballad, whose tempo the tracker hears at 4/3 (112
// against 84 BPM); the test holds that figure (>= 75 %) so it cannot slip while the tempo fix is pending.
#include "ArrangedMix.h"

#include "inference/analysis/Features.h"
#include "inference/analysis/Rhythm.h"

#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::inference::analysis;
using L = core::SectionLabel;

class DownbeatsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsTheFirstDownbeatAfterAPickup()
    {
        struct Case {
            const char* caption;
            double tempo;
            const char* key;
        };
        const Case cases[] = {
            {"pop with piano, bass and drums", 112, "C major"},
            {"funk with clavinet and slap bass", 104, "D minor"},
            {"rock with electric guitars", 128, "E minor"},
            {"soul ballad with rhodes and strings", 84, "Bb major"},
            {"synth pop with pads and a lead synth", 120, "F# minor"},
        };
        int hits = 0, total = 0;
        double worst = 0.0;
        quint64 seed = 40;
        for (const Case& c : cases) {
            const test::ArrangedMix song = test::arrangeMix(QString::fromLatin1(c.caption), c.tempo, QString::fromLatin1(c.key), ++seed,
                                                            {{L::Intro, 2}, {L::Verse, 8}, {L::Chorus, 8}});
            const std::vector<float> mono = test::monoOf(song.mix);
            const double beat = 60.0 / c.tempo, bar = 4.0 * beat;
            QStringList line;
            for (int pickup = 0; pickup < 4; ++pickup) {
                // Cut the first 4 - pickup beats: the song opens with `pickup` beats before bar 1.
                const size_t cut = pickup == 0 ? 0 : size_t(std::llround((4 - pickup) * beat * kAnalysisRate));
                const std::vector<float> part(mono.begin() + std::ptrdiff_t(cut), mono.end());
                const RhythmResult r = trackRhythm(computeFeatures(part, kAnalysisRate));
                const double truth = pickup * beat;
                double error = std::fmod(std::abs(r.downbeatOffset - truth), bar);
                error = std::min(error, bar - error);  // on a bar grid, 0.01 s and a bar less 0.01 s are 0.02 s apart
                worst = std::max(worst, error);
                hits += error <= 0.050 ? 1 : 0;
                ++total;
                line << QStringLiteral("pickup %1: %2 ms (%3 BPM)").arg(pickup).arg(1000.0 * error, 0, 'f', 0).arg(r.tempo, 0, 'f', 1);
            }
            qInfo("%-40s %s", c.caption, qPrintable(line.join(QStringLiteral(", "))));
        }
        qInfo("first downbeat within 50 ms: %d of %d (%.0f %%); worst error %.0f ms", hits, total, 100.0 * hits / total, 1000.0 * worst);
        // The goal, 90 %: 20 of 20 with TimGM6mb (the suite's soundfont) since the tempo comb counts the beat's own
        // lag twice (before: 16, the soul ballad read at 112 BPM for 84). With the larger MuseScore General
        // soundfont the ballad still reads 112 BPM: 16 of 20 there.
        QVERIFY2(hits >= 0.9 * total, qPrintable(QStringLiteral("%1 of %2").arg(hits).arg(total)));
    }
};

QTEST_GUILESS_MAIN(DownbeatsTest)
#include "tst_downbeats.moc"
