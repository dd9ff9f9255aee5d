// The training data pipeline on real files: MIDI written by the arranger's writer read back, targets of a
// hand-made song, caption paraphrases checked by the caption parser, and the whole pipeline over two songs
// rendered by the real s2a-corpus tool.
#include "core/audio/AudioFileReader.h"
#include "inference/arranger/CaptionParser.h"
#include "inference/arranger/MidiFileWriter.h"
#include "training/data/CaptionParaphraser.h"
#include "training/data/MidiReader.h"
#include "training/data/StructureTargets.h"
#include "training/data/ManifestExport.h"
#include "training/data/TrainingData.h"
#include "training/GroupAudio.h"
#include "TestFiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::training;

namespace {

constexpr int kRate = 44100;
constexpr int64_t kHop = 2048;

QByteArray bytes(std::initializer_list<int> list)
{
    QByteArray b;
    for (int v : list)
        b.append(char(v));
    return b;
}

MidiNote note(double start, double end, int pitch, bool drum = false)
{
    return {start, end, pitch, 100, drum ? 9 : 0, drum};
}

void compareSections(const QVector<TrainingSection>& a, const QVector<TrainingSection>& b)
{
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].label, b[i].label);
        QCOMPARE(a[i].start, b[i].start);
        QCOMPARE(a[i].end, b[i].end);
        QCOMPARE(a[i].caption, b[i].caption);
        QCOMPARE(a[i].paraphrases, b[i].paraphrases);
        QCOMPARE(a[i].chords, b[i].chords);
    }
}

void compareSongs(const TrainingSong& a, const TrainingSong& b)
{
    QCOMPARE(a.folder, b.folder);
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.caption, b.caption);
    QCOMPARE(a.captionParaphrases, b.captionParaphrases);
    QCOMPARE(a.tempo, b.tempo);
    QCOMPARE(a.beatsPerBar, b.beatsPerBar);
    QCOMPARE(a.key, b.key);
    QCOMPARE(a.style, b.style);
    QCOMPARE(a.instruments, b.instruments);
    QCOMPARE(a.sampleRate, b.sampleRate);
    QCOMPARE(a.samples, b.samples);
    compareSections(a.sections, b.sections);
    compareSections(a.analysedSections, b.analysedSections);
    QCOMPARE(a.quality.score, b.quality.score);
    QCOMPARE(a.quality.audioScore, b.quality.audioScore);
    QCOMPARE(a.quality.boundaryHitRate, b.quality.boundaryHitRate);
    QCOMPARE(a.quality.tempoError, b.quality.tempoError);
    QCOMPARE(a.quality.reasons, b.quality.reasons);
    QCOMPARE(a.stemFiles, b.stemFiles);
    QVERIFY(a.stemGroups == b.stemGroups);
    QCOMPARE(a.stemRoles, b.stemRoles);
    QCOMPARE(a.midiFiles, b.midiFiles);
    QCOMPARE(a.targets.frames, b.targets.frames);
    QVERIFY(a.targets.melody == b.targets.melody && a.targets.chroma == b.targets.chroma && a.targets.onset == b.targets.onset
            && a.targets.beat == b.targets.beat && a.targets.bass == b.targets.bass && a.targets.chord == b.targets.chord);
}

}  // namespace

class TrainingDataTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_corpus.isValid());
        QProcess p;
        p.start(QStringLiteral(S2A_CORPUS_PATH), {QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--out"), m_corpus.path(),
                                                  QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--seconds"), QStringLiteral("8:12")});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void midiReaderReadsTheArrangersFilesBack()
    {
        arranger::StemPart part;
        part.instrument.name = QStringLiteral("Lead");
        part.instrument.role = core::TrackRole::Lead;
        // Retriggered pitch (off and on at one tick), an overlap, a long gap, a note cut by the end tick.
        part.notes = {{0, 480, 60, 90}, {480, 240, 60, 70}, {600, 960, 64, 110}, {7680, 120, 67, 1}, {9600, 4000, 72, 80}};
        const double tempo = 97.0;
        const qint64 endTick = 10560;
        const auto read = parseMidi(arranger::MidiFileWriter::write(part, tempo, 0, endTick), QStringLiteral("lead.mid"));
        QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
        QCOMPARE(read.value().size(), part.notes.size());
        const double secondsPerTick = 60.0 / (tempo * arranger::kTicksPerBeat);
        for (size_t i = 0; i < part.notes.size(); ++i) {
            const arranger::NoteEvent& n = part.notes[i];
            const MidiNote& m = read.value()[i];
            QCOMPARE(m.pitch, n.pitch);
            QCOMPARE(m.velocity, n.velocity);
            QCOMPARE(m.channel, 0);
            QVERIFY(!m.drum);
            QVERIFY(std::abs(m.startSeconds - n.tick * secondsPerTick) < 1e-3);
            QVERIFY(std::abs(m.endSeconds - std::min(n.tick + n.length, endTick) * secondsPerTick) < 1e-3);
        }

        arranger::StemPart drums;
        drums.instrument.drums = true;
        drums.notes = {{0, 60, 36, 100}, {480, 60, 38, 90}};
        const auto kit = parseMidi(arranger::MidiFileWriter::write(drums, 120.0, 0, 960), QStringLiteral("drums.mid"));
        QVERIFY(kit.ok());
        QCOMPARE(kit.value().size(), size_t(2));
        QVERIFY(kit.value()[1].drum);
        QCOMPARE(kit.value()[1].channel, 9);
        QVERIFY(std::abs(kit.value()[1].startSeconds - 0.5) < 1e-6);
    }

    void midiReaderFollowsATempoTrackRunningStatusAndVelocityZero()
    {
        // Format 1, 96 PPQ: track 1 holds the tempo (120 BPM, then 60 BPM from tick 192); track 2 the notes,
        // with running status and note-on velocity 0 as note-off.
        const QByteArray tempoTrack = bytes({0x00, 0xff, 0x51, 0x03, 0x07, 0xa1, 0x20, 0x81, 0x40, 0xff, 0x51, 0x03, 0x0f, 0x42, 0x40,
                                             0x00, 0xff, 0x2f, 0x00});
        const QByteArray noteTrack = bytes({0x00, 0x91, 60, 100, 0x60, 60, 0, 0x00, 64, 80, 0x81, 0x40, 64, 0, 0x00, 0xff, 0x2f, 0x00});
        QByteArray file = bytes({'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 2, 0, 96});
        for (const QByteArray& t : {tempoTrack, noteTrack})
            file += bytes({'M', 'T', 'r', 'k', 0, 0, 0, int(t.size())}) + t;
        const auto read = parseMidi(file, QStringLiteral("format1.mid"));
        QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
        QCOMPARE(read.value().size(), size_t(2));
        QCOMPARE(read.value()[0].pitch, 60);
        QCOMPARE(read.value()[0].channel, 1);
        QVERIFY(std::abs(read.value()[0].endSeconds - 0.5) < 1e-9);    // 96 ticks at 120 BPM
        QVERIFY(std::abs(read.value()[1].startSeconds - 0.5) < 1e-9);
        QVERIFY(std::abs(read.value()[1].endSeconds - 2.0) < 1e-9);    // 96 more at 120, then 96 at 60 BPM
        QCOMPARE(read.value()[1].velocity, 80);

        const auto truncated = parseMidi(file.left(file.size() - 6), QStringLiteral("cut.mid"));
        QVERIFY(!truncated.ok());
        QVERIFY2(truncated.errorMessage().startsWith(QStringLiteral("cut.mid: ")), qPrintable(truncated.errorMessage()));
        QVERIFY(readMidiFile(QStringLiteral("/nonexistent/x.mid")).errorMessage().contains(QStringLiteral("/nonexistent/x.mid")));
    }

    void chordSymbolsMapToIds_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<int>("id");
        for (const auto& [s, id] : std::vector<std::pair<const char*, int>>{
                 {"F#m7", 18}, {"Emaj7", 4}, {"B7", 11}, {"Bbm", 22}, {"N.C.", 24}, {"C", 0}, {"Am", 21}, {"Cdim", 12},
                 {"Dsus4", 2}, {"Bm7b5", 23}, {"C/E", 0}, {"Ebmaj7", 3}, {"", 24}, {"xyz", 24}})
            QTest::newRow(s) << QString::fromLatin1(s) << id;
    }
    void chordSymbolsMapToIds()
    {
        QFETCH(QString, symbol);
        QFETCH(int, id);
        QCOMPARE(chordIdForSymbol(symbol), id);
    }

    void beatsFollowTheTempoGrid()
    {
        const double tempo = 97.0;
        const FrameTargets t = computeFrameTargets({}, tempo, {}, kRate, kHop, 400);
        std::vector<int64_t> beats;
        for (int64_t f = 0; f < t.frames; ++f)
            if (t.beat[size_t(f)] > 0.0f)
                beats.push_back(f);
        const double spacing = 60.0 / tempo * kRate / double(kHop);
        QCOMPARE(int64_t(beats.size()), int64_t(std::ceil(400.0 / spacing)));
        for (size_t k = 0; k < beats.size(); ++k)
            QCOMPARE(beats[k], int64_t(std::floor(double(k) * spacing + 1e-9)));
    }

    void targetsFollowTheNotes()
    {
        // Lead: C5 0-0.5 s with E5 over it from 0.25 s; bass E2 0-1 s and G2 from 0.5 s; a kick at 0.75 s.
        std::vector<StemNotes> stems{{core::TrackRole::Lead, {note(0.0, 0.5, 72), note(0.25, 0.5, 76)}},
                                     {core::TrackRole::Bass, {note(0.0, 1.0, 40), note(0.5, 1.0, 43)}},
                                     {core::TrackRole::Drums, {note(0.75, 0.8, 36, true)}}};
        TrainingSection section;
        section.end = 175000;  // inside the last frame, past that frame's centre
        section.chords = {QStringLiteral("Am"), QStringLiteral("F")};  // bars of 2 s at 120 BPM
        const FrameTargets t = computeFrameTargets(stems, 120.0, {section}, kRate, kHop, 86);
        QCOMPARE(t.frames, int64_t(86));
        QCOMPARE(t.chroma.size(), size_t(86 * 12));
        auto frameOf = [](double seconds) { return size_t(std::llround(seconds * kRate) / kHop); };
        auto chroma = [&](size_t f) {
            QList<int> pcs;
            for (int pc = 0; pc < 12; ++pc)
                if (t.chroma[f * 12 + size_t(pc)] > 0.0f)
                    pcs << pc;
            return pcs;
        };
        QCOMPARE(int(t.melody[2]), 72);
        QCOMPARE(int(t.melody[frameOf(0.3)]), 76);
        QCOMPARE(int(t.melody[frameOf(0.7)]), kNoMelody);
        QCOMPARE(int(t.bass[2]), 4);
        QCOMPARE(int(t.bass[frameOf(0.7)]), 4);  // the lowest of E2 and G2
        QCOMPARE(int(t.bass[frameOf(1.2)]), kNoBass);
        QCOMPARE(chroma(2), (QList<int>{0, 4}));
        QCOMPARE(chroma(frameOf(0.3)), (QList<int>{0, 4}));
        QCOMPARE(chroma(frameOf(0.75)), (QList<int>{4, 7}));  // the kick adds no pitch class
        QCOMPARE(chroma(frameOf(1.2)), QList<int>{});
        const std::vector<size_t> onsets{0, frameOf(0.25), frameOf(0.5), frameOf(0.75)};
        for (size_t f = 0; f < size_t(t.frames); ++f)
            QCOMPARE(t.onset[f] > 0.0f, std::find(onsets.begin(), onsets.end(), f) != onsets.end());
        QCOMPARE(int(t.chord[0]), 21);
        QCOMPARE(int(t.chord[frameOf(1.9)]), 21);
        QCOMPARE(int(t.chord[frameOf(2.1)]), 5);
        QCOMPARE(int(t.chord[85]), 5);  // its centre lies past the song: the chord of the song's last sample

        stems.erase(stems.begin());  // no lead stem: no melody anywhere
        const FrameTargets noLead = computeFrameTargets(stems, 120.0, {section}, kRate, kHop, 86);
        QVERIFY(std::all_of(noLead.melody.begin(), noLead.melody.end(), [](int16_t m) { return m == kNoMelody; }));
    }

    void paraphrasesKeepTheMeaning_data()
    {
        QTest::addColumn<QString>("caption");
        for (const char* c : {"happy disco with piano, 112 bpm", "dark lo-fi hip hop with rhodes, 80 bpm",
                              "laid back pop with bass and strings", "energetic funk with slap bass, in Bb major", "ambient",
                              "dreamy deep house with pads and synth bass, 124 bpm, in F# minor"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }
    void paraphrasesKeepTheMeaning()
    {
        QFETCH(QString, caption);
        const QStringList p = paraphraseCaption(caption, 4, 7);
        QCOMPARE(p, paraphraseCaption(caption, 4, 7));
        QCOMPARE(p.size(), 5);
        QCOMPARE(p.first(), caption);
        QCOMPARE(QSet<QString>(p.begin(), p.end()).size(), p.size());
        const arranger::CaptionIntent original = arranger::parseCaption(caption);
        for (const QString& s : p) {
            QVERIFY2(captionsMeanTheSame(caption, s), qPrintable(s));
            const arranger::CaptionIntent read = arranger::parseCaption(s);
            QVERIFY(read.style && read.style == original.style);
            QVERIFY(read.tempo == original.tempo);
            QVERIFY(read.tonic == original.tonic);
            QCOMPARE(read.instruments.size(), original.instruments.size());
        }
        QVERIFY(paraphraseCaption(caption, 4, 8) != p || paraphraseCaption(caption, 4, 9) != p);
    }

    void paraphrasesReadLikeTheExamples()
    {
        const QStringList p = paraphraseCaption(QStringLiteral("happy disco with piano, 112 bpm"), 40, 1);
        QVERIFY2(p.contains(QStringLiteral("a happy disco track featuring piano at 112 bpm")), qPrintable(p.join(QStringLiteral(" | "))));
        QVERIFY(p.contains(QStringLiteral("disco, happy mood, piano, 112 BPM")));
        for (const QString& s : p)
            QVERIFY(s.contains(QStringLiteral("piano"), Qt::CaseInsensitive) && s.contains(QStringLiteral("112")));
        const QStringList sections = paraphraseSectionCaption(QStringLiteral("soft opening"), 40, 1);
        QVERIFY(sections.contains(QStringLiteral("the section is a soft opening")));
        for (const char* c : {"soft opening", "quiet, atmospheric", "full band, big", "contrast, borrowed chords"}) {
            const QStringList s = paraphraseSectionCaption(QString::fromLatin1(c), 4, 3);
            QCOMPARE(s.size(), 5);
            QCOMPARE(QSet<QString>(s.begin(), s.end()).size(), 5);
            for (const QString& r : s)
                QVERIFY2(captionsMeanTheSame(QString::fromLatin1(c), r), qPrintable(r));
        }
        QCOMPARE(paraphraseSectionCaption(QString(), 4, 1), QStringList{QString()});
    }

    void pipelineGradesTheCorpusAndRoundTrips()
    {
        PipelineOptions options;
        SimpleJobControl job;
        QElapsedTimer clock;
        clock.start();
        const auto run = runPipeline(m_corpus.path(), options, job);
        QVERIFY2(run.ok(), qPrintable(run.errorMessage()));
        qInfo("runPipeline with analysis: %.2f s per song", double(clock.elapsed()) / 2000.0);
        const PipelineResult& r = run.value();
        QCOMPARE(r.kept.size() + r.dropped.size(), 2);
        QVERIFY(!r.kept.isEmpty());
        QCOMPARE(job.lastFraction, 1.0);
        for (const TrainingSong& s : r.kept + r.dropped) {
            QVERIFY(s.quality.score >= 0.0 && s.quality.score <= 1.0);
            QVERIFY(s.quality.score == 1.0 || !s.quality.reasons.isEmpty());
            QVERIFY(!s.analysedSections.isEmpty());
            QVERIFY(!s.sections.isEmpty() && s.sections.constLast().end == s.samples);
            QCOMPARE(s.captionParaphrases.size(), options.paraphrases + 1);
            QCOMPARE(s.beatsPerBar, 4);  // song.json's "4/4": the DiT's beat grid counts bars with it
            for (const TrainingSection& sec : s.sections)
                QVERIFY(!sec.paraphrases.isEmpty() && sec.paraphrases.first() == sec.caption && !sec.chords.isEmpty());
            const int64_t frames = (s.samples + options.hop - 1) / options.hop;
            const FrameTargets& t = s.targets;
            QCOMPARE(t.frames, frames);
            QVERIFY(t.melody.size() == size_t(frames) && t.chroma.size() == size_t(frames * 12) && t.onset.size() == size_t(frames)
                    && t.beat.size() == size_t(frames) && t.bass.size() == size_t(frames) && t.chord.size() == size_t(frames));
            QVERIFY(std::count(t.onset.begin(), t.onset.end(), 1.0f) > 0);
            QVERIFY(std::none_of(t.chord.begin(), t.chord.end(), [](int16_t c) { return c == kNoChord; }));
        }
        for (const TrainingSong& s : r.dropped)
            QVERIFY(s.quality.reasons.last().startsWith(QStringLiteral("Dropped")));

        const QString record = QDir(m_corpus.path()).filePath(QStringLiteral("pipeline.json"));
        QVERIFY(writePipelineJson(r, record).ok());
        const auto back = readPipelineJson(record, options);
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        QCOMPARE(back.value().kept.size(), r.kept.size());
        QCOMPARE(back.value().dropped.size(), r.dropped.size());
        for (qsizetype i = 0; i < r.kept.size(); ++i)
            compareSongs(back.value().kept[i], r.kept[i]);
        for (qsizetype i = 0; i < r.dropped.size(); ++i)
            compareSongs(back.value().dropped[i], r.dropped[i]);
        QFile::remove(record);
    }

    void groupAudioSumsToTheMix()
    {
        PipelineOptions options;
        options.analyse = false;
        SimpleJobControl job;
        const auto run = runPipeline(m_corpus.path(), options, job);
        QVERIFY2(run.ok(), qPrintable(run.errorMessage()));
        QCOMPARE(run.value().kept.size(), 2);
        // Through the manifest, as the trainer reads it: written, read back, stems summed by libsndfile.
        const QString path = QDir(m_corpus.path()).filePath(QStringLiteral("manifest.json"));
        writeManifest(manifestFrom(run.value(), options, 44100), path.toStdString());
        Manifest manifest = readManifest(path.toStdString());
        QFile::remove(path);
        QCOMPARE(manifest.songs.size(), size_t(2));
        for (qsizetype k = 0; k < run.value().kept.size(); ++k) {
            const TrainingSong& s = run.value().kept[k];
            const ManifestSong& m = manifest.songs[size_t(k)];
            QCOMPARE(QString::fromStdString(m.id), s.id);
            QCOMPARE(m.quality, 1.0);
            QCOMPARE(m.targets.frames, s.targets.frames);
            QVERIFY(m.targets.chroma == s.targets.chroma && m.targets.melody == s.targets.melody);
            QCOMPARE(m.sections.size(), size_t(s.sections.size()));
            const GroupAudio groups = loadGroupAudio(manifest, m);
            QCOMPARE(groups.size(), size_t(4));
            const auto mix = core::AudioFileReader::read(QDir(s.folder).filePath(QStringLiteral("mix.flac")));
            QVERIFY(mix.ok());
            QCOMPARE(mix.value().audio.frames(), s.samples);
            double worst = 0.0, energy = 0.0;
            for (int c = 0; c < 2; ++c)
                for (int64_t i = 0; i < s.samples; ++i) {
                    double sum = 0.0;
                    for (const auto& g : groups) {
                        QCOMPARE(int64_t(g[size_t(c)].size()), s.samples);
                        sum += g[size_t(c)][size_t(i)];
                    }
                    worst = std::max(worst, std::abs(sum - mix.value().audio.channels[size_t(c)][size_t(i)]));
                    energy += sum * sum;
                }
            QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
            QVERIFY(energy > 1.0);  // not silence
            // The trainer reads each step's crops from disk: a crop (a seek into the FLAC files) is exactly those
            // samples of the whole song, and a crop running past the end is padded with silence.
            const int64_t first = s.samples / 3, length = 4096;
            const GroupAudio crop = loadGroupAudio(manifest, m, first, length);
            const GroupAudio tail = loadGroupAudio(manifest, m, s.samples - 100, 400);
            for (size_t g = 0; g < groups.size(); ++g)
                for (size_t c = 0; c < 2; ++c) {
                    QCOMPARE(int64_t(crop[g][c].size()), length);
                    QVERIFY(std::equal(crop[g][c].begin(), crop[g][c].end(), groups[g][c].begin() + first));
                    QCOMPARE(tail[g][c].size(), size_t(400));
                    QVERIFY(std::equal(tail[g][c].begin(), tail[g][c].begin() + 100, groups[g][c].end() - 100));
                    QVERIFY(std::all_of(tail[g][c].begin() + 100, tail[g][c].end(), [](float v) { return v == 0.0f; }));
                }
        }
        // A manifest that names a stem group past its groups, or a file that is not audio, is refused by name.
        manifest.stemGroups.resize(1);
        writeManifest(manifest, path.toStdString());
        try {
            readManifest(path.toStdString());
            QFAIL("a stem group past the manifest's groups was accepted");
        } catch (const ManifestError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("names stem group 1 of 1")), e.what());
        }
        QFile::remove(path);
        Manifest twice = manifest;
        twice.stemGroups = options.stemGroups;
        twice.songs[1].id = twice.songs[0].id;
        writeManifest(twice, path.toStdString());
        try {
            readManifest(path.toStdString());
            QFAIL("a repeated song id was accepted");
        } catch (const ManifestError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("the id is used twice")), e.what());
        }
        QFile::remove(path);
        Manifest broken = manifest;
        broken.stemGroups = options.stemGroups;
        broken.songs[0].audio[0].file = path.toStdString() + ".missing.flac";
        try {
            loadGroupAudio(broken, broken.songs[0]);
            QFAIL("a missing audio file was read");
        } catch (const ManifestError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral(".missing.flac: cannot be read")), e.what());
        }
        try {
            checkGroupAudio(broken, broken.songs[0]);  // what the trainer does before training on it
            QFAIL("a missing audio file passed the check");
        } catch (const ManifestError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral(".missing.flac: cannot be read")), e.what());
        }
    }

    void unreadableSongsAreDroppedAndTheRunGoesOn()
    {
        QDir corpus(m_corpus.path());
        QVERIFY(corpus.mkpath(QStringLiteral("song-0000.s2a")));
        test::writeAll(corpus.filePath(QStringLiteral("song-0000.s2a/song.json")), "{ not json");
        QVERIFY(corpus.mkpath(QStringLiteral("song-0009.s2a")));
        test::writeAll(corpus.filePath(QStringLiteral("song-0009.s2a/song.json")), R"({"caption": "pop", "tempo": "fast"})");
        PipelineOptions options;
        options.analyse = false;
        SimpleJobControl job;
        const auto run = runPipeline(m_corpus.path(), options, job);
        QVERIFY(QDir(corpus.filePath(QStringLiteral("song-0000.s2a"))).removeRecursively());
        QVERIFY(QDir(corpus.filePath(QStringLiteral("song-0009.s2a"))).removeRecursively());
        QVERIFY2(run.ok(), qPrintable(run.errorMessage()));
        QCOMPARE(run.value().kept.size(), 2);
        QCOMPARE(run.value().dropped.size(), 2);
        const TrainingSong& bad = run.value().dropped[0];
        QCOMPARE(bad.id, QStringLiteral("song-0000.s2a"));
        QVERIFY2(bad.quality.reasons.value(0).contains(QStringLiteral("song-0000.s2a/song.json: not valid JSON")), qPrintable(bad.quality.reasons.value(0)));
        QVERIFY2(run.value().dropped[1].quality.reasons.value(0).endsWith(QStringLiteral("song.json: $.tempo: expected a number, found a string")),
                 qPrintable(run.value().dropped[1].quality.reasons.value(0)));
    }

    void keepFractionAndMinimumScoreDropSongs()
    {
        PipelineOptions options;
        options.analyse = false;  // every song grades 1
        options.keepFraction = 0.5;
        SimpleJobControl job;
        const auto half = runPipeline(m_corpus.path(), options, job);
        QVERIFY2(half.ok(), qPrintable(half.errorMessage()));
        QCOMPARE(half.value().kept.size(), 1);
        QCOMPARE(half.value().dropped.size(), 1);
        QVERIFY(half.value().dropped[0].quality.reasons.value(0).contains(QStringLiteral("outside the best 50%")));
        options.keepFraction = 1.0;
        options.minScore = 1.5;
        const auto none = runPipeline(m_corpus.path(), options, job);
        QVERIFY(none.ok());
        QVERIFY(none.value().kept.isEmpty());
        for (const TrainingSong& s : none.value().dropped)
            QVERIFY(s.quality.reasons.value(0).contains(QStringLiteral("below the minimum 1.50")));
    }

    void gradesDecideWhatIsKept()
    {
        Manifest manifest;
        for (int i = 0; i < 5; ++i) {
            ManifestSong song;
            song.id = "song-" + std::to_string(i);
            song.quality = 0.1 * (i + 3);
            manifest.songs.push_back(song);
        }
        const std::vector<ManifestSong> top = manifest.best(0.4);
        QCOMPARE(top.size(), size_t(2));
        QCOMPARE(top[0].id, std::string("song-4"));
        QCOMPARE(top[1].id, std::string("song-3"));
        QCOMPARE(manifest.best(0.0).size(), size_t(1));
        QVERIFY(Manifest{}.best(0.5).empty());
    }

    void badCorporaAndCancellationAreErrors()
    {
        SimpleJobControl job;
        QTemporaryDir empty;
        QVERIFY(runPipeline(empty.path(), {}, job).errorMessage().contains(QStringLiteral("no song folders")));
        QVERIFY(runPipeline(empty.filePath(QStringLiteral("missing")), {}, job).errorMessage().contains(QStringLiteral("no such folder")));
        job.cancelRequested = true;
        const auto cancelled = runPipeline(m_corpus.path(), {}, job);
        QVERIFY(!cancelled.ok() && isCancelled(cancelled.error()));
    }

private:
    QTemporaryDir m_corpus;
};

QTEST_GUILESS_MAIN(TrainingDataTest)
#include "tst_training_data.moc"
