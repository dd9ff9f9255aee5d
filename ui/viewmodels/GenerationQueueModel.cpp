#include "ui/viewmodels/GenerationQueueModel.h"

#include "ui/viewmodels/EngineChoices.h"

#include "core/persistence/ProjectBundle.h"
#include "core/util/ClockText.h"
#include "inference/EngineCatalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>
#include <QUrl>

#include <cmath>

namespace s2a::ui {

namespace {

const QString kQueued = QStringLiteral("queued");
const QString kRunning = QStringLiteral("running");
const QString kDone = QStringLiteral("done");
const QString kFailed = QStringLiteral("failed");
const QString kCancelled = QStringLiteral("cancelled");

bool isActive(const QString& state) { return state == kQueued || state == kRunning; }

QString capitalised(const QString& text) { return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1); }


}  // namespace

GenerationQueueModel::GenerationQueueModel(core::ProjectDocument* document, QObject* parent)
    : QAbstractListModel(parent), m_document(document), m_worker(std::make_unique<inference::GenerationWorker>())
{
    using W = inference::GenerationWorker;
    // Queued explicitly: the worker emits on its own thread, and a cancel of a queued job is posted; either
    // way the model changes only from the event loop, never inside a call into the worker.
    connect(m_worker.get(), &W::jobStarted, this, &GenerationQueueModel::onStarted, Qt::QueuedConnection);
    connect(m_worker.get(), &W::jobProgress, this, &GenerationQueueModel::onProgress, Qt::QueuedConnection);
    connect(m_worker.get(), &W::jobFinished, this, &GenerationQueueModel::onFinished, Qt::QueuedConnection);
    connect(m_worker.get(), &W::jobFailed, this, &GenerationQueueModel::onFailed, Qt::QueuedConnection);
    connect(m_worker.get(), &W::jobCancelled, this, &GenerationQueueModel::onCancelled, Qt::QueuedConnection);
    connect(m_document->project(), &core::Project::dataReset, this, &GenerationQueueModel::onSongReplaced);
}

GenerationQueueModel::~GenerationQueueModel()
{
    // Joins the worker thread (cancelling what runs) before the rows it reports to go.
    m_worker.reset();
}

int GenerationQueueModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant GenerationQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    switch (role) {
    case JobIdRole: return r.jobId;
    case Qt::DisplayRole:
    case TitleRole: return r.title;
    case SectionIdRole: return r.sectionId;
    case StateRole: return r.state;
    case ProgressRole: return r.progress;
    case EtaTextRole: return etaText(r);
    case MessageRole: return r.message;
    default: return {};
    }
}

QHash<int, QByteArray> GenerationQueueModel::roleNames() const
{
    return {{JobIdRole, "jobId"},   {TitleRole, "title"},     {SectionIdRole, "sectionId"}, {StateRole, "state"},
            {ProgressRole, "progress"}, {EtaTextRole, "etaText"}, {MessageRole, "message"}};
}

int GenerationQueueModel::activeCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) { return isActive(r.state); }));
}

QVariantList GenerationQueueModel::engines() const
{
    return engineChoices();
}

QString GenerationQueueModel::jobFromOptions(const QVariantMap& options, inference::GenerationJob& job, int& takes) const
{
    const QString engine = options.value(QStringLiteral("engine"), QStringLiteral("arranger")).toString();
    // A job's own model (the inspector's weights file, a path or a file: URL) makes the diffusion engine usable
    // even when Settings has no weights.
    QString weights = options.value(QStringLiteral("weights")).toString();
    for (const QVariant& e : engines()) {
        const QVariantMap info = e.toMap();
        if (info.value(QStringLiteral("id")).toString() == engine && !info.value(QStringLiteral("available")).toBool()
            && weights.isEmpty())
            return tr("The %1 engine is not available: %2.").arg(engine, info.value(QStringLiteral("reason")).toString());
    }
    if (!m_worker->hasEngine(engine))
        return tr("There is no engine called \"%1\".").arg(engine);
    job.engine = engine;
    if (!weights.isEmpty()) {
        if (weights.startsWith(QLatin1String("file:")))
            weights = QUrl(weights).toLocalFile();
        if (engine != QLatin1String("diffusion"))
            return tr("Only the diffusion engine loads a weights file.");
        if (!QFileInfo(weights).isFile())
            return tr("The weights file %1 does not exist.").arg(QDir::toNativeSeparators(weights));
        job.weights = QFileInfo(weights).absoluteFilePath();
    }
    inference::RegenerateOptions& o = job.options;
    if (const QVariant caption = options.value(QStringLiteral("caption")); caption.isValid() && !caption.isNull())
        o.caption = caption.toString();
    bool ok = true;
    if (const QVariant seed = options.value(QStringLiteral("seed")); seed.isValid() && !seed.isNull()) {
        // A number from QML arrives as a double, which holds integers exactly only up to 2^53; larger seeds
        // come as decimal strings.
        if (seed.typeId() == QMetaType::Double) {
            const double value = seed.toDouble();
            ok = value >= 0 && value == std::floor(value) && value < 9007199254740992.0;
            o.seed = ok ? quint64(value) : 0;
        } else {
            o.seed = seed.toString().trimmed().toULongLong(&ok);
        }
        if (!ok)
            return tr("The seed must be a whole number of 0 or more.");
    }
    if (o.seed == 0)
        o.seed = std::max<quint64>(1, QRandomGenerator::global()->generate64() >> 1);  // the same range as the CLI's
    o.steps = options.value(QStringLiteral("steps"), o.steps).toInt(&ok);
    if (!ok || o.steps < 1)
        return tr("Steps must be a whole number of 1 or more.");
    o.guidance = options.value(QStringLiteral("guidance"), o.guidance).toDouble(&ok);
    if (!ok || !std::isfinite(o.guidance) || o.guidance < 0)
        return tr("Guidance must be a number of 0 or more.");
    o.contextSeconds = options.value(QStringLiteral("contextSeconds"), o.contextSeconds).toDouble(&ok);
    if (!ok || !std::isfinite(o.contextSeconds) || o.contextSeconds < 0)
        return tr("The context must be a number of seconds, 0 or more.");
    // Several takes of one request (Suno gives two per replace): one job each, seeds one apart, each landing as
    // a take of its own for A/B.
    takes = options.value(QStringLiteral("takes"), 1).toInt(&ok);
    if (!ok || takes < 1 || takes > kMaxTakesPerRequest)
        return tr("Takes per request must be a whole number from 1 to %1.").arg(kMaxTakesPerRequest);
    job.priority = options.value(QStringLiteral("priority"), 0).toInt();
    job.snapshot = m_document->project()->data();  // shared with the project until either side changes
    job.bundlePath = currentBundle();
    return {};
}

QString GenerationQueueModel::regenerate(const QString& sectionId, const QVariantMap& options)
{
    const core::ProjectData& data = m_document->project()->data();
    const int index = data.sectionIndex(sectionId);
    if (index < 0)
        return tr("There is no section \"%1\" in this song.").arg(sectionId);
    const QString name = sectionName(data, index);
    if (data.sections[index].locked)
        return tr("%1 is locked; unlock it to regenerate it.").arg(capitalised(name));
    inference::GenerationJob job;
    int takes = 1;
    if (QString why = jobFromOptions(options, job, takes); !why.isEmpty())
        return why;
    job.sectionId = sectionId;
    // Stems by track id (the inspector's buttons) show as the tracks' names.
    QStringList stemNames;
    for (const QString& stem : options.value(QStringLiteral("stems")).toStringList()) {
        job.options.stems << stem;
        const int track = data.trackIndex(stem);
        stemNames << (track >= 0 ? data.tracks[track].name : stem);
    }
    const QString title = stemNames.isEmpty() ? tr("Regenerate %1").arg(name) : tr("Regenerate %1 in %2").arg(stemNames.join(QStringLiteral(", ")), name);
    enqueueTakes(job, takes, title, sectionId, name);
    return {};
}

QString GenerationQueueModel::repaint(qint64 start, qint64 end, const QVariantMap& options)
{
    const core::ProjectData& data = m_document->project()->data();
    const inference::RepaintRange range{start, end};
    // The repainter's checks, in the user's language.
    using Problem = inference::RepaintRangeProblem;
    switch (const Problem problem = inference::findRepaintRangeProblem(data, range); problem.kind) {
    case Problem::None:
        break;
    case Problem::OutsideSong:
        return tr("The range is not inside the song.");
    case Problem::TooShort:
        return tr("The range is too short to repaint: make it at least %1 s long.").arg(inference::kMinRepaintSeconds);
    case Problem::Locked:
        return tr("%1 is locked; unlock it to repaint over it.").arg(capitalised(sectionName(data, problem.section)));
    }
    inference::GenerationJob job;
    int takes = 1;
    if (QString why = jobFromOptions(options, job, takes); !why.isEmpty())
        return why;
    job.range = range;
    const int middle = data.sectionIndexAt(start + (end - start) / 2);
    const QString clock = tr("%1–%2").arg(clockText(double(start) / data.settings.sampleRate, 1), clockText(double(end) / data.settings.sampleRate, 1));
    enqueueTakes(job, takes, tr("Repaint %1").arg(clock), data.sections[middle].id, tr("range %1").arg(clock));
    return {};
}

void GenerationQueueModel::enqueueTakes(const inference::GenerationJob& job, int takes, const QString& title,
                                        const QString& sectionId, const QString& name)
{
    const quint64 firstSeed = job.options.seed;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()) + takes - 1);
    for (int take = 0; take < takes; ++take) {
        inference::GenerationJob one = job;
        one.options.seed = firstSeed + quint64(take);
        Row row;
        row.title = takes == 1 ? title : tr("%1 (take %2 of %3)").arg(title).arg(take + 1).arg(takes);
        row.sectionId = sectionId;
        row.sectionName = name;
        row.state = kQueued;
        row.message = tr("Waiting");
        row.songEpoch = m_songEpoch;
        // The row exists before the worker can report on it; the worker's signals are queued, so they are only
        // handled after this function returns.
        row.jobId = m_worker->enqueue(std::move(one));
        m_rows.append(row);
    }
    endInsertRows();
    Q_EMIT countChanged();
    Q_EMIT activeCountChanged();
}

void GenerationQueueModel::cancel(int row)
{
    if (row < 0 || row >= m_rows.size() || !isActive(m_rows[row].state))
        return;
    if (!m_worker->cancel(m_rows[row].jobId))
        return;  // it has ended; its outcome is on its way
    if (m_rows[row].state == kQueued) {
        // Either off the queue already, or (had it just started) stopping without a take: it ends now for the
        // user either way, and later reports about it are ignored.
        finish(row, kCancelled, tr("Cancelled"));
        announce(m_rows[row], tr("cancelled"));
    } else {
        m_rows[row].message = tr("Cancelling…");
        changed(row);
    }
}

void GenerationQueueModel::cancelAll()
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row)
        cancel(row);
}

void GenerationQueueModel::clearFinished()
{
    const int before = int(m_rows.size());
    for (int row = before - 1; row >= 0; --row) {
        if (isActive(m_rows[row].state))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.remove(row);
        endRemoveRows();
    }
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

bool GenerationQueueModel::waitForIdle(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (activeCount() > 0 && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return activeCount() == 0;
}

int GenerationQueueModel::rowOf(int jobId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].jobId == jobId)
            return i;
    return -1;
}

void GenerationQueueModel::changed(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void GenerationQueueModel::finish(int row, const QString& state, const QString& message)
{
    Row& r = m_rows[row];
    r.state = state;
    r.message = message;
    r.etaSeconds = -1.0;
    if (state == kDone)
        r.progress = 1.0;
    changed(row);
    Q_EMIT activeCountChanged();
}

void GenerationQueueModel::announce(const Row& row, const QString& what)
{
    Q_EMIT announced(tr("%1: %2").arg(capitalised(row.sectionName), what));
}

QString GenerationQueueModel::currentBundle() const
{
    // An untitled song keeps its audio in its recovery bundle (where an import put it, and where Save As
    // copies it from); new stems go there too, so regenerating works before the first save.
    return m_document->isUntitled() ? m_document->recoveryBundle() : m_document->bundlePath();
}

QString GenerationQueueModel::sectionName(const core::ProjectData& data, int index) const
{
    const QString name = data.sections[index].displayName();
    int same = 0;
    int ordinal = 0;
    for (int i = 0; i < data.sections.size(); ++i) {
        if (data.sections[i].displayName() != name)
            continue;
        ++same;
        if (i <= index)
            ordinal = same;
    }
    return same > 1 ? QStringLiteral("%1 %2").arg(name).arg(ordinal) : name;
}

QString GenerationQueueModel::etaText(const Row& row) const
{
    if (row.state != kRunning || row.etaSeconds < 0)
        return {};
    const int seconds = int(std::ceil(row.etaSeconds));
    if (seconds < 1)
        return tr("almost done");
    if (seconds < 60)
        return tr("about %n s left", nullptr, seconds);
    return tr("about %n min left", nullptr, (seconds + 30) / 60);
}

void GenerationQueueModel::onStarted(int jobId)
{
    const int row = rowOf(jobId);
    if (row < 0 || m_rows[row].state != kQueued)
        return;
    m_rows[row].state = kRunning;
    m_rows[row].message = tr("Starting");
    changed(row);
}

void GenerationQueueModel::onProgress(int jobId, double fraction, const QString& stage, double etaSeconds)
{
    const int row = rowOf(jobId);
    if (row < 0 || m_rows[row].state != kRunning)
        return;
    Row& r = m_rows[row];
    r.progress = std::clamp(fraction, 0.0, 1.0);
    r.etaSeconds = etaSeconds;
    if (r.message != tr("Cancelling…"))
        r.message = stage;
    changed(row);
}

void GenerationQueueModel::onFinished(int jobId, const inference::RenderedTakes& takes)
{
    const int row = rowOf(jobId);
    if (row < 0 || !isActive(m_rows[row].state))
        return;
    if (m_rows[row].songEpoch != m_songEpoch) {
        finish(row, kFailed, tr("Dropped: another song was opened."));
        announce(m_rows[row], tr("dropped, another song was opened"));
        return;
    }
    inference::RenderedTakes placed = takes;
    const QString bundle = currentBundle();
    for (inference::RenderedTake& take : placed) {
        if (QDir::cleanPath(take.bundlePath) == QDir::cleanPath(bundle))
            continue;
        // The song was saved elsewhere while this ran (Save As of an untitled song, say): its audio moved, so
        // the new stems follow it. Content-addressed, so the names stay.
        for (inference::RenderedStem& stem : take.stems) {
            auto copied = core::bundle::addAudioFile(bundle, QDir(core::bundle::audioDir(take.bundlePath)).filePath(stem.file));
            if (!copied) {
                finish(row, kFailed, copied.errorMessage());
                announce(m_rows[row], copied.errorMessage());
                return;
            }
            stem.file = copied.value();
        }
        take.bundlePath = bundle;
    }
    auto added = inference::addRenderedTakes(*m_document->project(), placed, m_rows[row].title);
    if (!added) {
        finish(row, kFailed, added.errorMessage());
        announce(m_rows[row], added.errorMessage());
        return;
    }
    finish(row, kDone, placed.size() == 1 ? tr("New take ready") : tr("%n new take(s) ready", nullptr, int(placed.size())));
    announce(m_rows[row], placed.size() == 1 ? tr("new take ready") : tr("%n new take(s) ready", nullptr, int(placed.size())));
    for (int i = 0; i < placed.size(); ++i)
        Q_EMIT takeAdded(placed[i].sectionId, added->at(i));
}

void GenerationQueueModel::onFailed(int jobId, const QString& message)
{
    const int row = rowOf(jobId);
    if (row < 0 || !isActive(m_rows[row].state))
        return;
    finish(row, kFailed, message);
    announce(m_rows[row], message);
}

void GenerationQueueModel::onCancelled(int jobId)
{
    const int row = rowOf(jobId);
    if (row < 0 || !isActive(m_rows[row].state))
        return;
    finish(row, kCancelled, tr("Cancelled"));
    announce(m_rows[row], tr("cancelled"));
}

void GenerationQueueModel::onSongReplaced()
{
    ++m_songEpoch;
    // What was queued for the previous song can never become part of it: stop spending time on it.
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!isActive(m_rows[row].state) || m_rows[row].songEpoch == m_songEpoch)
            continue;
        if (m_worker->cancel(m_rows[row].jobId)) {
            finish(row, kCancelled, tr("Cancelled: another song was opened."));
            announce(m_rows[row], tr("cancelled, another song was opened"));
        }
    }
}

}  // namespace s2a::ui
