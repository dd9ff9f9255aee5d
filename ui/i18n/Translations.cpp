#include "ui/i18n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace s2a::ui {

namespace {

// Replaces the translator installed under `name` before (if any) with `translator`, or removes it when null.
void replaceTranslator(QCoreApplication& app, const QString& name, QTranslator* translator)
{
    if (auto* previous = app.findChild<QTranslator*>(name, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(previous);
        delete previous;
    }
    if (translator) {
        translator->setObjectName(name);
        QCoreApplication::installTranslator(translator);
    }
}

}  // namespace

void installTranslations(QCoreApplication& app, const QLocale& locale)
{
    auto* qt = new QTranslator(&app);
    const bool hasQt = qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    replaceTranslator(app, QStringLiteral("s2aQtTranslator"), hasQt ? qt : nullptr);
    if (!hasQt)
        delete qt;
    auto* translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("s2a"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral("s2a_en"), QStringLiteral(":/i18n")))
        replaceTranslator(app, QStringLiteral("s2aTranslator"), translator);
    else
        delete translator;
}

}  // namespace s2a::ui
