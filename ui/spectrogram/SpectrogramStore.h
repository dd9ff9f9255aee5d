#pragma once

#include "ui/spectrogram/Spectrogram.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

namespace s2a::ui {

// The spectrograms of the process, keyed by absolute file path, each computed once on the store's own thread
// (decoding and an STFT: about a second per stem-minute on one core) however many lanes show it. Only lanes
// switched to the spectrogram view ask, so a song that is never looked at this way costs nothing. A file is
// never rewritten (bundle audio is content-addressed), so a result stays valid; the store forgets the least
// recently asked ones beyond its byte budget (lanes keep their own reference).
//
// GUI thread only: results arrive through QFutureWatcher on the thread that asked.
class SpectrogramStore : public QObject {
    Q_OBJECT
public:
    struct Lookup {
        SharedSpectrogram data;  // set once computed
        QString error;           // the file could not be decoded
        bool pending = false;
    };

    static SpectrogramStore& instance();

    Lookup lookup(const QString& path) const { return m_entries.value(path).state; }
    // Starts computing `path` unless it is done or under way (a failure is tried again).
    void request(const QString& path);
    // The pool the work queues on: tests hold it busy to see a lane while its spectrogram is on its way.
    QThreadPool* pool() { return &m_pool; }

Q_SIGNALS:
    void finished(const QString& path);

private:
    explicit SpectrogramStore(QObject* parent);
    void forgetBeyondBudget(const QString& keep);

    struct Entry {
        Lookup state;
        quint64 lastUse = 0;
    };
    static constexpr qint64 kMaxBytes = qint64(256) << 20;  // ~9 hours of audio
    QThreadPool m_pool;
    QHash<QString, Entry> m_entries;
    quint64 m_clock = 0;
};

}  // namespace s2a::ui
