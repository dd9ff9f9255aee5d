// The inspector's stems (issue 20): in the real window, a click on one track's ↻ makes only that stem anew in the
// selected section with the real arranger (the take records it, the other tracks keep their clips), and Add puts
// a new instrument into the section; each is one undo step.
#include "AudioFixtures.h"
#include "MainWindowFixture.h"
#include "SongWithAudio.h"
#include "TestProjects.h"

#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;

class StemsGuiTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::initWindowTests(); }

    void oneStemAnewAndOneAdded()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        QVERIFY(test::saveWithAudio(test::makeSong(2, 4, 1), bundle, [](const core::AudioClip& c) {
            return test::makeAudio(44100, c.length, [](int, core::SampleCount i) { return 0.2f * float(std::sin(0.03 * double(i))); });
        }));
        test::MainWindow app;
        QVERIFY(app.document.open(bundle));
        QVERIFY(app.show());
        app.editor.select(1);
        const core::ProjectData before = app.data();
        const core::Section& second = before.sections[1];
        const QString bassId = before.tracks[1].id;  // makeSong: track 1 plays the bass
        QVERIFY(before.tracks[1].role == core::TrackRole::Bass);

        // Folded until asked for, so that the takes stay in view.
        QVERIFY(!app.item("regenerateStem_1"));
        // Below the takes: scroll the inspector down as a user would, then unfold the stems.
        auto scrollDown = [&] {
            QObject* flick = app.item("inspectorScroll")->property("contentItem").value<QObject*>();
            QTRY_VERIFY(flick->property("contentHeight").toDouble() > 0);
            flick->setProperty("contentY", std::max(0.0, flick->property("contentHeight").toDouble() - flick->property("height").toDouble()));
        };
        scrollDown();
        test::click(app.window, app.item("stemsToggle"));
        scrollDown();
        QQuickItem* button = nullptr;
        QTRY_VERIFY((button = app.item("regenerateStem_1")) && button->isVisible());
        test::click(app.window, button);
        QTRY_COMPARE(app.queue.count(), 1);
        QVERIFY(app.queue.waitForIdle(60000));
        const core::Section& after = app.data().sections[1];
        QCOMPARE(after.takes.size(), second.takes.size() + 1);
        QCOMPARE(after.activeTake()->origin.changedTracks, QStringList{bassId});
        // The drums' clips of the section are the old take's, untouched.
        for (const core::AudioClip& clip : after.activeTake()->clips)
            if (clip.trackId != bassId)
                QVERIFY(second.activeTake()->clips.contains(clip));
        QVERIFY2(app.document.project()->undoStack()->text(app.document.project()->undoStack()->index() - 1).contains(before.tracks[1].name),
                 qPrintable(app.document.project()->undoStack()->text(app.document.project()->undoStack()->index() - 1)));

        // Add: a new instrument, a track of its own, in this section only.
        scrollDown();  // the new take's row pushed the stems down
        QQuickItem* field = app.item("addStemField");
        test::click(app.window, field);
        for (const char c : QByteArray("strings"))
            QTest::keyClick(app.window, c);
        QTRY_COMPARE(field->property("text").toString(), QStringLiteral("strings"));
        QQuickItem* add = app.item("addStemButton");
        QTRY_VERIFY(add->property("enabled").toBool());
        scrollDown();
        const QPointF centre = add->mapToScene(QPointF(add->width() / 2, add->height() / 2));
        QVERIFY2(centre.y() < app.window->height(), qPrintable(QStringLiteral("%1 of %2").arg(centre.y()).arg(app.window->height())));
        test::click(app.window, add);
        QTRY_COMPARE(app.queue.count(), 2);
        QVERIFY(app.queue.waitForIdle(60000));
        QCOMPARE(app.data().tracks.size(), before.tracks.size() + 1);
        QVERIFY(app.data().tracks.last().role == core::TrackRole::Strings);
        QVERIFY(test::saveScreenshot(app.window, QStringLiteral("stems-inspector.png"), QStringLiteral(QT_TESTCASE_BUILDDIR)));
        app.controller.undo();
        QCOMPARE(app.data().tracks.size(), before.tracks.size());
    }
};

QTEST_MAIN(StemsGuiTest)
#include "tst_stems_gui.moc"
