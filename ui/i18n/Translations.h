#pragma once

#include <QLocale>

class QCoreApplication;

namespace s2a::ui {

// Installs the app's translation for `locale`, falling back to English (which carries the plural forms).
void installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

}  // namespace s2a::ui
