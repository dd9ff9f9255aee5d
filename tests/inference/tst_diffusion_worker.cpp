// The diffusion engine behind the app's generation worker and the CLI, with real LibTorch forward passes on
// random-initialised tiny weights: the worker registers and runs it, a job may name its own weights file, and
// `s2a regenerate` / `s2a new --engine diffusion` use it (and fail clearly without weights).
#include "DiffusionSong.h"

#include "inference/GenerationWorker.h"
#include "inference/SectionRegenerator.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::diffusion;
using test::fileSha256;
using test::threeSectionSong;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out, err;
};

CliRun runCli(const QStringList& args, const QString& weights)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("S2A_WEIGHTS"), weights);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(S2A_CLI_PATH), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace

class TestDiffusionWorker : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_weights;
    QString m_sha;

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("S2A_WEIGHTS");
        qputenv("S2A_MODEL_CONFIG", "tiny");  // the random weights below are tiny's (the CLI children inherit it)
        QVERIFY(m_dir.isValid());
        m_weights = m_dir.filePath(QStringLiteral("tiny.safetensors"));
        auto written = writeRandomWeights(QStringLiteral("tiny"), m_weights, 7);
        QVERIFY2(written, qPrintable(written.errorMessage()));
        m_sha = written.value();
        // A second model for the job that names its own weights.
        QVERIFY(writeRandomWeights(QStringLiteral("tiny"), m_dir.filePath(QStringLiteral("again.safetensors")), 8));
    }

    void workerRunsTheRegisteredDiffusionEngine()
    {
        qputenv("S2A_WEIGHTS", m_weights.toUtf8());
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        const core::ProjectData data = threeSectionSong(bundle);
        GenerationWorker worker;
        QVERIFY(worker.hasEngine(QStringLiteral("diffusion")));
        QSignalSpy finished(&worker, &GenerationWorker::jobFinished);
        QSignalSpy failed(&worker, &GenerationWorker::jobFailed);
        QSignalSpy progress(&worker, &GenerationWorker::jobProgress);
        GenerationJob job;
        job.snapshot = data;
        job.bundlePath = bundle;
        job.sectionId = data.sections[1].id;
        job.engine = QStringLiteral("diffusion");
        job.options.seed = 4;
        job.options.steps = 2;
        job.options.contextSeconds = 1.0;
        const int id = worker.enqueue(job);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() == 1, 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(finished.first().at(0).toInt(), id);
        const auto takes = finished.first().at(1).value<RenderedTakes>();
        QCOMPARE(takes.size(), 1);
        const RenderedTake& take = takes.constFirst();
        QCOMPARE(take.origin.engine, QStringLiteral("diffusion"));
        QCOMPARE(take.origin.weightsHash, m_sha);
        QCOMPARE(take.start, data.sections[1].start);
        QCOMPARE(take.end, data.sections[1].end);
        double last = -1.0;
        for (const auto& p : progress) {
            QVERIFY(p.at(1).toDouble() >= last);
            last = p.at(1).toDouble();
        }
        core::Project project(data);
        auto added = addRenderedTake(project, take);
        QVERIFY2(added, qPrintable(added.errorMessage()));
        QCOMPARE(project.data().sections[1].activeTake()->origin.engine, QStringLiteral("diffusion"));

        // A job that names its own weights file (the inspector's Model) runs on it, whatever the settings say.
        qputenv("S2A_WEIGHTS", "/nonexistent/s2a.safetensors");
        const QString other = m_dir.filePath(QStringLiteral("again.safetensors"));  // seed 8, from initTestCase
        job.weights = other;
        const int own = worker.enqueue(job);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() == 2, 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(finished.last().at(0).toInt(), own);
        const RenderedTake ownTake = finished.last().at(1).value<RenderedTakes>().constFirst();
        QCOMPARE(ownTake.origin.weightsHash, fileSha256(other));
        QVERIFY(ownTake.origin.weightsHash != m_sha);
        // Without it, the same worker goes back to the settings' file, which is missing now: a clear failure.
        job.weights.clear();
        worker.restartEngine(QStringLiteral("diffusion"));
        worker.enqueue(job);
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 120000);
        QVERIFY2(failed.first().at(1).toString().contains(QLatin1String("weights")), qPrintable(failed.first().at(1).toString()));
        qunsetenv("S2A_WEIGHTS");
    }

    void cliRegeneratesWithTheDiffusionEngine()
    {
        QTemporaryDir dir;
        const QString bundle = dir.filePath(QStringLiteral("Song.s2a"));
        const core::ProjectData data = threeSectionSong(bundle);
        const QString section = data.sections[1].id;
        const QStringList args{QStringLiteral("regenerate"), bundle, QStringLiteral("--section"), section,
                               QStringLiteral("--engine"), QStringLiteral("diffusion"), QStringLiteral("--steps"),
                               QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("5"),
                               QStringLiteral("--context"), QStringLiteral("1"), QStringLiteral("--quiet")};
        const CliRun missing = runCli(args, dir.filePath(QStringLiteral("none.safetensors")));
        QCOMPARE(missing.exitCode, 4);
        QVERIFY2(missing.err.contains(QLatin1String("no weights for config tiny")), qPrintable(missing.err));
        QCOMPARE(core::bundle::load(bundle)->sections[1].takes.size(), data.sections[1].takes.size());

        const CliRun ran = runCli(args, m_weights);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        const auto loaded = core::bundle::load(bundle);
        QVERIFY(loaded);
        const core::Take* take = loaded->sections[1].activeTake();
        QVERIFY(take);
        QCOMPARE(take->origin.engine, QStringLiteral("diffusion"));
        QCOMPARE(take->origin.weightsHash, m_sha);
        QCOMPARE(take->origin.seed, quint64(5));

        const CliRun made = runCli({QStringLiteral("new"), QStringLiteral("--caption"), QStringLiteral("funk, 120 bpm"),
                                    QStringLiteral("--structure"), QStringLiteral("intro:1,verse:2"),
                                    QStringLiteral("--engine"), QStringLiteral("diffusion"), QStringLiteral("--steps"),
                                    QStringLiteral("2"), QStringLiteral("-o"),
                                    dir.filePath(QStringLiteral("New.s2a")), QStringLiteral("--quiet")},
                                   m_weights);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const auto song = core::bundle::load(dir.filePath(QStringLiteral("New.s2a")));
        QVERIFY(song);
        QCOMPARE(song->sections.size(), 2);
        QCOMPARE(song->sections[0].activeTake()->origin.engine, QStringLiteral("diffusion"));
    }
};

QTEST_GUILESS_MAIN(TestDiffusionWorker)
#include "tst_diffusion_worker.moc"
