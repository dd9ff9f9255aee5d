// MIDI export (issue 21): the notes of every track's active takes, cut to what each clip plays, joined into one
// Standard MIDI File per track for the whole song or a range, read back with the same reader the trainer uses.
#include "AudioFixtures.h"

#include "core/export/Exporter.h"
#include "core/midi/MidiFile.h"
#include "core/persistence/ProjectBundle.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using namespace s2a::core;

namespace {

constexpr int kRate = 44100;

MidiNote note(double start, double end, int pitch, int program = 33)
{
    MidiNote n;
    n.startSeconds = start;
    n.endSeconds = end;
    n.pitch = pitch;
    n.velocity = 90;
    n.channel = 1;
    n.program = program;
    return n;
}

}  // namespace

class MidiExportTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bundle;
    ProjectData m_song;

private Q_SLOTS:
    // 120 BPM, two 2 s sections. "Bass": section 1 plays the first 2 s of a 4 s take file whose MIDI has a note
    // every 0.5 s (pitches 40..47), section 2 another take (its own file, a note at 0.1 s, pitch 60).
    // "Pad": audio only.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bundle = m_dir.filePath(QStringLiteral("Song.s2a"));
        m_song = ProjectData::createNew(QStringLiteral("Midi Song"), kRate, 4 * kRate);
        m_song.settings.tempo = 120.0;
        for (const char* name : {"Bass", "Pad"}) {
            Track t;
            t.id = QStringLiteral("trk-%1").arg(QLatin1String(name));
            t.name = QLatin1String(name);
            m_song.tracks.append(t);
        }
        std::vector<MidiNote> whole;
        for (int k = 0; k < 8; ++k)
            whole.push_back(note(0.5 * k, 0.5 * k + 0.25, 40 + k));
        auto longMidi = bundle::addFileBytes(m_bundle, writeMidi(whole, 120.0), QStringLiteral("mid"));
        auto shortMidi = bundle::addFileBytes(m_bundle, writeMidi({note(0.1, 0.6, 60)}, 120.0), QStringLiteral("mid"));
        QVERIFY(longMidi && shortMidi);
        const auto tone = [](SampleCount frames) {
            return test::makeAudio(kRate, frames, [](int, SampleCount i) { return 0.1f * float(std::sin(0.05 * double(i))); });
        };
        const QString longAudio = test::storeAudio(m_bundle, tone(4 * kRate));
        const QString shortAudio = test::storeAudio(m_bundle, tone(2 * kRate));
        m_song.sections.clear();
        for (int s = 0; s < 2; ++s) {
            Section section;
            section.id = QStringLiteral("sec-%1").arg(s);
            section.start = s * 2 * kRate;
            section.end = section.start + 2 * kRate;
            Take take;
            take.id = QStringLiteral("take-%1").arg(s);
            AudioClip bass{QStringLiteral("trk-Bass"), s == 0 ? longAudio : shortAudio, section.start, 0, 2 * kRate};
            bass.midiFile = s == 0 ? longMidi.value() : shortMidi.value();
            take.clips.append(bass);
            take.clips.append({QStringLiteral("trk-Pad"), shortAudio, section.start, 0, 2 * kRate});
            section.takes.append(take);
            section.activeTakeId = take.id;
            m_song.sections.append(section);
        }
        QVERIFY(bundle::save(m_song, m_bundle));
    }

    void writerAndReaderAgree()
    {
        const std::vector<MidiNote> notes{note(0.0, 0.5, 36, 33), note(0.25, 1.0, 64, 81), note(1.5, 1.75, 38, 0)};
        auto read = parseMidi(writeMidi(notes, 90.0), QStringLiteral("round trip"));
        QVERIFY2(read, qPrintable(read.errorMessage()));
        QCOMPARE(read->size(), notes.size());
        for (size_t i = 0; i < notes.size(); ++i) {
            QVERIFY(std::abs(read->at(i).startSeconds - notes[i].startSeconds) < 1e-3);
            QVERIFY(std::abs(read->at(i).endSeconds - notes[i].endSeconds) < 1e-3);
            QCOMPARE(read->at(i).pitch, notes[i].pitch);
            QCOMPARE(read->at(i).velocity, 90);
            QCOMPARE(read->at(i).program, 33);  // one channel: its first note's program, set once at time 0
        }
    }

    void exportsEachTracksNotesAsPlayed()
    {
        ExportOptions options;
        options.what = ExportWhat::Mix;
        options.midi = true;
        const QString out = m_dir.filePath(QStringLiteral("whole"));
        SimpleJobControl job;
        auto report = exportSong(m_song, m_bundle, out, options, job);
        QVERIFY2(report, qPrintable(report.errorMessage()));
        QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("Midi Song_Bass.mid"))));
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("Midi Song_Pad.mid"))));  // no notes
        QCOMPARE(report->files.size(), 2);  // the mix and the bass's MIDI
        auto notes = readMidiFile(QDir(out).filePath(QStringLiteral("Midi Song_Bass.mid")));
        QVERIFY2(notes, qPrintable(notes.errorMessage()));
        // Section 1 plays the first four notes of its file; section 2's file starts at 2 s on the timeline.
        const std::vector<std::pair<double, int>> expected{{0.0, 40}, {0.5, 41}, {1.0, 42}, {1.5, 43}, {2.1, 60}};
        QCOMPARE(notes->size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(std::abs(notes->at(i).startSeconds - expected[i].first) < 1e-3, qPrintable(QString::number(notes->at(i).startSeconds)));
            QCOMPARE(notes->at(i).pitch, expected[i].second);
            QCOMPARE(notes->at(i).program, 33);
        }

        // A range: counted from its start, cut at its end.
        options.range = std::make_pair(SampleCount(kRate), SampleCount(kRate * 5 / 2));
        const QString part = m_dir.filePath(QStringLiteral("range"));
        QVERIFY(exportSong(m_song, m_bundle, part, options, job));
        auto inRange = readMidiFile(QDir(part).filePath(QStringLiteral("Midi Song_1.000s-2.500s_Bass.mid")));
        QVERIFY2(inRange, qPrintable(inRange.errorMessage()));
        QCOMPARE(inRange->size(), size_t(3));
        QVERIFY(std::abs(inRange->at(0).startSeconds - 0.0) < 1e-3);
        QVERIFY(std::abs(inRange->at(2).startSeconds - 1.1) < 1e-3);
        QVERIFY(std::abs(inRange->at(2).endSeconds - 1.5) < 1e-3);  // 0.6 s into section 2 would be 1.6: cut at the range's end
    }

    void refusesWhatItCannotExport()
    {
        ExportOptions options;
        options.what = ExportWhat::Sections;
        options.midi = true;
        SimpleJobControl job;
        QVERIFY(exportSong(m_song, m_bundle, m_dir.filePath(QStringLiteral("s")), options, job).errorMessage().contains(QLatin1String("not per section")));
        ProjectData noMidi = m_song;
        for (Section& s : noMidi.sections)
            for (Take& t : s.takes)
                for (AudioClip& c : t.clips)
                    c.midiFile.clear();
        options.what = ExportWhat::Stems;
        const QString out = m_dir.filePath(QStringLiteral("none"));
        QVERIFY(exportSong(noMidi, m_bundle, out, options, job).errorMessage().contains(QLatin1String("no MIDI")));
        QVERIFY(!QDir(out).exists() || QDir(out).isEmpty());
        // A MIDI file gone from the bundle is named, and nothing is left behind.
        ProjectData gone = m_song;
        gone.sections[1].takes[0].clips[0].midiFile = QStringLiteral("0123456789abcdef0123456789abcdef.mid");
        const QString broken = m_dir.filePath(QStringLiteral("broken"));
        QVERIFY(exportSong(gone, m_bundle, broken, options, job).errorMessage().contains(QLatin1String("0123456789abcdef")));
        QVERIFY(!QDir(broken).exists() || QDir(broken).isEmpty());
        // The clip's MIDI survives saving and loading.
        QCOMPARE(bundle::load(m_bundle)->sections[0].takes[0].clips[0].midiFile, m_song.sections[0].takes[0].clips[0].midiFile);
    }
};

QTEST_GUILESS_MAIN(MidiExportTest)
#include "tst_midi_export.moc"
