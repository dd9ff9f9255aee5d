// The s2a-eval binary itself: real runs on small corpora rendered by s2a-corpus with random-initialised tiny
// weights (the rows, the JSON, refused arguments, --song-keys, the phase-floor row). Split from tst_evaluation,
// which tests the harness's maths and metrics.
#include "core/audio/AudioFileReader.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/evaluation/Adherence.h"
#include "inference/evaluation/EvalFeatures.h"
#include "inference/evaluation/FrechetDistance.h"
#include "inference/evaluation/HeldOut.h"
#include "inference/evaluation/PairedDistance.h"
#include "inference/evaluation/SeamMetric.h"
#include "inference/evaluation/TonalMetrics.h"
#include "inference/arranger/MusicTheory.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <utility>
#include <QtTest>

#include <cmath>
#include <random>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::evaluation;
using L = core::SectionLabel;

// Three (or `count`) short held-out songs from the real s2a-corpus binary.
bool renderHeldOut(const QString& folder, int count)
{
    QProcess corpus;
    corpus.start(QStringLiteral(S2A_CORPUS_PATH), {QStringLiteral("--count"), QString::number(count), QStringLiteral("--out"),
                                                   folder, QStringLiteral("--seconds"), QStringLiteral("8:10"),
                                                   QStringLiteral("--seed"), QStringLiteral("999")});
    if (!corpus.waitForFinished(120000) || corpus.exitCode() != 0) {
        qWarning("s2a-corpus failed: %s", corpus.readAllStandardError().constData());
        return false;
    }
    return true;
}

// One codec-only s2a-eval run; the JSON's rows by name (empty when the run failed, with the reason logged).
QHash<QString, QJsonObject> codecRows(const QString& weights, const QString& heldOut, const QString& out,
                                      const QStringList& extra)
{
    QProcess eval;
    eval.start(QStringLiteral(S2A_EVAL_PATH),
               QStringList{QStringLiteral("--config"), QStringLiteral("tiny-pitched"), QStringLiteral("--weights"), weights,
                           QStringLiteral("--held-out"), heldOut, QStringLiteral("--count"), QStringLiteral("2"),
                           QStringLiteral("--seconds"), QStringLiteral("6"), QStringLiteral("--threads"), QStringLiteral("2"),
                           QStringLiteral("--codec-only"), QStringLiteral("--out"), out} + extra);
    QHash<QString, QJsonObject> rows;
    if (!eval.waitForFinished(120000) || eval.exitCode() != 0) {
        qWarning("s2a-eval failed: %s", eval.readAllStandardError().constData());
        return rows;
    }
    QFile f(out);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("rows")).toArray())
        rows.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    return rows;
}

class EvalBinaryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void endToEndRunOfTheBinary()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString weights = dir.filePath(QStringLiteral("model.safetensors"));
        QVERIFY(diffusion::writeRandomWeights(QStringLiteral("tiny"), weights, 7));
        QVERIFY(renderHeldOut(dir.filePath(QStringLiteral("held-out")), 3));

        // Missing weights: a clear message and exit 2, before any work.
        QProcess missing;
        missing.start(QStringLiteral(S2A_EVAL_PATH), {QStringLiteral("--weights"), dir.filePath(QStringLiteral("nope.safetensors")),
                                                      QStringLiteral("--held-out"), dir.filePath(QStringLiteral("held-out"))});
        QVERIFY(missing.waitForFinished(30000));
        QCOMPARE(missing.exitCode(), 2);
        QVERIFY(missing.readAllStandardError().contains("nope.safetensors"));
        // A guidance that is not a number in 0..30, or an interval outside [0, 1]: refused the same way.
        const std::pair<QString, QString> refusals[] = {
            {QStringLiteral("--section-guidance"), QStringLiteral("nan")}, {QStringLiteral("--section-guidance"), QStringLiteral("31")},
            {QStringLiteral("--section-guidance"), QStringLiteral("-1")}, {QStringLiteral("--guidance-interval"), QStringLiteral("0.8:0.2")},
            {QStringLiteral("--guidance-interval"), QStringLiteral("0:1.5")}, {QStringLiteral("--guidance-interval"), QStringLiteral("0.5")}};
        for (const auto& [option, bad] : refusals) {
            QProcess refused;
            refused.start(QStringLiteral(S2A_EVAL_PATH), {QStringLiteral("--weights"), weights, QStringLiteral("--held-out"),
                                                          dir.filePath(QStringLiteral("held-out")), option, bad});
            QVERIFY(refused.waitForFinished(30000));
            QCOMPARE(refused.exitCode(), 2);
            const QByteArray message = refused.readAllStandardError();
            QVERIFY2(message.contains(option == QLatin1String("--section-guidance") ? "--section-guidance must be a number from 0 to 30"
                                                                                    : "--guidance-interval must be A:B with 0 <= A <= B <= 1"),
                     qPrintable(bad + QLatin1Char(' ') + QString::fromUtf8(message)));
        }

        const QString out = dir.filePath(QStringLiteral("results.json"));
        QProcess eval;
        eval.start(QStringLiteral(S2A_EVAL_PATH),
                   {QStringLiteral("--config"), QStringLiteral("tiny"), QStringLiteral("--weights"), weights + QStringLiteral("=main"), QStringLiteral("--held-out"),
                    dir.filePath(QStringLiteral("held-out")), QStringLiteral("--count"), QStringLiteral("3"),
                    QStringLiteral("--seconds"), QStringLiteral("6"), QStringLiteral("--steps"), QStringLiteral("4"),
                    QStringLiteral("--guidance"), QStringLiteral("6.5"), QStringLiteral("--guidance-interval"), QStringLiteral("0.25:0.75"),
                    QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--seam-items"), QStringLiteral("1"),
                    QStringLiteral("--write-audio"), dir.filePath(QStringLiteral("audio")), QStringLiteral("--audio-items"),
                    QStringLiteral("1"), QStringLiteral("--out"), out});
        QVERIFY(eval.waitForFinished(240000));
        const QByteArray stderrText = eval.readAllStandardError();
        QVERIFY2(eval.exitCode() == 0, stderrText.constData());
        const QString table = QString::fromUtf8(eval.readAllStandardOutput());
        for (const char* row : {"main", "shuffled captions", "codec ceiling", "arranger", "held-out audio"})
            QVERIFY2(table.contains(QLatin1String(row)), qPrintable(table));

        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject config = json.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("items")).toInt(), 3);
        QCOMPARE(config.value(QStringLiteral("seconds")).toDouble(), 6.0);
        QCOMPARE(config.value(QStringLiteral("steps")).toInt(), 4);
        QCOMPARE(config.value(QStringLiteral("guidance")).toDouble(), 6.5);
        QCOMPARE(config.value(QStringLiteral("sectionGuidance")).toDouble(), 4.0);
        QVERIFY2(table.contains(QLatin1String("guidance 6.5 / 4 at t in [0.25, 0.75)")), qPrintable(table));
        QCOMPARE(config.value(QStringLiteral("guidanceInterval")).toArray(), (QJsonArray{0.25, 0.75}));
        QCOMPARE(config.value(QStringLiteral("featureDefinition")).toObject().value(QStringLiteral("dims")).toInt(), kEmbeddingDims);
        const QJsonArray rows = json.value(QStringLiteral("rows")).toArray();
        QStringList names;
        for (const QJsonValue& v : rows)
            names << v.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("main"), QStringLiteral("shuffled captions"),
                                     QStringLiteral("codec ceiling"), QStringLiteral("arranger"),
                                     QStringLiteral("held-out audio")}));
        for (const QJsonValue& v : rows) {
            const QJsonObject row = v.toObject();
            const QString name = row.value(QStringLiteral("name")).toString();
            const QString kind = row.value(QStringLiteral("kind")).toString();
            const bool reference = kind == QLatin1String("reference"), codec = kind == QLatin1String("codec");
            const auto finite = [&](const char* key) {
                const QJsonValue x = row.value(QLatin1String(key));
                return x.isDouble() && std::isfinite(x.toDouble());
            };
            for (const char* key : {"tempoPercent", "fd", "audioSeconds", "pitchedness"})
                QVERIFY2(finite(key), qPrintable(name + QLatin1Char(' ') + QLatin1String(key)));
            QVERIFY(row.value(QStringLiteral("fd")).toDouble() >= 0.0);
            // Seams: the first item repainted (2 seams); the codec row repaints nothing.
            QCOMPARE(row.value(QStringLiteral("seamCount")).toInt(), codec ? 0 : 2);
            for (const char* key : {"seamJumpMedian", "seamJumpP90", "seamBaselineMedian"})
                QCOMPARE(finite(key), !codec);
            // The bootstrap interval is there for every row compared with the held-out audio.
            const QJsonArray interval = row.value(QStringLiteral("fdBootstrap95")).toArray();
            QCOMPARE(interval.size(), 2);
            QCOMPARE(interval[0].isDouble(), !reference);
            if (!reference)
                QVERIFY(interval[0].toDouble() <= interval[1].toDouble());
            QCOMPARE(finite("fdOverFirstVariant"), kind == QLatin1String("shuffled"));
            QCOMPARE(finite("ownSongDistance"), !reference);
            QCOMPARE(finite("ownSongDistanceOverFirstVariant"), kind == QLatin1String("shuffled"));
            QCOMPARE(finite("ownSongRank"), !reference);
            QCOMPARE(finite("ownSongRankOverFirstVariant"), kind == QLatin1String("shuffled"));
            // The codec row's own figures: one log-spectral distance per stem group, chroma agreement.
            QCOMPARE(finite("logSpectralDistanceOverallDb"), codec);
            QCOMPARE(row.value(QStringLiteral("logSpectralDistanceDb")).toArray().size(), codec ? 4 : 0);
            if (codec)
                QVERIFY(row.value(QStringLiteral("logSpectralDistanceOverallDb")).toDouble() > 0.0);
            const QJsonArray items = row.value(QStringLiteral("items")).toArray();
            QCOMPARE(items.size(), 3);
            // Clips are the first 6 s, or the whole song when it is shorter (4 fast bars can be).
            double seconds = 0.0;
            for (const QJsonValue& item : items) {
                const double s = item.toObject().value(QStringLiteral("seconds")).toDouble();
                QVERIFY(s > 4.0 && s <= 6.0);
                seconds += s;
            }
            QCOMPARE(row.value(QStringLiteral("audioSeconds")).toDouble(), seconds);
            // A percentage is a number exactly when there was something to count.
            QCOMPARE(finite("instrumentPercent"), row.value(QStringLiteral("instrumentCount")).toInt() > 0);
            QCOMPARE(finite("energyOrderPercent"), row.value(QStringLiteral("energyOrderItems")).toInt() > 0);
            // Speed is a property of generated rows only.
            QCOMPARE(finite("realTimeFactor"), !reference);
            QCOMPARE(finite("secondsPerItem"), !reference);
            for (int i = 0; i < items.size(); ++i)
                QCOMPARE(items[i].toObject().value(QStringLiteral("seamJumps")).toArray().size(), i < 1 && !codec ? 2 : 0);
        }
        // --write-audio: the first item of every row, one WAV per stem group, the clip's length.
        const QString firstItem = json.value(QStringLiteral("config")).toObject().value(QStringLiteral("itemFolders")).toArray()[0].toString();
        for (const QString& row : names) {
            const QDir itemDir(dir.filePath(QStringLiteral("audio/%1/%2").arg(row, firstItem)));
            QCOMPARE(itemDir.entryList({QStringLiteral("*.wav")}, QDir::Files, QDir::Name),
                     (QStringList{QStringLiteral("bass.wav"), QStringLiteral("drums.wav"), QStringLiteral("harmonic.wav"),
                                  QStringLiteral("lead.wav")}));
            auto bass = core::AudioFileReader::read(itemDir.filePath(QStringLiteral("bass.wav")));
            QVERIFY2(bass, qPrintable(bass.errorMessage()));
            const double seconds = rows[0].toObject().value(QStringLiteral("items")).toArray()[0].toObject()
                                       .value(QStringLiteral("seconds")).toDouble();
            QCOMPARE(double(bass.value().audio.frames()) / bass.value().audio.sampleRate, seconds);
        }
        QVERIFY(!QDir(dir.filePath(QStringLiteral("audio/main"))).exists(QStringLiteral("song-0002.s2a")));

        const QJsonObject heldOut = rows.last().toObject();
        QVERIFY(heldOut.value(QStringLiteral("source")).toString().endsWith(QLatin1String("held-out")));
        QCOMPARE(rows.first().toObject().value(QStringLiteral("weightsSha256")).toString().size(), 64);
    }

    // --song-keys: every request names its song's key (as a project with its key set does), the shuffled row
    // takes the other song's key with its caption, and key adherence counts every item against its song's key.
    void songKeysAskEveryItemInItsKey()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString heldOut = dir.filePath(QStringLiteral("held-out"));
        QVERIFY(renderHeldOut(heldOut, 2));
        auto items = loadHeldOut(heldOut, 2, 4.0);
        QVERIFY2(items, qPrintable(items.errorMessage()));
        QCOMPARE(items.value().size(), 2);
        const HeldOutItem& first = items.value()[0];
        const HeldOutItem& second = items.value()[1];
        QVERIFY2(arranger::Key::parse(first.key) && arranger::Key::parse(second.key), qPrintable(first.key + second.key));
        QVERIFY(requestFor(first, 1, 4, 4.0, 4.0).key.isEmpty());
        const GenerationRequest asked = requestFor(first, 1, 4, 4.0, 4.0, true);
        QCOMPARE(asked.key, first.key);
        QCOMPARE(withCaptionsOf(asked, second).key, second.key);

        const QString weights = dir.filePath(QStringLiteral("model.safetensors"));
        QVERIFY(diffusion::writeRandomWeights(QStringLiteral("tiny"), weights, 7));
        const auto run = [&](bool songKeys) {
            const QString out = dir.filePath(songKeys ? QStringLiteral("song.json") : QStringLiteral("caption.json"));
            QProcess eval;
            QStringList args{QStringLiteral("--config"), QStringLiteral("tiny"), QStringLiteral("--weights"), weights,
                             QStringLiteral("--held-out"), heldOut, QStringLiteral("--count"), QStringLiteral("2"),
                             QStringLiteral("--seconds"), QStringLiteral("4"), QStringLiteral("--steps"), QStringLiteral("1"),
                             QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--seam-items"), QStringLiteral("0"),
                             QStringLiteral("--no-codec"), QStringLiteral("--out"), out};
            if (songKeys)
                args << QStringLiteral("--song-keys");
            eval.start(QStringLiteral(S2A_EVAL_PATH), args);
            if (!eval.waitForFinished(240000) || eval.exitCode() != 0)
                qWarning("s2a-eval failed: %s", eval.readAllStandardError().constData());
            QFile f(out);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject{};
        };
        const QJsonObject bySong = run(true), byCaption = run(false);
        QCOMPARE(bySong.value(QStringLiteral("config")).toObject().value(QStringLiteral("keyFrom")).toString(), QStringLiteral("song"));
        QCOMPARE(byCaption.value(QStringLiteral("config")).toObject().value(QStringLiteral("keyFrom")).toString(), QStringLiteral("caption"));
        int captionsNamingAKey = 0;
        for (const HeldOutItem& item : items.value())
            captionsNamingAKey += askedKey(item.caption) ? 1 : 0;
        const QJsonArray songRows = bySong.value(QStringLiteral("rows")).toArray();
        QCOMPARE(songRows.size(), 4);  // the weights, shuffled captions, arranger, held-out audio
        for (const QJsonValue& v : songRows) {
            const QJsonObject row = v.toObject();
            QCOMPARE(row.value(QStringLiteral("keyItems")).toInt(), 2);
            const QJsonArray rowItems = row.value(QStringLiteral("items")).toArray();
            for (int i = 0; i < 2; ++i)
                QCOMPARE(rowItems[i].toObject().value(QStringLiteral("keyAsked")).toString(),
                         keyText(KeyName{arranger::Key::parse(items.value()[i].key)->tonic,
                                         arranger::Key::parse(items.value()[i].key)->minor}));
        }
        for (const QJsonValue& v : byCaption.value(QStringLiteral("rows")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("keyItems")).toInt(), captionsNamingAKey);
    }

    // The phase floor of a reconstructed-phase codec: the held-out stems' own magnitudes through the decoder's phase
    // reconstruction. With exact magnitudes it must measure far closer to the original than the codec (random
    // weights here), keep the chroma, and get closer with more Griffin-Lim passes: --phase-iterations reaches the
    // decoder.
    void phaseFloorRowOfAReconstructedPhaseCodec()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString weights = dir.filePath(QStringLiteral("pitched.safetensors"));
        QVERIFY(diffusion::writeRandomWeights(QStringLiteral("tiny-pitched"), weights, 7));
        const QString heldOut = dir.filePath(QStringLiteral("held-out"));
        QVERIFY(renderHeldOut(heldOut, 2));
        const auto lsd = [](const QJsonObject& row) { return row.value(QStringLiteral("logSpectralDistanceOverallDb")).toDouble(-1.0); };
        const auto few = codecRows(weights, heldOut, dir.filePath(QStringLiteral("p0.json")), {QStringLiteral("--phase-iterations"), QStringLiteral("0")});
        const auto many = codecRows(weights, heldOut, dir.filePath(QStringLiteral("p16.json")), {QStringLiteral("--phase-iterations"), QStringLiteral("16")});
        QCOMPARE(QStringList(few.keys()).size(), 3);  // codec ceiling, phase floor, held-out audio
        QVERIFY(few.contains(QStringLiteral("phase floor")) && many.contains(QStringLiteral("phase floor")));
        const QJsonObject floor0 = few.value(QStringLiteral("phase floor")), floor16 = many.value(QStringLiteral("phase floor"));
        QCOMPARE(floor0.value(QStringLiteral("kind")).toString(), QStringLiteral("phase"));
        QCOMPARE(floor0.value(QStringLiteral("logSpectralDistanceDb")).toArray().size(), 4);
        qInfo("phase floor: log-spectral distance %.2f dB (0 passes), %.2f dB (16 passes); codec with random weights %.2f dB",
              lsd(floor0), lsd(floor16), lsd(few.value(QStringLiteral("codec ceiling"))));
        QVERIFY(lsd(floor16) > 0.0);
        QVERIFY2(lsd(floor16) < lsd(floor0) - 0.5, "more Griffin-Lim passes must bring the floor closer");
        QVERIFY(lsd(floor0) < 8.0);  // 5.3 dB measured on the corpus's held-out songs
        QVERIFY(lsd(few.value(QStringLiteral("codec ceiling"))) > lsd(floor0) + 3.0);
        for (const char* key : {"chromaAgreementBass", "chromaAgreementHarmonic"})
            QVERIFY2(floor16.value(QLatin1String(key)).toDouble() > 0.95, key);
    }
};

QTEST_GUILESS_MAIN(EvalBinaryTest)
#include "tst_eval_binary.moc"
