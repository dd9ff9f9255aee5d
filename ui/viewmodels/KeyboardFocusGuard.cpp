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

KeyboardFocusGuard::KeyboardFocusGuard(QObject* parent) : WindowEventFilter(parent) {}

void KeyboardFocusGuard::setHome(QQuickItem* home)
{
    if (m_home == home)
        return;
    m_home = home;
    follow(home);
    Q_EMIT homeChanged();
}

bool KeyboardFocusGuard::takesText(const QQuickItem* item)
{
    return item && (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"));
}

bool KeyboardFocusGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != watchedWindow() || !m_home)
        return false;
    if (event->type() == QEvent::MouseButtonPress) {
        QQuickItem* focused = watchedWindow()->activeFocusItem();
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
    if (!watchedWindow() || !m_home)
        return;
    QQuickItem* focused = watchedWindow()->activeFocusItem();
    if (!focused || focused == m_home || takesText(focused) || inPopup(focused))
        return;
    // Only controls that the click gave the keyboard; the window's content item holds it when nothing does.
    if (focused == watchedWindow()->contentItem())
        return;
    m_home->forceActiveFocus(Qt::MouseFocusReason);
}

}  // namespace s2a::ui
