#pragma once

// Runs regenerations off the UI thread, one at a time, from a priority queue. The editor queues a job with a
// snapshot of the song; the worker thread decodes the song's audio, runs the engine and stores the stems, and
// the finished takes come back to the UI thread as plain values (RenderedTake) by a queued signal, where
// addRenderedTakes() makes them part of the song. Nothing here waits on the UI thread or makes it wait.
//
// Engines are made on the worker thread the first time a job asks for them and are kept for later jobs: the
// diffusion engine will load weights worth keeping warm. Torch never shows here; engines are Generators.
#include "inference/Generator.h"
#include "inference/RangeRepainter.h"
#include "inference/SectionRegenerator.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <map>
#include <set>
#include <memory>
#include <optional>

class QThread;

namespace s2a::inference {

// One regeneration: a copy of the song as it was when the user asked, and what to make.
struct GenerationJob {
    core::ProjectData snapshot;
    QString bundlePath;   // where the song's audio is read from and the new stems go
    QString sectionId;
    std::optional<RepaintRange> range;  // set: repaint this range (sectionId is then ignored)
    RegenerateOptions options;
    QString engine = QStringLiteral("arranger");
    QString weights;      // diffusion: this job's weights file instead of the settings' (empty: the settings')
    int priority = 0;     // higher runs first; equal priorities run in the order they were queued
};

class GenerationWorker : public QObject {
    Q_OBJECT
public:
    // Makes an engine; called on the worker thread, at most once per id while the worker lives.
    using EngineFactory = std::function<Result<std::unique_ptr<Generator>>()>;

    // Starts the worker thread. The arranger is registered as "arranger".
    explicit GenerationWorker(QObject* parent = nullptr);
    // Cancels the running job, drops the queued ones (without signals) and joins the thread.
    ~GenerationWorker() override;

    // Registers (or replaces, for jobs whose engine is not made yet) the factory for an engine id. Any thread.
    void setEngineFactory(const QString& id, EngineFactory factory);
    // The next job of `id` makes its engine anew (new settings: another device, other threads); a running
    // job keeps the engine it has. Any thread.
    void restartEngine(const QString& id);
    bool hasEngine(const QString& id) const;
    QStringList engineIds() const;

    // Queues a job and returns its id (> 0). Any thread. A job whose engine is unknown fails when it runs.
    int enqueue(GenerationJob job);
    // A queued job is dropped at once (jobCancelled follows); the running one stops at the engine's next
    // progress step and ends with jobCancelled, never with jobFinished. False when `jobId` is neither (it has
    // ended, or its result is already on its way). Any thread.
    bool cancel(int jobId);
    void cancelAll();
    // Moves a queued job in the queue; false when it is not queued.
    bool setPriority(int jobId, int priority);

    QList<int> queuedJobs() const;  // in the order they will run
    int runningJob() const;         // 0 when none
    bool isIdle() const;

Q_SIGNALS:
    // All are emitted on the worker thread (queued cancels: on the caller's, after it returns), so receivers
    // on the UI thread get them through queued connections, in this order per job: jobStarted, jobProgress...,
    // then exactly one of jobFinished, jobFailed, jobCancelled. A job cancelled while queued only gets
    // jobCancelled.
    void jobStarted(int jobId);
    // fraction 0..1 over the whole job; etaSeconds < 0 while there is nothing to estimate from.
    void jobProgress(int jobId, double fraction, const QString& stage, double etaSeconds);
    void jobFinished(int jobId, const s2a::inference::RenderedTakes& takes);  // one per section a job changed
    void jobFailed(int jobId, const QString& message);
    void jobCancelled(int jobId);

private:
    class Control;
    struct Queued {
        int id = 0;
        quint64 order = 0;  // FIFO tie-break among equal priorities
        GenerationJob job;
    };

    void run();  // the worker thread's loop
    Result<Generator*> engineFor(const QString& id, const QString& weights);  // worker thread only
    void postCancelled(int jobId);

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Queued> m_queue;  // sorted: priority descending, then order ascending
    int m_nextId = 1;
    quint64 m_nextOrder = 0;
    int m_runningId = 0;
    std::shared_ptr<Control> m_running;
    bool m_stopping = false;
    std::map<QString, EngineFactory> m_factories;
    std::set<QString> m_restart;  // engines to make anew before their next job

    // Worker thread only.
    std::map<QString, std::unique_ptr<Generator>> m_engines;
    std::map<QString, double> m_lastSeconds;  // how long the last job of each engine took, for early ETAs

    std::unique_ptr<QThread> m_thread;
};

}  // namespace s2a::inference
