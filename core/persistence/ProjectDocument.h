#pragma once

#include "core/model/Project.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace s2a::core {

// An untitled song's autosave that no running S2A Studio holds: what a crash or a kill left behind.
struct UntitledRecovery {
    QString bundlePath;  // its folder under the untitled recovery folder
    QDateTime savedAt;   // when it was autosaved
    ProjectData data;
};

// An open project and where it lives: open, save, save as, and autosave to a recovery file so that a crash
// loses at most one autosave interval of work. The GUI and the CLI both drive projects through this.
class ProjectDocument : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultAutosaveMs = 60'000;

    explicit ProjectDocument(QObject* parent = nullptr);
    ~ProjectDocument() override;

    Project* project() { return &m_project; }
    const Project* project() const { return &m_project; }
    QString bundlePath() const { return m_bundlePath; }
    bool isUntitled() const { return m_bundlePath.isEmpty(); }
    bool isModified() const;

    // A fresh, untitled song; its autosaves go to `untitledRecoveryDir()`.
    void newProject(ProjectData data);
    // Opens a song. A template (setTemplateBundles) opens as an untitled copy instead: its audio is linked into
    // the copy's recovery bundle, so Save asks where, and autosaves and new takes go to the copy, never into it.
    Status open(const QString& bundlePath);
    void setTemplateBundles(const QStringList& bundlePaths) { m_templates = bundlePaths; }
    bool isTemplate(const QString& bundlePath) const;
    // For imports: a fresh untitled bundle folder (under untitledRecoveryDir()) to put the audio in first, and
    // then the song that refers to it. The song is unsaved (modified) and autosaved at once.
    QString newUntitledBundlePath() const;
    void adoptUntitled(ProjectData data, const QString& untitledBundlePath);
    Status save();
    Status saveAs(const QString& bundlePath);

    // After open(): set when project.json was damaged and the autosave was opened instead; say it to the user.
    QString openNotice() const { return m_openNotice; }
    // After open(): an autosave newer than the last save exists (the app crashed or was killed).
    bool recoveryAvailable() const { return m_recoveryAvailable; }
    // Replaces the opened song with the autosaved one; the document stays modified until saved.
    Status restoreRecovery();
    void discardRecovery();

    // Autosaves of untitled songs left by a crash or a kill (not this document's, nor one a running S2A Studio
    // still edits), newest first. Each loads with its audio; damaged ones are left out.
    QVector<UntitledRecovery> untitledRecoveries() const;
    // Opens one (a bundle from untitledRecoveries()) as the current untitled, unsaved song.
    Status restoreUntitled(const QString& recoveryBundlePath);
    // Deletes one with its audio, which no saved song refers to (Save As links or copies what it needs).
    Status discardUntitled(const QString& recoveryBundlePath);

    void setAutosaveInterval(int milliseconds);  // 0 turns autosave off
    int autosaveInterval() const { return m_autosaveMs; }
    // Writes the recovery file now if there is anything unsaved.
    Status autosaveNow();
    // Where autosaves of untitled songs go (a bundle folder per song).
    QString recoveryBundle() const;
    void setUntitledRecoveryDir(const QString& dir) { m_untitledDir = dir; }
    QString untitledRecoveryDir() const;

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void bundlePathChanged(const QString& path);
    void autosaved();
    void autosaveFailed(const QString& message);

private:
    void setBundlePath(const QString& path);
    void markSaved();
    void restartAutosave();
    Status openTemplate(const QString& bundlePath);
    // Puts `data` on screen in place of the current song, which is left first (leaveCurrentSong).
    void replaceSong(ProjectData data, const QString& bundlePath, const QString& untitledId = {});
    void leaveCurrentSong();
    // Marks this document's untitled recovery bundle as in use, so other instances do not offer it back.
    void holdUntitledRecovery();
    bool isUntitledRecovery(const QString& bundlePath) const;

    Project m_project;
    QString m_bundlePath;
    QString m_untitledId;
    QString m_untitledDir;
    QStringList m_templates;
    std::unique_ptr<QLockFile> m_untitledLock;  // held while this document's untitled bundle has content
    // The open song's write lock (BundleWriteLock.h): taken when it opens or is saved as, released when another
    // song replaces it. Null while another writer holds it: the song is open to read, and Save asks again.
    std::shared_ptr<QLockFile> m_writeLock;
    Status takeWriteLock(const QString& bundlePath);
    QTimer m_autosaveTimer;
    int m_autosaveMs = kDefaultAutosaveMs;
    int m_autosavedIndex = -1;     // undo index of the last autosave
    bool m_dirtyWithoutUndo = false;  // restored from recovery: unsaved, yet nothing to undo
    bool m_recoveryAvailable = false;
    QString m_openNotice;
};

}  // namespace s2a::core
