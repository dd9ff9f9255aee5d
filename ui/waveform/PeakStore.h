#pragma once

#include "core/audio/PeakCache.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

namespace s2a::ui {

// The peak pyramids of every waveform in the process, keyed by absolute file path. Each file is loaded once
// (PeakCache::requestAsync: the on-disk cache, or a build on a pool thread) however many items show it, and
// concurrent requests share one load. Audio files in a bundle are content-addressed and never rewritten, so a
// loaded pyramid stays valid; the store is bounded by bytes and forgets least recently requested ones first
// (items keep their own reference, so forgetting never blanks a waveform on screen).
//
// GUI thread only: results arrive through QFutureWatcher on the thread that made the request.
//
// Loads run on the store's own pool of two threads, not the global one: opening a 16-stem song starts sixteen
// loads (mostly file decoding), and on the global pool they would queue ahead of the playback plan build and
// of exports, so the first Space press would wait for every waveform. (PeakPyramid::build still spreads each
// build over the global pool, safely from any thread: see core/util/Parallel.h.)
class PeakStore : public QObject {
    Q_OBJECT
public:
    struct Lookup {
        core::SharedPeaks peaks;  // set once loaded
        QString error;            // set when the load failed: a sentence naming the file
        bool pending = false;     // a load is in flight
    };

    // The store of this process, owned by the application object (created on first use).
    static PeakStore& instance();

    Lookup lookup(const QString& path) const;
    // Starts loading `path` unless it is loaded or loading. A path that failed is tried again: the file may have
    // appeared since (a take being written), and callers only ask again when their clips change.
    void request(const QString& path);
    // Forgets every loaded pyramid and failure (benchmarks and tests measure cold starts with it). Loads in
    // flight still complete and notify.
    void clear();

    void setMaxBytes(qint64 bytes);
    qint64 bytes() const { return m_bytes; }
    // Loads started since creation: lets tests check that concurrent requests share one load.
    int loadsStarted() const { return m_loadsStarted; }
    // The pool loads queue on: tests hold its threads busy to see a lane while its peaks are on their way.
    QThreadPool* pool() { return &m_pool; }

Q_SIGNALS:
    // A load of `path` finished, with peaks or with an error; lookup() has the result.
    void finished(const QString& path);

private:
    explicit PeakStore(QObject* parent);
    void onFinished(const QString& path, Result<core::SharedPeaks> result);
    void evict(const QString& keep);
    static qint64 bytesOf(const core::PeakPyramid& peaks);

    struct Entry {
        Lookup state;
        quint64 lastUse = 0;
    };
    QThreadPool m_pool;
    QHash<QString, Entry> m_entries;
    quint64 m_clock = 0;
    qint64 m_bytes = 0;
    qint64 m_maxBytes = qint64(512) << 20;
    int m_loadsStarted = 0;
};

}  // namespace s2a::ui
