#pragma once

#include <QPointer>
#include <QUndoCommand>

namespace s2a::ui {

class TransportModel;

// One loop-region edit on the song's undo stack, beside the song's own edits, so that Ctrl+Z walks back through
// both in the order they were made. It keeps the region before and after; undo and redo set the transport's
// region (and turn looping on: undoing a loop edit shows the loop it restores).
class LoopRegionCommand : public QUndoCommand {
public:
    struct Region {
        qint64 start = 0;
        qint64 end = 0;
    };

    LoopRegionCommand(TransportModel* transport, Region before, Region after, const QString& text);
    void redo() override;
    void undo() override;

private:
    // The transport outlives every command in practice; a QPointer keeps a late undo from touching a dead one.
    QPointer<TransportModel> m_transport;
    Region m_before;
    Region m_after;
};

}  // namespace s2a::ui
