#pragma once

// Checks over the texts a window shows: text that is cut off (tst_editor_gui in English, tst_translations in
// German) and a walk over every visible text item (tst_translations' pseudo-localisation).
#include <QQuickItem>
#include <QRectF>
#include <QStringList>
#include <QtTest>

#include <algorithm>
#include <functional>

namespace s2a::test {

// Calls `visit` for every visible text item under `root`, skipping the subtrees of `skip` (and of hidden or
// transparent items). `popup`: the box of the popup the item lies in, in scene coordinates (null outside one).
inline void forEachVisibleText(QQuickItem* root, const std::function<void(QQuickItem* text, QRectF popup)>& visit,
                               const QQuickItem* skip = nullptr, QRectF popup = QRectF())
{
    if (!root->isVisible() || root->opacity() == 0.0 || root == skip)
        return;
    if (root->inherits("QQuickPopupItem"))
        popup = QRectF(root->mapToScene(QPointF(0, 0)), root->size());
    if (root->inherits("QQuickText"))
        visit(root, popup);
    for (QQuickItem* child : root->childItems())
        forEachVisibleText(child, visit, skip, popup);
}

// Every visible text under `root` that is cut off: elided, wider than its box while it neither elides nor wraps,
// or running past the edge of its popup. `skip`: a subtree whose texts elide by design (the section lane's
// block captions). One line per text, saying how it is cut.
inline QStringList cutOffTexts(QQuickItem* root, const QQuickItem* skip = nullptr)
{
    QStringList cut;
    forEachVisibleText(root, [&cut](QQuickItem* item, QRectF popup) {
        const QString text = item->property("text").toString();
        if (!popup.isNull()) {
            const QRectF box(item->mapToScene(QPointF(0, 0)), QSizeF(std::min(item->width(), item->implicitWidth()), 1));
            if (box.right() > popup.right() + 1.0)
                cut << QStringLiteral("\"%1\" runs %2 px past its dialog").arg(text).arg(box.right() - popup.right());
        }
        if (item->property("truncated").toBool())
            cut << QStringLiteral("\"%1\" (%2)").arg(text, item->objectName());
        // Text that neither elides nor wraps and is wider than its box runs past it.
        if (item->property("elide").toInt() == 0 && item->property("wrapMode").toInt() == 0 && item->width() > 0
            && item->implicitWidth() > item->width() + 1.0)
            cut << QStringLiteral("\"%1\" runs %2 px past its box").arg(text).arg(item->implicitWidth() - item->width());
    }, skip);
    return cut;
}

// The window sizes the cut-off checks run at, as a data function's rows (column "size"): the window's default and
// the smallest it is made for.
inline void addWindowSizes()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("default 1280x800") << QSize(1280, 800);
    QTest::newRow("1280x720") << QSize(1280, 720);
}

}  // namespace s2a::test
