// The keep-masks the DiT stages train with (training/KeepMasks.h): frame masks in the proportions a user's
// actions need, and stem-group masks (issue 20) whose kept groups are known on every frame.
#include "training/KeepMasks.h"

#include <QtTest>

#include <torch/torch.h>

using namespace s2a;

class TestKeepMasks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void frameMasksCoverEveryKind()
    {
        std::mt19937_64 rng(1);
        const std::vector<model::SectionSpan> spans{{0, 20, 1}, {20, 44, 2}, {44, 64, 3}};
        int generate = 0, toTheEnd = 0, inner = 0;
        for (int i = 0; i < 400; ++i) {
            const torch::Tensor m = training::drawFrameKeepMask(64, spans, rng);
            QCOMPARE(m.sizes().vec(), (std::vector<int64_t>{64}));
            QVERIFY(m.min().item<float>() >= 0.0f && m.max().item<float>() <= 1.0f);
            if (m.max().item<float>() == 0.0f)
                ++generate;
            else if (m[0].item<float>() == 1.0f && m[63].item<float>() == 0.0f)
                ++toTheEnd;  // an extend, or a repaint of the last section
            else
                ++inner;
        }
        // 30 % generation; extends (15 %) and repaints of the last section or a span reaching the end generate
        // to the end; the rest repaints inside the crop.
        QVERIFY2(generate > 80 && generate < 160, qPrintable(QString::number(generate)));
        QVERIFY2(toTheEnd > 60 && toTheEnd < 160, qPrintable(QString::number(toTheEnd)));
        QVERIFY2(inner > 100, qPrintable(QString::number(inner)));
    }

    void stemMasksKeepAProperSubsetOfGroups()
    {
        std::mt19937_64 rng(2);
        const torch::Tensor frames = torch::zeros({16});
        int stemWise = 0;
        std::vector<int> keptCount(4, 0);
        for (int i = 0; i < 400; ++i) {
            const torch::Tensor m = training::drawStemKeepMask(frames, 4, 0.25, rng);
            if (m.size(0) == 1) {
                QVERIFY(torch::equal(m[0], frames));
                continue;
            }
            ++stemWise;
            QCOMPARE(m.sizes().vec(), (std::vector<int64_t>{4, 16}));
            int kept = 0;
            for (int g = 0; g < 4; ++g) {
                const bool known = torch::equal(m[g], torch::ones({16}));
                QVERIFY(known || torch::equal(m[g], frames));
                kept += known;
                keptCount[size_t(g)] += known;
            }
            QVERIFY2(kept > 0 && kept < 4, qPrintable(QString::number(kept)));
        }
        QVERIFY2(stemWise > 70 && stemWise < 130, qPrintable(QString::number(stemWise)));
        for (int g = 0; g < 4; ++g)
            QVERIFY2(keptCount[size_t(g)] > stemWise / 4, qPrintable(QString::number(g)));  // every group gets known
        // One group, or no share: the frame mask for every group.
        QCOMPARE(training::drawStemKeepMask(frames, 1, 1.0, rng).size(0), 1);
        QCOMPARE(training::drawStemKeepMask(frames, 4, 0.0, rng).size(0), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeepMasks)
#include "tst_keep_masks.moc"
