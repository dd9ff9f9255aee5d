#pragma once

#include <QLocale>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace s2a::core {
class ProjectDocument;
}

namespace s2a::ui {

// Settings > General: how often unsaved work is autosaved (applied at once), and the window's language and
// theme (applied at the next start, which the dialog says). Kept in QSettings under preferences/, not general/:
// Qt's INI format reads a "[general]" section back as its root "[General]", so those keys were lost at the next
// start (tst_kill_gui_save sees the app read its autosave interval from the file).
class GeneralSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(int autosaveSeconds READ autosaveSeconds WRITE setAutosaveSeconds NOTIFY changed)
    Q_PROPERTY(int minAutosaveSeconds READ minAutosaveSeconds CONSTANT)
    Q_PROPERTY(int maxAutosaveSeconds READ maxAutosaveSeconds CONSTANT)
    // "" follows the system; else one of languages()' codes.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    // [{code, name}]: the system's, then every shipped translation by its own name ("Deutsch", "简体中文").
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    // The stored language or theme differs from the one this window shows: a restart applies it.
    Q_PROPERTY(bool restartNeeded READ restartNeeded NOTIFY changed)
    // "dark" (the default) or "light".
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY changed)

public:
    static constexpr int kDefaultAutosaveSeconds = 60;
    static constexpr int kMinAutosaveSeconds = 1;
    static constexpr int kMaxAutosaveSeconds = 3600;

    // Applies the stored autosave interval to `document` now and on every change.
    explicit GeneralSettings(core::ProjectDocument* document, QObject* parent = nullptr);

    // For main(), before the window exists: the locale to install translations for.
    static QLocale storedLocale();
    static int storedAutosaveSeconds();

    int autosaveSeconds() const { return storedAutosaveSeconds(); }
    void setAutosaveSeconds(int seconds);
    int minAutosaveSeconds() const { return kMinAutosaveSeconds; }
    int maxAutosaveSeconds() const { return kMaxAutosaveSeconds; }
    QString language() const;
    void setLanguage(const QString& code);
    static QVariantList languages();
    bool restartNeeded() const { return language() != m_launchLanguage || theme() != m_launchTheme; }
    QString theme() const;
    void setTheme(const QString& theme);

Q_SIGNALS:
    void changed();

private:
    core::ProjectDocument* m_document;
    QString m_launchLanguage;
    QString m_launchTheme;
};

}  // namespace s2a::ui
