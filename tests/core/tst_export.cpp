// Export: stems sum to the mix, loudness normalisation, exact lengths, dither only at 16 bits, resampled
// lengths, overwrite refusal, clean cancel, the loudness report and metadata. Real files throughout, measured
// with libebur128 and read back with libsndfile independently of the exporter.
#include "AudioFixtures.h"
#include "Unprivileged.h"

#include "core/audio/AudioFileReader.h"
#include "core/audio/Resampler.h"
#include "core/export/ExportNaming.h"
#include "core/export/Exporter.h"
#include "core/persistence/ProjectBundle.h"

#include <QDir>
#include <QScopeGuard>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <ebur128.h>
#include <sndfile.h>

#include <cmath>
#include <functional>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>

using namespace s2a;
using namespace s2a::core;

namespace {

// Three tracks over three sections of uneven length, a different take (frequency) per section, distinct
// gains and pans, so that stems, mix and section cuts all differ.
ProjectData makeSong(const QString& bundle, int rate = 44100)
{
    const SampleCount lengths[3] = {SampleCount(rate * 1.3) + 7, SampleCount(rate * 1.1) + 3, SampleCount(rate) + 1};
    SampleCount total = 0;
    for (SampleCount l : lengths)
        total += l;
    ProjectData data = ProjectData::createNew(QStringLiteral("My/Song: Take?"), rate, total);
    data.settings.caption = QStringLiteral("test caption");
    data.settings.key = QStringLiteral("F# minor");
    const double gains[3] = {0.0, -6.0, 3.0};
    const double pans[3] = {0.0, -0.7, 0.4};
    for (int t = 0; t < 3; ++t) {
        Track track;
        track.id = QStringLiteral("trk-%1").arg(t);
        track.name = QStringLiteral("Stem %1").arg(t + 1);
        track.gainDb = gains[t];
        track.pan = pans[t];
        data.tracks.append(track);
    }
    data.sections.clear();
    SampleCount start = 0;
    for (int s = 0; s < 3; ++s) {
        Section section;
        section.id = QStringLiteral("sec-%1").arg(s);
        section.label = s == 1 ? SectionLabel::Chorus : SectionLabel::Verse;
        section.start = start;
        section.end = start + lengths[s];
        Take take;
        take.id = QStringLiteral("take-%1").arg(s);
        for (int t = 0; t < 3; ++t) {
            const double hz = 110.0 * (t + 1) + 37.0 * s;
            const AudioBuffer audio = test::makeAudio(rate, lengths[s], [&](int c, SampleCount i) {
                return float((0.1 + 0.02 * c) * std::sin(2.0 * M_PI * hz * double(i) / rate));
            });
            take.clips.append({QStringLiteral("trk-%1").arg(t), test::storeAudio(bundle, audio), start, 0, lengths[s]});
        }
        section.takes.append(take);
        section.activeTakeId = take.id;
        data.sections.append(section);
        start = section.end;
    }
    return data;
}

AudioBuffer readAudio(const QString& path)
{
    Result<DecodedAudio> decoded = AudioFileReader::read(path);
    if (!decoded)
        qFatal("%s", qPrintable(decoded.errorMessage()));
    return decoded->audio;
}

struct Loudness {
    double integrated = 0.0;
    double truePeakDb = 0.0;
};

Loudness measureFile(const QString& path)
{
    const AudioBuffer a = readAudio(path);
    ebur128_state* st = ebur128_init(2, unsigned(a.sampleRate), EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    std::vector<float> interleaved(size_t(a.frames()) * 2);
    for (SampleCount i = 0; i < a.frames(); ++i) {
        interleaved[size_t(2 * i)] = a.channels[0][size_t(i)];
        interleaved[size_t(2 * i + 1)] = a.channels[1][size_t(i)];
    }
    ebur128_add_frames_float(st, interleaved.data(), size_t(a.frames()));
    Loudness l;
    ebur128_loudness_global(st, &l.integrated);
    double p0 = 0.0, p1 = 0.0;
    ebur128_true_peak(st, 0, &p0);
    ebur128_true_peak(st, 1, &p1);
    l.truePeakDb = 20.0 * std::log10(std::max(p0, p1));
    ebur128_destroy(&st);
    return l;
}

// Reads every exported stem, sums them and compares with the exported mix.
double stemSumError(const ExportReport& report)
{
    AudioBuffer mix, sum;
    for (const ExportedFile& f : report.files) {
        const AudioBuffer a = readAudio(f.path);
        if (f.stem == QLatin1String("mix")) {
            mix = a;
            continue;
        }
        if (sum.isEmpty())
            sum = AudioBuffer::silence(2, a.frames(), a.sampleRate);
        for (int c = 0; c < 2; ++c)
            for (SampleCount i = 0; i < a.frames(); ++i)
                sum.channels[size_t(c)][size_t(i)] += a.channels[size_t(c)][size_t(i)];
    }
    if (mix.frames() != sum.frames())
        return 1e9;
    double worst = 0.0;
    for (int c = 0; c < 2; ++c)
        for (SampleCount i = 0; i < mix.frames(); ++i)
            worst = std::max(worst, double(std::fabs(mix.channels[size_t(c)][size_t(i)] - sum.channels[size_t(c)][size_t(i)])));
    return worst;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

class CancelWhileWriting : public JobControl {
public:
    void progress(double, const QString& stage) override
    {
        if (stage == QLatin1String("Writing"))
            m_cancel = true;
    }
    bool cancelled() const override { return m_cancel; }

private:
    bool m_cancel = false;
};

}  // namespace

class TstExport : public QObject {
    Q_OBJECT

    // Exports the mix of a small song in a child started with `mode` over an old Sines_mix.wav in m_out
    // (`beforeChild` runs once both exist); checks that the child failed and that the old file is all there is,
    // unchanged. Returns the child's message.
    QString failedChildExport(const QString& mode, const std::function<void()>& beforeChild = {})
    {
        if (!bundle::save(test::makeSineSong(m_bundle, 3, 6.0), m_bundle) || !QDir().mkpath(m_out))
            return QStringLiteral("<set-up failed>");
        QFile f(QDir(m_out).filePath(QStringLiteral("Sines_mix.wav")));
        if (!f.open(QIODevice::WriteOnly) || f.write("old") != 3)
            return QStringLiteral("<set-up failed>");
        f.close();
        if (beforeChild)
            beforeChild();
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {mode, m_bundle, m_out});
        child.waitForFinished(60000);
        const QString message = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        [&] {
            QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 1, qPrintable(message));
            QCOMPARE(filesIn(m_out), QStringList{QStringLiteral("Sines_mix.wav")});
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("old"));
        }();
        return message;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_bundle = m_dir->filePath(QStringLiteral("Song.s2a"));
        m_out = m_dir->filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(m_bundle));
    }

    void stemsSumToMix_data()
    {
        QTest::addColumn<int>("rate");
        QTest::newRow("project rate") << 0;
        QTest::newRow("48 kHz") << 48000;
    }

    void stemsSumToMix()
    {
        QFETCH(int, rate);
        ProjectData data = makeSong(m_bundle);
        data.tracks.append(Track{QStringLiteral("trk-muted"), QStringLiteral("Muted"), TrackRole::Other, 0.0, 0.0,
                                 true, false, QStringLiteral("#7f8c8d")});
        ExportOptions o;
        o.format = AudioFileFormat::WavFloat32;
        o.sampleRate = rate;
        SimpleJobControl job;
        Result<ExportReport> r = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->files.size(), 4);  // the mix and three stems; the muted track is left out
        const SampleCount expected = rate ? Resampler::outputLength(data.length(), 44100, rate) : data.length();
        for (const ExportedFile& f : r->files) {
            QCOMPARE(f.frames, expected);
            QCOMPARE(readAudio(f.path).frames(), expected);
            QCOMPARE(readAudio(f.path).sampleRate, rate ? rate : 44100);
        }
        QVERIFY(QFile::exists(QDir(m_out).filePath(QStringLiteral("My_Song_ Take__mix.wav"))));
        QVERIFY(QFile::exists(QDir(m_out).filePath(QStringLiteral("My_Song_ Take__Stem 2.wav"))));
        const double error = stemSumError(r.value());
        QVERIFY2(error <= 1e-6, qPrintable(QString::number(error)));
        QCOMPARE(job.lastFraction, 1.0);
    }

    void normalisedExportMeetsTargetAndCeiling_data()
    {
        QTest::addColumn<double>("target");
        QTest::addColumn<bool>("ceilingLimited");
        QTest::newRow("-16 LUFS") << -16.0 << false;
        QTest::newRow("-2 LUFS, ceiling bound") << -2.0 << true;
    }

    void normalisedExportMeetsTargetAndCeiling()
    {
        QFETCH(double, target);
        QFETCH(bool, ceilingLimited);
        const ProjectData data = makeSong(m_bundle);
        ExportOptions o;
        o.format = AudioFileFormat::Flac24;
        o.sampleRate = 48000;
        o.targetLufs = target;
        o.truePeakCeilingDb = -1.0;
        SimpleJobControl job;
        Result<ExportReport> r = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        const ExportedFile& mix = r->files.front();
        QCOMPARE(mix.stem, QStringLiteral("mix"));
        const Loudness l = measureFile(mix.path);
        QVERIFY2(l.truePeakDb <= -1.0 + 0.01, qPrintable(QString::number(l.truePeakDb)));
        if (ceilingLimited) {
            QVERIFY2(l.integrated < target - 0.2, qPrintable(QString::number(l.integrated)));
            QVERIFY2(l.truePeakDb > -1.1, qPrintable(QString::number(l.truePeakDb)));
        } else {
            QVERIFY2(std::fabs(l.integrated - target) <= 0.2, qPrintable(QString::number(l.integrated)));
        }
        // The stems got the same gain: they still sum to the mix (to 24-bit precision here).
        QVERIFY(stemSumError(r.value()) < 4.0 / (1 << 23));

        // The report beside the files agrees with the measurement.
        QFile reportFile(r->reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(QFileInfo(r->reportPath).dir().absolutePath(), QDir(m_out).absolutePath());
        QCOMPARE(report.value(QStringLiteral("files")).toArray().size(), 4);
        const QJsonObject first = report.value(QStringLiteral("files")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("stem")).toString(), QStringLiteral("mix"));
        QVERIFY(std::fabs(first.value(QStringLiteral("integratedLufs")).toDouble() - l.integrated) < 0.05);
        QVERIFY(std::fabs(first.value(QStringLiteral("truePeakDbtp")).toDouble() - l.truePeakDb) < 0.05);
        QVERIFY(first.value(QStringLiteral("loudnessRangeLu")).isDouble());
        QCOMPARE(report.value(QStringLiteral("appliedGainDb")).toDouble(), std::round(r->appliedGainDb * 100) / 100);
    }

    // Issue 21: MP3 (320 kbit/s, libsndfile's LAME encoder) for handing a mix on: the exact length comes back
    // (gapless), the loudness is the asked one to within what a lossy encoder moves it, and a rate MPEG-1 Layer III
    // cannot store is refused with a message before a file exists.
    void mp3ExportKeepsLengthAndLoudness()
    {
        const ProjectData data = makeSong(m_bundle);
        ExportOptions o;
        o.format = AudioFileFormat::Mp3;
        o.sampleRate = 48000;
        o.targetLufs = -16.0;
        o.what = ExportWhat::Mix;
        SimpleJobControl job;
        Result<ExportReport> r = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->files.size(), 1);
        QVERIFY(r->files.front().path.endsWith(QLatin1String("_mix.mp3")));
        const AudioBuffer mp3 = readAudio(r->files.front().path);
        QCOMPARE(mp3.sampleRate, 48000);
        QCOMPARE(mp3.frames(), SampleCount(std::llround(double(data.length()) * 48000 / 44100)));
        const Loudness l = measureFile(r->files.front().path);
        QVERIFY2(std::fabs(l.integrated + 16.0) <= 0.3, qPrintable(QString::number(l.integrated)));
        // 320 kbit/s: a little over 40 kB per second of audio.
        const double seconds = double(mp3.frames()) / 48000;
        QVERIFY2(QFileInfo(r->files.front().path).size() > 38000 * seconds, qPrintable(QString::number(QFileInfo(r->files.front().path).size())));

        o.sampleRate = 96000;
        QDir(m_out).removeRecursively();
        QVERIFY(QDir().mkpath(m_out));
        Result<ExportReport> refused = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QLatin1String("MP3")), qPrintable(refused.errorMessage()));
        QVERIFY(filesIn(m_out).isEmpty());
    }

    // Issue 21: the loop region (or any range) alone: exactly its samples, cut from the song's own output, named
    // by its times, normalised on the range; a range outside the song is refused.
    void rangeExportWritesExactlyTheRange()
    {
        const ProjectData data = makeSong(m_bundle);
        ExportOptions whole;
        whole.format = AudioFileFormat::WavFloat32;
        whole.what = ExportWhat::Mix;
        SimpleJobControl job;
        const QString wholeDir = m_out + QStringLiteral("-whole");
        Result<ExportReport> all = exportSong(data, m_bundle, wholeDir, whole, job);
        QVERIFY2(all.ok(), qPrintable(all.errorMessage()));
        const AudioBuffer song = readAudio(all->files.front().path);

        ExportOptions o = whole;
        o.what = ExportWhat::Stems;
        o.range = std::make_pair(SampleCount(44100 / 2 + 17), SampleCount(44100 * 2 + 5));
        Result<ExportReport> r = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->files.size(), data.tracks.size() + 1);
        QVERIFY2(r->files.front().path.endsWith(QLatin1String("_0.500s-2.000s_mix.wav")), qPrintable(r->files.front().path));
        const AudioBuffer part = readAudio(r->files.front().path);
        QCOMPARE(part.frames(), o.range->second - o.range->first);
        for (int c = 0; c < 2; ++c)
            for (SampleCount i = 0; i < part.frames(); ++i)
                QCOMPARE(part.channels[size_t(c)][size_t(i)], song.channels[size_t(c)][size_t(o.range->first + i)]);

        // Normalised on the range alone: its own loudness meets the target.
        o.what = ExportWhat::Mix;
        o.targetLufs = -20.0;
        o.overwrite = true;
        Result<ExportReport> loud = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY2(loud.ok(), qPrintable(loud.errorMessage()));
        const Loudness l = measureFile(loud->files.front().path);
        QVERIFY2(std::fabs(l.integrated + 20.0) <= 0.2, qPrintable(QString::number(l.integrated)));

        o.range = std::make_pair(SampleCount(0), data.length() + 1);
        QVERIFY(exportSong(data, m_bundle, m_out, o, job).errorMessage().contains(QLatin1String("inside the song")));
        o.range = std::make_pair(SampleCount(100), SampleCount(100));
        QVERIFY(!exportSong(data, m_bundle, m_out, o, job).ok());
    }

    void sectionLengthsAreExact_data()
    {
        QTest::addColumn<int>("rate");
        QTest::newRow("project rate") << 0;
        QTest::newRow("96 kHz") << 96000;
    }

    void sectionLengthsAreExact()
    {
        QFETCH(int, rate);
        const ProjectData data = makeSong(m_bundle);
        ExportOptions o;
        o.what = ExportWhat::Sections;
        o.format = AudioFileFormat::WavFloat32;
        o.sampleRate = rate;
        o.sectionIds = {QStringLiteral("sec-1"), QStringLiteral("sec-2")};
        SimpleJobControl job;
        Result<ExportReport> r = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r->files.size(), 2 * 4);
        const int out = rate ? rate : 44100;
        for (const ExportedFile& f : r->files) {
            const bool chorus = f.path.contains(QLatin1String("_chorus_02_"));
            QVERIFY2(chorus || f.path.contains(QLatin1String("_verse_03_")), qPrintable(f.path));
            const Section& s = data.sections[chorus ? 1 : 2];
            const SampleCount expected =
                Resampler::outputLength(s.end, 44100, out) - Resampler::outputLength(s.start, 44100, out);
            QCOMPARE(readAudio(f.path).frames(), expected);
        }
        QVERIFY(QFile::exists(QDir(m_out).filePath(QStringLiteral("My_Song_ Take__chorus_02_Stem 3.wav"))));

        // A section file is exactly its slice of the whole-song stem.
        ExportOptions whole = o;
        whole.what = ExportWhat::Stems;
        const QString wholeDir = m_dir->filePath(QStringLiteral("whole"));
        Result<ExportReport> w = exportSong(data, m_bundle, wholeDir, whole, job);
        QVERIFY2(w.ok(), qPrintable(w.errorMessage()));
        const AudioBuffer stem = readAudio(QDir(wholeDir).filePath(QStringLiteral("My_Song_ Take__Stem 3.wav")));
        const AudioBuffer part =
            readAudio(QDir(m_out).filePath(QStringLiteral("My_Song_ Take__chorus_02_Stem 3.wav")));
        const SampleCount offset = Resampler::outputLength(data.sections[1].start, 44100, out);
        for (SampleCount i = 0; i < part.frames(); ++i)
            QCOMPARE(part.channels[1][size_t(i)], stem.channels[1][size_t(offset + i)]);
    }

    void ditherOnlyAt16Bits()
    {
        // A very quiet sine already on the 24-bit grid: about one 16-bit step of amplitude.
        const int rate = 44100;
        const SampleCount frames = rate * 2;
        const AudioBuffer audio = test::makeAudio(rate, frames, [&](int, SampleCount i) {
            return float(std::nearbyint(4e-5 * std::sin(2.0 * M_PI * 441.0 * double(i) / rate) * 8388608.0) / 8388608.0);
        });
        ProjectData data = ProjectData::createNew(QStringLiteral("Quiet"), rate, frames);
        data.tracks.append(Track{QStringLiteral("trk-q"), QStringLiteral("Quiet"), TrackRole::Other, 0.0, 0.0, false,
                                 false, QStringLiteral("#7f8c8d")});
        Take take;
        take.id = QStringLiteral("take-q");
        take.clips.append({QStringLiteral("trk-q"), test::storeAudio(m_bundle, audio), 0, 0, frames});
        data.sections[0].takes.append(take);
        data.sections[0].activeTakeId = take.id;

        auto exportMix = [&](AudioFileFormat format, bool dither, const QString& sub) {
            ExportOptions o;
            o.what = ExportWhat::Mix;
            o.format = format;
            o.dither = dither;
            SimpleJobControl job;
            Result<ExportReport> r = exportSong(data, m_bundle, m_dir->filePath(sub), o, job);
            if (!r)
                qFatal("%s", qPrintable(r.errorMessage()));
            return r->files.front().path;
        };
        // 24 bits: bit-exact, dither or not.
        const AudioBuffer at24 = readAudio(exportMix(AudioFileFormat::Wav24, true, QStringLiteral("24")));
        QVERIFY(at24.channels == audio.channels);

        // 16 bits without dither: plain rounding.
        auto plain = [&](SampleCount i) { return std::nearbyint(double(audio.channels[0][size_t(i)]) * 32768.0); };
        const AudioBuffer rounded = readAudio(exportMix(AudioFileFormat::Flac16, false, QStringLiteral("16plain")));
        for (SampleCount i = 0; i < frames; ++i)
            QCOMPARE(double(rounded.channels[0][size_t(i)]) * 32768.0, plain(i));

        // 16 bits with dither: differs from rounding by at most one step, like noise (about zero mean, TPDF's
        // total error power of 1/4 step squared), and the same on every run.
        const QString ditheredPath = exportMix(AudioFileFormat::Wav16, true, QStringLiteral("16a"));
        const AudioBuffer dithered = readAudio(ditheredPath);
        int changed = 0;
        double errorSum = 0.0, errorPower = 0.0;
        for (SampleCount i = 0; i < frames; ++i) {
            const double q = double(dithered.channels[0][size_t(i)]) * 32768.0;
            QVERIFY(std::fabs(q - plain(i)) <= 1.0);
            changed += q != plain(i);
            const double e = q - double(audio.channels[0][size_t(i)]) * 32768.0;
            errorSum += e;
            errorPower += e * e;
        }
        QVERIFY2(changed > frames / 5, qPrintable(QString::number(changed)));
        QVERIFY(std::fabs(errorSum / frames) < 0.02);
        QVERIFY2(errorPower / frames > 0.2 && errorPower / frames < 0.3, qPrintable(QString::number(errorPower / frames)));
        QFile a(ditheredPath), b(exportMix(AudioFileFormat::Wav16, true, QStringLiteral("16b")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() == b.readAll());
    }

    void refusesToOverwrite()
    {
        const ProjectData data = makeSong(m_bundle);
        ExportOptions o;
        o.what = ExportWhat::Mix;
        o.format = AudioFileFormat::Flac16;
        SimpleJobControl job;
        QVERIFY(exportSong(data, m_bundle, m_out, o, job).ok());
        const QStringList before = filesIn(m_out);
        Result<ExportReport> again = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY(!again.ok());
        QVERIFY2(again.errorMessage().contains(QLatin1String("My_Song_ Take__mix.flac already exists")),
                 qPrintable(again.errorMessage()));
        QCOMPARE(filesIn(m_out), before);
        o.overwrite = true;
        QVERIFY(exportSong(data, m_bundle, m_out, o, job).ok());
        QCOMPARE(filesIn(m_out), before);
    }

    void cancelRemovesPartialFiles()
    {
        const ProjectData data = test::makeSineSong(m_bundle, 3, 6.0);
        QVERIFY(QDir().mkpath(m_out));
        // An old file that overwriting would replace survives a cancelled export untouched.
        const QString old = QDir(m_out).filePath(QStringLiteral("Sines_mix.ogg"));
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("old") == 3);
        f.close();
        ExportOptions o;
        o.format = AudioFileFormat::OggVorbis;
        o.overwrite = true;
        CancelWhileWriting job;
        Result<ExportReport> r = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY(!r.ok());
        QVERIFY(isCancelled(r.error()));
        QCOMPARE(filesIn(m_out), QStringList{QStringLiteral("Sines_mix.ogg")});
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old"));
    }

    // Issue 19: an export that runs out of room (RLIMIT_FSIZE in a child, as a full disk) fails with a message
    // that says so, removes what it wrote and leaves the file it would have replaced untouched.
    void aFullDiskFailsCleanlyAndKeepsTheOldFile()
    {
        const QString message = failedChildExport(QStringLiteral("--child-export"));
        QVERIFY2(message.contains(QLatin1String("File too large")) || message.contains(QLatin1String("No space")),
                 qPrintable(message));
    }

    // Issue 19: an export into a folder the user may not write says so and leaves what is there untouched.
    void aReadOnlyFolderFailsCleanlyAndKeepsTheOldFile()
    {
        const auto restore = qScopeGuard([&] { test::makeWritableFolder(m_out); });
        const QString message = failedChildExport(QStringLiteral("--child-export-unprivileged"),
                                                  [&] { QVERIFY(test::makeReadOnlyFolder(m_dir->path(), m_out)); });
        qInfo("read-only folder: %s", qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Permission denied")) && message.contains(QDir::toNativeSeparators(m_out)),
                 qPrintable(message));
    }

    void metadataIsEmbedded()
    {
        const ProjectData data = makeSong(m_bundle);
        ExportOptions o;
        o.format = AudioFileFormat::Flac24;
        SimpleJobControl job;
        Result<ExportReport> r = exportSong(data, m_bundle, m_out, o, job);
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        SF_INFO info{};
        SNDFILE* file = sf_open(QFile::encodeName(r->files[1].path).constData(), SFM_READ, &info);
        QVERIFY(file);
        const QString title = QString::fromUtf8(sf_get_string(file, SF_STR_TITLE));
        const QString comment = QString::fromUtf8(sf_get_string(file, SF_STR_COMMENT));
        sf_close(file);
        QCOMPARE(title, QStringLiteral("My/Song: Take? (Stem 1)"));
        QVERIFY2(comment.contains(QLatin1String("test caption")) && comment.contains(QLatin1String("120 BPM"))
                     && comment.contains(QLatin1String("F# minor")),
                 qPrintable(comment));
    }

    void namesAreSanitised()
    {
        QCOMPARE(exportnaming::sanitize(QStringLiteral("a/b:c?*")), QStringLiteral("a_b_c__"));
        QCOMPARE(exportnaming::sanitize(QStringLiteral(" .hidden. ")), QStringLiteral("hidden"));
        QCOMPARE(exportnaming::sanitize(QStringLiteral("con")), QStringLiteral("_con"));
        QCOMPARE(exportnaming::sanitize(QString()), QStringLiteral("untitled"));
        QVERIFY(exportnaming::sanitize(QString(300, QChar(0x00e9))).toUtf8().size() <= 200);
        QStringList taken;
        QCOMPARE(exportnaming::unique(QStringLiteral("Bass"), taken), QStringLiteral("Bass"));
        QCOMPARE(exportnaming::unique(QStringLiteral("bass"), taken), QStringLiteral("bass_2"));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_bundle;
    QString m_out;
};

// The full-disk test re-runs this binary as a child that may write at most 64 KiB per file and exports a song
// (about 3 MB of WAV) over an existing file.
int childExport(const QString& bundle, const QString& out, bool unprivileged)
{
    if (unprivileged) {  // into a read-only folder
        const QString why = test::becomeUnprivileged();
        if (!why.isEmpty()) {
            std::fprintf(stdout, "%s\n", qPrintable(why));
            return 3;
        }
    } else {  // a full disk
        std::signal(SIGXFSZ, SIG_IGN);  // the write must fail with EFBIG, not kill us
        rlimit limit{65536, 65536};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    auto data = bundle::load(bundle);
    if (!data) {
        std::fprintf(stdout, "load: %s\n", qPrintable(data.errorMessage()));
        return 2;
    }
    ExportOptions o;
    o.what = ExportWhat::Mix;
    o.format = AudioFileFormat::Wav24;
    o.overwrite = true;
    SimpleJobControl job;
    const Result<ExportReport> r = exportSong(data.value(), bundle, out, o, job);
    std::fprintf(stdout, "%s\n", r ? "exported" : qPrintable(r.errorMessage()));
    return r ? 0 : 1;
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && (QByteArray(argv[1]) == "--child-export" || QByteArray(argv[1]) == "--child-export-unprivileged"))
        return childExport(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                           QByteArray(argv[1]) == "--child-export-unprivileged");
    TstExport test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_export.moc"
