// The menu bar as a user drives it in a real window (under xvfb-run): one click opens a menu, always, also
// after another was closed with Escape (issue 16.3), and every menu item that has a shortcut shows it.
#include "AudioFixtures.h"
#include "MainWindowFixture.h"
#include "PopupTestSupport.h"
#include "TextChecks.h"

#include "core/persistence/ProjectBundle.h"
#include "ui/i18n/Translations.h"

#include <QKeySequence>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using namespace s2a::test;

namespace {

QObject* menuBarOf(QQuickWindow* window) { return window->property("menuBar").value<QObject*>(); }

int menuCount(QObject* bar) { return bar->property("count").toInt(); }

QQuickItem* menuBarItem(QObject* bar, int index)
{
    QQuickItem* item = nullptr;
    QMetaObject::invokeMethod(bar, "itemAt", Q_RETURN_ARG(QQuickItem*, item), Q_ARG(int, index));
    return item;
}

QObject* menuOf(QQuickItem* barItem) { return barItem->property("menu").value<QObject*>(); }

bool isOpen(QObject* menu) { return menu->property("opened").toBool(); }

}  // namespace

class MenusTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::initWindowTests();
        QVERIFY(m_dir.isValid());
        m_song = m_dir.filePath(QStringLiteral("Tones.s2a"));
        QVERIFY(core::bundle::save(test::makeSineSong(m_song, 2, 6.0), m_song));
    }

    void oneClickOpensAMenuAfterEscape()
    {
        MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_song)), QString());
        QVERIFY(app.show());
        QObject* bar = menuBarOf(app.window);
        QVERIFY(bar);
        QVERIFY(menuCount(bar) >= 5);
        // Every pair: open the first with a click, close it with Escape, then one click must open the second.
        for (int first = 0; first < menuCount(bar); ++first) {
            for (int second : {first, (first + 2) % menuCount(bar)}) {
                QQuickItem* a = menuBarItem(bar, first);
                QQuickItem* b = menuBarItem(bar, second);
                QVERIFY(a && b);
                click(app.window, a);
                QTRY_VERIFY2(isOpen(menuOf(a)), qPrintable(a->property("text").toString()));
                QTest::keyClick(app.window, Qt::Key_Escape);
                QTRY_VERIFY(!isOpen(menuOf(a)) && !menuOf(a)->property("visible").toBool());
                click(app.window, b);
                QTRY_VERIFY2(isOpen(menuOf(b)), qPrintable(QStringLiteral("%1 after Escape on %2")
                                                               .arg(b->property("text").toString(),
                                                                    a->property("text").toString())));
                QTest::keyClick(app.window, Qt::Key_Escape);
                QTRY_VERIFY(!menuOf(b)->property("visible").toBool());
            }
        }
    }

    // Issue 16.9: menus show their keys, the standard ones (Undo, Save) in this platform's spelling and the
    // editor's single keys (R, S) too.
    void menuItemsShowTheirShortcuts()
    {
        MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_song)), QString());
        QVERIFY(app.show());
        QMap<QString, QString> shown;  // item text without '&' -> its shortcut label
        CHECKED(forEachMenu(app.window, [&](QQuickItem*, QObject* menu) {
            for (QQuickItem* entry : menuItems(menu)) {
                if (!entry->property("shortcutText").isValid())
                    continue;
                const QString text = entry->property("text").toString().remove(QLatin1Char('&'));
                shown.insert(text, entry->property("shortcutText").toString());
                // The label is drawn: visible and wide enough for its text.
                for (QQuickItem* label : findItems(entry, QStringLiteral("shortcutLabel")))
                    if (!shown[text].isEmpty())
                        QVERIFY(label->isVisible() && label->width() >= label->implicitWidth() - 0.5);
            }
        }));
        QCOMPARE(shown.value(QStringLiteral("Undo")), QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText));
        QCOMPARE(shown.value(QStringLiteral("Save")), QStringLiteral("Ctrl+S"));
        QCOMPARE(shown.value(QStringLiteral("Save As…")), QStringLiteral("Ctrl+Shift+S"));
        QCOMPARE(shown.value(QStringLiteral("Regenerate Section")), QStringLiteral("R"));
        QCOMPARE(shown.value(QStringLiteral("Split at Playhead")), QStringLiteral("S"));
        QCOMPARE(shown.value(QStringLiteral("Keyboard Shortcuts")), QStringLiteral("F1"));
        QCOMPARE(shown.value(QStringLiteral("New Empty Song")), QString());  // none, and none made up
    }

    // Issue 16.9: no menu item's text is cut off, also an output device name as long as the ones ALSA lists. The
    // long name is added to the Audio menu as its Instantiator adds a device (this machine has no sound card).
    void noMenuItemIsCutOff()
    {
        MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_song)), QString());
        QVERIFY(app.show());
        QObject* audio = app.window->findChild<QObject*>(QStringLiteral("audioMenu"));
        QVERIFY(audio);
        QQmlComponent component(qmlEngine(app.window));
        // Beside Main.qml, so that the module's own types resolve as they do there.
        component.setData("ShortcutMenuItem { checkable: true; checked: true }",
                          qmlContext(app.window)->baseUrl().resolved(QUrl(QStringLiteral("DeviceProbe.qml"))));
        QObject* device = component.create(qmlContext(app.window));
        QVERIFY2(device, qPrintable(component.errorString()));
        const QString longName = QStringLiteral("HDA Intel PCH: ALC3246 Analog (hw:0,0) (ALSA)");
        device->setProperty("text", longName);
        QVERIFY(QMetaObject::invokeMethod(audio, "insertItem", Q_ARG(int, 0), Q_ARG(QQuickItem*, qobject_cast<QQuickItem*>(device))));

        QStringList cut, seen;
        CHECKED(forEachMenu(app.window, [&](QQuickItem*, QObject* menu) {
            for (QQuickItem* entry : menuItems(menu)) {
                forEachVisibleText(entry, [&seen](QQuickItem* text, QRectF) { seen << text->property("text").toString(); });
                cut << cutOffTexts(entry);
            }
        }));
        QVERIFY2(seen.contains(longName), qPrintable(seen.join(QLatin1Char('|'))));
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
        delete device;
    }

private:
    QTemporaryDir m_dir;
    QString m_song;
};

QTEST_MAIN(MenusTest)
#include "tst_menus.moc"
