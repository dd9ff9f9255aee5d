// Issue 21: the app in its user's language. The shipped translations (translations/*.ts, read where they lie in
// the source tree) are finished, keep each message's placeholders and mnemonic, have the plural forms their
// language has (as lupdate counts them), and are up to date with the sources (lupdate, run here into the build
// folder, finds no message they lack). Every text the window shows is marked for translation: under a
// pseudo-translator that wraps each translated text in ⟦…⟧, a text with letters and no ⟦ is a literal nobody
// marked (or user data, which an explicit list of item names allows). And the window in German keeps every text
// whole at its default size and at 1280x720, menus and dialogs included.
#include "MainWindowFixture.h"
#include "PopupTestSupport.h"
#include "TestProjects.h"
#include "TextChecks.h"

#include "core/model/Project.h"
#include "inference/arranger/DemoSong.h"
#include "ui/i18n/Translations.h"

#include <QDir>
#include <QDirIterator>
#include <QKeySequence>
#include <QProcess>
#include <QQuickStyle>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using namespace s2a::test;

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;  // the disambiguation: part of the message's identity
    bool numerus = false;
    QString type;        // the translation's type attribute: unfinished, obsolete, vanished or none
    QStringList forms;   // the translation, or its plural forms
};

struct TsFile {
    QString language;
    QList<Message> messages;
};

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}, {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return ts;
}

// lupdate 6.4 files the tr() messages of classes in `namespace s2a::ui` under the bare class name;
// scripts/fill_ts.py gives them their qualified name back (the one moc's tr() asks for). Compared bare.
QString messageKey(const Message& m)
{
    const QString context = m.context.mid(m.context.lastIndexOf(QLatin1String("::")) + 1).remove(QLatin1Char(':'));
    return context + QLatin1Char('|') + m.source + QLatin1Char('|') + m.comment;
}

QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d+|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    return found;
}

// How many keyboard mnemonics ("&F") a text has; "&&" is a literal ampersand.
int mnemonics(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("&[^&\\s]"));
    return int(QString(text).remove(QLatin1String("&&")).count(pattern));
}

QStringList shippedFiles()
{
    const QStringList names = QDir(QStringLiteral(S2A_TRANSLATIONS_DIR)).entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    QStringList paths;
    for (const QString& name : names)
        paths << QStringLiteral(S2A_TRANSLATIONS_DIR "/") + name;
    return paths;
}

// Wraps every text it is asked for in ⟦…⟧: a shown text without ⟦ never went through translation.
class PseudoTranslator : public QTranslator {
public:
    QString translate(const char*, const char* sourceText, const char*, int) const override
    {
        return sourceText ? QStringLiteral("⟦") + QString::fromUtf8(sourceText) + QStringLiteral("⟧") : QString();
    }
    bool isEmpty() const override { return false; }
};

// Items that show the user's data, not the app's words: what they show needs no translation. Each is
// matched by its own objectName or an ancestor's.
const QStringList kDataItems = {
    QStringLiteral("songTitle"),           // the song's title
    QStringLiteral("trackName"),           // a track's name
    QStringLiteral("trackRole"),
    QStringLiteral("takeName"),            // a take's name ("Take 1", as the song stores it)           // a track's stem role (drums, bass…), as the song stores it
    QStringLiteral("sectionLane"),         // section names and captions on the timeline
    QStringLiteral("sectionStrip"),        // the song overview's section names
    QStringLiteral("runtimeDescription"),  // what the inference runtime says it computes on (device names)
    QStringLiteral("shortcutLabel"),       // a menu item's key: QKeySequence's native text (Qt translates "Ctrl")
    QStringLiteral("weightsPath"),         // Settings > Generation: the weights file's path
    QStringLiteral("markerName"),          // a marker's name, as the user typed it
    QStringLiteral("audioDeviceChoice"),   // Settings > Audio: device names, as PortAudio reports them
};

bool isData(const QQuickItem* item)
{
    for (; item; item = item->parentItem())
        if (kDataItems.contains(item->objectName()))
            return true;
    return false;
}

// Where an item is, for a failure message: its named ancestors.
QString pathOf(const QQuickItem* item)
{
    QStringList names;
    for (; item; item = item->parentItem())
        if (!item->objectName().isEmpty())
            names.prepend(item->objectName());
    return names.join(QLatin1Char('/'));
}

QObject* child(QObject* root, const char* name)
{
    QObject* found = root->findChild<QObject*>(QLatin1String(name));
    if (!found)
        qWarning("no object named %s", name);
    return found;
}

// Shows each screen of the window in turn and calls `check` with its name while it is up: the editor on
// section 3, each menu, each dialog of the app, then a new empty song.
void visitScreens(MainWindow& app, const std::function<void(const QString&)>& check)
{
    QQuickWindow* w = app.window;
    const auto settled = [w] { return !QQuickTest::qIsPolishScheduled(w); };
    QTest::keyClick(w, Qt::Key_3);
    QTRY_VERIFY(settled());
    check(QStringLiteral("editor"));

    CHECKED(forEachMenu(w, [&](QQuickItem* title, QObject*) { check(QStringLiteral("menu ") + title->property("text").toString()); }));

    const struct { const char* name; std::function<void()> open; } dialogs[] = {
        {"shortcutsDialog", [w] { QTest::keyClick(w, Qt::Key_F1); }},
        {"exportDialog", [w] { QTest::keyClick(w, Qt::Key_E, Qt::ControlModifier); }},
        {"newSongDialog", [w] { QTest::keyClick(w, Qt::Key_N, Qt::ControlModifier); }},
        // Settings, each of its three pages.
        {"settingsDialog", [w] { QTest::keySequence(w, QKeySequence(QStringLiteral("Ctrl+,"))); }},
        {"settingsDialog", [&app] { QVERIFY(QMetaObject::invokeMethod(child(app.root.get(), "engineSettingsAction"), "trigger")); }},
        {"settingsDialog", [&app] { QVERIFY(QMetaObject::invokeMethod(child(app.root.get(), "settingsDialog"), "openAt", Q_ARG(QVariant, 2))); }},
    };
    for (const auto& d : dialogs) {
        QObject* dialog = child(app.root.get(), d.name);
        QVERIFY(dialog);
        d.open();
        QTRY_VERIFY2(dialog->property("opened").toBool() && settled(), d.name);
        check(QLatin1String(d.name));
        QTest::keyClick(w, Qt::Key_Escape);
        QTRY_VERIFY2(!dialog->property("visible").toBool(), d.name);
    }

    QCOMPARE(app.controller.newProject(), QString());
    QTRY_VERIFY(settled());
    check(QStringLiteral("empty song"));
}

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        QVERIFY(m_dir.isValid());
        qputenv("S2A_WEIGHTS", "/nonexistent/model.safetensors");  // New Song offers the (quick) arranger
        for (const char* variable : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"})
            qputenv(variable, QFile::encodeName(m_dir.filePath(QLatin1String(variable))));
        QCoreApplication::setOrganizationName(QStringLiteral("S2A"));
        QCoreApplication::setApplicationName(QStringLiteral("S2A Studio"));

        m_files = shippedFiles();
        QVERIFY(m_files.size() >= 3);
        // lupdate on the sources the build's update_translations reads (ui/, the app's main, core's undo step names and
        // messages), once per
        // shipped language: what the shipped files must hold, and how many plural forms each language has.
        for (const QString& path : std::as_const(m_files)) {
            const QString language = readTs(path).language;
            const QString fresh = m_dir.filePath(QStringLiteral("fresh_%1.ts").arg(language));
            QProcess lupdate;
            lupdate.setProcessChannelMode(QProcess::MergedChannels);
            lupdate.start(QStringLiteral(S2A_LUPDATE),
                          {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                           QStringLiteral("-target-language"), language, QStringLiteral(S2A_SOURCE_DIR "/ui"),
                           QStringLiteral(S2A_SOURCE_DIR "/app/StudioMain.cpp"),
                           QStringLiteral(S2A_SOURCE_DIR "/core/model/Project.cpp"),
                           QStringLiteral(S2A_SOURCE_DIR "/core/model/ProjectLanes.cpp"),
                           QStringLiteral(S2A_SOURCE_DIR "/core/persistence/ProjectDocument.cpp"),
                           QStringLiteral(S2A_SOURCE_DIR "/core/playback/PlaybackController.cpp"), QStringLiteral("-ts"), fresh});
            QVERIFY2(lupdate.waitForFinished(120000), S2A_LUPDATE);
            QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
            m_fresh.insert(path, readTs(fresh));
        }

        m_demo = m_dir.filePath(QStringLiteral("Demo.s2a"));
        inference::SimpleJobControl job;
        QVERIFY(inference::arranger::createDemoSong(m_demo, job));
    }

    // (a) Finished, faithful to each source's placeholders and mnemonic, with the language's plural forms.
    void shippedTranslationsAreFinished()
    {
        QStringList problems;
        for (const QString& path : std::as_const(m_files)) {
            const TsFile ts = readTs(path);
            const QString file = QFileInfo(path).fileName();
            QVERIFY2(!ts.messages.isEmpty(), qPrintable(file));
            qsizetype forms = 0;  // the plural forms lupdate gives a new message in this language
            for (const Message& m : m_fresh.value(path).messages)
                if (m.numerus)
                    forms = m.forms.size();
            QVERIFY2(forms > 0, qPrintable(file));
            for (const Message& m : ts.messages) {
                const QString where = QStringLiteral("%1 %2 \"%3\"").arg(file, m.context, m.source);
                if (!m.type.isEmpty())
                    problems << where + QStringLiteral(": ") + m.type;
                if (m.numerus && m.forms.size() != forms)
                    problems << where + QStringLiteral(": %1 plural forms, the language has %2").arg(m.forms.size()).arg(forms);
                for (const QString& form : m.forms) {
                    if (form.trimmed().isEmpty())
                        problems << where + QStringLiteral(": empty");
                    else if (placeholders(form) != placeholders(m.source))
                        problems << where + QStringLiteral(": \"%1\" has other placeholders").arg(form);
                    else if (mnemonics(form) != mnemonics(m.source))
                        problems << where + QStringLiteral(": \"%1\" loses or adds a mnemonic").arg(form);
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // (b) Every message of the sources is in every shipped file, and none is there that the sources lost.
    // English is the sources' language: its file carries the plural messages only.
    void shippedTranslationsAreUpToDate()
    {
        QStringList problems;
        for (const QString& path : std::as_const(m_files)) {
            const TsFile ts = readTs(path);
            const bool pluralsOnly = ts.language.startsWith(QLatin1String("en"));
            QSet<QString> shipped, fresh;
            for (const Message& m : ts.messages)
                shipped.insert(messageKey(m));
            for (const Message& m : m_fresh.value(path).messages)
                if (m.numerus || !pluralsOnly)
                    fresh.insert(messageKey(m));
            const QString file = QFileInfo(path).fileName();
            for (const QString& key : fresh - shipped)
                problems << QStringLiteral("%1 lacks %2").arg(file, key);
            for (const QString& key : shipped - fresh)
                problems << QStringLiteral("%1 still has %2, which the sources lost").arg(file, key);
        }
        problems.sort();
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("Build the update_translations target:\n")
                                                + problems.join(QLatin1Char('\n'))));
    }

    // Each language loads for its locale, the ones the app offers included.
    void eachLanguageLoads_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("undoStep");  // core's name of a tempo edit, as the undo history shows it
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates) << QStringLiteral("&File") << QStringLiteral("Set tempo");
        QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("&Datei") << QStringLiteral("Tempo setzen");
        QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria) << QStringLiteral("&Datei") << QStringLiteral("Tempo setzen");
        QTest::newRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China) << QStringLiteral("文件(&F)") << QStringLiteral("设置速度");
        QTest::newRow("fr falls back to en") << QLocale(QLocale::French) << QStringLiteral("&File") << QStringLiteral("Set tempo");
    }

    void eachLanguageLoads()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, file);
        ui::installTranslations(*QCoreApplication::instance(), locale);
        QCOMPARE(QCoreApplication::translate("Main", "&File"), file);
        QVERIFY(QCoreApplication::translate("SectionLane", "%n take(s)", nullptr, 1) != QLatin1String("1 take(s)"));
        // A real edit of a real song: core names its undo steps in the user's language too.
        QFETCH(QString, undoStep);
        core::Project project(test::makeSong());
        QVERIFY(project.setTempo(97.0));
        QCOMPARE(project.undoStack()->text(0), undoStep);
        ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
    }

    // (c) Every text the window shows went through translation, or is the user's data.
    void everyShownTextIsMarked()
    {
        PseudoTranslator pseudo;
        QCoreApplication::installTranslator(&pseudo);
        QMap<QString, QString> unmarked;  // text and where -> the first screen that showed it
        int seen = 0;
        {
            MainWindow app;
            QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_demo)), QString());
            QVERIFY(app.show({1400, 860}));
            CHECKED(visitScreens(app, [&](const QString& screen) {
                forEachVisibleText(app.window->contentItem(), [&](QQuickItem* item, QRectF) {
                    const QString text = item->property("text").toString();
                    ++seen;
                    // One letter is a key or an index (take A, B…), not a word.
                    if (text.contains(QStringLiteral("⟦")) || isData(item) || text.trimmed().size() == 1
                        || std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); }))
                        return;
                    const QString what = QStringLiteral("\"%1\" (%2)").arg(text, pathOf(item));
                    if (!unmarked.contains(what))
                        unmarked.insert(what, screen);
                });
            }));
        }
        QCoreApplication::removeTranslator(&pseudo);
        QVERIFY(seen > 100);
        for (auto it = unmarked.cbegin(); it != unmarked.cend(); ++it)
            qWarning().noquote() << "not marked for translation:" << it.key() << "on" << it.value();
        QVERIFY2(unmarked.isEmpty(), qPrintable(QStringLiteral("%1 texts are not marked for translation").arg(unmarked.size())));
    }

    // (d) German, the longest of the shipped languages, keeps every text whole in the window's default size and
    // the smallest it is made for: the editor on a real song, every menu, every dialog, a new empty song. Each
    // screen is saved under the build folder (screenshots/de-<size>-<screen>.png) to be looked at.
    void germanTextIsNotCutOff_data()
    {
        addWindowSizes();
    }

    void germanTextIsNotCutOff()
    {
        QFETCH(QSize, size);
        ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        // Qt's own German too (key names, dialog buttons): packaging/runtime-depends.txt's qt6-translations-l10n.
        QVERIFY2(QKeySequence(Qt::CTRL | Qt::Key_S).toString(QKeySequence::NativeText) == QLatin1String("Strg+S"),
                 "Qt's German is missing: install qt6-translations-l10n (scripts/dev does)");
        QStringList cut;
        {
            MainWindow app;
            QCOMPARE(app.controller.open(QUrl::fromLocalFile(m_demo)), QString());
            QVERIFY(app.show(size));
            QCOMPARE(app.window->size(), size);
            const QQuickItem* lane = app.item("sectionLane");  // block captions elide by design
            QObject* bar = app.window->property("menuBar").value<QObject*>();
            QQuickItem* first = nullptr;
            QMetaObject::invokeMethod(bar, "itemAt", Q_RETURN_ARG(QQuickItem*, first), Q_ARG(int, 0));
            QCOMPARE(first->property("text").toString(), QStringLiteral("&Datei"));  // German is what shows
            // The playback controller's status (core/ says it in English), in German.
            QCOMPARE(app.item("deviceStatus")->property("text").toString(), QStringLiteral("Audioausgabe nicht gestartet."));
            QCOMPARE(ui::TransportModel::translatedStatus(QStringLiteral(
                         "No audio output: No device. Playback is off until a device is available (Retry looks again).")),
                     QStringLiteral("Keine Audioausgabe: No device. Die Wiedergabe ist aus, bis ein Gerät verfügbar ist "
                                    "(Erneut versuchen sucht wieder)."));
            const QString shots = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
            QVERIFY(QDir().mkpath(shots));
            const QString prefix = QStringLiteral("%1/de-%2x%3-").arg(shots).arg(size.width()).arg(size.height());
            CHECKED(visitScreens(app, [&](const QString& screen) {
                for (const QString& line : cutOffTexts(app.window->contentItem(), lane))
                    cut << screen + QStringLiteral(": ") + line;
                const QString name = QString(screen).remove(QLatin1Char('&')).replace(QLatin1Char(' '), QLatin1Char('-'));
                QVERIFY(app.window->grabWindow().save(prefix + name + QStringLiteral(".png")));
            }));
        }
        ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
        cut.removeDuplicates();
        for (const QString& line : std::as_const(cut))
            qWarning().noquote() << "cut off in German:" << line;
        QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("%1 texts are cut off").arg(cut.size())));
    }

private:
    QTemporaryDir m_dir{QStringLiteral(S2A_TEST_WORK_DIR "/tst_translations-XXXXXX")};
    QStringList m_files;
    QHash<QString, TsFile> m_fresh;  // shipped file -> what lupdate makes of the sources in its language
    QString m_demo;
};

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
