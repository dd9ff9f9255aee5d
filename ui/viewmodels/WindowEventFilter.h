#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>

namespace s2a::ui {

// Base of the helpers that watch a window's input before its items see it (KeyboardFocusGuard,
// MenuBarEscape): installs the subclass's eventFilter() on the window an item is shown in, and follows the
// item when it moves to another window.
class WindowEventFilter : public QObject {
    Q_OBJECT

protected:
    explicit WindowEventFilter(QObject* parent = nullptr) : QObject(parent) {}

    // Watches `item`'s window from now on (none for null).
    void follow(QQuickItem* item);
    QQuickWindow* watchedWindow() const { return m_window; }

private:
    void watch(QQuickWindow* window);

    QPointer<QQuickItem> m_item;
    QPointer<QQuickWindow> m_window;
};

}  // namespace s2a::ui
