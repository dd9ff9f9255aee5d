#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace s2a::core {
class Project;
}

namespace s2a::ui {

class TimelineController;
class TransportModel;

// Dragging the loop region on the ruler: its start edge, its end edge, or the whole region. The region lives in
// the transport (playback wraps there); this turns mouse positions into a new region snapped to the beat grid
// (Shift: free) while the drag runs (TransportModel::previewLoop), and saves it in the song when it ends: one
// undo step, so Ctrl+Z restores the region as it was before the drag, however many moves the drag made.
class LoopRegionEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the editor")
    Q_PROPERTY(bool dragging READ dragging NOTIFY draggingChanged)

public:
    enum Part { StartEdge, EndEdge, Whole };
    Q_ENUM(Part)

    // A free (Shift) edge stops this many pixels short of the other: a narrower loop could not be grabbed again.
    static constexpr double kMinFreePixels = 4.0;

    LoopRegionEditor(TransportModel* transport, TimelineController* timeline, core::Project* project,
                     QObject* parent = nullptr);

    bool dragging() const { return m_dragging; }
    // Starts a drag of `part` grabbed at `sample` (project samples). Refused while the transport has no loop.
    Q_INVOKABLE void beginDrag(s2a::ui::LoopRegionEditor::Part part, qint64 sample);
    // Moves the grabbed part so that the grab point follows `sample`; `modifiers` are Qt::KeyboardModifiers.
    Q_INVOKABLE void dragTo(qint64 sample, int modifiers = 0);
    // Ends the drag: a changed region becomes one undo step, an unchanged one none.
    Q_INVOKABLE void finishDrag();

Q_SIGNALS:
    void draggingChanged();

private:
    TransportModel* m_transport;
    TimelineController* m_timeline;
    core::Project* m_project;
    bool m_dragging = false;
    Part m_part = Whole;
    qint64 m_grab = 0;
    qint64 m_startBefore = 0;
    qint64 m_endBefore = 0;
};

}  // namespace s2a::ui
