#pragma once

// The paper's data pipeline on a folder of a user's own music (s2a-prepare --audio): real recordings have a
// mix only, no MIDI and no exact structure, so every track is
//   read (any format the importer reads; unreadable, too short or too long files are dropped with the reason),
//   brought to the model's rate in stereo, segmented and described by the Analysis (tempo, bars, key, sections
//   with descriptor captions), captioned (a given caption per file, per-segment captions from an external
//   audio-language model where given, else the descriptor captions),
//   graded by two metrics multiplied (documented in docs/training/scale.md):
//     signal quality       = the Analysis QualityGrade score (loudness, clipping, silence, flatness)
//     analysis confidence  = how plainly the track shows what the structure-guided model learns: a form
//                            (1 with two or more sections, 0.7 with one) x key clarity
//                            (0.6 + 0.4 * min(1, keyConfidence / 0.15));
//   a track without a pulse is dropped (the DiT is conditioned on the beat grid; one made up would teach it
//   wrong),
//   and cut into crops of at most `cropSeconds` on the latent grid (each crop starts at a multiple of the hop),
//   written as FLAC, each a manifest song with its sections, tempo and downbeat offset.
// Then the keep-the-best cut: the best `keepFraction` by grade, never one below `minScore`.
//
// Resumable and parallel: each file's result (its crops or its drop reason) is recorded under
// <out>/records/ as it finishes, on the global thread pool; a rerun reads the records instead of analysing again.
// One file is in memory per worker (a 100-hour folder never is).
#include "core/util/JobControl.h"
#include "core/util/Result.h"
#include "training/Manifest.h"

#include <QString>

#include <string>
#include <vector>

namespace s2a::training {

struct RecordingOptions {
    int sampleRate = 44100;              // the model's
    int64_t hop = 2048;                  // the model's latent hop
    std::vector<std::string> stemGroups{"mix"};  // must be one group: a recording is a mix
    double cropSeconds = 30.0;           // the ATTM clips' length
    double minSeconds = 8.0;             // shorter files (and last crops) are not music to learn form from
    double keepFraction = 0.9;
    double minScore = 0.3;
    QString captionsFile;                // JSONL {"path": ..., "caption": ...} or TSV path<TAB>caption (optional)
    QString segmentCaptionsFile;         // JSONL {"path","start","end","caption"} or TSV with those four (optional)
};

struct RecordingReport {
    Manifest manifest;                   // kept crops best-graded first, dropped files and crops with reasons
    int files = 0;                       // audio files found
    int analysed = 0;                    // analysed in this run (the rest came from records)
    double audioSeconds = 0.0;           // of the crops cut (kept or not)
    double wallSeconds = 0.0;
};

// Prepares every audio file under `folder` (recursively, sorted) into `outDir` (crops/, records/,
// manifest.json). Errors: no audio files, an unreadable captions file, a model layout with more than one
// stem group, cancellation.
Result<RecordingReport> prepareRecordings(const QString& folder, const QString& outDir, const RecordingOptions& options,
                                          JobControl& job);

}  // namespace s2a::training
