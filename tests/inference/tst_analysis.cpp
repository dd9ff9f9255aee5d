// Song analysis against arranger renders whose tempo, key and sections are known exactly. Songs are rendered
// once (short, 22.05 kHz: the analysis rate, so no resampling cost) and every test reads the same results.
#include "core/audio/Resampler.h"
#include "core/model/ProjectValidator.h"
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/CaptionParser.h"
#include "inference/arranger/MusicTheory.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/evaluation/StructureScore.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::analysis;
using s2a::inference::evaluation::boundaryHits;
using s2a::inference::evaluation::fMeasure;
using L = core::SectionLabel;

namespace {

struct TestSong {
    QString caption;
    double tempo = 0;
    QString key;
    QVector<SectionPlan> sections;
    core::AudioBuffer mix;
};

core::AudioBuffer mixOf(const GenerationResult& r)
{
    core::AudioBuffer mix = r.stems.front().audio;
    for (int s = 1; s < r.stems.size(); ++s)
        core::mixInto(mix, r.stems[s].audio);
    return mix;
}

TestSong renderSong(const QString& caption, double tempo, const QString& key, const QVector<QPair<L, int>>& bars, quint64 seed)
{
    GenerationRequest r;
    r.caption = caption;
    r.seed = seed;
    r.tempo = tempo;
    r.key = key;
    r.sampleRate = kAnalysisRate;
    r.sections = arranger::SongPlanner::barSections(bars, tempo, r.sampleRate);
    arranger::ArrangerEngine engine;
    SimpleJobControl job;
    auto result = engine.generate(r, job);
    if (!result)
        qFatal("generate failed: %s", qPrintable(result.errorMessage()));
    return TestSong{caption, tempo, key, r.sections, mixOf(result.value())};
}

// The analysed section overlapping reference section `s` the most.
int coveringSection(const SongAnalysis& a, double start, double end)
{
    int best = 0;
    double bestOverlap = -1;
    for (int i = 0; i < a.sections.size(); ++i) {
        const double o = std::min(end, a.sections[i].end) - std::max(start, a.sections[i].start);
        if (o > bestOverlap) {
            bestOverlap = o;
            best = i;
        }
    }
    return best;
}

}  // namespace

class AnalysisTest : public QObject {
    Q_OBJECT
    QVector<TestSong> m_songs;
    QVector<SongAnalysis> m_results;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("S2A_SOUNDFONT", "/usr/share/sounds/sf2/TimGM6mb.sf2");
        const QVector<QVector<QPair<L, int>>> forms{
            {{L::Intro, 2}, {L::Verse, 4}, {L::Chorus, 4}, {L::Verse, 4}, {L::Chorus, 4}, {L::Outro, 2}},
            {{L::Verse, 4}, {L::Chorus, 4}, {L::Verse, 4}, {L::Chorus, 4}, {L::Bridge, 4}, {L::Chorus, 4}},
            {{L::Intro, 2}, {L::Verse, 4}, {L::PreChorus, 2}, {L::Chorus, 4}, {L::Verse, 4}, {L::PreChorus, 2}, {L::Chorus, 4}},
            {{L::Intro, 4}, {L::Chorus, 4}, {L::Verse, 4}, {L::Chorus, 4}, {L::Breakdown, 2}, {L::Chorus, 4}},
        };
        const char* styles[] = {"pop", "rock", "funk", "house", "jazz", "soul", "folk", "latin", "reggae", "blues",
                                "disco", "edm", "hip hop", "metal", "lofi", "pop ballad", "indie rock", "deep house",
                                "neo soul", "country"};
        const double tempos[] = {120, 132, 104, 124, 140, 96, 110, 100, 88, 92, 118, 128, 90, 150, 84, 96, 126, 122, 98, 108};
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i) {
            const QString key = arranger::Key{(i * 5 + 2) % 12, i % 3 == 1}.toString();
            m_songs.push_back(renderSong(QString::fromLatin1(styles[i]), tempos[i], key, forms[i % forms.size()], 100 + i));
        }
        const qint64 renderMs = timer.restart();
        for (const TestSong& s : m_songs) {
            SimpleJobControl job;
            auto a = analyzeSong(s.mix, job);
            QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
            m_results.push_back(a.value());
        }
        qInfo("rendered 20 songs in %lld ms, analysed them in %lld ms", renderMs, timer.elapsed());
    }

    void groundTruthFigures()
    {
        double f3 = 0, f05 = 0;
        int tempoOk = 0, octave = 0, keyOk = 0, pairs = 0, grouped = 0, diffPairs = 0, separated = 0;
        for (int i = 0; i < m_songs.size(); ++i) {
            const TestSong& s = m_songs[i];
            const SongAnalysis& a = m_results[i];
            QVector<double> ref, est;
            for (int k = 1; k < s.sections.size(); ++k)
                ref << double(s.sections[k].start) / kAnalysisRate;
            for (int k = 1; k < a.sections.size(); ++k)
                est << a.sections[k].start;
            const double songF3 = fMeasure(boundaryHits(ref, est, 3.0), ref.size(), est.size());
            const double songF05 = fMeasure(boundaryHits(ref, est, 0.5), ref.size(), est.size());
            f3 += songF3;
            f05 += songF05;
            const double ratio = a.tempo / s.tempo;
            const bool tOk = std::abs(ratio - 1) <= 0.02;
            tempoOk += tOk;
            for (double m : {2.0, 0.5, 3.0, 1.0 / 3, 1.5, 2.0 / 3})
                octave += !tOk && std::abs(ratio / m - 1) <= 0.02;
            keyOk += a.key == s.key;
            QStringList groups, labels;
            for (int x = 0; x < s.sections.size(); ++x) {
                const int gx = a.sections[coveringSection(a, double(s.sections[x].start) / kAnalysisRate, double(s.sections[x].end) / kAnalysisRate)].group;
                for (int y = x + 1; y < s.sections.size(); ++y) {
                    const int gy = a.sections[coveringSection(a, double(s.sections[y].start) / kAnalysisRate, double(s.sections[y].end) / kAnalysisRate)].group;
                    if (s.sections[x].label == s.sections[y].label) {
                        ++pairs;
                        grouped += gx == gy;
                    } else {
                        ++diffPairs;
                        separated += gx != gy;
                    }
                }
            }
            for (const AnalysedSection& sec : a.sections)
                labels << QStringLiteral("%1%2@%3").arg(sec.groupName(), core::toString(sec.label).left(3)).arg(sec.start, 0, 'f', 1);
            for (const SectionPlan& p : s.sections)
                groups << QStringLiteral("%1@%2").arg(core::toString(p.label).left(3)).arg(double(p.start) / kAnalysisRate, 0, 'f', 1);
            qInfo("%-11s %5.1f/%5.1f BPM  %-9s/%-9s  F3 %.2f F.5 %.2f  ref %s | est %s", qPrintable(s.caption), s.tempo, a.tempo,
                  qPrintable(s.key), qPrintable(a.key), songF3, songF05, qPrintable(groups.join(u' ')), qPrintable(labels.join(u' ')));
        }
        const double n = m_songs.size();
        f3 /= n;
        f05 /= n;
        const double tempoAcc = tempoOk / n, keyAcc = keyOk / n, grouping = pairs ? double(grouped) / pairs : 1.0;
        qInfo("HR3F %.3f  HR0.5F %.3f  tempo %.0f %% (+%d octave errors)  key %.0f %%  same-label grouped %.0f %% "
              "(different labels kept apart %.0f %%)", f3, f05, 100 * tempoAcc, octave, 100 * keyAcc, 100 * grouping,
              diffPairs ? 100.0 * separated / diffPairs : 100.0);
        // The targets, reported with any shortfall; the assertions below are the floors this
        // implementation measured (regression guards), not the targets, where it falls short.
        struct Target { const char* name; double value, target, floor; };
        const Target targets[] = {{"HR3F", f3, 0.8, 0.8}, {"HR0.5F", f05, 0.5, 0.55}, {"tempo", tempoAcc, 0.8, 0.85},
                                  {"key", keyAcc, 0.8, 0.8}, {"grouping", grouping, 0.8, 0.8}};
        for (const Target& t : targets) {
            if (t.value < t.target)
                qInfo("SHORTFALL: %s %.3f is below the issue's target %.2f", t.name, t.value, t.target);
            QVERIFY2(t.value >= std::min(t.target, t.floor), t.name);
        }
    }

    // Songs of a real length (3-4 minutes, sections of 8 and 16 bars): the sections a user gets on a whole
    // arranger song, not only on the 40 s sketches above. Boundaries within 3 s; printed per song.
    void fullLengthSongs()
    {
        const QVector<QPair<L, int>> form{{L::Intro, 8}, {L::Verse, 16}, {L::PreChorus, 8}, {L::Chorus, 16}, {L::Verse, 16},
                                          {L::PreChorus, 8}, {L::Chorus, 16}, {L::Bridge, 8}, {L::Chorus, 16}, {L::Outro, 8}};
        const struct { const char* caption; double tempo; const char* key; } songs[] = {
            {"upbeat pop with piano and strings", 120, "A minor"},
            {"rock with electric guitars", 132, "E minor"},
            {"soul with rhodes and horns", 96, "Eb major"}};
        double f3 = 0;
        for (const auto& song : songs) {
            const TestSong t = renderSong(QString::fromLatin1(song.caption), song.tempo, QString::fromLatin1(song.key), form, 7);
            SimpleJobControl job;
            auto a = analyzeSong(t.mix, job);
            QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
            QVector<double> ref, est;
            for (int k = 1; k < t.sections.size(); ++k)
                ref << double(t.sections[k].start) / kAnalysisRate;
            for (int k = 1; k < a->sections.size(); ++k)
                est << a->sections[k].start;
            const int hits = boundaryHits(ref, est, 3.0);
            f3 += fMeasure(hits, ref.size(), est.size());
            QStringList found;
            for (double e : est)
                found << QString::number(e, 'f', 0);
            qInfo("%-34s %3.0f s: %d of %lld boundaries found, %lld cuts (%s)", song.caption, a->duration, hits,
                  static_cast<long long>(ref.size()), static_cast<long long>(est.size()), qPrintable(found.join(u' ')));
        }
        f3 /= std::size(songs);
        qInfo("full-length arranger songs: HR3F %.3f", f3);
        // Measured: 0.844 with the kernel segmenter, 0.687 with the novelty peaks before it (23 cuts on the pop song).
        QVERIFY2(f3 >= 0.75, qPrintable(QString::number(f3)));
    }

    void captionsReadBack()
    {
        for (const SongAnalysis& a : m_results)
            for (const AnalysedSection& s : a.sections) {
                QVERIFY(!s.caption.isEmpty());
                const auto intent = arranger::parseCaption(s.caption);
                QVERIFY2(!intent.moods.isEmpty() || intent.tempoFeel, qPrintable(s.caption));
                QCOMPARE(intent.excluded.contains(core::TrackRole::Drums), s.caption.contains(QLatin1String("no drums")));
            }
    }

    void projectFromAnalysisValidates()
    {
        const SongAnalysis& a = m_results.front();
        const core::SampleCount frames = m_songs.front().mix.frames();
        const core::ProjectData p = projectFromAnalysis(a, QStringLiteral("Song"), QStringLiteral("abc.flac"), kAnalysisRate, frames);
        QCOMPARE(p.tracks.size(), 1);
        QVERIFY(p.tracks.front().role == core::TrackRole::Mix);
        QCOMPARE(p.length(), frames);
        QCOMPARE(p.sections.size(), a.sections.size());
        QCOMPARE(p.settings.key, a.key);
        QVERIFY2(core::validateProject(p).isEmpty(), "project does not validate");
        for (const core::Section& s : p.sections)
            QCOMPARE(s.activeTake()->clips.front().sourceStart, s.start);
    }

    void edgeCases()
    {
        SimpleJobControl job;
        // Silence: no tempo, no key, one section, graded as silent.
        auto silent = analyzeSong(core::AudioBuffer::silence(2, 10 * 44100, 44100), job);
        QVERIFY(silent.ok());
        QCOMPARE(silent->sections.size(), 1);
        QVERIFY(silent->key.isEmpty());
        QCOMPARE(silent->quality.score, 0.0);
        // Two seconds of a song; mono.
        core::AudioBuffer shortMono;
        shortMono.sampleRate = kAnalysisRate;
        shortMono.channels = {std::vector<float>(m_songs[0].mix.channels[0].begin(), m_songs[0].mix.channels[0].begin() + 2 * kAnalysisRate)};
        auto brief = analyzeSong(shortMono, job);
        QVERIFY(brief.ok());
        QCOMPARE(brief->sections.size(), 1);
        QVERIFY(brief->quality.reasons.join(u' ').contains(QLatin1String("short")));
        // 8 kHz and 96 kHz versions of one song agree with the original on tempo and key.
        const TestSong& song = m_songs[0];
        for (int rate : {8000, 96000}) {
            auto resampled = core::Resampler::resample(song.mix, rate);
            QVERIFY(resampled.ok());
            auto a = analyzeSong(resampled.value(), job);
            QVERIFY(a.ok());
            qInfo("%d Hz: %.2f BPM, %s", rate, a->tempo, qPrintable(a->key));
            QVERIFY(std::abs(a->tempo / m_results[0].tempo - 1) < 0.02);
            QCOMPARE(a->key, m_results[0].key);
        }
        // Clipped: the grade says so.
        core::AudioBuffer clipped = song.mix;
        for (auto& ch : clipped.channels)
            for (float& x : ch)
                x = std::clamp(x * 8.0f, -1.0f, 1.0f);
        auto c = analyzeSong(clipped, job);
        QVERIFY(c.ok());
        qInfo("clipped: score %.2f, %s", c->quality.score, qPrintable(c->quality.reasons.join(u' ')));
        QVERIFY(c->quality.reasons.join(u' ').contains(QLatin1String("Clipping")));
        QVERIFY(c->quality.score < m_results[0].quality.score);
        QVERIFY(m_results[0].quality.clippingRatio < 1e-4);
    }

    void cancelAndProgress()
    {
        SimpleJobControl job;
        job.cancelRequested = true;
        auto a = analyzeSong(m_songs[0].mix, job);
        QVERIFY(!a.ok());
        QVERIFY(isCancelled(a.error()));
        SimpleJobControl done;
        QVERIFY(analyzeSong(m_songs[0].mix, done).ok());
        QCOMPARE(done.lastFraction, 1.0);
        QVERIFY(m_results[0].stageSeconds.size() >= 6);
    }
};

QTEST_GUILESS_MAIN(AnalysisTest)
#include "tst_analysis.moc"
