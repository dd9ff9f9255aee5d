#include "core/persistence/ProjectDocument.h"

#include "core/persistence/ProjectBundle.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

namespace s2a::core {

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent)
{
    m_untitledId = QUuid::createUuid().toString(QUuid::Id128);
    connect(m_project.undoStack(), &QUndoStack::cleanChanged, this, [this] { Q_EMIT modifiedChanged(isModified()); });
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this] {
        if (Status s = autosaveNow(); !s)
            Q_EMIT autosaveFailed(s.errorMessage());
    });
    restartAutosave();
}

bool ProjectDocument::isModified() const
{
    return m_dirtyWithoutUndo || !m_project.undoStack()->isClean();
}

void ProjectDocument::newProject(ProjectData data)
{
    m_project.reset(std::move(data));
    m_untitledId = QUuid::createUuid().toString(QUuid::Id128);
    m_recoveryAvailable = false;
    setBundlePath({});
    markSaved();
}

Status ProjectDocument::open(const QString& bundlePath)
{
    Result<ProjectData> data = bundle::load(bundlePath);
    m_openNotice.clear();
    if (!data) {
        // A damaged project.json with a loadable autosave beside it is still recoverable, whatever its age.
        Result<ProjectData> recovered = bundle::loadRecovery(bundlePath);
        if (!recovered)
            return data.error();
        m_openNotice = tr("%1\nThe automatic backup was opened instead; save to repair the song.").arg(data.errorMessage());
        data = std::move(recovered);
    }
    m_project.reset(std::move(data.value()));
    setBundlePath(bundlePath);
    markSaved();
    const bool fromAutosave = !m_openNotice.isEmpty();
    m_recoveryAvailable = !fromAutosave && bundle::hasNewerRecovery(bundlePath);
    if (fromAutosave) {
        m_dirtyWithoutUndo = true;
        Q_EMIT modifiedChanged(true);
    }
    return Status::success();
}

QString ProjectDocument::newUntitledBundlePath() const
{
    return QDir(untitledRecoveryDir()).filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".s2a"));
}

void ProjectDocument::adoptUntitled(ProjectData data, const QString& untitledBundlePath)
{
    m_project.reset(std::move(data));
    m_untitledId = QFileInfo(untitledBundlePath).completeBaseName();
    m_recoveryAvailable = false;
    setBundlePath({});
    markSaved();
    m_dirtyWithoutUndo = true;
    Q_EMIT modifiedChanged(true);
    if (Status s = autosaveNow(); !s)
        Q_EMIT autosaveFailed(s.errorMessage());
}

Status ProjectDocument::restoreRecovery()
{
    Result<ProjectData> data = bundle::loadRecovery(recoveryBundle());
    if (!data)
        return data.error();
    m_project.reset(std::move(data.value()));
    m_recoveryAvailable = false;
    m_autosavedIndex = m_project.undoStack()->index();
    m_dirtyWithoutUndo = true;
    Q_EMIT modifiedChanged(true);
    return Status::success();
}

void ProjectDocument::discardRecovery()
{
    bundle::discardRecovery(recoveryBundle());
    m_recoveryAvailable = false;
}

Status ProjectDocument::save()
{
    if (isUntitled())
        return Error{tr("This song has not been saved yet; choose where to save it.")};
    if (Status s = bundle::save(m_project.data(), m_bundlePath); !s)
        return s;
    markSaved();
    return Status::success();
}

Status ProjectDocument::saveAs(const QString& bundlePath)
{
    const QString source = isUntitled() ? recoveryBundle() : m_bundlePath;
    if (Status s = bundle::save(m_project.data(), bundlePath, source); !s)
        return s;
    if (isUntitled())
        bundle::discardRecovery(source);
    setBundlePath(bundlePath);
    markSaved();
    return Status::success();
}

void ProjectDocument::setAutosaveInterval(int milliseconds)
{
    m_autosaveMs = std::max(0, milliseconds);
    restartAutosave();
}

Status ProjectDocument::autosaveNow()
{
    if (!isModified() || (m_autosavedIndex == m_project.undoStack()->index() && !m_dirtyWithoutUndo))
        return Status::success();
    if (Status s = bundle::writeRecovery(m_project.data(), recoveryBundle()); !s)
        return s;
    m_autosavedIndex = m_project.undoStack()->index();
    Q_EMIT autosaved();
    return Status::success();
}

QString ProjectDocument::untitledRecoveryDir() const
{
    if (!m_untitledDir.isEmpty())
        return m_untitledDir;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("recovery"));
}

QString ProjectDocument::recoveryBundle() const
{
    if (!isUntitled())
        return m_bundlePath;
    return QDir(untitledRecoveryDir()).filePath(m_untitledId + QStringLiteral(".s2a"));
}

void ProjectDocument::setBundlePath(const QString& path)
{
    if (path == m_bundlePath)
        return;
    m_bundlePath = path;
    Q_EMIT bundlePathChanged(path);
}

void ProjectDocument::markSaved()
{
    const bool wasModified = isModified();
    m_project.undoStack()->setClean();
    m_dirtyWithoutUndo = false;
    m_autosavedIndex = m_project.undoStack()->index();
    if (wasModified)
        Q_EMIT modifiedChanged(false);
}

void ProjectDocument::restartAutosave()
{
    m_autosaveTimer.stop();
    if (m_autosaveMs > 0)
        m_autosaveTimer.start(m_autosaveMs);
}

}  // namespace s2a::core
