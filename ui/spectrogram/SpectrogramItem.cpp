#include "ui/spectrogram/SpectrogramItem.h"

#include "ui/spectrogram/SpectrogramStore.h"

#include <QPainter>

#include <cmath>
#include <set>

namespace s2a::ui {

SpectrogramItem::SpectrogramItem(QQuickItem* parent) : LaneItem(parent)
{
    connect(&SpectrogramStore::instance(), &SpectrogramStore::finished, this, &SpectrogramItem::onFinished);
}

void SpectrogramItem::viewMoved()
{
    updateLoading();
    update();  // tiles are keyed by zoom and place on the grid: scrolling and zooming back reuse them
}

void SpectrogramItem::reloadClips()
{
    std::vector<LaneClip> lane = parsedClips();
    if (sameClips(m_clips, lane))
        return;
    std::vector<Clip> parsed;
    parsed.reserve(lane.size());
    SpectrogramStore& store = SpectrogramStore::instance();
    std::set<QString> requested;
    for (LaneClip& c : lane) {
        const bool unusable = c.path.isEmpty();
        Clip clip{std::move(c), {}, unusable, false};
        if (!unusable) {
            if (requested.insert(clip.path).second)
                store.request(clip.path);
            const SpectrogramStore::Lookup found = store.lookup(clip.path);
            clip.data = found.data;
            clip.failed = !found.error.isEmpty();
            clip.pending = found.pending;
        }
        parsed.push_back(std::move(clip));
    }
    m_clips = std::move(parsed);
    redraw();
}

void SpectrogramItem::onFinished(const QString& path)
{
    const SpectrogramStore::Lookup found = SpectrogramStore::instance().lookup(path);
    bool mine = false;
    for (Clip& clip : m_clips) {
        if (clip.path != path)
            continue;
        mine = true;
        clip.data = found.data;
        clip.failed = !found.error.isEmpty();
        clip.pending = found.pending;
    }
    if (mine) {
        ++m_dataGeneration;  // incomplete tiles are drawn again; complete ones stay
        updateLoading();
        update();
    }
}

void SpectrogramItem::redraw()
{
    m_tiles.clear();
    ++m_dataGeneration;
    updateLoading();
    update();
}

void SpectrogramItem::updateLoading()
{
    const double viewEnd = viewStart() + std::max(0.0, width()) * samplesPerPixel();
    const bool loading = std::any_of(m_clips.begin(), m_clips.end(), [&](const Clip& c) {
        return c.pending && c.overlaps(viewStart(), viewEnd);
    });
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}

void SpectrogramItem::paint(QPainter* painter)
{
    // Runs with the GUI thread blocked, so the clips cannot change underneath; a tile is a table lookup per
    // pixel, cheap enough to draw here.
    const LaneFrame f = laneFrame();
    if (!f.valid)
        return;
    if (f.height != m_tileHeight) {
        m_tiles.clear();  // a tile is as tall as the lane
        m_tileHeight = f.height;
    }
    std::vector<SpectrogramClip> clips;
    for (const Clip& c : m_clips)
        clips.push_back({c.data, c.failed, c.timelineStart, c.sourceStart, c.length});
    f.paint(painter, m_tiles, m_dataGeneration, [&](qint64 tile) {
        TileSpec spec;
        spec.firstPixel = tile * LaneFrame::kTile;
        spec.width = LaneFrame::kTile;
        spec.height = f.height;
        spec.samplesPerPixel = f.samplesPerPixel;
        spec.projectRate = sampleRate();
        spec.devicePixelRatio = f.dpr;
        return SpectrogramRenderer::render(spec, clips);
    });
}

}  // namespace s2a::ui
