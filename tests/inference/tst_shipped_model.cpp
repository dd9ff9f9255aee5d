// The trained tiny model that ships in resources/models/tiny: found by default, intact (its SHA-256 is the
// one recorded beside it), small enough to ship, and it makes finite, audible music from a caption.
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/WeightLoader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::diffusion;

namespace {

const QString kFolder = QStringLiteral(S2A_SOURCE_DIR "/resources/models/tiny");

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
        QCOMPARE(QString::fromStdString(file->metadata["config"]), QStringLiteral("tiny"));
        QCOMPARE(QString::fromStdString(file->metadata["init"]), QStringLiteral("trained"));
        QVERIFY(file->metadata.count("latent_scale"));

        // The config beside it is the built-in one, and the training record names the recipe and corpus.
        const QJsonObject shipped = QJsonDocument::fromJson(readFile(kFolder + QStringLiteral("/config.json"))).object();
        const QJsonObject builtin =
            QJsonDocument::fromJson(QByteArray::fromStdString(model::builtinModelConfigJson("tiny"))).object();
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
};

QTEST_GUILESS_MAIN(ShippedModelTest)
#include "tst_shipped_model.moc"
