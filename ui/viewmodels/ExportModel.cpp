#include "ui/viewmodels/ExportModel.h"

#include "core/export/Exporter.h"

#include <QtConcurrent/QtConcurrentRun>

namespace s2a::ui {

ExportModel::ExportModel(core::ProjectDocument* document, QObject* parent) : QObject(parent), m_document(document)
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &ExportModel::progressChanged);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_poll.stop();
        const QString error = m_watcher.result();
        Q_EMIT runningChanged();
        Q_EMIT progressChanged();
        Q_EMIT finished(error.isEmpty(), error.isEmpty() ? m_result : error);
    });
}

ExportModel::~ExportModel()
{
    cancel();
    m_watcher.waitForFinished();
}

double ExportModel::progress() const { return m_job ? m_job->fraction() : 0.0; }
QString ExportModel::stage() const { return m_job ? m_job->stage() : QString(); }

QString ExportModel::start(const QUrl& folder, const QString& what, const QString& format, int sampleRate, double lufs,
                           bool overwrite, qint64 rangeStart, qint64 rangeEnd, bool midi)
{
    using core::AudioFileFormat;
    if (running())
        return tr("An export is already running.");
    if (m_document->isUntitled())
        return tr("Save the song first: its audio lives in the song's folder.");
    core::ExportOptions options;
    options.what = what == QLatin1String("mix") ? core::ExportWhat::Mix
                 : what == QLatin1String("sections") ? core::ExportWhat::Sections : core::ExportWhat::Stems;
    if (what == QLatin1String("range")) {
        if (rangeEnd <= rangeStart)
            return tr("There is no loop region to export: set one first (L loops the selected section).");
        options.range = std::make_pair(core::SampleCount(rangeStart), core::SampleCount(rangeEnd));
    }
    static const QHash<QString, AudioFileFormat> formats{
        {QStringLiteral("wav16"), AudioFileFormat::Wav16},   {QStringLiteral("wav24"), AudioFileFormat::Wav24},
        {QStringLiteral("wav32"), AudioFileFormat::WavFloat32}, {QStringLiteral("flac16"), AudioFileFormat::Flac16},
        {QStringLiteral("flac24"), AudioFileFormat::Flac24}, {QStringLiteral("ogg"), AudioFileFormat::OggVorbis},
        {QStringLiteral("mp3"), AudioFileFormat::Mp3}};
    if (!formats.contains(format))
        return tr("Unknown format \"%1\".").arg(format);
    options.format = formats.value(format);
    options.sampleRate = sampleRate;
    if (lufs < 0.0)
        options.targetLufs = lufs;
    options.overwrite = overwrite;
    options.midi = midi && options.what != core::ExportWhat::Sections;

    const QString dir = folder.isLocalFile() ? folder.toLocalFile() : folder.toString();
    m_job = std::make_shared<BackgroundJob>();
    m_result.clear();
    auto job = m_job;
    m_watcher.setFuture(QtConcurrent::run([this, job, options, dir, data = m_document->project()->data(),
                                           bundle = m_document->bundlePath()] {
        auto report = core::exportSong(data, bundle, dir, options, *job);
        if (!report)
            return isCancelled(report.error()) ? tr("Export cancelled; no files were left behind.") : report.errorMessage();
        // Written before the future finishes, read by the UI thread only after finished(): no race.
        m_result = tr("%n file(s) written to %1", "", int(report->files.size())).arg(dir);
        return QString();
    }));
    m_poll.start();
    Q_EMIT runningChanged();
    return {};
}

void ExportModel::cancel()
{
    if (m_job)
        m_job->cancel();
}

}  // namespace s2a::ui
