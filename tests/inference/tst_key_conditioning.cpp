// The song's key as a DiT input (dit.keyConditioning, the tiny-keyed config): key names read as musicians
// write them, the features a key and its relative share, and a real forward pass that hears the key only where
// the global conditioning is kept.
#include "inference/model/CaptionEncoder.h"
#include "inference/model/GuidedDitVelocity.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/StructureDit.h"

#include <QtTest>

#include <torch/torch.h>

using namespace s2a::model;

class KeyConditioningTest : public QObject {
    Q_OBJECT

    static float maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<float>(); }

private Q_SLOTS:
    void readsKeyNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("id");
        QTest::newRow("C major") << "C major" << qint64(0);
        QTest::newRow("A minor") << "A minor" << qint64(21);
        QTest::newRow("C# minor") << "C# minor" << qint64(13);
        QTest::newRow("Bb major") << "Bb major" << qint64(10);
        QTest::newRow("Eb, no mode: major") << "Eb" << qint64(3);
        QTest::newRow("B alone") << "B" << qint64(11);
        QTest::newRow("bb minor, lower case") << "bb minor" << qint64(22);
        QTest::newRow("f#m") << "f#m" << qint64(18);
        QTest::newRow("Cb wraps to B") << "Cb major" << qint64(11);
        QTest::newRow("spaces") << "  G   min " << qint64(19);
        QTest::newRow("F sharp minor") << "F sharp minor" << qint64(18);
        QTest::newRow("B flat") << "B flat" << qint64(10);
        QTest::newRow("empty") << "" << qint64(kNoKey);
        QTest::newRow("not a note") << "H major" << qint64(kNoKey);
        QTest::newRow("a mode it does not know") << "D dorian" << qint64(kNoKey);
        QTest::newRow("a word") << "ambient" << qint64(kNoKey);
    }
    void readsKeyNames()
    {
        QFETCH(QString, name);
        QFETCH(qint64, id);
        QCOMPARE(qint64(keyIdFromName(name.toStdString())), id);
    }

    void relativeKeysShareTheirScale()
    {
        const auto f = makeKeyFeatures({keyId(0, false), keyId(9, true), keyId(7, false), kNoKey});
        QCOMPARE(f.sizes().vec(), (std::vector<int64_t>{4, kKeyFeatures}));
        const auto scale = [&](int row) { return f[row].narrow(0, 0, 12); };
        // C major and A minor: the white keys, both.
        const auto white = torch::tensor({1.f, 0.f, 1.f, 0.f, 1.f, 1.f, 0.f, 1.f, 0.f, 1.f, 0.f, 1.f});
        QVERIFY(torch::equal(scale(0), white));
        QVERIFY(torch::equal(scale(1), white));
        // G major: F# instead of F.
        QCOMPARE(f[2][6].item<float>(), 1.f);
        QCOMPARE(f[2][5].item<float>(), 0.f);
        // Tonic and mode tell the relatives apart; "no key" is all zero.
        QCOMPARE(f[0][12 + 0].item<float>(), 1.f);
        QCOMPARE(f[1][12 + 9].item<float>(), 1.f);
        QCOMPARE(f[0][24].item<float>(), 0.f);
        QCOMPARE(f[1][24].item<float>(), 1.f);
        QCOMPARE(f[0][25].item<float>(), 1.f);
        QCOMPARE(f[3].abs().sum().item<float>(), 0.f);
        QVERIFY_THROWS_EXCEPTION(c10::Error, makeKeyFeatures({24}));
    }

    void theNetworkHearsTheKeyWithTheGlobalCaption()
    {
        torch::manual_seed(5);
        torch::NoGradGuard guard;
        const ModelConfig cfg = builtinModelConfig("tiny-keyed");
        QVERIFY(cfg.dit.keyConditioning);
        QVERIFY(!builtinModelConfig("tiny-pitched").dit.keyConditioning);
        BuiltinTextEncoder text(cfg.caption);
        StructureDit dit(cfg);
        dit->eval();
        for (auto& p : dit->parameters())
            p.normal_(0.0, 0.08);
        const int64_t n = 24, ch = cfg.ditLatentChannels();
        const auto xt = torch::randn({2, ch, n});
        const auto context = torch::zeros({2, ch, n});
        const auto keep = torch::zeros({2, 1, n});
        const auto t = torch::tensor({0.4f, 0.6f});
        DitConditioning cond;
        cond.globalCaption = text.encode({"warm house with pads", "dark piano ballad"});
        cond.sectionCaptions = text.encode({"verse", "chorus"}).pooled.unsqueeze(1);
        cond.structure = makeStructureFrames({{{0, n, 1}}, {{0, n, 3}}}, n);
        cond.structure.beatPhase = makeBeatPhases({{120.0, 4, 0.0}, {80.0, 3, 0.0}}, n, cfg.latentFrameSeconds());

        cond.key = makeKeyFeatures({keyId(1, true), keyId(5, false)});
        const auto cSharpMinor = dit->forward(xt, t, context, keep, cond);
        DitConditioning other = cond;
        other.key = makeKeyFeatures({keyId(7, false), keyId(5, false)});
        const auto gMajor = dit->forward(xt, t, context, keep, other);
        // Item 0's key changed, item 1's did not.
        QVERIFY(maxDiff(gMajor[0], cSharpMinor[0]) > 1e-4f);
        QVERIFY(torch::allclose(gMajor[1], cSharpMinor[1], 1e-5, 1e-6));
        // No key at all is the all-zero row, whether the tensor is given or not.
        DitConditioning none = cond;
        none.key = torch::Tensor();
        DitConditioning zeros = cond;
        zeros.key = makeKeyFeatures({kNoKey, kNoKey});
        QVERIFY(torch::allclose(dit->forward(xt, t, context, keep, none), dit->forward(xt, t, context, keep, zeros), 1e-5, 1e-6));
        // Dropped with the global caption: without it, the key is not heard (what global guidance contrasts).
        const auto dropGlobal = torch::tensor({false, false});
        cond.useGlobalCaption = dropGlobal;
        other.useGlobalCaption = dropGlobal;
        QVERIFY(torch::allclose(dit->forward(xt, t, context, keep, cond), dit->forward(xt, t, context, keep, other), 1e-5, 1e-6));
        // The guided sampler's batched branches carry the key to every branch.
        const std::vector<GuidanceBranch> branches = FlowSampler::guidanceBranches(4.0, 4.0);
        DitConditioning one = other;
        one.globalCaption = text.encode({"warm house with pads"});
        one.sectionCaptions = cond.sectionCaptions.narrow(0, 0, 1);
        one.structure = makeStructureFrames({{{0, n, 1}}}, n);
        one.key = makeKeyFeatures({keyId(7, false)});
        QCOMPARE(conditioningForBranches(one, branches).key.size(0), int64_t(branches.size()));
        // A wrongly shaped key fails loudly.
        DitConditioning bad = cond;
        bad.key = torch::zeros({2, 12});
        QVERIFY_THROWS_EXCEPTION(c10::Error, dit->forward(xt, t, context, keep, bad));
    }
};

QTEST_GUILESS_MAIN(KeyConditioningTest)
#include "tst_key_conditioning.moc"
