#pragma once

#include "core/model/Project.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// The takes of one section (the inspector's selection): A/B between them while the song plays, rate them,
// read how each was made. Takes are never deleted here; regeneration only adds.
class TakeListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the editor")
    Q_PROPERTY(QString sectionId READ sectionId WRITE setSectionId NOTIFY sectionIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int activeRow READ activeRow NOTIFY activeRowChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        EngineRole,
        SeedRole,      // decimal string: 64-bit seeds do not fit a JavaScript number
        CaptionRole,
        RatingRole,
        ActiveRole,
        DetailsRole,   // "arranger · seed 7 · 32 steps · 14:02"
        ClipWarningRole,  // why the take clips ("Clips: its stems peak at +2.1 dBTP"), or empty
    };

    explicit TakeListModel(core::Project* project, QObject* parent = nullptr);

    QString sectionId() const { return m_sectionId; }
    void setSectionId(const QString& id);
    int activeRow() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Each returns an empty string, or why not (a locked section keeps its take).
    Q_INVOKABLE QString activate(int row);
    Q_INVOKABLE QString rate(int row, int stars);

Q_SIGNALS:
    void sectionIdChanged();
    void countChanged();
    void activeRowChanged();

private:
    void refresh();
    const core::Section* section() const;

    core::Project* m_project;
    QString m_sectionId;
    QVector<core::Take> m_takes;
    QString m_activeTakeId;
};

}  // namespace s2a::ui
