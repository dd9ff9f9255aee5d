#pragma once

// The one interface every music engine implements (arranger now, diffusion next), so that the worker, the UI
// and the CLI treat engines alike. Qt types only: no torch, no FluidSynth in this header.
#include "core/audio/AudioBuffer.h"
#include "core/model/ProjectData.h"
#include "core/util/JobControl.h"
#include "core/util/Result.h"
#include "inference/model/GuidanceDefaults.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>


namespace s2a::inference {

// One section of the song plan as an engine sees it.
struct SectionPlan {
    QString id;
    core::SectionLabel label = core::SectionLabel::Verse;
    QString customLabel;
    core::SampleCount start = 0;
    core::SampleCount end = 0;
    QString caption;
    QStringList tags;
    double energy = -1.0;  // 0..1; negative = "engine decides from the label"
    // The seed the section's current audio was made with (its active take's origin.seed); 0 = unknown.
    // Symbolic engines use it when regenerating a neighbour, to re-create the notes that ring into it.
    quint64 seed = 0;
};

// One instrument's audio (and, for symbolic engines, its MIDI as a Standard MIDI File).
struct Stem {
    core::TrackRole role = core::TrackRole::Other;
    QString name;           // "Slap bass", "Brass"
    core::AudioBuffer audio;
    QByteArray midi;        // empty when the engine has no symbolic form
};

struct GenerationRequest {
    QString caption;                // global caption
    int sampleRate = 44100;
    double tempo = 0.0;             // BPM; 0 = from the caption (or the engine's default)
    QString key;                    // "D minor"; empty = from the caption
    core::TimeSignature timeSignature;
    core::SampleCount downbeatOffset = 0;  // where bar 1 starts (ProjectSettings::downbeatOffset)
    // The song's chord lane: when set, engines play these chords instead of writing their own (an accompaniment
    // follows the recording's; a user's edit of the lane is heard at the next generation).
    QVector<core::ChordMark> chords;
    // Roles the band must leave out: the user's own recording plays them (a locked lead track).
    QVector<core::TrackRole> withoutRoles;
    QVector<SectionPlan> sections;  // the whole song, contiguous from 0
    quint64 seed = 0;
    int steps = 32;                 // diffusion sampler steps
    double guidance = s2a::model::kDefaultGuidance;  // classifier-free guidance on the global caption
    double sectionGuidance = s2a::model::kDefaultSectionGuidance;  // ... and on the section captions
    s2a::model::GuidanceInterval guidanceInterval = s2a::model::kDefaultGuidanceInterval;  // ... at these flow times

    // Regeneration: which section to make anew (index into `sections`), what the song sounds like now
    // (per stem, on the project timeline), and how much of it either side the engine may listen to.
    int targetSection = -1;         // -1 = generate the whole song
    // Regeneration: the target's chords come from this seed (0: from `seed`), so that replacing one stem keeps
    // the harmony the section's other stems play.
    quint64 harmonySeed = 0;
    // Regeneration of some stems only ("replace the bass", "add strings"): the roles to make anew; the rest of
    // the section is known. Empty: every stem. The diffusion engine clamps the stem groups these roles do not
    // map to (stem-wise inpainting); the arranger makes every stem and the caller keeps the ones it asked for.
    QVector<core::TrackRole> regenerateRoles;
    QVector<Stem> context;
    double contextSeconds = 10.0;
};

struct GenerationResult {
    QVector<Stem> stems;            // all of the same length, covering [start, end) on the timeline
    core::SampleCount start = 0;
    core::SampleCount end = 0;
    double tempo = 0.0;             // what the engine used
    QString key;
    QString understood;             // "what I understood" of the caption, for the UI and CLI
    core::TakeOrigin origin;        // engine, model, seed, ... for the new take
};

// Jobs report progress and honour cancel through the JobControl of core (shared with export and analysis).
using s2a::JobControl;
using s2a::SimpleJobControl;

class Generator {
public:
    virtual ~Generator() = default;
    virtual QString id() const = 0;           // "arranger", "diffusion"
    virtual QString displayName() const = 0;  // for the UI
    // The whole song (request.targetSection is ignored).
    virtual Result<GenerationResult> generate(const GenerationRequest& request, JobControl& job) = 0;
    // Only sections[targetSection]; the result covers exactly that section's span, and the engine keeps the
    // music coherent with what surrounds it.
    virtual Result<GenerationResult> regenerate(const GenerationRequest& request, JobControl& job) = 0;
};

using s2a::cancelledError;
using s2a::isCancelled;

}  // namespace s2a::inference
