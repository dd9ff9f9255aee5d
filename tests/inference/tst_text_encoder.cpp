// An external TorchScript text encoder in place of the built-in caption encoder: a real scripted module
// (written by python3-torch), loaded by LibTorch, feeding the diffusion engine.
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/model/TorchScriptTextEncoder.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::diffusion;

class TextEncoderTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_weights;

    QString encoder(int width) const { return m_dir.filePath(QStringLiteral("encoder-%1.pt").arg(width)); }

    GenerationRequest request(const QString& caption) const
    {
        GenerationRequest r;
        r.caption = caption;
        r.seed = 4;
        r.steps = 2;
        SectionPlan s;
        s.start = 0;
        s.end = 22050;
        s.caption = caption;
        r.sections = {s};
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(S2A_TEXT_ENCODER_SCRIPT), m_dir.path()});
        QVERIFY(py.waitForFinished(120000));
        QVERIFY2(py.exitCode() == 0, py.readAll().constData());
        m_weights = m_dir.filePath(QStringLiteral("tiny.safetensors"));
        QVERIFY(writeRandomWeights(QStringLiteral("tiny"), m_weights, 11));
    }

    void encodesCaptions()
    {
        auto loaded = model::TorchScriptTextEncoder::load(encoder(128).toStdString(), torch::kCPU);
        QVERIFY2(loaded, loaded.error.c_str());
        auto& enc = **loaded;
        QCOMPARE(enc.outputWidth(), 128);
        const auto out = enc.encode({"funk", "", "a longer caption"});
        QCOMPARE(out.tokens.size(0), 3);
        QCOMPARE(out.tokens.size(1), 16);
        QCOMPARE(out.mask.sum(1)[0].item<int64_t>(), 4);
        QCOMPARE(out.mask.sum(1)[1].item<int64_t>(), 1);  // an empty caption keeps one token
        const auto manual = out.tokens[0].narrow(0, 0, 4).mean(0);
        QVERIFY(torch::allclose(out.pooled[0], manual, 1e-6, 1e-6));
        // What is promised: the batch does not change a caption's encoding beyond float rounding. Not bitwise: a
        // batch of one and a batch of three are other matrix shapes, for which BLAS may pick other kernels (an
        // AVX2 EPYC did, and failed a bitwise check that passed elsewhere).
        const auto alone = enc.encode({"funk"}).pooled[0];
        QVERIFY2(torch::allclose(alone, out.pooled[0], 1e-5, 1e-6),
                 qPrintable(QString::number(double((alone - out.pooled[0]).abs().max().item<float>()))));
    }

    void badFilesSayWhy()
    {
        auto missing = model::TorchScriptTextEncoder::load(m_dir.filePath(QStringLiteral("none.pt")).toStdString(), torch::kCPU);
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error).startsWith(QLatin1String("No text encoder at")));
        const QString junk = m_dir.filePath(QStringLiteral("junk.pt"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a module");
        f.close();
        auto bad = model::TorchScriptTextEncoder::load(junk.toStdString(), torch::kCPU);
        QVERIFY(!bad);
        QVERIFY2(QString::fromStdString(bad.error).contains(QLatin1String("is not a TorchScript module")), bad.error.c_str());

        DiffusionOptions o;
        o.config = QStringLiteral("tiny");  // the random weights' config
        o.weightsPath = m_weights;
        o.device = QStringLiteral("cpu");
        o.textEncoderPath = encoder(64);
        DiffusionEngine engine(o);
        const Status s = engine.load();
        QVERIFY(!s);
        QVERIFY2(s.errorMessage().contains(QLatin1String("64-wide")) && s.errorMessage().contains(QLatin1String("takes 128")),
                 qPrintable(s.errorMessage()));
    }

    void drivesTheEngine()
    {
        DiffusionOptions o;
        o.config = QStringLiteral("tiny");  // the random weights' config
        o.weightsPath = m_weights;
        o.device = QStringLiteral("cpu");
        o.textEncoderPath = encoder(128);
        DiffusionEngine engine(o);
        SimpleJobControl job;
        auto a = engine.generate(request(QStringLiteral("dark techno")), job);
        auto b = engine.generate(request(QStringLiteral("bright bossa nova")), job);
        QVERIFY2(a && b, qPrintable(a.errorMessage() + b.errorMessage()));
        bool differs = false;
        for (int g = 0; g < a->stems.size(); ++g)
            for (size_t i = 0; i < a->stems[g].audio.channels[0].size(); ++i) {
                QVERIFY(std::isfinite(a->stems[g].audio.channels[0][i]));
                differs = differs || a->stems[g].audio.channels[0][i] != b->stems[g].audio.channels[0][i];
            }
        QVERIFY2(differs, "the external encoder's captions must reach the DiT");
    }
};

QTEST_GUILESS_MAIN(TextEncoderTest)
#include "tst_text_encoder.moc"
