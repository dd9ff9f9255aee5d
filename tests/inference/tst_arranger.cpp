// The arranger engine end to end: real FluidSynth renders of short songs, measured.
#include "AudioMeasures.h"
#include "SongMix.h"

#include "core/export/ExportFileWriter.h"
#include "core/model/ChordSymbol.h"
#include "core/persistence/ProjectBundle.h"
#include "core/playback/AudioPool.h"
#include "core/playback/MixRenderer.h"
#include "core/playback/PlanBuilder.h"
#include "inference/arranger/Arranger.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/DemoSong.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/SectionRegenerator.h"

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

    // A chord lane that changes on beat 3 (C | G, Am | F, ...): the bass plays the second chord's root from beat 3,
    // and every comping note that starts in a bar's second half is a tone of its second chord, in a pattern
    // style (pop: piano, pads, strings) and a walking-bass one (jazz).
    void followsTheLaneWithinTheBar_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::newRow("pop") << QStringLiteral("pop with piano, pads, strings, bass and drums");
        QTest::newRow("jazz, walking bass") << QStringLiteral("jazz with piano, upright bass and drums");
    }
    void followsTheLaneWithinTheBar()
    {
        QFETCH(QString, caption);
        GenerationRequest r = song(caption, 100, {{L::Verse, 4}, {L::Chorus, 4}});
        r.key = QStringLiteral("C major");
        const qint64 bar = r.sections.back().end / 8, half = bar / 2;
        const QStringList names{QStringLiteral("C"), QStringLiteral("G"), QStringLiteral("Am"), QStringLiteral("F")};
        for (int b = 0; b < 8; ++b) {
            r.chords.append({qint64(b) * bar, names[(2 * b) % 4]});
            r.chords.append({qint64(b) * bar + half, names[(2 * b + 1) % 4]});
        }
        auto plan = SongPlanner::plan(r, r.seed);
        QVERIFY2(plan, qPrintable(plan.errorMessage()));
        const Arranger a(plan.value(), r.sections, r.sampleRate, std::vector<quint64>(size_t(r.sections.size()), r.seed));
        const auto pcsOf = [](const QString& name) {
            const core::ChordSymbol chord = *core::parseChordSymbol(name);
            std::vector<int> pcs;
            for (int i : chord.intervals())
                pcs.push_back((chord.root + i) % 12);
            return pcs;
        };
        int bassChecked = 0, compingChecked = 0, bassWrong = 0, compingWrong = 0;
        for (const StemPart& part : a.parts()) {
            const R role = part.instrument.role;
            if (role == R::Drums || role == R::Lead)
                continue;
            for (const NoteEvent& n : part.notes) {
                // Where the note starts in its bar, in beats (the humaniser moves notes by a few hundredths).
                const qint64 at = a.timeline().tickToSample(n.tick);
                const int b = int((at + bar / 40) / bar);
                const double beat = double(at - qint64(b) * bar) / double(bar / 4);
                if (beat > 3.7)
                    continue;  // a push into the next bar
                const bool late = beat > 1.9;
                const QString name = names[(2 * b + (late ? 1 : 0)) % 4];
                const auto pcs = pcsOf(name);
                const int pc = n.pitch % 12;
                if (role == R::Bass) {
                    if (std::abs(beat - 2.0) > 0.1)
                        continue;  // judged on beat 3 itself, where the second chord starts
                    ++bassChecked;
                    bassWrong += pc != core::parseChordSymbol(name)->root ? 1 : 0;
                } else if (late) {
                    ++compingChecked;
                    compingWrong += std::find(pcs.begin(), pcs.end(), pc) == pcs.end() ? 1 : 0;
                }
            }
        }
        qInfo("%s: bass on beat 3 off the second root %d of %d; comping notes in second halves off its chord %d of %d",
              qPrintable(caption), bassWrong, bassChecked, compingWrong, compingChecked);
        QVERIFY(bassChecked >= 6 && compingChecked >= 20);
        QCOMPARE(bassWrong, 0);
        QCOMPARE(compingWrong, 0);
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

    // Through the real path, as the CLI and the editor do it: the song written as a bundle, its chorus regenerated
    // into a new take by regenerateSection, and the mix rendered by the playback renderer before and after. Outside
    // the chorus every sample is bit-identical, inside it differs, and neither seam clicks. (The test used to paste
    // the engine's section into the old audio itself and compare that: it could not fail.)
    void regenerationChangesOnlyTheSectionWithoutClicks()
    {
        const auto r = song(QStringLiteral("pop with piano and strings"), 112, {{L::Verse, 4}, {L::Chorus, 4}, {L::Verse, 4}}, 21);
        QTemporaryDir dir;
        const QString bundlePath = dir.filePath(QStringLiteral("Song.s2a"));
        auto written = writeSongBundle(bundlePath, QStringLiteral("Song"), r, render(r));
        QVERIFY2(written, qPrintable(written.errorMessage()));
        core::Project project(written->data);
        const QString chorusId = project.data().sections[1].id;
        RegenerateOptions options;
        options.seed = 99;
        options.caption = QStringLiteral("big, powerful");
        ArrangerEngine engine;
        SimpleJobControl job;
        const auto take = regenerateSection(project, bundlePath, chorusId, options, engine, job);
        QVERIFY2(take, qPrintable(take.errorMessage()));
        const core::Section& chorus = project.data().sections[1];
        QCOMPARE(chorus.activeTakeId, take.value());
        QCOMPARE(chorus.takes.size(), 2);

        const core::AudioBuffer before = test::renderSongMix(written->data, bundlePath);
        const core::AudioBuffer after = test::renderSongMix(project.data(), bundlePath);
        QCOMPARE(after.frames(), before.frames());
        bool changed = false;
        for (int c = 0; c < 2; ++c) {
            const auto& b = before.channels[size_t(c)];
            const auto& a = after.channels[size_t(c)];
            QVERIFY2(std::equal(b.begin(), b.begin() + chorus.start, a.begin()), "changed before the chorus");
            QVERIFY2(std::equal(b.begin() + chorus.end, b.end(), a.begin() + chorus.end), "changed after the chorus");
            changed = changed || !std::equal(b.begin() + chorus.start, b.begin() + chorus.end, a.begin() + chorus.start);
        }
        QVERIFY(changed);
        // No click at either seam: the jump across it is no bigger than the steps the music itself makes around
        // it (plus a small floor for near-silence).
        for (qint64 seam : {chorus.start, chorus.end}) {
            const double jump = test::maxStep(after, seam, seam + 1);
            const double local = test::maxStep(before, seam - 2205, seam + 2205);
            QVERIFY2(jump <= 1.5 * local + 0.01, qPrintable(QStringLiteral("seam at %1: jump %2, music %3").arg(seam).arg(jump).arg(local)));
        }
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
        const core::AudioBuffer rendered = test::renderSongMix(data, path);
        core::LoudnessMeter meter(data.settings.sampleRate, false);
        meter.add(rendered.channels[0].data(), rendered.channels[1].data(), int(rendered.frames()));
        const core::LoudnessMeasurement mix = meter.result();
        const QString measured = QStringLiteral("%1 LUFS, %2 dBTP").arg(mix.integratedLufs).arg(mix.truePeakDb);
        QVERIFY2(mix.integratedLufs >= kDemoLufs - 1.0 && mix.integratedLufs <= kDemoLufs + 1.0, qPrintable(measured));
        QVERIFY2(mix.truePeakDb <= kDemoCeilingDbtp + 0.1, qPrintable(measured));
    }
};

QTEST_GUILESS_MAIN(ArrangerTest)
#include "tst_arranger.moc"
