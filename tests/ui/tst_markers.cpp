// Markers and the undo history as a user meets them in the real window (under xvfb-run): Ctrl+M drops a marker
// at the playhead, a mouse drag moves it along the beat grid as one undo step, a double-click renames it in
// place, ] and [ jump the playhead between markers, the context menu deletes one; Edit > Undo History lists
// every step by name and a click on a row takes the song back to that step.
#include "MainWindowFixture.h"
#include "TestProjects.h"

#include "ui/i18n/Translations.h"

#include <QDir>
#include <QQuickStyle>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using test::centreOf;


class MarkersTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::initWindowTests();
    }

    void markersAreAddedMovedRenamedJumpedToAndDeleted()
    {
        test::MainWindow app;
        core::ProjectData song = test::makeSong(2, 4, 1);
        song.markers.clear();  // the test song has one; this test counts from none
        app.document.newProject(song);
        QVERIFY(app.show());
        QUndoStack* undo = app.document.project()->undoStack();
        const auto markers = [&app] { return app.data().markers; };
        ui::TimelineController* timeline = app.editor.timeline();

        // Ctrl+M at 4 s and at 12 s.
        app.transport.seek(4 * 44100);
        QTest::keyClick(app.window, Qt::Key_M, Qt::ControlModifier);
        QTRY_COMPARE(markers().size(), 1);
        QCOMPARE(markers()[0].position, core::SampleCount(4 * 44100));
        app.transport.seek(12 * 44100);
        QTest::keyClick(app.window, Qt::Key_M, Qt::ControlModifier);
        QTRY_COMPARE(markers().size(), 2);
        QTRY_VERIFY(app.item("marker_1") != nullptr);
        const int afterAdding = undo->index();

        // A drag of the first marker by about 2.4 beats: it lands on the beat grid, one undo step.
        const double spp = timeline->samplesPerPixel();
        const double beat = timeline->samplesPerBeat();
        QQuickItem* first = app.item("marker_0");
        const QPoint grab = first->mapToScene(QPointF(6, first->height() / 2)).toPoint();
        test::drag(app.window, grab, grab + QPoint(int(std::lround(2.4 * beat / spp)), 0));
        const core::SampleCount moved = markers()[0].position;
        QCOMPARE(moved, timeline->snap(moved, ui::TimelineController::SnapBeat));
        QVERIFY2(std::abs(double(moved) - (4 * 44100 + 2.4 * beat)) <= beat / 2 + 8 * spp, qPrintable(QString::number(moved)));
        QCOMPARE(undo->index(), afterAdding + 1);

        // Double-click renames in place.
        first = app.item("marker_0");
        QTest::mouseDClick(app.window, Qt::LeftButton, Qt::NoModifier, first->mapToScene(QPointF(6, first->height() / 2)).toPoint());
        QQuickItem* field = nullptr;
        QTRY_VERIFY((field = app.item("markerNameEditor")) && field->isVisible() && field->hasActiveFocus());
        QTest::keyClick(app.window, Qt::Key_A, Qt::ControlModifier);
        for (const char c : {'D', 'r', 'o', 'p'})
            QTest::keyClick(app.window, c);
        QTest::keyClick(app.window, Qt::Key_Return);
        QTRY_COMPARE(markers()[0].name, QStringLiteral("Drop"));
        QTRY_COMPARE(app.item("markerName")->property("text").toString(), QStringLiteral("Drop"));

        // ] and [ jump between markers (the editor holds the keyboard again after the rename).
        app.transport.seek(0);
        QTest::keyClick(app.window, Qt::Key_BracketRight);
        QTRY_COMPARE(app.transport.position(), qint64(markers()[0].position));
        QTest::keyClick(app.window, Qt::Key_BracketRight);
        QTRY_COMPARE(app.transport.position(), qint64(markers()[1].position));
        QTest::keyClick(app.window, Qt::Key_BracketLeft);
        QTRY_COMPARE(app.transport.position(), qint64(markers()[0].position));

        saveScreenshot(app, QStringLiteral("markers.png"));

        // The context menu deletes the second marker.
        QQuickItem* second = app.item("marker_1");
        QTest::mouseClick(app.window, Qt::RightButton, Qt::NoModifier, second->mapToScene(QPointF(6, second->height() / 2)).toPoint());
        QQuickItem* remove = nullptr;
        QTRY_VERIFY((remove = app.item("markerDelete")) && remove->isVisible());
        test::click(app.window, remove);
        QTRY_COMPARE(markers().size(), 1);
        QCOMPARE(markers()[0].name, QStringLiteral("Drop"));

        // Edit > Undo History: every step by name; a click on "Add marker" (the first) goes back to it.
        QTest::keyClick(app.window, Qt::Key_H, Qt::ControlModifier);
        auto* dialog = app.root->findChild<QObject*>(QStringLiteral("undoHistoryDialog"));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(app.document.project()->undoStack()->count(), afterAdding + 3);
        QQuickItem* step = nullptr;
        QTRY_VERIFY((step = app.item("undoStep_1")) != nullptr);
        QVERIFY(app.item(qPrintable(QStringLiteral("undoStep_%1").arg(undo->count()))));
        QVERIFY2(undo->text(0).startsWith(QLatin1String("Add marker")), qPrintable(undo->text(0)));
        saveScreenshot(app, QStringLiteral("undo-history.png"));
        test::click(app.window, step);
        QTRY_COMPARE(undo->index(), 1);
        QCOMPARE(markers().size(), 1);
        QCOMPARE(markers()[0].position, core::SampleCount(4 * 44100));
        QCOMPARE(markers()[0].name, QStringLiteral("Marker 1"));
        // ...and a click on the last row redoes everything.
        test::click(app.window, app.item(qPrintable(QStringLiteral("undoStep_%1").arg(undo->count()))));
        QTRY_COMPARE(undo->index(), undo->count());
        QCOMPARE(markers().size(), 1);
        QCOMPARE(markers()[0].name, QStringLiteral("Drop"));
    }

private:
    static void saveScreenshot(test::MainWindow& app, const QString& name)
    {
        QVERIFY(test::saveScreenshot(app.window, name, QStringLiteral(QT_TESTCASE_BUILDDIR)));
    }
};

QTEST_MAIN(MarkersTest)
#include "tst_markers.moc"
