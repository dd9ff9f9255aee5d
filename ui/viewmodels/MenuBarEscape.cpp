#include "MenuBarEscape.h"

#include <QKeyEvent>
#include <QQuickWindow>

namespace s2a::ui {

namespace {

bool menuVisible(const QObject* title)
{
    const QObject* menu = title ? title->property("menu").value<QObject*>() : nullptr;
    return menu && menu->property("visible").toBool();
}

// Popups open in the window: their items are the visible children of the window's overlay.
int visiblePopups(QQuickWindow* window)
{
    int count = 0;
    for (const QQuickItem* child : window->contentItem()->childItems())
        if (child->inherits("QQuickOverlay"))
            for (const QQuickItem* popup : child->childItems())
                count += popup->isVisible() && popup->inherits("QQuickPopupItem") ? 1 : 0;
    return count;
}

}  // namespace

MenuBarEscape::MenuBarEscape(QObject* parent) : WindowEventFilter(parent) {}

void MenuBarEscape::setMenuBar(QQuickItem* menuBar)
{
    if (m_menuBar == menuBar)
        return;
    m_menuBar = menuBar;
    follow(menuBar);
    Q_EMIT menuBarChanged();
}

QQuickItem* MenuBarEscape::openTitle() const
{
    const int count = m_menuBar->property("count").toInt();
    for (int i = 0; i < count; ++i) {
        QQuickItem* title = nullptr;
        QMetaObject::invokeMethod(m_menuBar, "itemAt", Q_RETURN_ARG(QQuickItem*, title), Q_ARG(int, i));
        if (menuVisible(title))
            return title;
    }
    return nullptr;
}

bool MenuBarEscape::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != watchedWindow() || !m_menuBar || event->type() != QEvent::KeyPress
        || static_cast<QKeyEvent*>(event)->key() != Qt::Key_Escape)
        return false;
    QQuickItem* title = openTitle();
    if (!title || visiblePopups(watchedWindow()) != 1)
        return false;
    QMetaObject::invokeMethod(title, "triggered");  // the menu bar's own toggle: close, leave popup mode
    return true;
}

}  // namespace s2a::ui
