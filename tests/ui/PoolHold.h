#pragma once
// Holds a thread pool busy so that work queued on it waits: a test sees a view while its data is "on its way"
// as a state it controls, not a race it hopes to win.

#include <QSemaphore>
#include <QThreadPool>

#include <memory>

namespace s2a::test {

// Keeps every thread of `pool` busy until released, so that loads wait in its queue. The
// semaphores are shared with the pool's tasks, which may still be waking when the hold goes away.
class PoolHold {
public:
    explicit PoolHold(QThreadPool* pool) : m_threads(pool->maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i)
            pool->start([started = m_started, gate = m_gate] {
                started->release();
                gate->acquire();
            });
    }
    ~PoolHold() { release(); }
    bool holding() { return m_started->tryAcquire(m_threads, 10000); }
    void release()
    {
        m_gate->release(m_threads - m_released);
        m_released = m_threads;
    }

private:
    std::shared_ptr<QSemaphore> m_started = std::make_shared<QSemaphore>();
    std::shared_ptr<QSemaphore> m_gate = std::make_shared<QSemaphore>();
    int m_threads;
    int m_released = 0;
};

}  // namespace s2a::test
