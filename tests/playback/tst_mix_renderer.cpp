// The pure mix: pan law, gain, mute/solo, clip placement, and building plans from real audio files.
#include "AudioFixtures.h"

#include "core/model/Project.h"
#include "core/playback/MixRenderer.h"
#include "core/playback/PlanBuilder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace s2a;
using namespace s2a::core;

namespace {

std::vector<float> ramp(int n, float scale = 1e-3f)
{
    std::vector<float> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        v[size_t(i)] = scale * float(i + 1);
    return v;
}

struct Mix {
    std::vector<float> left, right;
};

Mix render(const RenderPlan& plan, SampleCount position, int frames, std::vector<LevelMeter>* meters = nullptr)
{
    Mix m{std::vector<float>(static_cast<size_t>(frames)), std::vector<float>(static_cast<size_t>(frames))};
    std::vector<float> scratch(static_cast<size_t>(2 * frames));
    if (meters)
        meters->resize(plan.tracks.size());
    renderMix(plan, position, frames, m.left.data(), m.right.data(), scratch.data(), meters ? meters->data() : nullptr);
    return m;
}

}  // namespace

class MixRendererTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void panLawIsConstantPowerWithUnityCentre()
    {
        float l = 0, r = 0;
        panGains(0.0, 0.0, l, r);
        QVERIFY(std::fabs(l - 1.0f) < 1e-6f && std::fabs(r - 1.0f) < 1e-6f);
        panGains(0.0, -1.0, l, r);
        QVERIFY(std::fabs(l - float(M_SQRT2)) < 1e-6f && std::fabs(r) < 1e-6f);
        for (double pan = -1.0; pan <= 1.0; pan += 0.125) {
            panGains(0.0, pan, l, r);
            QVERIFY(std::fabs(l * l + r * r - 2.0f) < 1e-5f);
        }
        panGains(-6.0, 0.0, l, r);
        QVERIFY(std::fabs(l - 0.501187f) < 1e-5f);
    }

    void clipsLandOnTheirExactSamplesWithTrackGains()
    {
        const std::vector<float> a = ramp(100);
        const std::vector<float> b = ramp(50, -2e-3f);
        RenderPlan plan;
        plan.sampleRate = 48000;
        plan.length = 1000;
        plan.tracks.resize(2);
        plan.tracks[0].gainLeft = 0.5f;
        plan.tracks[0].gainRight = 0.25f;
        plan.tracks[0].clips.push_back({a.data(), a.data(), 100, 100});
        plan.tracks[0].clips.push_back({a.data(), a.data(), 300, 100});
        plan.tracks[1].gainLeft = 1.0f;
        plan.tracks[1].gainRight = 2.0f;
        plan.tracks[1].clips.push_back({b.data(), b.data(), 150, 50});

        std::vector<LevelMeter> meters;
        const Mix m = render(plan, 90, 260, &meters);  // 90..350: crosses every clip edge
        for (int i = 0; i < 260; ++i) {
            const SampleCount t = 90 + i;
            float l = 0, r = 0;
            if (t >= 100 && t < 200) { l += 0.5f * a[size_t(t - 100)]; r += 0.25f * a[size_t(t - 100)]; }
            if (t >= 300 && t < 400) { l += 0.5f * a[size_t(t - 300)]; r += 0.25f * a[size_t(t - 300)]; }
            if (t >= 150 && t < 200) { l += b[size_t(t - 150)]; r += 2.0f * b[size_t(t - 150)]; }
            QCOMPARE(m.left[size_t(i)], l);
            QCOMPARE(m.right[size_t(i)], r);
        }
        QCOMPARE(meters[1].peak, 2.0f * std::fabs(b.back()));
        QVERIFY(meters[0].rms > 0.0f);

        // Same inputs, same samples: the renderer has no state.
        const Mix again = render(plan, 90, 260);
        QVERIFY(again.left == m.left && again.right == m.right);
        // Outside every clip: silence.
        const Mix silent = render(plan, 500, 64);
        QVERIFY(std::all_of(silent.left.begin(), silent.left.end(), [](float x) { return x == 0.0f; }));
    }

    void planFollowsActiveTakesMuteAndSolo()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("S.s2a"));
        const int rate = 44100;
        ProjectData data = ProjectData::createNew(QStringLiteral("t"), rate, 4 * rate);
        QVERIFY(data.sections[0].end == 4 * rate);
        // Two sections of 2 s; two tracks.
        Section second = data.sections[0];
        data.sections[0].end = 2 * rate;
        second.id = QStringLiteral("sec-b");
        second.start = 2 * rate;
        data.sections.append(second);
        for (int t = 0; t < 2; ++t) {
            Track track;
            track.id = QStringLiteral("trk-%1").arg(t);
            data.tracks.append(track);
        }
        // Each take's audio spans the whole song (a handle either side); the section cuts it.
        auto constant = [&](float v) {
            return test::storeAudio(bundle, test::makeAudio(rate, 4 * rate, [v](int, SampleCount) { return v; }));
        };
        const QString quiet = constant(0.1f), loud = constant(0.4f), other = constant(0.2f);
        auto addTake = [&](int section, const QString& id, const QString& file, const QString& track) {
            Take take;
            take.id = id;
            take.clips.append({track, file, 0, 0, 4 * rate});
            data.sections[section].takes.append(take);
            data.sections[section].activeTakeId = id;
        };
        addTake(0, QStringLiteral("a1"), quiet, QStringLiteral("trk-0"));
        addTake(0, QStringLiteral("a2"), loud, QStringLiteral("trk-0"));
        data.sections[0].activeTakeId = QStringLiteral("a1");
        addTake(1, QStringLiteral("b1"), other, QStringLiteral("trk-0"));
        addTake(1, QStringLiteral("b2"), loud, QStringLiteral("trk-1"));  // active: only track 1 sounds in B

        AudioPool pool(bundle + QStringLiteral("/audio"));
        PlanBuildResult built = buildRenderPlan(data, pool, rate);
        QVERIFY2(built.problems.isEmpty(), qPrintable(built.problems.join(QLatin1Char('\n'))));
        const Mix m = render(*built.plan, 0, 4 * rate);
        QCOMPARE(m.left[0], 0.1f);
        QCOMPARE(m.left[size_t(2 * rate - 1)], 0.1f);
        QCOMPARE(m.left[size_t(2 * rate)], 0.4f);   // track 1's take in B; track 0 silent there
        QCOMPARE(m.left[size_t(4 * rate - 1)], 0.4f);

        data.tracks[1].mute = true;
        built = buildRenderPlan(data, pool, rate);
        QCOMPARE(render(*built.plan, 2 * rate, 16).left[0], 0.0f);
        data.tracks[1].mute = false;
        data.tracks[0].solo = true;  // solo A's track: B's track 1 goes quiet
        built = buildRenderPlan(data, pool, rate);
        const Mix solo = render(*built.plan, 0, 4 * rate);
        QCOMPARE(solo.left[0], 0.1f);
        QCOMPARE(solo.left[size_t(3 * rate)], 0.0f);

        // A missing file is a problem to report, not a crash; the rest still plays.
        data.sections[1].takes[1].clips[0].file = QStringLiteral("0123456789abcdef0123456789abcdef.wav");
        built = buildRenderPlan(data, pool, rate);
        QCOMPARE(built.problems.size(), 1);
        QVERIFY(built.plan);
    }

    // Issue 16: a boundary drag is an annotation edit. Whatever the user does to the section layout (drag either
    // way, into a section with no takes, split, merge, undo), the rendered mix stays sample-identical.
    void boundaryEditsLeaveTheMixSampleIdentical()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("S.s2a"));
        const int rate = 44100;
        const SampleCount sec = rate;
        ProjectData data = ProjectData::createNew(QStringLiteral("t"), rate, 10 * sec);
        Section b = data.sections[0], c = data.sections[0];
        data.sections[0].end = 3 * sec;
        b.id = QStringLiteral("sec-b");
        b.start = 3 * sec;
        b.end = 7 * sec;
        c.id = QStringLiteral("sec-c");  // no takes: silent until a boundary hands it audio
        c.start = 7 * sec;
        data.sections << b << c;
        for (int t = 0; t < 2; ++t) {
            Track track;
            track.id = QStringLiteral("trk-%1").arg(t);
            data.tracks.append(track);
        }
        // Every take has its own signal (a different chirp), so audio that slid or came from the wrong take shows.
        int signal = 0;
        auto addTake = [&](int section, const QString& track, SampleCount start, SampleCount length) {
            const double f = 110.0 * (1 + signal++);
            const QString file = test::storeAudio(bundle, test::makeAudio(rate, length, [&](int ch, SampleCount i) {
                return float(0.2 * std::sin(f * double(i) / rate * (1.0 + 1e-5 * double(i)) + ch));
            }));
            Take take;
            take.id = QStringLiteral("take-%1").arg(signal);
            take.clips.append({track, file, start, 0, length});
            data.sections[section].takes.append(take);
            data.sections[section].activeTakeId = take.id;
        };
        addTake(0, QStringLiteral("trk-0"), 0, 3 * sec);
        addTake(0, QStringLiteral("trk-1"), 0, 3 * sec);        // A's active take: track 1 only
        addTake(1, QStringLiteral("trk-0"), 3 * sec, 4 * sec);
        addTake(1, QStringLiteral("trk-1"), 2 * sec, 6 * sec);  // B's other take, with handles both sides
        data.sections[1].activeTakeId = data.sections[1].takes[0].id;

        AudioPool pool(bundle + QStringLiteral("/audio"));
        auto mix = [&](const ProjectData& song) {
            const PlanBuildResult built = buildRenderPlan(song, pool, rate);
            return render(*built.plan, 0, int(10 * sec));
        };
        const Mix before = mix(data);
        QVERIFY(*std::max_element(before.left.begin(), before.left.end()) > 0.1f);
        Project project(data);
        auto same = [&](const char* what) {
            const Mix after = mix(project.data());
            QVERIFY2(after.left == before.left && after.right == before.right, what);
        };
        const QString a = data.sections[0].id;
        QVERIFY(project.moveBoundary(a, 3 * sec + 12345));       // A grows into B
        same("A grew into B");
        QVERIFY(project.moveBoundary(a, sec + 777));             // one drag on, A shrinks: B grows into A
        same("B grew into A");
        QVERIFY(project.moveBoundary(a, 3 * sec));               // back where it was: the clips are whole again
        QCOMPARE(project.data().sections[0].takes, data.sections[0].takes);
        QCOMPARE(project.data().sections[1].takes, data.sections[1].takes);
        QVERIFY(project.moveBoundary(QStringLiteral("sec-b"), 5 * sec + 22050));  // C (no takes) grows into B
        same("C grew into B");
        QCOMPARE(project.data().sections[2].takes.size(), 1);
        QCOMPARE(project.data().sections[2].takes[0].origin.engine, QStringLiteral("boundary"));
        const Status cut = project.splitSection(QStringLiteral("sec-b"), 4 * sec + 2205);
        QVERIFY2(cut, qPrintable(cut.errorMessage()));
        same("split B");
        QVERIFY(project.moveBoundary(QStringLiteral("sec-b"), 4 * sec + 10000));
        same("moved the split's boundary");
        QVERIFY(project.mergeWithNext(a));
        same("merged A with B's left half");
        QVERIFY(project.undoStack()->canUndo());
        while (project.undoStack()->canUndo())
            project.undoStack()->undo();
        same("everything undone");
        QCOMPARE(project.data(), data);
    }

    void planResamplesToTheDeviceRate()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("R.s2a"));
        const ProjectData data = test::makeSineSong(bundle, 1, 2.0, 44100);
        AudioPool pool(bundle + QStringLiteral("/audio"));
        const PlanBuildResult built = buildRenderPlan(data, pool, 48000);
        QCOMPARE(built.plan->sampleRate, 48000);
        QCOMPARE(built.plan->length, SampleCount(96000));
        QCOMPARE(built.plan->tracks[0].clips.size(), size_t(1));
        QCOMPARE(built.plan->tracks[0].clips[0].length, SampleCount(96000));
        // 220 Hz survives the conversion: count zero crossings over the middle second.
        const Mix m = render(*built.plan, 24000, 48000);
        int crossings = 0;
        for (size_t i = 1; i < m.left.size(); ++i)
            crossings += (m.left[i - 1] < 0) != (m.left[i] < 0);
        QVERIFY2(std::abs(crossings - 440) <= 1, qPrintable(QString::number(crossings)));
        QCOMPARE(toOutputRate(44100, 44100, 48000), SampleCount(48000));
        QCOMPARE(toProjectRate(48000, 44100, 48000), SampleCount(44100));
    }
};

QTEST_GUILESS_MAIN(MixRendererTest)
#include "tst_mix_renderer.moc"
