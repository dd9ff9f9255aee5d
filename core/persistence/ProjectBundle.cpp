#include "core/persistence/ProjectBundle.h"

#include "core/persistence/AtomicFile.h"
#include "core/persistence/ProjectJson.h"
#include "core/persistence/RegularFile.h"
#include "core/persistence/SchemaMigration.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <unistd.h>

namespace s2a::core::bundle {
namespace {

const QString kProjectFile = QStringLiteral("project.json");

// project.json of a four-hour song with hundreds of takes is a few MB; audio files are bounded by what the
// importer decodes (AudioFileReader), with room for uncompressed 32-bit float.
constexpr qint64 kMaxProjectFileBytes = qint64(64) << 20;
constexpr qint64 kMaxAudioFileBytes = qint64(8) << 30;

QString displayName(const QString& file)
{
    // "Song.s2a/project.json": enough to find it, short enough to read.
    const QFileInfo info(file);
    return info.dir().dirName() + QLatin1Char('/') + info.fileName();
}

Result<ProjectData> readProjectFile(const QString& file, const QString& bundlePath, bool checkAudio)
{
    const QString name = displayName(file);
    if (const QFileInfo info(file); !info.exists() && !info.isSymLink())  // a dangling link is refused as a link
        return Error{QStringLiteral("%1: not found; %2 is not an S2A Studio project").arg(name, QDir::toNativeSeparators(bundlePath))};
    const Result<QByteArray> bytes = readRegularFile(file, kMaxProjectFileBytes, name);
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("%1: not valid JSON at byte %2 (%3); the file is damaged or incomplete")
                         .arg(name)
                         .arg(parseError.offset)
                         .arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("%1: $: expected an object").arg(name)};
    Result<QJsonObject> migrated = migrateToCurrentSchema(doc.object());
    if (!migrated)
        return Error{name + QStringLiteral(": ") + migrated.errorMessage()};
    Result<ProjectData> data = projectFromJson(migrated.value());
    if (!data)
        return Error{name + QStringLiteral(": ") + data.errorMessage()};
    if (!checkAudio)
        return data;

    const QDir audio(audioDir(bundlePath));
    const QVector<Section>& sections = data->sections;
    for (int i = 0; i < sections.size(); ++i)
        for (int j = 0; j < sections[i].takes.size(); ++j)
            for (int k = 0; k < sections[i].takes[j].clips.size(); ++k) {
                const QString& clipFile = sections[i].takes[j].clips[k].file;
                const QString where = QStringLiteral("%1: $.sections[%2].takes[%3].clips[%4].file").arg(name).arg(i).arg(j).arg(k);
                const QFileInfo info(audio.filePath(clipFile));
                if (!info.exists() && !info.isSymLink())
                    return Error{QStringLiteral("%1: audio file audio/%2 is missing").arg(where, clipFile)};
                if (Status s = checkRegularFile(info.filePath(), kMaxAudioFileBytes,
                                                where + QStringLiteral(": audio/") + clipFile); !s)
                    return s.error();
            }
    return data;
}

QSet<QString> referencedAudio(const ProjectData& data)
{
    QSet<QString> files;
    for (const Section& s : data.sections)
        for (const Take& t : s.takes)
            for (const AudioClip& c : t.clips)
                files.insert(c.file);
    return files;
}

enum class Link { Allowed, Never };

Status copyInto(const QString& source, const QString& target, Link link)
{
    // Between bundles a hard link costs nothing and is safe: bundle audio files are never rewritten in place.
    // A file from outside is always copied, since its owner may rewrite it.
    if (link == Link::Allowed)  // from another song's folder: its own regular file, never what a link points at
        if (Status s = checkRegularFile(source, kMaxAudioFileBytes, displayName(source)); !s)
            return s;
    if (link == Link::Allowed && ::link(QFile::encodeName(source).constData(), QFile::encodeName(target).constData()) == 0)
        return Status::success();
    const QString temp = target + QStringLiteral(".part");
    QFile::remove(temp);
    if (!QFile::copy(source, temp))
        return Error{QStringLiteral("Could not copy %1 into the project").arg(QDir::toNativeSeparators(source))};
    if (!QFile::rename(temp, target)) {
        QFile::remove(temp);
        return Error{QStringLiteral("Could not store %1 in the project").arg(QFileInfo(target).fileName())};
    }
    return Status::success();
}

QByteArray serialise(const ProjectData& data)
{
    return QJsonDocument(projectToJson(data)).toJson(QJsonDocument::Indented);
}

}  // namespace

QString projectFile(const QString& bundlePath) { return QDir(bundlePath).filePath(kProjectFile); }
QString backupFile(const QString& bundlePath) { return projectFile(bundlePath) + QStringLiteral(".bak"); }
QString recoveryFile(const QString& bundlePath) { return QDir(bundlePath).filePath(QStringLiteral("project.autosave.json")); }
QString audioDir(const QString& bundlePath) { return QDir(bundlePath).filePath(QStringLiteral("audio")); }

Result<ProjectData> load(const QString& bundlePath)
{
    Result<ProjectData> data = readProjectFile(projectFile(bundlePath), bundlePath, true);
    if (!data && QFileInfo::exists(backupFile(bundlePath)))
        return Error{data.errorMessage() + QStringLiteral(". The previous save is kept in project.json.bak.")};
    return data;
}

Result<ProjectData> loadBackup(const QString& bundlePath)
{
    return readProjectFile(backupFile(bundlePath), bundlePath, true);
}

Status save(const ProjectData& data, const QString& bundlePath, const QString& audioSourceBundle)
{
    if (Status s = copyReferencedAudio(data, audioSourceBundle, bundlePath); !s)
        return s;
    const QString file = projectFile(bundlePath);
    removeStaleTempFiles(file);
    // The current project.json becomes the backup only when it is a good song: after a damaged one fell back
    // to the autosave, saving must not turn the damage into project.json.bak over the last good backup.
    const bool currentIsGood = readProjectFile(file, bundlePath, false).ok();
    if (Status s = writeFileAtomically(file, serialise(data), currentIsGood ? backupFile(bundlePath) : QString()); !s)
        return s;
    discardRecovery(bundlePath);
    return Status::success();
}

Status copyReferencedAudio(const ProjectData& data, const QString& sourceBundle, const QString& bundlePath)
{
    if (!QDir().mkpath(audioDir(bundlePath)))
        return Error{QStringLiteral("Could not create the project folder %1").arg(QDir::toNativeSeparators(bundlePath))};
    if (sourceBundle.isEmpty() || QFileInfo(sourceBundle).canonicalFilePath() == QFileInfo(bundlePath).canonicalFilePath())
        return Status::success();
    const QDir from(audioDir(sourceBundle));
    const QDir to(audioDir(bundlePath));
    for (const QString& file : referencedAudio(data))
        if (!to.exists(file))
            if (Status s = copyInto(from.filePath(file), to.filePath(file), Link::Allowed); !s)
                return s;
    // The takes' MIDI goes along where it is; a missing one only costs its MIDI export, never the save.
    for (const Section& section : data.sections)
        for (const Take& take : section.takes)
            for (const AudioClip& clip : take.clips)
                if (!clip.midiFile.isEmpty() && !to.exists(clip.midiFile) && from.exists(clip.midiFile))
                    if (Status s = copyInto(from.filePath(clip.midiFile), to.filePath(clip.midiFile), Link::Allowed); !s)
                        return s;
    syncDirectory(to.path());
    return Status::success();
}

Result<QString> addAudioFile(const QString& bundlePath, const QString& sourceFile)
{
    QFile in(sourceFile);
    if (!in.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(QDir::toNativeSeparators(sourceFile), in.errorString())};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in))
        return Error{QStringLiteral("%1: read error: %2").arg(QDir::toNativeSeparators(sourceFile), in.errorString())};
    const QString suffix = QFileInfo(sourceFile).suffix().toLower();
    // 128 bits of SHA-256 name a file uniquely for any realistic project and keep names readable.
    const QString name = QString::fromLatin1(hash.result().toHex().left(32)) + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    const QDir dir(audioDir(bundlePath));
    if (!QDir().mkpath(dir.path()))
        return Error{QStringLiteral("Could not create %1").arg(QDir::toNativeSeparators(dir.path()))};
    if (dir.exists(name))
        return name;
    if (Status s = copyInto(sourceFile, dir.filePath(name), Link::Never); !s)
        return s.error();
    syncDirectory(dir.path());
    return name;
}

Result<QString> addFileBytes(const QString& bundlePath, const QByteArray& bytes, const QString& suffix)
{
    const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(32))
        + QLatin1Char('.') + suffix;
    const QDir dir(audioDir(bundlePath));
    if (!QDir().mkpath(dir.path()))
        return Error{QStringLiteral("Could not create %1").arg(QDir::toNativeSeparators(dir.path()))};
    if (dir.exists(name))
        return name;
    if (Status s = writeFileAtomically(dir.filePath(name), bytes); !s)
        return s.error();
    return name;
}

Status writeRecovery(const ProjectData& data, const QString& bundlePath)
{
    if (!QDir().mkpath(bundlePath))
        return Error{QStringLiteral("Could not create %1").arg(QDir::toNativeSeparators(bundlePath))};
    return writeFileAtomically(recoveryFile(bundlePath), serialise(data));
}

bool hasNewerRecovery(const QString& bundlePath)
{
    const QFileInfo recovery(recoveryFile(bundlePath));
    if (!recovery.exists())
        return false;
    const QFileInfo saved(projectFile(bundlePath));
    return !saved.exists() || recovery.lastModified() >= saved.lastModified();
}

Result<ProjectData> loadRecovery(const QString& bundlePath)
{
    return readProjectFile(recoveryFile(bundlePath), bundlePath, true);
}

void discardRecovery(const QString& bundlePath)
{
    QFile::remove(recoveryFile(bundlePath));
}

}  // namespace s2a::core::bundle
