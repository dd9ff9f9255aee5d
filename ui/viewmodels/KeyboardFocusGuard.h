#pragma once

#include "WindowEventFilter.h"

#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// Keeps the keyboard where a musician expects it: with the editor (`home`), so that its single-key shortcuts
// and Space act, except while a text field is being typed into.
//
// - A mouse press outside the text field that has the keyboard ends the edit: the field loses focus (and
//   commits, as the fields do on focus-out) and `home` gets the keys.
// - After a click, a button, slider or other control that took the keyboard gives it back to `home` (Space
//   would press it again). Tab still walks the controls: only mouse clicks hand focus back.
// - Popups (menus, dialogs) keep their own focus.
//
// A window event filter rather than a QML pointer handler: it watches every press before the items do and
// never takes one from them (a TapHandler over the window stopped the boundary drags under it).
class KeyboardFocusGuard : public WindowEventFilter {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickItem* home READ home WRITE setHome NOTIFY homeChanged)

public:
    explicit KeyboardFocusGuard(QObject* parent = nullptr);

    QQuickItem* home() const { return m_home; }
    void setHome(QQuickItem* home);

    // Whether `item` takes typed text (a TextInput or TextEdit, as TextField, TextArea and editable combo and
    // spin boxes are inside).
    static bool takesText(const QQuickItem* item);

Q_SIGNALS:
    void homeChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void returnKeyboardAfterClick();

    QPointer<QQuickItem> m_home;
};

}  // namespace s2a::ui
