#include "ui/viewmodels/NewSongModel.h"

#include "ui/viewmodels/EngineChoices.h"

#include "inference/EngineCatalogue.h"
#include "inference/NewSongRequest.h"
#include "inference/arranger/SongBundleWriter.h"

#include <QDir>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

namespace s2a::ui {

namespace {

const QString kArranger = QStringLiteral("arranger");

// A spec value as trimmed text: QML hands numbers for some fields and strings for others.
QString text(const QVariantMap& spec, const char* key)
{
    return spec.value(QLatin1String(key)).toString().trimmed();
}

}  // namespace

NewSongModel::NewSongModel(core::ProjectDocument* document, QObject* parent) : QObject(parent), m_document(document)
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &NewSongModel::progressChanged);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &NewSongModel::onJobFinished);
}

NewSongModel::~NewSongModel()
{
    // The finished handler will not run any more: stop the worker and take its half-written bundle away here.
    if (m_watcher.isRunning()) {
        cancel();
        m_watcher.waitForFinished();
        QDir(m_bundle).removeRecursively();
    }
}

QStringList NewSongModel::templates() const { return inference::templateNames(); }

QVariantList NewSongModel::engines() const
{
    return engineChoices();
}

double NewSongModel::progress() const { return m_job ? m_job->fraction() : 0.0; }
QString NewSongModel::stage() const { return m_job ? m_job->stage() : QString(); }

QString NewSongModel::understood(const QString& caption, double tempo, const QString& key) const
{
    if (caption.trimmed().isEmpty())
        return {};
    const auto reading = inference::readCaption(caption, tempo, key.trimmed());
    if (!reading)
        return reading.errorMessage();
    return inference::describeReading(reading.value());
}

QVariantMap NewSongModel::reading(const QString& caption, const QString& key) const
{
    if (caption.trimmed().isEmpty())
        return {};
    const auto reading = inference::readCaption(caption, 0.0, key.trimmed());
    if (!reading)
        return {};
    return {{QStringLiteral("tempo"), reading->tempo},
            {QStringLiteral("tempoMin"), reading->tempoMin},
            {QStringLiteral("tempoMax"), reading->tempoMax},
            {QStringLiteral("key"), reading->key}};
}

QString NewSongModel::create(const QVariantMap& spec)
{
    if (m_busy)
        return tr("A new song is already being made.");
    inference::NewSongSpec song;
    song.caption = text(spec, "caption");
    if (song.caption.isEmpty())
        return tr("Describe the song first: the caption is empty.");

    const QString engine = text(spec, "engine").isEmpty() ? kArranger : text(spec, "engine");
    const auto info = inference::engineInfo(engine);
    if (!info)
        return tr("There is no engine \"%1\".").arg(engine);
    if (!info->available)
        return tr("The %1 engine is not available: %2.").arg(engine, info->reason);

    song.structure = text(spec, "structure");
    song.templateName = text(spec, "template");
    if (auto form = inference::newSongForm(song); !form)
        return form.errorMessage();

    if (const QString length = text(spec, "length"); !length.isEmpty()) {
        const auto seconds = inference::parseSongLength(length);
        if (!seconds)
            return tr("The length \"%1\" is not m:ss between 0:10 and 20:00.").arg(length);
        song.lengthSeconds = seconds.value();
    }

    if (const QString tempo = text(spec, "tempo"); !tempo.isEmpty()) {
        bool ok = false;
        song.tempo = tempo.toDouble(&ok);
        // 0 is the dialog's "auto"; anything else must be a tempo a project can hold.
        if (!ok || (song.tempo != 0.0 && (song.tempo < core::limits::kMinTempo || song.tempo > core::limits::kMaxTempo)))
            return tr("The tempo must be between %1 and %2 BPM (or 0 for the caption's).")
                .arg(core::limits::kMinTempo).arg(core::limits::kMaxTempo);
    }
    song.key = text(spec, "key");

    if (const QString seed = text(spec, "seed"); !seed.isEmpty() && seed != QLatin1String("0")) {
        bool ok = false;
        song.seed = seed.toULongLong(&ok);
        if (!ok)
            return tr("The seed \"%1\" is not a whole number.").arg(seed);
    } else {
        // Halved like the CLI's, so a seed survives JSON (whose integers are signed).
        song.seed = QRandomGenerator::global()->generate64() >> 1;
    }

    // The one place the song's layout is decided (shared with `s2a new`); a bad key is caught here.
    auto planned = inference::newSongRequest(song);
    if (!planned)
        return planned.errorMessage();

    // The engine is made here, on the UI thread, and only when the choice or its settings changed since the
    // last song: the weights a diffusion engine loads on its first song stay loaded for the next.
    if (const QString identity = inference::engineIdentity(engine); !m_engine || identity != m_engineIdentity) {
        m_engine.reset();  // the old one's weights go before the new one's load
        auto made = inference::makeEngine(engine);
        if (!made)
            return made.errorMessage();
        m_engine = std::move(made.value());
        m_engineIdentity = identity;
        ++m_enginesMade;
    }

    m_bundle = m_document->newUntitledBundlePath();
    m_job = std::make_shared<BackgroundJob>();
    m_job->progress(0.0, tr("Starting…"));
    auto job = m_job;
    m_watcher.setFuture(QtConcurrent::run([this, job, request = std::move(planned.value()), bundle = m_bundle,
                                           title = text(spec, "title"), generator = m_engine] {
        auto result = generator->generate(request, *job);
        if (!result)
            return result.errorMessage();
        if (job->cancelled())
            return cancelledError().message;
        auto written = inference::arranger::writeSongBundle(bundle, title, request, result.value());
        if (!written)
            return written.errorMessage();
        // Written before the future finishes, read by the UI thread only in onJobFinished(): no race.
        m_made = std::move(written->data);
        return QString();
    }));
    m_poll.start();
    setBusy(true);
    Q_EMIT progressChanged();
    return {};
}

void NewSongModel::onJobFinished()
{
    m_poll.stop();
    const QString error = m_watcher.result();
    // A cancel that came after the render finished still wins: the user said no before seeing the song.
    const bool cancelled = m_job->cancelled() || isCancelled(Error{error});
    QString message;
    if (error.isEmpty() && !cancelled) {
        m_document->adoptUntitled(std::move(m_made), m_bundle);
    } else {
        QDir(m_bundle).removeRecursively();
        message = cancelled ? tr("Cancelled; the open song is unchanged.") : tr("Could not make the song: %1").arg(error);
    }
    m_made = {};
    m_bundle.clear();
    setBusy(false);
    Q_EMIT progressChanged();
    Q_EMIT finished(message);
}

void NewSongModel::cancel()
{
    if (m_busy && m_job)
        m_job->cancel();
}

bool NewSongModel::waitForIdle(int timeoutMs)
{
    if (!m_busy)
        return true;
    QEventLoop loop;
    connect(this, &NewSongModel::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !m_busy;
}

void NewSongModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

}  // namespace s2a::ui
