#pragma once

#include <QLocale>

class QCoreApplication;

namespace s2a::ui {

// Installs the app's translation for `locale` (translations/s2a_<language>.ts, built into :/i18n: en, de,
// zh_CN), falling back to English (which carries the plural forms), and Qt's own translation for it where the
// system has one (the standard buttons of Qt's dialogs). A second call replaces what the first installed.
void installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

}  // namespace s2a::ui
