// Issue 20 in the real window (under xvfb-run): File > Accompany a Recording… on a melody the arranger wrote opens
// a new song with the recording on a locked track, a chord lane, bar 1 and a band; the chord lane is edited with
// the mouse (a double-click types a chord, a drag moves a change along the beat grid from bar 1, the context menu
// adds one) and every edit is undone.
#include "MainWindowFixture.h"
#include "TestProjects.h"

#include "core/audio/AudioFileWriter.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongPlanner.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cmath>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;

namespace {

// A flute melody of 2 + 4 bars at 100 BPM from the arranger, as a 16-bit WAV: what a user brings to accompany.
QString writeMelody(const QString& path)
{
    inference::GenerationRequest r;
    r.caption = QStringLiteral("pop with piano and a flute melody");
    r.seed = 21;
    r.tempo = 100;
    r.key = QStringLiteral("G major");
    r.sections = inference::arranger::SongPlanner::barSections({{core::SectionLabel::Verse, 4}, {core::SectionLabel::Chorus, 4}}, 100, r.sampleRate);
    inference::arranger::ArrangerEngine engine;
    SimpleJobControl job;
    auto song = engine.generate(r, job);
    if (!song)
        return song.errorMessage();
    for (const inference::Stem& s : song->stems)
        if (s.role == core::TrackRole::Lead)
            return core::AudioFileWriter::write(path, s.audio, core::AudioFileFormat::Wav16).errorMessage();
    return QStringLiteral("the arranger wrote no lead");
}

}  // namespace

class AccompanyGuiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::initWindowTests(); }

    void accompaniesARecordingFromTheFileMenu()
    {
        QTemporaryDir dir;
        const QString melody = dir.filePath(QStringLiteral("Tune.wav"));
        const QString made = writeMelody(melody);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        test::MainWindow app;
        QVERIFY(app.show());
        // File > Accompany a Recording… (the file dialog's choice is what its onAccepted sets).
        auto* action = app.root->findChild<QObject*>(QStringLiteral("accompanyAction"));
        QVERIFY(action);
        QMetaObject::invokeMethod(action, "trigger");
        auto* dialog = app.root->findChild<QObject*>(QStringLiteral("accompanyDialog"));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QVERIFY(!app.item("accompanyStart")->isEnabled());
        dialog->setProperty("recording", QUrl::fromLocalFile(melody));
        test::click(app.window, app.item("accompanyCaption"));
        for (const char c : QByteArray("funk with clavinet and slap bass"))
            QTest::keyClick(app.window, c);
        test::click(app.window, app.item("accompanyTrackName"));
        for (const char c : QByteArray("Flute"))
            QTest::keyClick(app.window, c);
        QSignalSpy finished(&app.controller, &ui::DocumentController::importFinished);
        QTRY_VERIFY(app.item("accompanyStart")->isEnabled());
        test::click(app.window, app.item("accompanyStart"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));

        const core::ProjectData& song = app.data();
        QCOMPARE(song.settings.caption, QStringLiteral("funk with clavinet and slap bass"));
        int locked = 0;
        for (const core::Track& t : song.tracks)
            if (t.locked) {
                ++locked;
                QCOMPARE(t.name, QStringLiteral("Flute"));
            }
        QCOMPARE(locked, 1);
        QVERIFY(song.tracks.size() >= 3);
        QVERIFY(!song.chords.isEmpty());
        QVERIFY2(std::abs(song.settings.tempo - 100.0) < 1.0, qPrintable(QString::number(song.settings.tempo)));
        for (const core::Section& s : song.sections) {
            QCOMPARE(s.takes.size(), 2);  // the recording alone, and with the band (active)
            QCOMPARE(s.activeTake()->name, QStringLiteral("Accompaniment"));
        }
        QTRY_VERIFY(app.item("chord_0") != nullptr);
        // Every lane's peaks (built on a pool thread) before the picture: the recording and the band, drawn.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto waves = test::findItems(app.item("trackList"), QStringLiteral("waveform"));
                return !waves.isEmpty() && std::all_of(waves.begin(), waves.end(), [](QQuickItem* w) {
                    return !w->property("clips").toList().isEmpty() && !w->property("loading").toBool() && w->property("ready").toBool()
                        && w->property("errorString").toString().isEmpty();
                });
            }(),
            20000);
        QVERIFY(test::saveScreenshot(app.window, QStringLiteral("accompany.png"), QStringLiteral(QT_TESTCASE_BUILDDIR)));
    }

    void chordLaneIsEditedByMouseAndUndone()
    {
        test::MainWindow app;
        core::ProjectData song = test::makeSong(2, 4, 1);
        song.settings.tempo = 120;
        song.settings.timeSignature = {4, 4};
        song.settings.downbeatOffset = 22050;  // bar 1 half a second in: a one-beat pickup
        song.chords = {{0, QStringLiteral("G")}, {8 * 44100, QStringLiteral("Em")}, {16 * 44100, QStringLiteral("C")}};
        app.document.newProject(song);
        QVERIFY(app.show());
        ui::TimelineController* timeline = app.editor.timeline();
        QUndoStack* undo = app.document.project()->undoStack();
        const ProjectChords before = app.data().chords;

        // Bar 1 is where the song says: the ruler counts from it, the grid snaps to it.
        QCOMPARE(timeline->barBeatText(22050), QStringLiteral("1.1"));
        QCOMPARE(timeline->barBeatText(0), QStringLiteral("0.4"));
        QCOMPARE(timeline->snap(22050 + 13000, ui::TimelineController::SnapBeat), qint64(22050 + 22050));
        QTRY_VERIFY(app.item("chord_2") != nullptr);

        // A double-click types a chord in a musician's spelling; the lane shows the canonical one.
        QQuickItem* second = app.item("chord_1");
        QTest::mouseDClick(app.window, Qt::LeftButton, Qt::NoModifier, second->mapToScene(QPointF(8, second->height() / 2)).toPoint());
        QQuickItem* field = nullptr;
        QTRY_VERIFY((field = second->findChild<QQuickItem*>(QStringLiteral("chordEditor"))) && field->isVisible() && field->hasActiveFocus());
        QTest::keyClick(app.window, Qt::Key_A, Qt::ControlModifier);
        for (const char c : QByteArray("f#min7"))
            QTest::keyClick(app.window, c);
        QTest::keyClick(app.window, Qt::Key_Return);
        QTRY_COMPARE(app.data().chords[1].name, QStringLiteral("F#m7"));
        const int afterRename = undo->index();

        // A drag of that change by about 2.4 beats lands on a beat of the grid from bar 1: one undo step.
        const double spp = timeline->samplesPerPixel(), beat = timeline->samplesPerBeat();
        second = app.item("chord_1");
        const QPoint grab = second->mapToScene(QPointF(4, second->height() / 2)).toPoint();
        test::drag(app.window, grab, grab + QPoint(int(std::lround(2.4 * beat / spp)), 0));
        const core::SampleCount moved = app.data().chords[1].position;
        QCOMPARE(moved, timeline->snap(moved, ui::TimelineController::SnapBeat));
        QCOMPARE((moved - 22050) % 22050, core::SampleCount(0));
        QVERIFY2(std::abs(double(moved) - (8 * 44100 + 2.4 * beat)) <= beat / 2 + 8 * spp, qPrintable(QString::number(moved)));
        QCOMPARE(undo->index(), afterRename + 1);

        // The context menu adds a change where it was opened, with the chord of the block.
        QQuickItem* first = app.item("chord_0");
        QTest::mouseClick(app.window, Qt::RightButton, Qt::NoModifier, first->mapToScene(QPointF(first->width() / 2, first->height() / 2)).toPoint());
        QQuickItem* add = nullptr;
        QTRY_VERIFY((add = app.item("chordAddHere")) && add->isVisible());
        test::click(app.window, add);
        QTRY_COMPARE(app.data().chords.size(), before.size() + 1);
        QCOMPARE(app.data().chords[1].name, QStringLiteral("G"));
        QVERIFY(test::saveScreenshot(app.window, QStringLiteral("chord-lane.png"), QStringLiteral(QT_TESTCASE_BUILDDIR)));

        // Undo, three times: the lane is as it was.
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(app.window, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(app.data().chords == before);
        QTRY_COMPARE(app.item("chord_1")->findChild<QQuickItem*>(QStringLiteral("chordName"))->property("text").toString(), QStringLiteral("Em"));
    }

private:
    using ProjectChords = QVector<core::ChordMark>;
};

QTEST_MAIN(AccompanyGuiTest)
#include "tst_accompany_gui.moc"
