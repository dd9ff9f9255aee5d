// The diffusion engine's Qt side with real LibTorch forward passes on the CPU: random-initialised tiny weights
// (written with writeRandomWeights to a temporary file), so the audio is noise-like; what is tested is the
// semantics: stems and lengths, seeds, progress and cancel, repaint splicing, the take's origin, the worker's
// engine catalogue. The worker and the CLI on the same weights: tst_diffusion_worker.
#include "AudioFixtures.h"
#include "DiffusionSong.h"
#include "SongMix.h"

#include "core/model/Project.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/EngineCatalogue.h"
#include "inference/GenerationWorker.h"
#include "inference/RangeRepainter.h"
#include "inference/SectionRegenerator.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/model/ModelConfig.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::diffusion;
using test::fileSha256;
using test::threeSectionSong;

namespace {

constexpr int kRate = 44100;

// Records every progress report; cancels once a stage mentions `cancelAt`.
class RecordingJob : public JobControl {
public:
    void progress(double fraction, const QString& stage) override
    {
        fractions.push_back(fraction);
        stages << stage;
        if (!cancelAt.isEmpty() && stage.contains(cancelAt))
            cancelRequested = true;
    }
    bool cancelled() const override { return cancelRequested; }
    std::vector<double> fractions;
    QStringList stages;
    QString cancelAt;
    bool cancelRequested = false;
};

// Three sections over ~6 s; boundaries deliberately not multiples of the VAE hop.
GenerationRequest songRequest(quint64 seed)
{
    GenerationRequest r;
    r.caption = QStringLiteral("upbeat funk with slap bass");
    r.sampleRate = kRate;
    r.tempo = 110;
    r.seed = seed;
    r.steps = 2;
    const core::SampleCount bounds[] = {0, 88211, 176399, 264601};
    const core::SectionLabel labels[] = {core::SectionLabel::Intro, core::SectionLabel::Verse, core::SectionLabel::Chorus};
    for (int i = 0; i < 3; ++i) {
        SectionPlan s;
        s.id = QStringLiteral("sec-%1").arg(i);
        s.label = labels[i];
        s.start = bounds[i];
        s.end = bounds[i + 1];
        s.caption = QStringList{"sparse intro", "tight groove", "big chorus"}[i];
        r.sections.append(s);
    }
    return r;
}

bool sameAudio(const QVector<Stem>& a, const QVector<Stem>& b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].audio.channels != b[i].audio.channels)
            return false;
    return true;
}

// Every track's audio along the song, as the engine hears it.
QVector<Stem> stemsOf(const core::ProjectData& data, const QString& bundle)
{
    auto r = requestFor(data, bundle, 0, RegenerateOptions{});
    return r ? r->context : QVector<Stem>{};
}

QVector<core::AudioBuffer> audioOf(const QVector<Stem>& stems)
{
    QVector<core::AudioBuffer> audio;
    for (const Stem& s : stems)
        audio.append(s.audio);
    return audio;
}

}  // namespace

class TestDiffusionEngine : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_weights;
    QString m_sha;
    model::ModelConfig m_config;

    DiffusionOptions options() const { return test::cpuDiffusionOptions(m_weights); }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("S2A_WEIGHTS");
        QVERIFY(m_dir.isValid());
        m_config = model::builtinModelConfig("tiny");
        m_weights = m_dir.filePath(QStringLiteral("tiny.safetensors"));
        auto written = writeRandomWeights(QStringLiteral("tiny"), m_weights, 7);
        QVERIFY2(written, qPrintable(written.errorMessage()));
        m_sha = written.value();
        QCOMPARE(m_sha, fileSha256(m_weights));
        // Deterministic: the same seed writes the same file.
        const QString again = m_dir.filePath(QStringLiteral("again.safetensors"));
        QCOMPARE(writeRandomWeights(QStringLiteral("tiny"), again, 7).value(), m_sha);
        QVERIFY(writeRandomWeights(QStringLiteral("tiny"), again, 8).value() != m_sha);
        QVERIFY(!writeRandomWeights(QStringLiteral("nope"), again, 8));
    }

    void missingWeightsAndTheCatalogue()
    {
        DiffusionOptions o = options();
        o.weightsPath = m_dir.filePath(QStringLiteral("missing.safetensors"));
        DiffusionEngine engine(o);
        QCOMPARE(engine.id(), QStringLiteral("diffusion"));
        QCOMPARE(engine.displayName(), QStringLiteral("Diffusion (S2A)"));
        SimpleJobControl job;
        auto result = engine.generate(songRequest(1), job);
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(QLatin1String("no weights for config tiny")), qPrintable(result.errorMessage()));
        QVERIFY(result.errorMessage().contains(o.weightsPath));
        QVERIFY(result.errorMessage().contains(QLatin1String("arranger")));

        // A machine without the shipped weights: $S2A_WEIGHTS, when set, is the only place looked at.
        qputenv("S2A_WEIGHTS", o.weightsPath.toUtf8());
        QCOMPARE(weightsSearchPaths(), QStringList{o.weightsPath});
        QVERIFY(!hasDefaultWeights());
        auto engines = availableEngines();
        QCOMPARE(engines.size(), 2);
        QCOMPARE(engines[0].id, QStringLiteral("arranger"));
        QVERIFY(engines[0].available);
        QCOMPARE(engines[1].id, QStringLiteral("diffusion"));
        QVERIFY(!engines[1].available);
        QCOMPARE(engines[1].reason, QStringLiteral("no weights for config %1 — the arranger is used instead").arg(defaultModelConfig()));
        DiffusionEngine byDefault;
        GenerationRequest repaint = songRequest(1);
        repaint.targetSection = 1;
        auto failed = byDefault.regenerate(repaint, job);
        QVERIFY(!failed);
        QVERIFY(failed.errorMessage().contains(QStringLiteral("no weights for config %1").arg(defaultModelConfig())));
        for (const QString& p : weightsSearchPaths())
            QVERIFY2(failed.errorMessage().contains(p), qPrintable(failed.errorMessage()));

        qputenv("S2A_WEIGHTS", m_weights.toUtf8());
        QCOMPARE(defaultWeightsPath(), m_weights);
        QVERIFY(availableEngines()[1].available);
        QVERIFY(availableEngines()[1].reason.isEmpty());
        qputenv("S2A_WEIGHTS", o.weightsPath.toUtf8());
        QVERIFY(!availableEngines()[1].available);
        qunsetenv("S2A_WEIGHTS");
        // Without the override the shipped model (resources/models/<defaultModelConfig()>) is found.
        QVERIFY(hasDefaultWeights());
        QVERIFY2(defaultWeightsPath().endsWith(QStringLiteral("models/%1/model.safetensors").arg(defaultModelConfig())), qPrintable(defaultWeightsPath()));
        QVERIFY(availableEngines()[1].available);
    }

    void generatesOneStemPerGroup()
    {
        DiffusionEngine engine(options());
        RecordingJob job;
        const GenerationRequest request = songRequest(11);
        auto result = engine.generate(request, job);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        QVERIFY(engine.isLoaded());
        QCOMPARE(engine.weightsSha256(), m_sha);
        QCOMPARE(engine.device(), QStringLiteral("cpu"));
        const core::SampleCount length = request.sections.back().end;
        QCOMPARE(result->start, core::SampleCount(0));
        QCOMPARE(result->end, length);
        QCOMPARE(result->stems.size(), m_config.stemGroupCount());
        for (int g = 0; g < result->stems.size(); ++g) {
            const Stem& stem = result->stems[g];
            QCOMPARE(stem.audio.frames(), length);
            QCOMPARE(stem.audio.channelCount(), m_config.audioChannels);
            QCOMPARE(stem.audio.sampleRate, kRate);
            for (const auto& ch : stem.audio.channels)
                for (float v : ch)
                    QVERIFY(std::isfinite(v));
        }
        if (m_config.stemGroups == std::vector<std::string>{"drums", "bass", "harmonic", "lead"}) {
            QVERIFY(result->stems[0].role == core::TrackRole::Drums);
            QVERIFY(result->stems[1].role == core::TrackRole::Bass);
            QVERIFY(result->stems[2].role == core::TrackRole::Keys);
            QVERIFY(result->stems[3].role == core::TrackRole::Lead);
        }
        QCOMPARE(result->origin.engine, QStringLiteral("diffusion"));
        QCOMPARE(result->origin.modelId, QStringLiteral("tiny"));
        QCOMPARE(result->origin.weightsHash, m_sha);
        QCOMPARE(result->origin.seed, quint64(11));
        QCOMPARE(result->origin.steps, 2);

        // Progress only goes up, reports every sampler step, and ends at 1.
        QVERIFY(job.fractions.size() >= 3);
        for (size_t i = 1; i < job.fractions.size(); ++i)
            QVERIFY2(job.fractions[i] >= job.fractions[i - 1], qPrintable(job.stages.join(QLatin1Char('|'))));
        QCOMPARE(job.fractions.back(), 1.0);
        QVERIFY(job.stages.join(QLatin1Char('|')).contains(QLatin1String("step 2 of 2")));
        // Issue 16.6: the decode reports each stem group it decodes, past the sampler's 90 %.
        const auto groups = m_config.stemGroupCount();
        for (int g = 0; g < groups; ++g) {
            const QString stage = QStringLiteral("Decoding %1 (%2 of %3)")
                                      .arg(QString::fromStdString(m_config.stemGroups[size_t(g)])).arg(g + 1).arg(groups);
            const auto at = job.stages.indexOf(stage);
            QVERIFY2(at >= 0, qPrintable(job.stages.join(QLatin1Char('|'))));
            QCOMPARE(job.fractions[size_t(at)], 0.9 + 0.1 * g / groups);
        }

        // Same seed: bit-identical (the weights stay loaded); another seed: different.
        SimpleJobControl quiet;
        auto again = engine.generate(request, quiet);
        QVERIFY(again);
        QVERIFY(sameAudio(result->stems, again->stems));
        auto other = engine.generate(songRequest(12), quiet);
        QVERIFY(other);
        QVERIFY(!sameAudio(result->stems, other->stems));

        // The model hears the tempo through its beat grid: the same seed at another tempo sounds different.
        // The take says which tempo it ran at: the request's, else the caption's, else 120.
        QVERIFY(m_config.dit.beatGrid);
        QCOMPARE(result->tempo, 110.0);
        GenerationRequest faster = request;
        faster.tempo = 140;
        auto fasterResult = engine.generate(faster, quiet);
        QVERIFY(fasterResult);
        QCOMPARE(fasterResult->tempo, 140.0);
        QVERIFY(!sameAudio(result->stems, fasterResult->stems));
        GenerationRequest fromCaption = request;
        fromCaption.tempo = 0;
        fromCaption.caption = QStringLiteral("slow soul ballad at 72 bpm");
        QCOMPARE(engine.generate(fromCaption, quiet)->tempo, 72.0);
        fromCaption.caption = QStringLiteral("something");
        QCOMPARE(engine.generate(fromCaption, quiet)->tempo, 120.0);
    }

    // tiny-keyed reads the song's key as its own input: the request's, else the caption's; the take says which.
    void aKeyedModelHearsTheKey()
    {
        const QString weights = m_dir.filePath(QStringLiteral("tiny-keyed.safetensors"));
        auto written = writeRandomWeights(QStringLiteral("tiny-keyed"), weights, 7);
        QVERIFY2(written, qPrintable(written.errorMessage()));
        DiffusionOptions o = test::cpuDiffusionOptions(weights);
        o.config = QStringLiteral("tiny-keyed");
        DiffusionEngine engine(o);
        SimpleJobControl quiet;
        GenerationRequest request = songRequest(11);
        request.caption = QStringLiteral("warm house with pads in D minor");
        auto fromCaption = engine.generate(request, quiet);
        QVERIFY2(fromCaption, qPrintable(fromCaption.errorMessage()));
        QCOMPARE(fromCaption->key, QStringLiteral("D minor"));
        request.key = QStringLiteral("G major");  // the request's key wins over the caption's
        auto fromRequest = engine.generate(request, quiet);
        QVERIFY(fromRequest);
        QCOMPARE(fromRequest->key, QStringLiteral("G major"));
        QVERIFY(!sameAudio(fromCaption->stems, fromRequest->stems));
        request.key = QStringLiteral("d  MINOR");  // as typed: read, and recorded in the project's spelling
        auto typed = engine.generate(request, quiet);
        QVERIFY(typed);
        QCOMPARE(typed->key, QStringLiteral("D minor"));
        QVERIFY(sameAudio(fromCaption->stems, typed->stems));
        request.key.clear();
        request.caption = QStringLiteral("warm house with pads");
        auto noKey = engine.generate(request, quiet);
        QVERIFY(noKey);
        QVERIFY(noKey->key.isEmpty());
        QVERIFY(!sameAudio(fromCaption->stems, noKey->stems));
    }

    void cancelStopsWithinAStep()
    {
        DiffusionEngine engine(options());
        RecordingJob job;
        job.cancelAt = QStringLiteral("step 1 of");
        GenerationRequest request = songRequest(3);
        request.steps = 4;
        auto result = engine.generate(request, job);
        QVERIFY(!result);
        QVERIFY(isCancelled(result.error()));
        const QString stages = job.stages.join(QLatin1Char('|'));
        QVERIFY2(stages.contains(QLatin1String("step 1 of 4")), qPrintable(stages));
        QVERIFY2(!stages.contains(QLatin1String("step 2 of 4")), qPrintable(stages));
        QVERIFY(!stages.contains(QLatin1String("Decoding")));

        // Cancelled while decoding: no result, and no group after the one being decoded.
        RecordingJob decoding;
        decoding.cancelAt = QStringLiteral("(2 of");
        auto stopped = engine.generate(songRequest(3), decoding);
        QVERIFY(!stopped);
        QVERIFY(isCancelled(stopped.error()));
        const QString decoded = decoding.stages.join(QLatin1Char('|'));
        QVERIFY2(decoded.contains(QLatin1String("(2 of")) && !decoded.contains(QLatin1String("(3 of")), qPrintable(decoded));
    }

    void repaintSplicesExactlyIntoTheSection_data()
    {
        QTest::addColumn<int>("section");
        QTest::newRow("first") << 0;
        QTest::newRow("middle") << 1;
        QTest::newRow("last") << 2;
    }

    void repaintSplicesExactlyIntoTheSection()
    {
        QFETCH(int, section);
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        const core::ProjectData data = threeSectionSong(bundle);
        QCOMPARE(data.sections.size(), 3);
        const core::Section target = data.sections[section];
        RegenerateOptions opts;
        opts.seed = 99;
        opts.steps = 2;
        opts.contextSeconds = 1.5;

        // The engine's own result: exactly the section, seams fading from the old audio inside it.
        DiffusionEngine engine(options());
        auto request = requestFor(data, bundle, section, opts);
        QVERIFY(request);
        SimpleJobControl job;
        auto result = engine.regenerate(request.value(), job);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        QCOMPARE(engine.contextEncodeCount(), 1);
        QCOMPARE(result->start, target.start);
        QCOMPARE(result->end, target.end);
        QCOMPARE(result->stems.size(), m_config.stemGroupCount());
        const core::SampleCount length = target.end - target.start;
        auto oldMix = [&](core::SampleCount i, int c) {
            float sum = 0.0f;
            for (const Stem& s : request->context)
                sum += s.audio.channels[size_t(c)][size_t(i)];
            return sum;
        };
        auto newMix = [&](core::SampleCount i, int c) {
            float sum = 0.0f;
            for (const Stem& s : result->stems)
                sum += s.audio.channels[size_t(c)][size_t(i)];
            return sum;
        };
        for (const Stem& s : result->stems)
            QCOMPARE(s.audio.frames(), length);
        // A seam with a neighbour starts (or ends) almost exactly on the old audio: the cross-fade's first
        // weight of the new take is sin(pi/2 / (n + 1)), tiny.
        if (section > 0)
            QVERIFY(std::abs(newMix(0, 0) - oldMix(target.start, 0)) < 0.02f);
        if (section < 2)
            QVERIFY(std::abs(newMix(length - 1, 1) - oldMix(target.end - 1, 1)) < 0.02f);
        QCOMPARE(result->origin.engine, QStringLiteral("diffusion"));
        QCOMPARE(result->origin.weightsHash, m_sha);
        QCOMPARE(result->origin.seed, quint64(99));
        QCOMPARE(result->origin.steps, 2);
        QCOMPARE(result->origin.contextSeconds, 1.5);

        // End to end through regenerateSection: every sample outside the section is as it was.
        core::Project project(data);
        const QVector<Stem> before = stemsOf(project.data(), bundle);
        auto takeId = regenerateSection(project, bundle, target.id, opts, engine, job);
        QVERIFY2(takeId, qPrintable(takeId.errorMessage()));
        const core::Section& after = project.data().sections[section];
        QCOMPARE(after.activeTakeId, takeId.value());
        QCOMPARE(after.activeTake()->origin.engine, QStringLiteral("diffusion"));
        QCOMPARE(after.activeTake()->origin.weightsHash, m_sha);
        // The same song again: the encoded context came from the cache.
        QCOMPARE(engine.contextEncodeCount(), 1);
        const QVector<Stem> now = stemsOf(project.data(), bundle);
        QVERIFY(now.size() >= before.size());
        const test::SpliceCheck splice = test::compareSplice(audioOf(before), audioOf(now), target.start, target.end);
        QVERIFY2(splice.changedOutside.isEmpty(), qPrintable(splice.changedOutside));
        QVERIFY(splice.changedInside);
    }

    // Repaint of a range across a section boundary (issue 21): one engine call for the range, a take for each
    // of the two sections, every sample outside the range bit-identical, one undo step.
    void repaintsARangeAcrossSections()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        const core::ProjectData data = threeSectionSong(bundle);
        const RepaintRange range{data.sections[0].end - 44100, data.sections[1].start + 22050};
        RegenerateOptions opts;
        opts.seed = 12;
        opts.steps = 2;
        opts.contextSeconds = 1.0;
        DiffusionEngine engine(options());
        SimpleJobControl job;
        auto takes = renderRepaint(data, bundle, range, opts, engine, job);
        QVERIFY2(takes, qPrintable(takes.errorMessage()));
        QCOMPARE(takes->size(), 2);
        QCOMPARE(takes->at(0).sectionId, data.sections[0].id);
        QCOMPARE(takes->at(1).sectionId, data.sections[1].id);
        QCOMPARE(takes->at(0).name, repaintName(range, 44100));
        QCOMPARE(job.lastFraction, 1.0);
        core::Project project(data);
        auto ids = addRenderedTakes(project, takes.value(), repaintName(range, 44100));
        QVERIFY2(ids, qPrintable(ids.errorMessage()));
        QCOMPARE(project.undoStack()->count(), 1);
        QCOMPARE(project.data().sections[0].activeTake()->origin.engine, QStringLiteral("diffusion"));
        QVERIFY(project.data().sections[2] == data.sections[2]);
        const test::SpliceCheck splice =
            test::compareSplice(audioOf(stemsOf(data, bundle)), audioOf(stemsOf(project.data(), bundle)), range.start, range.end);
        QVERIFY2(splice.changedOutside.isEmpty(), qPrintable(splice.changedOutside));
        QVERIFY(splice.changedInside);
        project.undoStack()->undo();
        QVERIFY(project.data() == data);
    }

    void extendAfterTheEndOfTheContext()
    {
        // The last section lies past the audio the song has: generated with everything before it kept.
        GenerationRequest request = songRequest(5);
        request.targetSection = 2;
        Stem old;
        old.role = core::TrackRole::Bass;
        old.audio = test::makeAudio(kRate, request.sections[2].start, [](int, core::SampleCount i) {
            return float(0.1 * std::sin(double(i) * 0.01));
        });
        request.context = {old};
        request.contextSeconds = 1.0;
        DiffusionEngine engine(options());
        SimpleJobControl job;
        auto result = engine.regenerate(request, job);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        QCOMPARE(result->start, request.sections[2].start);
        QCOMPARE(result->end, request.sections[2].end);
        for (const Stem& s : result->stems)
            QCOMPARE(s.audio.frames(), request.sections[2].end - request.sections[2].start);
    }

    void repaintsASectionLongerThanTheWindow()
    {
        // A verse of 1.26 DiT windows (1024 frames: ~95 s for tiny) is more frames than the DiT takes: it is
        // repainted in two windows, the second keeping what the first generated, and still covers exactly the
        // section.
        const model::ModelConfig config = model::builtinModelConfig("tiny");
        const int verseSeconds = int(std::lround(1.26 * config.dit.maxFrames / config.latentFrameRate()));
        GenerationRequest request = songRequest(8);
        request.sections[0].end = 5 * kRate;
        request.sections[1].start = 5 * kRate;
        request.sections[1].end = (5 + verseSeconds) * kRate;
        request.sections[2].start = request.sections[1].end;
        request.sections[2].end = request.sections[1].end + 5 * kRate;
        request.targetSection = 1;
        request.contextSeconds = 3.0;
        Stem old;
        old.role = core::TrackRole::Bass;
        old.audio = test::makeAudio(kRate, request.sections[2].end, [](int, core::SampleCount i) {
            return float(0.1 * std::sin(double(i) * 0.01));
        });
        request.context = {old};
        DiffusionEngine engine(options());
        RecordingJob job;
        auto result = engine.regenerate(request, job);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        QCOMPARE(result->start, request.sections[1].start);
        QCOMPARE(result->end, request.sections[1].end);
        QVERIFY(job.stages.contains(QStringLiteral("Sampling window 2 of 2: step 2 of 2")));
        QVERIFY(!job.stages.contains(QStringLiteral("Sampling window 3 of 3: step 2 of 2")));
        for (const Stem& s : result->stems) {
            QCOMPARE(s.audio.frames(), request.sections[1].end - request.sections[1].start);
            for (const auto& ch : s.audio.channels)
                for (float v : ch)
                    QVERIFY(std::isfinite(v));
        }
        QVERIFY(std::is_sorted(job.fractions.begin(), job.fractions.end()));
    }
};

QTEST_GUILESS_MAIN(TestDiffusionEngine)
#include "tst_diffusion_engine.moc"
