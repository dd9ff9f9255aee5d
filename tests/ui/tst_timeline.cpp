// The editor's view models without QML: timeline geometry (zoom, scroll, snapping, hit-testing, ruler), the
// section/track/take models following project edits, and the editor's section actions with undo.
#include "AudioFixtures.h"
#include "TestProjects.h"
#include "core/persistence/ProjectBundle.h"
#include "ui/viewmodels/DocumentController.h"
#include "core/model/Project.h"
#include "core/persistence/ProjectDocument.h"
#include "ui/timeline/EditorController.h"
#include "ui/timeline/TimelineController.h"

#include <QSignalSpy>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using s2a::ui::TimelineController;

class TimelineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pixelsAndSamplesAreInverse()
    {
        TimelineController t;
        t.setGrid(44100 * 60, 44100, 120.0, 4);
        t.setViewWidth(1000);
        // Fitted: the whole minute (plus 2 % room) across 1000 px.
        QCOMPARE(t.samplesPerPixel(), 44100.0 * 60 * 1.02 / 1000);
        t.zoomToRange(44100 * 10, 44100 * 20);
        QCOMPARE(t.viewStart(), 441000.0);
        QCOMPARE(t.samplesPerPixel(), 441.0);
        for (double x : {0.0, 1.5, 333.0, 999.0})
            QCOMPARE(t.xForSample(t.sampleForX(x)), x);
        QCOMPARE(t.positionForX(100), qint64(441000 + 44100));
        QCOMPARE(t.positionForX(-1e9), qint64(0));
        QCOMPARE(t.positionForX(1e12), qint64(44100 * 60));
    }

    void zoomKeepsTheAnchorUnderTheMouse()
    {
        TimelineController t;
        t.setGrid(44100 * 60, 44100, 120.0, 4);
        t.setViewWidth(1000);
        t.zoomToRange(0, 44100 * 20);
        const double anchorX = 620.0;
        const double anchor = t.sampleForX(anchorX);
        QSignalSpy changed(&t, &TimelineController::viewChanged);
        t.zoomIn(anchorX);
        QCOMPARE(changed.count(), 1);
        QVERIFY(t.samplesPerPixel() < 44100.0 * 20 / 1000);
        QVERIFY(std::abs(t.sampleForX(anchorX) - anchor) < 1e-6);
        t.zoomOut(anchorX);
        QVERIFY(std::abs(t.samplesPerPixel() - 44100.0 * 20 / 1000) < 1e-9);
        // Sample-level zoom stops at 16 pixels per sample; zooming out stops at the whole song.
        for (int i = 0; i < 100; ++i)
            t.zoomIn(anchorX);
        QCOMPARE(t.samplesPerPixel(), TimelineController::kMinSamplesPerPixel);
        QVERIFY(std::abs(t.sampleForX(anchorX) - anchor) < 1.0);
        for (int i = 0; i < 100; ++i)
            t.zoomOut(anchorX);
        QCOMPARE(t.samplesPerPixel(), t.maxSamplesPerPixel());
        QCOMPARE(t.viewStart(), 0.0);
    }

    void scrollStaysInTheSong()
    {
        TimelineController t;
        t.setGrid(44100 * 60, 44100, 120.0, 4);
        t.setViewWidth(1000);
        t.zoomToRange(0, 44100 * 10);
        t.scrollByPixels(-500);
        QCOMPARE(t.viewStart(), 0.0);
        t.scrollByPixels(1e9);
        // At most half a view past the end, so the last boundary can be dragged at any zoom.
        QCOMPARE(t.viewStart(), 44100.0 * 60 - 44100.0 * 5);
        t.ensureVisible(44100 * 2);
        QVERIFY(t.viewStart() <= 44100 * 2 && t.viewEnd() > 44100 * 2);
        // A shorter song pulls the view back inside it.
        t.setGrid(44100 * 8, 44100, 120.0, 4);
        QVERIFY(t.viewStart() <= 44100 * 8);
    }

    void snapsToBeats()
    {
        TimelineController t;
        t.setGrid(44100 * 60, 44100, 120.0, 4);  // a beat is 22050 samples
        QCOMPARE(t.samplesPerBeat(), 22050.0);
        using G = TimelineController;
        QCOMPARE(t.snap(22050 * 3 + 11000, G::SnapBeat), qint64(22050 * 3));
        QCOMPARE(t.snap(22050 * 3 + 11100, G::SnapBeat), qint64(22050 * 4));
        QCOMPARE(t.snap(22050 * 3 + 11100, G::SnapOff), qint64(22050 * 3 + 11100));
        // Bars by default: 4 beats of 22050.
        QCOMPARE(t.snap(22050 * 5), qint64(88200));
        QCOMPARE(t.snap(22050 * 6 + 1), qint64(2 * 88200));
        QCOMPARE(t.snap(-5, G::SnapBeat), qint64(0));
        QCOMPARE(t.snap(44100 * 61, G::SnapBeat), qint64(44100 * 60));
        QCOMPARE(t.snapGridFor(0), G::SnapBar);
        QCOMPARE(t.snapGridFor(Qt::ControlModifier), G::SnapBeat);
        QCOMPARE(t.snapGridFor((Qt::ShiftModifier | Qt::ControlModifier).toInt()), G::SnapOff);
        // A fractional tempo snaps to the nearest whole sample of its grid; 3/4 has three beats to the bar.
        t.setGrid(44100 * 60, 44100, 104.25, 3);
        const double beat = 60.0 * 44100 / 104.25;
        QCOMPARE(t.snap(qint64(beat * 7 + 10), G::SnapBeat), qint64(std::llround(beat * 7)));
        QCOMPARE(t.snap(qint64(beat * 7 + 10)), qint64(std::llround(beat * 6)));
        t.setGrid(44100 * 60, 44100, 104.25, 4);
        QCOMPARE(t.barBeatText(0), QStringLiteral("1.1"));
        QCOMPARE(t.barBeatText(qint64(std::ceil(beat * 5))), QStringLiteral("2.2"));
    }

    void hitTestsBoundaries()
    {
        TimelineController t;
        t.setGrid(44100 * 40, 44100, 120.0, 4);
        t.setViewWidth(1000);
        t.zoomToRange(0, 44100 * 40);  // 1764 samples per pixel
        t.setBoundaries({44100 * 10, 44100 * 20, qint64(44100 * 20.1)});
        const double x10 = t.xForSample(44100 * 10);
        QCOMPARE(t.boundaryAt(x10), 0);
        QCOMPARE(t.boundaryAt(x10 + 4.9), 0);
        QCOMPARE(t.boundaryAt(x10 + 5.1), -1);
        QCOMPARE(t.boundaryAt(x10, 2.0), 0);
        // Two boundaries within reach: the nearer wins.
        const double x20 = t.xForSample(44100 * 20);
        const double x201 = t.xForSample(44100 * 20.1);
        QCOMPARE(t.boundaryAt(x20 + 0.5), 1);
        QCOMPARE(t.boundaryAt(x201 - 0.5), 2);
        QCOMPARE(t.boundaryAt(900), -1);
    }

    void rulerSpacesLabels()
    {
        TimelineController t;
        t.setGrid(44100 * 180, 44100, 120.0, 4);  // 90 bars of 2 s
        t.setViewWidth(1200);
        auto labelled = [&t] {
            QList<double> xs;
            for (const QVariant& v : t.rulerTicks()) {
                const QVariantMap tick = v.toMap();
                if (!tick.value(QStringLiteral("label")).toString().isEmpty())
                    xs << tick.value(QStringLiteral("x")).toDouble();
            }
            return xs;
        };
        for (double seconds : {180.0, 20.0, 2.0}) {
            t.zoomToRange(0, 44100 * seconds);
            const QList<double> xs = labelled();
            QVERIFY2(!xs.isEmpty(), qPrintable(QString::number(seconds)));
            for (int i = 1; i < xs.size(); ++i)
                QVERIFY2(xs[i] - xs[i - 1] >= 69.9, qPrintable(QStringLiteral("%1 s: %2").arg(seconds).arg(xs[i] - xs[i - 1])));
        }
        // Zoomed in to two seconds, every beat has a tick and bar 1 is labelled at x = 0.
        t.zoomToRange(0, 44100 * 2);
        const QVariantList ticks = t.rulerTicks();
        QVERIFY(ticks.size() >= 4);
        QCOMPARE(ticks[0].toMap().value(QStringLiteral("label")).toString(), QStringLiteral("1"));
        QCOMPARE(ticks[1].toMap().value(QStringLiteral("major")).toBool(), false);
        // Labelled bars also say when they are: bar 3 starts at 4 s (tenths at this zoom).
        QCOMPARE(ticks[0].toMap().value(QStringLiteral("time")).toString(), QStringLiteral("0:00.0"));
        t.zoomToRange(0, 44100 * 180);
        bool found = false;
        for (const QVariant& v : t.rulerTicks())
            if (v.toMap().value(QStringLiteral("label")).toString() == QLatin1String("33")) {
                QCOMPARE(v.toMap().value(QStringLiteral("time")).toString(), QStringLiteral("1:04"));
                found = true;
            }
        QVERIFY(found);
    }

    void modelsFollowEditsAndUndo()
    {
        core::ProjectDocument document;
        core::ProjectData song = test::makeSong(3, 4, 2);
        song.settings.timeSignature = {4, 4};
        document.newProject(song);
        ui::EditorController editor(&document, nullptr);
        auto* sections = editor.sections();
        QCOMPARE(sections->rowCount(), 4);
        QCOMPARE(editor.tracks()->rowCount(), 3);
        QCOMPARE(editor.timeline()->songLength(), song.length());

        editor.select(2);
        QCOMPARE(editor.current().value(QStringLiteral("id")).toString(), QStringLiteral("sec-2"));
        QCOMPARE(editor.takes()->sectionId(), QStringLiteral("sec-2"));
        QCOMPARE(editor.takes()->rowCount(), 2);

        // Split the selected section: one row more, the selection stays on its left half, one undo restores.
        QSignalSpy inserted(sections, &QAbstractItemModel::rowsInserted);
        const qint64 middle = song.sections[2].start + song.sections[2].length() / 2;
        QCOMPARE(editor.split(middle), QString());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(sections->rowCount(), 5);
        QCOMPARE(sections->data(sections->index(3), ui::SectionListModel::StartRole).toLongLong(), middle);
        QCOMPARE(editor.currentIndex(), 2);
        document.project()->undoStack()->undo();
        QCOMPARE(sections->rowCount(), 4);
        QCOMPARE(document.project()->data(), song);

        // Merge and delete go through the neighbour; deleting the first keeps the second's label and caption.
        QCOMPARE(editor.deleteSection(0), QString());
        QCOMPARE(sections->rowCount(), 3);
        QCOMPARE(sections->data(sections->index(0), ui::SectionListModel::LabelRole).toString(), QStringLiteral("verse"));
        QCOMPARE(sections->data(sections->index(0), ui::SectionListModel::CaptionRole).toString(), song.sections[1].caption);
        QCOMPARE(sections->data(sections->index(0), ui::SectionListModel::StartRole).toLongLong(), qint64(0));
        document.project()->undoStack()->undo();
        QCOMPARE(document.project()->data(), song);
        QCOMPARE(editor.deleteSection(2), QString());
        QCOMPARE(sections->data(sections->index(1), ui::SectionListModel::EndRole).toLongLong(), song.sections[2].end);
        document.project()->undoStack()->undo();

        // Renaming: a known label, or any text as a custom label.
        QCOMPARE(editor.rename(1, QStringLiteral("Chorus")), QString());
        QCOMPARE(sections->data(sections->index(1), ui::SectionListModel::LabelRole).toString(), QStringLiteral("chorus"));
        QCOMPARE(sections->data(sections->index(1), ui::SectionListModel::OrdinalRole).toInt(), 1);
        QCOMPARE(sections->data(sections->index(2), ui::SectionListModel::OrdinalRole).toInt(), 2);
        QCOMPARE(editor.rename(1, QStringLiteral("Hook B")), QString());
        QCOMPARE(sections->data(sections->index(1), ui::SectionListModel::DisplayNameRole).toString(), QStringLiteral("Hook B"));
        QVERIFY(!editor.rename(1, QStringLiteral("  ")).isEmpty());

        // A boundary drag snaps to beats with Ctrl and is one undo step however many moves it makes.
        const int before = document.project()->undoStack()->count();
        const double beat = 60.0 * 44100 / song.settings.tempo;
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(editor.moveBoundary(0, song.sections[0].end + qint64(i * 1000.3), Qt::ControlModifier), QString());
        editor.finishBoundaryDrag();
        const qint64 moved = sections->data(sections->index(0), ui::SectionListModel::EndRole).toLongLong();
        QCOMPARE(moved, editor.timeline()->snap(song.sections[0].end + 5001, ui::TimelineController::SnapBeat));
        QVERIFY(std::abs(std::remainder(double(moved), beat)) < 1.0);
        QCOMPARE(document.project()->undoStack()->count(), before + 1);
        QCOMPARE(editor.moveBoundary(0, song.sections[0].end + 777, Qt::ShiftModifier), QString());
        editor.finishBoundaryDrag();
        QCOMPARE(sections->data(sections->index(0), ui::SectionListModel::EndRole).toLongLong(), song.sections[0].end + 777);
        QCOMPARE(document.project()->undoStack()->count(), before + 2);
        // Without a modifier it lands on a bar line.
        const double bar = beat * song.settings.timeSignature.numerator;
        QCOMPARE(editor.moveBoundary(0, song.sections[0].end + qint64(0.7 * bar)), QString());
        editor.finishBoundaryDrag();
        const qint64 onBar = sections->data(sections->index(0), ui::SectionListModel::EndRole).toLongLong();
        QVERIFY2(std::abs(std::remainder(double(onBar), bar)) < 1.0, qPrintable(QString::number(onBar)));
        QCOMPARE(document.project()->undoStack()->count(), before + 3);

        // Insert: a new section of its own label at a position, selected.
        QCOMPARE(editor.insertSection(song.sections[3].start + 44100 * 2, QStringLiteral("bridge")), QString());
        QCOMPARE(sections->rowCount(), 5);
        QCOMPARE(editor.currentIndex(), 4);
        QCOMPARE(editor.current().value(QStringLiteral("label")).toString(), QStringLiteral("bridge"));
        document.project()->undoStack()->undo();
        QCOMPARE(sections->rowCount(), 4);

        // Energy, lock, caption; a locked section refuses to change its take.
        QCOMPARE(editor.setEnergy(3, 0.9), QString());
        QCOMPARE(sections->data(sections->index(3), ui::SectionListModel::EnergyRole).toDouble(), 0.9);
        QCOMPARE(editor.setCaption(3, QStringLiteral("big finish")), QString());
        QCOMPARE(editor.setLocked(3, true), QString());
        editor.select(3);
        const int lockedTake = editor.takes()->activeRow();
        QVERIFY(!editor.takes()->activate((lockedTake + 1) % editor.takes()->rowCount()).isEmpty());
        QCOMPARE(editor.takes()->activeRow(), lockedTake);
    }

    void takesSwitchAndRate()
    {
        core::ProjectDocument document;
        const core::ProjectData song = test::makeSong(2, 3, 3);
        document.newProject(song);
        ui::EditorController editor(&document, nullptr);
        editor.select(1);
        auto* takes = editor.takes();
        QCOMPARE(takes->rowCount(), 3);
        const int active = takes->activeRow();
        QCOMPARE(takes->data(takes->index(active), ui::TakeListModel::IdRole).toString(), song.sections[1].activeTakeId);
        QSignalSpy activeChanged(takes, &ui::TakeListModel::activeRowChanged);
        const int other = (active + 1) % 3;
        QCOMPARE(takes->activate(other), QString());
        QCOMPARE(activeChanged.count(), 1);
        QCOMPARE(takes->activeRow(), other);
        QCOMPARE(document.project()->data().sections[1].activeTakeId,
                 takes->data(takes->index(other), ui::TakeListModel::IdRole).toString());
        QVERIFY(takes->data(takes->index(other), ui::TakeListModel::ActiveRole).toBool());
        // The lanes draw the newly active take's clips.
        const QVariantList clips = editor.tracks()->data(editor.tracks()->index(0), ui::TrackListModel::ClipsRole).toList();
        bool found = false;
        for (const QVariant& c : clips)
            for (const core::AudioClip& clip : song.sections[1].takes[other].clips)
                found = found || c.toMap().value(QStringLiteral("file")).toString() == clip.file;
        QVERIFY(found);
        QCOMPARE(takes->rate(other, 4), QString());
        QCOMPARE(takes->data(takes->index(other), ui::TakeListModel::RatingRole).toInt(), 4);
        QVERIFY(!takes->activate(7).isEmpty());
        document.project()->undoStack()->undo();
        document.project()->undoStack()->undo();
        QCOMPARE(document.project()->data(), song);
        QCOMPARE(takes->activeRow(), active);
    }

    // Issue 16.7: a solo dims the other lanes as a mute dims its own (the lanes read AudibleRole, the render
    // plan's rule), and every row hears of it.
    void soloDimsTheOtherTracks()
    {
        core::ProjectDocument document;
        document.newProject(test::makeSong(3, 2, 1));
        ui::EditorController editor(&document, nullptr);
        auto* tracks = editor.tracks();
        auto audible = [&](int row) { return tracks->data(tracks->index(row), ui::TrackListModel::AudibleRole).toBool(); };
        for (int row = 0; row < 3; ++row) {  // the test song has a muted or soloed track or two: start plain
            QCOMPARE(tracks->setSolo(row, false), QString());
            QCOMPARE(tracks->setMute(row, false), QString());
        }
        QVERIFY(audible(0) && audible(1) && audible(2));
        QSignalSpy changed(tracks, &QAbstractItemModel::dataChanged);
        QCOMPARE(tracks->setSolo(1, true), QString());
        QVERIFY(!audible(0) && audible(1) && !audible(2));
        bool allRows = false;
        for (const auto& args : changed)
            allRows = allRows || (args[0].toModelIndex().row() == 0 && args[1].toModelIndex().row() == 2
                                  && args[2].value<QList<int>>().contains(ui::TrackListModel::AudibleRole));
        QVERIFY(allRows);
        QCOMPARE(tracks->setMute(1, true), QString());  // a muted solo track is silent too
        QVERIFY(!audible(1));
        QCOMPARE(tracks->setSolo(1, false), QString());
        QCOMPARE(tracks->setMute(1, false), QString());
        QCOMPARE(tracks->setMute(2, true), QString());
        QVERIFY(audible(0) && audible(1) && !audible(2));
    }

    // Issue 16.8: the takes list says what the level guard did, and warns of a take that clips.
    void takesSayWhatTheLevelGuardDid()
    {
        core::ProjectDocument document;
        core::ProjectData song = test::makeSong(2, 2, 2);
        song.sections[0].takes[0].origin.levelGainDb = -6.25;
        song.sections[0].takes[0].origin.truePeakDbtp = -1.0;
        song.sections[0].takes[1].origin.levelGainDb = 0.0;
        song.sections[0].takes[1].origin.truePeakDbtp = 2.1;  // an import that clips
        document.newProject(song);
        ui::EditorController editor(&document, nullptr);
        editor.select(0);
        auto* takes = editor.takes();
        const QString guarded = takes->data(takes->index(0), ui::TakeListModel::DetailsRole).toString();
        QVERIFY2(guarded.contains(QStringLiteral("level guard -6.3 dB")), qPrintable(guarded));
        QCOMPARE(takes->data(takes->index(0), ui::TakeListModel::ClipWarningRole).toString(), QString());
        QCOMPARE(takes->data(takes->index(1), ui::TakeListModel::ClipWarningRole).toString(),
                 QStringLiteral("Clips: its stems peak at 2.1 dBTP"));
        QVERIFY(!takes->data(takes->index(1), ui::TakeListModel::DetailsRole).toString().contains(QLatin1String("level guard")));
    }

    void recentSongsRememberWhatWasOpened()
    {
        QTemporaryDir dir;
        // A private settings folder, so the test neither reads nor rewrites the user's own list.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
        QCoreApplication::setOrganizationName(QStringLiteral("S2A-test"));
        const QString a = dir.filePath(QStringLiteral("A.s2a"));
        const QString b = dir.filePath(QStringLiteral("B.s2a"));
        QVERIFY(core::bundle::save(test::makeSineSong(a, 1, 2.0), a));
        QVERIFY(core::bundle::save(test::makeSineSong(b, 1, 2.0), b));
        core::ProjectDocument document;
        ui::DocumentController controller(&document, QStringLiteral("test"));
        QSignalSpy changed(&controller, &ui::DocumentController::recentSongsChanged);
        QCOMPARE(controller.open(QUrl::fromLocalFile(a)), QString());
        QCOMPARE(controller.open(QUrl::fromLocalFile(b)), QString());
        QCOMPARE(controller.open(QUrl::fromLocalFile(a)), QString());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(controller.recentSongs(), (QStringList{a, b}));  // newest first, each once
        QCOMPARE(controller.openRecent(1), QString());
        QCOMPARE(document.bundlePath(), b);
        // A song deleted from disk drops out of the menu; asking for it says so.
        QVERIFY(QDir(a).removeRecursively());
        QCOMPARE(controller.recentSongs(), QStringList{b});
        QVERIFY(!controller.openRecent(5).isEmpty());
    }
};

QTEST_MAIN(TimelineTest)
#include "tst_timeline.moc"
