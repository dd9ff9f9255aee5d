// Repaint of any time range (issue 21, ACE-Step's repaint): the plan the engine gets, the refusals, a range across
// a section boundary through the generation worker with the real arranger on a real bundle (bit-identical outside
// the range, one undo step), and the CLI's `regenerate --from --to`.
#include "SongMix.h"

#include "core/export/Exporter.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/GenerationWorker.h"
#include "inference/RangeRepainter.h"
#include "ArrangerSong.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using namespace s2a::inference;
using L = core::SectionLabel;

class RangeRepaintTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bundle;
    core::ProjectData m_song;
    static constexpr int kRate = 44100;

    // 2 + 4 + 2 + 2 bars at 120 BPM: intro 0-4 s, verse 4-12 s, chorus 12-16 s, chorus 16-20 s.
    static core::SampleCount at(double seconds) { return core::SampleCount(seconds * kRate); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bundle = m_dir.filePath(QStringLiteral("Short.s2a"));
        auto loaded = test::writeArrangerSong(m_bundle, {{L::Intro, 2}, {L::Verse, 4}, {L::Chorus, 2}, {L::Chorus, 2}});
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        m_song = loaded.value();
        QCOMPARE(m_song.sections[1].start, at(4));
        QCOMPARE(m_song.sections[2].start, at(12));
    }

    // The engine regenerates the range as a section of its own, cut out of the sections around it, with the
    // label and caption of the section holding its middle.
    void thePlanCutsTheSectionsAtTheRange()
    {
        auto request = requestFor(m_song, m_bundle, -1, RegenerateOptions{});
        QVERIFY(request);
        int target = -2;
        const QVector<SectionPlan> plan = repaintPlan(request->sections, {at(10), at(14)}, target);
        QCOMPARE(plan.size(), 5);  // intro, verse head, range, chorus tail, chorus
        QCOMPARE(target, 2);
        QCOMPARE(plan[1].id, m_song.sections[1].id);
        QCOMPARE(plan[1].end, at(10));
        QCOMPARE(plan[2].start, at(10));
        QCOMPARE(plan[2].end, at(14));
        QVERIFY(plan[2].label == L::Chorus);  // its middle, 12 s, is the chorus's first sample
        QCOMPARE(plan[2].caption, m_song.sections[2].caption);
        QCOMPARE(plan[3].start, at(14));
        QCOMPARE(plan[3].end, at(16));
        for (int i = 1; i < plan.size(); ++i)
            QCOMPARE(plan[i].start, plan[i - 1].end);
        // A range inside one section cuts it in three.
        const QVector<SectionPlan> inside = repaintPlan(request->sections, {at(5), at(7)}, target);
        QCOMPARE(inside.size(), 6);
        QCOMPARE(target, 2);
        QVERIFY(inside[2].label == L::Verse);
    }

    void refusesRangesThatCannotBeRepainted()
    {
        QVERIFY(checkRepaintRange(m_song, {at(10), at(14)}));
        QVERIFY(checkRepaintRange(m_song, {0, m_song.length()}));
        QVERIFY(checkRepaintRange(m_song, {at(19), m_song.length() + 1}).errorMessage().contains(QLatin1String("not inside")));
        QVERIFY(checkRepaintRange(m_song, {at(3), at(3)}).errorMessage().contains(QLatin1String("not inside")));
        QVERIFY(checkRepaintRange(m_song, {at(3), at(3.2)}).errorMessage().contains(QLatin1String("too short")));
        core::ProjectData locked = m_song;
        locked.sections[2].locked = true;
        QVERIFY(checkRepaintRange(locked, {at(10), at(14)}).errorMessage().contains(QLatin1String("locked")));
        QVERIFY(checkRepaintRange(locked, {at(5), at(11)}));
        // The engine is never asked for a refused range.
        arranger::ArrangerEngine engine;
        SimpleJobControl job;
        QVERIFY(!renderRepaint(locked, m_bundle, {at(10), at(14)}, RegenerateOptions{}, engine, job));
        QCOMPARE(job.lastFraction, 0.0);
    }

    void theWorkerRepaintsARangeAcrossTwoSections()
    {
        GenerationWorker worker;
        QSignalSpy finished(&worker, &GenerationWorker::jobFinished);
        QSignalSpy failed(&worker, &GenerationWorker::jobFailed);
        GenerationJob job;
        job.snapshot = m_song;
        job.bundlePath = m_bundle;
        job.range = RepaintRange{at(10), at(14)};
        job.options.seed = 31;
        const int id = worker.enqueue(job);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() == 1, 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(finished.first().at(0).toInt(), id);
        const auto takes = finished.first().at(1).value<RenderedTakes>();
        QCOMPARE(takes.size(), 2);
        QCOMPARE(takes[0].sectionId, m_song.sections[1].id);
        QCOMPARE(takes[1].sectionId, m_song.sections[2].id);
        QCOMPARE(takes[0].start, at(10));
        QCOMPARE(takes[0].end, at(12));
        QCOMPARE(takes[1].start, at(12));
        QCOMPARE(takes[1].end, at(14));
        QCOMPARE(takes[0].origin.seed, quint64(31));
        QVERIFY(!takes[0].caption);  // no section's caption changes

        core::Project project(m_song);
        auto ids = addRenderedTakes(project, takes, QStringLiteral("Repaint"));
        QVERIFY2(ids, qPrintable(ids.errorMessage()));
        QCOMPARE(project.undoStack()->count(), 1);
        const core::ProjectData& now = project.data();
        QCOMPARE(now.sections[1].activeTakeId, ids->at(0));
        QCOMPARE(now.sections[2].activeTakeId, ids->at(1));
        QCOMPARE(now.sections[1].activeTake()->name, QStringLiteral("Repaint 0:10.0–0:14.0"));
        QVERIFY(now.sections[0] == m_song.sections[0]);
        QVERIFY(now.sections[3] == m_song.sections[3]);
        // Bit-identical outside the range, new inside it.
        const test::SpliceCheck splice = test::compareSplice(test::trackAudio(m_song, m_bundle), test::trackAudio(now, m_bundle), at(10), at(14));
        QVERIFY2(splice.changedOutside.isEmpty(), qPrintable(splice.changedOutside));
        QVERIFY(splice.changedInside);
        // The seams meet: the range's first and last samples are (almost exactly) the old audio, from which the
        // crossfade leads in and out.
        const core::AudioBuffer mix = test::renderSongMix(now, m_bundle), old = test::renderSongMix(m_song, m_bundle);
        for (core::SampleCount seam : {at(10), at(14) - 1}) {
            const float jump = std::abs(mix.channels[0][size_t(seam)] - old.channels[0][size_t(seam)]);
            QVERIFY2(jump < 0.001f, qPrintable(QStringLiteral("%1 at %2").arg(double(jump)).arg(seam)));
        }
        // The arranger's notes come with its takes, the repaint's re-timed to each section's part; the export
        // joins them per track.
        for (const core::Section& s : m_song.sections)
            for (const core::AudioClip& c : s.activeTake()->clips)
                QVERIFY2(!c.midiFile.isEmpty(), qPrintable(c.file));
        for (int i : {1, 2}) {
            int withMidi = 0;
            for (const core::AudioClip& c : now.sections[i].activeTake()->clips)
                withMidi += c.timelineStart >= at(10) && c.timelineEnd() <= at(14) && !c.midiFile.isEmpty() ? 1 : 0;
            QVERIFY2(withMidi >= 2, qPrintable(QString::number(withMidi)));
        }
        core::ExportOptions midi;
        midi.what = core::ExportWhat::Mix;
        midi.midi = true;
        SimpleJobControl exportJob;
        auto exported = core::exportSong(now, m_bundle, m_dir.filePath(QStringLiteral("midi")), midi, exportJob);
        QVERIFY2(exported, qPrintable(exported.errorMessage()));
        QVERIFY2(exported->files.size() >= 3, qPrintable(QString::number(exported->files.size())));

        project.undoStack()->undo();
        QVERIFY(project.data() == m_song);
    }

    void theCliRepaintsWithFromAndTo()
    {
        QTemporaryDir dir;
        const QString song = dir.filePath(QStringLiteral("Song.s2a"));
        QVERIFY(core::bundle::save(m_song, song));
        QDir().mkpath(core::bundle::audioDir(song));
        for (const core::Section& s : m_song.sections)
            for (const core::Take& t : s.takes)
                for (const core::AudioClip& c : t.clips)
                    QFile::copy(QDir(core::bundle::audioDir(m_bundle)).filePath(c.file), QDir(core::bundle::audioDir(song)).filePath(c.file));
        auto run = [&](const QStringList& args) {
            QProcess p;
            p.start(QStringLiteral(S2A_CLI_PATH), QStringList{QStringLiteral("regenerate"), song} + args);
            p.waitForFinished(120000);
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        const auto both = run({QStringLiteral("--section"), QStringLiteral("verse"), QStringLiteral("--from"), QStringLiteral("5"),
                               QStringLiteral("--to"), QStringLiteral("7")});
        QCOMPARE(both.first, 2);
        const auto tooShort = run({QStringLiteral("--from"), QStringLiteral("5"), QStringLiteral("--to"), QStringLiteral("5.2")});
        QCOMPARE(tooShort.first, 2);
        QVERIFY2(tooShort.second.contains(QLatin1String("too short")), qPrintable(tooShort.second));
        const auto past = run({QStringLiteral("--from"), QStringLiteral("5"), QStringLiteral("--to"), QStringLiteral("99")});
        QCOMPARE(past.first, 2);
        QVERIFY(core::bundle::load(song).value() == m_song);

        const auto ran = run({QStringLiteral("--from"), QStringLiteral("3"), QStringLiteral("--to"), QStringLiteral("6"),
                              QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("--quiet"), QStringLiteral("--json")});
        QVERIFY2(ran.first == 0, qPrintable(ran.second));
        const QJsonArray takes = QJsonDocument::fromJson(ran.second.toUtf8()).object().value(QStringLiteral("takes")).toArray();
        QCOMPARE(takes.size(), 2);
        const auto loaded = core::bundle::load(song);
        QVERIFY(loaded);
        QCOMPARE(loaded->sections[0].activeTakeId, takes[0].toObject().value(QStringLiteral("take")).toString());
        QCOMPARE(loaded->sections[1].activeTakeId, takes[1].toObject().value(QStringLiteral("take")).toString());
        QCOMPARE(loaded->sections[1].activeTake()->origin.seed, quint64(4));
        const test::SpliceCheck splice = test::compareSplice(test::trackAudio(m_song, song), test::trackAudio(loaded.value(), song), at(3), at(6));
        QVERIFY2(splice.changedOutside.isEmpty(), qPrintable(splice.changedOutside));
        QVERIFY(splice.changedInside);
    }
};

QTEST_GUILESS_MAIN(RangeRepaintTest)
#include "tst_range_repaint.moc"
