// s2a-studio [Song.s2a]: opens the editor window on a song; with no argument, on the demo song (made by the
// arranger on first run, so a new user hears something at once).
#include "inference/model/ProcessTuning.h"
#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectDocument.h"
#include "core/playback/PlaybackController.h"
#include "inference/InferenceRuntime.h"
#include "inference/arranger/DemoSong.h"
#include "ui/i18n/Translations.h"
#include "ui/settings/AudioSettings.h"
#include "ui/settings/GeneralSettings.h"
#include "ui/viewmodels/DocumentController.h"
#include "ui/timeline/EditorController.h"
#include "ui/viewmodels/EngineSettings.h"
#include "ui/viewmodels/ExportModel.h"
#include "ui/viewmodels/GenerationQueueModel.h"
#include "ui/viewmodels/NewSongModel.h"
#include "ui/viewmodels/TransportModel.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

int main(int argc, char* argv[])
{
    s2a::model::reexecWithTunedEnvironment(argv);  // before anything starts OpenMP (ProcessTuning.h)
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("S2A Studio"));
    QGuiApplication::setOrganizationName(QStringLiteral("S2A"));
    QGuiApplication::setApplicationVersion(QStringLiteral(S2A_VERSION));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/s2a-studio.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("s2a-studio"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    s2a::ui::installTranslations(app, s2a::ui::GeneralSettings::storedLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Structure-guided music generation and editing"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("song"),
                                 QObject::tr("A song to open (a .s2a folder), or an audio file to import and analyse."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QObject::tr("Save a picture of the window to <file> once the song is open, then quit."),
                                        //: The value of --screenshot, as --help shows it: <file>
                                        QObject::tr("file"));
    parser.addOption(screenshot);
    parser.process(app);

    s2a::core::ProjectDocument document;
    s2a::ui::DocumentController controller(&document, s2a::inference::probeRuntime().description);
    s2a::ui::GeneralSettings generalSettings(&document);
    s2a::core::PlaybackController playback;
    s2a::ui::AudioSettings audioSettings(&playback);
    // The output chosen in Settings; without a device the window says so and offers Retry.
    const QString audioNotice = audioSettings.restore();
    s2a::ui::TransportModel transport(&document, &playback);
    s2a::ui::ExportModel exporter(&document);
    s2a::ui::EditorController editor(&document, &transport);
    s2a::ui::GenerationQueueModel queue(&document);
    s2a::ui::NewSongModel newSong(&document);
    s2a::ui::EngineSettings engineSettings(queue.worker());

    QString startupError;
    QFutureWatcher<QString> demo;
    using s2a::inference::arranger::demoSongPath;
    if (!parser.positionalArguments().isEmpty()) {
        startupError = controller.openOrImport(QUrl::fromLocalFile(parser.positionalArguments().constFirst()));
    } else if (QFileInfo::exists(s2a::core::bundle::projectFile(demoSongPath()))) {
        startupError = controller.open(QUrl::fromLocalFile(demoSongPath()));
    } else {
        controller.setActivity(QObject::tr("Preparing the demo song…"));
        demo.setFuture(QtConcurrent::run([path = demoSongPath()] {
            s2a::inference::SimpleJobControl job;
            return s2a::inference::arranger::createDemoSong(path, job).errorMessage();
        }));
    }

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&controller)},
                                 {QStringLiteral("transport"), QVariant::fromValue(&transport)},
                                 {QStringLiteral("exporter"), QVariant::fromValue(&exporter)},
                                 {QStringLiteral("editor"), QVariant::fromValue(&editor)},
                                 {QStringLiteral("queue"), QVariant::fromValue(&queue)},
                                 {QStringLiteral("newSong"), QVariant::fromValue(&newSong)},
                                 {QStringLiteral("engineSettings"), QVariant::fromValue(&engineSettings)},
                                 {QStringLiteral("audioSettings"), QVariant::fromValue(&audioSettings)},
                                 {QStringLiteral("generalSettings"), QVariant::fromValue(&generalSettings)}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
                     Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/S2A/Ui/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    QObject* window = engine.rootObjects().constFirst();
    auto showError = [window](const QString& message) {
        QMetaObject::invokeMethod(window, "showError", Q_ARG(QVariant, message));
    };
    QObject::connect(&demo, &QFutureWatcher<QString>::finished, &app, [&] {
        controller.setActivity({});
        const QString error = demo.result();
        if (!error.isEmpty())
            showError(QObject::tr("The demo song could not be made: %1").arg(error));
        else if (document.isUntitled() && !document.isModified())
            showError(controller.open(QUrl::fromLocalFile(demoSongPath())));
    });
    if (!audioNotice.isEmpty())
        startupError = startupError.isEmpty() ? audioNotice : startupError + QLatin1Char('\n') + audioNotice;
    if (!startupError.isEmpty())
        showError(startupError);
    else
        controller.offerRecoveries();
    if (parser.isSet(screenshot)) {
        // For documentation and for checking a machine's set-up: wait until the demo (if any) is ready.
        auto* timer = new QTimer(&app);
        QObject::connect(timer, &QTimer::timeout, &app, [&, timer] {
            if (demo.isRunning())
                return;
            timer->stop();
            QTimer::singleShot(500, &app, [&] {
                auto* quickWindow = qobject_cast<QQuickWindow*>(window);
                const bool saved = quickWindow && quickWindow->grabWindow().save(parser.value(screenshot));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        });
        timer->start(100);
    }
    const int status = app.exec();
    demo.waitForFinished();
    return status;
}
