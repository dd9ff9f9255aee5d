// Every dialog of the window, on the real Main.qml in a real window (under xvfb-run): each opens from its menu
// key or action, is drawn, and Qt's file dialogs are driven as a user drives them (a folder set, an entry
// clicked, a name typed, the accept button clicked), with the effect checked on disk and in the song. First of
// all, Qt's own dialogs must load their non-native implementation: every QML module they import at run time is
// installed (without Qt.labs.folderlistmodel, FileDialog.open() crashed the app; see DialogSupport.h).
#include "AudioFixtures.h"
#include "MainWindowFixture.h"
#include "PopupTestSupport.h"
#include "TestFiles.h"

#include "core/audio/AudioFileWriter.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/arranger/DemoSong.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "ui/i18n/Translations.h"
#include "ui/viewmodels/DialogSupport.h"

#include <QDirIterator>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>
#include <limits>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using namespace s2a::test;

namespace {

// What Qt says when a dialog's non-native implementation cannot load (then, in Qt 6.4, FileDialog crashes).
QStringList g_dialogWarnings;
QtMessageHandler g_previousHandler = nullptr;

void recordDialogWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.contains(QLatin1String("Failed to load non-native")) || message.contains(QLatin1String("is not installed")))
        g_dialogWarnings << message;
    g_previousHandler(type, context, message);
}

QObject* child(QObject* root, const char* name)
{
    QObject* found = root->findChild<QObject*>(QLatin1String(name));
    if (!found)
        qWarning("no object named %s", name);
    return found;
}

}  // namespace

class DialogsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(recordDialogWarnings);
        test::initWindowTests();
        // A private home under the build folder: recent songs, the demo and autosaves of this test go there.
        QVERIFY(m_dir.isValid());
        qputenv("S2A_WEIGHTS", "/nonexistent/model.safetensors");  // New Song uses the (quick) arranger
        for (const char* variable : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"})
            qputenv(variable, QFile::encodeName(m_dir.filePath(QLatin1String(variable))));
        QCoreApplication::setOrganizationName(QStringLiteral("S2A"));
        QCoreApplication::setApplicationName(QStringLiteral("S2A Studio"));
        m_song = m_dir.filePath(QStringLiteral("songs/Tones.s2a"));
        QVERIFY(core::bundle::save(test::makeSineSong(m_song, 2, 6.0), m_song));
    }

    void cleanup()
    {
        QVERIFY2(g_dialogWarnings.isEmpty(), qPrintable(g_dialogWarnings.join(QLatin1Char('\n'))));
    }

    void qtDialogsLoadTheirImplementation()
    {
        QQmlEngine engine;
        // Every module the implementations import resolves (with the module missing this names it)...
        QCOMPARE(ui::DialogSupport::loadErrors(engine), QString());
        QVERIFY(QFile::exists(QStringLiteral(":/qt-project.org/imports/QtQuick/Dialogs/quickimpl/qml/FileDialog.qml")));
        // ... and each dialog, opened, loads it without a warning and shows.
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import QtQuick.Controls
            import QtQuick.Dialogs
            ApplicationWindow {
                width: 900; height: 700; visible: true
                property var dialogs: [openFile, saveFile, folder, message]
                FileDialog { id: openFile }
                FileDialog { id: saveFile; fileMode: FileDialog.SaveFile }
                FolderDialog { id: folder }
                MessageDialog { id: message; text: "?" }
            })", QUrl());
        std::unique_ptr<QObject> root(component.create());
        auto* window = qobject_cast<QQuickWindow*>(root.get());
        QVERIFY2(window, qPrintable(component.errorString()));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        const QVariantList dialogs = root->property("dialogs").toList();
        QCOMPARE(dialogs.size(), 4);
        for (const QVariant& entry : dialogs) {
            QObject* dialog = entry.value<QObject*>();
            QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
            QTRY_VERIFY(dialog->property("visible").toBool());
            QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
            QTRY_VERIFY(!dialog->property("visible").toBool());
        }
        QVERIFY2(g_dialogWarnings.isEmpty(), qPrintable(g_dialogWarnings.join(QLatin1Char('\n'))));
    }

    void everyDialogOpensAndIsDrawn()
    {
        test::MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_song)), QString());
        QVERIFY(app.show());
        QQuickWindow* w = app.window;
        const auto closeWithEscape = [w](QQuickItem* popup) {
            QTest::keyClick(w, Qt::Key_Escape);
            QTRY_VERIFY(!popup->isVisible());
        };

        // Qt's file and folder dialogs: Open (a folder), Save As, Import.
        const struct { Qt::Key key; Qt::KeyboardModifiers modifiers; const char* name; const char* part; } fileDialogs[] = {
            {Qt::Key_O, Qt::ControlModifier, "openDialog", "folderDialogListView"},
            {Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier, "saveAsDialog", "fileNameTextField"},
            {Qt::Key_I, Qt::ControlModifier, "importDialog", "fileDialogListView"},
        };
        for (const auto& d : fileDialogs) {
            QObject* dialog = child(app.root.get(), d.name);
            QVERIFY(dialog);
            QTest::keyClick(w, d.key, d.modifiers);
            QTRY_VERIFY2(dialog->property("visible").toBool(), d.name);
            QTRY_VERIFY2(isOpened(popupOf(visibleItem(w, QLatin1String(d.part)))), d.name);
            QQuickItem* popup = popupOf(visibleItem(w, QLatin1String(d.part)));
            CHECKED(verifyDrawn(w, popup, QLatin1String(d.name)));
            closeWithEscape(popup);
            QVERIFY(!dialog->property("visible").toBool());
        }

        // Export, and its folder chooser on top of it.
        QObject* exportDialog = child(app.root.get(), "exportDialog");
        QTest::keyClick(w, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(exportDialog->property("opened").toBool());
        CHECKED(verifyDrawn(w, popupOf(exportDialog), QStringLiteral("export")));
        QVERIFY(test::saveScreenshot(w, QStringLiteral("export-dialog.png"), QStringLiteral(QT_TESTCASE_BUILDDIR)));
        QObject* folderDialog = child(app.root.get(), "exportFolderDialog");
        click(w, app.item("exportChooseFolder"));
        QTRY_VERIFY(folderDialog->property("visible").toBool());
        QTRY_VERIFY(isOpened(popupOf(visibleItem(w, QStringLiteral("folderDialogListView")))));
        QQuickItem* folderPopup = popupOf(visibleItem(w, QStringLiteral("folderDialogListView")));
        CHECKED(verifyDrawn(w, folderPopup, QStringLiteral("export folder")));
        closeWithEscape(folderPopup);
        QVERIFY(exportDialog->property("visible").toBool());  // only the chooser closed
        closeWithEscape(popupOf(exportDialog));

        // The app's own dialogs.
        const struct { const char* name; std::function<void()> open; } ownDialogs[] = {
            {"newSongDialog", [w] { QTest::keyClick(w, Qt::Key_N, Qt::ControlModifier); }},
            {"shortcutsDialog", [w] { QTest::keyClick(w, Qt::Key_F1); }},
            {"settingsDialog", [w] { QTest::keySequence(w, QKeySequence(QStringLiteral("Ctrl+,"))); }},
            {"settingsDialog", [&app] { QVERIFY(QMetaObject::invokeMethod(child(app.root.get(), "engineSettingsAction"), "trigger")); }},
            {"settingsDialog", [&app] { QVERIFY(QMetaObject::invokeMethod(child(app.root.get(), "audioSettingsAction"), "trigger")); }},
        };
        for (const auto& d : ownDialogs) {
            QObject* dialog = child(app.root.get(), d.name);
            d.open();
            QTRY_VERIFY2(dialog->property("opened").toBool(), d.name);
            CHECKED(verifyDrawn(w, popupOf(dialog), QLatin1String(d.name)));
            closeWithEscape(popupOf(dialog));
        }

        // Message dialogs: About, and "Save changes?" before opening another song over an edited one.
        QVERIFY(QMetaObject::invokeMethod(child(app.root.get(), "aboutAction"), "trigger"));
        CHECKED(verifyMessage(w, child(app.root.get(), "aboutDialog"), QStringLiteral("S2A Studio")));
        // Issue 21: About says what `s2a --version` says: version and commit, Qt, PortAudio, device, model file.
        const QString about = child(app.root.get(), "aboutDialog")->property("informativeText").toString();
        for (const char* line : {"S2A Studio " S2A_VERSION " (commit ", "\nQt 6.", "\nPortAudio V19", "\nCompute: "})
            QVERIFY2(about.contains(QLatin1String(line)), qPrintable(about));
        QVERIFY2(about.contains(QStringLiteral("\nDiffusion model %1: ").arg(inference::diffusion::defaultModelConfig())), qPrintable(about));
        QVERIFY(app.document.project()->setTitle(QStringLiteral("Edited")));
        QTest::keyClick(w, Qt::Key_O, Qt::ControlModifier);
        CHECKED(verifyMessage(w, child(app.root.get(), "replaceDialog"), QStringLiteral("\"Edited\" has unsaved changes.")));
        QVERIFY(!child(app.root.get(), "openDialog")->property("visible").toBool());  // not before the answer
    }

    void fileDialogsOpenSaveImportAndExport()
    {
        test::MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_song)), QString());
        QVERIFY(app.show());
        QQuickWindow* w = app.window;
        const QString folder = m_dir.filePath(QStringLiteral("drive"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/exports")));

        // Save As: a folder, a typed name, Save; the bundle is written there and the window follows it.
        CHECKED(saveAs(app, folder, QStringLiteral("Copy"),
                       [w] { QTest::keyClick(w, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier); }));
        const QString copy = folder + QStringLiteral("/Copy.s2a");
        QTRY_COMPARE(app.document.bundlePath(), copy);
        QVERIFY(core::bundle::load(copy));
        QCOMPARE(app.window->title(), QStringLiteral("Sines — S2A Studio"));

        // Open: the folder dialog in the songs' folder, the original song clicked, Open.
        child(app.root.get(), "openDialog")->setProperty("currentFolder", QUrl::fromLocalFile(QFileInfo(m_song).absolutePath()));
        QTest::keyClick(w, Qt::Key_O, Qt::ControlModifier);
        CHECKED(choose(w, QStringLiteral("Tones.s2a")));
        QTRY_COMPARE(app.document.bundlePath(), m_song);

        // Import Audio: a WAV file clicked in the file dialog; it is analysed into a new, unsaved song.
        const QString wavFolder = m_dir.filePath(QStringLiteral("audio"));
        QVERIFY(QDir().mkpath(wavFolder));
        const auto audio = test::makeAudio(44100, 44100 * 8, [](int, core::SampleCount i) {
            const double t = double(i) / 44100.0;  // a click every half second over a low tone: a pulse to find
            return float((std::fmod(t, 0.5) < 0.01 ? 0.8 * std::sin(2 * M_PI * 2000 * t) : 0.0) + 0.1 * std::sin(2 * M_PI * 110 * t));
        });
        QVERIFY(core::AudioFileWriter::write(wavFolder + QStringLiteral("/clicks.wav"), audio, core::AudioFileFormat::Wav16));
        child(app.root.get(), "importDialog")->setProperty("currentFolder", QUrl::fromLocalFile(wavFolder));
        QSignalSpy imported(&app.controller, &ui::DocumentController::importFinished);
        QTest::keyClick(w, Qt::Key_I, Qt::ControlModifier);
        CHECKED(choose(w, QStringLiteral("clicks.wav")));
        QVERIFY(imported.wait(60000));
        QCOMPARE(imported[0][0].toString(), QString());
        QCOMPARE(app.data().settings.title, QStringLiteral("clicks"));
        QVERIFY(app.document.isUntitled() && app.document.isModified());

        // Accompany a Recording: Choose… opens its own file dialog (Qt Quick Dialogs, loaded as a user meets it),
        // the WAV is clicked there, and the dialog shows it and offers Accompany; cancelled here (the flow itself
        // is tst_accompany_gui's).
        QObject* accompany = child(app.root.get(), "accompanyDialog");
        QVERIFY(QMetaObject::invokeMethod(accompany, "open"));
        QTRY_VERIFY(accompany->property("opened").toBool());
        QVERIFY(!app.item("accompanyStart")->isEnabled());
        child(app.root.get(), "accompanyFileDialog")->setProperty("currentFolder", QUrl::fromLocalFile(wavFolder));
        click(w, app.item("accompanyChoose"));
        CHECKED(choose(w, QStringLiteral("clicks.wav")));
        QTRY_COMPARE(accompany->property("recording").toUrl(), QUrl::fromLocalFile(wavFolder + QStringLiteral("/clicks.wav")));
        QTRY_VERIFY(app.item("accompanyStart")->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(accompany, "reject"));
        QTRY_VERIFY(!accompany->property("visible").toBool());

        // A render holding NaN (a broken plug-in's) is refused with the time of its first bad sample, in a
        // message the user sees; the song in the window stays as it was.
        auto broken = audio;
        broken.channels[1][size_t(44100 * 3 + 22050)] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY(test::writeRawFloatWav(wavFolder + QStringLiteral("/broken.wav"), broken));
        // (Through the view model: the window would first ask whether to save the unsaved import above.)
        QCOMPARE(app.controller.importAudio(QUrl::fromLocalFile(wavFolder + QStringLiteral("/broken.wav"))), QString());
        QVERIFY(imported.wait(60000));
        QVERIFY2(imported[1][0].toString().contains(QStringLiteral("broken.wav: the file holds a NaN sample at 0:03.500 (channel 2)")),
                 qPrintable(imported[1][0].toString()));
        CHECKED(verifyMessage(w, child(app.root.get(), "errorDialog"), QStringLiteral("Could not import: broken.wav")));
        QCOMPARE(app.data().settings.title, QStringLiteral("clicks"));

        // Export (of a saved song): Choose… picks a folder in the folder dialog, Export writes into it.
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(copy)), QString());
        QObject* exportDialog = child(app.root.get(), "exportDialog");
        child(app.root.get(), "exportFolderDialog")->setProperty("currentFolder", QUrl::fromLocalFile(folder));
        QTest::keyClick(w, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(exportDialog->property("opened").toBool());
        QQuickItem* exportPopup = popupOf(exportDialog);
        QQuickItem* start = button(exportPopup, QStringLiteral("Export"));
        QVERIFY(start && !start->isEnabled());  // no folder yet
        click(w, app.item("exportChooseFolder"));
        CHECKED(choose(w, QStringLiteral("exports")));
        QTRY_COMPARE(exportDialog->property("folder").toUrl(), QUrl::fromLocalFile(folder + QStringLiteral("/exports")));
        QSignalSpy exported(&app.exporter, &ui::ExportModel::finished);
        QTRY_VERIFY(start->isEnabled());
        click(w, start);
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported[0][0].toBool(), qPrintable(exported[0][1].toString()));
        QCOMPARE(QDir(folder + QStringLiteral("/exports")).entryList({QStringLiteral("*.flac")}, QDir::Files).size(), 3);
    }

    // The sequence that crashed the app: an unsaved new song, File > Open…, "Save" to "Save changes?". Save As
    // opens (the song has no place yet), saves, and Open follows, as asked.
    void newSongThenOpenThenSave()
    {
        test::MainWindow app;
        QVERIFY(app.show());
        QQuickWindow* w = app.window;
        QTest::keyClick(w, Qt::Key_N, Qt::ControlModifier);
        QObject* newSong = child(app.root.get(), "newSongDialog");
        QTRY_VERIFY(newSong->property("opened").toBool());
        QQuickItem* caption = app.item("newSongCaption");
        QTRY_VERIFY(caption->hasActiveFocus());
        type(w, QStringLiteral("upbeat funk"));
        app.item("newSongTemplate")->setProperty("currentIndex", app.newSong.templates().size());  // Custom…
        app.item("newSongStructure")->setProperty("text", QStringLiteral("intro:2,verse:2"));
        QSignalSpy made(&app.newSong, &ui::NewSongModel::finished);
        click(w, app.item("newSongCreate"));
        QVERIFY(made.wait(120000));
        QCOMPARE(made[0][0].toString(), QString());
        QVERIFY(app.document.isUntitled() && app.document.isModified());
        QTRY_VERIFY(!newSong->property("visible").toBool());

        const QString folder = m_dir.filePath(QStringLiteral("sequence"));
        QVERIFY(QDir().mkpath(folder));
        child(app.root.get(), "openDialog")->setProperty("currentFolder", QUrl::fromLocalFile(QFileInfo(m_song).absolutePath()));
        QTest::keyClick(w, Qt::Key_O, Qt::ControlModifier);
        QObject* question = child(app.root.get(), "replaceDialog");
        QTRY_VERIFY(question->property("visible").toBool());
        QTRY_VERIFY(isOpened(popupOf(visibleItem(w, QStringLiteral("textLabel")))));
        QQuickItem* save = button(popupOf(visibleItem(w, QStringLiteral("textLabel"))), QStringLiteral("Save"));
        QVERIFY(save);
        CHECKED(saveAs(app, folder, QStringLiteral("Funk"), [&] { click(w, save); }));
        QTRY_COMPARE(app.document.bundlePath(), folder + QStringLiteral("/Funk.s2a"));
        QVERIFY(core::bundle::load(app.document.bundlePath()));
        QVERIFY(!app.document.isModified());
        CHECKED(choose(w, QStringLiteral("Tones.s2a")));
        QTRY_COMPARE(app.document.bundlePath(), m_song);
    }

    // The demo is a template: it opens as an untitled copy, so Save asks where (Save As), and nothing, neither
    // the save nor an autosave, is written into the demo's folder.
    void saveOnTheDemoAsksWhere()
    {
        const QString demo = inference::arranger::demoSongPath();
        QVERIFY2(demo.startsWith(m_dir.path()), qPrintable(demo));  // the private home, not the user's
        inference::SimpleJobControl job;
        QVERIFY(inference::arranger::createDemoSong(demo, job));
        const QMap<QString, QByteArray> before = filesUnder(demo);
        QVERIFY(before.contains(QStringLiteral("project.json")) && before.size() > 3);

        test::MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(demo)), QString());
        QVERIFY(app.document.isUntitled() && !app.document.isModified());
        QVERIFY(app.show());
        QCOMPARE(app.window->title(), QStringLiteral("Demo: Funk — S2A Studio"));
        QVERIFY(app.document.project()->setTempo(110));
        QVERIFY(app.document.autosaveNow());

        const QString folder = m_dir.filePath(QStringLiteral("mine"));
        QVERIFY(QDir().mkpath(folder));
        CHECKED(saveAs(app, folder, QStringLiteral("My Funk"), [&app] { QTest::keyClick(app.window, Qt::Key_S, Qt::ControlModifier); }));
        QTRY_COMPARE(app.document.bundlePath(), folder + QStringLiteral("/My Funk.s2a"));
        const auto saved = core::bundle::load(app.document.bundlePath());  // with every audio file it names
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        QCOMPARE(saved->settings.tempo, 110.0);
        QVERIFY(filesUnder(demo) == before);
    }

    // What a crash left: the untitled songs are listed once the window is up, each with its title, when it was
    // autosaved and how long it is; Restore opens the chosen one, unsaved.
    void untitledSongsLeftByACrashAreListedAndRestored()
    {
        QString left;
        {
            core::ProjectDocument crashed;  // its recovery folder is under the private home
            crashed.newProject(core::ProjectData::createNew(QStringLiteral("Night Sketch"), 44100, 44100 * 75));
            QVERIFY(crashed.project()->setTempo(93));
            QVERIFY(crashed.autosaveNow());
            left = crashed.recoveryBundle();
        }  // gone without saving, and its lock with it, as when the process dies
        test::MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_song)), QString());
        QVERIFY(app.show());
        app.controller.offerRecoveries();  // what s2a-studio does once its window is up
        QObject* dialog = child(app.root.get(), "untitledRecoveryDialog");
        QTRY_VERIFY(dialog->property("opened").toBool());
        CHECKED(verifyDrawn(app.window, popupOf(dialog), QStringLiteral("recovery")));
        const QVariantList entries = dialog->property("entries").toList();
        QVERIFY(!entries.isEmpty());
        const QVariantMap newest = entries[0].toMap();
        QCOMPARE(newest.value(QStringLiteral("path")).toString(), QFileInfo(left).absoluteFilePath());
        QCOMPARE(newest.value(QStringLiteral("title")).toString(), QStringLiteral("Night Sketch"));
        QCOMPARE(newest.value(QStringLiteral("length")).toString(), QStringLiteral("1:15.000"));
        const QString savedAt = newest.value(QStringLiteral("savedAt")).toString();
        QVERIFY(!savedAt.isEmpty());
        QQuickItem* list = app.item("recoveryList");
        QVERIFY(list);
        QStringList rows;
        for (QQuickItem* row : list->property("contentItem").value<QQuickItem*>()->childItems())
            rows << row->property("text").toString();
        QVERIFY2(rows.contains(QStringLiteral("Night Sketch — saved %1 · 1:15.000 long").arg(savedAt)),
                 qPrintable(rows.join(QLatin1Char('|'))));

        QQuickItem* restore = button(popupOf(dialog), QStringLiteral("Restore"));
        QVERIFY(restore);
        click(app.window, restore);
        QTRY_COMPARE(app.data().settings.title, QStringLiteral("Night Sketch"));
        QCOMPARE(app.data().settings.tempo, 93.0);
        QVERIFY(app.document.isUntitled() && app.document.isModified());
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

private:
    // Save As, last in `folder`, is opened by `open`: it proposes the song's title there; the name is typed
    // over it in the file name field, and Save clicked.
    void saveAs(test::MainWindow& app, const QString& folder, const QString& name, const std::function<void()>& open)
    {
        QObject* dialog = child(app.root.get(), "saveAsDialog");
        dialog->setProperty("currentFolder", QUrl::fromLocalFile(folder));
        open();
        QTRY_VERIFY(dialog->property("visible").toBool());
        QQuickItem* field = nullptr;
        QTRY_VERIFY((field = visibleItem(app.window, QStringLiteral("fileNameTextField"))) && isOpened(popupOf(field)));
        CHECKED(verifyDrawn(app.window, popupOf(field), QStringLiteral("Save As")));
        // Proposed: the song's title (made a file name) where the dialog was last.
        QCOMPARE(field->property("text").toString(), app.controller.suggestedSaveUrl(QUrl::fromLocalFile(folder)).fileName());
        QVERIFY(field->property("text").toString().endsWith(QLatin1String(".s2a")));
        click(app.window, field);
        QTRY_VERIFY(field->hasActiveFocus());
        QTest::keyClick(app.window, Qt::Key_A, Qt::ControlModifier);
        type(app.window, name);
        QCOMPARE(field->property("text").toString(), name);
        QQuickItem* save = button(popupOf(field), QStringLiteral("Save"));
        QVERIFY(save && save->isEnabled());
        click(app.window, save);
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    // A file or folder dialog is open: the entry named `name` is clicked, then the dialog's Open button.
    void choose(QQuickWindow* w, const QString& name)
    {
        QQuickItem* entry = nullptr;
        QTRY_VERIFY2((entry = [&]() -> QQuickItem* {
                         QQuickItem* list = visibleItem(w, QStringLiteral("fileDialogListView"));
                         if (!list)
                             list = visibleItem(w, QStringLiteral("folderDialogListView"));
                         for (QQuickItem* item : list ? list->property("contentItem").value<QQuickItem*>()->childItems()
                                                      : QList<QQuickItem*>())
                             if (item->property("fileName").toString() == name)
                                 return item;
                         return nullptr;
                     }()),
                     qPrintable(name));
        QQuickItem* popup = popupOf(entry);
        QTRY_VERIFY(isOpened(popup));
        CHECKED(verifyDrawn(w, popup, name));
        click(w, entry);
        QQuickItem* open = button(popup, QStringLiteral("Open"));
        QVERIFY(open);
        click(w, open);
        QTRY_VERIFY(!popup->isVisible());
    }

    // Every file under `folder` (relative path) with its bytes.
    static QMap<QString, QByteArray> filesUnder(const QString& folder)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.insert(QDir(folder).relativeFilePath(path), test::readAll(path));
        }
        return files;
    }

    // A message dialog is shown, drawn, says `text`, and closes with Escape.
    void verifyMessage(QQuickWindow* w, QObject* dialog, const QString& text)
    {
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QTRY_VERIFY(isOpened(popupOf(visibleItem(w, QStringLiteral("textLabel")))));
        QQuickItem* label = visibleItem(w, QStringLiteral("textLabel"));
        QVERIFY2(label->property("text").toString().startsWith(text), qPrintable(label->property("text").toString()));
        verifyDrawn(w, popupOf(label), text);
        QTest::keyClick(w, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    QTemporaryDir m_dir{QStringLiteral(S2A_TEST_WORK_DIR "/tst_dialogs-XXXXXX")};
    QString m_song;
};

QTEST_MAIN(DialogsTest)
#include "tst_dialogs.moc"
