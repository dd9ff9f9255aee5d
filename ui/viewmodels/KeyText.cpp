#include "KeyText.h"

#include <QKeySequence>

namespace s2a::ui {

QString KeyText::of(const QVariant& shortcut)
{
    if (!shortcut.isValid() || shortcut.isNull())
        return {};
    if (shortcut.typeId() == QMetaType::QString)
        return QKeySequence(shortcut.toString()).toString(QKeySequence::NativeText);
    bool number = false;
    const int key = shortcut.toInt(&number);
    if (!number || key <= QKeySequence::UnknownKey)
        return {};
    const QList<QKeySequence> bindings = QKeySequence::keyBindings(QKeySequence::StandardKey(key));
    return bindings.isEmpty() ? QString() : bindings.constFirst().toString(QKeySequence::NativeText);
}

}  // namespace s2a::ui
