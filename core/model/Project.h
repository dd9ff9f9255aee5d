#pragma once

#include "core/model/ProjectData.h"
#include "core/util/Result.h"

#include <QObject>
#include <QUndoStack>

namespace s2a::core {

namespace detail {
class SettingsCommand;
class TrackCommand;
class TrackListCommand;
class SectionRangeCommand;
}  // namespace detail

// The open song. Every edit goes through this API: it checks the edit against the model's invariants, refuses
// with a reason a user can read, and otherwise pushes exactly one command on the undo stack. Views follow the
// signals; nothing else mutates the data.
class Project : public QObject {
    Q_OBJECT
public:
    explicit Project(ProjectData data, QObject* parent = nullptr);
    explicit Project(QObject* parent = nullptr);

    const ProjectData& data() const { return m_data; }
    QUndoStack* undoStack() { return &m_undo; }
    const QUndoStack* undoStack() const { return &m_undo; }
    SampleCount minimumSectionLength() const;

    // Replaces the whole song (after a load or a recovery) and clears the undo history.
    void reset(ProjectData data);

    // Ends a continuous gesture (a boundary drag, a fader move): the next edit starts a new undo step even if
    // it touches the same thing.
    void finishGesture() { ++m_gesture; }

    // Project settings.
    Status setTitle(const QString& title);
    Status setTempo(double bpm);
    Status setTimeSignature(TimeSignature ts);
    Status setKey(const QString& key);
    // The loop region saved with the song (both 0: none), one undo step named `text` ("Move loop region").
    Status setLoopRegion(SampleCount start, SampleCount end, const QString& text);
    Status setCaption(const QString& caption);
    Status setSeed(quint64 seed);
    // Where bar 1 starts (ProjectSettings::downbeatOffset); drags of it within one gesture are one undo step.
    Status setDownbeatOffset(SampleCount position);

    // Tracks.
    Status addTrack(Track track, int index = -1);
    Status removeTrack(const QString& trackId);
    Status setTrackName(const QString& trackId, const QString& name);
    Status setTrackGain(const QString& trackId, double gainDb);
    Status setTrackPan(const QString& trackId, double pan);
    Status setTrackMute(const QString& trackId, bool mute);
    Status setTrackSolo(const QString& trackId, bool solo);
    Status setTrackColour(const QString& trackId, const QString& colour);
    Status setTrackLocked(const QString& trackId, bool locked);

    // Sections.
    Status splitSection(const QString& sectionId, SampleCount position);
    Status mergeWithNext(const QString& sectionId);
    // Moves the end of `sectionId` (the start of the next one).
    Status moveBoundary(const QString& sectionId, SampleCount position);
    Status setSectionLabel(const QString& sectionId, SectionLabel label, const QString& customLabel = {});
    Status setSectionCaption(const QString& sectionId, const QString& caption);
    Status setSectionTags(const QString& sectionId, const QStringList& tags);
    Status setSectionEnergy(const QString& sectionId, double energy);
    Status setSectionLocked(const QString& sectionId, bool locked);

    // Takes. Takes are only ever added: regeneration appends, and no edit here deletes one.
    Status addTake(const QString& sectionId, Take take, bool makeActive = true);
    Status setActiveTake(const QString& sectionId, const QString& takeId);
    Status rateTake(const QString& sectionId, const QString& takeId, int rating);

    // Markers: named positions on the timeline, kept in time order. Moves of one marker within one gesture
    // (a drag) are one undo step. `addedId` receives the new marker's id.
    Status addMarker(SampleCount position, const QString& name, QString* addedId = nullptr);
    Status renameMarker(const QString& markerId, const QString& name);
    Status moveMarker(const QString& markerId, SampleCount position);
    Status removeMarker(const QString& markerId);

    // The chord lane. `setChord` puts `name` (any spelling parseChordSymbol reads) at `position`, replacing a
    // change there; `removeChord` takes the change at `position` away (the chord before it then plays on);
    // `replaceChords` sets the whole lane (an analysis), one undo step named `text`.
    Status setChord(SampleCount position, const QString& name);
    Status moveChord(SampleCount from, SampleCount to);
    Status removeChord(SampleCount position);
    Status replaceChords(QVector<ChordMark> chords, const QString& text);

Q_SIGNALS:
    void settingsChanged();
    void trackChanged(int index);
    void tracksReset();
    // Sections [first, first + removed) were replaced by `inserted` sections starting at `first`.
    void sectionsReplaced(int first, int removed, int inserted);
    void dataReset();
    void markersChanged();
    void chordsChanged();

private:
    friend class detail::SettingsCommand;
    friend class detail::TrackCommand;
    friend class detail::TrackListCommand;
    friend class detail::SectionRangeCommand;

    // Called by commands only (on redo and undo).
    void applySettings(const ProjectSettings& settings);
    void applyTrack(int index, const Track& track);
    void applyTracksAndSections(const QVector<Track>& tracks, const QVector<Section>& sections);
    void applySectionRange(int first, int removed, const QVector<Section>& inserted);
    void applyMarkers(const QVector<Marker>& markers);
    void applyChords(const QVector<ChordMark>& chords);
    Status pushChords(QVector<ChordMark> chords, const QString& text, const QString& mergeKey = {});
    Status replaceMarkers(QVector<Marker> markers, const QString& text, const QString& mergeKey = {});
    // The two above: one time-ordered lane of the song (`lane`) replaced as one undo step (ProjectLanes.cpp).
    template <typename T, typename Apply>
    Status replaceLane(QVector<T> ProjectData::*lane, QVector<T> items, const QString& text, const QString& mergeKey, Apply apply);

    template <typename Edit>
    Status editSettings(const QString& text, const QString& mergeKey, Edit edit);
    template <typename Edit>
    Status editTrack(const QString& trackId, const QString& text, const QString& mergeKey, Edit edit);
    template <typename Edit>
    Status editSection(const QString& sectionId, const QString& text, const QString& mergeKey, Edit edit);
    Status replaceSections(int first, int removed, const QVector<Section>& inserted, const QString& text,
                           const QString& mergeKey = {});
    Status refuseUnlessValid(const ProjectData& candidate) const;

    ProjectData m_data;
    QUndoStack m_undo;
    int m_gesture = 0;
};

}  // namespace s2a::core
