#include "ui/viewmodels/DialogSupport.h"

#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QStringList>

namespace s2a::ui {
namespace {

// Where Qt Quick Dialogs (6.4) keeps the QML of its non-native dialogs; qquickplatformfiledialog.cpp and its
// siblings load these very URLs into the app's engine (whose file selector may pick a style's variant).
const QString kImplDir = QStringLiteral(":/qt-project.org/imports/QtQuick/Dialogs/quickimpl/qml/");

QStringList errorsOf(const QQmlComponent& component)
{
    QStringList out;
    for (const QQmlError& e : component.errors())
        out << e.toString();
    return out;
}

}  // namespace

DialogSupport::DialogSupport(QQmlEngine* engine, QObject* parent) : QObject(parent)
{
    if (!engine)
        return;
    if (const QString errors = loadErrors(*engine); !errors.isEmpty())
        m_problem = tr("File dialogs cannot open: a Qt module they need is missing (on Debian install "
                       "qml6-module-qt-labs-folderlistmodel, or run scripts/dev deps).\n%1")
                        .arg(errors);
}

DialogSupport* DialogSupport::create(QQmlEngine* engine, QJSEngine*)
{
    return new DialogSupport(engine);
}

QString DialogSupport::loadErrors(QQmlEngine& engine)
{
    // Importing QtQuick.Dialogs loads the library whose resources hold the implementation files.
    QQmlComponent dialogs(&engine);
    dialogs.setData("import QtQuick\nimport QtQuick.Dialogs\nQtObject {}\n", QUrl());
    if (dialogs.isError())
        return errorsOf(dialogs).join(QLatin1Char('\n'));

    QStringList errors;
    for (const char* dialog : {"FileDialog", "FolderDialog", "MessageDialog"}) {
        const QString file = kImplDir + QLatin1String(dialog) + QStringLiteral(".qml");
        if (!QFile::exists(file))
            continue;  // another Qt version: nothing known to check
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + file));
        if (component.isError())
            errors += errorsOf(component);
    }
    return errors.join(QLatin1Char('\n'));
}

}  // namespace s2a::ui
