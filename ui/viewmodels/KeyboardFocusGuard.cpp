#include "KeyboardFocusGuard.h"

#include <QMouseEvent>
#include <QQuickWindow>
#include <QTimer>

namespace s2a::ui {

namespace {

bool inPopup(const QQuickItem* item)
{
    for (const QQuickItem* p = item; p; p = p->parentItem())
        if (p->inherits("QQuickOverlay") || p->inherits("QQuickPopupItem"))
            return true;
    return false;
}

}  // namespace

KeyboardFocusGuard::KeyboardFocusGuard(QObject* parent) : QObject(parent) {}

void KeyboardFocusGuard::setHome(QQuickItem* home)
{
    if (m_home == home)
        return;
    if (m_home)
        disconnect(m_home, nullptr, this, nullptr);
    m_home = home;
    if (m_home) {
        connect(m_home, &QQuickItem::windowChanged, this, &KeyboardFocusGuard::watch);
        watch(m_home->window());
    } else {
        watch(nullptr);
    }
    Q_EMIT homeChanged();
}

bool KeyboardFocusGuard::takesText(const QQuickItem* item)
{
    return item && (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"));
}

void KeyboardFocusGuard::watch(QQuickWindow* window)
{
    if (m_window == window)
        return;
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
}

bool KeyboardFocusGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_window || !m_home)
        return false;
    if (event->type() == QEvent::MouseButtonPress) {
        QQuickItem* focused = m_window->activeFocusItem();
        const QPointF at = static_cast<QMouseEvent*>(event)->scenePosition();
        if (takesText(focused) && !inPopup(focused) && !focused->contains(focused->mapFromScene(at)))
            m_home->forceActiveFocus(Qt::MouseFocusReason);
    } else if (event->type() == QEvent::MouseButtonRelease) {
        // After the items have seen the release (a button takes the keyboard on press or release).
        QTimer::singleShot(0, this, &KeyboardFocusGuard::returnKeyboardAfterClick);
    }
    return false;  // only watching: every event goes on to the items
}

void KeyboardFocusGuard::returnKeyboardAfterClick()
{
    if (!m_window || !m_home)
        return;
    QQuickItem* focused = m_window->activeFocusItem();
    if (!focused || focused == m_home || takesText(focused) || inPopup(focused))
        return;
    // Only controls that the click gave the keyboard; the window's content item holds it when nothing does.
    if (focused == m_window->contentItem())
        return;
    m_home->forceActiveFocus(Qt::MouseFocusReason);
}

}  // namespace s2a::ui
