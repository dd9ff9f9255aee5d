#include "inference/evaluation/EvalReport.h"

#include "inference/evaluation/Adherence.h"
#include "inference/evaluation/EvalFeatures.h"
#include "inference/evaluation/SeamMetric.h"
#include "inference/evaluation/SpectralMetrics.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace s2a::inference::evaluation {
namespace {

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

QString cell(double v, int decimals) { return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("n/a"); }

QString withCount(double v, int decimals, int count)
{
    return QStringLiteral("%1 (%2)").arg(cell(v, decimals)).arg(count);
}

QString fdCell(const RowResult& row)
{
    if (!std::isfinite(row.fdInterval.low))
        return cell(row.fd, 2);
    return QStringLiteral("%1 [%2, %3]").arg(cell(row.fd, 2), cell(row.fdInterval.low, 2), cell(row.fdInterval.high, 2));
}

QJsonArray numbers(const std::vector<double>& values)
{
    QJsonArray a;
    for (double v : values)
        a.append(number(v));
    return a;
}

QJsonObject itemJson(const ItemResult& r)
{
    QJsonArray instruments;
    for (const InstrumentResult& i : r.instruments)
        instruments.append(QJsonObject{{QStringLiteral("phrase"), i.phrase}, {QStringLiteral("group"), i.group},
                                       {QStringLiteral("groupDb"), number(i.groupDb)}, {QStringLiteral("present"), i.present}});
    QJsonObject levels;
    for (size_t g = 0; g < r.groupDb.size() && g < evalStemGroups().size(); ++g)
        levels.insert(QString::fromStdString(evalStemGroups()[g]), number(r.groupDb[g]));
    QJsonObject o{{QStringLiteral("index"), r.index},
                  {QStringLiteral("folder"), r.folder},
                  {QStringLiteral("seconds"), r.seconds},
                  {QStringLiteral("generationSeconds"), r.generationSeconds >= 0.0 ? number(r.generationSeconds) : QJsonValue()},
                  {QStringLiteral("tempoTarget"), r.tempoTarget},
                  {QStringLiteral("tempoEstimated"), number(r.tempoEstimated)},
                  {QStringLiteral("tempoHit"), r.tempoHit},
                  {QStringLiteral("groupDb"), levels},
                  {QStringLiteral("instruments"), instruments},
                  {QStringLiteral("energyApplicable"), r.energyApplicable},
                  {QStringLiteral("chorusDb"), number(r.chorusDb)},
                  {QStringLiteral("verseDb"), number(r.verseDb)},
                  {QStringLiteral("pitchedness"), number(r.pitchedness)}};
    if (r.keyAsked) {
        o.insert(QStringLiteral("keyAsked"), r.keyWanted);
        o.insert(QStringLiteral("keyHeard"), r.keyHeard);
        o.insert(QStringLiteral("keyHit"), r.keyHit);
    }
    if (!r.lsdDb.empty()) {
        o.insert(QStringLiteral("logSpectralDistanceDb"), numbers(r.lsdDb));
        o.insert(QStringLiteral("chromaAgreementBass"), number(r.chromaBass));
        o.insert(QStringLiteral("chromaAgreementHarmonic"), number(r.chromaHarmonic));
    }
    if (r.energyApplicable)
        o.insert(QStringLiteral("chorusLouder"), r.chorusLouder);
    if (!r.seamJumps.empty()) {
        o.insert(QStringLiteral("repaintStartSeconds"), r.repaintStart);
        o.insert(QStringLiteral("repaintEndSeconds"), r.repaintEnd);
        o.insert(QStringLiteral("seamJumps"), numbers(r.seamJumps));
        o.insert(QStringLiteral("seamBaseline"), numbers(r.seamBaseline));
    }
    return o;
}

QJsonObject rowJson(const RowResult& row)
{
    QJsonArray items;
    for (const ItemResult& r : row.items)
        items.append(itemJson(r));
    const double perItem = row.items.isEmpty() || row.kind == QLatin1String("reference")
                               ? std::nan("") : row.generationSeconds / row.items.size();
    return QJsonObject{
        {QStringLiteral("name"), row.name},
        {QStringLiteral("kind"), row.kind},
        {QStringLiteral("source"), row.source},
        {QStringLiteral("weightsSha256"), row.weightsSha256},
        {QStringLiteral("tempoPercent"), number(row.tempoPercent)},
        {QStringLiteral("tempoItems"), row.tempoItems},
        {QStringLiteral("instrumentPercent"), number(row.instrumentPercent)},
        {QStringLiteral("instrumentCount"), row.instrumentCount},
        {QStringLiteral("energyOrderPercent"), number(row.energyPercent)},
        {QStringLiteral("energyOrderItems"), row.energyItems},
        {QStringLiteral("fd"), number(row.fd)},
        {QStringLiteral("fdItems"), QJsonArray{row.fdItemsA, row.fdItemsB}},
        {QStringLiteral("fdBootstrap95"), QJsonArray{number(row.fdInterval.low), number(row.fdInterval.high)}},
        {QStringLiteral("fdStandardError"), number(row.fdInterval.standardError)},
        {QStringLiteral("fdOverFirstVariant"), number(row.fdOverMain.mean)},
        {QStringLiteral("fdOverFirstVariantStandardError"), number(row.fdOverMain.standardError)},
        {QStringLiteral("ownSongDistance"), number(row.ownSongDistance.mean)},
        {QStringLiteral("ownSongDistanceStandardError"), number(row.ownSongDistance.standardError)},
        {QStringLiteral("ownSongDistanceOverFirstVariant"), number(row.ownSongDistanceOverMain.mean)},
        {QStringLiteral("ownSongDistanceOverFirstVariantStandardError"), number(row.ownSongDistanceOverMain.standardError)},
        {QStringLiteral("ownSongRank"), number(row.ownSongRank.mean)},
        {QStringLiteral("ownSongRankStandardError"), number(row.ownSongRank.standardError)},
        {QStringLiteral("ownSongRankOverFirstVariant"), number(row.ownSongRankOverMain.mean)},
        {QStringLiteral("ownSongRankOverFirstVariantStandardError"), number(row.ownSongRankOverMain.standardError)},
        {QStringLiteral("pitchedness"), number(row.pitchedness)},
        {QStringLiteral("keyPercent"), number(row.keyPercent)},
        {QStringLiteral("keyItems"), row.keyItems},
        {QStringLiteral("logSpectralDistanceDb"), numbers(row.lsdDb)},
        {QStringLiteral("logSpectralDistanceOverallDb"), number(row.lsdOverallDb)},
        {QStringLiteral("chromaAgreementBass"), number(row.chromaBass)},
        {QStringLiteral("chromaAgreementHarmonic"), number(row.chromaHarmonic)},
        {QStringLiteral("seamJumpMedian"), number(row.seamMedian)},
        {QStringLiteral("seamJumpP90"), number(row.seamP90)},
        {QStringLiteral("seamBaselineMedian"), number(row.seamBaselineMedian)},
        {QStringLiteral("seamCount"), row.seamCount},
        {QStringLiteral("realTimeFactor"), number(row.realTimeFactor)},
        {QStringLiteral("audioSeconds"), row.audioSeconds},
        {QStringLiteral("generationSeconds"), row.generationSeconds},
        {QStringLiteral("secondsPerItem"), number(perItem)},
        {QStringLiteral("loadSeconds"), row.loadSeconds},
        {QStringLiteral("rowSeconds"), row.rowSeconds},
        {QStringLiteral("items"), items},
    };
}

QJsonObject metricDefinitions()
{
    return QJsonObject{
        {QStringLiteral("tempo"), QStringLiteral("analysis tempo estimate of the mono mix within +-%1 BPM of the item's "
                                                 "tempo; half or double tempo is a miss").arg(kTempoToleranceBpm)},
        {QStringLiteral("instruments"),
         QStringLiteral("each instrument the caption names (CaptionParser vocabulary) -> its stem group (drums, bass, "
                        "lead by role, the rest harmonic); present when the group's RMS is within %1 dB of the "
                        "loudest group and above %2 dBFS").arg(kPresenceRangeDb).arg(kPresenceFloorDbfs)},
        {QStringLiteral("energyOrder"),
         QStringLiteral("clips with >= %1 s of both chorus/drop and verse: chorus/drop RMS > verse RMS")
             .arg(kMinSectionSeconds)},
        {QStringLiteral("fd"), QStringLiteral("Frechet distance between Gaussians fitted to the embeddings of a row's "
                                              "clips and of the held-out mixes (same crop); the held-out row compares "
                                              "its first half of items with its second half")},
        {QStringLiteral("seam"),
         QStringLiteral("middle section (or beat-snapped middle third) regenerated with its neighbours as context; "
                        "spectral flux per %1-sample hop (%2-point Hann, ln(1 + 1000|X|), half-wave rectified, bin "
                        "mean); jump = max flux within +-%3 hops of a seam / max(median flux of the clip, %4); baseline = "
                        "the same at the same positions before the repaint; median and p90 (linear) over all seams")
             .arg(kFluxHop).arg(kFluxFrame).arg(kSeamHops).arg(kFluxFloor)},
        {QStringLiteral("realTimeFactor"), QStringLiteral("audio seconds / wall seconds of generate() alone "
                                                          "(no loading, repaints or measuring)")},
        {QStringLiteral("shuffled"), QStringLiteral("the first variant; item i gets the global and section captions of "
                                                    "item (i + 1) mod N, keeps its own structure and tempo, and is "
                                                    "measured against its own caption")},
        {QStringLiteral("fdBootstrap"),
         QStringLiteral("%1 resamples of the items with replacement, the same draw for a row and the held-out set; "
                        "95 %% interval = 2.5th..97.5th percentile; fdOverFirstVariant = the shuffled row's FD minus "
                        "the first variant's over the same draws (mean and standard error)").arg(kBootstrapResamples)},
        {QStringLiteral("ownSongDistance"),
         QStringLiteral("per item, the Euclidean distance between the clip's embedding and its own held-out song's, "
                        "each dimension divided by its standard deviation over the held-out set; mean and standard "
                        "error over items. ownSongDistanceOverFirstVariant = the shuffled row's minus the first "
                        "variant's, item by item (a paired test of caption adherence, which the FD of two sets "
                        "cannot be: shuffling the captions leaves their distribution as it was). ownSongRank = per "
                        "item, the share of the other held-out songs farther from the clip than its own (0.5 by "
                        "chance), robust to a clip far from every song on some feature")},
        {QStringLiteral("pitchedness"),
         QStringLiteral("sum of the non-drum stem groups, mono; share of the 50 Hz..5 kHz energy of 4096-point Hann "
                        "frames within 2 bins of a local maximum standing >= %1 dB over the median of its 49 bins")
             .arg(kPeakProminenceDb)},
        {QStringLiteral("key"), QStringLiteral("items whose caption names a key: the analysis key estimator on the "
                                               "non-drum groups (beats of the item's tempo from 0 s) hears that key "
                                               "or its relative")},
        {QStringLiteral("logSpectralDistance"),
         QStringLiteral("codec and phase-floor rows: per stem group, RMS of the dB difference over the %1-point Hann STFT bins (hop %2) "
                        "within 60 dB of the original's loudest bin; groups silent in the original are skipped")
             .arg(kLsdFrame).arg(kLsdHop)},
        {QStringLiteral("chromaAgreement"),
         QStringLiteral("codec and phase-floor rows: cosine of the beat-synchronous 12-bin analysis chroma of the original and decoded "
                        "bass (harmonic) group, averaged over beats within 40 dB of the loudest")},
        {QStringLiteral("seeds"), QStringLiteral("generation seed = item index + 1; repaint seed = that + 1000003")},
    };
}

}  // namespace

namespace {

// "NAME: WHAT m +- se[, minus the first variant's d +- se (paired over items; z standard errors)]", or nothing
// when the row has no such figure (the reference row).
QString pairedLine(const QString& name, const QString& what, const FdDifference& value, const FdDifference& overMain)
{
    if (!std::isfinite(value.mean))
        return {};
    QString line = QStringLiteral("%1: %2 %3 +- %4").arg(name, what, cell(value.mean, 3), cell(value.standardError, 3));
    if (std::isfinite(overMain.mean))
        line += QStringLiteral(", minus the first variant's %1 +- %2 (paired over items; %3 standard errors)")
                    .arg(cell(overMain.mean, 3), cell(overMain.standardError, 3), cell(overMain.mean / overMain.standardError, 1));
    return line + QLatin1Char('\n');
}

}  // namespace

QString formatTable(const EvalResult& result)
{
    const QStringList header{QStringLiteral("row"), QStringLiteral("tempo %"), QStringLiteral("instr % (n)"),
                             QStringLiteral("energy % (n)"), QStringLiteral("FD [95 % CI]"),
                             QStringLiteral("pitched"), QStringLiteral("key % (n)"), QStringLiteral("seam med"),
                             QStringLiteral("seam p90"), QStringLiteral("seam base"), QStringLiteral("RTF"),
                             QStringLiteral("s/item")};
    QVector<QStringList> lines{header};
    for (const RowResult& row : result.rows) {
        const double perItem = row.kind == QLatin1String("reference") || row.items.isEmpty()
                                   ? std::nan("") : row.generationSeconds / row.items.size();
        lines.append({row.name, cell(row.tempoPercent, 1), withCount(row.instrumentPercent, 1, row.instrumentCount),
                      withCount(row.energyPercent, 1, row.energyItems), fdCell(row), cell(row.pitchedness, 3),
                      withCount(row.keyPercent, 1, row.keyItems), cell(row.seamMedian, 2),
                      cell(row.seamP90, 2), cell(row.seamBaselineMedian, 2), cell(row.realTimeFactor, 2),
                      cell(perItem, 2)});
    }
    QVector<int> widths(header.size(), 0);
    for (const QStringList& l : lines)
        for (int c = 0; c < l.size(); ++c)
            widths[c] = std::max(widths[c], int(l[c].size()));
    QString out;
    for (const QStringList& l : lines) {
        QStringList cells;
        for (int c = 0; c < l.size(); ++c)
            cells << (c == 0 ? l[c].leftJustified(widths[c]) : l[c].rightJustified(widths[c]));
        out += cells.join(QStringLiteral("  ")) + QLatin1Char('\n');
    }
    for (const RowResult& row : result.rows) {
        if (measuresCodec(row) && row.lsdDb.size() == evalStemGroups().size())
            out += QStringLiteral("%1: log-spectral distance %2 dB (drums %3, bass %4, harmonic %5, lead %6); chroma "
                                  "agreement bass %7, harmonic %8\n")
                       .arg(row.name, cell(row.lsdOverallDb, 2), cell(row.lsdDb[0], 2), cell(row.lsdDb[1], 2),
                            cell(row.lsdDb[2], 2), cell(row.lsdDb[3], 2), cell(row.chromaBass, 3),
                            cell(row.chromaHarmonic, 3));
        out += pairedLine(row.name, QStringLiteral("own-song rank (0.5 by chance)"), row.ownSongRank, row.ownSongRankOverMain);
        out += pairedLine(row.name, QStringLiteral("distance to its own song"), row.ownSongDistance, row.ownSongDistanceOverMain);
        if (std::isfinite(row.fdOverMain.mean))
            out += QStringLiteral("%1: FD minus the first variant's %2 +- %3 (standard error; %4 standard errors)\n")
                       .arg(row.name, cell(row.fdOverMain.mean, 3), cell(row.fdOverMain.standardError, 3),
                            cell(row.fdOverMain.mean / row.fdOverMain.standardError, 1));
    }
    out += QStringLiteral("%1 item(s), %2 s clips, %3 steps, guidance %4 / %5 at t in [%6, %7); seam: %8 item(s) repainted; "
                          "key: %9; %10 s in all\n")
               .arg(result.itemFolders.size()).arg(result.options.seconds).arg(result.options.steps)
               .arg(result.options.guidance).arg(result.options.sectionGuidance)
               .arg(result.options.guidanceInterval.from).arg(result.options.guidanceInterval.to)
               .arg(std::min<qsizetype>(result.options.seamItems, result.itemFolders.size()))
               .arg(result.options.songKeys ? QStringLiteral("each song's, asked in every request")
                                            : QStringLiteral("where the caption names one"))
               .arg(result.wallSeconds, 0, 'f', 1);
    return out;
}

QJsonObject toJson(const EvalResult& result)
{
    const EvalOptions& o = result.options;
    QJsonArray variants;
    for (const VariantSpec& v : o.variants)
        variants.append(QJsonObject{{QStringLiteral("name"), v.name}, {QStringLiteral("path"), v.path}});
    QJsonArray rows;
    for (const RowResult& row : result.rows)
        rows.append(rowJson(row));
    const QJsonObject config{
        {QStringLiteral("heldOut"), o.heldOutDir},
        {QStringLiteral("items"), int(result.itemFolders.size())},
        {QStringLiteral("requestedItems"), o.count},
        {QStringLiteral("itemFolders"), QJsonArray::fromStringList(result.itemFolders)},
        {QStringLiteral("seconds"), o.seconds},
        {QStringLiteral("steps"), o.steps},
        {QStringLiteral("guidance"), o.guidance},
        {QStringLiteral("sectionGuidance"), o.sectionGuidance},
        {QStringLiteral("guidanceInterval"), QJsonArray{o.guidanceInterval.from, o.guidanceInterval.to}},
        {QStringLiteral("modelConfig"), o.config},
        {QStringLiteral("device"), o.device},
        {QStringLiteral("threads"), o.threads},
        {QStringLiteral("seamItems"), o.seamItems},
        {QStringLiteral("arranger"), o.arranger},
        {QStringLiteral("shuffled"), o.shuffled},
        {QStringLiteral("keyFrom"), o.songKeys ? QStringLiteral("song") : QStringLiteral("caption")},
        {QStringLiteral("phaseFloor"), o.phaseFloor},
        {QStringLiteral("phaseIterations"), o.phaseIterations},
        {QStringLiteral("variants"), variants},
        {QStringLiteral("featureDefinition"), embeddingDefinition()},
        {QStringLiteral("metrics"), metricDefinitions()},
    };
    return QJsonObject{{QStringLiteral("tool"), QStringLiteral("s2a-eval")},
                       {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                       {QStringLiteral("wallSeconds"), result.wallSeconds},
                       {QStringLiteral("config"), config},
                       {QStringLiteral("rows"), rows}};
}

}  // namespace s2a::inference::evaluation
