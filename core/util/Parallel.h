#pragma once

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace s2a {

// QtConcurrent::blockingMap that is safe to call from a thread of the global pool. In Qt 6 the waiting thread
// does not take part in the map, so jobs that run on pool threads (peak builds, exports, analysis) and then
// fan out would, once they hold every pool thread, wait on each other forever. A pool thread that is about to
// wait hands its slot back to the pool (releaseThread) so the map's work always has a thread to run on.
template <typename Sequence, typename MapFunctor>
void parallelForEach(Sequence& items, MapFunctor&& function)
{
    QThreadPool* pool = QThreadPool::globalInstance();
    if (!pool) {
        // The process is exiting: Qt has destroyed its global pool and waits for the tasks still running (a peak
        // build the window no longer needs). Finish on this thread. (UBSan found the null pool under tst_dialogs.)
        for (auto& item : items)
            function(item);
        return;
    }
    const bool onPoolThread = pool->contains(QThread::currentThread());
    if (onPoolThread)
        pool->releaseThread();
    QtConcurrent::blockingMap(items, std::forward<MapFunctor>(function));
    if (onPoolThread)
        pool->reserveThread();
}

}  // namespace s2a
