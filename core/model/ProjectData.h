#pragma once

#include "core/model/Labels.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>

namespace s2a::core {

// Positions and lengths on the project timeline, in samples at the project rate.
using SampleCount = qint64;

// A run of samples from one audio file of the bundle, placed on the timeline for one track.
// Clips are anchored to the timeline (not to their section) so that moving a section boundary reveals or
// hides audio in place instead of sliding it, which is what a musician expects from a boundary drag.
struct AudioClip {
    QString trackId;
    QString file;                    // file name inside the bundle's audio/ folder (content-addressed)
    SampleCount timelineStart = 0;   // where sourceStart plays
    SampleCount sourceStart = 0;     // first sample used from the file
    SampleCount length = 0;
    // The notes the audio was rendered from, a Standard MIDI File in audio/ whose time 0 is the audio file's
    // sample 0 (the arranger's takes); empty when the engine has no symbolic form. Exported as MIDI.
    QString midiFile{};  // (a default initialiser: clips written as {track, file, start, source, length} stay valid)
    SampleCount timelineEnd() const { return timelineStart + length; }
    bool operator==(const AudioClip& o) const;
    bool operator!=(const AudioClip& o) const { return !(*this == o); }
};

// How a take was made: enough to reproduce it or to explain it to the user.
struct TakeOrigin {
    QString engine;          // "arranger", "diffusion", "import", "merge", ...
    QString modelId;
    QString weightsHash;     // SHA-256 of the weights file, empty for engines without weights
    QString caption;
    quint64 seed = 0;
    int steps = 0;
    double guidance = 0.0;   // classifier-free guidance scale
    double contextSeconds = 0.0;
    QDateTime createdAt;     // UTC, millisecond precision (what JSON keeps)
    // The level guard at generation (inference/StemLevelGuard.h): the gain it applied to every stem (0 or less)
    // and the stems' loudest true peak after it; -inf when not measured (imports, takes from older songs).
    double levelGainDb = 0.0;
    double truePeakDbtp = -std::numeric_limits<double>::infinity();
    // The tracks a stem replacement or addition changed (ids); empty when the take is the whole section anew.
    QStringList changedTracks{};
    bool operator==(const TakeOrigin& o) const;
    bool operator!=(const TakeOrigin& o) const { return !(*this == o); }
};

struct Take {
    QString id;
    QString name;
    QVector<AudioClip> clips;  // at most one per track is typical; several are allowed
    TakeOrigin origin;
    int rating = 0;            // 0 = unrated, 1..5 stars
    bool operator==(const Take& o) const;
    bool operator!=(const Take& o) const { return !(*this == o); }
};

struct Section {
    QString id;
    SectionLabel label = SectionLabel::Verse;
    QString customLabel;       // display name when label is Custom
    SampleCount start = 0;
    SampleCount end = 0;
    QString caption;
    QStringList tags;
    double energy = 0.5;       // 0..1
    bool locked = false;       // locked sections keep their span, takes and active take
    QVector<Take> takes;
    QString activeTakeId;      // empty exactly when there are no takes

    SampleCount length() const { return end - start; }
    int takeIndex(const QString& takeId) const;
    const Take* activeTake() const;
    QString displayName() const;
    bool operator==(const Section& o) const;
    bool operator!=(const Section& o) const { return !(*this == o); }
};

struct Track {
    QString id;
    QString name;
    TrackRole role = TrackRole::Other;
    double gainDb = 0.0;       // kMinGainDb means silent
    double pan = 0.0;          // -1 left .. +1 right
    bool mute = false;
    bool solo = false;
    QString colour = QStringLiteral("#7f8c8d");  // #rrggbb
    // The user's own recording (an accompanied vocal or guitar): engines never write it, every new take of a
    // section carries its clips over unchanged, and the band leaves its role out.
    bool locked = false;
    // Whether the mix hears this track: not muted, and soloed or no track soloed (`anySolo`, anySoloed()). The
    // render plan and the lanes' dimming both use this one rule.
    bool audible(bool anySolo) const { return !mute && (!anySolo || solo); }
    bool operator==(const Track& o) const;
    bool operator!=(const Track& o) const { return !(*this == o); }
};

// Whether any of `tracks` is soloed (then only the soloed ones are heard).
bool anySoloed(const QVector<Track>& tracks);

struct Marker {
    QString id;
    SampleCount position = 0;
    QString name;
    bool operator==(const Marker& o) const;
    bool operator!=(const Marker& o) const { return !(*this == o); }
};

// A chord change in the chord lane: `name` (a ChordSymbol's canonical spelling, "N" for no chord) plays from
// `position` (project samples) to the next change or the song's end.
struct ChordMark {
    SampleCount position = 0;
    QString name;
    bool operator==(const ChordMark& o) const { return position == o.position && name == o.name; }
    bool operator!=(const ChordMark& o) const { return !(*this == o); }
};

struct TimeSignature {
    int numerator = 4;
    int denominator = 4;
    bool operator==(const TimeSignature& o) const { return numerator == o.numerator && denominator == o.denominator; }
    bool operator!=(const TimeSignature& o) const { return !(*this == o); }
};

struct ProjectSettings {
    QString title;
    int sampleRate = 44100;
    double tempo = 120.0;      // BPM
    TimeSignature timeSignature;
    QString key;               // "C major", "F# minor", or empty when unknown
    QString caption;           // global caption
    quint64 seed = 0;
    // The loop region [loopStart, loopEnd) (project samples), saved with the song because repaint and range
    // export work on it; both 0 when there is none. It may reach past a song that was shortened since: users
    // of it clamp it to the song.
    SampleCount loopStart = 0;
    SampleCount loopEnd = 0;
    // Where bar 1 starts (project samples): the beat grid is downbeatOffset + k beats. A song recorded with a
    // pickup or a count-in has its first downbeat after 0; the ruler, the grid and the arranger follow it.
    SampleCount downbeatOffset = 0;
    bool operator==(const ProjectSettings& o) const;
    bool operator!=(const ProjectSettings& o) const { return !(*this == o); }
};

// The whole song as plain values. Qt containers share their storage implicitly, so copies (what undo
// commands keep) cost a reference count until one side changes.
struct ProjectData {
    ProjectSettings settings;
    QVector<Track> tracks;
    QVector<Section> sections;  // contiguous from 0, covering the song: the song's length is the last end
    QVector<Marker> markers;
    QVector<ChordMark> chords;  // the chord lane, in time order, positions unique

    SampleCount length() const { return sections.isEmpty() ? 0 : sections.constLast().end; }
    int trackIndex(const QString& id) const;
    int sectionIndex(const QString& id) const;
    int sectionIndexAt(SampleCount position) const;  // -1 outside the song
    // The chord lane's chord at `position`: the last change at or before it, "N" before the first one.
    QString chordAt(SampleCount position) const;
    bool operator==(const ProjectData& o) const;
    bool operator!=(const ProjectData& o) const { return !(*this == o); }

    // A new song: one section spanning `length` samples, no tracks.
    static ProjectData createNew(const QString& title, int sampleRate, SampleCount length);
};

// Limits the model enforces; shared by editing, loading and the UI's controls.
namespace limits {
constexpr double kMinGainDb = -96.0;
constexpr double kMaxGainDb = 24.0;
constexpr double kMinTempo = 20.0;
constexpr double kMaxTempo = 400.0;
constexpr int kMinSampleRate = 8000;
constexpr int kMaxSampleRate = 384000;
constexpr int kMaxRating = 5;
constexpr double kMinimumSectionSeconds = 1.0;
// The longest song a project may describe: 4 hours (a DJ set, a live album). With the sample rate bounded
// too, every sample position fits 64-bit arithmetic with room for rate conversion (SampleRateMath.h); a
// hostile {"end": 9007199254740992} is refused by the validator instead of overflowing the playback plan.
constexpr double kMaxSongSeconds = 4.0 * 3600.0;
SampleCount minimumSectionLength(int sampleRate);
SampleCount maximumSongLength(int sampleRate);
bool isValidKey(const QString& key);
bool isValidColour(const QString& colour);
bool isValidTimeSignature(const TimeSignature& ts);
}  // namespace limits

// Unique ids for tracks, sections, takes and markers ("trk-1a2b3c4d5e6f").
QString newId(const char* prefix);

}  // namespace s2a::core
