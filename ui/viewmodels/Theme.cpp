#include "ui/viewmodels/Theme.h"

#include <QSettings>

namespace s2a::ui {

Theme::Theme(QObject* parent) : QObject(parent), m_dark(storedIsDark()) {}

bool Theme::storedIsDark() { return QSettings().value(QStringLiteral("preferences/theme")).toString() != QLatin1String("light"); }

}  // namespace s2a::ui
