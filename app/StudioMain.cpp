// s2a-studio [Song.s2a]: opens the editor window on a song, or on a new untitled one.
#include "core/persistence/ProjectDocument.h"
#include "inference/InferenceRuntime.h"
#include "ui/i18n/Translations.h"
#include "ui/viewmodels/DocumentController.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("S2A Studio"));
    QGuiApplication::setOrganizationName(QStringLiteral("S2A"));
    QGuiApplication::setApplicationVersion(QStringLiteral(S2A_VERSION));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/s2a-studio.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("s2a-studio"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    s2a::ui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Structure-guided music generation and editing"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("song"), QStringLiteral("A song to open (a .s2a folder)."));
    parser.process(app);

    s2a::core::ProjectDocument document;
    s2a::ui::DocumentController controller(&document, s2a::inference::probeRuntime().description);
    QString startupError;
    if (!parser.positionalArguments().isEmpty())
        startupError = controller.open(QUrl::fromLocalFile(parser.positionalArguments().constFirst()));

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&controller)}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
                     Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/S2A/Ui/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (!startupError.isEmpty())
        QMetaObject::invokeMethod(engine.rootObjects().constFirst(), "showError", Q_ARG(QVariant, startupError));
    else if (document.recoveryAvailable())
        Q_EMIT controller.recoveryOffered();
    return app.exec();
}
