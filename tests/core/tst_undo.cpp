// Every editing operation is one undo step, and undo/redo restore the exact previous/next state.
#include "TestProjects.h"

#include "core/model/Project.h"

#include <QtTest>

#include <functional>

using namespace s2a;
using namespace s2a::core;

namespace {

using Edit = std::function<Status(Project&)>;
const SampleCount kSec = 44100;

Take newTake()
{
    Take t;
    t.id = QStringLiteral("take-new");
    t.origin.engine = QStringLiteral("arranger");
    t.origin.seed = 77;
    t.clips.append({QStringLiteral("trk-0"), QStringLiteral("fresh.flac"), 0, 0, 8 * kSec});
    return t;
}

}  // namespace

Q_DECLARE_METATYPE(Edit)

class UndoTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyOperationUndoesExactly_data()
    {
        QTest::addColumn<Edit>("edit");
        auto row = [](const char* name, Edit e) { QTest::newRow(name) << e; };
        row("set title", [](Project& p) { return p.setTitle(QStringLiteral("Other")); });
        row("set tempo", [](Project& p) { return p.setTempo(87.0); });
        row("set time signature", [](Project& p) { return p.setTimeSignature({3, 4}); });
        row("set key", [](Project& p) { return p.setKey(QStringLiteral("Bb major")); });
        row("set caption", [](Project& p) { return p.setCaption(QStringLiteral("ambient drones")); });
        row("set seed", [](Project& p) { return p.setSeed(123456789); });
        row("add track", [](Project& p) {
            Track t;
            t.name = QStringLiteral("Strings");
            t.role = TrackRole::Strings;
            return p.addTrack(t, 1);
        });
        row("remove track", [](Project& p) { return p.removeTrack(QStringLiteral("trk-1")); });
        row("track name", [](Project& p) { return p.setTrackName(QStringLiteral("trk-0"), QStringLiteral("Kit")); });
        row("track gain", [](Project& p) { return p.setTrackGain(QStringLiteral("trk-0"), -12.0); });
        row("track pan", [](Project& p) { return p.setTrackPan(QStringLiteral("trk-0"), 0.75); });
        row("track mute", [](Project& p) { return p.setTrackMute(QStringLiteral("trk-0"), true); });
        row("track solo", [](Project& p) { return p.setTrackSolo(QStringLiteral("trk-0"), true); });
        row("track colour", [](Project& p) { return p.setTrackColour(QStringLiteral("trk-0"), QStringLiteral("#123456")); });
        row("track lock", [](Project& p) { return p.setTrackLocked(QStringLiteral("trk-0"), true); });
        row("split", [](Project& p) { return p.splitSection(QStringLiteral("sec-1"), 11 * kSec); });
        row("merge", [](Project& p) { return p.mergeWithNext(QStringLiteral("sec-1")); });
        row("move boundary", [](Project& p) { return p.moveBoundary(QStringLiteral("sec-2"), 22 * kSec); });
        row("relabel", [](Project& p) { return p.setSectionLabel(QStringLiteral("sec-0"), SectionLabel::Custom, QStringLiteral("Vamp")); });
        row("caption", [](Project& p) { return p.setSectionCaption(QStringLiteral("sec-0"), QStringLiteral("new")); });
        row("tags", [](Project& p) { return p.setSectionTags(QStringLiteral("sec-0"), {QStringLiteral("a")}); });
        row("energy", [](Project& p) { return p.setSectionEnergy(QStringLiteral("sec-0"), 1.0); });
        row("lock", [](Project& p) { return p.setSectionLocked(QStringLiteral("sec-0"), true); });
        row("add take", [](Project& p) { return p.addTake(QStringLiteral("sec-0"), newTake()); });
        row("active take", [](Project& p) { return p.setActiveTake(QStringLiteral("sec-0"), QStringLiteral("take-0-0")); });
        row("move bar 1", [](Project& p) { return p.setDownbeatOffset(kSec / 4); });
        row("set chord", [](Project& p) { return p.setChord(2 * kSec, QStringLiteral("f#m7")); });
        row("rename chord", [](Project& p) { return p.setChord(0, QStringLiteral("Dsus4")); });
        row("move chord", [](Project& p) { return p.moveChord(p.data().chords[1].position, 3 * kSec); });
        row("remove chord", [](Project& p) { return p.removeChord(p.data().chords[2].position); });
        row("replace chords", [](Project& p) { return p.replaceChords({{0, QStringLiteral("G")}}, QStringLiteral("Analyse chords")); });
        row("rate take", [](Project& p) { return p.rateTake(QStringLiteral("sec-0"), QStringLiteral("take-0-0"), 4); });
    }

    void everyOperationUndoesExactly()
    {
        QFETCH(Edit, edit);
        ProjectData song = test::makeSong();
        song.chords = {{0, QStringLiteral("Am")}, {4 * kSec, QStringLiteral("F")}, {8 * kSec, QStringLiteral("C")}};
        Project p(song);
        const ProjectData before = p.data();
        QVERIFY2(edit(p), "the edit was refused");
        const ProjectData after = p.data();
        QVERIFY(after != before);
        QCOMPARE(p.undoStack()->count(), 1);
        p.undoStack()->undo();
        QVERIFY(p.data() == before);
        p.undoStack()->redo();
        QVERIFY(p.data() == after);
        p.undoStack()->undo();
        QVERIFY(p.data() == before);
    }

    // Issue 20: the chord lane's edits read musicians' spellings, store the canonical one, refuse nonsense, and a
    // drag of one change is one undo step.
    void chordLaneEdits()
    {
        ProjectData song = test::makeSong();
        song.chords = {{0, QStringLiteral("Am")}, {4 * kSec, QStringLiteral("F")}};
        Project p(song);
        QVERIFY(p.setChord(kSec, QStringLiteral("Bbmin7")));
        QCOMPARE(p.data().chordAt(kSec), QStringLiteral("Bbm7"));
        QCOMPARE(p.data().chordAt(kSec - 1), QStringLiteral("Am"));
        const Status refused = p.setChord(kSec, QStringLiteral("X9"));
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("not a chord")), qPrintable(refused.errorMessage()));
        QVERIFY(!p.removeChord(kSec + 1));
        QCOMPARE(p.undoStack()->count(), 1);
        const ProjectData beforeDrag = p.data();
        p.finishGesture();
        QVERIFY(p.moveChord(kSec, kSec + 100));
        QVERIFY(p.moveChord(kSec + 100, kSec + 200));
        QCOMPARE(p.undoStack()->count(), 2);
        QCOMPARE(p.data().chordAt(kSec + 199), QStringLiteral("Am"));
        QCOMPARE(p.data().chordAt(kSec + 200), QStringLiteral("Bbm7"));
        // Dropped on another change, the moved chord replaces it.
        p.finishGesture();
        QVERIFY(p.moveChord(kSec + 200, 0));
        QCOMPARE(p.data().chords.first().name, QStringLiteral("Bbm7"));
        QCOMPARE(p.data().chords.size(), beforeDrag.chords.size() - 1);
        p.undoStack()->undo();
        p.undoStack()->undo();
        QVERIFY(p.data() == beforeDrag);
    }

    void longHistoryUnwindsToTheStart()
    {
        Project p(test::makeSong());
        QVector<ProjectData> states{p.data()};
        QVERIFY(p.splitSection(QStringLiteral("sec-0"), 3 * kSec));
        states << p.data();
        QVERIFY(p.addTake(QStringLiteral("sec-0"), newTake()));
        states << p.data();
        QVERIFY(p.mergeWithNext(QStringLiteral("sec-0")));
        states << p.data();
        QVERIFY(p.removeTrack(QStringLiteral("trk-0")));
        states << p.data();
        QVERIFY(p.setTempo(140));
        states << p.data();
        for (int i = states.size() - 1; i > 0; --i) {
            QVERIFY(p.data() == states[i]);
            p.undoStack()->undo();
        }
        QVERIFY(p.data() == states[0]);
        for (int i = 1; i < states.size(); ++i) {
            p.undoStack()->redo();
            QVERIFY(p.data() == states[i]);
        }
    }

    void boundaryDragMergesIntoOneStep()
    {
        Project p(test::makeSong());
        const ProjectData before = p.data();
        for (SampleCount pos = 8 * kSec; pos >= 5 * kSec; pos -= kSec / 10)
            QVERIFY(p.moveBoundary(QStringLiteral("sec-0"), pos));
        QCOMPARE(p.undoStack()->count(), 1);
        QCOMPARE(p.data().sections[0].end, 5 * kSec);
        p.undoStack()->undo();
        QVERIFY(p.data() == before);
        p.undoStack()->redo();
        QCOMPARE(p.data().sections[0].end, 5 * kSec);

        // A second drag is its own step.
        p.finishGesture();
        QVERIFY(p.moveBoundary(QStringLiteral("sec-0"), 6 * kSec));
        QVERIFY(p.moveBoundary(QStringLiteral("sec-0"), 7 * kSec));
        QCOMPARE(p.undoStack()->count(), 2);
        p.undoStack()->undo();
        QCOMPARE(p.data().sections[0].end, 5 * kSec);

        // A drag of another boundary never folds into this one.
        p.finishGesture();
        QVERIFY(p.moveBoundary(QStringLiteral("sec-1"), 15 * kSec));
        QCOMPARE(p.undoStack()->count(), 2);
        QVERIFY(p.moveBoundary(QStringLiteral("sec-2"), 23 * kSec));
        QCOMPARE(p.undoStack()->count(), 3);
    }

    void dragBackToTheStartLeavesNoStep()
    {
        Project p(test::makeSong());
        QVERIFY(p.moveBoundary(QStringLiteral("sec-0"), 6 * kSec));
        QVERIFY(p.moveBoundary(QStringLiteral("sec-0"), 8 * kSec));
        QCOMPARE(p.undoStack()->count(), 0);
    }

    void faderMovesMerge()
    {
        Project p(test::makeSong());
        const ProjectData before = p.data();
        for (double g = -3.4; g > -20; g -= 0.5)
            QVERIFY(p.setTrackGain(QStringLiteral("trk-0"), g));
        QCOMPARE(p.undoStack()->count(), 1);
        QVERIFY(p.setTrackGain(QStringLiteral("trk-1"), -1.0));  // another track: another step
        QCOMPARE(p.undoStack()->count(), 2);
        p.undoStack()->undo();
        p.undoStack()->undo();
        QVERIFY(p.data() == before);
    }

    void refusedEditsLeaveNoStep()
    {
        Project p(test::makeSong());
        QVERIFY(!p.splitSection(QStringLiteral("sec-0"), 10));
        QVERIFY(!p.setTempo(-1));
        QVERIFY(!p.setActiveTake(QStringLiteral("sec-0"), QStringLiteral("nope")));
        QCOMPARE(p.undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(UndoTest)
#include "tst_undo.moc"
