#include "inference/GenerationWorker.h"

#include "inference/EngineCatalogue.h"
#include "inference/EtaEstimator.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <exception>
#include <new>
#include <optional>

namespace s2a::inference {

// The running job's JobControl: forwards progress as signals with an ETA, and carries the cancel request
// from whichever thread makes it to the engine on the worker thread.
class GenerationWorker::Control : public JobControl {
public:
    Control(GenerationWorker* worker, int id, double expectedSeconds)
        : m_worker(worker), m_id(id), m_eta(expectedSeconds)
    {
        m_clock.start();
    }

    void progress(double fraction, const QString& stage) override
    {
        const qint64 now = m_clock.elapsed();
        // Engines may report every few milliseconds; a step too small to see is not worth a cross-thread
        // event. The last word of a stage and the end always go out.
        if (stage == m_lastStage && fraction < 1.0 && fraction - m_lastFraction < 0.002 && now - m_lastEmitMs < 50)
            return;
        m_lastStage = stage;
        m_lastFraction = fraction;
        m_lastEmitMs = now;
        Q_EMIT m_worker->jobProgress(m_id, fraction, stage, m_eta.update(fraction, stage, double(now) / 1000.0));
    }
    bool cancelled() const override { return m_cancel.load(); }
    void cancel() { m_cancel.store(true); }
    double seconds() const { return double(m_clock.elapsed()) / 1000.0; }

private:
    GenerationWorker* m_worker;
    int m_id;
    std::atomic<bool> m_cancel{false};
    QElapsedTimer m_clock;
    QString m_lastStage;
    double m_lastFraction = -1.0;
    qint64 m_lastEmitMs = -1000;
    EtaEstimator m_eta;
};

GenerationWorker::GenerationWorker(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RenderedTake>();
    qRegisterMetaType<RenderedTakes>();
    // Each made once, on its first job, and kept warm (the diffusion engine loads its weights on first use;
    // without weights its jobs fail with its "no weights for config tiny" message and the UI offers the
    // arranger instead, see EngineCatalogue).
    for (const QString& id : {QStringLiteral("arranger"), QStringLiteral("diffusion")})
        setEngineFactory(id, [id] { return makeEngine(id); });
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("GenerationWorker"));
    m_thread->start();
}

GenerationWorker::~GenerationWorker()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_queue.clear();
        if (m_running)
            m_running->cancel();
    }
    m_wake.wakeAll();
    m_thread->wait();
}

void GenerationWorker::setEngineFactory(const QString& id, EngineFactory factory)
{
    QMutexLocker lock(&m_mutex);
    m_factories[id] = std::move(factory);
}

void GenerationWorker::restartEngine(const QString& id)
{
    QMutexLocker lock(&m_mutex);
    m_restart.insert(id);
}

bool GenerationWorker::hasEngine(const QString& id) const
{
    QMutexLocker lock(&m_mutex);
    return m_factories.count(id) > 0;
}

QStringList GenerationWorker::engineIds() const
{
    QMutexLocker lock(&m_mutex);
    QStringList ids;
    for (const auto& entry : m_factories)
        ids << entry.first;
    return ids;
}

int GenerationWorker::enqueue(GenerationJob job)
{
    QMutexLocker lock(&m_mutex);
    Queued queued;
    queued.id = m_nextId++;
    queued.order = m_nextOrder++;
    queued.job = std::move(job);
    const int priority = queued.job.priority;
    // After every job of the same or a higher priority: FIFO among equals.
    const auto at = std::find_if(m_queue.begin(), m_queue.end(), [&](const Queued& q) { return q.job.priority < priority; });
    const int id = queued.id;
    m_queue.insert(at, std::move(queued));
    m_wake.wakeOne();
    return id;
}

bool GenerationWorker::cancel(int jobId)
{
    QMutexLocker lock(&m_mutex);
    const auto it = std::find_if(m_queue.begin(), m_queue.end(), [&](const Queued& q) { return q.id == jobId; });
    if (it != m_queue.end()) {
        m_queue.erase(it);
        postCancelled(jobId);
        return true;
    }
    // Under the same lock as the worker's decision between finished and cancelled: once this returns true,
    // the job cannot deliver a take.
    if (m_running && m_runningId == jobId) {
        m_running->cancel();
        return true;
    }
    return false;
}

void GenerationWorker::cancelAll()
{
    QMutexLocker lock(&m_mutex);
    for (const Queued& q : m_queue)
        postCancelled(q.id);
    m_queue.clear();
    if (m_running)
        m_running->cancel();
}

bool GenerationWorker::setPriority(int jobId, int priority)
{
    QMutexLocker lock(&m_mutex);
    const auto it = std::find_if(m_queue.begin(), m_queue.end(), [&](const Queued& q) { return q.id == jobId; });
    if (it == m_queue.end())
        return false;
    Queued moved = std::move(*it);
    m_queue.erase(it);
    moved.job.priority = priority;
    // Keeps its original place in the FIFO order among its new equals.
    const auto at = std::find_if(m_queue.begin(), m_queue.end(), [&](const Queued& q) {
        return q.job.priority < priority || (q.job.priority == priority && q.order > moved.order);
    });
    m_queue.insert(at, std::move(moved));
    return true;
}

QList<int> GenerationWorker::queuedJobs() const
{
    QMutexLocker lock(&m_mutex);
    QList<int> ids;
    for (const Queued& q : m_queue)
        ids << q.id;
    return ids;
}

int GenerationWorker::runningJob() const
{
    QMutexLocker lock(&m_mutex);
    return m_runningId;
}

bool GenerationWorker::isIdle() const
{
    QMutexLocker lock(&m_mutex);
    return m_runningId == 0 && m_queue.empty();
}

void GenerationWorker::postCancelled(int jobId)
{
    // Delivered from the event loop rather than from inside cancel(): every job outcome reaches receivers the
    // same way, after the call that caused it has returned.
    QMetaObject::invokeMethod(this, [this, jobId] { Q_EMIT jobCancelled(jobId); }, Qt::QueuedConnection);
}

Result<Generator*> GenerationWorker::engineFor(const QString& id, const QString& weights)
{
    if (!weights.isEmpty()) {
        // A job with its own weights gets an engine of its own, kept for the next job with the same file; only
        // one such engine stays loaded (a 402M model holds gigabytes).
        const QString key = id + QLatin1Char('@') + weights;
        if (const auto it = m_engines.find(key); it != m_engines.end())
            return it->second.get();
        for (auto it = m_engines.begin(); it != m_engines.end();)
            it = it->first.contains(QLatin1Char('@')) ? m_engines.erase(it) : std::next(it);
        if (id != QLatin1String("diffusion"))
            return Error{QStringLiteral("The %1 engine has no weights to choose.").arg(id)};
        auto made = makeEngine(id, weights);
        if (!made)
            return made.error();
        Generator* engine = made.value().get();
        m_engines[key] = std::move(made).value();
        return engine;
    }
    bool restart = false;
    {
        QMutexLocker lock(&m_mutex);
        restart = m_restart.erase(id) > 0;
    }
    if (restart)
        m_engines.erase(id);
    if (const auto it = m_engines.find(id); it != m_engines.end())
        return it->second.get();
    EngineFactory factory;
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_factories.find(id); it != m_factories.end())
            factory = it->second;
    }
    if (!factory)
        return Error{QStringLiteral("There is no engine called \"%1\".").arg(id)};
    auto made = factory();
    if (!made)
        return made.error();
    if (!made.value())
        return Error{QStringLiteral("The %1 engine could not be started.").arg(id)};
    Generator* engine = made.value().get();
    m_engines[id] = std::move(made).value();
    return engine;
}

void GenerationWorker::run()
{
    for (;;) {
        Queued next;
        std::shared_ptr<Control> control;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && m_queue.empty())
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            next = std::move(m_queue.front());
            m_queue.pop_front();
            const auto last = m_lastSeconds.find(next.job.engine);
            control = std::make_shared<Control>(this, next.id, last == m_lastSeconds.end() ? -1.0 : last->second);
            m_running = control;
            m_runningId = next.id;
        }
        Q_EMIT jobStarted(next.id);

        std::optional<Result<RenderedTakes>> result;
        // An engine that throws (out of memory in a long render, a library's exception) fails its job with a
        // message instead of ending the app: the song is only changed by a finished job's take, so it is
        // unchanged, and the next job runs.
        try {
            if (!m_engines.count(next.job.engine))
                control->progress(0.0, QStringLiteral("Starting the engine"));
            auto engine = engineFor(next.job.engine, next.job.weights);
            if (!engine)
                result.emplace(engine.error());
            else if (next.job.range)
                result.emplace(renderRepaint(next.job.snapshot, next.job.bundlePath, *next.job.range, next.job.options,
                                             *engine.value(), *control));
            else if (auto take = renderTake(next.job.snapshot, next.job.bundlePath, next.job.sectionId,
                                            next.job.options, *engine.value(), *control))
                result.emplace(RenderedTakes{take.value()});
            else
                result.emplace(take.error());
        } catch (const std::bad_alloc&) {
            result.emplace(Error{QStringLiteral("The %1 engine ran out of memory; the song is unchanged. Close other "
                                                "programs, or regenerate a shorter section or with less context.")
                                     .arg(next.job.engine)});
        } catch (const std::exception& e) {
            result.emplace(Error{QStringLiteral("The %1 engine failed (%2); the song is unchanged.")
                                     .arg(next.job.engine, QString::fromLocal8Bit(e.what()))});
        }

        bool cancelled = false;
        {
            QMutexLocker lock(&m_mutex);
            cancelled = control->cancelled();
            m_running.reset();
            m_runningId = 0;
        }
        if (result->ok() && !cancelled) {
            m_lastSeconds[next.job.engine] = control->seconds();
            Q_EMIT jobFinished(next.id, result->value());
        } else if (cancelled || isCancelled(result->error())) {
            Q_EMIT jobCancelled(next.id);
        } else {
            Q_EMIT jobFailed(next.id, result->errorMessage());
        }
    }
    // Engines were made on this thread and may hold thread-bound state (synths, a device context).
    m_engines.clear();
}

}  // namespace s2a::inference
