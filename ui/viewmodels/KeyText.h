#pragma once

#include <QObject>
#include <QString>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// How a shortcut reads on this platform ("Ctrl+Z"), for menus to show beside their items. QML holds an Action's
// shortcut as a string or as a QKeySequence::StandardKey number, and has no way to spell the latter.
class KeyText : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit KeyText(QObject* parent = nullptr) : QObject(parent) {}

    // `shortcut`: a key sequence string ("Ctrl+Shift+S", "F1") or a StandardKey value; empty when it is neither
    // or the platform binds no key to it.
    Q_INVOKABLE static QString of(const QVariant& shortcut);
};

}  // namespace s2a::ui
