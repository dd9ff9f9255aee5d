// The New Song dialog and its model: a real arranger render into an untitled bundle, adopted as the open,
// unsaved song; cancel and bad input leave the open song alone; the dialog works in a real window.
#include "AudioFixtures.h"
#include "core/audio/AudioImport.h"
#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectDocument.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "ui/viewmodels/NewSongModel.h"

#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using s2a::core::ProjectDocument;
using s2a::core::SectionLabel;
using s2a::ui::NewSongModel;

namespace {

constexpr int kRenderTimeoutMs = 120'000;

QStringList sectionLabels(const ProjectDocument& document)
{
    QStringList out;
    for (const auto& s : document.project()->data().sections)
        out << s2a::core::toString(s.label);
    return out;
}

// The untitled bundles left in the recovery folder.
QStringList bundlesIn(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("*.s2a")}, QDir::Dirs | QDir::NoDotAndDotDot);
}

// An item of a popup lives under the window's overlay, not under the dialog's QObject children: search both.
QQuickItem* findItem(QObject* root, const QString& name)
{
    if (auto* item = qobject_cast<QQuickItem*>(root); item && item->objectName() == name)
        return item;
    for (QObject* child : root->children())
        if (QQuickItem* found = findItem(child, name))
            return found;
    if (auto* item = qobject_cast<QQuickItem*>(root))
        for (QQuickItem* child : item->childItems())
            if (QQuickItem* found = findItem(child, name))
                return found;
    return nullptr;
}

void click(QQuickWindow* window, QQuickItem* item)
{
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
}

}  // namespace

class NewSongTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        // As on a machine without the shipped diffusion weights: the diffusion engine is unavailable.
        qputenv("S2A_WEIGHTS", "/nonexistent/s2a/model.safetensors");
        m_dir = std::make_unique<QTemporaryDir>();
        m_document = std::make_unique<ProjectDocument>();
        m_document->setUntitledRecoveryDir(recoveryDir());
        m_model = std::make_unique<NewSongModel>(m_document.get());
    }

    void cleanup()
    {
        m_model.reset();
        m_document.reset();
        m_dir.reset();
    }

    void listsTemplatesAndEngines()
    {
        QCOMPARE(m_model->templates(), (QStringList{"pop", "rock", "edm", "ambient", "ballad"}));
        const QVariantList engines = m_model->engines();
        QCOMPARE(engines.size(), 2);
        QCOMPARE(engines[0].toMap().value("id").toString(), QStringLiteral("arranger"));
        QCOMPARE(engines[0].toMap().value("available").toBool(), true);
        QCOMPARE(engines[1].toMap().value("id").toString(), QStringLiteral("diffusion"));
        QCOMPARE(engines[1].toMap().value("available").toBool(), false);
        QCOMPARE(engines[1].toMap().value("reason").toString(), QStringLiteral("no weights for config %1 — the arranger is used instead").arg(s2a::inference::diffusion::defaultModelConfig()));
    }

    void understoodLine()
    {
        QCOMPARE(m_model->understood(QStringLiteral("  ")), QString());
        const QString line = m_model->understood(QStringLiteral("dark lo-fi hip hop with rhodes, 80 bpm"));
        QVERIFY2(line.startsWith(QStringLiteral("lo-fi hip hop · 80 BPM · a minor key · band: ")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("rhodes")) && line.endsWith(QLatin1String("feel: dark")), qPrintable(line));
        // What the caption leaves open is not shown as decided.
        const QString open = m_model->understood(QStringLiteral("funk"));
        QVERIFY2(open.contains(QLatin1String(" BPM (style)")) && open.contains(QLatin1String("any key")), qPrintable(open));
        // The dialog's own tempo and key are what the song will have.
        QVERIFY(m_model->understood(QStringLiteral("funk"), 101, QStringLiteral("E minor"))
                    .startsWith(QStringLiteral("funk · 101 BPM · E minor · ")));
        // Issue 16.5: genres people type, the article that is not a key, and the words not understood.
        const QString synthwave = m_model->understood(QStringLiteral("dark synthwave with arpeggiated bass, 100 bpm"));
        QVERIFY2(synthwave.startsWith(QStringLiteral("synthwave (EDM grooves) · 100 BPM · a minor key · band: "))
                     && synthwave.endsWith(QLatin1String("I did not understand: arpeggiated")),
                 qPrintable(synthwave));
        QVERIFY2(m_model->understood(QStringLiteral("pop in a minor key")).contains(QStringLiteral(" · a minor key · ")),
                 qPrintable(m_model->understood(QStringLiteral("pop in a minor key"))));
        // The tempo field reads the same caption.
        QCOMPARE(m_model->reading(QStringLiteral("dark synthwave, 100 bpm")).value("tempo").toDouble(), 100.0);
        const QVariantMap dnb = m_model->reading(QStringLiteral("drum and bass"));
        QCOMPARE(dnb.value("tempo").toDouble(), 0.0);
        QCOMPARE(dnb.value("tempoMin").toDouble(), 165.0);
        QCOMPARE(dnb.value("tempoMax").toDouble(), 178.0);
    }

    // The song made from "in a minor key" is in a minor key, as the dialog said (the seed picks the tonic).
    void aMinorKeyIsAMode()
    {
        QCOMPARE(m_model->create({{"caption", "pop in a minor key"}, {"structure", "verse:1"}, {"engine", "arranger"},
                                  {"seed", "12"}}),
                 QString());
        QVERIFY(m_model->waitForIdle(kRenderTimeoutMs));
        const QString key = m_document->project()->data().settings.key;
        QVERIFY2(key.endsWith(QLatin1String(" minor")), qPrintable(key));
    }

    void badInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QVariantMap>("changes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty caption") << QVariantMap{{"caption", "   "}} << "caption is empty";
        QTest::newRow("bad structure") << QVariantMap{{"structure", "intro:4,verse"}} << "\"verse\" is not label:bars";
        QTest::newRow("unknown template") << QVariantMap{{"template", "polka"}} << "No template \"polka\"";
        QTest::newRow("bad length") << QVariantMap{{"length", "two minutes"}} << "is not m:ss";
        QTest::newRow("short length") << QVariantMap{{"length", "0:05"}} << "between 0:10 and 20:00";
        QTest::newRow("slow tempo") << QVariantMap{{"tempo", 5}} << "tempo must be between 20 and 400 BPM";
        QTest::newRow("fast tempo") << QVariantMap{{"tempo", 1000}} << "tempo must be between";
        QTest::newRow("bad key") << QVariantMap{{"key", "H major"}} << "\"H major\" is not a key";
        QTest::newRow("unknown engine") << QVariantMap{{"engine", "magic"}} << "no engine \"magic\"";
        QTest::newRow("unavailable engine") << QVariantMap{{"engine", "diffusion"}}
                                            << QStringLiteral("no weights for config ") + s2a::inference::diffusion::defaultModelConfig();
        QTest::newRow("bad seed") << QVariantMap{{"seed", "lucky"}} << "seed \"lucky\" is not a whole number";
    }

    void badInputIsRefusedWithAReason()
    {
        QFETCH(QVariantMap, changes);
        QFETCH(QString, expected);
        QVariantMap spec{{"caption", "upbeat funk"}, {"template", "pop"}, {"engine", "arranger"}};
        for (auto it = changes.begin(); it != changes.end(); ++it)
            spec.insert(it.key(), it.value());
        const QString message = m_model->create(spec);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(!m_model->busy());
        QVERIFY(bundlesIn(recoveryDir()).isEmpty());
        QVERIFY(!m_document->isModified());
    }

    void createOpensANewUnsavedSong()
    {
        QSignalSpy finished(m_model.get(), &NewSongModel::finished);
        QCOMPARE(m_model->create({{"caption", "upbeat funk with slap bass"}, {"template", "rock"},
                                  {"structure", "intro:2,verse:2"}, {"length", ""}, {"tempo", 0}, {"key", ""},
                                  {"engine", "arranger"}, {"seed", "7"}, {"title", "Funk test"}}),
                 QString());
        QVERIFY(m_model->busy());
        QVERIFY(m_model->create({{"caption", "again"}}).contains(QLatin1String("already")));
        QVERIFY(m_model->waitForIdle(kRenderTimeoutMs));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toString(), QString());
        QCOMPARE(m_model->progress(), 1.0);

        // The custom structure won over the template; the song is untitled, unsaved, autosaved.
        QCOMPARE(sectionLabels(*m_document), (QStringList{"intro", "verse"}));
        // Every section carries the caption it was made from (issue 16.4), not an empty field.
        for (const auto& section : m_document->project()->data().sections)
            QVERIFY2(!section.caption.isEmpty() && section.activeTake()->origin.caption == section.caption,
                     qPrintable(section.displayName()));
        QVERIFY(m_document->isUntitled());
        QVERIFY(m_document->isModified());
        const auto& data = m_document->project()->data();
        QCOMPARE(data.settings.title, QStringLiteral("Funk test"));
        QCOMPARE(data.settings.caption, QStringLiteral("upbeat funk with slap bass"));
        QCOMPARE(data.settings.seed, quint64(7));
        QVERIFY(data.settings.tempo > 0.0);
        QVERIFY(!data.settings.key.isEmpty());
        const double bar = 60.0 / data.settings.tempo * 4 * data.settings.sampleRate;
        QVERIFY(std::abs(double(data.length()) - 4 * bar) < 2.0);
        QCOMPARE(bundlesIn(recoveryDir()).size(), 1);
        QVERIFY(QFileInfo::exists(m_document->recoveryBundle() + QStringLiteral("/project.autosave.json")));

        // Tracks with real audio: every take plays a stem file in the bundle, and the stems are not silent.
        QVERIFY2(data.tracks.size() >= 2, qPrintable(QString::number(data.tracks.size())));
        float loudest = 0.0f;
        for (const auto& section : data.sections) {
            const auto* take = section.activeTake();
            QVERIFY(take);
            QCOMPARE(take->clips.size(), data.tracks.size());
            for (const auto& clip : take->clips) {
                const QString file = m_document->recoveryBundle() + QStringLiteral("/audio/") + clip.file;
                QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
                if (&section != &data.sections.front())
                    continue;
                const auto audio = s2a::core::importAudio(file, data.settings.sampleRate);
                QVERIFY2(audio, qPrintable(audio.errorMessage()));
                for (const auto& channel : audio->audio.channels)
                    for (float v : channel)
                        loudest = std::max(loudest, std::abs(v));
            }
        }
        QVERIFY2(loudest > 0.01f, qPrintable(QString::number(loudest)));

        // The next song uses the same engine, kept warm.
        QCOMPARE(m_model->enginesMade(), 1);
        QCOMPARE(m_model->create({{"caption", "slow blues"}, {"structure", "verse:1"}, {"engine", "arranger"},
                                  {"seed", "8"}}),
                 QString());
        QVERIFY(m_model->waitForIdle(kRenderTimeoutMs));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished[1][0].toString(), QString());
        QCOMPARE(sectionLabels(*m_document), (QStringList{"verse"}));
        QCOMPARE(m_model->enginesMade(), 1);
    }

    void cancelLeavesTheOpenSongAsItWas()
    {
        const QString bundle = m_dir->filePath(QStringLiteral("Tones.s2a"));
        QVERIFY(s2a::core::bundle::save(s2a::test::makeSineSong(bundle, 2, 4.0), bundle));
        QVERIFY(m_document->open(bundle));
        const auto before = m_document->project()->data();

        QSignalSpy finished(m_model.get(), &NewSongModel::finished);
        QCOMPARE(m_model->create({{"caption", "slow ambient pads"}, {"structure", "intro:8,verse:16,outro:8"}, {"seed", 3}}),
                 QString());
        m_model->cancel();
        QVERIFY(m_model->waitForIdle(kRenderTimeoutMs));
        QCOMPARE(finished.size(), 1);
        QVERIFY2(finished[0][0].toString().contains(QLatin1String("Cancelled")), qPrintable(finished[0][0].toString()));
        QCOMPARE(m_document->bundlePath(), bundle);
        QVERIFY(!m_document->isModified());
        QCOMPARE(m_document->project()->data().sections.size(), before.sections.size());
        QCOMPARE(m_document->project()->data().sections[0].id, before.sections[0].id);
        QCOMPARE(m_document->project()->data().tracks.size(), before.tracks.size());
        // The half-made bundle is gone.
        QVERIFY2(bundlesIn(recoveryDir()).isEmpty(), qPrintable(bundlesIn(recoveryDir()).join(QLatin1Char(' '))));
    }

    void dialogMakesASongInAWindow()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        QQmlEngine engine;
        // Qt 6.4 does not look for modules under qrc:/ by itself; the window below imports S2A.Ui by name.
        engine.addImportPath(QStringLiteral("qrc:/"));
        QList<QQmlError> warnings;
        connect(&engine, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError>& w) { warnings += w; });
        // The file on its own first, so a mistake in it is reported as such and not as "not a type" below.
        QQmlComponent file(&engine, QUrl(QStringLiteral("qrc:/S2A/Ui/qml/NewSongDialog.qml")));
        QVERIFY2(file.isReady(), qPrintable(file.errorString()));
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import QtQuick.Controls
            import S2A.Ui
            ApplicationWindow {
                id: win
                required property NewSongModel newSong
                property alias dialog: dialog
                property string lastError
                width: 900; height: 800; visible: true
                NewSongDialog { id: dialog; model: win.newSong; onErrorRaised: message => win.lastError = message }
            })",
                          QUrl(QStringLiteral("qrc:/test/NewSongWindow.qml")));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        std::unique_ptr<QObject> object(component.createWithInitialProperties({{"newSong", QVariant::fromValue(m_model.get())}}));
        auto* window = qobject_cast<QQuickWindow*>(object.get());
        QVERIFY2(window, qPrintable(component.errorString()));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));

        auto* dialog = object->property("dialog").value<QObject*>();
        QVERIFY(dialog);
        QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
        QTRY_VERIFY(dialog->property("opened").toBool());

        QQuickItem* caption = findItem(window->contentItem(), QStringLiteral("newSongCaption"));
        QQuickItem* understood = findItem(window->contentItem(), QStringLiteral("newSongUnderstood"));
        QQuickItem* create = findItem(window->contentItem(), QStringLiteral("newSongCreate"));
        QQuickItem* templ = findItem(window->contentItem(), QStringLiteral("newSongTemplate"));
        QQuickItem* structure = findItem(window->contentItem(), QStringLiteral("newSongStructure"));
        QQuickItem* seed = findItem(window->contentItem(), QStringLiteral("newSongSeed"));
        QVERIFY(caption && understood && create && templ && structure && seed);
        QVERIFY(!understood->property("text").toString().startsWith(QLatin1String("I understood")));
        // Create with nothing described: refused through errorRaised, nothing started.
        click(window, create);
        QVERIFY2(object->property("lastError").toString().contains(QLatin1String("caption is empty")),
                 qPrintable(object->property("lastError").toString()));
        QVERIFY(!m_model->busy());
        object->setProperty("lastError", QString());

        // Typing the caption updates the line under it as it goes.
        click(window, caption);
        QTRY_VERIFY(caption->hasActiveFocus());
        for (char c : QByteArrayLiteral("upbeat funk with slap bass"))  // no keyClicks() for a QWindow
            QTest::keyClick(window, c);
        QCOMPARE(caption->property("text").toString(), QStringLiteral("upbeat funk with slap bass"));
        const QString line = understood->property("text").toString();
        QVERIFY2(line.startsWith(QStringLiteral("I understood: funk · ")) && line.contains(QLatin1String("slap bass")),
                 qPrintable(line));
        // The tempo box on Auto shows the tempo the caption gives ("upbeat" in funk's range), else the range the
        // seed picks from; never a made-up 120.
        QQuickItem* tempo = findItem(window->contentItem(), QStringLiteral("newSongTempo"));
        QVERIFY(tempo);
        QCOMPARE(tempo->property("displayText").toString(), QStringLiteral("112"));
        for (char c : QByteArrayLiteral(", 100 bpm"))
            QTest::keyClick(window, c);
        QTRY_COMPARE(tempo->property("displayText").toString(), QStringLiteral("100"));
        const QVariant typed = caption->property("text");
        caption->setProperty("text", QStringLiteral("funk"));
        QTRY_COMPARE(tempo->property("displayText").toString(), QStringLiteral("94–112"));
        caption->setProperty("text", typed);

        // "Custom…" (after the templates) reveals the structure field.
        QVERIFY(!structure->isVisible());
        templ->setProperty("currentIndex", m_model->templates().size());
        QTRY_VERIFY(structure->isVisible());
        structure->setProperty("text", QStringLiteral("intro:2,verse:2"));
        seed->setProperty("text", QStringLiteral("5"));

        // The engines are all listed; one that cannot run cannot be chosen.
        QQuickItem* engineBox = findItem(window->contentItem(), QStringLiteral("newSongEngine"));
        QVERIFY(engineBox);
        QCOMPARE(engineBox->property("currentValue").toString(), QStringLiteral("arranger"));
        auto* enginePopup = engineBox->property("popup").value<QObject*>();
        QVERIFY(enginePopup && QMetaObject::invokeMethod(enginePopup, "open"));
        QTRY_VERIFY(enginePopup->property("opened").toBool());
        QQuickItem* diffusion = nullptr;
        QTRY_VERIFY((diffusion = findItem(window->contentItem(), QStringLiteral("newSongEngine_diffusion"))));
        QVERIFY(findItem(window->contentItem(), QStringLiteral("newSongEngine_arranger"))->isEnabled());
        QVERIFY(!diffusion->isEnabled());
        click(window, diffusion);
        QCOMPARE(engineBox->property("currentValue").toString(), QStringLiteral("arranger"));
        QVERIFY(QMetaObject::invokeMethod(enginePopup, "close"));
        QTRY_VERIFY(!enginePopup->property("visible").toBool());

        if (const QByteArray shots = qgetenv("S2A_SCREENSHOT_DIR"); !shots.isEmpty())
            window->grabWindow().save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("new-song-dialog.png")));

        QSignalSpy finished(m_model.get(), &NewSongModel::finished);
        QVERIFY(create->isEnabled());
        click(window, create);
        QTRY_VERIFY(m_model->busy() || finished.size() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, kRenderTimeoutMs);
        QCOMPARE(finished[0][0].toString(), QString());
        QCOMPARE(object->property("lastError").toString(), QString());
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QCOMPARE(sectionLabels(*m_document), (QStringList{"intro", "verse"}));
        QCOMPARE(m_document->project()->data().settings.seed, quint64(5));
        QVERIFY(m_document->isUntitled() && m_document->isModified());

        QStringList messages;
        for (const QQmlError& e : warnings)
            messages << e.toString();
        QVERIFY2(warnings.isEmpty(), qPrintable(messages.join(QLatin1Char('\n'))));
    }

private:
    QString recoveryDir() const { return m_dir->filePath(QStringLiteral("recovery")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<NewSongModel> m_model;
};

QTEST_MAIN(NewSongTest)
#include "tst_new_song.moc"
