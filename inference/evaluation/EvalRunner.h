#pragma once

// The s2a-eval run: held-out items, one row of figures per model variant, the baselines and the reference.
//
// Rows, in order:
//   one per variant (kind "model"): the diffusion engine with that weights file generates every item;
//   "shuffled captions" (kind "shuffled"): the first variant again, item i asked with the captions of item
//       (i + 1) mod N (global and per section; its own structure and tempo), measured against item i's own
//       caption: what adherence looks like when the caption is ignored;
//   "arranger" (kind "arranger"): the procedural engine on the same requests;
//   "codec ceiling" (kind "codec"): the held-out stems through the first variant's codec alone (encode to the
//       mean latent, decode), measured like a model's output plus the log-spectral distance per stem group and
//       the chroma agreement of the bass and harmonic groups: the best any generation of that model can sound;
//   "phase floor" (kind "phase"; reconstructed-phase codecs): the held-out stems' own STFT magnitudes given a
//       phase by the first variant's decoder, measured like the codec row: the best its codec could sound with
//       exact magnitudes, i.e. what the phase reconstruction alone costs;
//   "held-out audio" (kind "reference"): the real corpus audio, measured like a model's output (its FD is its
//       first half of items against its second half, a floor for the FD of a model).
// Adherence is always measured against the held-out item's caption, tempo and sections.
#include "inference/Generator.h"
#include "inference/model/GuidanceDefaults.h"
#include "inference/diffusion/DiffusionEngine.h"
#include "inference/evaluation/FdBootstrap.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <cmath>

#include <functional>
#include <optional>
#include <vector>

namespace s2a::inference::evaluation {

struct VariantSpec {
    QString name;  // "main", "plain-vae", "no-sft"
    QString path;  // the .safetensors file
};

struct EvalOptions {
    QVector<VariantSpec> variants;
    QString heldOutDir;
    QString config = diffusion::defaultModelConfig();
    int count = 100;
    double seconds = 12.0;
    int steps = 32;
    double guidance = s2a::model::kDefaultGuidance;
    double sectionGuidance = s2a::model::kDefaultSectionGuidance;
    s2a::model::GuidanceInterval guidanceInterval = s2a::model::kDefaultGuidanceInterval;
    int seamItems = 10;     // items (the first ones) whose middle section is repainted for the seam metric
    bool arranger = true;
    bool shuffled = true;
    bool codec = true;
    bool phaseFloor = true;  // with the codec row, when the codec reconstructs phase
    int phaseIterations = -1;  // Griffin-Lim passes of a reconstructed-phase codec; negative: the config's
    bool generation = true;
    // Every request names its song's key (song.json), and key adherence is measured on every item with one
    // against that key; otherwise only captions that name a key count (the measure, 19 of 100 items).
    bool songKeys = false;
    // When set, the first `audioItems` items of every row are written as one float WAV per evaluation stem group
    // (stereo): <audioDir>/<row name>/<item folder>/<group>.wav, to listen to and to draw (bench/render_spectrograms).
    QString audioDir;
    int audioItems = 0;  // false: the variants are loaded for the codec row only (no generation, no shuffled row)
    int threads = 0;        // LibTorch CPU threads; 0 = its default
    QString device = QStringLiteral("auto");
};

struct InstrumentResult {
    QString phrase;
    QString group;
    double groupDb = -120.0;
    bool present = false;
};

// What one row measured on one item.
struct ItemResult {
    int index = 0;
    QString folder;
    double seconds = 0.0;           // audio length
    double generationSeconds = -1;  // wall time of generate(); negative for the reference row
    double tempoTarget = 0.0;
    double tempoEstimated = 0.0;
    bool tempoHit = false;
    std::vector<double> groupDb;    // per evaluation stem group
    QVector<InstrumentResult> instruments;
    bool energyApplicable = false;
    bool chorusLouder = false;
    double chorusDb = -120.0, verseDb = -120.0;
    // Musicality, on the sum of the non-drum groups: pitchedness (SpectralMetrics.h; NaN when silent), and the key
    // the analysis hears against the key the caption names (only items whose caption names one).
    double pitchedness = 0.0;
    bool keyAsked = false, keyHit = false;
    QString keyWanted, keyHeard;
    // Codec row only: log-spectral distance (dB) per evaluation stem group (NaN where the original group is
    // silent) and the chroma agreement of the bass and harmonic groups.
    std::vector<double> lsdDb;
    double chromaBass = 0.0, chromaHarmonic = 0.0;
    // Repaint probe (empty when this item was not probed): one value per seam.
    std::vector<double> seamJumps, seamBaseline;
    double repaintStart = 0.0, repaintEnd = 0.0;  // seconds
};

struct RowResult {
    QString name;
    QString kind;      // "model", "shuffled", "arranger", "reference"
    QString source;    // weights file, engine, or held-out folder
    QString weightsSha256;
    QVector<ItemResult> items;
    // Summary figures; NaN where a figure has no data (no named instrument, no clip with chorus and verse...).
    double tempoPercent = 0.0;
    int tempoItems = 0;
    double instrumentPercent = 0.0;
    int instrumentCount = 0;
    double energyPercent = 0.0;
    int energyItems = 0;
    double fd = 0.0;
    int fdItemsA = 0, fdItemsB = 0;  // the two sets compared
    FdInterval fdInterval;           // bootstrap over items (not for the reference row: NaN)
    // Shuffled row: its FD minus the first variant's, over the same bootstrap draws (NaN elsewhere).
    FdDifference fdOverMain{std::nan(""), std::nan("")};
    // Per item, the distance of the clip's embedding to its own held-out song's (PairedDistance.h): its mean and
    // standard error (NaN for the reference row), and for the shuffled row the paired difference from the first
    // variant's: what says whether the captions are followed.
    std::vector<double> ownSongDistances;
    FdDifference ownSongDistance{std::nan(""), std::nan("")};
    FdDifference ownSongDistanceOverMain{std::nan(""), std::nan("")};
    // The same pairing as a rank (ownSongRanks): 0.5 by chance, 1 when each clip is nearest its own song.
    std::vector<double> ownSongRanks;
    FdDifference ownSongRank{std::nan(""), std::nan("")};
    FdDifference ownSongRankOverMain{std::nan(""), std::nan("")};
    double pitchedness = 0.0;        // mean over items with audio
    double keyPercent = 0.0;
    int keyItems = 0;
    std::vector<double> lsdDb;       // codec row: mean per evaluation stem group
    double lsdOverallDb = 0.0;       // codec row: mean over every (item, non-silent group)
    double chromaBass = 0.0, chromaHarmonic = 0.0;
    Embeddings embeddings;           // one per item (the FD's input)
    double seamMedian = 0.0, seamP90 = 0.0, seamBaselineMedian = 0.0;
    int seamCount = 0;               // seams measured
    double realTimeFactor = 0.0;     // audio seconds / generation seconds; NaN for the reference row
    double audioSeconds = 0.0, generationSeconds = 0.0, loadSeconds = 0.0;
    double rowSeconds = 0.0;         // wall time of the whole row: generation, repaints and measuring
};

// The rows that carry the codec figures (log-spectral distance, chroma agreement): the codec ceiling and its phase
// floor.
inline bool measuresCodec(const RowResult& row)
{
    return row.kind == QLatin1String("codec") || row.kind == QLatin1String("phase");
}

struct EvalResult {
    EvalOptions options;
    QStringList itemFolders;
    QVector<RowResult> rows;
    double wallSeconds = 0.0;
};

using EvalLog = std::function<void(const QString&)>;

// Runs everything; fails on the first engine error (a broken weights file, a missing soundfont) with a message
// that names the row and the item.
Result<EvalResult> runEvaluation(const EvalOptions& options, const EvalLog& log);

}  // namespace s2a::inference::evaluation
