#pragma once

// Finding, checking and driving popups (dialogs, Qt's file dialogs) in a test window: what they show lives in
// the window's overlay, not under the object that opened them.
#include "MainWindowFixture.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QMap>
#include <QRegularExpression>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQuickTest/quicktest.h>
#include <QtTest>

#include <cstdlib>
#include <functional>

// Helpers that verify report failure through QTest; the caller stops when one failed.
#define CHECKED(call)                      \
    do {                                   \
        call;                              \
        if (QTest::currentTestFailed())    \
            return;                        \
    } while (false)

namespace s2a::test {

// The popup an item belongs to: its ancestor whose parent is the window's overlay.
inline QQuickItem* popupOf(QQuickItem* item)
{
    while (item && item->parentItem() && !QByteArray(item->parentItem()->metaObject()->className()).startsWith("QQuickOverlay"))
        item = item->parentItem();
    return item && item->parentItem() ? item : nullptr;
}

// True once the popup that `popupItem` shows has opened (its enter transition is over) and the window has laid
// it out (a DialogButtonBox places its buttons at its next polish): only then are buttons where a click aims.
inline bool isOpened(QQuickItem* popupItem)
{
    return popupItem && popupItem->parent() && popupItem->parent()->property("opened").toBool()
        && !QQuickTest::qIsPolishScheduled(popupItem->window());
}

inline QQuickItem* popupOf(QObject* controlsPopup)
{
    return popupOf(controlsPopup->property("contentItem").value<QQuickItem*>());
}

// The visible item named `name` (Qt's dialog implementations name their parts), or null.
inline QQuickItem* visibleItem(QQuickWindow* window, const QString& name)
{
    for (QQuickItem* item : findItems(window->contentItem(), name))
        if (item->isVisible())
            return item;
    return nullptr;
}

// The visible buttons under `root`, by text (without the mnemonic's '&').
inline QMap<QString, QQuickItem*> buttons(QQuickItem* root)
{
    QMap<QString, QQuickItem*> found;
    if (!root || !root->isVisible())
        return found;
    if (root->inherits("QQuickAbstractButton"))
        found.insert(root->property("text").toString().remove(QLatin1Char('&')), root);
    for (QQuickItem* child : root->childItems())
        found.insert(buttons(child));
    return found;
}

inline QQuickItem* button(QQuickItem* root, const QString& text)
{
    const QMap<QString, QQuickItem*> all = buttons(root);
    if (!all.contains(text))
        qWarning() << "no button" << text << "among" << all.keys();
    return all.value(text);
}

// Drawn, not merely visible: in a grab of the window, the popup's area shows the dialog's surface (the window
// palette's colour covers a good part of it) and things drawn on it (text, frames, buttons).
inline void verifyDrawn(QQuickWindow* window, QQuickItem* popup, const QString& what)
{
    QVERIFY2(popup && popup->isVisible() && popup->width() > 50 && popup->height() > 50, qPrintable(what));
    const QImage image = window->grabWindow();
    QVERIFY2(!image.isNull(), qPrintable(what));
    if (const QByteArray dir = qgetenv("S2A_SCREENSHOT_DIR"); !dir.isEmpty())  // to look at, as other GUI tests do
        image.save(QDir(QString::fromLocal8Bit(dir)).filePath(QString(what).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.]+")), QStringLiteral("-")) + QStringLiteral(".png")));
    const QRectF area(popup->mapToScene(QPointF(0, 0)), popup->size());
    // The window's palette (Main.qml sets a dark one) colours every dialog's background.
    QObject* palette = window->property("palette").value<QObject*>();
    QVERIFY2(palette, qPrintable(what));
    const QColor surface = palette->property("window").value<QColor>();
    const qreal dpr = image.devicePixelRatio();
    int onSurface = 0, other = 0;
    for (int y = int(area.top()) + 2; y < int(area.bottom()) - 2; y += 2)
        for (int x = int(area.left()) + 2; x < int(area.right()) - 2; x += 2) {
            const QColor c = image.pixelColor(int(x * dpr), int(y * dpr));
            const bool isSurface = std::abs(c.red() - surface.red()) <= 2 && std::abs(c.green() - surface.green()) <= 2
                                && std::abs(c.blue() - surface.blue()) <= 2;
            (isSurface ? onSurface : other)++;
        }
    const int total = onSurface + other;
    QVERIFY2(onSurface > total / 5 && other > total / 50,
             qPrintable(QStringLiteral("%1: %2 of %3 samples on the dialog's surface").arg(what).arg(onSurface).arg(total)));
}

// Opens each menu of the window's menu bar in turn with a click, as a user does, and calls `visit` with its title
// item and the menu once it is open and laid out; then closes it with Escape.
inline void forEachMenu(QQuickWindow* window, const std::function<void(QQuickItem* title, QObject* menu)>& visit)
{
    QObject* bar = window->property("menuBar").value<QObject*>();
    QVERIFY(bar);
    for (int i = 0; i < bar->property("count").toInt(); ++i) {
        QQuickItem* title = nullptr;
        QMetaObject::invokeMethod(bar, "itemAt", Q_RETURN_ARG(QQuickItem*, title), Q_ARG(int, i));
        QVERIFY(title);
        QObject* menu = title->property("menu").value<QObject*>();
        click(window, title);
        QTRY_VERIFY2(menu->property("opened").toBool() && !QQuickTest::qIsPolishScheduled(window),
                     qPrintable(title->property("text").toString()));
        visit(title, menu);
        if (QTest::currentTestFailed())
            return;
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!menu->property("visible").toBool());
    }
}

// A menu's items, in order.
inline QList<QQuickItem*> menuItems(QObject* menu)
{
    QList<QQuickItem*> items;
    for (int k = 0; k < menu->property("count").toInt(); ++k) {
        QQuickItem* entry = nullptr;
        QMetaObject::invokeMethod(menu, "itemAt", Q_RETURN_ARG(QQuickItem*, entry), Q_ARG(int, k));
        if (entry)
            items << entry;
    }
    return items;
}

// Types text into the item with keyboard focus (QTest::keyClicks takes widgets only).
inline void type(QQuickWindow* window, const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

}  // namespace s2a::test
