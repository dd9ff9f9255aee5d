#pragma once

#include "core/persistence/ProjectDocument.h"
#include "ui/timeline/LoopRegionEditor.h"
#include "ui/timeline/ChordLaneEditor.h"
#include "ui/timeline/MarkerEditor.h"
#include "ui/timeline/SectionListModel.h"
#include "ui/timeline/TakeListModel.h"
#include "ui/timeline/TimelineController.h"
#include "ui/timeline/TrackListModel.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

class TransportModel;

// The editor's state and section actions: the timeline geometry, the section/track/take models, which section
// is selected, and every edit the canvas, the menus, the keys and the inspector make. Each action returns an
// empty string, or a sentence saying why the song refused it (the window shows it); every change is one undo
// step on the project's stack.
class EditorController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(TimelineController* timeline READ timeline CONSTANT)
    Q_PROPERTY(SectionListModel* sections READ sections CONSTANT)
    Q_PROPERTY(TrackListModel* tracks READ tracks CONSTANT)
    Q_PROPERTY(TakeListModel* takes READ takes CONSTANT)
    // Drags of the loop region on the ruler.
    Q_PROPERTY(LoopRegionEditor* loop READ loop CONSTANT)
    // The marker lane.
    Q_PROPERTY(MarkerEditor* markers READ markers CONSTANT)
    Q_PROPERTY(ChordLaneEditor* chords READ chords CONSTANT)
    Q_PROPERTY(int currentIndex READ currentIndex WRITE select NOTIFY currentChanged)
    // The selected section's fields (id, label, displayName, caption, tags, start, end, energy, locked, takeCount).
    Q_PROPERTY(QVariantMap current READ current NOTIFY currentChanged)
    // Where the clips' audio files are: the bundle's audio/ folder (an untitled song's recovery bundle).
    Q_PROPERTY(QString audioDir READ audioDir NOTIFY audioDirChanged)
    Q_PROPERTY(int sampleRate READ sampleRate NOTIFY gridChanged)
    Q_PROPERTY(QStringList labelNames READ labelNames CONSTANT)
    // Words the caption editor offers as chips, grouped: [{group, words}].
    Q_PROPERTY(QVariantList captionSuggestions READ captionSuggestions CONSTANT)

public:
    EditorController(core::ProjectDocument* document, TransportModel* transport, QObject* parent = nullptr);

    TimelineController* timeline() { return &m_timeline; }
    SectionListModel* sections() { return &m_sections; }
    TrackListModel* tracks() { return &m_tracks; }
    TakeListModel* takes() { return &m_takes; }
    LoopRegionEditor* loop() { return &m_loop; }
    MarkerEditor* markers() { return &m_markers; }
    ChordLaneEditor* chords() { return &m_chords; }
    int currentIndex() const { return m_current; }
    void select(int index);
    QVariantMap current() const;
    QString audioDir() const;
    int sampleRate() const { return project()->data().settings.sampleRate; }
    QStringList labelNames() const;
    QVariantList captionSuggestions() const;

    // Selects the section under `position` (project samples).
    Q_INVOKABLE void selectAt(qint64 position);
    Q_INVOKABLE int sectionIndexAt(qint64 position) const { return project()->data().sectionIndexAt(position); }

    Q_INVOKABLE QString split(qint64 position);
    Q_INVOKABLE QString splitAtPlayhead();
    Q_INVOKABLE QString mergeWithNext(int index);
    // Removes a section by merging it into a neighbour (the one before, or for the first section the one
    // after), which takes over its span; the neighbour keeps its own label and caption.
    Q_INVOKABLE QString deleteSection(int index);
    // Splits at `position` and makes the new right part a section of its own label ("bridge", or any name).
    Q_INVOKABLE QString insertSection(qint64 position, const QString& label);
    // Moves the end of section `index` to `position`, snapped to the grid the held `modifiers` pick
    // (TimelineController::snapGridFor). The audio stays where it is (Project::moveBoundary). Calls during one
    // drag merge into one undo step; finishBoundaryDrag() ends the drag.
    Q_INVOKABLE QString moveBoundary(int index, qint64 position, int modifiers = 0);
    Q_INVOKABLE void finishBoundaryDrag();
    // A label name ("chorus") or any other text, which becomes a custom label.
    Q_INVOKABLE QString rename(int index, const QString& label);
    Q_INVOKABLE QString setCaption(int index, const QString& caption);
    Q_INVOKABLE QString setEnergy(int index, double energy);
    Q_INVOKABLE QString setLocked(int index, bool locked);
    Q_INVOKABLE QString setTags(int index, const QStringList& tags);
    Q_INVOKABLE void copyCaption(int index);
    Q_INVOKABLE void loopSection(int index);

Q_SIGNALS:
    void currentChanged();
    void audioDirChanged();
    void gridChanged();

private:
    core::Project* project() const { return m_document->project(); }
    const core::Section* sectionAt(int index) const;
    QString sectionId(int index) const;
    void updateGrid();

    core::ProjectDocument* m_document;
    TransportModel* m_transport;
    TimelineController m_timeline;
    SectionListModel m_sections;
    TrackListModel m_tracks;
    TakeListModel m_takes;
    LoopRegionEditor m_loop;
    MarkerEditor m_markers;
    ChordLaneEditor m_chords;
    int m_current = 0;
};

}  // namespace s2a::ui
