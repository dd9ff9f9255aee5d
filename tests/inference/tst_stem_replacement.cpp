// Replace one stem of a section, or add one (issue 20): with the real arranger on a real bundle, every other track
// stays bit-identical over the whole song, the replaced stem changes only inside the section and keeps its chords,
// the take records what it changed, undo restores; and the CLI's `regenerate --stems`.
#include "ArrangerSong.h"
#include "SongMix.h"

#include "core/midi/MidiFile.h"
#include "core/model/Project.h"
#include "inference/SectionRegenerator.h"
#include "inference/arranger/Arranger.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using namespace s2a::inference;
using L = core::SectionLabel;

class StemReplacementTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bundle;
    core::ProjectData m_song;

    int trackOfRole(const core::ProjectData& data, core::TrackRole role) const
    {
        for (int t = 0; t < data.tracks.size(); ++t)
            if (data.tracks[t].role == role)
                return t;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bundle = m_dir.filePath(QStringLiteral("Short.s2a"));
        auto loaded = test::writeArrangerSong(m_bundle, {{L::Intro, 2}, {L::Verse, 4}, {L::Chorus, 2}, {L::Chorus, 2}});
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        m_song = loaded.value();
        QVERIFY(trackOfRole(m_song, core::TrackRole::Bass) >= 0);
    }

    // The arranger's harmony seed: a section arranged with another seed keeps the chords of the seed it names.
    void theHarmonySeedKeepsTheChords()
    {
        auto request = requestFor(m_song, m_bundle, -1, RegenerateOptions{});
        QVERIFY(request);
        auto plan = arranger::SongPlanner::plan(request.value(), 7);
        QVERIFY(plan);
        const std::vector<quint64> old(size_t(m_song.sections.size()), 7);
        const arranger::Arranger before(plan.value(), request->sections, 44100, old);
        auto symbols = [](const arranger::Arranger& a) {
            QStringList s;
            for (const arranger::Chord& c : a.sections()[2].chords)
                s << c.symbol;
            return s.join(QLatin1Char(' '));
        };
        // A seed whose own chords differ (so the check below can fail), then the same seed with the old harmony.
        std::vector<quint64> fresh = old;
        for (fresh[2] = 900; fresh[2] < 1000; ++fresh[2])
            if (symbols(arranger::Arranger(plan.value(), request->sections, 44100, fresh)) != symbols(before))
                break;
        QVERIFY2(fresh[2] < 1000, "no seed in 900..999 changes the chorus's chords");
        const arranger::Arranger kept(plan.value(), request->sections, 44100, fresh, old);
        QCOMPARE(symbols(kept), symbols(before));
        QVERIFY(kept.parts()[0].notes.size() > 0);
    }

    void replacesOnlyTheBassOfTheVerse()
    {
        core::Project project(m_song);
        const QString chorus = findSection(m_song, QStringLiteral("verse")).value();
        const int bass = trackOfRole(m_song, core::TrackRole::Bass);
        RegenerateOptions options;
        options.seed = 4242;
        options.stems = {QStringLiteral("bass")};
        arranger::ArrangerEngine engine;
        SimpleJobControl job;
        auto take = renderTake(m_song, m_bundle, chorus, options, engine, job);
        QVERIFY2(take, qPrintable(take.errorMessage()));
        QCOMPARE(take->stems.size(), 1);
        QCOMPARE(take->stems[0].trackId, m_song.tracks[bass].id);
        QCOMPARE(take->origin.changedTracks, QStringList{m_song.tracks[bass].id});
        QVERIFY(!take->stems[0].midiFile.isEmpty());
        auto added = addRenderedTake(project, take.value());
        QVERIFY2(added, qPrintable(added.errorMessage()));
        const core::Section& s = project.data().sections[project.data().sectionIndex(chorus)];
        QCOMPARE(s.activeTake()->origin.changedTracks, QStringList{m_song.tracks[bass].id});

        // Every other track is the same over the whole song; the bass differs, inside the chorus only.
        const QVector<core::AudioBuffer> before = test::trackAudio(m_song, m_bundle), after = test::trackAudio(project.data(), m_bundle);
        QCOMPARE(after.size(), before.size());
        for (int t = 0; t < before.size(); ++t) {
            const test::SpliceCheck check = test::compareSplice({before[t]}, {after[t]}, s.start, t == bass ? s.end : s.start);
            QVERIFY2(check.changedOutside.isEmpty(), qPrintable(QStringLiteral("track %1: %2").arg(t).arg(check.changedOutside)));
            QCOMPARE(check.changedInside, t == bass);
        }
        // The verse's new bass line plays the chords the others still play: the first note of each bar (the bass
        // writer's root) is the root of the kept harmony's chord for that bar, in most bars.
        const auto midi = core::readMidiFile(QDir(core::bundle::audioDir(m_bundle)).filePath(take->stems[0].midiFile));
        QVERIFY2(midi, qPrintable(midi.errorMessage()));
        auto request = requestFor(m_song, m_bundle, -1, RegenerateOptions{});
        auto plan = arranger::SongPlanner::plan(request.value(), 7);
        const arranger::Arranger harmony(plan.value(), request->sections, 44100, std::vector<quint64>(size_t(m_song.sections.size()), 7));
        const std::vector<arranger::Chord>& chords = harmony.sections()[1].chords;
        const double bar = 2.0;  // 4/4 at 120 BPM
        int onRoot = 0;
        for (size_t b = 0; b < chords.size(); ++b) {
            const auto first = std::find_if(midi->begin(), midi->end(), [&](const core::MidiNote& n) {
                return n.startSeconds >= b * bar - 0.05 && n.startSeconds < (b + 1) * bar;
            });
            onRoot += first != midi->end() && first->pitch % 12 == chords[b].root ? 1 : 0;
        }
        QVERIFY2(onRoot * 4 >= int(chords.size()) * 3, qPrintable(QStringLiteral("%1 of %2 bars").arg(onRoot).arg(chords.size())));
        project.undoStack()->undo();
        QVERIFY(project.data() == m_song);
    }

    void addsAStemTheSongLacked()
    {
        core::Project project(m_song);
        const QString verse = findSection(m_song, QStringLiteral("chorus#1")).value();
        RegenerateOptions options;
        options.seed = 77;
        options.caption = QStringLiteral("add lush strings");
        options.stems = {QStringLiteral("strings")};
        arranger::ArrangerEngine engine;
        SimpleJobControl job;
        auto take = renderTake(m_song, m_bundle, verse, options, engine, job);
        QVERIFY2(take, qPrintable(take.errorMessage()));
        QCOMPARE(take->stems.size(), 1);
        QVERIFY(take->stems[0].role == core::TrackRole::Strings);
        QVERIFY(addRenderedTake(project, take.value()));
        QCOMPARE(project.data().tracks.size(), m_song.tracks.size() + 1);
        const QVector<core::AudioBuffer> before = test::trackAudio(m_song, m_bundle), after = test::trackAudio(project.data(), m_bundle);
        const core::Section& s = project.data().sections[project.data().sectionIndex(verse)];
        const test::SpliceCheck old = test::compareSplice(before, after.mid(0, before.size()), 0, 0);
        QVERIFY2(old.changedOutside.isEmpty(), qPrintable(old.changedOutside));  // every old track, everywhere
        const test::SpliceCheck strings = test::compareSplice({}, {after.last()}, s.start, s.end);
        QVERIFY2(strings.changedOutside.isEmpty() && strings.changedInside, qPrintable(strings.changedOutside));

        // An instrument neither the song nor the engine has is named in the refusal.
        options.caption.reset();
        options.stems = {QStringLiteral("tuba")};
        QVERIFY(renderTake(m_song, m_bundle, verse, options, engine, job).errorMessage().contains(QLatin1String("\"tuba\"")));
    }

    void theCliReplacesAStem()
    {
        QTemporaryDir dir;
        const QString song = dir.filePath(QStringLiteral("Song.s2a"));
        QVERIFY(core::bundle::copyReferencedAudio(m_song, m_bundle, song));
        QVERIFY(core::bundle::save(m_song, song));
        auto run = [&](const QStringList& args) {
            QProcess p;
            p.start(QStringLiteral(S2A_CLI_PATH), QStringList{QStringLiteral("regenerate"), song} + args);
            p.waitForFinished(120000);
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        QCOMPARE(run({QStringLiteral("--stems"), QStringLiteral("bass"), QStringLiteral("--from"), QStringLiteral("1"),
                      QStringLiteral("--to"), QStringLiteral("3")}).first, 2);
        const auto ran = run({QStringLiteral("--section"), QStringLiteral("intro"), QStringLiteral("--stems"), QStringLiteral("drums"),
                              QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--quiet")});
        QVERIFY2(ran.first == 0, qPrintable(ran.second));
        const auto loaded = core::bundle::load(song);
        QVERIFY(loaded);
        const int drums = trackOfRole(m_song, core::TrackRole::Drums);
        QCOMPARE(loaded->sections[0].activeTake()->origin.changedTracks, QStringList{m_song.tracks[drums].id});
    }
};

QTEST_GUILESS_MAIN(StemReplacementTest)
#include "tst_stem_replacement.moc"
