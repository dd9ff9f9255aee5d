// The model's invariants and every editing operation, through the public Project API.
#include "TestProjects.h"

#include "core/model/Project.h"
#include "core/model/ProjectValidator.h"
#include "core/audio/Resampler.h"
#include "core/playback/PlanBuilder.h"
#include "core/util/SampleRateMath.h"
#include "core/model/SectionEdits.h"

#include <QSignalSpy>
#include <QtTest>

using namespace s2a;
using namespace s2a::core;

namespace {

QString firstIssue(const ProjectData& d)
{
    const auto issues = validateProject(d);
    return issues.isEmpty() ? QString() : issues.first().path + QStringLiteral(": ") + issues.first().message;
}

const SampleCount kSec = 44100;

}  // namespace

class ProjectModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newSongIsValid()
    {
        const ProjectData d = ProjectData::createNew(QStringLiteral("x"), 48000, 48000 * 30);
        QCOMPARE(firstIssue(d), QString());
        QCOMPARE(d.sections.size(), 1);
        QCOMPARE(d.length(), SampleCount(48000 * 30));
        QCOMPARE(firstIssue(test::makeSong()), QString());
    }

    void validatorNamesEachBrokenRule_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("gap") << 0 << "$.sections[1].start: starts at 352801, leaving a gap after 352800";
        QTest::newRow("overlap") << 1 << "$.sections[1].start: starts at 352799, overlapping";
        QTest::newRow("too short") << 2 << "$.sections[0].end: section is 100 samples long; the minimum is 44100";
        QTest::newRow("duplicate id") << 3 << "$.sections[1].id: id \"sec-0\" is used twice";
        QTest::newRow("active take") << 4 << "$.sections[0].activeTake: \"nope\" is not one of the section's takes";
        QTest::newRow("clip track") << 5 << "$.sections[0].takes[0].clips[0].track: track \"ghost\" does not exist";
        QTest::newRow("key") << 6 << "$.key: \"H major\" is not a key";
        QTest::newRow("colour") << 7 << "$.tracks[0].colour: \"red\" is not a #rrggbb colour";
        QTest::newRow("gain") << 8 << "$.tracks[0].gainDb: 30 is outside -96..24";
        QTest::newRow("pan") << 9 << "$.tracks[0].pan: 1.5 is outside -1..1";
        QTest::newRow("energy") << 10 << "$.sections[2].energy: -0.1 is outside 0..1";
        QTest::newRow("rating") << 11 << "$.sections[0].takes[1].rating: rating 6 is outside 0..5";
        QTest::newRow("marker") << 12 << "$.markers[0].position: 99999999 is outside the song";
        QTest::newRow("no sections") << 13 << "$.sections: a song needs at least one section";
        QTest::newRow("first start") << 14 << "$.sections[0].start: starts at 5";
        QTest::newRow("tempo") << 15 << "$.tempo: 1000 is outside 20..400";
        QTest::newRow("time signature") << 16 << "$.timeSignature: 7/6 is not a time signature";
        QTest::newRow("clip file") << 17 << "$.sections[0].takes[0].clips[0].file: \"../x.flac\" is not a file name";
        // Issue 19: hostile numbers are refused before anything multiplies them.
        QTest::newRow("endless song") << 18 << "$.sections[2].end: ends at 9007199254740992 samples, past the longest song a project may hold (4 hours, 635040000 samples)";
        QTest::newRow("endless clip") << 19 << "$.sections[0].takes[0].clips[0].length: 1000000000000000 samples is past the longest song";
        QTest::newRow("sample rate") << 20 << "$.sampleRate: sample rate 1000000 Hz is not supported";
    }

    void validatorNamesEachBrokenRule()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        ProjectData d = test::makeSong();
        switch (which) {
        case 0: d.sections[1].start += 1; break;
        case 1: d.sections[1].start -= 1; break;
        case 2: d.sections[0].end = 100; d.sections[1].start = 100; break;
        case 3: d.sections[1].id = d.sections[0].id; break;
        case 4: d.sections[0].activeTakeId = QStringLiteral("nope"); break;
        case 5: d.sections[0].takes[0].clips[0].trackId = QStringLiteral("ghost"); break;
        case 6: d.settings.key = QStringLiteral("H major"); break;
        case 7: d.tracks[0].colour = QStringLiteral("red"); break;
        case 8: d.tracks[0].gainDb = 30; break;
        case 9: d.tracks[0].pan = 1.5; break;
        case 10: d.sections[2].energy = -0.1; break;
        case 11: d.sections[0].takes[1].rating = 6; break;
        case 12: d.markers[0].position = 99999999; break;
        case 13: d.sections.clear(); break;
        case 14: d.sections[0].start = 5; break;
        case 15: d.settings.tempo = 1000; break;
        case 16: d.settings.timeSignature = {7, 6}; break;
        case 17: d.sections[0].takes[0].clips[0].file = QStringLiteral("../x.flac"); break;
        case 18: d.sections[2].end = 9007199254740992LL; break;
        case 19: d.sections[0].takes[0].clips[0].length = 1000000000000000LL; break;
        case 20: d.settings.sampleRate = 1000000; break;
        }
        const QString issue = firstIssue(d);
        QVERIFY2(issue.startsWith(expected), qPrintable(issue));
    }

    // Issue 19: rate conversion rounds like llround and saturates instead of overflowing 64 bits.
    void rateConversionNeverOverflows()
    {
        QCOMPARE(rescaleSamples(44100, 44100, 48000), qint64(48000));
        QCOMPARE(rescaleSamples(1, 2, 3), qint64(2));     // 1.5 rounds up
        QCOMPARE(rescaleSamples(-1, 2, 3), qint64(-2));   // half away from zero
        QCOMPARE(rescaleSamples(7, 3, 1), qint64(2));     // 2.33
        // 9007199254740992 * 384000 needs 72 bits; the exact quotient by 44100 still fits.
        QCOMPARE(rescaleSamples(9007199254740992LL, 44100, 384000), qint64(78430034326996393LL));
        QCOMPARE(rescaleSamples(std::numeric_limits<qint64>::max(), 8000, 384000), std::numeric_limits<qint64>::max());
        QCOMPARE(rescaleSamples(std::numeric_limits<qint64>::min(), 8000, 384000), std::numeric_limits<qint64>::min());
        QCOMPARE(rescaleSamples(5, 0, 48000), qint64(0));
        QCOMPARE(toOutputRate(9007199254740992LL, 44100, 384000), qint64(78430034326996393LL));
        QCOMPARE(Resampler::outputLength(9007199254740992LL, 44100, 384000), qint64(78430034326996393LL));
    }

    void sectionIndexAtFindsTheSectionUnderAPosition()
    {
        const ProjectData d = test::makeSong(1, 4, 0);
        QCOMPARE(d.sectionIndexAt(0), 0);
        QCOMPARE(d.sectionIndexAt(8 * kSec - 1), 0);
        QCOMPARE(d.sectionIndexAt(8 * kSec), 1);
        QCOMPARE(d.sectionIndexAt(32 * kSec - 1), 3);
        QCOMPARE(d.sectionIndexAt(32 * kSec), -1);
        QCOMPARE(d.sectionIndexAt(-1), -1);
    }

    void splitKeepsTakesAndCoversTheSameSpan()
    {
        Project p(test::makeSong());
        QSignalSpy spy(&p, &Project::sectionsReplaced);
        const Section before = p.data().sections[1];
        QVERIFY(p.splitSection(QStringLiteral("sec-1"), before.start + 3 * kSec));
        QCOMPARE(p.data().sections.size(), 5);
        const Section& l = p.data().sections[1];
        const Section& r = p.data().sections[2];
        QCOMPARE(l.start, before.start);
        QCOMPARE(l.end, before.start + 3 * kSec);
        QCOMPARE(r.start, l.end);
        QCOMPARE(r.end, before.end);
        QCOMPARE(l.id, before.id);
        QVERIFY(r.id != l.id);
        QCOMPARE(l.takes.size(), before.takes.size());
        QCOMPARE(r.takes.size(), before.takes.size());
        QCOMPARE(r.takes[0].clips, before.takes[0].clips);
        QVERIFY(r.takes[0].id != before.takes[0].id);
        QCOMPARE(r.activeTake()->clips, before.activeTake()->clips);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0], (QVariantList{1, 1, 2}));
        QCOMPARE(firstIssue(p.data()), QString());
    }

    void splitRefusesTooShortPartsAndLockedSections()
    {
        Project p(test::makeSong());
        const SampleCount start = p.data().sections[0].start;
        QVERIFY(!p.splitSection(QStringLiteral("sec-0"), start + kSec / 2));
        QVERIFY(!p.splitSection(QStringLiteral("sec-0"), start + 8 * kSec - 10));
        QVERIFY(!p.splitSection(QStringLiteral("nope"), start + 4 * kSec));
        QVERIFY(p.setSectionLocked(QStringLiteral("sec-0"), true));
        const Status locked = p.splitSection(QStringLiteral("sec-0"), start + 4 * kSec);
        QVERIFY(!locked);
        QVERIFY2(locked.errorMessage().contains(QLatin1String("locked")), qPrintable(locked.errorMessage()));
        QCOMPARE(p.data().sections.size(), 4);
    }

    void mergeIsInaudibleAndKeepsEveryTake()
    {
        Project p(test::makeSong(2, 3, 2));
        const Section a = p.data().sections[0];
        const Section b = p.data().sections[1];
        QVERIFY(p.mergeWithNext(QStringLiteral("sec-0")));
        QCOMPARE(p.data().sections.size(), 2);
        const Section& m = p.data().sections[0];
        QCOMPARE(m.start, a.start);
        QCOMPARE(m.end, b.end);
        QVERIFY(m.label == a.label);
        QCOMPARE(m.takes.size(), a.takes.size() + b.takes.size() + 1);
        const Take* active = m.activeTake();
        QVERIFY(active);
        QCOMPARE(active->origin.engine, QStringLiteral("merge"));
        QVector<AudioClip> expected = a.activeTake()->clips;
        expected += b.activeTake()->clips;
        QCOMPARE(active->clips, expected);
        QVERIFY(!p.mergeWithNext(p.data().sections.last().id));
        QCOMPARE(firstIssue(p.data()), QString());
    }

    void mergeTrimsClipsThatReachIntoTheNeighbour()
    {
        Section a;
        a.id = QStringLiteral("a");
        a.start = 0;
        a.end = 10 * kSec;
        Take t;
        t.id = QStringLiteral("t");
        t.clips.append({QStringLiteral("trk"), QStringLiteral("f.flac"), 0, 0, 12 * kSec});  // 2 s handle
        a.takes.append(t);
        a.activeTakeId = t.id;
        Section b;
        b.id = QStringLiteral("b");
        b.start = a.end;
        b.end = 20 * kSec;
        auto merged = SectionEdits::merge(a, b);
        QVERIFY(merged);
        QCOMPARE(merged->activeTake()->clips.size(), 1);
        QCOMPARE(merged->activeTake()->clips[0].length, 10 * kSec);
    }

    void boundaryMoveShrinksOneNeighbourAndGrowsTheOther()
    {
        Project p(test::makeSong());
        const SampleCount oldEnd = p.data().sections[0].end;
        QVERIFY(p.moveBoundary(QStringLiteral("sec-0"), oldEnd - 2 * kSec));
        QCOMPARE(p.data().sections[0].end, oldEnd - 2 * kSec);
        QCOMPARE(p.data().sections[1].start, oldEnd - 2 * kSec);
        QCOMPARE(p.data().sections[1].end, 2 * oldEnd);
        QVERIFY(!p.moveBoundary(QStringLiteral("sec-0"), kSec / 2));          // left too short
        QVERIFY(!p.moveBoundary(QStringLiteral("sec-0"), 2 * oldEnd - 10));   // right too short
        QVERIFY(!p.moveBoundary(QStringLiteral("sec-3"), 40 * kSec));         // last section: song end
        QVERIFY(p.setSectionLocked(QStringLiteral("sec-1"), true));
        QVERIFY(!p.moveBoundary(QStringLiteral("sec-0"), oldEnd));
        QCOMPARE(firstIssue(p.data()), QString());
    }

    void sectionMetadataEdits()
    {
        Project p(test::makeSong());
        QVERIFY(p.setSectionLabel(QStringLiteral("sec-0"), SectionLabel::Custom, QStringLiteral("Riff")));
        QCOMPARE(p.data().sections[0].displayName(), QStringLiteral("Riff"));
        QVERIFY(p.setSectionLabel(QStringLiteral("sec-0"), SectionLabel::Chorus, QStringLiteral("ignored")));
        QCOMPARE(p.data().sections[0].customLabel, QString());
        QVERIFY(p.setSectionCaption(QStringLiteral("sec-0"), QStringLiteral("big hats")));
        QCOMPARE(p.data().sections[0].caption, QStringLiteral("big hats"));
        QVERIFY(p.setSectionTags(QStringLiteral("sec-0"), {QStringLiteral("hats")}));
        QCOMPARE(p.data().sections[0].tags, QStringList{QStringLiteral("hats")});
        QVERIFY(p.setSectionEnergy(QStringLiteral("sec-0"), 0.9));
        QCOMPARE(p.data().sections[0].energy, 0.9);
        QVERIFY(!p.setSectionEnergy(QStringLiteral("sec-0"), 1.2));
        QCOMPARE(p.data().sections[0].energy, 0.9);
        QVERIFY(!p.setSectionCaption(QStringLiteral("missing"), QStringLiteral("x")));
    }

    void takesAreAppendedAndNeverLost()
    {
        Project p(test::makeSong(2, 2, 1));
        Take take;
        take.origin.engine = QStringLiteral("arranger");
        take.clips.append({QStringLiteral("trk-0"), QStringLiteral("new.flac"), 0, 0, 8 * kSec});
        QVERIFY(p.addTake(QStringLiteral("sec-0"), take));
        const Section& s = p.data().sections[0];
        QCOMPARE(s.takes.size(), 2);
        QCOMPARE(s.activeTakeId, s.takes[1].id);
        QVERIFY(!s.takes[1].id.isEmpty());
        QCOMPARE(s.takes[1].name, QStringLiteral("Take 2"));

        QVERIFY(p.setActiveTake(QStringLiteral("sec-0"), s.takes[0].id));
        QCOMPARE(p.data().sections[0].activeTakeId, p.data().sections[0].takes[0].id);
        QVERIFY(!p.setActiveTake(QStringLiteral("sec-0"), QStringLiteral("ghost")));
        QVERIFY(p.rateTake(QStringLiteral("sec-0"), p.data().sections[0].takes[1].id, 5));
        QCOMPARE(p.data().sections[0].takes[1].rating, 5);
        QVERIFY(!p.rateTake(QStringLiteral("sec-0"), p.data().sections[0].takes[1].id, 6));

        Take bad;
        bad.clips.append({QStringLiteral("ghost-track"), QStringLiteral("x.flac"), 0, 0, 10});
        QVERIFY(!p.addTake(QStringLiteral("sec-0"), bad));

        // A locked section takes no new takes and keeps its active one, but can still be rated.
        QVERIFY(p.setSectionLocked(QStringLiteral("sec-1"), true));
        QVERIFY(!p.addTake(QStringLiteral("sec-1"), take));
        QVERIFY(p.rateTake(QStringLiteral("sec-1"), p.data().sections[1].takes[0].id, 3));
        QCOMPARE(p.data().sections[1].takes.size(), 1);
    }

    void removingATrackKeepsTakesButDropsItsClips()
    {
        Project p(test::makeSong(3, 2, 2));
        QSignalSpy reset(&p, &Project::tracksReset);
        QVERIFY(p.removeTrack(QStringLiteral("trk-1")));
        QCOMPARE(p.data().tracks.size(), 2);
        QCOMPARE(reset.size(), 1);
        for (const Section& s : p.data().sections) {
            QCOMPARE(s.takes.size(), 2);
            for (const Take& t : s.takes) {
                QCOMPARE(t.clips.size(), 2);
                for (const AudioClip& c : t.clips)
                    QVERIFY(c.trackId != QLatin1String("trk-1"));
            }
        }
        QVERIFY(!p.removeTrack(QStringLiteral("trk-1")));
    }

    void trackEdits()
    {
        Project p(test::makeSong(2, 1, 0));
        Track t;
        t.name = QStringLiteral("Brass");
        t.role = TrackRole::Lead;
        QVERIFY(p.addTrack(t, 0));
        QCOMPARE(p.data().tracks.size(), 3);
        const QString id = p.data().tracks[0].id;
        QVERIFY(id.startsWith(QLatin1String("trk-")));
        QSignalSpy changed(&p, &Project::trackChanged);
        QVERIFY(p.setTrackGain(id, -6.0));
        QVERIFY(p.setTrackPan(id, -1.0));
        QVERIFY(p.setTrackMute(id, true));
        QVERIFY(p.setTrackSolo(id, true));
        QVERIFY(p.setTrackColour(id, QStringLiteral("#ff8800")));
        QVERIFY(p.setTrackName(id, QStringLiteral("Horns")));
        QCOMPARE(changed.size(), 6);
        const Track& r = p.data().tracks[0];
        QCOMPARE(r.gainDb, -6.0);
        QCOMPARE(r.pan, -1.0);
        QVERIFY(r.mute && r.solo);
        QCOMPARE(r.colour, QStringLiteral("#ff8800"));
        QCOMPARE(r.name, QStringLiteral("Horns"));
        QVERIFY(!p.setTrackGain(id, 40.0));
        QVERIFY(!p.setTrackPan(id, -1.01));
        QVERIFY(!p.setTrackColour(id, QStringLiteral("orange")));
        QVERIFY(!p.setTrackGain(QStringLiteral("nope"), 0.0));
    }

    void projectSettingsEdits()
    {
        Project p(test::makeSong());
        QSignalSpy spy(&p, &Project::settingsChanged);
        QVERIFY(p.setTempo(92.5));
        QVERIFY(p.setKey(QStringLiteral("D minor")));
        QVERIFY(p.setCaption(QStringLiteral("dark lo-fi")));
        QVERIFY(p.setTitle(QStringLiteral("New")));
        QVERIFY(p.setTimeSignature({3, 4}));
        QVERIFY(p.setSeed(42));
        QCOMPARE(spy.size(), 6);
        QCOMPARE(p.data().settings.tempo, 92.5);
        QCOMPARE(p.data().settings.key, QStringLiteral("D minor"));
        QVERIFY(!p.setTempo(5.0));
        QVERIFY(!p.setKey(QStringLiteral("D dorian minor")));
        QVERIFY(!p.setTimeSignature({4, 3}));
        QCOMPARE(spy.size(), 6);
        // Setting a value to what it already is adds no undo step.
        const int steps = p.undoStack()->count();
        QVERIFY(p.setTempo(92.5));
        QCOMPARE(p.undoStack()->count(), steps);
    }

    // Markers: added, named, moved (a drag is one undo step), deleted; kept in time order, inside the song,
    // and every step undoes to the state before it.
    void markerEdits()
    {
        ProjectData song = test::makeSong();
        song.markers.clear();  // the test song has one; this test counts from none
        Project p(song);
        QSignalSpy spy(&p, &Project::markersChanged);
        QString chorus, intro;
        QVERIFY(p.addMarker(20 * kSec, QStringLiteral("  Chorus "), &chorus));
        QVERIFY(p.addMarker(0, QString(), &intro));
        QCOMPARE(p.data().markers.size(), 2);
        QCOMPARE(p.data().markers[0].id, intro);  // time order
        QCOMPARE(p.data().markers[0].name, QStringLiteral("Marker 2"));
        QCOMPARE(p.data().markers[1].name, QStringLiteral("Chorus"));
        QVERIFY(!p.addMarker(p.data().length() + 1, QStringLiteral("past the end")));
        QVERIFY(!p.addMarker(-1, QStringLiteral("before the start")));
        QCOMPARE(p.data().markers.size(), 2);

        const int before = p.undoStack()->count();
        for (int step = 1; step <= 10; ++step)  // a drag: many moves, one undo step
            QVERIFY(p.moveMarker(intro, step * kSec * 3));
        QCOMPARE(p.undoStack()->count(), before + 1);
        QCOMPARE(p.data().markers[1].id, intro);  // dragged past the chorus marker: order follows time
        QCOMPARE(p.data().markers[1].position, 30 * kSec);
        p.finishGesture();
        QVERIFY(p.moveMarker(intro, 5 * kSec));
        QCOMPARE(p.undoStack()->count(), before + 2);

        QVERIFY(p.renameMarker(intro, QStringLiteral("Intro")));
        QVERIFY(!p.renameMarker(intro, QStringLiteral("   ")));
        QVERIFY(!p.renameMarker(QStringLiteral("mrk-none"), QStringLiteral("x")));
        QVERIFY(p.removeMarker(chorus));
        QCOMPARE(p.data().markers.size(), 1);
        QCOMPARE(p.data().markers[0].name, QStringLiteral("Intro"));
        QVERIFY(!p.removeMarker(chorus));

        // Undo walks back through every step to the song without markers.
        p.undoStack()->undo();  // delete
        QCOMPARE(p.data().markers.size(), 2);
        p.undoStack()->undo();  // rename
        QCOMPARE(p.data().markers[0].name, QStringLiteral("Marker 2"));
        p.undoStack()->undo();  // second move
        p.undoStack()->undo();  // the drag
        QCOMPARE(p.data().markers[0].id, intro);
        QCOMPARE(p.data().markers[0].position, SampleCount(0));
        p.undoStack()->undo();
        p.undoStack()->undo();
        QVERIFY(p.data().markers.isEmpty());
        QVERIFY(spy.size() >= 10);
        QCOMPARE(firstIssue(p.data()), QString());
    }
};

QTEST_GUILESS_MAIN(ProjectModelTest)
#include "tst_project_model.moc"
