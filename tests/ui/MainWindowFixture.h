#pragma once

// The app's window for GUI tests: the view models the app hands to Main.qml, the real Main.qml in a real window
// (under xvfb-run in the suite), and ways to find and click what it shows.
#include "core/persistence/ProjectDocument.h"
#include "core/playback/PlaybackController.h"
#include "ui/settings/AudioSettings.h"
#include "ui/settings/GeneralSettings.h"
#include "ui/timeline/EditorController.h"
#include "ui/viewmodels/DocumentController.h"
#include "ui/viewmodels/EngineSettings.h"
#include "ui/viewmodels/ExportModel.h"
#include "ui/viewmodels/GenerationQueueModel.h"
#include "ui/viewmodels/NewSongModel.h"
#include "ui/viewmodels/TransportModel.h"
#include "ui/i18n/Translations.h"

#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtTest>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace s2a::test {

// Items a Repeater, a ListView or a popup makes are not QObject children of the view, so findChild() misses
// them: walk the visual tree instead.
inline QList<QQuickItem*> findItems(QQuickItem* root, const QString& name)
{
    QList<QQuickItem*> found;
    if (!root)
        return found;
    if (root->objectName() == name)
        found << root;
    for (QQuickItem* child : root->childItems())
        found += findItems(child, name);
    return found;
}

inline QPoint centreOf(QQuickItem* item)
{
    return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
}

inline void click(QQuickWindow* window, QQuickItem* item)
{
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centreOf(item));
}

// Press, move in 4 px steps (as a hand does), release, with `modifiers` held throughout.
inline void drag(QQuickWindow* window, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(window, Qt::LeftButton, modifiers, from);
    const int steps = std::max(1, std::abs(to.x() - from.x()) / 4);
    for (int i = 1; i <= steps; ++i)
        QTest::mouseEvent(QTest::MouseMove, window, Qt::NoButton, modifiers, from + (to - from) * i / steps);
    QTest::mouseRelease(window, Qt::LeftButton, modifiers, to);
}

// A picture of the window to look at, under the build folder (`scripts/dev screenshots` points
// $S2A_SCREENSHOT_DIR at docs/screenshots to refresh the README's pictures on purpose). False if not written.
inline bool saveScreenshot(QQuickWindow* window, const QString& name, const QString& buildDir)
{
    const QString dir = qEnvironmentVariableIsEmpty("S2A_SCREENSHOT_DIR") ? buildDir + QStringLiteral("/screenshots")
                                                                         : qEnvironmentVariable("S2A_SCREENSHOT_DIR");
    QTest::qWait(100);  // the last change reaches the screen before the grab; not a synchronisation
    return QDir().mkpath(dir) && window->grabWindow().save(dir + QLatin1Char('/') + name);
}

// What every window test sets up first: the app's style (Fusion) and its English texts, which the checks read.
inline void initWindowTests()
{
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
}

struct MainWindow {
    core::ProjectDocument document;
    ui::DocumentController controller{&document, QStringLiteral("test runtime")};
    core::PlaybackController playback;
    ui::TransportModel transport{&document, &playback};
    ui::ExportModel exporter{&document};
    ui::EditorController editor{&document, &transport};
    ui::GenerationQueueModel queue{&document};
    ui::NewSongModel newSong{&document};
    ui::EngineSettings engineSettings{queue.worker()};
    ui::AudioSettings audioSettings{&playback};
    ui::GeneralSettings generalSettings{&document};
    QQmlEngine engine;
    std::unique_ptr<QObject> root;
    QQuickWindow* window = nullptr;

    // Shows the window and waits until it has the keyboard.
    bool show(QSize size = {1400, 860})
    {
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/S2A/Ui/qml/Main.qml")));
        root.reset(component.createWithInitialProperties(
            {{QStringLiteral("document"), QVariant::fromValue(&controller)},
             {QStringLiteral("transport"), QVariant::fromValue(&transport)},
             {QStringLiteral("exporter"), QVariant::fromValue(&exporter)},
             {QStringLiteral("editor"), QVariant::fromValue(&editor)},
             {QStringLiteral("queue"), QVariant::fromValue(&queue)},
             {QStringLiteral("newSong"), QVariant::fromValue(&newSong)},
             {QStringLiteral("engineSettings"), QVariant::fromValue(&engineSettings)},
             {QStringLiteral("audioSettings"), QVariant::fromValue(&audioSettings)},
             {QStringLiteral("generalSettings"), QVariant::fromValue(&generalSettings)}}));
        window = qobject_cast<QQuickWindow*>(root.get());
        if (!window) {
            qWarning() << component.errorString();
            return false;
        }
        window->resize(size);
        window->requestActivate();
        return QTest::qWaitForWindowActive(window);
    }
    QQuickItem* item(const char* name) const
    {
        const QList<QQuickItem*> all = findItems(window->contentItem(), QLatin1String(name));
        return all.isEmpty() ? nullptr : all.constFirst();
    }
    const core::ProjectData& data() const { return document.project()->data(); }
};

}  // namespace s2a::test
