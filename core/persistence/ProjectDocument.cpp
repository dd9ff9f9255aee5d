#include "core/persistence/ProjectDocument.h"

#include "core/persistence/BundleWriteLock.h"

#include "core/persistence/ProjectBundle.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace s2a::core {
namespace {

QString newUntitledId() { return QUuid::createUuid().toString(QUuid::Id128); }

// "<id>.s2a.lock" beside an untitled bundle says that a running S2A Studio edits it. QLockFile sees through the
// lock of a process that is gone (crashed, killed), which is exactly the bundle to offer back.
QString lockPath(const QString& bundlePath) { return bundlePath + QStringLiteral(".lock"); }

bool heldByAnotherProcess(const QString& bundlePath)
{
    QLockFile lock(lockPath(bundlePath));
    lock.setStaleLockTime(0);  // a live process's lock never goes stale, however old
    if (!lock.tryLock(0))
        return true;
    lock.unlock();
    return false;
}

}  // namespace

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent)
{
    m_untitledId = newUntitledId();
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

ProjectDocument::~ProjectDocument()
{
    // Nothing unsaved: an untitled song's bundle (a template's linked audio, say) is of no further use. With
    // unsaved changes it stays, as after a crash; the window asks before quitting and discards it then.
    if (isUntitled() && !isModified())
        QDir(recoveryBundle()).removeRecursively();
}

void ProjectDocument::newProject(ProjectData data)
{
    replaceSong(std::move(data), {});
}

bool ProjectDocument::isTemplate(const QString& bundlePath) const
{
    const QString path = QFileInfo(bundlePath).canonicalFilePath();
    return !path.isEmpty() && std::any_of(m_templates.begin(), m_templates.end(), [&](const QString& t) {
        return QFileInfo(t).canonicalFilePath() == path;
    });
}

Status ProjectDocument::open(const QString& bundlePath)
{
    m_openNotice.clear();
    if (isTemplate(bundlePath))
        return openTemplate(bundlePath);
    Result<ProjectData> data = bundle::load(bundlePath);
    QString notice;
    if (!data) {
        // A damaged project.json with a loadable autosave beside it is still recoverable, whatever its age.
        Result<ProjectData> recovered = bundle::loadRecovery(bundlePath);
        if (!recovered)
            return data.error();
        notice = tr("%1\nThe automatic backup was opened instead; save to repair the song.").arg(data.errorMessage());
        data = std::move(recovered);
    }
    replaceSong(std::move(data.value()), bundlePath);
    takeWriteLock(bundlePath);  // held by another writer: open to read; Save asks again and says who holds it
    m_openNotice = notice;
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

Status ProjectDocument::openTemplate(const QString& bundlePath)
{
    Result<ProjectData> data = bundle::load(bundlePath);
    if (!data)
        return data.error();
    const QString id = newUntitledId();
    const QString copy = QDir(untitledRecoveryDir()).filePath(id + QStringLiteral(".s2a"));
    if (Status s = bundle::copyReferencedAudio(data.value(), bundlePath, copy); !s) {
        QDir(copy).removeRecursively();
        return s;
    }
    replaceSong(std::move(data.value()), {}, id);
    holdUntitledRecovery();
    return Status::success();
}

void ProjectDocument::replaceSong(ProjectData data, const QString& bundlePath, const QString& untitledId)
{
    leaveCurrentSong();
    // The new song's untitled id before the reset: views that follow dataReset ask at once where its audio is
    // (an untitled song's recovery bundle), and from one untitled song to the next nothing else tells them again.
    m_untitledId = untitledId.isEmpty() ? newUntitledId() : untitledId;
    m_recoveryAvailable = false;
    m_project.reset(std::move(data));
    setBundlePath(bundlePath);
    markSaved();
}

void ProjectDocument::leaveCurrentSong()
{
    // The window asks about unsaved changes before it replaces a song, so the song's autosave is obsolete now;
    // an untitled song with nothing unsaved leaves nothing anybody will ask for.
    if (isUntitled() && !isModified())
        QDir(recoveryBundle()).removeRecursively();
    else if (isModified())
        bundle::discardRecovery(recoveryBundle());
    m_untitledLock.reset();
    m_writeLock.reset();
}

Status ProjectDocument::takeWriteLock(const QString& bundlePath)
{
    auto lock = bundle::lockForWriting(bundlePath);
    if (!lock)
        return lock.error();
    m_writeLock = std::move(lock.value());
    return Status::success();
}

void ProjectDocument::holdUntitledRecovery()
{
    if (!isUntitled() || m_untitledLock || !QDir().mkpath(untitledRecoveryDir()))
        return;
    m_untitledLock = std::make_unique<QLockFile>(lockPath(recoveryBundle()));
    m_untitledLock->setStaleLockTime(0);
    if (!m_untitledLock->tryLock(0))
        m_untitledLock.reset();
}

void ProjectDocument::adoptUntitled(ProjectData data, const QString& untitledBundlePath)
{
    replaceSong(std::move(data), {}, QFileInfo(untitledBundlePath).completeBaseName());
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

bool ProjectDocument::isUntitledRecovery(const QString& bundlePath) const
{
    const QFileInfo info(bundlePath);
    return info.suffix() == QLatin1String("s2a") && info.absolutePath() == QFileInfo(untitledRecoveryDir()).absoluteFilePath()
        && info.absoluteFilePath() != QFileInfo(recoveryBundle()).absoluteFilePath();
}

QVector<UntitledRecovery> ProjectDocument::untitledRecoveries() const
{
    QVector<UntitledRecovery> found;
    const QDir dir(untitledRecoveryDir());
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.s2a")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString path = info.absoluteFilePath();
        const QFileInfo autosave(bundle::recoveryFile(path));
        if (!autosave.exists() || !isUntitledRecovery(path) || heldByAnotherProcess(path))
            continue;
        if (Result<ProjectData> data = bundle::loadRecovery(path))
            found.push_back({path, autosave.lastModified(), std::move(data.value())});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.savedAt > b.savedAt; });
    return found;
}

Status ProjectDocument::restoreUntitled(const QString& recoveryBundlePath)
{
    if (!isUntitledRecovery(recoveryBundlePath) || heldByAnotherProcess(recoveryBundlePath))
        return Error{tr("%1 is not an automatic backup that can be restored.").arg(QDir::toNativeSeparators(recoveryBundlePath))};
    Result<ProjectData> data = bundle::loadRecovery(recoveryBundlePath);
    if (!data)
        return data.error();
    adoptUntitled(std::move(data.value()), recoveryBundlePath);
    return Status::success();
}

Status ProjectDocument::discardUntitled(const QString& recoveryBundlePath)
{
    if (!isUntitledRecovery(recoveryBundlePath) || heldByAnotherProcess(recoveryBundlePath))
        return Error{tr("%1 is not an automatic backup that can be discarded.").arg(QDir::toNativeSeparators(recoveryBundlePath))};
    if (!QDir(recoveryBundlePath).removeRecursively())
        return Error{tr("Could not delete %1.").arg(QDir::toNativeSeparators(recoveryBundlePath))};
    return Status::success();
}

Status ProjectDocument::save()
{
    if (isUntitled())
        return Error{tr("This song has not been saved yet; choose where to save it.")};
    if (!m_writeLock)
        if (Status s = takeWriteLock(m_bundlePath); !s)
            return s;
    if (Status s = bundle::save(m_project.data(), m_bundlePath); !s)
        return s;
    markSaved();
    return Status::success();
}

Status ProjectDocument::saveAs(const QString& bundlePath)
{
    const QString source = isUntitled() ? recoveryBundle() : m_bundlePath;
    const bool sameSong = !isUntitled() && QFileInfo(bundlePath).absoluteFilePath() == QFileInfo(m_bundlePath).absoluteFilePath();
    auto lock = sameSong && m_writeLock ? Result<std::shared_ptr<QLockFile>>(m_writeLock) : bundle::lockForWriting(bundlePath);
    if (!lock)
        return lock.error();
    if (Status s = bundle::save(m_project.data(), bundlePath, source); !s)
        return s;
    m_writeLock = std::move(lock.value());
    if (isUntitled())
        bundle::discardRecovery(source);
    m_untitledLock.reset();
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
    holdUntitledRecovery();
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
