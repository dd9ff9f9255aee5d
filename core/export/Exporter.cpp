#include "core/export/Exporter.h"

#include "core/audio/Resampler.h"
#include "core/export/ExportFileWriter.h"
#include "core/export/ExportNaming.h"
#include "core/export/MidiExport.h"
#include "core/export/SongRenderer.h"
#include "core/persistence/AtomicFile.h"
#include "core/persistence/ProjectBundle.h"
#include "core/playback/AudioPool.h"
#include "core/playback/PlanBuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "core/util/Parallel.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace s2a::core {
namespace {

constexpr int kMixSource = -1;

// One file of the export: which signal, which output-rate span of it, and where it goes.
struct Target {
    QString finalPath;
    QString tempPath;  // written here first, renamed into place only when the whole export succeeded
    QString stem;
    int source = kMixSource;  // index into the stem list, or the mix
    SampleCount begin = 0;
    SampleCount end = 0;
    ExportMetadata metadata;
    std::unique_ptr<ExportFileWriter> writer;
    Status status;
};

// Removes what the export created unless it is released: a cancelled or failed export leaves nothing behind.
// Only regular files are removed (a path could name a device, and this may run as root).
class Cleanup {
public:
    ~Cleanup()
    {
        for (const QString& path : std::as_const(m_paths)) {
            std::error_code ec;
            const std::filesystem::path p(QFile::encodeName(path).toStdString());
            if (std::filesystem::is_regular_file(std::filesystem::symlink_status(p, ec)))
                std::filesystem::remove(p, ec);
        }
    }
    void add(const QString& path) { m_paths << path; }
    void release() { m_paths.clear(); }

private:
    QStringList m_paths;
};

QString songTitle(const ProjectData& data)
{
    return data.settings.title.trimmed().isEmpty() ? QStringLiteral("Untitled") : data.settings.title.trimmed();
}

QString metadataComment(const ProjectSettings& s)
{
    QStringList parts;
    if (!s.caption.isEmpty())
        parts << s.caption;
    parts << QStringLiteral("Tempo: %1 BPM").arg(s.tempo, 0, 'g', 6);
    if (!s.key.isEmpty())
        parts << QStringLiteral("Key: %1").arg(s.key);
    return parts.join(QLatin1Char('\n'));
}

Status validateOptions(const ProjectData& data, const ExportOptions& o)
{
    const int rate = o.sampleRate;
    if (rate != 0 && rate != data.settings.sampleRate && rate != 44100 && rate != 48000 && rate != 96000)
        return Error{QStringLiteral("Export sample rate %1 Hz is not supported (44100, 48000 or 96000).").arg(rate)};
    if (o.targetLufs && !(*o.targetLufs >= -70.0 && *o.targetLufs <= 0.0))
        return Error{QStringLiteral("Loudness target %1 LUFS is out of range (-70 to 0).").arg(*o.targetLufs)};
    if (o.targetLufs && !(o.truePeakCeilingDb >= -30.0 && o.truePeakCeilingDb <= 0.0))
        return Error{QStringLiteral("True-peak ceiling %1 dBTP is out of range (-30 to 0).").arg(o.truePeakCeilingDb)};
    if (data.length() <= 0)
        return Error{QStringLiteral("Nothing to export: the song is empty.")};
    for (const QString& id : o.sectionIds)
        if (data.sectionIndex(id) < 0)
            return Error{QStringLiteral("Cannot export section %1: the song has no such section.").arg(id)};
    if (o.midi && o.what == ExportWhat::Sections)
        return Error{QStringLiteral("MIDI is exported per track for the whole song or a range, not per section.")};
    if (o.range && (o.what == ExportWhat::Sections || o.range->first < 0 || o.range->second <= o.range->first
                    || o.range->second > data.length()))
        return Error{QStringLiteral("Cannot export samples %1 to %2: a range must lie inside the song (0 to %3) and "
                                    "cannot be combined with per-section files.")
                         .arg(o.range->first).arg(o.range->second).arg(data.length())};
    return Status::success();
}

// The output samples [begin, end) a Stems or Mix export writes: the whole song, or the asked range.
std::pair<SampleCount, SampleCount> outputSpan(const ProjectData& data, const ExportOptions& o, int outRate)
{
    const int projectRate = data.settings.sampleRate;
    if (!o.range)
        return {0, Resampler::outputLength(data.length(), projectRate, outRate)};
    return {Resampler::outputLength(o.range->first, projectRate, outRate),
            Resampler::outputLength(o.range->second, projectRate, outRate)};
}

// "62.345s": a position for a file name (seconds: no colon, which some file systems refuse).
QString fileTime(SampleCount samples, int rate)
{
    return QStringLiteral("%1s").arg(double(samples) / rate, 0, 'f', 3);
}

// Names every file up front so that collisions and existing files are reported before any rendering.
std::vector<Target> planTargets(const ProjectData& data, const ExportOptions& o, const QStringList& stemNames,
                                int outRate, const QDir& dir)
{
    const QString title = songTitle(data);
    const QString ext = QLatin1Char('.') + AudioFileWriter::fileExtension(o.format);
    const int projectRate = data.settings.sampleRate;
    QStringList taken;
    std::vector<Target> targets;
    auto add = [&](const QString& rawName, int source, SampleCount begin, SampleCount end, const QString& what) {
        Target t;
        const QString name = exportnaming::unique(exportnaming::sanitize(rawName), taken) + ext;
        t.finalPath = dir.filePath(name);
        t.tempPath = dir.filePath(QLatin1Char('.') + name + QStringLiteral(".part"));
        t.stem = source == kMixSource ? QStringLiteral("mix") : stemNames[source];
        t.source = source;
        t.begin = begin;
        t.end = end;
        t.metadata.title = what.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, what);
        t.metadata.album = title;
        t.metadata.comment = metadataComment(data.settings);
        targets.push_back(std::move(t));
    };
    const bool withMix = o.what == ExportWhat::Mix || o.alsoMix;
    const bool withStems = o.what != ExportWhat::Mix;
    if (o.what != ExportWhat::Sections) {
        const auto [begin, end] = outputSpan(data, o, outRate);
        const QString span = o.range ? QStringLiteral("%1_%2-%3").arg(title, fileTime(o.range->first, projectRate),
                                                                      fileTime(o.range->second, projectRate))
                                     : title;
        // The mix first, so that it keeps the plain name if a track is called "mix".
        if (withMix)
            add(span + QStringLiteral("_mix"), kMixSource, begin, end, {});
        if (withStems)
            for (int s = 0; s < stemNames.size(); ++s)
                add(span + QLatin1Char('_') + stemNames[s], s, begin, end, stemNames[s]);
        return targets;
    }
    for (int i = 0; i < data.sections.size(); ++i) {
        const Section& section = data.sections[i];
        if (!o.sectionIds.isEmpty() && !o.sectionIds.contains(section.id))
            continue;
        // Cut from the whole song's output at the rate-converted boundaries, so consecutive sections butt-join
        // to the sample and none carries resampling edge effects of its own.
        const SampleCount begin = Resampler::outputLength(section.start, projectRate, outRate);
        const SampleCount end = Resampler::outputLength(section.end, projectRate, outRate);
        const QString sectionName = section.displayName();
        const QString what = QStringLiteral("%1 %2").arg(sectionName).arg(i + 1);
        if (withMix)
            add(exportnaming::expand(o.nameTemplate, title, sectionName, i + 1, QStringLiteral("mix")), kMixSource,
                begin, end, what);
        for (int s = 0; s < stemNames.size(); ++s)
            add(exportnaming::expand(o.nameTemplate, title, sectionName, i + 1, stemNames[s]), s, begin, end,
                what + QStringLiteral(", ") + stemNames[s]);
    }
    return targets;
}

Status refuseExisting(const QString& path, bool overwrite)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return Status::success();
    if (info.isDir())
        return Error{QStringLiteral("%1: a folder of that name is in the way.").arg(QDir::toNativeSeparators(path))};
    if (!overwrite)
        return Error{QStringLiteral("%1 already exists; choose another folder or allow overwriting.")
                         .arg(QDir::toNativeSeparators(path))};
    return Status::success();
}

QJsonValue finiteOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(std::round(v * 100.0) / 100.0) : QJsonValue();
}

QByteArray reportJson(const ProjectData& data, const ExportOptions& o, int outRate, const ExportReport& report)
{
    QJsonArray files;
    for (const ExportedFile& f : report.files) {
        files.append(QJsonObject{{QStringLiteral("file"), QFileInfo(f.path).fileName()},
                                 {QStringLiteral("stem"), f.stem},
                                 {QStringLiteral("frames"), double(f.frames)},
                                 {QStringLiteral("integratedLufs"), finiteOrNull(f.integratedLufs)},
                                 {QStringLiteral("loudnessRangeLu"), finiteOrNull(f.loudnessRange)},
                                 {QStringLiteral("truePeakDbtp"), finiteOrNull(f.truePeakDb)}});
    }
    QJsonObject root{{QStringLiteral("song"), songTitle(data)},
                     {QStringLiteral("format"), AudioFileWriter::formatName(o.format)},
                     {QStringLiteral("sampleRate"), outRate},
                     {QStringLiteral("appliedGainDb"), finiteOrNull(report.appliedGainDb)},
                     {QStringLiteral("files"), files}};
    if (o.targetLufs) {
        root.insert(QStringLiteral("targetLufs"), *o.targetLufs);
        root.insert(QStringLiteral("truePeakCeilingDbtp"), o.truePeakCeilingDb);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// The measuring pass: the mix at the output rate through libebur128, then the gain that reaches the target
// without pushing the true peak over the ceiling.
Result<double> measuredNormalisationGainDb(const RenderPlan& plan, int outRate, const ExportOptions& o,
                                           std::pair<SampleCount, SampleCount> span, JobControl& job)
{
    LoudnessMeter meter(outRate, false);
    if (!meter.isValid())
        return Error{QStringLiteral("Cannot measure loudness at %1 Hz.").arg(outRate)};
    SongRenderer renderer(plan, {}, outRate);
    const Status s = renderer.run(job, 0.0, 0.4, QStringLiteral("Measuring loudness"), [&](const RenderedBlock& b) {
        // Only what the files hold: a range export is normalised on the range.
        const SampleCount from = std::max(b.position, span.first);
        const SampleCount to = std::min(b.position + b.frames, span.second);
        if (to > from)
            meter.add(b.mixLeft + (from - b.position), b.mixRight + (from - b.position), int(to - from));
        return Status::success();
    });
    if (!s)
        return s.error();
    return normalisationGainDb(meter.result(), *o.targetLufs, o.truePeakCeilingDb);
}

}  // namespace

double normalisationGainDb(const LoudnessMeasurement& m, double targetLufs, double truePeakCeilingDb)
{
    // Silence (or audio below the absolute gate) has no loudness to normalise: leave it as it is.
    if (!std::isfinite(m.integratedLufs) || !std::isfinite(m.truePeakDb))
        return 0.0;
    return std::min(targetLufs - m.integratedLufs, truePeakCeilingDb - m.truePeakDb);
}

Result<ExportReport> exportSong(const ProjectData& data, const QString& bundlePath, const QString& outDir,
                                const ExportOptions& options, JobControl& job)
{
    if (Status s = validateOptions(data, options); !s)
        return s.error();
    const int projectRate = data.settings.sampleRate;
    const int outRate = options.sampleRate > 0 ? options.sampleRate : projectRate;

    job.progress(0.0, QStringLiteral("Reading audio"));
    AudioPool pool(bundle::audioDir(bundlePath));
    PlanBuildResult built = buildRenderPlan(data, pool, projectRate);
    // Playback plays unreadable audio as silence; an export must not silently differ from the song.
    if (!built.problems.isEmpty())
        return Error{QStringLiteral("Cannot export: %1").arg(built.problems.first())};
    const RenderPlan& plan = *built.plan;

    // Stems of the tracks the mix contains: muted (or not soloed) tracks would be files of silence.
    std::vector<int> stemTracks;
    QStringList stemNames;
    for (int t = 0; t < data.tracks.size(); ++t) {
        const PlanTrack& track = plan.tracks[size_t(t)];
        if (track.gainLeft == 0.0f && track.gainRight == 0.0f)
            continue;
        stemTracks.push_back(t);
        const QString name = data.tracks[t].name.trimmed();
        stemNames << (name.isEmpty() ? QStringLiteral("Track %1").arg(t + 1) : name);
    }
    if (options.what != ExportWhat::Mix && stemTracks.empty() && !options.alsoMix)
        return Error{QStringLiteral("Nothing to export: every track is muted.")};

    const QDir dir(outDir);
    std::vector<Target> targets = planTargets(data, options, stemNames, outRate, dir);
    const QString reportPath =
        dir.filePath(exportnaming::sanitize(songTitle(data) + QStringLiteral("_loudness")) + QStringLiteral(".json"));
    // MIDI of every track the song plays (a Mix export too), named like its stem.
    std::vector<TrackMidi> midi;
    QStringList midiPaths;
    if (options.midi) {
        std::vector<int> audible;
        for (int t = 0; t < data.tracks.size(); ++t)
            if (plan.tracks[size_t(t)].gainLeft != 0.0f || plan.tracks[size_t(t)].gainRight != 0.0f)
                audible.push_back(t);
        QStringList problems;
        midi = gatherTrackMidi(data, bundlePath, audible, options.range, problems);
        if (!problems.isEmpty())
            return Error{QStringLiteral("Cannot export MIDI: %1").arg(problems.first())};
        if (midi.empty())
            return Error{QStringLiteral("There is no MIDI to export: only the arranger's takes hold notes.")};
        const QString base = options.range ? songTitle(data) + QLatin1Char('_') + fileTime(options.range->first, projectRate)
                                                 + QLatin1Char('-') + fileTime(options.range->second, projectRate)
                                           : songTitle(data);
        QStringList taken;
        for (const TrackMidi& m : midi) {
            const QString stem = data.tracks[m.track].name.trimmed().isEmpty() ? QStringLiteral("Track %1").arg(m.track + 1)
                                                                                : data.tracks[m.track].name.trimmed();
            midiPaths << dir.filePath(exportnaming::unique(exportnaming::sanitize(base + QLatin1Char('_') + stem), taken)
                                      + QStringLiteral(".mid"));
        }
    }
    for (const QString& path : midiPaths)
        if (Status s = refuseExisting(path, options.overwrite); !s)
            return s.error();
    for (const Target& t : targets)
        if (Status s = refuseExisting(t.finalPath, options.overwrite); !s)
            return s.error();
    if (Status s = refuseExisting(reportPath, options.overwrite); !s)
        return s.error();
    if (!QDir().mkpath(outDir))
        return Error{QStringLiteral("%1: cannot create the folder.").arg(QDir::toNativeSeparators(outDir))};

    ExportReport report;
    if (options.targetLufs) {
        const std::pair<SampleCount, SampleCount> span =
            options.what == ExportWhat::Sections ? outputSpan(data, ExportOptions{}, outRate) : outputSpan(data, options, outRate);
        Result<double> gain = measuredNormalisationGainDb(plan, outRate, options, span, job);
        if (!gain)
            return gain.error();
        report.appliedGainDb = gain.value();
    }
    const float gain = float(std::pow(10.0, report.appliedGainDb / 20.0));

    Cleanup cleanup;
    for (size_t i = 0; i < targets.size(); ++i) {
        Target& t = targets[i];
        // Seeded by position so that the same export gives the same bytes, and stems get independent noise.
        t.writer = std::make_unique<ExportFileWriter>(t.tempPath, options.format, outRate, options.dither,
                                                      0x5EED0000ull + i);
        cleanup.add(t.tempPath);
        if (Status s = t.writer->open(t.metadata); !s)
            return s.error();
    }

    const bool renderStems = options.what != ExportWhat::Mix && !stemTracks.empty();
    SongRenderer renderer(plan, renderStems ? stemTracks : std::vector<int>{}, outRate);
    const double from = options.targetLufs ? 0.4 : 0.0;
    const Status rendered = renderer.run(job, from, 0.95, QStringLiteral("Writing"), [&](const RenderedBlock& b) {
        const SampleCount blockEnd = b.position + b.frames;
        // Encoding (FLAC, Vorbis) and metering dominate the cost; every file is independent.
        parallelForEach(targets, [&](Target& t) {
            const SampleCount from = std::max(b.position, t.begin);
            const SampleCount to = std::min(blockEnd, t.end);
            if (to <= from || !t.status)
                return;
            const size_t offset = size_t(from - b.position);
            const float* l = t.source == kMixSource ? b.mixLeft : b.stemLeft[size_t(t.source)];
            const float* r = t.source == kMixSource ? b.mixRight : b.stemRight[size_t(t.source)];
            t.status = t.writer->write(l + offset, r + offset, int(to - from), gain);
        });
        for (const Target& t : targets)
            if (!t.status)
                return t.status;
        return Status::success();
    });
    if (!rendered)
        return rendered.error();

    job.progress(0.95, QStringLiteral("Finishing"));
    for (Target& t : targets) {
        if (Status s = t.writer->close(); !s)
            return s.error();
        const LoudnessMeasurement m = t.writer->loudness();
        report.files.append({t.finalPath, t.stem, t.end - t.begin, m.integratedLufs, m.loudnessRange, m.truePeakDb});
    }
    if (job.cancelled())
        return cancelledError();

    // Commit: rename every file into place (replacing old ones only now, when overwriting was allowed).
    for (size_t i = 0; i < midi.size(); ++i) {
        cleanup.add(midiPaths[int(i)]);
        if (Status s = writeFileAtomically(midiPaths[int(i)], midi[i].bytes); !s)
            return s.error();
        const QString stem = data.tracks[midi[i].track].name;
        report.files.append({midiPaths[int(i)], stem, 0, std::nan(""), std::nan(""), std::nan("")});
    }
    for (const Target& t : targets) {
        cleanup.add(t.finalPath);
        if (std::rename(QFile::encodeName(t.tempPath).constData(), QFile::encodeName(t.finalPath).constData()) != 0)
            return Error{QStringLiteral("%1: cannot move the finished file into place.").arg(t.finalPath)};
    }
    report.reportPath = reportPath;
    if (Status s = writeFileAtomically(reportPath, reportJson(data, options, outRate, report)); !s)
        return s.error();
    syncDirectory(outDir);
    cleanup.release();
    job.progress(1.0, QStringLiteral("Done"));
    return report;
}

}  // namespace s2a::core
