// The flow-matching sampler, latent inpainting / windows and the sample-domain splice, checked with real
// LibTorch tensors and toy velocity fields whose exact answer is known.
#include "inference/model/FlowSampler.h"
#include "inference/model/LatentInpainting.h"
#include "inference/model/Splice.h"

#include <QtTest>

#include <torch/torch.h>

#include <cmath>
#include <cstring>

using namespace s2a::model;

namespace {

const torch::TensorOptions kFloat = torch::TensorOptions().dtype(torch::kFloat32);

float maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<float>(); }

bool bitEqual(const torch::Tensor& a, const torch::Tensor& b)
{
    if (a.sizes() != b.sizes() || a.scalar_type() != b.scalar_type())
        return false;
    const torch::Tensor ca = a.contiguous().cpu();
    const torch::Tensor cb = b.contiguous().cpu();
    return std::memcmp(ca.data_ptr(), cb.data_ptr(), size_t(ca.numel()) * ca.element_size()) == 0;
}

// Field that returns a known constant per guidance branch, and counts calls per branch.
struct BranchField {
    float none = 0.0f, global = 0.0f, full = 0.0f;
    int calls[2][2] = {{0, 0}, {0, 0}};
    VelocityFn fn()
    {
        return [this](const torch::Tensor& x, const torch::Tensor&, bool g, bool s) {
            ++calls[g][s];
            const float value = g ? (s ? full : global) : (s ? -1000.0f : none);
            return torch::full_like(x, value);
        };
    }
    int total() const { return calls[0][0] + calls[0][1] + calls[1][0] + calls[1][1]; }
};

}  // namespace

class ModelSamplerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pointMassFieldLandsOnData()
    {
        const std::vector<int64_t> shape{2, 3, 17};
        const torch::Tensor data = torch::linspace(-2.0, 3.0, 2 * 3 * 17, kFloat).view(shape);
        for (SamplerMethod method : {SamplerMethod::Euler, SamplerMethod::Heun}) {
            for (double shift : {1.0, 3.0}) {
                SamplerOptions options;
                options.steps = 8;
                options.method = method;
                options.shift = shift;
                options.seed = 11;
                const torch::Tensor noise = FlowSampler::drawNoise(shape, options.seed, kFloat);
                // The optimal field for a point mass at `data`, given the noise: straight lines, v = data - noise.
                bool timeShape = true;
                const VelocityFn field = [&](const torch::Tensor&, const torch::Tensor& t, bool, bool) {
                    timeShape = timeShape && t.sizes() == at::IntArrayRef{2};
                    return data - noise;
                };
                const SampleResult result = FlowSampler(options).sample(field, shape, kFloat);
                QVERIFY(timeShape);
                QVERIFY(!result.cancelled);
                QCOMPARE(result.stepsDone, 8);
                QCOMPARE(result.velocityCalls, method == SamplerMethod::Heun ? 16 : 8);
                QVERIFY2(maxAbsDiff(result.latent, data) < 1e-5f, "did not land on the data");
            }
        }
    }

    void heunBeatsEulerOnLinearField()
    {
        // dx/dt = -x from x0 = noise: x(1) = noise * e^-1 exactly.
        const std::vector<int64_t> shape{1, 4, 8};
        const torch::Tensor noise = FlowSampler::drawNoise(shape, 3, kFloat);
        const torch::Tensor exact = noise * std::exp(-1.0);
        const VelocityFn field = [](const torch::Tensor& x, const torch::Tensor&, bool, bool) { return -x; };
        SamplerOptions options;
        options.steps = 4;
        options.seed = 3;
        const float eulerError = maxAbsDiff(FlowSampler(options).sample(field, shape, kFloat).latent, exact);
        options.method = SamplerMethod::Heun;
        const float heunError = maxAbsDiff(FlowSampler(options).sample(field, shape, kFloat).latent, exact);
        qInfo("linear field, 4 steps: Euler error %.3g, Heun error %.3g", double(eulerError), double(heunError));
        QVERIFY(heunError < eulerError / 5.0f);
    }

    void timeGridEndpointsAndShift()
    {
        const std::vector<double> uniform = FlowSampler::timeGrid(4);
        QCOMPARE(uniform, (std::vector<double>{0.0, 0.25, 0.5, 0.75, 1.0}));
        const std::vector<double> shifted = FlowSampler::timeGrid(4, 3.0);
        QCOMPARE(shifted.front(), 0.0);
        QCOMPARE(shifted.back(), 1.0);
        for (size_t i = 1; i < shifted.size(); ++i)
            QVERIFY(shifted[i] > shifted[i - 1]);
        QVERIFY(shifted[2] < 0.5);  // shift > 1 spends more steps at high noise (small t)
        SamplerOptions none;
        none.steps = 0;
        QVERIFY_THROWS_EXCEPTION(SamplerError, FlowSampler{none});
    }

    void badInputsAreRefused()
    {
        const VelocityFn wrongShape = [](const torch::Tensor& x, const torch::Tensor&, bool, bool) {
            return x.narrow(2, 0, 1);
        };
        QVERIFY_THROWS_EXCEPTION(SamplerError, FlowSampler().sample(wrongShape, {1, 2, 4}, kFloat));
        QVERIFY_THROWS_EXCEPTION(SamplerError, FlowSampler().sample(VelocityFn{}, {1, 2, 4}, kFloat));
        QVERIFY_THROWS_EXCEPTION(SamplerError, FlowSampler().sample(wrongShape, {2, 4}, kFloat));
        SamplerOptions badShift;
        badShift.shift = 0.0;
        QVERIFY_THROWS_EXCEPTION(SamplerError, FlowSampler{badShift});
    }

    void seedIsReproducible()
    {
        const std::vector<int64_t> shape{2, 4, 32};
        // A nonlinear field so the whole trajectory, not only the noise, is compared.
        const VelocityFn field = [](const torch::Tensor& x, const torch::Tensor& t, bool g, bool s) {
            return torch::tanh(x) * (g ? 0.7 : 0.2) - x * t.view({-1, 1, 1}) + (s ? 0.1 : 0.0);
        };
        SamplerOptions options;
        options.steps = 6;
        options.method = SamplerMethod::Heun;
        options.guidance = 2.5;
        options.sectionGuidance = 1.5;
        options.seed = 1234;
        const torch::Tensor a = FlowSampler(options).sample(field, shape, kFloat).latent;
        const torch::Tensor b = FlowSampler(options).sample(field, shape, kFloat).latent;
        QVERIFY2(bitEqual(a, b), "same seed differs");
        // The global generator must not matter: the sampler owns its generator.
        torch::manual_seed(99);
        (void)torch::randn({100});
        QVERIFY(bitEqual(a, FlowSampler(options).sample(field, shape, kFloat).latent));
        options.seed = 1235;
        const torch::Tensor c = FlowSampler(options).sample(field, shape, kFloat).latent;
        QVERIFY(maxAbsDiff(a, c) > 1e-2f);
        // Noise is drawn in float32 on the CPU and cast: a float64 run starts from the same numbers.
        const torch::Tensor n32 = FlowSampler::drawNoise(shape, 5, kFloat);
        const torch::Tensor n64 = FlowSampler::drawNoise(shape, 5, torch::TensorOptions().dtype(torch::kFloat64));
        QCOMPARE(n64.scalar_type(), torch::kFloat64);
        QVERIFY(bitEqual(n64.to(torch::kFloat32), n32));
        QCOMPARE(FlowSampler(options).sample(field, shape, torch::TensorOptions().dtype(torch::kFloat64))
                     .latent.scalar_type(),
                 torch::kFloat64);
    }

    void cancelStopsWithinTheStep()
    {
        for (SamplerMethod method : {SamplerMethod::Euler, SamplerMethod::Heun}) {
            const int cancelAt = 3;
            std::vector<int> seen;
            int callsWhenCancelled = -1;
            int calls = 0;
            SamplerOptions options;
            options.steps = 10;
            options.method = method;
            options.onStep = [&](int step, int steps) {
                seen.push_back(steps == 10 ? step : -1);
                if (step == cancelAt)
                    callsWhenCancelled = calls;
                return step != cancelAt;
            };
            const VelocityFn field = [&](const torch::Tensor& x, const torch::Tensor&, bool, bool) {
                ++calls;
                return -x;
            };
            const SampleResult result = FlowSampler(options).sample(field, {1, 2, 4}, kFloat);
            QVERIFY(result.cancelled);
            QCOMPARE(result.stepsDone, cancelAt);
            QCOMPARE(seen, (std::vector<int>{0, 1, 2, 3}));
            QCOMPARE(calls, callsWhenCancelled);  // no network work after the cancel
            QCOMPARE(calls, cancelAt * (method == SamplerMethod::Heun ? 2 : 1));
        }
        // Cancelled before the first step: no network call at all.
        int calls = 0;
        SamplerOptions options;
        options.onStep = [](int, int) { return false; };
        const SampleResult result = FlowSampler(options).sample(
            [&](const torch::Tensor& x, const torch::Tensor&, bool, bool) { ++calls; return x; }, {1, 1, 2}, kFloat);
        QVERIFY(result.cancelled);
        QCOMPARE(result.stepsDone, 0);
        QCOMPARE(calls, 0);
    }

    void guidanceOneIsTheConditionalPath()
    {
        const std::vector<int64_t> shape{2, 3, 9};
        int conditionalCalls = 0;
        // The conditional path written out by hand: Euler with v(c, c_s) only.
        const auto conditional = [](const torch::Tensor& x, const torch::Tensor& t) {
            return torch::sin(x * 3.0) - x * t.view({-1, 1, 1});
        };
        const VelocityFn field = [&](const torch::Tensor& x, const torch::Tensor& t, bool g, bool s) {
            if (g && s) {
                ++conditionalCalls;
                return conditional(x, t);
            }
            return torch::full_like(x, 1e6);  // any other branch would wreck the result
        };
        SamplerOptions options;
        options.steps = 5;
        options.seed = 77;
        const SampleResult result = FlowSampler(options).sample(field, shape, kFloat);
        QCOMPARE(result.velocityCalls, 5);
        QCOMPARE(conditionalCalls, 5);
        torch::Tensor x = FlowSampler::drawNoise(shape, 77, kFloat);
        const std::vector<double> grid = FlowSampler::timeGrid(5);
        for (int i = 0; i < 5; ++i) {
            const double h = grid[size_t(i) + 1] - grid[size_t(i)];
            x = x + conditional(x, torch::full({2}, grid[size_t(i)], kFloat)) * h;
        }
        QVERIFY2(bitEqual(result.latent, x), "guidance 1/1 is not the conditional path");
    }

    void guidanceFollowsTheFormula()
    {
        struct Case {
            double g, s;
            int expectedCallsPerEval;
        };
        const Case cases[] = {{3.0, 2.0, 3}, {1.0, 4.0, 2}, {2.0, 0.0, 2}, {2.0, 1.0, 3}, {0.0, 0.0, 1}};
        for (const Case& c : cases) {
            BranchField field;
            field.none = 0.5f;
            field.global = 2.0f;
            field.full = -1.0f;
            // Constant velocity: x(1) = noise + v over the unit interval, for Euler and Heun alike.
            const double v = field.none + c.g * (field.global - field.none) + c.s * (field.full - field.global);
            for (SamplerMethod method : {SamplerMethod::Euler, SamplerMethod::Heun}) {
                field.calls[0][0] = field.calls[0][1] = field.calls[1][0] = field.calls[1][1] = 0;
                SamplerOptions options;
                options.steps = 4;
                options.method = method;
                options.guidance = c.g;
                options.sectionGuidance = c.s;
                options.seed = 5;
                const std::vector<int64_t> shape{1, 2, 6};
                const SampleResult result = FlowSampler(options).sample(field.fn(), shape, kFloat);
                const torch::Tensor expected = FlowSampler::drawNoise(shape, 5, kFloat) + v;
                QVERIFY2(maxAbsDiff(result.latent, expected) < 1e-5f, qPrintable(QStringLiteral("g=%1 s=%2").arg(c.g).arg(c.s)));
                const int evals = 4 * (method == SamplerMethod::Heun ? 2 : 1);
                QCOMPARE(result.velocityCalls, evals * c.expectedCallsPerEval);
                QCOMPARE(field.total(), result.velocityCalls);
                QCOMPARE(field.calls[0][1], 0);  // (no global, with sections) is not a branch of the formula
            }
        }
    }

    // Guidance in a limited interval: evaluations at t in [from, to) are guided (three calls at 3 / 2), the
    // others take v(c, c_s) alone (one call), for the predictor and Heun's corrector alike.
    void guidanceIntervalGuidesOnlyInside()
    {
        BranchField field;
        field.none = 0.5f;
        field.global = 2.0f;
        field.full = -1.0f;
        const double guided = field.none + 3.0 * (field.global - field.none) + 2.0 * (field.full - field.global);
        SamplerOptions options;
        options.steps = 8;  // t = 0, 1/8, ..., 7/8: four of them in [0.25, 0.75)
        options.guidance = 3.0;
        options.sectionGuidance = 2.0;
        options.guidanceInterval = {0.25, 0.75};
        options.seed = 9;
        const std::vector<int64_t> shape{1, 2, 6};
        const SampleResult result = FlowSampler(options).sample(field.fn(), shape, kFloat);
        // Constant velocity per step: half the unit interval guided, half conditional.
        const torch::Tensor expected = FlowSampler::drawNoise(shape, 9, kFloat) + 0.5 * guided + 0.5 * field.full;
        QVERIFY2(maxAbsDiff(result.latent, expected) < 1e-5f, qPrintable(QString::number(double(maxAbsDiff(result.latent, expected)))));
        QCOMPARE(field.calls[1][1], 8);
        QCOMPARE(field.calls[0][0], 4);
        QCOMPARE(field.calls[1][0], 4);
        QCOMPARE(result.velocityCalls, 16);

        // An empty interval is the conditional path; a reversed or out-of-range one is refused.
        field.calls[0][0] = field.calls[0][1] = field.calls[1][0] = field.calls[1][1] = 0;
        options.guidanceInterval = {0.5, 0.5};
        const SampleResult none = FlowSampler(options).sample(field.fn(), shape, kFloat);
        QVERIFY(maxAbsDiff(none.latent, FlowSampler::drawNoise(shape, 9, kFloat) + field.full) < 1e-5f);
        QCOMPARE(field.total(), 8);
        for (const GuidanceInterval bad : {GuidanceInterval{0.6, 0.4}, GuidanceInterval{-0.1, 1.0}, GuidanceInterval{0.0, 1.5}}) {
            options.guidanceInterval = bad;
            QVERIFY_THROWS_EXCEPTION(SamplerError, FlowSampler{options});
        }
    }

    void guidanceRescalePullsTheSpreadBack()
    {
        // Branches that differ in spread: the unconditional one is flat, the conditional ones are the state
        // scaled. Guidance 4 extrapolates the spread to 4x the conditional one; rescale 1 brings it back.
        const torch::Tensor x = torch::randn({2, 3, 16});
        const VelocityFn velocity = [](const torch::Tensor& state, const torch::Tensor&, bool global, bool sections) {
            if (!global)
                return torch::zeros_like(state);
            return state * (sections ? 1.0 : 0.5);
        };
        const torch::Tensor t = torch::full({2}, 0.5);
        const auto spread = [](const torch::Tensor& v) { return v.std({1, 2}, false, true); };
        const torch::Tensor plain = FlowSampler::guidedVelocity(velocity, x, t, 4.0, 4.0);
        QVERIFY(torch::allclose(plain, x * 4.0, 1e-5, 1e-5));
        QVERIFY(torch::allclose(FlowSampler::guidedVelocity(velocity, x, t, 4.0, 4.0, nullptr, 0.0), plain));
        const torch::Tensor full = FlowSampler::guidedVelocity(velocity, x, t, 4.0, 4.0, nullptr, 1.0);
        QVERIFY(torch::allclose(spread(full), spread(x), 1e-4, 1e-5));  // per item
        QVERIFY(torch::allclose(full / full.norm(), plain / plain.norm(), 1e-4, 1e-5));  // direction kept
        const torch::Tensor part = FlowSampler::guidedVelocity(velocity, x, t, 4.0, 4.0, nullptr, 0.7);
        QVERIFY(torch::allclose(part, 0.7 * full + 0.3 * plain, 1e-4, 1e-5));
        // Guidance 1 is the conditional branch itself, untouched by any rescale.
        // Bitwise: at guidance 1 the sampler returns the conditional branch's tensor without arithmetic.
        QVERIFY(torch::equal(FlowSampler::guidedVelocity(velocity, x, t, 1.0, 1.0, nullptr, 1.0), x));
    }

    void inpaintingKeepsContextAndGeneratesTheRest()
    {
        const int64_t frames = 20;
        const std::vector<int64_t> shape{2, 3, frames};
        const torch::Tensor context = torch::randn(shape, kFloat) * 2.0;
        const torch::Tensor data = torch::linspace(-1.0, 1.0, 2 * 3 * frames, kFloat).view(shape);
        const torch::Tensor keep = repaintMask(frames, 6, 14);
        for (SamplerMethod method : {SamplerMethod::Euler, SamplerMethod::Heun}) {
            SamplerOptions options;
            options.steps = 7;
            options.method = method;
            options.seed = 21;
            const torch::Tensor noise = FlowSampler::drawNoise(shape, 21, kFloat);
            const std::vector<double> grid = FlowSampler::timeGrid(7);
            int evaluation = 0;
            bool onPath = true;
            const VelocityFn field = [&](const torch::Tensor& x, const torch::Tensor& t, bool, bool) {
                // Every state the network sees has its kept frames on the context's straight path.
                const double tv = t[0].item<double>();
                const torch::Tensor path = noise * (1.0 - tv) + context * tv;
                const auto kept = [](const torch::Tensor& a) {
                    return torch::cat({a.narrow(2, 0, 6), a.narrow(2, 14, 6)}, 2);
                };
                onPath = onPath && maxAbsDiff(kept(x), kept(path)) < 1e-5f;
                ++evaluation;
                return data - noise;
            };
            const SampleResult result = FlowSampler(options).inpaint(field, {context, keep});
            QVERIFY(onPath);
            QCOMPARE(evaluation, method == SamplerMethod::Heun ? 14 : 7);
            const torch::Tensor out = result.latent;
            QVERIFY2(bitEqual(out.narrow(2, 0, 6), context.narrow(2, 0, 6)), "kept head differs");
            QVERIFY2(bitEqual(out.narrow(2, 14, 6), context.narrow(2, 14, 6)), "kept tail differs");
            QVERIFY2(maxAbsDiff(out.narrow(2, 6, 8), data.narrow(2, 6, 8)) < 1e-5f, "generated frames off the field");
        }
        // A [B, 1, F] mask per batch item, and an all-zero mask is generation from scratch.
        const torch::Tensor perItem = torch::stack({repaintMask(frames, 0, 5), repaintMask(frames, 15, 20)}).unsqueeze(1);
        const VelocityFn zero = [](const torch::Tensor& x, const torch::Tensor&, bool, bool) { return torch::zeros_like(x); };
        const SampleResult both = FlowSampler().inpaint(zero, {context, perItem});
        QVERIFY(bitEqual(both.latent[0].narrow(1, 5, 15), context[0].narrow(1, 5, 15)));
        QVERIFY(bitEqual(both.latent[1].narrow(1, 0, 15), context[1].narrow(1, 0, 15)));
        const SampleResult scratch = FlowSampler().inpaint(zero, {context, torch::zeros({frames})});
        QVERIFY(bitEqual(scratch.latent, FlowSampler::drawNoise(shape, 0, kFloat)));
        QVERIFY_THROWS_EXCEPTION(SamplerError, FlowSampler().inpaint(zero, {context, torch::ones({frames + 1})}));
    }

    void frameMappingAtSongEdges()
    {
        const int64_t hop = 2048;
        const int64_t total = 10 * hop + 300;  // hop does not divide the length
        const int64_t frames = framesForSamples(total, hop);
        QCOMPARE(frames, int64_t(11));
        QCOMPARE(framesForSamples(10 * hop, hop), int64_t(10));
        // First section starts at 0.
        QCOMPARE(frameSpanForSamples(0, 3 * hop + 1, hop, frames), (FrameSpan{0, 4}));
        // Boundaries on a frame edge are not rounded out.
        QCOMPARE(frameSpanForSamples(3 * hop, 5 * hop, hop, frames), (FrameSpan{3, 5}));
        // Boundaries inside a frame take the whole frame on each side.
        QCOMPARE(frameSpanForSamples(3 * hop + 5, 5 * hop - 5, hop, frames), (FrameSpan{3, 5}));
        // Last section ends at the song's end, inside the partial last frame.
        QCOMPARE(frameSpanForSamples(7 * hop + 10, total, hop, frames), (FrameSpan{7, 11}));
        // And back: the decoded samples of the last frames stop at the song's end.
        QCOMPARE(sampleSpanForFrames(FrameSpan{7, 11}, hop, total), (SampleSpan{7 * hop, total}));
        QCOMPARE(sampleSpanForFrames(FrameSpan{0, 4}, hop, total), (SampleSpan{0, 4 * hop}));
        QVERIFY_THROWS_EXCEPTION(LatentSpanError, frameSpanForSamples(5, 4, hop, frames));
        QVERIFY_THROWS_EXCEPTION(LatentSpanError, framesForSamples(10, 0));
    }

    void masksAtSongEdges()
    {
        const auto values = [](const torch::Tensor& m) {
            std::vector<float> v(size_t(m.numel()));
            std::memcpy(v.data(), m.contiguous().data_ptr<float>(), v.size() * sizeof(float));
            return v;
        };
        QCOMPARE(values(repaintMask(6, 2, 4)), (std::vector<float>{1, 1, 0, 0, 1, 1}));
        // Section at the start / end of the song: no ramp on the song's own edge.
        QCOMPARE(values(repaintMask(6, 0, 3, 2)), (std::vector<float>{0, 1.0f / 3, 2.0f / 3, 1, 1, 1}));
        QCOMPARE(values(extendMask(6, 3)), (std::vector<float>{1, 1, 1, 0, 0, 0}));
        const std::vector<float> ext = values(extendMask(6, 3, 2));
        QCOMPARE(ext, (std::vector<float>{1, 1, 1, 2.0f / 3, 1.0f / 3, 0}));
        // A middle section with ramps on both sides, clipped to half the section each.
        const std::vector<float> mid = values(repaintMask(10, 3, 7, 5));
        QCOMPARE(mid, (std::vector<float>{1, 1, 1, 2.0f / 3, 1.0f / 3, 1.0f / 3, 2.0f / 3, 1, 1, 1}));
        QCOMPARE(values(repaintMask(4, 0, 4, 3)), (std::vector<float>{0, 0, 0, 0}));  // whole song: scratch
        QVERIFY_THROWS_EXCEPTION(LatentSpanError, repaintMask(6, 4, 7));
        QVERIFY_THROWS_EXCEPTION(LatentSpanError, extendMask(6, 7));
    }

    void windowsCoverAndStitch()
    {
        struct Case {
            int64_t frames, window, overlap;
        };
        for (const Case& c : {Case{100, 32, 8}, Case{33, 32, 16}, Case{32, 32, 8}, Case{10, 32, 8}, Case{97, 20, 0},
                              Case{250, 64, 13}}) {
            const LatentWindowPlan plan = planLatentWindows(c.frames, c.window, c.overlap);
            torch::Tensor weightSum = torch::zeros({c.frames}, kFloat);
            torch::Tensor coverage = torch::zeros({c.frames}, kFloat);
            QCOMPARE(plan.windows.front().start, int64_t(0));
            QCOMPARE(plan.windows.back().end(), c.frames);
            for (size_t i = 0; i < plan.windows.size(); ++i) {
                const LatentWindow& w = plan.windows[i];
                QVERIFY(w.length <= c.window && w.length > plan.overlap);
                if (i > 0)
                    QCOMPARE(plan.windows[i - 1].end() - w.start, plan.overlap);
                weightSum.narrow(0, w.start, w.length).add_(w.weight);
                coverage.narrow(0, w.start, w.length).add_(1.0);
            }
            QVERIFY2(coverage.min().item<float>() >= 1.0f, "a frame is not covered");
            QVERIFY2(coverage.max().item<float>() <= 2.0f, "a frame is in three windows");
            QVERIFY2(maxAbsDiff(weightSum, torch::ones({c.frames})) < 1e-6f, "weights do not sum to 1");

            const torch::Tensor song = torch::randn({2, 5, c.frames}, kFloat);
            std::vector<torch::Tensor> outputs;
            for (const LatentWindow& w : plan.windows)
                outputs.push_back(song.narrow(2, w.start, w.length).clone());
            QVERIFY2(bitEqual(stitchLatentWindows(plan, outputs), song), "stitching does not reproduce the song");

            // Different windows blend as the weighted sum.
            std::vector<torch::Tensor> constants;
            torch::Tensor expected = torch::zeros({c.frames}, kFloat);
            for (size_t i = 0; i < plan.windows.size(); ++i) {
                const LatentWindow& w = plan.windows[i];
                constants.push_back(torch::full({w.length}, float(i + 1), kFloat));
                expected.narrow(0, w.start, w.length).add_(w.weight * float(i + 1));
            }
            QVERIFY(maxAbsDiff(stitchLatentWindows(plan, constants), expected) < 1e-5f);
        }
        QCOMPARE(planLatentWindows(100, 32, 8).windows.size(), size_t(4));  // 0-32, 24-56, 48-80, 72-100
        QVERIFY_THROWS_EXCEPTION(LatentSpanError, planLatentWindows(100, 32, 17));
    }

    void equalPowerWeights()
    {
        const std::vector<float> w = equalPowerCrossfade(64);
        QCOMPARE(w.size(), size_t(64));
        for (size_t i = 0; i < w.size(); ++i) {
            const float out = w[w.size() - 1 - i];
            QVERIFY(std::abs(w[i] * w[i] + out * out - 1.0f) < 1e-6f);
            QVERIFY(w[i] > 0.0f && w[i] < 1.0f);
            if (i > 0)
                QVERIFY(w[i] > w[i - 1]);
        }
        QVERIFY(equalPowerCrossfade(0).empty());
    }

    void spliceKeepsOutsideAndFadesInside()
    {
        const int64_t total = 4000, start = 1000, length = 1500, fade = 200;
        const double pi = 3.14159265358979;
        ChannelBuffers song(2, std::vector<float>(size_t(total)));
        ChannelBuffers take(2, std::vector<float>(size_t(length)));
        for (size_t c = 0; c < 2; ++c) {
            for (int64_t i = 0; i < total; ++i)
                song[c][size_t(i)] = float(0.8 * std::sin(2 * pi * 220.0 * double(i) / 44100.0 + double(c)));
            for (int64_t i = 0; i < length; ++i)
                take[c][size_t(i)] = float(-0.7 * std::cos(2 * pi * 330.0 * double(i) / 44100.0));
        }
        const ChannelBuffers before = song;
        spliceInto(song, take, start, fade);

        const std::vector<float> w = equalPowerCrossfade(fade);
        for (size_t c = 0; c < 2; ++c) {
            // Outside the section: untouched, bit for bit.
            QVERIFY(std::memcmp(song[c].data(), before[c].data(), size_t(start) * sizeof(float)) == 0);
            QVERIFY(std::memcmp(song[c].data() + start + length, before[c].data() + start + length,
                                size_t(total - start - length) * sizeof(float)) == 0);
            // Between the fades: the take itself.
            for (int64_t i = fade; i < length - fade; ++i)
                QCOMPARE(song[c][size_t(start + i)], take[c][size_t(i)]);
            // In the fades: the equal-power mix of old and new.
            for (int64_t i = 0; i < fade; ++i) {
                const float in = w[size_t(i)], out = w[size_t(fade - 1 - i)];
                QVERIFY(std::abs(in * in + out * out - 1.0f) < 1e-6f);
                const float expected = out * before[c][size_t(start + i)] + in * take[c][size_t(i)];
                QVERIFY(std::abs(song[c][size_t(start + i)] - expected) < 1e-6f);
                const int64_t j = length - 1 - i;  // mirrored at the end: old audio at the last sample
                const float expectedEnd = out * before[c][size_t(start + j)] + in * take[c][size_t(j)];
                QVERIFY(std::abs(song[c][size_t(start + j)] - expectedEnd) < 1e-6f);
            }
            // Continuity: no step larger than the signals' own steps plus what the fade's slope can add.
            float ownStep = 0.0f;
            for (int64_t i = 1; i < total; ++i)
                ownStep = std::max(ownStep, std::abs(before[c][size_t(i)] - before[c][size_t(i - 1)]));
            for (int64_t i = 1; i < length; ++i)
                ownStep = std::max(ownStep, std::abs(take[c][size_t(i)] - take[c][size_t(i - 1)]));
            const float fadeSlope = float(pi / 2.0 / double(fade + 1)) * (0.8f + 0.7f);
            float maxStep = 0.0f;
            for (int64_t i = 1; i < total; ++i)
                maxStep = std::max(maxStep, std::abs(song[c][size_t(i)] - song[c][size_t(i - 1)]));
            QVERIFY2(maxStep <= std::sqrt(2.0f) * ownStep + fadeSlope + 1e-6f, qPrintable(QString::number(maxStep)));
        }
        // A hard splice (no fade) really jumps here, so the check above means something.
        ChannelBuffers hard = before;
        spliceInto(hard, take, start, 0);
        QVERIFY(std::abs(hard[0][size_t(start)] - hard[0][size_t(start - 1)]) > 0.3f);
        // A fade longer than half the section is clipped; a section that does not fit is refused.
        ChannelBuffers shortSong = before;
        spliceInto(shortSong, ChannelBuffers(2, std::vector<float>(10, 1.0f)), 0, 100);
        QVERIFY(std::memcmp(shortSong[0].data() + 10, before[0].data() + 10, size_t(total - 10) * sizeof(float)) == 0);
        QVERIFY_THROWS_EXCEPTION(SpliceError, spliceInto(song, take, total - 10, fade));
        QVERIFY_THROWS_EXCEPTION(SpliceError, spliceInto(song, ChannelBuffers(1, std::vector<float>(5)), 0, 0));
    }
};

QTEST_GUILESS_MAIN(ModelSamplerTest)
#include "tst_model_sampler.moc"
