#pragma once

#include "core/model/Project.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// The song's sections, one row each, for the section lane, the inspector and the overview. Rows follow the
// project's edits precisely (a split inserts a row, a merge removes one), so views keep their state.
class SectionListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the editor")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        LabelRole,        // stable id: "chorus", "custom"
        DisplayNameRole,  // what the user reads: "chorus", or a custom name
        CaptionRole,
        TagsRole,
        StartRole,        // samples
        EndRole,
        EnergyRole,
        LockedRole,
        TakeCountRole,
        ActiveTakeRole,   // index into the takes, -1 without takes
        ColourRole,
        OrdinalRole,      // 1 for the first chorus, 2 for the second, ...
    };

    explicit SectionListModel(core::Project* project, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A colour per label, the same everywhere in the app.
    static QString labelColour(core::SectionLabel label);

Q_SIGNALS:
    void countChanged();

private:
    void onSectionsReplaced(int first, int removed, int inserted);

    core::Project* m_project;
    // What the rows show: a copy (implicitly shared, so cheap) taken when the rows change, so that the
    // begin/end row notifications bracket the change the way views expect.
    QVector<core::Section> m_sections;
};

}  // namespace s2a::ui
