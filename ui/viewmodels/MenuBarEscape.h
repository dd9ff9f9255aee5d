#pragma once

#include "WindowEventFilter.h"

#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// Escape closes the open menu of a MenuBar the way a click on its title does, so that the next click on any
// title opens a menu (issue 16.3).
//
// Qt 6.4's MenuBar leaves itself in "popup mode" when a menu closes by Escape while the mouse rests on its
// title (QQuickMenuBarPrivate::onMenuAboutToHide returns early for a hovered title): the next title the mouse
// reaches opens on hover, and the click on it then closes it, so every menu took two clicks. Triggering the
// title instead takes the menu bar's own toggle path, which closes the menu and leaves popup mode.
// Escape in a submenu or in a dialog over the menu is left to them.
class MenuBarEscape : public WindowEventFilter {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickItem* menuBar READ menuBar WRITE setMenuBar NOTIFY menuBarChanged)

public:
    explicit MenuBarEscape(QObject* parent = nullptr);

    QQuickItem* menuBar() const { return m_menuBar; }
    void setMenuBar(QQuickItem* menuBar);

Q_SIGNALS:
    void menuBarChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The title whose menu is open, or null.
    QQuickItem* openTitle() const;

    QPointer<QQuickItem> m_menuBar;
};

}  // namespace s2a::ui
