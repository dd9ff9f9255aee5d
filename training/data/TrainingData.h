#pragma once

// The training data pipeline's Qt side (no LibTorch here): a corpus of arranger songs (s2a-corpus folders)
// turned into what the trainer needs, mirroring the paper's pipeline: segmentation (exact from the arranger,
// and again by the Analysis segmenter, as a user's own music would be), segment captions (the arranger plan's,
// paraphrased by templates so the wording varies), quality grading, keep the best.
//
// The trainer (training/Trainer.*) reads TrainingSong values; audio is loaded on demand because a
// corpus of hours of 4-group stereo stems does not fit in memory as float.
#include "core/audio/AudioBuffer.h"
#include "core/util/JobControl.h"
#include "core/util/Result.h"
#include "training/Manifest.h"  // FrameTargets

#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <string>
#include <vector>

namespace s2a::training {

struct TrainingSection {
    int label = 0;           // core::SectionLabel as int (the DiT's section-label id)
    int64_t start = 0;       // samples
    int64_t end = 0;
    QString caption;         // the arranger plan's section caption
    QStringList paraphrases; // the caption and template rewordings of it (first = caption); never empty
    QStringList chords;      // the plan's chord symbols, one per 4/4 bar from `start` (exact sections only)
};

struct QualityReport {
    double score = 0.0;          // 0..1: the grade training keeps or drops by (higher is better)
    double audioScore = 0.0;     // analysis::QualityGrade::score of the mix
    double boundaryHitRate = 0.0;// analysed section boundaries within 3 s of the exact ones (F-measure)
    double tempoError = 0.0;     // |analysed - exact| BPM (octave errors count as the smaller of x, x/2, 2x)
    QStringList reasons;         // why the score is below 1, one sentence each
};

struct TrainingSong {
    QString folder;                      // the .s2a song folder
    QString id;                          // folder name, e.g. "song-0007.s2a"
    QString caption;                     // global caption as written by the corpus tool
    QStringList captionParaphrases;      // caption + template rewordings (first = caption); never empty
    double tempo = 0.0;                  // exact BPM
    int beatsPerBar = 4;                 // the time signature's numerator; bar 1 starts at sample 0
    QString key;
    QString style;
    QStringList instruments;             // roles present (core::toString(TrackRole)), e.g. drums, bass, keys
    int sampleRate = 44100;
    int64_t samples = 0;                 // song length
    QVector<TrainingSection> sections;   // exact, contiguous from 0
    QVector<TrainingSection> analysedSections;  // the Analysis segmenter's (label, start, end; its own captions)
    QualityReport quality;
    FrameTargets targets;                // at PipelineOptions::hop
    // Stem audio files (absolute paths) with the stem-group index each is summed into.
    QStringList stemFiles;
    std::vector<int> stemGroups;
    // Per stem, like stemFiles: its role (core::toString(TrackRole)) and MIDI file (absolute), the targets' source.
    QStringList stemRoles;
    QStringList midiFiles;
};

struct PipelineOptions {
    std::vector<std::string> stemGroups{"drums", "bass", "harmonic", "lead"};  // ModelConfig::stemGroups
    int64_t hop = 2048;                  // samples per latent frame
    double keepFraction = 0.9;           // keep the best-graded fraction of the corpus...
    double minScore = 0.3;               // ...and never a song graded below this
    bool analyse = true;                 // run the Analysis segmenter and grader (false: grade 1, for tests)
    quint64 paraphraseSeed = 1;
    int paraphrases = 4;                 // rewordings per caption (besides the original)
};

struct PipelineResult {
    QVector<TrainingSong> kept;          // best first (by quality.score)
    QVector<TrainingSong> dropped;       // with quality.reasons saying why
};

// Reads every song folder under `corpusDir` (sorted by name), computes targets, paraphrases, analysis and
// grades, and splits kept/dropped. Songs run in parallel on the global pool: progress comes once per finished
// song, from pool threads, one call at a time; stops when `job` is cancelled. A song folder that cannot
// be read is dropped with the reason (the run goes on); an empty or missing corpus is an error.
Result<PipelineResult> runPipeline(const QString& corpusDir, const PipelineOptions& options, JobControl& job);

// The pipeline's record as JSON (every song: kept or dropped, grade, reasons, section labels/captions, the
// analysed sections, paraphrases) and back, so a resumed training run does not analyse the corpus again.
// The targets are not stored; readPipelineJson recomputes them from the MIDI files.
Status writePipelineJson(const PipelineResult& result, const QString& path);
Result<PipelineResult> readPipelineJson(const QString& path, const PipelineOptions& options);

}  // namespace s2a::training
