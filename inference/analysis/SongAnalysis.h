#pragma once

// Song analysis: any mix in, an editable structure out (tempo and beat grid, bars, key, labelled sections
// with descriptors and captions, a quality grade). Plain Qt values only: FFTW and libebur128 stay in the .cpp
// files, so the app and the CLI include this header without either.
#include "core/audio/AudioBuffer.h"
#include "core/model/ProjectData.h"
#include "core/util/JobControl.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace s2a::inference::analysis {

// What one section sounds like; the caption is built from these in words CaptionParser reads back.
struct SectionDescriptors {
    double loudnessLufs = -70.0;   // EBU R128 integrated loudness of the section
    double brightnessHz = 0.0;     // mean spectral centroid
    double onsetDensity = 0.0;     // onsets per second
    double percussiveRatio = 0.0;  // percussive / (harmonic + percussive) energy after median-filter HPSS
    double energy = 0.5;           // 0..1, relative to the loudest section of the song
};

struct AnalysedSection {
    double start = 0.0;            // seconds
    double end = 0.0;
    int firstBar = 0;              // index into SongAnalysis::bars
    int group = 0;                 // repetition group: 0 = A, 1 = B, ...
    core::SectionLabel label = core::SectionLabel::Verse;
    SectionDescriptors descriptors;
    QString caption;
    QString groupName() const { return QString(QChar(QLatin1Char('A').unicode() + group)); }
};

struct QualityGrade {
    double integratedLufs = -70.0;
    double truePeakDbtp = -120.0;
    double clippingRatio = 0.0;    // fraction of samples in runs at full scale
    double silenceRatio = 0.0;     // fraction of 50 ms blocks below -60 dBFS
    double spectralFlatness = 0.0; // mean over frames, 0 (tonal) .. 1 (white noise)
    double score = 0.0;            // 0 (unusable) .. 1 (clean)
    QStringList reasons;           // one sentence per deduction, empty for a clean file
};

// A chord change the analysis found: `name` (a core::ChordSymbol spelling) from `start` seconds on.
struct AnalysedChord {
    double start = 0.0;
    QString name;
};

// What the audio is, which decides how chords are read from it.
enum class ChordReading {
    Played,  // a mix, or a part that plays the chords (guitar, piano): chords recognised per beat
    Melody,  // a sung or played tune alone: a harmony that fits it, one diatonic chord per bar
};

struct SongAnalysis {
    double duration = 0.0;         // seconds
    double tempo = 0.0;            // BPM, 0 when no pulse was found
    QVector<double> beats;         // seconds
    QVector<double> bars;          // downbeats, seconds (4/4 assumed: the arranger and most pop are)
    double downbeatOffset = 0.0;   // where bar 1 starts, seconds (the first downbeat; 0 without a pulse)
    int tonic = 0;                 // pitch class, C = 0
    bool minor = false;
    double keyConfidence = 0.0;    // correlation margin between the best and second-best key
    QString key;                   // "F# minor", in the spelling project.json accepts; empty when unknown
    QVector<AnalysedSection> sections;
    QVector<AnalysedChord> chords; // in time order, consecutive changes differ
    QualityGrade quality;
    QVector<QPair<QString, double>> stageSeconds;  // per-stage wall time, for the benchmark
};

// The analysis rate: everything is resampled (and mixed to mono) to this first. 22.05 kHz keeps what beat,
// key and structure need and halves the FFT work.
constexpr int kAnalysisRate = 22050;

// Runs every stage, reporting progress per stage and stopping within one stage once `job` is cancelled.
Result<SongAnalysis> analyzeSong(const core::AudioBuffer& audio, JobControl& job,
                                 ChordReading chordReading = ChordReading::Played);

// A project for the analysed song: one "mix" track whose clip plays `audioFile` (a file name of the bundle's
// audio/ folder, `frames` long at `sampleRate`) across the analysed sections, with tempo, bar 1, key and the
// chord lane set.
core::ProjectData projectFromAnalysis(const SongAnalysis& analysis, const QString& title, const QString& audioFile,
                                      int sampleRate, core::SampleCount frames);

}  // namespace s2a::inference::analysis
