// The editor as a user meets it: Main.qml in a real window (under xvfb-run) on a song the arranger made,
// driven by mouse and keys. Drag a boundary, split with S, rename by double-click, regenerate with R (a real
// arranger job through the queue), A/B the takes, and a screenshot that proves the canvas draws.
#include "core/persistence/ProjectBundle.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/DemoSong.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"
#include "ui/i18n/Translations.h"
#include "MainWindowFixture.h"
#include "TextChecks.h"

#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;

namespace {

// A 5-section arranger song of 2 bars each at 120 BPM (20 s): real stems, quick to make and to regenerate.
QString makeSong(const QString& dir)
{
    using L = core::SectionLabel;
    inference::GenerationRequest request;
    request.caption = QStringLiteral("upbeat funk with slap bass and brass, 120 bpm");
    request.seed = 11;
    request.tempo = 120.0;
    request.sections = inference::arranger::SongPlanner::barSections(
        {{L::Intro, 2}, {L::Verse, 2}, {L::Chorus, 2}, {L::Verse, 2}, {L::Outro, 2}}, request.tempo, request.sampleRate);
    inference::arranger::ArrangerEngine engine;
    inference::SimpleJobControl job;
    auto result = engine.generate(request, job);
    if (!result)
        qFatal("arranger: %s", qPrintable(result.errorMessage()));
    const QString bundle = QDir(dir).filePath(QStringLiteral("Funk.s2a"));
    auto written = inference::arranger::writeSongBundle(bundle, QStringLiteral("Funk"), request, result.value());
    if (!written)
        qFatal("bundle: %s", qPrintable(written.errorMessage()));
    return bundle;
}

// A copy of the song bundle `from` (project and audio) at `to`, with `edit` applied to its project first.
bool copySong(const QString& from, const QString& to, const std::function<void(core::ProjectData&)>& edit = {})
{
    auto song = core::bundle::load(from);
    if (!song)
        return false;
    if (edit)
        edit(song.value());
    if (!core::bundle::save(song.value(), to) || !QDir().mkpath(to + QStringLiteral("/audio")))
        return false;
    for (const QString& f : QDir(from + QStringLiteral("/audio")).entryList(QDir::Files))
        if (!QFile::exists(to + QStringLiteral("/audio/") + f)
            && !QFile::copy(from + QStringLiteral("/audio/") + f, to + QStringLiteral("/audio/") + f))
            return false;
    return true;
}

using App = test::MainWindow;
using test::centreOf;
using test::findItems;

}  // namespace

class EditorGuiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::initWindowTests();
        QVERIFY(m_dir.isValid());
        m_bundle = makeSong(m_dir.path());
    }

    void dragBoundaryIsOneUndoStep()
    {
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QVERIFY(app.show());
        const core::ProjectData before = app.data();
        QQuickItem* handle = app.item("boundaryHandle1");
        QVERIFY(handle);
        QTRY_VERIFY(handle->width() > 0 && handle->isVisible());
        const QPoint start = centreOf(handle);
        const double spp = app.editor.timeline()->samplesPerPixel();
        // 1.2 bars to the right (a bar is 88200 samples at 120 BPM in 4/4): it lands one bar on.
        const int distance = int(std::ceil(1.2 * 88200 / spp));
        QTest::mousePress(app.window, Qt::LeftButton, {}, start);
        for (int dx = 4; dx < distance; dx += 4)
            QTest::mouseMove(app.window, start + QPoint(dx, 0));
        QTest::mouseMove(app.window, start + QPoint(distance, 0));
        QTest::mouseRelease(app.window, Qt::LeftButton, {}, start + QPoint(distance, 0));
        const qint64 moved = app.data().sections[1].end;
        QVERIFY2(moved > before.sections[1].end, qPrintable(QString::number(moved)));
        // The drag lands where the mouse went, snapped to a bar.
        QVERIFY(std::abs(double(moved - before.sections[1].end) - distance * spp) <= 88200 / 2 + 4 * spp);
        QCOMPARE(moved % 88200, qint64(0));
        QCOMPARE(app.data().sections[2].start, moved);
        QVERIFY(app.controller.canUndo());
        app.controller.undo();
        QCOMPARE(app.data(), before);
    }

    void keysSplitAndZoom()
    {
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QVERIFY(app.show());
        const int count = int(app.data().sections.size());
        const qint64 at = app.data().sections[2].start + 44100;
        app.transport.seek(at);
        QTest::keyClick(app.window, Qt::Key_S);
        QCOMPARE(int(app.data().sections.size()), count + 1);
        QCOMPARE(app.data().sections[3].start, at);
        QTest::keyClick(app.window, Qt::Key_M);  // merge the selected section with the next
        QVERIFY(int(app.data().sections.size()) <= count + 1);
        QTest::keyClick(app.window, Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(app.window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(int(app.data().sections.size()), count);
        // Number keys select, + zooms in around the playhead.
        QTest::keyClick(app.window, Qt::Key_4);
        QCOMPARE(app.editor.currentIndex(), 3);
        const double spp = app.editor.timeline()->samplesPerPixel();
        QTest::keyClick(app.window, Qt::Key_Plus);
        QVERIFY(app.editor.timeline()->samplesPerPixel() < spp);
    }

    void doubleClickRenames()
    {
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QVERIFY(app.show());
        QQuickItem* block = app.item("sectionBlock3");
        QVERIFY(block);
        QTest::mouseDClick(app.window, Qt::LeftButton, {}, centreOf(block) + QPoint(0, 8));
        QQuickItem* editorField = nullptr;
        for (QQuickItem* field : findItems(block, QStringLiteral("sectionNameEditor")))
            editorField = field;
        QVERIFY(editorField);
        QTRY_VERIFY(editorField->isVisible() && editorField->hasActiveFocus());
        QTest::keyClick(app.window, Qt::Key_A, Qt::ControlModifier);
        for (char c : {'H', 'o', 'o', 'k'})
            QTest::keyClick(app.window, c);
        QTest::keyClick(app.window, Qt::Key_Return);
        QCOMPARE(app.data().sections[3].displayName(), QStringLiteral("Hook"));
        QVERIFY(app.data().sections[3].label == core::SectionLabel::Custom);
        // Typing in the field did not trigger the single-key shortcuts (no split, no merge).
        QCOMPARE(app.data().sections.size(), 5);
    }

    // Issue 16.2: the caption field gives the keyboard back. Escape, Return and a click outside commit the text
    // to the section and hand the keys to the editor, so the single-key shortcuts act again; a click on a
    // button does not keep the keyboard either.
    void captionFieldHandsTheKeyboardBack()
    {
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QVERIFY(app.show());
        QQuickItem* editorView = app.item("editorView");
        QQuickItem* caption = app.item("captionEditor");
        QVERIFY(editorView && caption);
        QTRY_VERIFY(editorView->hasActiveFocus());
        auto type = [&](const char* text) {
            for (const char* c = text; *c; ++c)
                QTest::keyClick(app.window, *c);
        };
        auto editCaption = [&](const char* text) {
            test::click(app.window, caption);
            QTRY_VERIFY(caption->hasActiveFocus());
            QTest::keyClick(app.window, Qt::Key_A, Qt::ControlModifier);
            type(text);
        };

        QTest::keyClick(app.window, Qt::Key_2);
        QCOMPARE(app.editor.currentIndex(), 1);
        editCaption("warm pads");
        QTest::keyClick(app.window, Qt::Key_Escape);
        QCOMPARE(app.data().sections[1].caption, QStringLiteral("warm pads"));
        QVERIFY(editorView->hasActiveFocus());
        QTest::keyClick(app.window, Qt::Key_4);  // a shortcut, not text
        QCOMPARE(app.editor.currentIndex(), 3);
        QCOMPARE(app.data().sections[1].caption, QStringLiteral("warm pads"));

        // A click on a section block commits to the section that was selected, then selects the clicked one.
        editCaption("brushed drums");
        QQuickItem* block = app.item("sectionBlock0");
        QVERIFY(block);
        test::click(app.window, block);
        QCOMPARE(app.data().sections[3].caption, QStringLiteral("brushed drums"));
        QCOMPARE(app.editor.currentIndex(), 0);
        QTRY_VERIFY(editorView->hasActiveFocus());
        QTest::keyClick(app.window, Qt::Key_2);
        QCOMPARE(app.editor.currentIndex(), 1);
        QCOMPARE(caption->property("text").toString(), QStringLiteral("warm pads"));

        // Return commits too; Shift+Return is a new line.
        editCaption("rising strings");
        QTest::keyClick(app.window, Qt::Key_Return);
        QCOMPARE(app.data().sections[1].caption, QStringLiteral("rising strings"));
        QVERIFY(editorView->hasActiveFocus());

        // A button keeps the keyboard no longer than its click.
        QQuickItem* toggle = app.item("suggestionsToggle");
        QVERIFY(toggle);
        test::click(app.window, toggle);
        QTRY_VERIFY(editorView->hasActiveFocus());
        QTest::keyClick(app.window, Qt::Key_3);
        QCOMPARE(app.editor.currentIndex(), 2);
        // What the inspector says about where the caption lives.
        QQuickItem* note = app.item("captionStorageNote");
        QVERIFY(note && note->isVisible());
    }

    // Issue 16.4: another song starts at its beginning, and the inspector's engine is the one that made the
    // selected take (then whatever the user picks).
    void anotherSongStartsAtZeroAndTheEngineFollowsTheTake()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Mixed.s2a"));
        QVERIFY(copySong(m_bundle, bundle, [](core::ProjectData& song) {
            song.sections[2].takes[0].origin.engine = QStringLiteral("diffusion");
        }));
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QVERIFY(app.show());
        app.transport.seek(5 * 44100);
        QCOMPARE(app.transport.position(), qint64(5 * 44100));
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(bundle)), QString());
        QCOMPARE(app.transport.position(), qint64(0));

        QQuickItem* engine = app.item("engineChoice");
        QQuickItem* origin = app.item("takeOrigin");
        QVERIFY(engine && origin);
        const QVariantList engines = app.queue.engines();
        QVERIFY2(engines.size() == 2 && engines[1].toMap().value("available").toBool(),
                 "the shipped diffusion weights load");  // what the engine choice can follow here
        QTest::keyClick(app.window, Qt::Key_3);
        QTRY_COMPARE(engine->property("currentValue").toString(), QStringLiteral("diffusion"));
        QVERIFY(origin->property("text").toString().contains(engines[1].toMap().value("name").toString()));
        QTest::keyClick(app.window, Qt::Key_1);
        QTRY_COMPARE(engine->property("currentValue").toString(), QStringLiteral("arranger"));
        // The user's pick stands while the section stays selected, through edits of it.
        QTest::keyClick(app.window, Qt::Key_3);
        QTRY_COMPARE(engine->property("currentValue").toString(), QStringLiteral("diffusion"));
        engine->setProperty("currentIndex", 0);
        QCOMPARE(app.editor.setCaption(2, QStringLiteral("softer")), QString());
        QCOMPARE(engine->property("currentValue").toString(), QStringLiteral("arranger"));
    }

    // Issue 16.5: a New Song job shows in the generation queue while it runs, can be cancelled there, and New
    // Song cannot be started twice meanwhile.
    void newSongJobShowsInTheQueue()
    {
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QVERIFY(app.show());
        QQuickItem* panel = app.item("queuePanel");
        QQuickItem* row = app.item("newSongRow");
        QVERIFY(panel && row);
        QVERIFY(!panel->isVisible());
        QSignalSpy finished(&app.newSong, &ui::NewSongModel::finished);
        QCOMPARE(app.newSong.create({{"caption", "slow ambient pads"}, {"structure", "intro:16,verse:32,outro:16"},
                                     {"engine", "arranger"}, {"seed", "3"}}),
                 QString());
        QTRY_VERIFY(panel->isVisible() && row->isVisible());
        QVERIFY(app.newSong.create({{"caption", "again"}}).contains(QLatin1String("already")));
        QQuickItem* cancel = app.item("cancelNewSongButton");
        QVERIFY(cancel);
        test::click(app.window, cancel);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        QVERIFY2(finished[0][0].toString().contains(QLatin1String("Cancelled")), qPrintable(finished[0][0].toString()));
        QTRY_VERIFY(!panel->isVisible());
        QCOMPARE(app.document.bundlePath(), m_bundle);  // the open song stayed
    }

    void regenerateAndAbTakes()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Copy.s2a"));
        QVERIFY(copySong(m_bundle, bundle));
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(bundle)), QString());
        QVERIFY(app.show());
        QTest::keyClick(app.window, Qt::Key_3);
        QCOMPARE(app.editor.currentIndex(), 2);
        const core::Section before = app.data().sections[2];
        QSignalSpy added(&app.queue, &ui::GenerationQueueModel::takeAdded);
        QTest::keyClick(app.window, Qt::Key_R);
        QCOMPARE(app.queue.rowCount(), 1);
        QVERIFY(added.wait(60000));
        const core::Section& after = app.data().sections[2];
        QCOMPARE(after.takes.size(), before.takes.size() + 1);
        QCOMPARE(after.activeTakeId, after.takes.constLast().id);
        QCOMPARE(after.takes.constLast().origin.engine, QStringLiteral("arranger"));
        // Neighbours stay as they were.
        QCOMPARE(app.data().sections[1], core::bundle::load(bundle).value().sections[1]);

        // A/B: the first take's button makes it active again; the second switches back.
        QQuickItem* a = app.item("takeButton0");
        QVERIFY(a);
        QTRY_VERIFY(a->isVisible() && a->width() > 0);
        QTest::mouseClick(app.window, Qt::LeftButton, {}, centreOf(a));
        QCOMPARE(app.data().sections[2].activeTakeId, before.takes[0].id);
        QQuickItem* b = app.item("takeButton1");
        QVERIFY(b);
        QTest::mouseClick(app.window, Qt::LeftButton, {}, centreOf(b));
        QCOMPARE(app.data().sections[2].activeTakeId, app.data().sections[2].takes[1].id);
    }

    // Issue 16.9: at the default window size and at 1280x720, no text the user needs is cut off. Section
    // captions on the blocks may elide (the block is as wide as the section at the zoom); nothing else may.
    void noTextIsCutOff_data()
    {
        test::addWindowSizes();
    }

    void noTextIsCutOff()
    {
        QFETCH(QSize, size);
        const QString demo = m_dir.filePath(QStringLiteral("DemoText.s2a"));
        if (!QFileInfo::exists(demo)) {
            inference::SimpleJobControl job;
            QVERIFY(inference::arranger::createDemoSong(demo, job));
        }
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(demo)), QString());
        QVERIFY(app.show(size));
        QTest::keyClick(app.window, Qt::Key_3);
        QTest::qWait(300);  // layouts settle (bindings, not timing: the check below reads the final geometry)
        QStringList cut;
        const QQuickItem* lane = app.item("sectionLane");  // block captions elide by design
        auto walk = [&](QQuickItem* root) { cut << test::cutOffTexts(root, lane); };
        walk(app.window->contentItem());
        // The Keyboard Shortcuts dialog, over the window.
        QObject* shortcuts = app.window->findChild<QObject*>(QStringLiteral("shortcutsDialog"));
        QVERIFY(shortcuts && QMetaObject::invokeMethod(shortcuts, "open"));
        QTRY_VERIFY(shortcuts->property("opened").toBool());
        bool sawDialog = false;
        std::function<void(QQuickItem*)> find = [&](QQuickItem* item) {
            sawDialog = sawDialog || item->property("text").toString() == QStringLiteral("Move a boundary, snapping to beats");
            for (QQuickItem* child : item->childItems())
                find(child);
        };
        find(app.window->contentItem());
        QVERIFY(sawDialog);  // the walk reaches the dialog's rows
        walk(app.window->contentItem());
        const QString shots = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
        QVERIFY(QDir().mkpath(shots));
        QVERIFY(app.window->grabWindow().save(
            shots + QStringLiteral("/shortcuts-%1x%2.png").arg(size.width()).arg(size.height())));
        QVERIFY(QMetaObject::invokeMethod(shortcuts, "close"));
        QTRY_VERIFY(!shortcuts->property("visible").toBool());
        // A section without takes (a new empty song).
        QCOMPARE(app.controller.newProject(), QString());
        QTest::qWait(100);
        walk(app.window->contentItem());
        cut.removeDuplicates();
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));
    }

    // Issue 16.9: the empty first screen names its one section the same in the heading and the label box.
    void emptySongShowsOneNameForItsSection()
    {
        App app;
        QVERIFY(app.show());
        QQuickItem* picker = app.item("labelPicker");
        QQuickItem* heading = app.item("inspectorHeading");
        QVERIFY(picker && heading);
        for (int round = 0; round < 2; ++round) {  // the first screen, then File > New Empty Song
            QTRY_COMPARE(heading->property("text").toString(), QStringLiteral("Section 1 · Song"));
            QTRY_COMPARE(picker->property("editText").toString(), QStringLiteral("Song"));
            QCOMPARE(app.controller.newProject(), QString());
        }
        // And after another song, the label box follows the selection.
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QTest::keyClick(app.window, Qt::Key_3);
        QTRY_COMPARE(picker->property("editText").toString(), QStringLiteral("chorus"));
    }

    // Issue 16.9: the ruler's bar numbers and times are readable: 10 px or more, and a contrast of at least
    // 4.5:1 (WCAG AA for text) against the ruler.
    void rulerLabelsAreReadable()
    {
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_bundle)), QString());
        QVERIFY(app.show());
        QQuickItem* ruler = app.item("ruler");
        QVERIFY(ruler);
        auto luminance = [](const QColor& c) {
            auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const double background = luminance(ruler->property("color").value<QColor>());
        int labels = 0;
        for (const char* name : {"rulerBar", "rulerTime"})
            for (QQuickItem* label : findItems(ruler, QLatin1String(name))) {
                ++labels;
                const double text = luminance(label->property("color").value<QColor>());
                const double contrast = (std::max(text, background) + 0.05) / (std::min(text, background) + 0.05);
                QVERIFY2(contrast >= 4.5, qPrintable(QStringLiteral("%1: contrast %2").arg(QLatin1String(name)).arg(contrast)));
                QVERIFY(label->property("font").value<QFont>().pixelSize() >= 10);
                QVERIFY(label->y() + label->height() <= ruler->height() + 0.5);  // inside the ruler, not clipped
            }
        QVERIFY(labels >= 4);
    }

    void screenshotShowsWaveformsAndSections()
    {
        // The demo song a new user sees, with its section captions: the README's picture.
        const QString demo = m_dir.filePath(QStringLiteral("Demo.s2a"));
        inference::SimpleJobControl job;
        QVERIFY(inference::arranger::createDemoSong(demo, job));
        App app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(demo)), QString());
        QVERIFY(app.show());
        QQuickItem* tracks = app.item("trackList");
        QQuickItem* lane = app.item("sectionLane");
        QVERIFY(tracks && lane);
        // Wait for every lane's peaks (built on a pool thread) before looking.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto waves = findItems(tracks, QStringLiteral("waveform"));
                if (waves.isEmpty())
                    return false;
                for (QQuickItem* w : waves)
                    if (!w->property("ready").toBool())
                        return false;
                return true;
            }(),
            20000);
        QTest::qWait(200);
        const QImage image = app.window->grabWindow();
        QVERIFY(!image.isNull());
        // Under the build folder: a test never rewrites tracked files. `scripts/dev screenshots` points
        // S2A_SCREENSHOT_DIR at docs/screenshots to refresh the README's picture on purpose.
        const QString dir = qEnvironmentVariableIsEmpty("S2A_SCREENSHOT_DIR") ? QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots")
                                                                             : qEnvironmentVariable("S2A_SCREENSHOT_DIR");
        const QString path = dir + QStringLiteral("/editor.png");
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(image.save(path));

        // Section blocks: the lane shows several distinct label colours, not one background.
        const qreal dpr = image.devicePixelRatio();
        const QRectF laneRect(lane->mapToScene(QPointF(0, 0)), QSizeF(lane->width(), lane->height()));
        QSet<QRgb> colours;
        for (int x = int(laneRect.left()) + 2; x < int(laneRect.right()) - 2; x += 7)
            colours.insert(image.pixel(int(x * dpr), int((laneRect.top() + laneRect.height() * 0.85) * dpr)));
        QVERIFY2(colours.size() >= 4, qPrintable(QString::number(colours.size())));

        // Waveforms: in the first lane's drawing area, many pixels differ from the lane's background.
        QQuickItem* wave = findItems(tracks, QStringLiteral("waveform")).constFirst();
        const QRectF waveRect(wave->mapToScene(QPointF(0, 0)), QSizeF(wave->width(), wave->height()));
        const QRgb background = image.pixel(int((waveRect.left() + 1) * dpr), int((waveRect.top() + 1) * dpr));
        int drawn = 0, total = 0;
        for (int y = int(waveRect.top()); y < int(waveRect.bottom()); y += 3)
            for (int x = int(waveRect.left()); x < int(waveRect.right()); x += 5, ++total)
                drawn += image.pixel(int(x * dpr), int(y * dpr)) != background;
        QVERIFY2(drawn > total / 20, qPrintable(QStringLiteral("%1 of %2").arg(drawn).arg(total)));
    }

private:
    QTemporaryDir m_dir;
    QString m_bundle;
};

QTEST_MAIN(EditorGuiTest)
#include "tst_editor_gui.moc"
