// Settings > Generation (also Generate > Engine Settings…): the diffusion engine's device and threads are kept in
// the user's settings, refused when invalid, read back by the engine catalogue, and the dialog edits them.
#include "inference/EngineCatalogue.h"
#include "core/playback/PlaybackController.h"
#include "ui/settings/AudioSettings.h"
#include "ui/settings/GeneralSettings.h"
#include "ui/viewmodels/EngineSettings.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

class EngineSettingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A private settings folder, so the test neither reads nor rewrites the user's own choices.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.path()));
        QCoreApplication::setOrganizationName(QStringLiteral("S2A-test"));
        QCoreApplication::setApplicationName(QStringLiteral("engine-settings"));
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

    void choicesAreKeptAndReadBack()
    {
        s2a::ui::EngineSettings settings(nullptr);
        QCOMPARE(settings.device(), QStringLiteral("auto"));
        QCOMPARE(settings.threads(), 0);
        QVERIFY(settings.devices().contains(QStringLiteral("cpu")));
        QSignalSpy changed(&settings, &s2a::ui::EngineSettings::changed);
        settings.setDevice(QStringLiteral("cpu"));
        settings.setThreads(1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(s2a::inference::diffusionSettings().device, QStringLiteral("cpu"));
        QCOMPARE(s2a::inference::diffusionSettings().threads, 1);
        // Nonsense is refused or clamped; the same value again is no change.
        settings.setDevice(QStringLiteral("tpu"));
        settings.setThreads(1);
        QCOMPARE(changed.count(), 2);
        settings.setThreads(10000);
        QCOMPARE(settings.threads(), settings.maxThreads());
        // A second instance (the next launch) sees the same choices.
        s2a::ui::EngineSettings again(nullptr);
        QCOMPARE(again.device(), QStringLiteral("cpu"));
        QCOMPARE(again.threads(), settings.maxThreads());
        // A one-launch override of the model config is used but never saved by an edit.
        qputenv("S2A_MODEL_CONFIG", "s2a-402m");
        QCOMPARE(s2a::inference::diffusionSettings().config, QStringLiteral("s2a-402m"));
        settings.setDevice(QStringLiteral("auto"));
        settings.setThreads(0);
        qunsetenv("S2A_MODEL_CONFIG");
        QCOMPARE(s2a::inference::diffusionSettings().config, s2a::inference::diffusion::defaultModelConfig());
    }

    void aWarmEngineIsRemadeWhenItsSettingsChange()
    {
        using s2a::inference::engineIdentity;
        s2a::ui::EngineSettings settings(nullptr);
        settings.setDevice(QStringLiteral("auto"));
        const QString before = engineIdentity(QStringLiteral("diffusion"));
        QVERIFY(before.contains(s2a::inference::diffusion::defaultModelConfig()));
        QCOMPARE(engineIdentity(QStringLiteral("diffusion")), before);  // nothing changed: keep it
        settings.setDevice(QStringLiteral("cpu"));
        const QString onCpu = engineIdentity(QStringLiteral("diffusion"));
        QVERIFY(onCpu != before);
        qputenv("S2A_WEIGHTS", QFile::encodeName(m_dir.filePath(QStringLiteral("other.safetensors"))));
        QVERIFY(engineIdentity(QStringLiteral("diffusion")) != onCpu);  // other weights
        qunsetenv("S2A_WEIGHTS");
        QCOMPARE(engineIdentity(QStringLiteral("diffusion")), onCpu);
        settings.setDevice(QStringLiteral("auto"));
        QCOMPARE(engineIdentity(QStringLiteral("arranger")), QStringLiteral("arranger"));
    }

    void dialogEditsTheSettings()
    {
        s2a::ui::EngineSettings settings(nullptr);
        s2a::core::PlaybackController playback;
        s2a::ui::AudioSettings audio(&playback);
        s2a::ui::GeneralSettings general(nullptr);
        QQmlEngine engine;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/S2A/Ui/qml/SettingsDialog.qml")));
        QQuickWindow window;
        window.resize(600, 400);
        std::unique_ptr<QObject> dialog(component.createWithInitialProperties(
            {{QStringLiteral("engine"), QVariant::fromValue(&settings)},
             {QStringLiteral("audio"), QVariant::fromValue(&audio)},
             {QStringLiteral("general"), QVariant::fromValue(&general)},
             {QStringLiteral("runtime"), QStringLiteral("test runtime")}}));
        QVERIFY2(dialog, qPrintable(component.errorString()));
        dialog->setProperty("parent", QVariant::fromValue(window.contentItem()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QMetaObject::invokeMethod(dialog.get(), "openAt", Q_ARG(QVariant, 1)));  // the generation page
        QTRY_VERIFY(dialog->property("opened").toBool());
        // The dialog's contents live under the window's overlay: walk the visual tree.
        std::function<QQuickItem*(QQuickItem*)> find = [&](QQuickItem* root) -> QQuickItem* {
            if (root->objectName() == QLatin1String("threadsChoice"))
                return root;
            for (QQuickItem* child : root->childItems())
                if (QQuickItem* found = find(child))
                    return found;
            return nullptr;
        };
        QQuickItem* threads = find(window.contentItem());
        QVERIFY(threads);
        QVERIFY(QMetaObject::invokeMethod(threads, "increase"));
        QMetaObject::invokeMethod(threads, "valueModified");
        QTRY_COMPARE(settings.threads(), 1);
        settings.setThreads(0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(EngineSettingsTest)
#include "tst_engine_settings.moc"
