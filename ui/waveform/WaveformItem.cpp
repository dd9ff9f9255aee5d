#include "ui/waveform/WaveformItem.h"

#include "ui/waveform/PeakStore.h"

#include <QMetaObject>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <set>

namespace s2a::ui {
namespace {

constexpr int kTile = WaveformRenderer::kTileWidth;

}  // namespace

WaveformItem::WaveformItem(QQuickItem* parent) : LaneItem(parent)
{
    connect(&PeakStore::instance(), &PeakStore::finished, this, &WaveformItem::onPeaksFinished);
    connect(&m_samples, &SampleWindowCache::arrived, this, &WaveformItem::onDataArrived);
}

void WaveformItem::sampleRateSet()
{
    m_tiles.clear();
    updateReady();
    scheduleFrame();
}

void WaveformItem::viewMoved()
{
    updateReady();
    scheduleFrame();
}

void WaveformItem::setColour(const QColor& colour)
{
    if (colour == m_colour)
        return;
    m_colour = colour;
    m_tiles.clear();
    Q_EMIT colourChanged();
    scheduleFrame();
}

void WaveformItem::setNormalize(bool normalize)
{
    if (normalize == m_normalize)
        return;
    m_normalize = normalize;
    Q_EMIT normalizeChanged();
    updateDisplayGain();
}

void WaveformItem::updateDisplayGain()
{
    double gain = 1.0;
    if (m_normalize) {
        // The coarsest level holds a few hundred blocks for ten minutes: cheap to scan whenever peaks arrive.
        float peak = 0.0f;
        for (const Clip& clip : m_clips) {
            if (!clip.peaks)
                continue;
            const int level = clip.peaks->levelCount() - 1;
            for (int ch = 0; ch < clip.peaks->channelCount(); ++ch)
                for (const core::PeakBlock& b : clip.peaks->blocks(level, ch))
                    peak = std::max({peak, std::abs(b.min), std::abs(b.max)});
        }
        if (peak > 0.0f)
            gain = std::clamp(0.95 / double(peak), 1.0, kMaxDisplayGain);
    }
    if (gain == m_displayGain)
        return;
    m_displayGain = gain;
    m_tiles.clear();
    Q_EMIT displayGainChanged();
    scheduleFrame();
}

void WaveformItem::reloadClips()
{
    std::vector<LaneClip> lane = parsedClips();
    if (sameClips(m_clips, lane))
        return;  // a binding re-evaluated to the same clips: keep the tiles
    std::vector<Clip> parsed;
    parsed.reserve(lane.size());
    for (LaneClip& c : lane)
        parsed.push_back(Clip{std::move(c), {}, {}, false});

    PeakStore& store = PeakStore::instance();
    std::set<QString> requested;
    for (Clip& clip : parsed) {
        if (clip.path.isEmpty())
            continue;
        // Every clip of the lane, not only the visible ones: a lane holds a handful, and scrolling should find
        // them loaded.
        if (requested.insert(clip.path).second)
            store.request(clip.path);
        const PeakStore::Lookup found = store.lookup(clip.path);
        clip.peaks = found.peaks;
        clip.error = found.error;
        clip.pending = found.pending;
    }
    m_clips = std::move(parsed);
    m_samples.retryFailed();
    m_tiles.clear();
    ++m_dataGeneration;
    updateError();
    updateReady();
    updateDisplayGain();
    scheduleFrame();
}

void WaveformItem::onPeaksFinished(const QString& path)
{
    const PeakStore::Lookup found = PeakStore::instance().lookup(path);
    bool mine = false;
    for (Clip& clip : m_clips) {
        if (clip.path != path)
            continue;
        mine = true;
        clip.peaks = found.peaks;
        clip.error = found.error;
        clip.pending = found.pending;
    }
    if (mine)
        onDataArrived();
}

void WaveformItem::onDataArrived()
{
    ++m_dataGeneration;
    updateError();
    updateReady();
    updateDisplayGain();
    scheduleFrame();
}

void WaveformItem::scheduleFrame()
{
    polish();
    update();
}

WaveformItem::Frame WaveformItem::frame() const
{
    return laneFrame();
}

TileSpec WaveformItem::specFor(const Frame& f, qint64 firstPixel, int width) const
{
    TileSpec spec;
    spec.firstPixel = firstPixel;
    spec.width = width;
    spec.height = f.height;
    spec.samplesPerPixel = f.samplesPerPixel;
    spec.projectRate = sampleRate();
    spec.devicePixelRatio = f.dpr;
    spec.colour = m_colour;
    spec.gain = m_displayGain;
    return spec;
}

std::vector<WaveformClip> WaveformItem::clipsFor(const TileSpec& spec) const
{
    std::vector<WaveformClip> clips;
    clips.reserve(m_clips.size());
    for (const Clip& clip : m_clips) {
        WaveformClip c;
        c.peaks = clip.peaks;
        c.failed = clip.path.isEmpty() || !clip.error.isEmpty();
        c.timelineStart = clip.timelineStart;
        c.sourceStart = clip.sourceStart;
        c.length = clip.length;
        if (const auto range = WaveformRenderer::sampleRange(spec, c)) {
            c.samples = m_samples.find(clip.path, *range);
            if (!c.samples && !m_samples.error(clip.path).isEmpty())
                c.failed = true;
        }
        clips.push_back(c);
    }
    return clips;
}

RenderedTile WaveformItem::renderTile(const Frame& f, qint64 tile) const
{
    const TileSpec spec = specFor(f, tile * kTile, kTile);
    RenderedTile rendered = WaveformRenderer::render(spec, clipsFor(spec));
    rendered.image.setDevicePixelRatio(f.dpr);
    return rendered;
}

void WaveformItem::requestSamples(const Frame& f)
{
    if (!f.valid)
        return;
    // The whole tiles of this frame, so that the off-screen parts of the edge tiles are decoded too.
    const TileSpec spec = specFor(f, f.firstTile * kTile, int((f.lastTile - f.firstTile + 1) * kTile));
    bool needed = false;
    for (const Clip& clip : m_clips) {
        if (!clip.peaks)
            continue;
        WaveformClip c;
        c.peaks = clip.peaks;
        c.timelineStart = clip.timelineStart;
        c.sourceStart = clip.sourceStart;
        c.length = clip.length;
        if (const auto range = WaveformRenderer::sampleRange(spec, c)) {
            m_samples.request(clip.path, *range, clip.peaks->frames());
            needed = true;
        }
    }
    // Zoomed out to the peaks: decoded windows (megabytes each) are not worth keeping for a possible zoom back,
    // which re-reads them in a few milliseconds.
    if (!needed)
        m_samples.clear();
}

void WaveformItem::updatePolish()
{
    prepareFrame();
}

void WaveformItem::prepareFrame()
{
    const Frame f = frame();
    if (!f.valid)
        return;
    if (f.height != m_tileHeight || f.dpr != m_tileDpr) {
        m_tiles.clear();
        m_tileHeight = f.height;
        m_tileDpr = f.dpr;
    }
    // Room for three screens of tiles at least, so that a tall or wide lane never evicts its own frame.
    const qint64 visible = f.lastTile - f.firstTile + 1;
    m_tiles.setMaxBytes(std::max(kTileCacheBytes, 3 * visible * kTile * qint64(f.height) * 4));
    requestSamples(f);

    int rendered = 0;
    for (qint64 tile = f.firstTile; tile <= f.lastTile; ++tile) {
        const TileCache::Key key = TileCache::Key::of(f.samplesPerPixel, tile);
        const TileCache::Tile* cached = m_tiles.find(key);
        if (cached && (cached->complete || cached->dataGeneration == m_dataGeneration))
            continue;
        RenderedTile fresh = renderTile(f, tile);
        m_tiles.insert(key, {std::move(fresh.image), fresh.complete, m_dataGeneration});
        ++rendered;
    }
    if (rendered > 0) {
        m_tilesRendered += rendered;
        Q_EMIT tilesRenderedChanged();
    }
    updateReady();
}

void WaveformItem::paint(QPainter* painter)
{
    // Called by the scene graph with the GUI thread blocked, normally right after updatePolish() has rendered
    // every tile. A tile can still be missing (the first frame after the item entered a window, a lost
    // texture): it is rendered here from the same data, without I/O or new requests.
    const Frame f = frame();
    const int rendered = f.paint(painter, m_tiles, m_dataGeneration, [&](qint64 tile) { return renderTile(f, tile); });
    if (rendered > 0) {
        m_tilesRendered += rendered;
        // Signals belong to the GUI thread, which is blocked now; deliver this one when it resumes.
        QMetaObject::invokeMethod(this, [this] { Q_EMIT tilesRenderedChanged(); }, Qt::QueuedConnection);
    }
}

void WaveformItem::updateReady()
{
    const Frame f = frame();
    requestSamples(f);
    const double viewEnd = viewStart() + std::max(0.0, width()) * samplesPerPixel();
    bool ready = true;
    bool loading = false;
    for (const Clip& clip : m_clips) {
        const double start = double(clip.timelineStart);
        const double end = double(clip.timelineStart + clip.length);
        if (clip.path.isEmpty() || end <= viewStart() || start >= viewEnd)
            continue;
        if (clip.pending) {
            ready = false;
            loading = true;
            break;
        }
        if (!ready || !clip.peaks || !f.valid)
            continue;
        WaveformClip c;
        c.peaks = clip.peaks;
        c.timelineStart = clip.timelineStart;
        c.sourceStart = clip.sourceStart;
        c.length = clip.length;
        const TileSpec spec = specFor(f, f.origin, f.width);
        if (const auto range = WaveformRenderer::sampleRange(spec, c)) {
            if (!m_samples.find(clip.path, *range) && m_samples.error(clip.path).isEmpty())
                ready = false;  // and look on: a later clip may still be loading its peaks
        }
    }
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
    if (ready != m_ready) {
        m_ready = ready;
        Q_EMIT readyChanged();
    }
}

void WaveformItem::updateError()
{
    QStringList messages;
    for (const Clip& clip : m_clips) {
        for (const QString& message : {clip.problem, clip.error, m_samples.error(clip.path)}) {
            if (!message.isEmpty() && !messages.contains(message))
                messages << message;
        }
    }
    const QString error = messages.join(QLatin1Char('\n'));
    if (error != m_errorString) {
        m_errorString = error;
        Q_EMIT errorStringChanged();
    }
}

}  // namespace s2a::ui
