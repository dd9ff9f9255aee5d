#pragma once

// Accompany a recording (issue 20: ACE-Step's Vocal2BGM, Suno's "add instrumental"): the user's sung or played
// part becomes a locked track of its own, the analysis gives the song its tempo, bar 1, key, chord lane and
// sections, and an engine makes the band around it in one pass over the whole song, so the parts are one
// performance across section boundaries; each section gets that band as a new take that keeps the recording.
#include "inference/SectionRegenerator.h"
#include "inference/analysis/SongAnalysis.h"

namespace s2a::inference {

// The user's recording as a track.
struct RecordingTrack {
    QString name;                                  // "Vocal", "Guitar take"; empty: "Recording"
    core::TrackRole role = core::TrackRole::Lead;  // the role the band then leaves out
};

// The project for `analysis` of the recording (stored as `audioFile` in the bundle, `frames` long at
// `sampleRate`): projectFromAnalysis's song, its one track now the locked recording, the band's style in the
// song's caption.
core::ProjectData accompanimentProject(const analysis::SongAnalysis& analysis, const QString& title,
                                       const QString& audioFile, int sampleRate, core::SampleCount frames,
                                       const RecordingTrack& recording, const QString& caption);

// Step 1 of accompanying `song` (a saved bundle at `bundlePath`), safe on any thread: `engine` generates the
// whole song's band (following its chord lane, tempo grid and sections, leaving out the locked tracks' roles),
// and every unlocked section gets a take of its part (stems stored in the bundle, named "Accompaniment") that
// keeps the section's locked clips as they are. Step 2 is addRenderedTakes. Locked sections are left alone.
Result<RenderedTakes> renderAccompaniment(const core::ProjectData& song, const QString& bundlePath,
                                          const RegenerateOptions& options, Generator& engine, JobControl& job);

// What to accompany and how: the whole flow of File > Accompany a Recording and `s2a accompany`.
struct AccompanySpec {
    QString caption;                    // the band's style
    RecordingTrack recording;
    analysis::ChordReading chords = analysis::ChordReading::Melody;
    quint64 seed = 0;
    int sampleRate = 44100;             // the song's rate: the recording is resampled to it
    bool downmix = false;               // fold a file of more than two channels to stereo (else refuse it)
};

// A recording of `seconds` (its file named `name`) long enough to accompany: at least two bars at a slow
// tempo, so that a pulse, a key and a section can be found in it.
constexpr double kMinimumRecordingSeconds = 4.0;
Status checkRecordingLength(double seconds, const QString& name);

// Imports the recording at `recordingPath`, analyses it, stores it in the new bundle at `bundlePath` (whose
// audio/ receives the stems; nothing else is written there) and returns the song with the band as each section's
// active take (the recording alone stays as the section's first take). Progress: analysis 0-30 %, the band
// 30-100 %. The caller saves the song.
Result<core::ProjectData> accompanyRecording(const QString& recordingPath, const QString& bundlePath, const AccompanySpec& spec,
                                             Generator& engine, JobControl& job);

}  // namespace s2a::inference
