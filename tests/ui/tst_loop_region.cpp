// The loop region on the ruler as a user drags it: real mouse events on the real window (under xvfb-run) move
// its end, its start (Shift: free) and the whole region, each drag one undo step that Ctrl+Z takes back; and its
// context menu repaints the range with the real arranger (issue 21's "repaint any range").
#include "MainWindowFixture.h"
#include "AudioFixtures.h"
#include "SongWithAudio.h"
#include "TestProjects.h"

#include "ui/i18n/Translations.h"

#include <QDir>
#include <QTemporaryDir>
#include <QQuickStyle>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using test::centreOf;
using Grid = ui::TimelineController::SnapGrid;

namespace {

using test::drag;

struct Loop {
    qint64 start;
    qint64 end;
    bool operator==(const Loop& o) const { return start == o.start && end == o.end; }
};

}  // namespace

class LoopRegionTest : public QObject {
    Q_OBJECT

    // A 32 s song at 104.25 BPM (a beat is 25381.3 samples: no section edge is on the beat grid), looping
    // sections 2 and 3, shown in a window.
    struct Fixture : test::MainWindow {
        bool open()
        {
            document.newProject(test::makeSong(2, 4, 1));
            const auto& sections = data().sections;
            transport.setLoop(sections[1].start, sections[2].end);
            if (!show())
                return false;
            QQuickItem* bar = item("loopBar");
            return QTest::qWaitFor([bar] { return bar && bar->isVisible() && bar->width() > 100; });
        }
        Loop loop() const { return {transport.loopStart(), transport.loopEnd()}; }
        QUndoStack* undo() { return document.project()->undoStack(); }
        ui::TimelineController* timeline() { return editor.timeline(); }
        bool onBeat(qint64 sample) { return sample == timeline()->snap(sample, Grid::SnapBeat); }
    };

private Q_SLOTS:
    void initTestCase()
    {
        test::initWindowTests();
    }

    void endDragSnapsToBeatsAndUndoRestores()
    {
        Fixture app;
        QVERIFY(app.open());
        const Loop before = app.loop();
        QVERIFY(!app.onBeat(before.end));
        const double spp = app.timeline()->samplesPerPixel();
        const double beat = app.timeline()->samplesPerBeat();
        const int distance = int(std::lround(2.3 * beat / spp));
        const QPoint from = centreOf(app.item("loopEndHandle"));
        const int undoIndex = app.undo()->index();
        drag(app.window, from, from + QPoint(distance, 0));

        const Loop after = app.loop();
        QCOMPARE(after.start, before.start);
        QVERIFY2(app.onBeat(after.end), qPrintable(QString::number(after.end)));
        // Where the mouse went, to the nearest beat (the press may be up to 4 px off the edge: it is a handle).
        QVERIFY2(std::abs(double(after.end) - (before.end + distance * spp)) <= beat / 2 + 5 * spp,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.end).arg(after.end)));
        QCOMPARE(app.undo()->index(), undoIndex + 1);
        // To look at: the loop bar on the ruler over the loop's overlay (under the build folder, never the sources).
        const QString shots = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
        QVERIFY(QDir().mkpath(shots));
        QVERIFY(app.window->grabWindow().save(shots + QStringLiteral("/loop-region.png")));

        // The region is saved with the song (repaint and range export work on it): the drag changed the song.
        QCOMPARE(app.data().settings.loopEnd, after.end);
        QVERIFY(app.document.isModified());

        QTest::keyClick(app.window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(app.loop(), before);
        QCOMPARE(app.data().settings.loopEnd, before.end);
        QVERIFY(app.transport.looping());
        QTest::keyClick(app.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(app.loop(), after);
    }

    void shiftDragsTheStartFreely()
    {
        Fixture app;
        QVERIFY(app.open());
        const Loop before = app.loop();
        const double spp = app.timeline()->samplesPerPixel();
        const QPoint from = centreOf(app.item("loopStartHandle"));
        drag(app.window, from, from - QPoint(37, 0), Qt::ShiftModifier);

        const Loop after = app.loop();
        QCOMPARE(after.end, before.end);
        // Exactly as far as the mouse went (rounded to whole samples at both ends), off the grid.
        QVERIFY2(std::abs(double(after.start) - (before.start - 37 * spp)) <= 1.0,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.start).arg(after.start)));
        QVERIFY(!app.onBeat(after.start));
        // The same drag without Shift lands on a beat.
        app.controller.undo();
        QCOMPARE(app.loop(), before);
        drag(app.window, from, from - QPoint(37, 0));
        QVERIFY(app.onBeat(app.loop().start));
        QVERIFY(app.loop().start < before.start);
    }

    void wholeDragKeepsLengthIsOneStepAndStopsAtTheEnd()
    {
        Fixture app;
        QVERIFY(app.open());
        const Loop before = app.loop();
        const qint64 length = before.end - before.start;
        const qint64 playhead = app.transport.position();
        const double spp = app.timeline()->samplesPerPixel();
        const double beat = app.timeline()->samplesPerBeat();
        const QPoint from = centreOf(app.item("loopBody"));
        const int undoIndex = app.undo()->index();
        const int distance = int(std::lround(3.6 * beat / spp));
        drag(app.window, from, from + QPoint(distance, 0));

        Loop after = app.loop();
        QCOMPARE(after.end - after.start, length);
        QVERIFY(app.onBeat(after.start));
        QVERIFY(std::abs(double(after.start) - (before.start + distance * spp)) <= beat / 2 + spp);
        // Dozens of moves, one undo step; the press was the loop's, not a seek.
        QCOMPARE(app.undo()->index(), undoIndex + 1);
        QCOMPARE(app.transport.position(), playhead);
        app.controller.undo();
        QCOMPARE(app.loop(), before);

        // Far past the song's end: the region stops there, still as long.
        QQuickItem* ruler = app.item("ruler");
        const int rulerRight = int(ruler->mapToScene(QPointF(ruler->width(), 0)).x());
        drag(app.window, from, QPoint(rulerRight - 2, from.y()));
        QCOMPARE(app.loop().end, app.timeline()->songLength());
        QCOMPARE(app.loop().end - app.loop().start, length);
    }

    // The song keeps its loop region: saved, reopened, the transport loops over it again.
    void theLoopIsSavedWithTheSong()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Looped.s2a"));
        QVERIFY(test::saveWithAudio(test::makeSong(2, 4, 1), bundle, [](const core::AudioClip& c) {
            return test::makeAudio(44100, c.length, [](int, core::SampleCount i) { return 0.1f * float(std::sin(0.02 * double(i))); });
        }));
        Loop saved{0, 0};
        {
            Fixture app;
            QVERIFY(app.document.open(bundle));
            app.transport.setLoop(app.data().sections[1].start, app.data().sections[2].end);
            QVERIFY(app.show());
            QQuickItem* bar = app.item("loopBar");
            QTRY_VERIFY(bar->isVisible() && bar->width() > 100);
            const QPoint from = centreOf(app.item("loopBody"));
            drag(app.window, from, from + QPoint(60, 0));
            saved = app.loop();
            QVERIFY(app.document.isModified());
            QVERIFY(app.document.save());
            QVERIFY(!app.document.isModified());
        }
        Fixture again;
        QVERIFY(again.document.open(bundle));
        QVERIFY(again.transport.looping());
        QCOMPARE(again.loop(), saved);
        QCOMPARE(again.undo()->count(), 0);
        // Undoing the first loop edit of a song without a saved region turns looping off.
        core::ProjectData plain = again.data();
        plain.settings.loopStart = plain.settings.loopEnd = 0;
        again.document.newProject(plain);
        QVERIFY(!again.transport.looping());
        again.transport.setLoop(plain.sections[0].start, plain.sections[0].end);
        QVERIFY(again.transport.looping());
        again.controller.undo();
        QVERIFY(!again.transport.looping());
    }

    // Right-click the loop bar > Repaint This Range: one job, a take for each section the range touches (named by
    // the range), one undo step; Shift+R does the same from the keyboard.
    void theLoopMenuRepaintsTheRange()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        QVERIFY(test::saveWithAudio(test::makeSong(2, 4, 1), bundle, [](const core::AudioClip& c) {
            return test::makeAudio(44100, c.length, [](int, core::SampleCount i) { return 0.2f * float(std::sin(0.03 * double(i))); });
        }));
        Fixture app;
        QVERIFY(app.document.open(bundle));
        const auto& sections = app.data().sections;
        const qint64 start = sections[1].start + (sections[1].end - sections[1].start) / 2;
        const qint64 end = sections[2].start + (sections[2].end - sections[2].start) / 2;
        app.transport.setLoop(start, end);
        QVERIFY(app.show());
        QQuickItem* bar = app.item("loopBar");
        QTRY_VERIFY(bar->isVisible() && bar->width() > 100);
        const int undoIndex = app.undo()->index();
        const QString second = sections[1].id, third = sections[2].id;
        const int takesBefore = int(sections[1].takes.size());

        QTest::mouseClick(app.window, Qt::RightButton, Qt::NoModifier, centreOf(bar));
        QQuickItem* repaint = nullptr;
        QTRY_VERIFY((repaint = app.item("repaintLoopItem")) && repaint->isVisible());
        test::click(app.window, repaint);
        QTRY_COMPARE(app.queue.count(), 1);
        QVERIFY(app.queue.waitForIdle(60000));
        const auto sectionOf = [&](const QString& id) { return app.data().sections[app.data().sectionIndex(id)]; };
        QCOMPARE(int(sectionOf(second).takes.size()), takesBefore + 1);
        QVERIFY2(sectionOf(second).activeTake()->name.startsWith(QLatin1String("Repaint ")),
                 qPrintable(sectionOf(second).activeTake()->name));
        QCOMPARE(sectionOf(second).activeTake()->origin.engine, QStringLiteral("arranger"));
        QCOMPARE(sectionOf(third).activeTake()->name, sectionOf(second).activeTake()->name);
        QCOMPARE(app.undo()->index(), undoIndex + 1);
        QVERIFY2(app.undo()->text(undoIndex).startsWith(QLatin1String("Repaint ")), qPrintable(app.undo()->text(undoIndex)));
        test::saveScreenshot(app.window, QStringLiteral("repaint-range.png"), QStringLiteral(QT_TESTCASE_BUILDDIR));
        QTest::keyClick(app.window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(int(sectionOf(second).takes.size()), takesBefore);

        // Shift+R: the same from the keyboard, with the inspector's takes per job.
        QTest::keyClick(app.window, Qt::Key_R, Qt::ShiftModifier);
        QTRY_COMPARE(app.queue.count(), 2);
        QVERIFY(app.queue.waitForIdle(60000));
        QCOMPARE(int(sectionOf(second).takes.size()), takesBefore + 1);
    }

    void lowerHalfOfTheRulerStillSeeks()
    {
        Fixture app;
        QVERIFY(app.open());
        const Loop before = app.loop();
        QQuickItem* bar = app.item("loopBar");
        QQuickItem* ruler = app.item("ruler");
        const QPointF inBar = bar->mapToScene(QPointF(bar->width() / 2, 0));
        const QPoint below(int(inBar.x()), int(ruler->mapToScene(QPointF(0, bar->height() + 4)).y()));
        QVERIFY(!bar->contains(bar->mapFromScene(below)));
        QTest::mouseClick(app.window, Qt::LeftButton, {}, below);
        const qint64 expected = app.timeline()->positionForX(ruler->mapFromScene(below).x());
        QCOMPARE(app.transport.position(), expected);
        QCOMPARE(app.loop(), before);
    }
};

QTEST_MAIN(LoopRegionTest)
#include "tst_loop_region.moc"
