// Stem-wise inpainting (issue 20): the keep-mask per stem group, in the model library (masks, the sampler's clamp
// per latent channel) and in the diffusion engine ("replace the bass" regenerates the bass group while the other
// groups are clamped and their audio kept bit for bit), with real LibTorch forward passes on random tiny weights.
#include "AudioFixtures.h"
#include "DiffusionSong.h"
#include "SongMix.h"

#include "core/model/Project.h"
#include "inference/SectionRegenerator.h"
#include "inference/StemGroups.h"
#include "inference/StemReplacement.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/model/FlowSampler.h"
#include "inference/model/LatentInpainting.h"
#include "inference/model/ModelConfig.h"

#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::diffusion;

class TestDiffusionStems : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_weights;

    DiffusionOptions options() const { return test::cpuDiffusionOptions(m_weights); }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("S2A_WEIGHTS");
        QVERIFY(m_dir.isValid());
        m_weights = m_dir.filePath(QStringLiteral("tiny.safetensors"));
        auto written = writeRandomWeights(QStringLiteral("tiny"), m_weights, 11);
        QVERIFY2(written, qPrintable(written.errorMessage()));
    }

    void groupMaskKeepsKnownStemsOnEveryFrame()
    {
        const torch::Tensor frames = model::repaintMask(10, 3, 7, 1);
        const torch::Tensor mask = model::stemGroupKeepMask(frames, {true, false, true, false});
        QCOMPARE(mask.sizes().vec(), (std::vector<int64_t>{4, 10}));
        QVERIFY(torch::equal(mask[0], torch::ones({10})));
        QVERIFY(torch::equal(mask[2], torch::ones({10})));
        QVERIFY(torch::equal(mask[1], frames));
        QVERIFY(torch::equal(mask[3], frames));
        // Spread to the channels: group g owns channels [g*C, (g+1)*C).
        const torch::Tensor channels = model::channelKeepMask(mask.unsqueeze(0), 3);
        QCOMPARE(channels.sizes().vec(), (std::vector<int64_t>{1, 12, 10}));
        for (int64_t c = 0; c < 12; ++c)
            QVERIFY2(torch::equal(channels[0][c], mask[c / 3]), qPrintable(QString::number(c)));
        // One row for all groups broadcasts as it is.
        QVERIFY(torch::equal(model::channelKeepMask(frames.view({1, 1, 10}), 3), frames.view({1, 1, 10})));
        QVERIFY_THROWS_EXCEPTION(model::LatentSpanError, model::stemGroupKeepMask(frames, {}));
        QVERIFY_THROWS_EXCEPTION(model::LatentSpanError, model::channelKeepMask(frames, 3));
    }

    void samplerClampsKnownGroupsExactly()
    {
        // Two groups of two channels; group 0 known everywhere, group 1 generated over frames 2..6.
        torch::manual_seed(3);
        const torch::Tensor context = torch::randn({1, 4, 8});
        const torch::Tensor keep = model::channelKeepMask(
            model::stemGroupKeepMask(model::repaintMask(8, 2, 6, 0), {true, false}).unsqueeze(0), 2);
        // A velocity that pulls everything towards a constant, unlike the context.
        const model::VelocityFn velocity = [](const torch::Tensor& x, const torch::Tensor&, bool, bool) { return 0.5 - x; };
        model::SamplerOptions so;
        so.steps = 4;
        so.seed = 5;
        const model::SampleResult out = model::FlowSampler(so).inpaint(velocity, {context, keep});
        QVERIFY(torch::equal(out.latent.narrow(1, 0, 2), context.narrow(1, 0, 2)));           // the known group
        QVERIFY(torch::equal(out.latent.narrow(1, 2, 2).narrow(2, 0, 2), context.narrow(1, 2, 2).narrow(2, 0, 2)));
        QVERIFY(!torch::allclose(out.latent.narrow(1, 2, 2).narrow(2, 2, 4), context.narrow(1, 2, 2).narrow(2, 2, 4)));
    }

    void replacingTheBassKeepsEveryOtherStem()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        const core::ProjectData data = test::threeSectionSong(bundle);
        const int section = 1;
        const core::Section target = data.sections[section];
        RegenerateOptions opts;
        opts.seed = 21;
        opts.steps = 2;
        opts.contextSeconds = 1.5;
        opts.stems = QStringList{QStringLiteral("bass")};
        auto request = requestFor(data, bundle, section, opts);
        QVERIFY(request);
        request->regenerateRoles = rolesToRemake(data, opts.stems);
        QVERIFY(request->regenerateRoles == QVector<core::TrackRole>{core::TrackRole::Bass});

        DiffusionEngine engine(options());
        SimpleJobControl job;
        auto stemWise = engine.regenerate(request.value(), job);
        QVERIFY2(stemWise, qPrintable(stemWise.errorMessage()));
        const model::ModelConfig config = model::builtinModelConfig("tiny");
        const int bassGroup = stemGroupFor(core::TrackRole::Bass, config.stemGroups);
        // Each known group is the song's own audio of that group in the section, bit for bit.
        for (int g = 0; g < stemWise->stems.size(); ++g) {
            core::AudioBuffer old;
            old.sampleRate = request->sampleRate;
            old.channels.assign(2, std::vector<float>(size_t(target.end - target.start), 0.0f));
            for (const Stem& s : request->context)
                if (stemGroupFor(s.role, config.stemGroups) == g)
                    for (size_t c = 0; c < 2; ++c)
                        for (size_t i = 0; i < old.channels[c].size(); ++i)
                            old.channels[c][i] += s.audio.channels[c][size_t(target.start) + i];
            const bool same = stemWise->stems[g].audio.channels == old.channels;
            QVERIFY2(same == (g != bassGroup), qPrintable(QString::fromStdString(config.stemGroups[size_t(g)])));
        }
        // The regenerated bass heard the kept stems: with them clamped (stem-wise) it differs from a repaint of
        // every group with the same seed, whose network input was the same context with other masks.
        GenerationRequest whole = request.value();
        whole.regenerateRoles.clear();
        auto everything = engine.regenerate(whole, job);
        QVERIFY(everything);
        QVERIFY(everything->stems[bassGroup].audio.channels != stemWise->stems[bassGroup].audio.channels);

        // Through regenerateSection: only the bass track changed; every other track's samples are as they were.
        core::Project project(data);
        const QVector<Stem> before = requestFor(project.data(), bundle, 0, RegenerateOptions{})->context;
        auto takeId = regenerateSection(project, bundle, target.id, opts, engine, job);
        QVERIFY2(takeId, qPrintable(takeId.errorMessage()));
        const core::Take* take = project.data().sections[section].activeTake();
        QCOMPARE(take->id, takeId.value());
        QCOMPARE(take->origin.changedTracks, QStringList{data.tracks[1].id});
        const QVector<Stem> after = requestFor(project.data(), bundle, 0, RegenerateOptions{})->context;
        QCOMPARE(after.size(), before.size());
        for (int t = 0; t < before.size(); ++t) {
            const bool same = after[t].audio.channels == before[t].audio.channels;
            QVERIFY2(same == (before[t].role != core::TrackRole::Bass), qPrintable(before[t].name));
        }
        QVERIFY(project.undoStack()->canUndo());
        project.undoStack()->undo();
        const QVector<Stem> undone = requestFor(project.data(), bundle, 0, RegenerateOptions{})->context;
        for (int t = 0; t < before.size(); ++t)
            QVERIFY(undone[t].audio.channels == before[t].audio.channels);
    }
    void accompanimentClampsTheRecording()
    {
        // The keys track becomes the user's recording (locked): a whole-song generation hears it and keeps its
        // group known; the band's groups are sampled around it.
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        core::ProjectData data = test::threeSectionSong(bundle);
        data.tracks[2].role = core::TrackRole::Lead;
        data.tracks[2].locked = true;
        RegenerateOptions opts;
        opts.seed = 4;
        opts.steps = 2;
        auto request = requestFor(data, bundle, -1, opts);
        QVERIFY(request);
        QVERIFY(request->withoutRoles == QVector<core::TrackRole>{core::TrackRole::Lead});
        QVERIFY(!request->context.isEmpty());
        DiffusionEngine engine(options());
        SimpleJobControl job;
        auto band = engine.generate(request.value(), job);
        QVERIFY2(band, qPrintable(band.errorMessage()));
        const model::ModelConfig config = model::builtinModelConfig("tiny");
        const int leadGroup = stemGroupFor(core::TrackRole::Lead, config.stemGroups);
        const Stem* recording = nullptr;
        for (const Stem& s : request->context)
            if (s.role == core::TrackRole::Lead)
                recording = &s;
        QVERIFY(recording);
        QVERIFY(band->stems[leadGroup].audio.channels == recording->audio.channels);
        // Without the recording in the context the same seed samples every group from scratch: the band differs.
        GenerationRequest alone = request.value();
        alone.context.clear();
        auto free = engine.generate(alone, job);
        QVERIFY(free);
        for (int g = 0; g < free->stems.size(); ++g)
            QVERIFY2(free->stems[g].audio.channels != band->stems[g].audio.channels, qPrintable(QString::number(g)));
    }

    // A locked keys recording and an unlocked strings track share the harmonic group: the group is clamped to the
    // recording alone and comes back as its samples exactly, not as the sum with the strings.
    void accompanimentClampsOnlyTheRecording()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        core::ProjectData data = test::threeSectionSong(bundle);
        data.tracks[1].role = core::TrackRole::Strings;
        data.tracks[2].locked = true;  // keys
        RegenerateOptions opts;
        opts.seed = 4;
        opts.steps = 2;
        auto request = requestFor(data, bundle, -1, opts);
        QVERIFY(request);
        QVERIFY(request->withoutRoles == QVector<core::TrackRole>{core::TrackRole::Keys});
        const Stem* keys = nullptr;
        const Stem* strings = nullptr;
        for (const Stem& s : request->context) {
            if (s.role == core::TrackRole::Keys)
                keys = &s;
            if (s.role == core::TrackRole::Strings)
                strings = &s;
        }
        QVERIFY(keys && strings);
        const model::ModelConfig config = model::builtinModelConfig("tiny");
        const int harmonic = stemGroupFor(core::TrackRole::Keys, config.stemGroups);
        QCOMPARE(stemGroupFor(core::TrackRole::Strings, config.stemGroups), harmonic);
        DiffusionEngine engine(options());
        SimpleJobControl job;
        auto band = engine.generate(request.value(), job);
        QVERIFY2(band, qPrintable(band.errorMessage()));
        QVERIFY(band->stems[harmonic].audio.channels == keys->audio.channels);
    }
};

QTEST_GUILESS_MAIN(TestDiffusionStems)
#include "tst_diffusion_stems.moc"
