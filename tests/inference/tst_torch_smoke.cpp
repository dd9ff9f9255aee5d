// Proves the LibTorch toolchain end to end: headers compile beside Qt (QT_NO_KEYWORDS), the library links,
// and a real forward pass runs on the device the engines would pick.
#include "inference/InferenceRuntime.h"
#include "inference/model/TorchDevice.h"

#include <QtTest>

#include <torch/torch.h>

class TorchSmokeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearForwardMatchesHandComputation()
    {
        torch::manual_seed(7);
        const torch::Device device = s2a::model::selectDevice();
        torch::nn::Linear linear(torch::nn::LinearOptions(4, 3));
        linear->to(device);
        const torch::Tensor input = torch::tensor({{1.0f, -2.0f, 0.5f, 3.0f}, {0.0f, 1.0f, 1.0f, -1.0f}}).to(device);

        const torch::Tensor output = linear->forward(input).cpu();
        QCOMPARE(output.sizes().vec(), (std::vector<int64_t>{2, 3}));

        // y = x W^T + b, computed by hand from the layer's own parameters.
        const torch::Tensor w = linear->weight.detach().cpu();
        const torch::Tensor b = linear->bias.detach().cpu();
        const torch::Tensor x = input.cpu();
        for (int row = 0; row < 2; ++row)
            for (int col = 0; col < 3; ++col) {
                float expected = b[col].item<float>();
                for (int k = 0; k < 4; ++k)
                    expected += x[row][k].item<float>() * w[col][k].item<float>();
                QVERIFY2(std::abs(output[row][col].item<float>() - expected) < 1e-5f, "forward pass differs");
            }
        // Gradients flow: the toolchain can train, not only infer.
        linear->forward(input).sum().backward();
        QVERIFY(linear->weight.grad().defined());
        // d(sum y)/dW[c][k] = sum over rows of x[row][k], for each of the 3 outputs.
        QVERIFY(torch::allclose(linear->weight.grad().cpu(), x.sum(0).unsqueeze(0).expand({3, 4})));
    }

    void runtimeIsDescribed()
    {
        const s2a::inference::RuntimeInfo info = s2a::inference::probeRuntime(QStringLiteral("cpu"), 1);
        QVERIFY2(info.description.startsWith(QLatin1String("LibTorch ")), qPrintable(info.description));
        QVERIFY(info.description.contains(QLatin1String("CPU (1 thread)")));
        QVERIFY(!info.cuda);
    }
};

QTEST_GUILESS_MAIN(TorchSmokeTest)
#include "tst_torch_smoke.moc"
