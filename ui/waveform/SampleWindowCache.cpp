#include "ui/waveform/SampleWindowCache.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace s2a::ui {
namespace {

// Reading less than this is not worth a trip to the pool: a 50 ms view still gets a few seconds around it.
constexpr qint64 kMinWindowFrames = 1 << 17;

FrameRange widened(const FrameRange& r, double spans, qint64 minimum, qint64 frames)
{
    const qint64 margin = std::max<qint64>(qint64(double(r.length()) * spans), (minimum - r.length()) / 2);
    return {std::clamp<qint64>(r.first - margin, 0, frames), std::clamp<qint64>(r.last + margin, 0, frames)};
}

}  // namespace

const SampleWindow* SampleWindowCache::find(const QString& path, const FrameRange& range) const
{
    const auto it = m_entries.constFind(path);
    if (it == m_entries.constEnd() || !it->window || !it->window->range().contains(range))
        return nullptr;
    return it->window.get();
}

bool SampleWindowCache::isLoading(const QString& path, const FrameRange& range) const
{
    const auto it = m_entries.constFind(path);
    return it != m_entries.constEnd() && !it->loading.isEmpty() && it->loading.contains(range);
}

QString SampleWindowCache::error(const QString& path) const
{
    const auto it = m_entries.constFind(path);
    return it == m_entries.constEnd() ? QString() : it->error;
}

void SampleWindowCache::request(const QString& path, const FrameRange& visible, qint64 fileFrames)
{
    const FrameRange need{std::clamp<qint64>(visible.first, 0, fileFrames), std::clamp<qint64>(visible.last, 0, fileFrames)};
    if (need.isEmpty())
        return;
    Entry& entry = m_entries[path];
    entry.lastUse = ++m_clock;
    // Comfortable: the held window covers the view with half the margin to spare, so no read yet.
    const FrameRange comfortable = widened(need, kMargin / 2, 0, fileFrames);
    if (entry.window && entry.window->range().contains(comfortable))
        return;
    if (!entry.loading.isEmpty() && entry.loading.contains(need))
        return;
    if (!entry.error.isEmpty() && !entry.window)
        return;  // the file failed; the item reports it and asks again only when its clips change

    const FrameRange want = widened(need, kMargin, kMinWindowFrames, fileFrames);
    entry.loading = want;
    entry.readId = ++m_nextReadId;
    const quint64 readId = entry.readId;
    auto* watcher = new QFutureWatcher<Result<SampleWindow>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, readId] {
        watcher->deleteLater();
        if (watcher->isCanceled())
            return;  // the pool is shutting down with the application
        const auto it = m_entries.find(path);
        if (it == m_entries.end() || it->readId != readId)
            return;  // cleared, or overtaken by a newer read
        it->loading = {};
        Result<SampleWindow> result = watcher->result();
        if (result) {
            it->window = std::make_shared<const SampleWindow>(std::move(result).value());
            it->error.clear();
        } else {
            it->error = result.errorMessage();
        }
        Q_EMIT arrived();
    });
    watcher->setFuture(QtConcurrent::run([path, want] { return RangedAudioReader::read(path, want); }));
    evict();
}

void SampleWindowCache::retryFailed()
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!it->error.isEmpty() && !it->window && it->loading.isEmpty())
            it = m_entries.erase(it);
        else
            ++it;
    }
}

void SampleWindowCache::clear()
{
    m_entries.clear();
}

void SampleWindowCache::evict()
{
    while (m_entries.size() > kMaxFiles) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_entries.erase(oldest);
    }
}

}  // namespace s2a::ui
