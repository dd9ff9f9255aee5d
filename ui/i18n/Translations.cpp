#include "ui/i18n/Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace s2a::ui {

void installTranslations(QCoreApplication& app, const QLocale& locale)
{
    auto* translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("s2a"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral("s2a_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

}  // namespace s2a::ui
