#pragma once

#include "core/persistence/ProjectDocument.h"
#include "ui/viewmodels/BackgroundJob.h"
#include "ui/viewmodels/UndoHistoryModel.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <functional>

#include <memory>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// What the window shows of the open document (title, modified state, where it lives) and the file actions
// behind the File menu. Every failure comes back as a sentence for a dialog, never as a crash.
class DocumentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString windowTitle READ windowTitle NOTIFY changed)
    Q_PROPERTY(bool modified READ modified NOTIFY changed)
    Q_PROPERTY(bool untitled READ untitled NOTIFY changed)
    Q_PROPERTY(QString bundlePath READ bundlePath NOTIFY changed)
    Q_PROPERTY(int sampleRate READ sampleRate NOTIFY changed)
    Q_PROPERTY(double tempo READ tempo NOTIFY changed)
    Q_PROPERTY(QString key READ key NOTIFY changed)
    Q_PROPERTY(QString lengthText READ lengthText NOTIFY changed)
    Q_PROPERTY(int trackCount READ trackCount NOTIFY changed)
    Q_PROPERTY(int sectionCount READ sectionCount NOTIFY changed)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY changed)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY changed)
    // Edit > Undo History: every step by name; jump to any of them.
    Q_PROPERTY(UndoHistoryModel* history READ history CONSTANT)
    Q_PROPERTY(QString runtimeDescription READ runtimeDescription CONSTANT)
    // Help > About: the version, commit, Qt, PortAudio and compute device, as `s2a --version` prints them.
    Q_PROPERTY(QString buildReport READ buildReport CONSTANT)
    Q_PROPERTY(QVariantList sections READ sections NOTIFY changed)
    Q_PROPERTY(bool hasAudio READ hasAudio NOTIFY changed)
    Q_PROPERTY(QString activity READ activity NOTIFY activityChanged)
    // Songs opened or saved lately, newest first (File > Open Recent); only those still on disk.
    Q_PROPERTY(QStringList recentSongs READ recentSongs NOTIFY recentSongsChanged)
    // Untitled songs a crash or a kill left unsaved, newest first: one map each with path, title, savedAt
    // (date and time, as text) and length (as text).
    Q_PROPERTY(QVariantList untitledRecoveries READ untitledRecoveries NOTIFY untitledRecoveriesChanged)

public:
    explicit DocumentController(core::ProjectDocument* document, QString runtimeDescription, QObject* parent = nullptr);

    QString title() const;
    QString windowTitle() const;
    bool modified() const { return m_document->isModified(); }
    bool untitled() const { return m_document->isUntitled(); }
    QString bundlePath() const { return m_document->bundlePath(); }
    int sampleRate() const { return m_document->project()->data().settings.sampleRate; }
    double tempo() const { return m_document->project()->data().settings.tempo; }
    QString key() const { return m_document->project()->data().settings.key; }
    QString lengthText() const;
    int trackCount() const { return int(m_document->project()->data().tracks.size()); }
    int sectionCount() const { return int(m_document->project()->data().sections.size()); }
    bool canUndo() const { return m_document->project()->undoStack()->canUndo(); }
    bool canRedo() const { return m_document->project()->undoStack()->canRedo(); }
    UndoHistoryModel* history() { return &m_history; }
    QString runtimeDescription() const { return m_runtime; }
    QString buildReport() const;
    // One map per section: label, caption, start and length as fractions of the song, takes.
    QVariantList sections() const;
    bool hasAudio() const;
    // A long task the window should mention ("Preparing the demo song…"); empty when idle.
    QString activity() const { return m_activity; }
    void setActivity(const QString& activity);

    // Each returns an empty string when there is nothing to tell, else the message to show (an error, or for
    // open() the notice that a damaged song was opened from its autosave).
    Q_INVOKABLE QString newProject();
    Q_INVOKABLE QString open(const QUrl& bundle);
    // A song folder (or its project.json) opens; anything else is imported as audio (drag and drop, the
    // command line).
    Q_INVOKABLE QString openOrImport(const QUrl& url);
    Q_INVOKABLE QString save();
    Q_INVOKABLE QString saveAs(const QUrl& bundle);
    // What Save As proposes: "<title>.s2a" in `folder` (else Documents, else home), numbered when taken.
    Q_INVOKABLE QUrl suggestedSaveUrl(const QUrl& folder) const;
    Q_INVOKABLE QString restoreRecovery();
    Q_INVOKABLE void discardRecovery();
    // After start-up: offers back what the last session left unsaved (recoveryOffered() for the open song,
    // untitledRecoveriesOffered() for untitled songs).
    void offerRecoveries();
    QVariantList untitledRecoveries() const;
    Q_INVOKABLE QString restoreUntitled(const QString& path);
    Q_INVOKABLE QString discardUntitled(const QString& path);
    // Analyses an audio file in the background into a new, sectioned, unsaved song. Returns an error to show
    // at once, or empty when the import started; importFinished() follows.
    Q_INVOKABLE QString importAudio(const QUrl& file);
    // File > Accompany a Recording: the recording at `file` becomes a locked track (`trackName`, `role`) of a
    // new, unsaved song, analysed (its tempo, bar 1, key, chords from its tune when `melody`, else from what it
    // plays, sections), with a band in the style of `caption` as each section's take (inference/Accompaniment.h).
    // `seed`: a number, or empty for a new one. In the background like importAudio; importFinished() follows.
    Q_INVOKABLE QString accompany(const QUrl& file, const QString& caption, const QString& trackName, const QString& role,
                                  bool melody, const QString& seed = {});
    Q_INVOKABLE QString openRecent(int index);
    QStringList recentSongs() const;
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

Q_SIGNALS:
    void changed();
    // Emitted after open() when an autosave newer than the last save exists.
    void recoveryOffered();
    void untitledRecoveriesOffered();
    void untitledRecoveriesChanged();
    void autosaveFailed(const QString& message);
    void activityChanged();
    void recentSongsChanged();
    // Empty message: the imported song is open.
    void importFinished(const QString& message);

private:
    void rememberRecent(const QString& bundle);
    // Runs `work` (which fills a new untitled bundle and returns its song) in the background, showing `activity`
    // with its progress; the song opens when it is done.
    using ImportWork = std::function<Result<core::ProjectData>(const QString& bundle, JobControl& job)>;
    QString startImport(const QString& activity, ImportWork work);

    core::ProjectDocument* m_document;
    UndoHistoryModel m_history;
    QString m_runtime;
    QString m_activity;
    QFutureWatcher<QString> m_import;
    std::shared_ptr<BackgroundJob> m_importJob;
    QTimer m_importPoll;
    core::ProjectData m_imported;
    QString m_importBundle;
    QString m_importActivity;
};

}  // namespace s2a::ui
