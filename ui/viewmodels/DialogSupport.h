#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace s2a::ui {

// Whether Qt's own file and folder dialogs can open on this machine. Where the platform has no native dialogs
// (X11 without a desktop's platform theme, Xvfb), Qt Quick loads its non-native ones from QML at run time, and
// they import modules of their own (Qt.labs.folderlistmodel, a separate Debian package). When one is missing
// Qt 6.4 only warns, and FileDialog.open() then dereferences the implementation it failed to make: a segfault.
// The window asks here before it opens a file dialog, so a machine without the module gets a message that
// names it instead of a crash.
class DialogSupport : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Empty when the dialogs load; else the sentence to show.
    Q_PROPERTY(QString problem READ problem CONSTANT)

public:
    explicit DialogSupport(QQmlEngine* engine, QObject* parent = nullptr);
    static DialogSupport* create(QQmlEngine* engine, QJSEngine*);

    QString problem() const { return m_problem; }

    // The errors of compiling, in `engine`, the QML files Qt makes its non-native file, folder and message
    // dialogs from, as Qt itself does when one opens: empty when every import resolves. A Qt whose files live
    // elsewhere is not second-guessed (nothing to report).
    static QString loadErrors(QQmlEngine& engine);

private:
    QString m_problem;
};

}  // namespace s2a::ui
