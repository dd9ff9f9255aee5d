// The data pipeline on real music, as a user with a folder of recordings would run it: real recordings that
// Debian ships under a free licence (frozen-bubble-data's soundtrack, GPL-2, Ogg Vorbis), a sound effect too
// short to learn form from, a corrupt file and a text file, a caption file and per-segment captions. Through
// the real executables: s2a-prepare --audio writes crops on the latent grid and the manifest (and resumes from
// its records), s2a-train trains the mix-only config on it, and the diffusion engine loads the result and
// generates a song with one "mix" stem.
#include "core/audio/AudioFileReader.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "training/Manifest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using namespace s2a::training;

namespace {

const QString kMusic = QStringLiteral("/usr/share/games/frozen-bubble/snd");  // frozen-bubble-data (scripts/dev)
const QStringList kTracks{QStringLiteral("frozen-mainzik-1p.ogg"), QStringLiteral("frozen-mainzik-2p.ogg"), QStringLiteral("introzik.ogg")};

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const ManifestDrop* droppedWith(const Manifest& m, const std::string& id)
{
    for (const ManifestDrop& d : m.dropped)
        if (d.id == id)
            return &d;
    return nullptr;
}

}  // namespace

class PrepareRecordingsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_music, m_prepared;

    // s2a-prepare on the folder; its stdout.
    QString prepare()
    {
        QProcess p;
        p.start(QStringLiteral(S2A_PREPARE_TOOL),
                {QStringLiteral("--config"), QStringLiteral("tiny-mix"), QStringLiteral("--audio"), m_music, QStringLiteral("--out"), m_prepared,
                 QStringLiteral("--captions"), m_dir.filePath(QStringLiteral("captions.tsv")), QStringLiteral("--segment-captions"),
                 m_dir.filePath(QStringLiteral("segments.jsonl")), QStringLiteral("--crop-seconds"), QStringLiteral("20"),
                 QStringLiteral("--keep"), QStringLiteral("1"), QStringLiteral("--min-score"), QStringLiteral("0")});
        if (!p.waitForFinished(300000) || p.exitCode() != 0)
            return QStringLiteral("FAILED: ") + QString::fromUtf8(p.readAllStandardError());
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_music = m_dir.filePath(QStringLiteral("music"));
        m_prepared = m_dir.filePath(QStringLiteral("prepared"));
        QVERIFY(QDir().mkpath(m_music + QStringLiteral("/effects")));
        for (const QString& t : kTracks)
            QVERIFY2(QFile::copy(kMusic + QLatin1Char('/') + t, m_music + QLatin1Char('/') + t),
                     qPrintable(kMusic + QLatin1Char('/') + t + QStringLiteral(" missing: install frozen-bubble-data (scripts/dev deps)")));
        QVERIFY(QFile::copy(kMusic + QStringLiteral("/applause.ogg"), m_music + QStringLiteral("/effects/applause.ogg")));
        QByteArray garbage(40000, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) % 251);
        QVERIFY(writeFile(m_music + QStringLiteral("/broken.ogg"), "OggS" + garbage));
        QVERIFY(writeFile(m_music + QStringLiteral("/notes.txt"), "not audio"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("captions.tsv")),
                          "# path<TAB>caption\nfrozen-mainzik-1p.ogg\tplayful arcade march with brass and drums\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("segments.jsonl")),
                          R"({"path": "introzik.ogg", "start": 0, "end": 15, "caption": "gentle intro with bells"})" "\n"));
    }

    void preparesCropsOnTheLatentGrid()
    {
        QElapsedTimer clock;
        clock.start();
        const QString said = prepare();
        const double seconds = clock.elapsed() / 1000.0;
        QVERIFY2(!said.startsWith(QStringLiteral("FAILED")), qPrintable(said));
        const Manifest m = readManifest(QDir(m_prepared).filePath(QStringLiteral("manifest.json")).toStdString());
        QCOMPARE(m.stemGroups, std::vector<std::string>{"mix"});
        // The effect is too short, the corrupt file unreadable: both listed with why; the text file is not audio.
        const ManifestDrop* shortFile = droppedWith(m, "effects/applause.ogg");
        const ManifestDrop* broken = droppedWith(m, "broken.ogg");
        QVERIFY(shortFile && shortFile->reason.find("shorter than") != std::string::npos);
        QVERIFY(broken && !broken->reason.empty());
        QVERIFY(!droppedWith(m, "notes.txt"));
        QVERIFY(!m.songs.empty());
        const int64_t cropLength = (int64_t(20 * 44100) / m.hop) * m.hop;
        double audioSeconds = 0.0, sections = 0.0;
        bool givenCaption = false, segmentCaption = false;
        for (const ManifestSong& s : m.songs) {
            QVERIFY(s.tempo > 0.0);
            QVERIFY(s.samples <= cropLength);
            const int k = std::stoi(s.id.substr(s.id.find('#') + 1));
            const auto track = s.id.substr(0, s.id.find('#'));
            // Crop k starts at k crop lengths, a multiple of the hop; only a track's last crop is shorter.
            QCOMPARE(cropLength % m.hop, int64_t(0));
            const auto audio = core::AudioFileReader::read(QString::fromStdString(m.resolve(s.audio.at(0))));
            QVERIFY2(audio.ok(), qPrintable(audio.errorMessage()));
            QCOMPARE(audio.value().audio.sampleRate, 44100);
            QCOMPARE(audio.value().audio.channelCount(), 2);
            QCOMPARE(audio.value().audio.frames(), s.samples);
            for (const ManifestSection& sec : s.sections)
                QVERIFY(sec.start >= 0 && sec.end <= s.samples && sec.start < sec.end);
            givenCaption |= track == "frozen-mainzik-1p.ogg" && s.captions[0] == "playful arcade march with brass and drums";
            segmentCaption |= track == "introzik.ogg" && k == 0 && s.sections[0].captions[0] == "gentle intro with bells";
            audioSeconds += double(s.samples) / 44100.0;
            sections += double(s.sections.size());
        }
        QVERIFY(givenCaption);
        QVERIFY(segmentCaption);
        qInfo("%zu crops kept (%.1f min of real music), %zu dropped, %.2f sections per crop (%.1f s each); the pipeline "
              "took %.1f s, %.0f s per hour of audio",
              m.songs.size(), audioSeconds / 60.0, m.dropped.size(), sections / double(m.songs.size()),
              audioSeconds / sections, seconds, seconds / (audioSeconds / 3600.0));

        // A second run reads the records: nothing is analysed again, and the manifest is the same.
        QFile first(QDir(m_prepared).filePath(QStringLiteral("manifest.json")));
        QVERIFY(first.open(QIODevice::ReadOnly));
        const QByteArray before = first.readAll();
        first.close();
        const QString again = prepare();
        QVERIFY2(again.contains(QStringLiteral("(0 analysed now)")), qPrintable(again));
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(first.readAll(), before);
    }

    void theMixModelTrainsAndPlays()
    {
        const QString run = m_dir.filePath(QStringLiteral("run"));
        QProcess train;
        train.start(QStringLiteral(S2A_TRAIN_TOOL),
                    {QStringLiteral("--config"), QStringLiteral("tiny-mix"), QStringLiteral("--manifest"),
                     QDir(m_prepared).filePath(QStringLiteral("manifest.json")), QStringLiteral("--out"), run, QStringLiteral("--smoke"),
                     QStringLiteral("--no-ablation"), QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY(train.waitForFinished(300000));
        const QString said = QString::fromUtf8(train.readAllStandardOutput());
        QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
        // No MIDI behind real recordings: the structure heads are not trained, and the run says so.
        QVERIFY2(said.contains(QStringLiteral("structure: skipped (the manifest has no frame targets)")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("finished:")), qPrintable(said));

        inference::diffusion::DiffusionOptions options;
        options.config = QStringLiteral("tiny-mix");
        options.weightsPath = QDir(run).filePath(QStringLiteral("model.safetensors"));
        inference::diffusion::DiffusionEngine engine(options);
        QVERIFY2(engine.load().ok(), qPrintable(engine.load().errorMessage()));
        inference::GenerationRequest request;
        request.caption = QStringLiteral("playful arcade march");
        request.tempo = 120;
        request.sections = {inference::SectionPlan{}};
        request.sections[0].start = 0;
        request.sections[0].end = 2 * 44100;
        request.steps = 4;
        SimpleJobControl control;
        auto song = engine.generate(request, control);
        QVERIFY2(song.ok(), qPrintable(song.errorMessage()));
        QCOMPARE(song.value().stems.size(), qsizetype(1));
        QVERIFY(song.value().stems[0].role == core::TrackRole::Mix);
        QCOMPARE(song.value().stems[0].audio.frames(), int64_t(2 * 44100));
    }
};

QTEST_GUILESS_MAIN(PrepareRecordingsTest)
#include "tst_prepare_recordings.moc"
