// The trained model that ships in resources/models/<defaultModelConfig()> (small-keyed, run 15 of
// docs/training/README.md): found by default, intact (its SHA-256 is the one recorded beside it), small enough to
// ship, and it makes finite, audible music from a caption. Its codec and its generations measured through the
// real s2a-eval on held-out songs s2a-corpus renders: the chroma a round trip keeps, and how pitched its
// generations are against the held-out audio's own figure.
#include "inference/evaluation/Adherence.h"
#include "inference/evaluation/EvalFeatures.h"
#include "inference/arranger/MusicTheory.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/WeightLoader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <array>
#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::diffusion;

namespace {

const QString kFolder = QStringLiteral(S2A_SOURCE_DIR "/resources/models/") + defaultModelConfig();

// The pitch-class energy of the non-drum stems (the analysis's peak chroma, summed over the clip), measured as
// s2a-eval measures a clip (its mono mix of the evaluation stem groups, drums being group 0).
std::array<double, 12> pitchedChroma(const QVector<Stem>& stems, int sampleRate)
{
    const evaluation::ClipAnalysis clip =
        evaluation::analyseClip(evaluation::monoMix(stems, [](int group) { return group != 0; }), sampleRate);
    std::array<double, 12> chroma{};
    for (int frame = 0; frame < clip.features.pitchChroma.frames; ++frame)
        for (int pc = 0; pc < 12; ++pc)
            chroma[size_t(pc)] += clip.features.pitchChroma.row(frame)[pc];
    return chroma;
}

// The share of the chroma's energy on the seven pitch classes of `key`'s scale (7 / 12 for an even spread).
double scaleShare(const std::array<double, 12>& chroma, const QString& key)
{
    double in = 0.0, all = 0.0;
    for (int pc : arranger::Key::parse(key)->scale())
        in += chroma[size_t(pc)];
    for (double v : chroma)
        all += v;
    return all > 0.0 ? in / all : 0.0;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class ShippedModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qunsetenv("S2A_WEIGHTS"); }

    void shipsWithItsRecord()
    {
        const QString weights = kFolder + QStringLiteral("/model.safetensors");
        QVERIFY2(QFileInfo(weights).isFile(), qPrintable(weights));
        QVERIFY2(QFileInfo(weights).size() <= 40 * 1024 * 1024, "the shipped weights must stay under 40 MB");
        QCOMPARE(QFileInfo(defaultWeightsPath()).canonicalFilePath(), QFileInfo(weights).canonicalFilePath());
        QVERIFY(hasDefaultWeights());

        // The recorded hash is the file's.
        const QByteArray recorded = readFile(kFolder + QStringLiteral("/model.safetensors.sha256")).split(' ').value(0).trimmed();
        QCOMPARE(recorded.size(), 64);
        auto file = model::readTensors(weights.toStdString());
        QVERIFY2(file, file.error.c_str());
        QCOMPARE(QByteArray::fromStdString(file->sha256), recorded);
        QCOMPARE(QString::fromStdString(file->metadata["config"]), defaultModelConfig());
        QCOMPARE(QString::fromStdString(file->metadata["init"]), QStringLiteral("trained"));
        QVERIFY(file->metadata.count("latent_scale"));

        // The config beside it is the built-in one, and the training record names the recipe and corpus.
        const QJsonObject shipped = QJsonDocument::fromJson(readFile(kFolder + QStringLiteral("/config.json"))).object();
        const QJsonObject builtin =
            QJsonDocument::fromJson(QByteArray::fromStdString(model::builtinModelConfigJson(defaultModelConfig().toStdString()))).object();
        QVERIFY(!shipped.isEmpty());
        QCOMPARE(shipped, builtin);
        const QJsonObject record = QJsonDocument::fromJson(readFile(kFolder + QStringLiteral("/training.json"))).object();
        QVERIFY(record.contains(QStringLiteral("corpus")));
        QVERIFY(record.contains(QStringLiteral("stages")));
        QCOMPARE(record.value(QStringLiteral("sha256")).toString().toLatin1(), recorded);
    }

    void generatesFromACaption()
    {
        DiffusionOptions options;
        options.device = QStringLiteral("cpu");
        DiffusionEngine engine(options);
        QVERIFY2(engine.load().ok(), qPrintable(engine.load().errorMessage()));
        const QByteArray recorded = readFile(kFolder + QStringLiteral("/model.safetensors.sha256")).split(' ').value(0).trimmed();
        QCOMPARE(engine.weightsSha256().toLatin1(), recorded);

        GenerationRequest request;
        request.caption = QStringLiteral("upbeat funk with slap bass and drums, 110 bpm");
        request.tempo = 110;
        request.seed = 3;
        request.steps = 16;
        const core::SampleCount half = core::SampleCount(2.5 * 44100);
        SectionPlan verse, chorus;
        verse.label = core::SectionLabel::Verse;
        verse.start = 0;
        verse.end = half;
        verse.caption = QStringLiteral("tight groove");
        chorus.label = core::SectionLabel::Chorus;
        chorus.start = half;
        chorus.end = 2 * half;
        chorus.caption = QStringLiteral("full band, big");
        request.sections = {verse, chorus};
        SimpleJobControl job;
        auto song = engine.generate(request, job);
        QVERIFY2(song, qPrintable(song.errorMessage()));
        QCOMPARE(song->stems.size(), 4);
        double squares = 0.0;
        qint64 count = 0;
        for (const Stem& stem : song->stems) {
            QCOMPARE(stem.audio.frames(), 2 * half);
            for (const auto& channel : stem.audio.channels)
                for (float v : channel) {
                    QVERIFY(std::isfinite(v));
                    squares += double(v) * v;
                    ++count;
                }
        }
        const double rms = std::sqrt(squares / double(count));
        qInfo("5 s from the shipped model: RMS %.4f (%.1f dBFS)", rms, 20.0 * std::log10(rms + 1e-12));
        QVERIFY2(rms > 1e-3, "the shipped model's output is silent");
        QCOMPARE(song->origin.weightsHash.toLatin1(), recorded);
    }

    // Issue 17: the shipped model reads the song's key (dit.keyConditioning). The same captions and seeds asked in C major
    // and in F# major (a tritone away: their scales share two of seven notes), each clip's pitched stems put more of
    // their energy on the scale they were asked for than on the other.
    void playsInTheAskedKey()
    {
        DiffusionOptions options;
        options.device = QStringLiteral("cpu");
        options.cpuThreads = 2;
        DiffusionEngine engine(options);
        QVERIFY2(engine.load().ok(), qPrintable(engine.load().errorMessage()));
        const QString keys[] = {QStringLiteral("C major"), QStringLiteral("F# major")};
        const QString captions[] = {QStringLiteral("warm pop with piano, bass and drums"),
                                    QStringLiteral("mellow soul with rhodes and strings"),
                                    QStringLiteral("folk with acoustic guitar and a violin melody"),
                                    QStringLiteral("synth pop with pads, bass and a lead synth")};
        double own = 0.0, other = 0.0;
        int clips = 0;
        for (int i = 0; i < 4; ++i) {
            std::array<std::array<double, 12>, 2> chroma{};
            for (int k = 0; k < 2; ++k) {
                GenerationRequest request;
                request.caption = captions[i];
                request.key = keys[k];
                request.tempo = 96;
                request.seed = quint64(11 + i);
                request.steps = 16;
                SectionPlan verse;
                verse.label = core::SectionLabel::Verse;
                verse.end = core::SampleCount(8 * 44100);
                verse.caption = QStringLiteral("steady groove");
                request.sections = {verse};
                SimpleJobControl job;
                auto song = engine.generate(request, job);
                QVERIFY2(song, qPrintable(song.errorMessage()));
                QCOMPARE(song->key, keys[k]);
                chroma[size_t(k)] = pitchedChroma(song->stems, request.sampleRate);
            }
            for (int k = 0; k < 2; ++k) {
                own += scaleShare(chroma[size_t(k)], keys[k]);
                other += scaleShare(chroma[size_t(k)], keys[1 - k]);
                ++clips;
            }
        }
        own /= clips;
        other /= clips;
        qInfo("the shipped model asked for C major and F# major: %.1f %% of the pitched energy on the asked scale, "
              "%.1f %% on the other's", 100.0 * own, 100.0 * other);
        // Measured 66.0 % against 50.2 % (an even spread: 58.3 %; run 13 read 62.8 % against 56.6 %). A model that
        // ignores the key makes the same clip for both keys, and the two shares are then equal.
        QVERIFY2(own > other + 0.08, qPrintable(QStringLiteral("%1 against %2").arg(own).arg(other)));
    }

    // Issue 17's probe: three held-out songs (s2a-corpus, the held-out seed) through s2a-eval with the shipped
    // weights. Goals: chroma agreement >= 0.90 on the bass and harmonic groups (met on 100 songs: 0.924 / 0.920),
    // log-spectral distance <= 4 dB (missed: 11.0 dB; its phase floor is 4.8), generations at least 80 % as
    // pitched as the audio (missed: 0.51 against 0.81 on 100 songs; here 0.460 against 0.594, 77 %). The thresholds
    // sit under the figures measured, so a worse model fails here; the goals missed are in docs/training/README.md.
    void codecAndGenerationsOnHeldOutSongs()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString heldOut = dir.filePath(QStringLiteral("held-out"));
        QProcess corpus;
        corpus.start(QStringLiteral(S2A_CORPUS_PATH), {QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--seed"),
                                                       QStringLiteral("9001"), QStringLiteral("--seconds"), QStringLiteral("20:40"),
                                                       QStringLiteral("--out"), heldOut});
        QVERIFY(corpus.waitForFinished(180000));
        QVERIFY2(corpus.exitCode() == 0, corpus.readAllStandardError().constData());
        const QString out = dir.filePath(QStringLiteral("eval.json"));
        QProcess eval;
        eval.start(QStringLiteral(S2A_EVAL_PATH),
                   {QStringLiteral("--held-out"), heldOut, QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--weights"),
                    kFolder + QStringLiteral("/model.safetensors"), QStringLiteral("--no-arranger"), QStringLiteral("--no-shuffled"),
                    QStringLiteral("--seam-items"), QStringLiteral("0"), QStringLiteral("--threads"), QStringLiteral("2"),
                    QStringLiteral("--out"), out});
        QVERIFY(eval.waitForFinished(240000));
        const QByteArray errors = eval.readAllStandardError();
        QVERIFY2(eval.exitCode() == 0, errors.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QHash<QString, QJsonObject> rows;
        for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("rows")).toArray())
            rows.insert(v.toObject().value(QStringLiteral("kind")).toString(), v.toObject());
        QVERIFY(rows.contains(QStringLiteral("model")) && rows.contains(QStringLiteral("codec")) && rows.contains(QStringLiteral("reference")));
        const QJsonObject codec = rows.value(QStringLiteral("codec"));
        const double lsd = codec.value(QStringLiteral("logSpectralDistanceOverallDb")).toDouble(99.0);
        const double bass = codec.value(QStringLiteral("chromaAgreementBass")).toDouble(), harmonic = codec.value(QStringLiteral("chromaAgreementHarmonic")).toDouble();
        const double pitched = rows.value(QStringLiteral("model")).value(QStringLiteral("pitchedness")).toDouble();
        const double audio = rows.value(QStringLiteral("reference")).value(QStringLiteral("pitchedness")).toDouble();
        qInfo("shipped codec on 3 held-out songs: log-spectral distance %.2f dB, chroma bass %.3f harmonic %.3f; "
              "generations pitched %.3f against the audio's %.3f (%.0f %%)", lsd, bass, harmonic, pitched, audio, 100.0 * pitched / audio);
        QVERIFY2(lsd > 0.0 && lsd < 12.5, qPrintable(QString::number(lsd)));
        // Three songs scatter more than a hundred (measured here: 0.871 and 0.924); run 4's codec read 0.831 / 0.753.
        QVERIFY2(bass >= 0.85 && harmonic >= 0.85 && bass + harmonic >= 1.76, qPrintable(QStringLiteral("%1 %2").arg(bass).arg(harmonic)));
        QVERIFY2(audio > 0.5 && pitched >= 0.6 * audio, qPrintable(QStringLiteral("%1 of %2").arg(pitched).arg(audio)));
    }
};

QTEST_GUILESS_MAIN(ShippedModelTest)
#include "tst_shipped_model.moc"
