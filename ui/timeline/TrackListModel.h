#pragma once

#include "core/model/Project.h"

#include <QAbstractListModel>
#include <QSet>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// The song's tracks (stems), one lane each: name, mix settings, and the audio the lane's waveform draws
// (the clips of every section's active take on that track, laid along the timeline). Mix edits go through
// the project, so they are undoable and reach playback like any other edit.
class TrackListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the editor")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Every lane shows its spectrogram (View > Spectrograms); setting it switches them all.
    Q_PROPERTY(bool allSpectrograms READ allSpectrograms WRITE setAllSpectrograms NOTIFY spectrogramsChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        RoleNameRole,  // "drums", "bass", ...
        GainRole,      // dB
        PanRole,
        MuteRole,
        SoloRole,
        ColourRole,
        ClipsRole,     // [{file, timelineStart, sourceStart, length}], what the waveform item takes
        AudibleRole,   // false when muted, or when another track is soloed and this one is not
        SpectrogramRole,  // the lane shows a spectrogram instead of the waveform (a view setting, not saved)
        LockedRole,       // the user's own recording: no engine writes it
    };

    explicit TrackListModel(core::Project* project, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The active clips of one track along the whole song, as the waveform item wants them.
    static QVariantList activeClips(const core::ProjectData& data, const QString& trackId);

    // Each returns an empty string, or why the edit was refused.
    Q_INVOKABLE QString setMute(int row, bool mute);
    Q_INVOKABLE QString setSolo(int row, bool solo);
    Q_INVOKABLE QString setGain(int row, double gainDb);
    Q_INVOKABLE QString setPan(int row, double pan);
    // A lane's view, by track id, so that it survives edits and undo; not part of the song.
    Q_INVOKABLE void setSpectrogram(int row, bool on);
    bool allSpectrograms() const;
    void setAllSpectrograms(bool on);
    // Ends a fader drag: the next move is a new undo step.
    Q_INVOKABLE void finishGesture() { m_project->finishGesture(); }

Q_SIGNALS:
    void countChanged();
    void spectrogramsChanged();

private:
    QString trackId(int row) const;
    void reset();

    core::Project* m_project;
    QVector<core::Track> m_tracks;  // what the rows show (see SectionListModel for why a copy)
    QSet<QString> m_spectrograms;   // ids of the tracks whose lanes show a spectrogram
};

}  // namespace s2a::ui
