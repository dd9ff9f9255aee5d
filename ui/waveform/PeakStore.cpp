#include "ui/waveform/PeakStore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>

namespace s2a::ui {

PeakStore& PeakStore::instance()
{
    // Parented to the application so that it goes away with it (its pool waiting for loads in flight); a
    // QPointer so that a second application (tests) gets a fresh store instead of a dangling one.
    static QPointer<PeakStore> store;
    if (!store)
        store = new PeakStore(QCoreApplication::instance());
    return *store;
}

PeakStore::PeakStore(QObject* parent) : QObject(parent)
{
    // Two loads at a time: each is file reading and decoding, then a build spread over the global pool, so more
    // would only compete for the same cores and disk.
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(QStringLiteral("PeakStore"));
}

PeakStore::Lookup PeakStore::lookup(const QString& path) const
{
    const auto it = m_entries.constFind(path);
    return it == m_entries.constEnd() ? Lookup{} : it->state;
}

void PeakStore::request(const QString& path)
{
    Entry& entry = m_entries[path];
    entry.lastUse = ++m_clock;
    if (entry.state.peaks || entry.state.pending)
        return;
    entry.state.error.clear();
    entry.state.pending = true;
    ++m_loadsStarted;
    auto* watcher = new QFutureWatcher<Result<core::SharedPeaks>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (watcher->isCanceled())
            return;  // the pool is shutting down with the application
        onFinished(path, watcher->result());
    });
    watcher->setFuture(core::PeakCache::requestAsync(path, &m_pool));
}

void PeakStore::onFinished(const QString& path, Result<core::SharedPeaks> result)
{
    Entry& entry = m_entries[path];  // recreated if clear() ran meanwhile: the result is still good
    entry.state.pending = false;
    if (result) {
        if (entry.state.peaks)
            m_bytes -= bytesOf(*entry.state.peaks);
        entry.state.peaks = result.value();
        entry.state.error.clear();
        m_bytes += bytesOf(*entry.state.peaks);
    } else {
        entry.state.error = result.errorMessage();
    }
    evict(path);  // never the one just loaded: its requester has not read it yet
    Q_EMIT finished(path);
}

void PeakStore::clear()
{
    // Entries with a load in flight stay, marked pending, so that the load is not started a second time.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->state.pending) {
            it->state.peaks.reset();
            ++it;
        } else {
            it = m_entries.erase(it);
        }
    }
    m_bytes = 0;
}

void PeakStore::setMaxBytes(qint64 bytes)
{
    m_maxBytes = bytes;
    evict({});
}

void PeakStore::evict(const QString& keep)
{
    while (m_bytes > m_maxBytes) {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->state.peaks && it.key() != keep && (oldest == m_entries.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        if (oldest == m_entries.end())
            return;
        m_bytes -= bytesOf(*oldest->state.peaks);
        m_entries.erase(oldest);
    }
}

qint64 PeakStore::bytesOf(const core::PeakPyramid& peaks)
{
    qint64 blocks = 0;
    for (int level = 0; level < peaks.levelCount(); ++level)
        blocks += peaks.blockCount(level);
    return blocks * peaks.channelCount() * qint64(sizeof(core::PeakBlock));
}

}  // namespace s2a::ui
