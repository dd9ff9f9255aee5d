#pragma once

#include "ui/waveform/SampleWindow.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

namespace s2a::ui {

// The decoded sample windows one waveform item draws from at sample-level zoom, at most one per file and a few
// files in all. Reads run on a pool thread (a window is up to a few million frames, too slow for a frame);
// a new one starts before the held window runs out, so that scrolling at sample zoom keeps finding samples.
//
// GUI thread only, apart from find(), which only reads and is safe while the GUI thread waits (paint()).
class SampleWindowCache : public QObject {
    Q_OBJECT
public:
    // A lane shows two or three clips at most at sample zoom (sections are seconds long, a sample-zoom view
    // is at most a few seconds wide), and a window can reach 10 MB, so few are kept.
    static constexpr int kMaxFiles = 3;
    // Windows are read with this much more than what is visible on each side (in visible spans), and renewed
    // once less than half of that margin is left: at 8 px per frame that is a second ahead of the edge.
    static constexpr double kMargin = 0.5;

    explicit SampleWindowCache(QObject* parent = nullptr) : QObject(parent) {}

    // The held window of `path` if it covers `range`, else null.
    const SampleWindow* find(const QString& path, const FrameRange& range) const;
    // Makes sure `visible` (clamped to [0, fileFrames)) is, or will be, held: starts a read when the held window
    // does not cover it with some margin and no read in flight does.
    void request(const QString& path, const FrameRange& visible, qint64 fileFrames);
    // True while a read of `path` that `range` waits for is in flight.
    bool isLoading(const QString& path, const FrameRange& range) const;
    QString error(const QString& path) const;
    // Forgets failed reads so that the next request tries again (the item calls it when its clips change).
    void retryFailed();
    void clear();

Q_SIGNALS:
    void arrived();

private:
    struct Entry {
        std::shared_ptr<const SampleWindow> window;
        FrameRange loading;        // empty when no read is in flight
        quint64 readId = 0;        // the latest read: an older one that finishes later is dropped
        QString error;
        quint64 lastUse = 0;
    };
    void evict();

    QHash<QString, Entry> m_entries;
    quint64 m_clock = 0;
    quint64 m_nextReadId = 0;
};

}  // namespace s2a::ui
