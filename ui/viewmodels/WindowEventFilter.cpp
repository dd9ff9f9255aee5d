#include "WindowEventFilter.h"

namespace s2a::ui {

void WindowEventFilter::follow(QQuickItem* item)
{
    if (m_item)
        disconnect(m_item, &QQuickItem::windowChanged, this, &WindowEventFilter::watch);
    m_item = item;
    if (m_item)
        connect(m_item, &QQuickItem::windowChanged, this, &WindowEventFilter::watch);
    watch(m_item ? m_item->window() : nullptr);
}

void WindowEventFilter::watch(QQuickWindow* window)
{
    if (m_window == window)
        return;
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
}

}  // namespace s2a::ui
