#include "ui/settings/GeneralSettings.h"

#include "core/persistence/ProjectDocument.h"

#include <QSettings>
#include <QVariantMap>

#include <algorithm>

namespace s2a::ui {

namespace {

const QString kAutosaveKey = QStringLiteral("preferences/autosaveSeconds");
const QString kLanguageKey = QStringLiteral("preferences/language");
const QString kThemeKey = QStringLiteral("preferences/theme");

// The shipped translations (translations/s2a_*.ts), each named in its own language.
const QStringList kCodes = {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};

QString nativeName(const QString& code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (code == QLatin1String("en"))
        name = QStringLiteral("English");
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

}  // namespace

GeneralSettings::GeneralSettings(core::ProjectDocument* document, QObject* parent)
    : QObject(parent), m_document(document), m_launchLanguage(language()), m_launchTheme(theme())
{
    if (m_document)
        m_document->setAutosaveInterval(autosaveSeconds() * 1000);
}

QLocale GeneralSettings::storedLocale()
{
    const QString code = QSettings().value(kLanguageKey).toString();
    return kCodes.contains(code) ? QLocale(code) : QLocale();
}

int GeneralSettings::storedAutosaveSeconds()
{
    bool ok = false;
    const int seconds = QSettings().value(kAutosaveKey, kDefaultAutosaveSeconds).toInt(&ok);
    return ok ? std::clamp(seconds, kMinAutosaveSeconds, kMaxAutosaveSeconds) : kDefaultAutosaveSeconds;
}

void GeneralSettings::setAutosaveSeconds(int seconds)
{
    seconds = std::clamp(seconds, kMinAutosaveSeconds, kMaxAutosaveSeconds);
    if (seconds == autosaveSeconds() && QSettings().contains(kAutosaveKey))
        return;
    QSettings().setValue(kAutosaveKey, seconds);
    if (m_document)
        m_document->setAutosaveInterval(seconds * 1000);
    Q_EMIT changed();
}

QString GeneralSettings::language() const
{
    const QString code = QSettings().value(kLanguageKey).toString();
    return kCodes.contains(code) ? code : QString();
}

void GeneralSettings::setLanguage(const QString& code)
{
    if ((!code.isEmpty() && !kCodes.contains(code)) || code == language())
        return;
    QSettings().setValue(kLanguageKey, code);
    Q_EMIT changed();
}

QVariantList GeneralSettings::languages()
{
    QVariantList list{QVariantMap{{QStringLiteral("code"), QString()},
                                  {QStringLiteral("name"), tr("System (%1)").arg(nativeName(QLocale().name()))}}};
    for (const QString& code : kCodes)
        list << QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), nativeName(code)}};
    return list;
}

QString GeneralSettings::theme() const
{
    return QSettings().value(kThemeKey).toString() == QLatin1String("light") ? QStringLiteral("light") : QStringLiteral("dark");
}

void GeneralSettings::setTheme(const QString& theme)
{
    if ((theme != QLatin1String("dark") && theme != QLatin1String("light")) || theme == this->theme())
        return;
    QSettings().setValue(kThemeKey, theme);
    Q_EMIT changed();
}

}  // namespace s2a::ui
