#pragma once

// The app's main action, engine-agnostic: make a section anew and add the result as a take, leaving every
// other sample of the song as it was. Used by the CLI (synchronously, regenerateSection) and by the editor's
// generation queue, which runs the two halves on different threads: renderTake() on a worker thread from a
// snapshot of the song, addRenderedTake() on the UI thread where the live Project is.
#include "core/model/Project.h"
#include "inference/Generator.h"
#include "inference/model/GuidanceDefaults.h"

#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

namespace s2a::inference {

struct RegenerateOptions {
    std::optional<QString> caption;   // the section's new caption (also saved on the section)
    quint64 seed = 0;
    int steps = 32;
    double guidance = s2a::model::kDefaultGuidance;
    double contextSeconds = 10.0;
    // Only these stems (track ids, names or roles; or instruments to add): every other track keeps its audio and
    // the section keeps its chords (inference/StemReplacement.h). Empty: the whole section anew.
    QStringList stems;
};

// One instrument of a rendered take: which track it belongs on, and its file in the bundle's audio/.
struct RenderedStem {
    core::TrackRole role = core::TrackRole::Other;
    QString name;
    QString file;
    // The track it goes on. Empty: the track with its role and name, else the first with its role, else a new
    // one. Set (a repaint does, so that every section's take of it uses the same tracks): that track, made
    // with this id when the song has none.
    QString trackId;
    QString midiFile;  // its notes in audio/ (time 0 = the file's sample 0), or empty
};

// What a regeneration made before it is part of the song. Plain values only, so that a worker thread can make
// it from a copy of the song and hand it to the thread that owns the Project.
struct RenderedTake {
    QString sectionId;
    QString sectionName;                  // "Chorus 2" as the snapshot named it, for messages
    core::SampleCount sectionStart = 0;   // the section's span in the snapshot: the take only fits that span
    core::SampleCount sectionEnd = 0;
    core::SampleCount start = 0;          // what the stems cover on the timeline
    core::SampleCount end = 0;
    QVector<RenderedStem> stems;
    core::TakeOrigin origin;
    std::optional<QString> caption;       // the section's new caption, set in the same undo step
    QString bundlePath;                   // where the stem files were stored
    QString understood;                   // the engine's reading of the caption
    QString name;                         // the take's name (a repaint's range); empty for a whole section
    // Clips of the section's audio as it was that the take keeps (a repaint's, outside its range); their files
    // are in the song's bundle already.
    QVector<core::AudioClip> keptClips;
};
using RenderedTakes = QVector<RenderedTake>;

// Finds a section by id, or by "label#n" (the n-th section with that label, from 1), or by "label" when only
// one section has it.
Result<QString> findSection(const core::ProjectData& data, const QString& reference);

// The request an engine needs for the whole song as it stands: settings, every section (with the seed its
// active take was made with), and for a regeneration of `targetSection` the song's current audio per track.
// `job`, when given, hears progress over the decoding and may cancel it.
Result<GenerationRequest> requestFor(const core::ProjectData& data, const QString& bundlePath, int targetSection,
                                     const RegenerateOptions& options, JobControl* job = nullptr);

// Whether `clip` plays one of the user's recordings (a locked track), which no job ever rewrites.
bool playsRecording(const core::ProjectData& song, const core::AudioClip& clip);
// The clips of `section`'s active take that play the user's recordings: every new take of it keeps them.
QVector<core::AudioClip> recordingClips(const core::ProjectData& song, const core::Section& section);

// What every job does with an engine's stems before storing any: the stem level guard over all of them, then the
// stems of the roles the song's recordings play (request.withoutRoles) left out, so none lands on a recording.
void finishStems(GenerationResult& result, const GenerationRequest& request);

// Runs `engine`'s regenerate() on `request` as the share [from, to] of `job`'s progress and finishes its stems
// (finishStems): the part of a regeneration every kind of job (section, range) shares.
Result<GenerationResult> runRegeneration(const GenerationRequest& request, Generator& engine, JobControl& job,
                                         double from, double to);

// Step 1, safe on any thread: builds the request from `snapshot` (decoding the song's current stems), runs
// `engine` and stores the stems in the bundle's audio/. Touches no Project. Progress: decoding 0-10 %, the
// engine 10-90 %, storing 90-100 %; cancel is honoured in every phase.
Result<RenderedTake> renderTake(const core::ProjectData& snapshot, const QString& bundlePath, const QString& sectionId,
                                const RegenerateOptions& options, Generator& engine, JobControl& job);

// Step 2, on the Project's thread: adds `take` as the section's new active take in one undo step (with its new
// caption and tracks for new instruments). Refused, leaving the project untouched, when the section is gone,
// locked, or no longer has the span the take was made for. Returns the new take's id.
Result<QString> addRenderedTake(core::Project& project, const RenderedTake& take);
// The takes of one job (a repaint across sections makes several) in one undo step named `undoText`, all or none.
// Returns the new takes' ids, in order.
Result<QStringList> addRenderedTakes(core::Project& project, const RenderedTakes& takes, const QString& undoText);

// Both steps on the caller's thread. The project is untouched when the job fails or is cancelled.
Result<QString> regenerateSection(core::Project& project, const QString& bundlePath, const QString& sectionId,
                                  const RegenerateOptions& options, Generator& engine, JobControl& job);

// Writes a stem to the bundle as 24-bit FLAC (content-addressed) and returns its file name.
Result<QString> storeStem(const QString& bundlePath, const core::AudioBuffer& audio);

}  // namespace s2a::inference

Q_DECLARE_METATYPE(s2a::inference::RenderedTake)
