#pragma once

// Export of a song to audio files: every track as a stem, the stereo mix, or selected sections (one file per
// section per stem). Rendered offline through the same render plan and mixer as playback, so what is exported
// is what was heard; stems are post-fader and post-pan, so they sum to the mix.
#include "core/audio/AudioFileWriter.h"
#include "core/model/ProjectData.h"
#include "core/util/JobControl.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace s2a::core {

enum class ExportWhat { Stems, Mix, Sections };

struct ExportOptions {
    ExportWhat what = ExportWhat::Stems;
    bool alsoMix = true;                 // with Stems or Sections: write the mix (per section) beside the stems
    AudioFileFormat format = AudioFileFormat::Flac24;
    int sampleRate = 0;                  // 0: the project's rate; else 44100, 48000 or 96000 (high-quality resampling)
    std::optional<double> targetLufs;    // normalise the mix to this integrated loudness (-14, -23, ...)
    double truePeakCeilingDb = -1.0;     // with targetLufs: never exceed this true peak (dBTP)
    // For Sections: {index} is the section's 1-based position in the song, two digits; {section} its label.
    QString nameTemplate = QStringLiteral("{song}_{section}_{index}_{stem}");
    QStringList sectionIds;              // for Sections; empty: every section
    // For Stems and Mix: only [first, second) of the song (project samples): the loop region or a selection.
    // The files are named {song}_{start}-{end}_{stem} (times in seconds: "12.500s") and normalised on that span.
    std::optional<std::pair<SampleCount, SampleCount>> range;
    // Also each exported track's notes as {name}.mid (whole song or the range; tracks whose takes hold MIDI, which
    // the arranger's do): to replace the General MIDI sounds with one's own instruments. Not with Sections.
    bool midi = false;
    bool overwrite = false;              // refuse to replace existing files unless set
    bool dither = true;                  // TPDF dither when the format has 16 bits (never otherwise)
};

struct ExportedFile {
    QString path;
    QString stem;                        // track name, or "mix"; a .mid file's frames and loudness are 0 and NaN
    SampleCount frames = 0;
    double integratedLufs = 0.0;
    double loudnessRange = 0.0;          // LU
    double truePeakDb = 0.0;             // dBTP
};

struct ExportReport {
    QVector<ExportedFile> files;
    double appliedGainDb = 0.0;          // the same gain on the mix and on every stem
    QString reportPath;                  // loudness report written beside the files (JSON)
};

struct LoudnessMeasurement;

// The gain (dB) that brings audio measured at `m` to `targetLufs` integrated, or less where its true peak
// would pass `truePeakCeilingDb`; 0 for silence (nothing to normalise).
double normalisationGainDb(const LoudnessMeasurement& m, double targetLufs, double truePeakCeilingDb);

// Writes the export into `outDir` (created if needed). Audio is read from the bundle's audio/ folder.
// Stems are the tracks the mix contains (muted or not-soloed tracks are left out rather than written silent);
// stems and mix are named {song}_{stem} and {song}_mix, the report {song}_loudness.json, all sanitised.
// Refuses to overwrite existing files unless options.overwrite; a cancelled or failed export removes every file
// it wrote. Progress and cancel through `job`.
Result<ExportReport> exportSong(const ProjectData& data, const QString& bundlePath, const QString& outDir,
                                const ExportOptions& options, JobControl& job);

}  // namespace s2a::core
