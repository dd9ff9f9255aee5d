#include "ui/viewmodels/DocumentController.h"

#include "core/app/BuildInfo.h"
#include "inference/EngineCatalogue.h"
#include "inference/diffusion/DiffusionEngine.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

#include "core/audio/AudioImport.h"
#include "core/persistence/ProjectBundle.h"
#include "inference/Accompaniment.h"
#include "inference/SectionRegenerator.h"
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/DemoSong.h"
#include "ui/viewmodels/TransportModel.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

namespace s2a::ui {
namespace {

QString localPath(const QUrl& url)
{
    QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    // A bundle is a folder; accept a click on its project.json as well.
    if (QFileInfo(path).fileName() == QLatin1String("project.json"))
        path = QFileInfo(path).absolutePath();
    return path;
}

}  // namespace

QString DocumentController::buildReport() const
{
    return (core::buildReport(m_runtime) << inference::diffusion::weightsReport(inference::diffusionSettings().config)).join(QLatin1Char('\n'));
}

DocumentController::DocumentController(core::ProjectDocument* document, QString runtimeDescription, QObject* parent)
    : QObject(parent), m_document(document), m_history(document->project()->undoStack()), m_runtime(std::move(runtimeDescription))
{
    // The demo opens as a template: an untitled copy, so that Save asks where and never writes into it.
    m_document->setTemplateBundles({inference::arranger::demoSongPath()});
    core::Project* project = m_document->project();
    connect(m_document, &core::ProjectDocument::modifiedChanged, this, &DocumentController::changed);
    connect(m_document, &core::ProjectDocument::bundlePathChanged, this, &DocumentController::changed);
    connect(m_document, &core::ProjectDocument::autosaveFailed, this, &DocumentController::autosaveFailed);
    connect(project, &core::Project::dataReset, this, &DocumentController::changed);
    connect(project, &core::Project::settingsChanged, this, &DocumentController::changed);
    connect(project, &core::Project::tracksReset, this, &DocumentController::changed);
    connect(project, &core::Project::sectionsReplaced, this, &DocumentController::changed);
    connect(project->undoStack(), &QUndoStack::indexChanged, this, &DocumentController::changed);
    connect(&m_importPoll, &QTimer::timeout, this, [this] {
        if (m_importJob)
            setActivity(QStringLiteral("%1 %2 %").arg(m_importActivity).arg(qRound(100.0 * m_importJob->fraction())));
    });
    connect(&m_import, &QFutureWatcherBase::finished, this, [this] {
        m_importPoll.stop();
        setActivity({});
        const QString error = m_import.result();
        if (error.isEmpty())
            m_document->adoptUntitled(std::move(m_imported), m_importBundle);
        Q_EMIT importFinished(error.isEmpty() ? QString() : tr("Could not import: %1").arg(error));
    });
}

QString DocumentController::title() const
{
    const QString title = m_document->project()->data().settings.title;
    return title.isEmpty() ? tr("Untitled") : title;
}

QString DocumentController::windowTitle() const
{
    return (modified() ? QStringLiteral("● ") : QString()) + title() + QStringLiteral(" — S2A Studio");
}

QString DocumentController::lengthText() const
{
    const auto& data = m_document->project()->data();
    return TransportModel::formatTime(data.length(), data.settings.sampleRate);
}

QVariantList DocumentController::sections() const
{
    const auto& data = m_document->project()->data();
    const double length = std::max<double>(1.0, double(data.length()));
    QVariantList out;
    for (const auto& s : data.sections)
        out.append(QVariantMap{{QStringLiteral("label"), s.displayName()},
                               {QStringLiteral("caption"), s.caption},
                               {QStringLiteral("start"), double(s.start) / length},
                               {QStringLiteral("length"), double(s.length()) / length},
                               {QStringLiteral("takes"), int(s.takes.size())}});
    return out;
}

bool DocumentController::hasAudio() const
{
    for (const auto& s : m_document->project()->data().sections)
        if (const auto* take = s.activeTake(); take && !take->clips.isEmpty())
            return true;
    return false;
}

void DocumentController::setActivity(const QString& activity)
{
    if (activity == m_activity)
        return;
    m_activity = activity;
    Q_EMIT activityChanged();
}

QString DocumentController::newProject()
{
    m_document->newProject(core::ProjectData::createNew(tr("Untitled"), 44100, qint64(44100) * 60));
    return {};
}

QString DocumentController::open(const QUrl& bundle)
{
    const QString path = localPath(bundle);
    const Status status = m_document->open(path);
    if (!status)
        return status.errorMessage();
    rememberRecent(path);  // a template opens untitled: remember where it came from
    if (!m_document->openNotice().isEmpty())
        return m_document->openNotice();
    if (m_document->recoveryAvailable())
        Q_EMIT recoveryOffered();
    return {};
}

QString DocumentController::openOrImport(const QUrl& url)
{
    const QString path = localPath(url);
    if (path.endsWith(QLatin1String(".s2a")) || path.endsWith(QLatin1String(".s2a/"))
        || QFileInfo::exists(core::bundle::projectFile(path)))
        return open(url);
    return importAudio(url);
}

QString DocumentController::importAudio(const QUrl& file)
{
    const QString path = localPath(file);
    return startImport(tr("Analysing %1…").arg(QFileInfo(path).fileName()),
                       [path](const QString& bundle, JobControl& job) -> Result<core::ProjectData> {
                           constexpr int kRate = 44100;
                           auto audio = core::importAudio(path, kRate, core::ChannelPolicy::DownmixToStereo);
                           if (!audio)
                               return audio.error();
                           auto analysis = inference::analysis::analyzeSong(audio->audio, job);
                           if (!analysis)
                               return analysis.error();
                           auto stored = inference::storeStem(bundle, audio->audio);
                           if (!stored)
                               return stored.error();
                           return inference::analysis::projectFromAnalysis(analysis.value(), QFileInfo(path).completeBaseName(),
                                                                           stored.value(), kRate, audio->audio.frames());
                       });
}

QString DocumentController::accompany(const QUrl& file, const QString& caption, const QString& trackName, const QString& role,
                                      bool melody, const QString& seed)
{
    const QString path = localPath(file);
    inference::AccompanySpec spec;
    spec.caption = caption.trimmed();
    const auto recordingRole = core::trackRoleFromString(role);
    spec.recording = {trackName, recordingRole && *recordingRole != core::TrackRole::Mix ? *recordingRole : core::TrackRole::Lead};
    spec.chords = melody ? inference::analysis::ChordReading::Melody : inference::analysis::ChordReading::Played;
    spec.downmix = true;
    bool numeric = false;
    spec.seed = seed.trimmed().toULongLong(&numeric);
    if (!numeric || spec.seed == 0)
        spec.seed = QRandomGenerator::global()->generate64() | 1;
    return startImport(tr("Accompanying %1…").arg(QFileInfo(path).fileName()),
                       [path, spec](const QString& bundle, JobControl& job) -> Result<core::ProjectData> {
                           inference::arranger::ArrangerEngine engine;
                           return inference::accompanyRecording(path, bundle, spec, engine, job);
                       });
}

QString DocumentController::startImport(const QString& activity, ImportWork work)
{
    if (m_import.isRunning())
        return tr("An import is already running.");
    const QString bundle = m_document->newUntitledBundlePath();
    m_importJob = std::make_shared<BackgroundJob>();
    m_importBundle = bundle;
    m_importActivity = activity;
    setActivity(activity);
    auto job = m_importJob;
    // The worker only fills m_imported before it finishes; the UI thread reads it in finished().
    m_import.setFuture(QtConcurrent::run([this, job, bundle, work = std::move(work)] {
        auto song = work(bundle, *job);
        if (!song)
            return song.errorMessage();
        m_imported = std::move(song.value());
        return QString();
    }));
    m_importPoll.start(200);
    return {};
}

QString DocumentController::save()
{
    return m_document->save().errorMessage();
}

QString DocumentController::saveAs(const QUrl& bundle)
{
    QString path = localPath(bundle);
    if (!path.endsWith(QLatin1String(".s2a")))
        path += QStringLiteral(".s2a");
    const Status status = m_document->saveAs(path);
    if (status)
        rememberRecent(m_document->bundlePath());
    return status.errorMessage();
}

QUrl DocumentController::suggestedSaveUrl(const QUrl& folder) const
{
    QString dir = folder.isLocalFile() ? folder.toLocalFile() : QString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QFileInfo(dir).isDir())
        dir = QDir::homePath();
    QString name = title();
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    QString path = QDir(dir).filePath(name + QStringLiteral(".s2a"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(dir).filePath(QStringLiteral("%1 %2.s2a").arg(name).arg(n));
    return QUrl::fromLocalFile(path);
}

namespace {
const QString kRecentKey = QStringLiteral("recentSongs");
constexpr int kRecentCount = 10;
}  // namespace

QStringList DocumentController::recentSongs() const
{
    QStringList songs;
    for (const QString& path : QSettings().value(kRecentKey).toStringList())
        if (QFileInfo::exists(core::bundle::projectFile(path)))
            songs << path;
    return songs;
}

void DocumentController::rememberRecent(const QString& bundle)
{
    const QString path = QFileInfo(bundle).absoluteFilePath();
    QStringList songs = QSettings().value(kRecentKey).toStringList();
    songs.removeAll(path);
    songs.prepend(path);
    QSettings().setValue(kRecentKey, songs.mid(0, kRecentCount));
    Q_EMIT recentSongsChanged();
}

QString DocumentController::openRecent(int index)
{
    const QStringList songs = recentSongs();
    if (index < 0 || index >= songs.size())
        return tr("That song is no longer on disk.");
    return open(QUrl::fromLocalFile(songs[index]));
}

QString DocumentController::restoreRecovery()
{
    return m_document->restoreRecovery().errorMessage();
}

void DocumentController::discardRecovery()
{
    m_document->discardRecovery();
}

void DocumentController::offerRecoveries()
{
    if (m_document->recoveryAvailable())
        Q_EMIT recoveryOffered();
    if (!m_document->untitledRecoveries().isEmpty())
        Q_EMIT untitledRecoveriesOffered();
}

QVariantList DocumentController::untitledRecoveries() const
{
    QVariantList out;
    for (const core::UntitledRecovery& r : m_document->untitledRecoveries()) {
        const QString title = r.data.settings.title;
        out.append(QVariantMap{
            {QStringLiteral("path"), r.bundlePath},
            {QStringLiteral("title"), title.isEmpty() ? tr("Untitled") : title},
            {QStringLiteral("savedAt"), QLocale().toString(r.savedAt, QLocale::ShortFormat)},
            {QStringLiteral("length"), TransportModel::formatTime(r.data.length(), r.data.settings.sampleRate)}});
    }
    return out;
}

QString DocumentController::restoreUntitled(const QString& path)
{
    const QString error = m_document->restoreUntitled(path).errorMessage();
    Q_EMIT untitledRecoveriesChanged();
    return error;
}

QString DocumentController::discardUntitled(const QString& path)
{
    const QString error = m_document->discardUntitled(path).errorMessage();
    Q_EMIT untitledRecoveriesChanged();
    return error;
}

void DocumentController::undo() { m_document->project()->undoStack()->undo(); }
void DocumentController::redo() { m_document->project()->undoStack()->redo(); }

}  // namespace s2a::ui
