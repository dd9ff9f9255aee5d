#include "ui/timeline/LoopRegionCommand.h"

#include "ui/viewmodels/TransportModel.h"

namespace s2a::ui {

LoopRegionCommand::LoopRegionCommand(TransportModel* transport, Region before, Region after, const QString& text)
    : QUndoCommand(text), m_transport(transport), m_before(before), m_after(after)
{
}

void LoopRegionCommand::redo()
{
    if (m_transport)
        m_transport->setLoop(m_after.start, m_after.end);
}

void LoopRegionCommand::undo()
{
    if (m_transport)
        m_transport->setLoop(m_before.start, m_before.end);
}

}  // namespace s2a::ui
