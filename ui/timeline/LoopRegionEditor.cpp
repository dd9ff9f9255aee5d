#include "ui/timeline/LoopRegionEditor.h"

#include "ui/timeline/TimelineController.h"
#include "ui/viewmodels/TransportModel.h"

#include "core/model/Project.h"

#include <algorithm>
#include <cmath>

namespace s2a::ui {

LoopRegionEditor::LoopRegionEditor(TransportModel* transport, TimelineController* timeline, core::Project* project,
                                   QObject* parent)
    : QObject(parent), m_transport(transport), m_timeline(timeline), m_project(project)
{
}

void LoopRegionEditor::beginDrag(Part part, qint64 sample)
{
    if (!m_transport || !m_transport->looping() || m_transport->loopEnd() <= m_transport->loopStart())
        return;
    m_part = part;
    m_grab = sample;
    m_startBefore = m_transport->loopStart();
    m_endBefore = m_transport->loopEnd();
    m_dragging = true;
    Q_EMIT draggingChanged();
}

void LoopRegionEditor::dragTo(qint64 sample, int modifiers)
{
    if (!m_dragging)
        return;
    // Loops are heard beat by beat, so the beat grid (not the bar grid section edges use) is the default.
    const bool free = modifiers & Qt::ShiftModifier;
    const auto grid = free ? TimelineController::SnapOff : TimelineController::SnapBeat;
    const qint64 song = m_timeline->songLength();
    const qint64 delta = sample - m_grab;
    const qint64 minLength = std::max<qint64>(
        1, std::llround(free ? kMinFreePixels * m_timeline->samplesPerPixel() : m_timeline->samplesPerBeat()));
    qint64 start = m_startBefore;
    qint64 end = m_endBefore;
    switch (m_part) {
    case StartEdge:
        start = std::clamp<qint64>(m_timeline->snap(m_startBefore + delta, grid), 0, std::max<qint64>(0, end - minLength));
        break;
    case EndEdge:
        end = std::clamp<qint64>(m_timeline->snap(m_endBefore + delta, grid), std::min(song, start + minLength), song);
        break;
    case Whole: {
        // The region keeps its length; its start follows the grid and it stops at the song's ends.
        const qint64 length = m_endBefore - m_startBefore;
        start = std::clamp<qint64>(m_timeline->snap(m_startBefore + delta, grid), 0, std::max<qint64>(0, song - length));
        end = start + length;
        break;
    }
    }
    if (start != m_transport->loopStart() || end != m_transport->loopEnd())
        m_transport->previewLoop(start, end);
}

void LoopRegionEditor::finishDrag()
{
    if (!m_dragging)
        return;
    m_dragging = false;
    const qint64 start = m_transport->loopStart(), end = m_transport->loopEnd();
    if (start != m_startBefore || end != m_endBefore)
        m_project->setLoopRegion(start, end, m_part == Whole ? tr("Move loop") : tr("Resize loop"));
    Q_EMIT draggingChanged();
}

}  // namespace s2a::ui
