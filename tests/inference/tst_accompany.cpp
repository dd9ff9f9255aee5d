// Issue 20: `s2a accompany` on the arranger's lead stem alone (its song's chords and beat grid known). The real
// CLI imports the recording, analyses it (tempo, bar 1, key, a harmony for the melody, sections), and the
// arranger makes a band that follows that chord lane and grid. Checked: the recording is a locked track whose
// samples are untouched and play where they were; the band follows the song's chord lane; and, measured against
// the reference song, the band's chords (recognised from its own mix) and its beats (tracked from it).
#include "ArrangedMix.h"
#include "SongMix.h"

#include "core/audio/AudioFileReader.h"
#include "core/audio/AudioFileWriter.h"
#include "core/model/ChordSymbol.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/arranger/Arranger.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/analysis/ChordRecognizer.h"
#include "inference/analysis/LeadRegister.h"
#include "inference/SectionRegenerator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::analysis;
using L = core::SectionLabel;

namespace {

// F-measure of `estimated` beat times against `reference` within +-70 ms (MIREX's beat tolerance), each
// reference beat matched at most once.
double beatFMeasure(const QVector<double>& estimated, const std::vector<double>& reference)
{
    std::vector<bool> used(reference.size(), false);
    int hits = 0;
    for (double e : estimated)
        for (size_t r = 0; r < reference.size(); ++r)
            if (!used[r] && std::abs(e - reference[r]) <= 0.07) {
                used[r] = true;
                ++hits;
                break;
            }
    if (estimated.isEmpty() || reference.empty())
        return 0.0;
    const double precision = double(hits) / estimated.size(), recall = double(hits) / double(reference.size());
    return hits ? 2.0 * precision * recall / (precision + recall) : 0.0;
}

std::vector<ChordSpan> spansOf(const QVector<core::ChordMark>& lane, int sampleRate, double duration)
{
    std::vector<ChordSpan> spans;
    for (int i = 0; i < lane.size(); ++i) {
        const auto symbol = core::parseChordSymbol(lane[i].name);
        const double start = double(lane[i].position) / sampleRate;
        const double end = i + 1 < lane.size() ? double(lane[i + 1].position) / sampleRate : duration;
        spans.push_back({start, end, symbol ? symbol->root : -1, symbol && symbol->minor()});
    }
    return spans;
}

// A tune C5..G5 in half-second notes (three harmonics, a short fade at each end), `notes` of them from 0 s, in a
// mono buffer `seconds` long.
core::AudioBuffer syntheticTune(int notes, double seconds, int rate)
{
    core::AudioBuffer tune = core::AudioBuffer::silence(1, core::SampleCount(seconds * rate), rate);
    const int melody[] = {72, 74, 76, 77, 79, 77, 76, 74};
    const int length = rate / 2 - 2000;
    for (int n = 0; n < notes; ++n)
        for (int i = 0; i < length; ++i) {
            const double f = 440.0 * std::pow(2.0, (melody[n % 8] - 69) / 12.0), t = double(i) / rate;
            const double env = std::min({1.0, i / 400.0, (length - i) / 400.0});
            tune.channels[0][size_t(n * rate / 2 + i)] =
                float(0.3 * env * (std::sin(2 * M_PI * f * t) + 0.5 * std::sin(4 * M_PI * f * t) + 0.25 * std::sin(6 * M_PI * f * t)));
        }
    return tune;
}

}  // namespace

class AccompanyTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accompaniesTheArrangersLeadStem()
    {
        QTemporaryDir& dir = m_dir;
        QVERIFY(dir.isValid());
        constexpr int kRate = 44100;
        const test::ArrangedMix song = test::arrangeMix(QStringLiteral("pop with piano, bass, drums and a flute melody"), 112,
                                                        QStringLiteral("C major"), 11,
                                                        {{L::Intro, 2}, {L::Verse, 8}, {L::Chorus, 8}, {L::Outro, 2}}, kRate);
        const Stem* lead = nullptr;
        for (const Stem& s : song.result.stems)
            if (s.role == core::TrackRole::Lead)
                lead = &s;
        QVERIFY(lead);
        const QString recording = dir.filePath(QStringLiteral("Flute.wav"));
        QVERIFY(core::AudioFileWriter::write(recording, lead->audio, core::AudioFileFormat::Wav16));
        auto written = core::AudioFileReader::read(recording);  // the 16-bit samples the user's file holds
        QVERIFY2(written, qPrintable(written.errorMessage()));

        const QString& bundlePath = m_bundle;
        QProcess cli;
        cli.start(QStringLiteral(S2A_CLI_PATH), {QStringLiteral("accompany"), recording, QStringLiteral("-o"), bundlePath,
                                                 QStringLiteral("--caption"), QStringLiteral("soul with rhodes, bass and drums"),
                                                 QStringLiteral("--name"), QStringLiteral("Flute take"), QStringLiteral("--seed"),
                                                 QStringLiteral("5"), QStringLiteral("--quiet"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(240000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const QJsonObject report = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        auto loaded = core::bundle::load(bundlePath);
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        const core::ProjectData& data = loaded.value();

        // The recording: one locked lead track, in every section's active take at its own place, its file the
        // user's samples exactly (16-bit in, FLAC in the bundle, the same values out).
        int recordingTrack = -1;
        for (int t = 0; t < data.tracks.size(); ++t)
            if (data.tracks[t].locked)
                recordingTrack = t;
        QVERIFY(recordingTrack >= 0);
        const core::Track& track = data.tracks[recordingTrack];
        QCOMPARE(track.name, QStringLiteral("Flute take"));
        QVERIFY(track.role == core::TrackRole::Lead);
        QString file;
        core::SampleCount covered = 0;
        for (const core::Section& s : data.sections) {
            const core::Take* take = s.activeTake();
            QVERIFY(take);
            QCOMPARE(take->name, QStringLiteral("Accompaniment"));
            int clips = 0;
            for (const core::AudioClip& clip : take->clips)
                if (clip.trackId == track.id) {
                    QCOMPARE(clip.timelineStart, clip.sourceStart);
                    QVERIFY(file.isEmpty() || file == clip.file);
                    file = clip.file;
                    covered += clip.length;
                    ++clips;
                }
            QCOMPARE(clips, 1);
            QVERIFY2(take->clips.size() > 1, "the section has a band");
        }
        QCOMPARE(covered, data.length());
        auto stored = core::AudioFileReader::read(QDir(core::bundle::audioDir(bundlePath)).filePath(file));
        QVERIFY2(stored, qPrintable(stored.errorMessage()));
        QVERIFY(stored->audio.channels == written->audio.channels);

        // The band follows the song's lane: its own chords, recognised from its mix, against the lane.
        core::ProjectData band = data;
        band.tracks[recordingTrack].mute = true;
        const core::AudioBuffer mix = test::renderSongMix(band, bundlePath);
        SimpleJobControl job;
        auto heard = analyzeSong(mix, job, ChordReading::Played);
        QVERIFY2(heard, qPrintable(heard.errorMessage()));
        const double duration = double(data.length()) / kRate;
        const std::vector<ChordSpan> bandChords = test::spansOf(heard->chords, duration);
        const double followsLane = majminAccuracy(spansOf(data.chords, kRate, duration), bandChords, duration);
        const std::vector<ChordSpan> reference = test::plannedChords(song.request);
        const double laneVsReference = majminAccuracy(reference, spansOf(data.chords, kRate, duration), duration);
        const double bandVsReference = majminAccuracy(reference, bandChords, duration);
        std::vector<double> referenceBeats;
        for (double t = 0.0; t < duration; t += 60.0 / 112.0)
            referenceBeats.push_back(t);
        const double beatF = beatFMeasure(heard->beats, referenceBeats);
        qInfo("accompany: %.1f BPM (reference 112), bar 1 at %.3f s (reference 0), key %s (reference C major), %d chord changes",
              report.value(QStringLiteral("tempo")).toDouble(), report.value(QStringLiteral("downbeat")).toDouble(),
              qPrintable(report.value(QStringLiteral("key")).toString()), int(data.chords.size()));
        qInfo("accompany: the band plays the lane on %.1f %% of the time; the lane matches the reference's chords on %.1f %%, "
              "the band's chords %.1f %% (goal 70 %%); the band's beats against the reference grid: F %.3f (goal 0.8)",
              100.0 * followsLane, 100.0 * laneVsReference, 100.0 * bandVsReference, beatF);
        QVERIFY2(followsLane >= 0.7, qPrintable(QString::number(followsLane)));
        // The goal is 70 %; measured 64.4 % (32.4 % before the harmoniser's root motions and the phrase-entry
        // cue for bar 1), so this floor catches a regression without claiming the goal.
        QVERIFY2(bandVsReference >= 0.55, qPrintable(QString::number(bandVsReference)));
        QVERIFY2(beatF >= 0.8, qPrintable(QString::number(beatF)));
    }

    // The recording is never regenerated: a section made anew, a repainted range and a refused stem replacement
    // all leave its clips exactly as they were.
    void regenerationKeepsTheRecording()
    {
        auto before = core::bundle::load(m_bundle);
        QVERIFY2(before, qPrintable(before.errorMessage()));
        QVERIFY(before->sections.size() >= 2);
        const auto recordingClips = [](const core::ProjectData& data) {
            QVector<core::AudioClip> clips;
            for (const core::Section& s : data.sections)
                for (const core::AudioClip& c : s.activeTake()->clips)
                    if (data.tracks[data.trackIndex(c.trackId)].locked)
                        clips.append(c);
            return clips;
        };
        const auto cli = [this](const QStringList& args, QByteArray* errors = nullptr) {
            QProcess p;
            p.start(QStringLiteral(S2A_CLI_PATH), QStringList{QStringLiteral("regenerate"), m_bundle} + args + QStringList{QStringLiteral("--quiet")});
            p.waitForFinished(240000);
            if (errors)
                *errors = p.readAllStandardError();
            return p.exitCode();
        };
        const QString second = before->sections[1].id;
        QCOMPARE(cli({QStringLiteral("--section"), second, QStringLiteral("--seed"), QStringLiteral("9")}), 0);
        const double middle = double(before->sections[1].start + before->sections[1].end) / 2.0 / before->settings.sampleRate;
        QCOMPARE(cli({QStringLiteral("--from"), QString::number(middle - 2.0), QStringLiteral("--to"), QString::number(middle + 2.0)}), 0);
        auto after = core::bundle::load(m_bundle);
        QVERIFY2(after, qPrintable(after.errorMessage()));
        QCOMPARE(after->sections[1].takes.size(), before->sections[1].takes.size() + 2);
        QVERIFY(recordingClips(after.value()) == recordingClips(before.value()));
        QByteArray errors;
        QVERIFY(cli({QStringLiteral("--section"), second, QStringLiteral("--stems"), QStringLiteral("Flute take")}, &errors) != 0);
        QVERIFY2(errors.contains("is your recording"), errors.constData());
    }

    // The band leaves the tune room: with the user's recording on the lead, the comping (keys, guitar, strings,
    // pads, horns) keeps under the lead's register; without it, the same song's comping reaches into it.
    void compingLeavesTheLeadRoom()
    {
        GenerationRequest r;
        r.caption = QStringLiteral("soul with rhodes, guitar, strings and pads");
        r.seed = 3;
        r.tempo = 96;
        r.key = QStringLiteral("E major");
        r.sampleRate = 44100;
        r.sections = arranger::SongPlanner::barSections({{L::Verse, 8}, {L::Chorus, 8}}, r.tempo, r.sampleRate);
        const auto shareAbove = [](const GenerationRequest& request, int pitch, int* notes) {
            auto plan = arranger::SongPlanner::plan(request, request.seed);
            if (!plan)
                qFatal("%s", qPrintable(plan.errorMessage()));
            const arranger::Arranger a(plan.value(), request.sections, request.sampleRate,
                                       std::vector<quint64>(size_t(request.sections.size()), request.seed));
            int above = 0, all = 0;
            for (const arranger::StemPart& part : a.parts()) {
                const auto role = part.instrument.role;
                if (role == core::TrackRole::Drums || role == core::TrackRole::Bass || role == core::TrackRole::Lead)
                    continue;
                for (const arranger::NoteEvent& n : part.notes) {
                    ++all;
                    above += n.pitch > pitch;
                }
            }
            *notes = all;
            return all ? double(above) / all : 0.0;
        };
        int free = 0, roomy = 0;
        const double before = shareAbove(r, 65, &free);
        r.withoutRoles = {core::TrackRole::Lead};
        const double after = shareAbove(r, 65, &roomy);
        qInfo("comping notes above F4: %.1f %% of %d with no recording, %.1f %% of %d with a recorded lead", 100.0 * before, free,
              100.0 * after, roomy);
        QVERIFY(free > 100 && roomy > 100);
        QVERIFY2(before > 0.2, qPrintable(QString::number(before)));
        QVERIFY2(after < 0.05, qPrintable(QString::number(after)));
    }

    // The tune's register measured (aubio YIN) and followed bar by bar: a synthetic tune C5..G5 for 8 s then
    // silence reads as C5-G5, busy over its first half only; the arranger's comping stays under C5 in the bars the
    // tune plays and may rise where it rests. The accompanied flute of the first test reads in its own range.
    void compingFollowsTheMeasuredTune()
    {
        constexpr int kRate = 44100;
        const core::AudioBuffer tune = syntheticTune(16, 16.0, kRate);
        const LeadRegister lead = measureLeadRegister(tune);
        QStringList spans;
        for (const auto& [a, b] : lead.busy)
            spans << QStringLiteral("%1-%2 s").arg(double(a) / kRate, 0, 'f', 1).arg(double(b) / kRate, 0, 'f', 1);
        qInfo("synthetic tune C5-G5: register %d-%d, busy %s", lead.lowNote, lead.highNote, qPrintable(spans.join(u' ')));
        QVERIFY2(std::abs(lead.lowNote - 72) <= 1 && std::abs(lead.highNote - 79) <= 1, qPrintable(spans.join(u' ')));
        QVERIFY(!lead.busy.isEmpty());
        QVERIFY(lead.busy.front().first <= kRate / 2 && lead.busy.back().second >= 7 * kRate);
        QVERIFY(lead.busy.back().second <= 9 * kRate);  // nothing in the silent half
        QVERIFY(measureLeadRegister(core::AudioBuffer::silence(2, 4 * kRate, kRate)).lowNote == 0);

        // The arranger: a verse where the tune plays and a chorus where it rests.
        GenerationRequest r;
        r.caption = QStringLiteral("soul with rhodes, guitar, strings and pads");
        r.seed = 3;
        r.tempo = 96;
        r.key = QStringLiteral("E major");
        r.sampleRate = kRate;
        r.sections = arranger::SongPlanner::barSections({{L::Verse, 8}, {L::Chorus, 8}}, r.tempo, r.sampleRate);
        r.withoutRoles = {core::TrackRole::Lead};
        // The recording as the request brings it: a locked lead stem in the context, playing through the verse
        // (20 s) and silent in the chorus. The planner measures it itself.
        r.context = {Stem{core::TrackRole::Lead, QStringLiteral("Recording"), syntheticTune(40, 40.0, kRate), {}}};
        auto plan = arranger::SongPlanner::plan(r, r.seed);
        QVERIFY(plan);
        qInfo("the planner reads the recorded tune: lower register MIDI %d, %lld busy spans",
              plan->recordedLeadLowNote, static_cast<long long>(plan->recordedLeadBusy.size()));
        QVERIFY2(std::abs(plan->recordedLeadLowNote - 72) <= 1, qPrintable(QString::number(plan->recordedLeadLowNote)));
        const arranger::Arranger a(plan.value(), r.sections, r.sampleRate, std::vector<quint64>(2, r.seed));
        const qint64 chorusTick = a.timeline().firstTickAtOrAfter(r.sections[1].start);
        int verseNotes = 0, verseAbove = 0, chorusNotes = 0, chorusAbove = 0;
        for (const arranger::StemPart& part : a.parts()) {
            const auto role = part.instrument.role;
            if (role == core::TrackRole::Drums || role == core::TrackRole::Bass || role == core::TrackRole::Lead)
                continue;
            for (const arranger::NoteEvent& n : part.notes) {
                const bool chorus = n.tick >= chorusTick;
                (chorus ? chorusNotes : verseNotes) += 1;
                (chorus ? chorusAbove : verseAbove) += n.pitch > 71;
            }
        }
        qInfo("comping above B4: %d of %d notes where the tune plays, %d of %d where it rests", verseAbove, verseNotes,
              chorusAbove, chorusNotes);
        QVERIFY(verseNotes > 50 && chorusNotes > 50);
        QCOMPARE(verseAbove, 0);
        QVERIFY2(chorusAbove > chorusNotes / 10, qPrintable(QString::number(chorusAbove)));

        // The accompanied flute (first test's bundle): requestFor brings the locked track as context, and the
        // planner measures it.
        auto loaded = core::bundle::load(m_bundle);
        QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
        auto request = requestFor(loaded.value(), m_bundle, -1, RegenerateOptions{});
        QVERIFY(request);
        auto flute = arranger::SongPlanner::plan(request.value(), request->seed);
        QVERIFY(flute);
        qInfo("the flute recording: lower register MIDI %d, %lld busy spans", flute->recordedLeadLowNote,
              static_cast<long long>(flute->recordedLeadBusy.size()));
        QVERIFY2(flute->recordedLeadLowNote >= 55 && flute->recordedLeadLowNote <= 80,
                 qPrintable(QString::number(flute->recordedLeadLowNote)));
        QVERIFY(!flute->recordedLeadBusy.isEmpty());
    }

    // Bad input: a file that is not audio, no -o, a role that is not one; each a clear message, nothing written.
    void refusesBadInput()
    {
        const QString notAudio = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile text(notAudio);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("la la la, not a song\n");
        text.close();
        const auto run = [](const QStringList& args, QByteArray* errors) {
            QProcess p;
            p.start(QStringLiteral(S2A_CLI_PATH), QStringList{QStringLiteral("accompany")} + args);
            p.waitForFinished(60000);
            *errors = p.readAllStandardError();
            return p.exitCode();
        };
        QByteArray errors;
        const QString out = m_dir.filePath(QStringLiteral("Never.s2a"));
        QCOMPARE(run({notAudio, QStringLiteral("-o"), out}, &errors), 3);
        QVERIFY2(errors.contains("notes.txt"), errors.constData());
        QCOMPARE(run({notAudio}, &errors), 2);
        QVERIFY2(errors.contains("-o Song.s2a"), errors.constData());
        QCOMPARE(run({notAudio, QStringLiteral("-o"), out, QStringLiteral("--role"), QStringLiteral("kazoo")}, &errors), 2);
        QVERIFY2(errors.contains("--role"), errors.constData());
        // A tenth of a second of sound: too short to find a tempo in, said before any work.
        const QString blip = m_dir.filePath(QStringLiteral("blip.wav"));
        QVERIFY(core::AudioFileWriter::write(blip, core::AudioBuffer::silence(1, 4410, 44100), core::AudioFileFormat::Wav16));
        QCOMPARE(run({blip, QStringLiteral("-o"), out}, &errors), 3);
        QVERIFY2(errors.contains("blip.wav is 0.1 s long"), errors.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

private:
    QTemporaryDir m_dir;
    QString m_bundle = m_dir.filePath(QStringLiteral("Band.s2a"));
};

QTEST_GUILESS_MAIN(AccompanyTest)
#include "tst_accompany.moc"
