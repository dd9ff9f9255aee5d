#include "ui/spectrogram/SpectrogramStore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace s2a::ui {

SpectrogramStore& SpectrogramStore::instance()
{
    // Parented to the application, as the peak store is: a second application (tests) gets a fresh one.
    static QPointer<SpectrogramStore> store;
    if (!store)
        store = new SpectrogramStore(QCoreApplication::instance());
    return *store;
}

SpectrogramStore::SpectrogramStore(QObject* parent) : QObject(parent)
{
    // One at a time: the peak store's loads and playback's plan build keep the other cores.
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("SpectrogramStore"));
}

void SpectrogramStore::request(const QString& path)
{
    Entry& entry = m_entries[path];
    entry.lastUse = ++m_clock;
    if (entry.state.data || entry.state.pending)
        return;
    entry.state = {{}, {}, true};
    using Computed = Result<SharedSpectrogram>;
    auto* watcher = new QFutureWatcher<Computed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (watcher->isCanceled())
            return;  // the application is going away
        const Computed result = watcher->result();
        Entry& done = m_entries[path];
        done.state = {result ? result.value() : nullptr, result.errorMessage(), false};
        forgetBeyondBudget(path);
        Q_EMIT finished(path);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path] { return Spectrogram::fromFile(path); }));
}

void SpectrogramStore::forgetBeyondBudget(const QString& keep)
{
    auto bytes = [this] {
        qint64 total = 0;
        for (const Entry& e : std::as_const(m_entries))
            total += e.state.data ? e.state.data->bytes() : 0;
        return total;
    };
    for (qint64 total = bytes(); total > kMaxBytes;) {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->state.data && it.key() != keep && (oldest == m_entries.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        if (oldest == m_entries.end())
            return;
        total -= oldest->state.data->bytes();
        m_entries.erase(oldest);
    }
}

}  // namespace s2a::ui
