// The DiT's memory savers against its plain backward pass, on a tiny DiT with random weights (adaLN-zero's
// fresh zeros would hide everything): recomputing each block in the backward pass gives the same gradients to
// every parameter and input, in fp32 and under bf16 autocast. Under autocast the recomputation must round
// exactly as the first forward did: were it recomputed in fp32, its gradients would sit as far from the bf16
// ones as fp32's own do, which the test measures and bounds against.
#include "inference/model/Autocast.h"
#include "inference/model/CaptionEncoder.h"
#include "inference/model/ModelConfig.h"
#include "inference/model/StructureDit.h"

#include <QtTest>

#include <torch/torch.h>

#include <map>

using namespace s2a::model;

namespace {

struct Gradients {
    std::map<std::string, torch::Tensor> parameters;
    torch::Tensor input;
    torch::Tensor text;
};

// The relative distance ||a - b|| / ||b|| over every parameter gradient and the two input gradients.
double relative(const Gradients& a, const Gradients& b)
{
    double d = 0.0, n = 0.0;
    auto add = [&](const torch::Tensor& x, const torch::Tensor& y) {
        d += (x - y).pow(2).sum().item<double>();
        n += y.pow(2).sum().item<double>();
    };
    for (const auto& [name, g] : b.parameters)
        add(a.parameters.at(name), g);
    add(a.input, b.input);
    add(a.text, b.text);
    return std::sqrt(d / std::max(n, 1e-30));
}

}  // namespace

class ActivationCheckpointingTest : public QObject {
    Q_OBJECT

    ModelConfig m_config = builtinModelConfig("tiny");
    StructureDit m_dit{nullptr};
    torch::Tensor m_xt, m_context, m_keep, m_t, m_tokens;
    DitConditioning m_cond;

    Gradients gradients(bool checkpoint, bool bf16)
    {
        m_dit->setActivationCheckpointing(checkpoint);
        m_dit->zero_grad();
        auto xt = m_xt.clone().requires_grad_(true);
        auto cond = m_cond;
        cond.globalCaption.tokens = m_tokens.clone().requires_grad_(true);
        torch::Tensor y;
        {
            std::optional<AutocastScope> autocast;
            if (bf16)
                autocast.emplace(AutocastState::bf16On(torch::kCPU));
            y = m_dit->forward(xt, m_t, m_context, m_keep, cond);
        }
        // A loss that weighs every output differently, so no gradient is symmetric by accident.
        const auto weights = torch::linspace(0.5, 1.5, y.numel()).view(y.sizes());
        (y.to(torch::kFloat32).pow(2) * weights).mean().backward();
        Gradients g;
        for (const auto& item : m_dit->named_parameters(true))
            if (item.value().grad().defined())
                g.parameters[item.key()] = item.value().grad().clone();
        g.input = xt.grad().clone();
        g.text = cond.globalCaption.tokens.grad().clone();
        return g;
    }

private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(11);
        m_dit = StructureDit(m_config);
        {
            torch::NoGradGuard noGrad;
            for (auto& p : m_dit->parameters())
                p.normal_(0.0, 0.08);
        }
        m_dit->train();
        const int64_t n = 48, ch = m_config.ditLatentChannels();
        m_xt = torch::randn({2, ch, n});
        m_context = torch::randn({2, ch, n});
        m_keep = torch::zeros({2, 1, n});
        m_keep.narrow(2, 0, 12).fill_(1.0);
        m_t = torch::tensor({0.3f, 0.7f});
        BuiltinTextEncoder text(m_config.caption);
        {
            torch::NoGradGuard noGrad;
            m_cond.globalCaption = text.encode({"warm rhodes and brushed drums", "distorted guitars, 150 bpm"});
            m_cond.sectionCaptions = text.encode({"verse", "chorus", "intro", "drop"}).pooled.view({2, 2, -1});
        }
        m_cond.structure = makeStructureFrames({{{0, 20, 1}, {20, n, 3}}, {{0, 8, 0}, {8, n, 5}}}, n);
        m_cond.structure.beatPhase = makeBeatPhases({{96.0, 4, 0.0}, {150.0, 4, 3.0}}, n, m_config.latentFrameSeconds());
        m_tokens = m_cond.globalCaption.tokens;
    }

    void recomputedBlocksGiveTheSameGradients()
    {
        const Gradients plain = gradients(false, false);
        const Gradients recomputed = gradients(true, false);
        QCOMPARE(recomputed.parameters.size(), plain.parameters.size());
        const double difference = relative(recomputed, plain);
        qInfo("fp32: recomputed blocks vs stored activations, gradients differ by %.2e relative", difference);
        QVERIFY2(difference <= 1e-6, qPrintable(QString::number(difference)));
    }

    void recomputationUnderBf16RoundsAsTheForward()
    {
        const Gradients fp32 = gradients(false, false);
        const Gradients bf16 = gradients(false, true);
        const Gradients bf16Recomputed = gradients(true, true);
        const double precision = relative(fp32, bf16), recompute = relative(bf16Recomputed, bf16);
        qInfo("bf16 autocast: gradients differ from fp32 by %.2e; recomputed vs stored bf16 by %.2e", precision, recompute);
        QVERIFY2(precision > 1e-4, "autocast changed nothing: the products did not run in bf16");
        QVERIFY2(precision < 0.1, qPrintable(QString::number(precision)));
        QVERIFY2(recompute <= 0.01 * precision, qPrintable(QStringLiteral("%1 vs %2").arg(recompute).arg(precision)));
        // The scope is left as it was found.
        QVERIFY(!at::autocast::is_cpu_enabled());
    }

    void evaluationIgnoresTheSetting()
    {
        // Sampling never builds a graph: with the setting on, eval mode and no-grad run the plain blocks.
        m_dit->setActivationCheckpointing(true);
        m_dit->eval();
        torch::NoGradGuard noGrad;
        const auto a = m_dit->forward(m_xt, m_t, m_context, m_keep, m_cond);
        m_dit->setActivationCheckpointing(false);
        const auto b = m_dit->forward(m_xt, m_t, m_context, m_keep, m_cond);
        m_dit->train();
        QVERIFY(torch::equal(a, b));
    }
};

QTEST_GUILESS_MAIN(ActivationCheckpointingTest)
#include "tst_activation_checkpointing.moc"
