// The arranger engine end to end: real FluidSynth renders of short songs, measured.
#include "AudioMeasures.h"

#include "core/export/ExportFileWriter.h"
#include "core/persistence/ProjectBundle.h"
#include "core/playback/AudioPool.h"
#include "core/playback/MixRenderer.h"
#include "core/playback/PlanBuilder.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/DemoSong.h"
#include "inference/arranger/SongPlanner.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::arranger;
using L = core::SectionLabel;
using R = core::TrackRole;

namespace {

GenerationRequest song(const QString& caption, double tempo, const QVector<QPair<L, int>>& bars, quint64 seed = 7)
{
    GenerationRequest r;
    r.caption = caption;
    r.seed = seed;
    const auto plan = SongPlanner::plan(r, seed);
    r.sections = SongPlanner::barSections(bars, tempo > 0 ? tempo : plan.value().tempo, r.sampleRate);
    r.tempo = tempo;
    return r;
}

GenerationResult render(const GenerationRequest& r)
{
    ArrangerEngine engine;
    SimpleJobControl job;
    auto result = engine.generate(r, job);
    if (!result)
        qFatal("generate failed: %s", qPrintable(result.errorMessage()));
    return result.value();
}

const Stem* stemOf(const GenerationResult& r, R role)
{
    for (const Stem& s : r.stems)
        if (s.role == role)
            return &s;
    return nullptr;
}

core::AudioBuffer mixOf(const GenerationResult& r)
{
    std::vector<const core::AudioBuffer*> buffers;
    for (const Stem& s : r.stems)
        buffers.push_back(&s.audio);
    return test::sum(buffers);
}

constexpr double kAudible = 0.003;  // about -50 dBFS RMS

}  // namespace

class ArrangerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stemsHaveTheProjectLengthToTheSample()
    {
        // 104.25 BPM: bar lines fall between samples, so any rounding slip would show.
        auto r = song(QStringLiteral("upbeat funk with slap bass and brass"), 104.25, {{L::Verse, 3}, {L::Chorus, 3}});
        const GenerationResult result = render(r);
        QVERIFY(result.stems.size() >= 3);
        QCOMPARE(result.end, r.sections.constLast().end);
        for (const Stem& s : result.stems) {
            QCOMPARE(s.audio.channelCount(), 2);
            QCOMPARE(s.audio.sampleRate, 44100);
            QCOMPARE(s.audio.frames(), r.sections.constLast().end);
            QVERIFY(s.midi.startsWith("MThd"));
            QVERIFY(s.midi.size() > 100);
        }
        QVERIFY(result.understood.contains(QLatin1String("funk")));
        QCOMPARE(result.origin.engine, QStringLiteral("arranger"));
    }

    void namedInstrumentsPlayAndUnnamedOnesDoNot_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QList<int>>("present");
        QTest::addColumn<QList<int>>("absent");
        QTest::newRow("jazz trio") << QStringLiteral("jazz trio with piano, upright bass and drums, 140 bpm")
                                   << QList<int>{int(R::Drums), int(R::Bass), int(R::Keys)}
                                   << QList<int>{int(R::Lead), int(R::Guitar), int(R::Strings), int(R::Pads), int(R::Other)};
        QTest::newRow("ambient") << QStringLiteral("ambient pads with piano, no drums")
                                 << QList<int>{int(R::Pads), int(R::Keys)}
                                 << QList<int>{int(R::Drums), int(R::Bass), int(R::Lead), int(R::Guitar)};
        QTest::newRow("rock organ") << QStringLiteral("rock with organ and strings, 120 bpm")
                                    << QList<int>{int(R::Drums), int(R::Bass), int(R::Guitar), int(R::Keys), int(R::Strings)}
                                    << QList<int>{int(R::Pads), int(R::Lead), int(R::Other)};
    }

    void namedInstrumentsPlayAndUnnamedOnesDoNot()
    {
        QFETCH(QString, caption);
        QFETCH(QList<int>, present);
        QFETCH(QList<int>, absent);
        const GenerationResult result = render(song(caption, 0, {{L::Verse, 4}, {L::Chorus, 4}}));
        for (int role : present) {
            const Stem* s = stemOf(result, R(role));
            QVERIFY2(s, qPrintable(core::toString(R(role))));
            QVERIFY2(test::rms(s->audio) > kAudible, qPrintable(core::toString(R(role))));
        }
        for (int role : absent) {
            const Stem* s = stemOf(result, R(role));
            QVERIFY2(!s || test::rms(s->audio) < kAudible / 10, qPrintable(core::toString(R(role))));
        }
    }

    void drumsKeepThePlannedTempo_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::addColumn<double>("bpm");
        QTest::newRow("house") << QStringLiteral("deep house") << 124.0;
        QTest::newRow("funk") << QStringLiteral("funk with slap bass") << 104.0;
        QTest::newRow("rock") << QStringLiteral("rock") << 132.0;
    }

    void drumsKeepThePlannedTempo()
    {
        QFETCH(QString, caption);
        QFETCH(double, bpm);
        const GenerationResult result = render(song(caption, bpm, {{L::Verse, 4}, {L::Chorus, 4}}));
        const Stem* drums = stemOf(result, R::Drums);
        QVERIFY(drums);
        // Search less than an octave around the plan, so the answer cannot be the half or double tempo.
        const double measured = test::onsetTempo(drums->audio, bpm * 0.72, bpm * 1.4);
        QVERIFY2(std::fabs(measured - bpm) <= 2.0, qPrintable(QStringLiteral("measured %1 BPM, planned %2").arg(measured).arg(bpm)));
    }

    void chorusIsLouderThanVerse_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::newRow("pop") << QStringLiteral("pop");
        QTest::newRow("funk") << QStringLiteral("funk with brass");
        QTest::newRow("cinematic") << QStringLiteral("cinematic");
    }

    void chorusIsLouderThanVerse()
    {
        QFETCH(QString, caption);
        const auto r = song(caption, 110, {{L::Verse, 4}, {L::Chorus, 4}});
        const core::AudioBuffer mix = mixOf(render(r));
        const double verse = test::gatedLoudnessDb(mix, r.sections[0].start, r.sections[0].end);
        const double chorus = test::gatedLoudnessDb(mix, r.sections[1].start, r.sections[1].end);
        QVERIFY2(chorus > verse + 1.0, qPrintable(QStringLiteral("verse %1 dB, chorus %2 dB").arg(verse).arg(chorus)));
    }

    void mixStaysBelowFullScale_data()
    {
        QTest::addColumn<QString>("caption");
        for (const char* c : {"metal, 150 bpm", "edm festival anthem with lead synth", "latin salsa with percussion and brass",
                              "disco with strings and brass", "reggae", "lo-fi hip hop"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    void mixStaysBelowFullScale()
    {
        QFETCH(QString, caption);
        const core::AudioBuffer mix = mixOf(render(song(caption, 0, {{L::Chorus, 4}})));
        QVERIFY2(test::peak(mix) < 1.0, qPrintable(QStringLiteral("peak %1").arg(test::peak(mix))));
        QVERIFY(test::rms(mix) > 0.02);
    }

    void sameSeedIsBitIdenticalAndAnotherSeedIsNot()
    {
        const auto a = render(song(QStringLiteral("soul with strings"), 96, {{L::Verse, 2}, {L::Chorus, 2}}, 11));
        const auto b = render(song(QStringLiteral("soul with strings"), 96, {{L::Verse, 2}, {L::Chorus, 2}}, 11));
        const auto c = render(song(QStringLiteral("soul with strings"), 96, {{L::Verse, 2}, {L::Chorus, 2}}, 12));
        QCOMPARE(a.stems.size(), b.stems.size());
        for (int i = 0; i < a.stems.size(); ++i) {
            QVERIFY(a.stems[i].audio.channels == b.stems[i].audio.channels);
            QCOMPARE(a.stems[i].midi, b.stems[i].midi);
        }
        bool differs = a.stems.size() != c.stems.size();
        for (int i = 0; !differs && i < a.stems.size(); ++i)
            differs = a.stems[i].audio.channels != c.stems[i].audio.channels;
        QVERIFY(differs);
    }

    void regenerationChangesOnlyTheSectionWithoutClicks()
    {
        auto r = song(QStringLiteral("pop with piano and strings"), 112, {{L::Verse, 4}, {L::Chorus, 4}, {L::Verse, 4}}, 21);
        const GenerationResult original = render(r);
        for (SectionPlan& s : r.sections)
            s.seed = r.seed;
        r.seed = 99;
        r.targetSection = 1;
        r.sections[1].caption = QStringLiteral("big, powerful");
        r.context = original.stems;
        ArrangerEngine engine;
        SimpleJobControl job;
        const auto regen = engine.regenerate(r, job);
        QVERIFY2(regen.ok(), qPrintable(regen.errorMessage()));
        const SectionPlan& target = r.sections[1];
        QCOMPARE(regen.value().start, target.start);
        QCOMPARE(regen.value().end, target.end);
        QCOMPARE(regen.value().stems.size(), original.stems.size());

        bool changed = false;
        for (int i = 0; i < original.stems.size(); ++i) {
            const Stem& fresh = regen.value().stems[i];
            QVERIFY(fresh.role == original.stems[i].role);
            QCOMPARE(fresh.audio.frames(), target.end - target.start);
            // Splice the new section into the song, as the project does with a take.
            core::AudioBuffer spliced = original.stems[i].audio;
            for (int c = 0; c < 2; ++c)
                std::copy(fresh.audio.channels[size_t(c)].begin(), fresh.audio.channels[size_t(c)].end(),
                          spliced.channels[size_t(c)].begin() + target.start);
            for (int c = 0; c < 2; ++c) {
                const auto& before = original.stems[i].audio.channels[size_t(c)];
                const auto& after = spliced.channels[size_t(c)];
                QVERIFY(std::equal(before.begin(), before.begin() + target.start, after.begin()));
                QVERIFY(std::equal(before.begin() + target.end, before.end(), after.begin() + target.end));
                changed = changed || !std::equal(before.begin() + target.start, before.begin() + target.end, after.begin() + target.start);
            }
            // No click at either seam: the jump across it is no bigger than the steps the music itself
            // makes around it (plus a small floor for near-silent stems).
            for (qint64 seam : {target.start, target.end}) {
                const double jump = test::maxStep(spliced, seam, seam + 1);
                const double local = test::maxStep(original.stems[i].audio, seam - 2205, seam + 2205);
                QVERIFY2(jump <= 1.5 * local + 0.01, qPrintable(QStringLiteral("%1 seam at %2: jump %3, music %4")
                                                                    .arg(fresh.name).arg(seam).arg(jump).arg(local)));
            }
        }
        QVERIFY(changed);
    }

    void cancelledJobsStop()
    {
        ArrangerEngine engine;
        SimpleJobControl job;
        job.cancelRequested = true;
        const auto result = engine.generate(song(QStringLiteral("pop"), 120, {{L::Verse, 8}}), job);
        QVERIFY(!result.ok());
        QVERIFY(isCancelled(result.error()));
    }

    void badPlansAreReadableErrors()
    {
        ArrangerEngine engine;
        SimpleJobControl job;
        GenerationRequest empty;
        QVERIFY(engine.generate(empty, job).errorMessage().contains(QLatin1String("no sections")));
        auto gap = song(QStringLiteral("pop"), 120, {{L::Verse, 2}, {L::Chorus, 2}});
        gap.sections[1].start += 10;
        QVERIFY(engine.generate(gap, job).errorMessage().contains(QLatin1String("contiguous")));
        gap.targetSection = 5;
        QVERIFY(engine.regenerate(gap, job).errorMessage().contains(QLatin1String("contiguous")));
    }

    void demoSongIsALoadableBundle()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Demo.s2a"));
        SimpleJobControl job;
        const auto made = createDemoSong(path, job);
        QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
        const auto loaded = core::bundle::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        const core::ProjectData& data = loaded.value();
        QCOMPARE(data.sections.size(), 8);
        QVERIFY(data.sections[0].label == L::Intro);
        QVERIFY(data.sections[5].label == L::Bridge);
        QCOMPARE(data.settings.tempo, 104.0);
        QVERIFY(data.trackIndex(data.tracks.front().id) == 0);
        QStringList roles;
        for (const core::Track& t : data.tracks)
            roles << core::toString(t.role);
        QVERIFY2(roles.contains(QLatin1String("drums")) && roles.contains(QLatin1String("bass"))
                     && roles.contains(QLatin1String("other")), qPrintable(roles.join(QLatin1Char(','))));
        for (const core::Section& s : data.sections) {
            QVERIFY(s.activeTake());
            QCOMPARE(s.activeTake()->clips.size(), data.tracks.size());
            QVERIFY(!s.caption.isEmpty());
        }
        QCOMPARE(job.lastFraction, 1.0);

        // The mix at the level DemoSong.h promises, as playback renders it, measured by the export's meter
        // (libebur128 for loudness, its true-peak interpolator for the peak).
        core::AudioPool pool(core::bundle::audioDir(path));
        const auto plan = core::buildRenderPlan(data, pool, data.settings.sampleRate).plan;
        const int frames = int(plan->length);
        const size_t n = static_cast<size_t>(frames);
        std::vector<float> left(n), right(n), scratch(2 * n);
        core::renderMix(*plan, 0, frames, left.data(), right.data(), scratch.data());
        core::LoudnessMeter meter(data.settings.sampleRate, false);
        meter.add(left.data(), right.data(), frames);
        const core::LoudnessMeasurement mix = meter.result();
        const QString measured = QStringLiteral("%1 LUFS, %2 dBTP").arg(mix.integratedLufs).arg(mix.truePeakDb);
        QVERIFY2(mix.integratedLufs >= kDemoLufs - 1.0 && mix.integratedLufs <= kDemoLufs + 1.0, qPrintable(measured));
        QVERIFY2(mix.truePeakDb <= kDemoCeilingDbtp + 0.1, qPrintable(measured));
    }
};

QTEST_GUILESS_MAIN(ArrangerTest)
#include "tst_arranger.moc"
