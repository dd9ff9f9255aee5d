#include "inference/evaluation/EvalRunner.h"

#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/MusicTheory.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/evaluation/Adherence.h"
#include "inference/evaluation/EvalFeatures.h"
#include "inference/evaluation/FrechetDistance.h"
#include "inference/evaluation/HeldOut.h"
#include "inference/evaluation/PairedDistance.h"
#include "inference/evaluation/SeamMetric.h"
#include "inference/evaluation/SpectralMetrics.h"
#include "inference/evaluation/TonalMetrics.h"
#include "inference/StemGroups.h"

#include "core/audio/AudioFileWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>
#include <limits>

namespace s2a::inference::evaluation {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Repaints use their own seed, so the new section is not the old one re-sampled with the same noise.
constexpr quint64 kRepaintSeedOffset = 1000003;

constexpr int kDrumGroup = 0;  // evalStemGroups()[0]

double seconds(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e9; }

// The key an item is judged against: its song's (EvalOptions::songKeys), else the one its caption names.
std::optional<KeyName> wantedKey(const HeldOutItem& item, bool songKeys)
{
    if (!songKeys)
        return askedKey(item.caption);
    const auto key = arranger::Key::parse(item.key);
    return key ? std::optional<KeyName>(KeyName{key->tonic, key->minor}) : std::nullopt;
}

// Tempo, instruments, energy order, pitchedness and key of one clip against the held-out item it was asked to be.
ItemResult measure(int index, const HeldOutItem& item, const QVector<Stem>& stems, const std::vector<float>& mono,
                   Embeddings& embeddings, bool songKeys)
{
    ItemResult r;
    r.index = index;
    r.folder = QFileInfo(item.folder).fileName();
    r.seconds = double(mono.size()) / item.sampleRate;
    const ClipAnalysis clip = analyseClip(mono, item.sampleRate);
    embeddings.push_back(clipEmbedding(clip));
    r.tempoTarget = item.tempo;
    r.tempoEstimated = estimateTempo(clip);
    r.tempoHit = tempoMatches(r.tempoEstimated, r.tempoTarget);
    r.groupDb = groupLevelsDb(stems);
    for (const CaptionInstrument& n : namedInstruments(item.caption))
        r.instruments.append({n.phrase, QString::fromStdString(evalStemGroups()[size_t(n.group)]),
                              r.groupDb[size_t(n.group)], groupPresent(r.groupDb, n.group)});
    const EnergyOrder e = energyOrder(mono, item.sampleRate, item.sections);
    r.energyApplicable = e.applicable;
    r.chorusLouder = e.chorusLouder;
    r.chorusDb = e.chorusDb;
    r.verseDb = e.verseDb;
    std::vector<float> pitched = monoMix(stems, [](int group) { return group != kDrumGroup; });
    pitched.resize(mono.size(), 0.0f);
    r.pitchedness = pitchedness(pitched, item.sampleRate);
    if (const auto wanted = wantedKey(item, songKeys)) {
        r.keyAsked = true;
        r.keyWanted = keyText(*wanted);
        const auto heard = estimatedKey(analyseClip(pitched, item.sampleRate), item.tempo);
        r.keyHeard = heard ? keyText(*heard) : QStringLiteral("none");
        r.keyHit = heard && keyMatches(*wanted, *heard);
    }
    return r;
}

double meanOf(const std::vector<double>& values)
{
    double sum = 0.0;
    int n = 0;
    for (double v : values)
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    return n > 0 ? sum / n : kNaN;
}

// The codec figures of one item: its original stem groups against their reconstructions.
void measureCodec(const HeldOutItem& item, const QVector<Stem>& original, const QVector<Stem>& decoded, ItemResult& r)
{
    const auto groups = int(evalStemGroups().size());
    for (int g = 0; g < groups; ++g) {
        const auto only = [g](int group) { return group == g; };
        std::vector<float> a = monoMix(original, only), b = monoMix(decoded, only);
        a.resize(size_t(item.length), 0.0f);
        b.resize(size_t(item.length), 0.0f);
        r.lsdDb.push_back(logSpectralDistanceDb(a, b));
        const QString name = QString::fromStdString(evalStemGroups()[size_t(g)]);
        if (name == QLatin1String("bass") || name == QLatin1String("harmonic")) {
            const double agreement = chromaAgreement(analyseClip(a, item.sampleRate), analyseClip(b, item.sampleRate), item.tempo);
            (name == QLatin1String("bass") ? r.chromaBass : r.chromaHarmonic) = agreement;
        }
    }
}

// The clip's stems summed per evaluation stem group, written for listening (EvalOptions::audioDir).
Status writeGroups(const EvalOptions& options, const QString& rowName, const HeldOutItem& item, int index,
                   const QVector<Stem>& stems)
{
    if (options.audioDir.isEmpty() || index >= options.audioItems)
        return Status::success();
    const QDir dir(QDir(options.audioDir).filePath(QStringLiteral("%1/%2").arg(rowName, QFileInfo(item.folder).fileName())));
    if (!QDir().mkpath(dir.path()))
        return Error{QStringLiteral("Could not create %1.").arg(QDir::toNativeSeparators(dir.path()))};
    for (size_t g = 0; g < evalStemGroups().size(); ++g) {
        core::AudioBuffer sum = core::AudioBuffer::silence(2, item.length, item.sampleRate);
        for (const Stem& s : stems) {
            if (stemGroupFor(s.role, evalStemGroups()) != int(g) || s.audio.channelCount() == 0)
                continue;
            for (int c = 0; c < 2; ++c) {
                const auto& src = s.audio.channels[size_t(std::min(c, s.audio.channelCount() - 1))];
                for (size_t i = 0; i < src.size() && i < size_t(item.length); ++i)
                    sum.channels[size_t(c)][i] += src[i];
            }
        }
        const QString path = dir.filePath(QString::fromStdString(evalStemGroups()[g]) + QStringLiteral(".wav"));
        if (Status s = core::AudioFileWriter::write(path, sum, core::AudioFileFormat::WavFloat32); !s)
            return s;
    }
    return Status::success();
}

// Repaints the middle of a clip and measures its seams against the same positions before the repaint.
Status probeRepaint(Generator& engine, const HeldOutItem& item, const GenerationRequest& request,
                    const QVector<Stem>& stems, const std::vector<float>& mono, ItemResult& out)
{
    const RepaintPlan plan = planRepaint(request.sections, item.tempo, item.sampleRate);
    if (plan.target < 0)
        return Status::success();
    GenerationRequest r = request;
    r.sections = plan.sections;
    for (SectionPlan& s : r.sections)
        s.seed = request.seed;  // the seed the clip was made with (the arranger re-creates the neighbours' notes)
    r.targetSection = plan.target;
    r.context = stems;
    r.seed = request.seed + kRepaintSeedOffset;
    SimpleJobControl job;
    auto result = engine.regenerate(r, job);
    if (!result)
        return result.error();
    const std::vector<float> fresh = monoMix(result.value().stems);
    std::vector<float> spliced = mono;
    for (core::SampleCount i = result.value().start; i < result.value().end && i < core::SampleCount(spliced.size()); ++i)
        if (i - result.value().start < core::SampleCount(fresh.size()))
            spliced[size_t(i)] = fresh[size_t(i - result.value().start)];
    const std::vector<core::SampleCount> seams{plan.start, plan.end};
    out.seamJumps = seamJumps(spliced, seams);
    out.seamBaseline = seamJumps(mono, seams);
    out.repaintStart = double(plan.start) / item.sampleRate;
    out.repaintEnd = double(plan.end) / item.sampleRate;
    return Status::success();
}

void summarise(RowResult& row)
{
    int tempoHits = 0, instruments = 0, present = 0, energy = 0, louder = 0;
    std::vector<double> jumps, baseline;
    for (const ItemResult& r : row.items) {
        tempoHits += r.tempoHit ? 1 : 0;
        for (const InstrumentResult& i : r.instruments) {
            ++instruments;
            present += i.present ? 1 : 0;
        }
        if (r.energyApplicable) {
            ++energy;
            louder += r.chorusLouder ? 1 : 0;
        }
        jumps.insert(jumps.end(), r.seamJumps.begin(), r.seamJumps.end());
        baseline.insert(baseline.end(), r.seamBaseline.begin(), r.seamBaseline.end());
        row.audioSeconds += r.seconds;
        row.generationSeconds += std::max(0.0, r.generationSeconds);
    }
    row.tempoItems = int(row.items.size());
    row.tempoPercent = row.tempoItems > 0 ? 100.0 * tempoHits / row.tempoItems : kNaN;
    row.instrumentCount = instruments;
    row.instrumentPercent = instruments > 0 ? 100.0 * present / instruments : kNaN;
    row.energyItems = energy;
    row.energyPercent = energy > 0 ? 100.0 * louder / energy : kNaN;
    row.seamCount = int(jumps.size());
    row.seamMedian = percentile(jumps, 50.0);
    row.seamP90 = percentile(jumps, 90.0);
    row.seamBaselineMedian = percentile(baseline, 50.0);
    row.realTimeFactor = row.kind == QLatin1String("reference") || row.generationSeconds <= 0.0
                             ? kNaN : row.audioSeconds / row.generationSeconds;
    std::vector<double> pitched, lsdAll, bass, harmonic;
    std::vector<std::vector<double>> lsdPerGroup(evalStemGroups().size());
    int keyHits = 0;
    row.keyItems = 0;
    for (const ItemResult& r : row.items) {
        pitched.push_back(r.pitchedness);
        if (r.keyAsked) {
            ++row.keyItems;
            keyHits += r.keyHit ? 1 : 0;
        }
        for (size_t g = 0; g < r.lsdDb.size() && g < lsdPerGroup.size(); ++g) {
            lsdPerGroup[g].push_back(r.lsdDb[g]);
            lsdAll.push_back(r.lsdDb[g]);
        }
        bass.push_back(r.chromaBass);
        harmonic.push_back(r.chromaHarmonic);
    }
    row.pitchedness = meanOf(pitched);
    row.keyPercent = row.keyItems > 0 ? 100.0 * keyHits / row.keyItems : kNaN;
    const bool codec = measuresCodec(row);
    row.lsdDb.clear();
    if (codec)
        for (const auto& g : lsdPerGroup)
            row.lsdDb.push_back(meanOf(g));
    row.lsdOverallDb = codec ? meanOf(lsdAll) : kNaN;
    row.chromaBass = codec ? meanOf(bass) : kNaN;
    row.chromaHarmonic = codec ? meanOf(harmonic) : kNaN;
}

double fdOf(const Embeddings& a, const Embeddings& b)
{
    return a.empty() || b.empty() ? kNaN : frechetDistance(fitGaussian(a), fitGaussian(b));
}

// A generated row's FD against the held-out embeddings, with its bootstrap interval.
void finishFd(RowResult& row, Embeddings generated, const Embeddings& real)
{
    row.fd = fdOf(generated, real);
    row.fdItemsA = int(generated.size());
    row.fdItemsB = int(real.size());
    row.fdInterval = bootstrapFd(generated, real);
    row.ownSongDistances = pairedDistances(generated, real);
    row.ownSongDistance = meanWithError(row.ownSongDistances);
    row.ownSongRanks = ownSongRanks(generated, real);
    row.ownSongRank = meanWithError(row.ownSongRanks);
    row.embeddings = std::move(generated);
}

using RequestOf = std::function<GenerationRequest(int)>;

Result<RowResult> runGeneratorRow(Generator& engine, RowResult row, const QVector<HeldOutItem>& items,
                                  const RequestOf& requestOf, const EvalOptions& options, const Embeddings& real,
                                  const EvalLog& log)
{
    QElapsedTimer rowClock;
    rowClock.start();
    Embeddings generated;
    for (int i = 0; i < items.size(); ++i) {
        const HeldOutItem& item = items[i];
        const GenerationRequest request = requestOf(i);
        SimpleJobControl job;
        QElapsedTimer clock;
        clock.start();
        auto result = engine.generate(request, job);
        const double genSeconds = seconds(clock);
        const QString where = QStringLiteral("%1, %2").arg(row.name, QFileInfo(item.folder).fileName());
        if (!result)
            return Error{QStringLiteral("%1: generation failed: %2").arg(where, result.errorMessage())};
        std::vector<float> mono = monoMix(result.value().stems);
        mono.resize(size_t(item.length), 0.0f);
        ItemResult r = measure(i, item, result.value().stems, mono, generated, options.songKeys);
        r.generationSeconds = genSeconds;
        if (Status s = writeGroups(options, row.name, item, i, result.value().stems); !s)
            return s.error();
        if (i < options.seamItems)
            if (Status s = probeRepaint(engine, item, request, result.value().stems, mono, r); !s)
                return Error{QStringLiteral("%1: repaint failed: %2").arg(where, s.errorMessage())};
        log(QStringLiteral("[%1] %2/%3 %4: %5 s in %6 s (RTF %7), tempo %8 for %9%10")
                .arg(row.name).arg(i + 1).arg(items.size()).arg(r.folder)
                .arg(r.seconds, 0, 'f', 1).arg(genSeconds, 0, 'f', 2).arg(r.seconds / std::max(genSeconds, 1e-9), 0, 'f', 2)
                .arg(r.tempoEstimated, 0, 'f', 1).arg(r.tempoTarget, 0, 'f', 1)
                .arg(r.seamJumps.empty() ? QString()
                                         : QStringLiteral(", seam jumps %1 / %2").arg(r.seamJumps.front(), 0, 'f', 2)
                                               .arg(r.seamJumps.back(), 0, 'f', 2)));
        row.items.append(std::move(r));
    }
    finishFd(row, std::move(generated), real);
    summarise(row);
    row.rowSeconds = seconds(rowClock);
    return row;
}

// The codec ceiling (or its phase floor): every held-out item's stems through the codec alone.
Result<RowResult> runCodecRow(diffusion::DiffusionEngine& engine, RowResult row, const QVector<HeldOutItem>& items,
                              const EvalOptions& options, const Embeddings& real, const EvalLog& log,
                              diffusion::RoundTripPath path)
{
    QElapsedTimer rowClock;
    rowClock.start();
    Embeddings decodedEmbeddings;
    for (int i = 0; i < items.size(); ++i) {
        const HeldOutItem& item = items[i];
        auto stems = readStems(item);
        if (!stems)
            return stems.error();
        QElapsedTimer clock;
        clock.start();
        auto decoded = engine.roundTrip(stems.value(), item.sampleRate, path);
        const double codecSeconds = seconds(clock);
        if (!decoded)
            return Error{QStringLiteral("%1, %2: %3").arg(row.name, QFileInfo(item.folder).fileName(), decoded.errorMessage())};
        std::vector<float> mono = monoMix(decoded.value());
        mono.resize(size_t(item.length), 0.0f);
        ItemResult r = measure(i, item, decoded.value(), mono, decodedEmbeddings, options.songKeys);
        r.generationSeconds = codecSeconds;
        if (Status s = writeGroups(options, row.name, item, i, decoded.value()); !s)
            return s.error();
        measureCodec(item, stems.value(), decoded.value(), r);
        log(QStringLiteral("[%1] %2/%3 %4: log-spectral distance %5 dB (drums %6, bass %7, harmonic %8, lead %9), "
                           "chroma bass %10 harmonic %11")
                .arg(row.name).arg(i + 1).arg(items.size()).arg(r.folder).arg(meanOf(r.lsdDb), 0, 'f', 2)
                .arg(r.lsdDb[0], 0, 'f', 1).arg(r.lsdDb[1], 0, 'f', 1).arg(r.lsdDb[2], 0, 'f', 1).arg(r.lsdDb[3], 0, 'f', 1)
                .arg(r.chromaBass, 0, 'f', 3).arg(r.chromaHarmonic, 0, 'f', 3));
        row.items.append(std::move(r));
    }
    finishFd(row, std::move(decodedEmbeddings), real);
    summarise(row);
    row.rowSeconds = seconds(rowClock);
    return row;
}

// The reference row: the real audio measured like generated audio; collects the real embeddings on the way.
Result<RowResult> runReferenceRow(const QVector<HeldOutItem>& items, const EvalOptions& options, Embeddings& real,
                                  const EvalLog& log)
{
    QElapsedTimer rowClock;
    rowClock.start();
    RowResult row;
    row.name = QStringLiteral("held-out audio");
    row.kind = QStringLiteral("reference");
    row.source = QDir(options.heldOutDir).absolutePath();
    for (int i = 0; i < items.size(); ++i) {
        const HeldOutItem& item = items[i];
        auto mix = readMix(item);
        if (!mix)
            return mix.error();
        auto stems = readStems(item);
        if (!stems)
            return stems.error();
        const std::vector<float> mono = monoOf(mix.value());
        ItemResult r = measure(i, item, stems.value(), mono, real, options.songKeys);
        if (Status s = writeGroups(options, row.name, item, i, stems.value()); !s)
            return s.error();
        // The real audio has no repaint; its seam figure is the flux ratio at the positions a model's repaint
        // would have its seams, i.e. what an ordinary boundary of real music measures.
        const RepaintPlan plan = planRepaint(item.sections, item.tempo, item.sampleRate);
        if (i < options.seamItems && plan.target >= 0) {
            r.seamJumps = seamJumps(mono, {plan.start, plan.end});
            r.seamBaseline = r.seamJumps;
            r.repaintStart = double(plan.start) / item.sampleRate;
            r.repaintEnd = double(plan.end) / item.sampleRate;
        }
        log(QStringLiteral("[held-out] %1/%2 %3: tempo %4 for %5").arg(i + 1).arg(items.size()).arg(r.folder)
                .arg(r.tempoEstimated, 0, 'f', 1).arg(r.tempoTarget, 0, 'f', 1));
        row.items.append(std::move(r));
    }
    const auto half = real.begin() + std::ptrdiff_t(real.size() / 2);
    const Embeddings first(real.begin(), half), second(half, real.end());
    row.fd = fdOf(first, second);
    row.fdItemsA = int(first.size());
    row.fdItemsB = int(second.size());
    row.fdInterval = {kNaN, kNaN, kNaN};
    summarise(row);
    row.rowSeconds = seconds(rowClock);
    return row;
}

}  // namespace

Result<EvalResult> runEvaluation(const EvalOptions& options, const EvalLog& log)
{
    QElapsedTimer wall;
    wall.start();
    auto loaded = loadHeldOut(options.heldOutDir, options.count, options.seconds);
    if (!loaded)
        return loaded.error();
    const QVector<HeldOutItem>& items = loaded.value();
    EvalResult out;
    out.options = options;
    for (const HeldOutItem& item : items)
        out.itemFolders << QFileInfo(item.folder).fileName();
    log(QStringLiteral("%1 held-out item(s) of up to %2 s from %3").arg(items.size()).arg(options.seconds)
            .arg(QDir::toNativeSeparators(options.heldOutDir)));

    Embeddings real;
    auto reference = runReferenceRow(items, options, real, log);
    if (!reference)
        return reference.error();

    const auto plainRequest = [&](int i) {
        // Seed = item index + 1: seed 0 reads as "no seed recorded" to the arranger.
        GenerationRequest r = requestFor(items[i], quint64(i) + 1, options.steps, options.guidance,
                                         options.sectionGuidance, options.songKeys);
        r.guidanceInterval = options.guidanceInterval;
        return r;
    };
    for (int v = 0; v < options.variants.size(); ++v) {
        const VariantSpec& spec = options.variants[v];
        diffusion::DiffusionOptions dopts;
        dopts.config = options.config;
        dopts.weightsPath = spec.path;
        dopts.device = options.device;
        dopts.cpuThreads = options.threads;
        dopts.phaseIterations = options.phaseIterations;
        diffusion::DiffusionEngine engine(dopts);
        QElapsedTimer loadClock;
        loadClock.start();
        if (Status s = engine.load(); !s)
            return Error{QStringLiteral("%1: %2").arg(spec.name, s.errorMessage())};
        RowResult row;
        row.name = spec.name;
        row.kind = QStringLiteral("model");
        row.source = QFileInfo(spec.path).absoluteFilePath();
        row.weightsSha256 = engine.weightsSha256();
        row.loadSeconds = seconds(loadClock);
        log(QStringLiteral("[%1] %2 loaded on %3 in %4 s").arg(spec.name, QDir::toNativeSeparators(spec.path), engine.device())
                .arg(row.loadSeconds, 0, 'f', 2));
        if (options.generation) {
            auto done = runGeneratorRow(engine, row, items, plainRequest, options, real, log);
            if (!done)
                return done.error();
            out.rows.append(std::move(done.value()));
        }
        if (options.generation && v == 0 && options.shuffled && items.size() >= 2) {
            RowResult shuffled = row;
            shuffled.name = QStringLiteral("shuffled captions");
            shuffled.kind = QStringLiteral("shuffled");
            const auto shuffledRequest = [&](int i) {
                return withCaptionsOf(plainRequest(i), items[(i + 1) % items.size()]);
            };
            auto s = runGeneratorRow(engine, shuffled, items, shuffledRequest, options, real, log);
            if (!s)
                return s.error();
            s.value().fdOverMain = bootstrapFdDifference(out.rows.back().embeddings, s.value().embeddings, real);
            s.value().ownSongDistanceOverMain = pairedDifference(out.rows.back().ownSongDistances, s.value().ownSongDistances);
            s.value().ownSongRankOverMain = pairedDifference(out.rows.back().ownSongRanks, s.value().ownSongRanks);
            out.rows.append(std::move(s.value()));
        } else if (options.generation && v == 0 && options.shuffled) {
            log(QStringLiteral("shuffled captions: skipped, it needs at least two items"));
        }
        // The codec ceiling, then (reconstructed-phase codecs) its phase floor: rows of the first variant's codec.
        const auto codecRow = [&](const QString& name, const QString& kind, diffusion::RoundTripPath path) -> Status {
            RowResult codec;
            codec.name = name;
            codec.kind = kind;
            codec.source = row.source;
            codec.weightsSha256 = row.weightsSha256;
            auto c = runCodecRow(engine, codec, items, options, real, log, path);
            if (!c)
                return c.error();
            out.rows.append(std::move(c.value()));
            return Status::success();
        };
        if (v == 0 && options.codec) {
            if (Status s = codecRow(QStringLiteral("codec ceiling"), QStringLiteral("codec"), diffusion::RoundTripPath::Codec); !s)
                return s.error();
            if (options.phaseFloor && engine.hasPhaseFloor())
                if (Status s = codecRow(QStringLiteral("phase floor"), QStringLiteral("phase"), diffusion::RoundTripPath::PhaseOnly); !s)
                    return s.error();
        }
    }
    if (options.arranger) {
        arranger::ArrangerEngine engine;
        RowResult row;
        row.name = QStringLiteral("arranger");
        row.kind = QStringLiteral("arranger");
        row.source = QString::fromLatin1(arranger::ArrangerEngine::kModelId);
        auto done = runGeneratorRow(engine, row, items, plainRequest, options, real, log);
        if (!done)
            return done.error();
        out.rows.append(std::move(done.value()));
    }
    out.rows.append(std::move(reference.value()));
    out.wallSeconds = seconds(wall);
    return out;
}

}  // namespace s2a::inference::evaluation
