#include "ui/viewmodels/Theme.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSettings>

namespace s2a::ui {

Theme::Theme(QObject* parent) : QObject(parent), m_dark(storedIsDark()) {}

bool Theme::storedIsDark() { return QSettings().value(QStringLiteral("preferences/theme")).toString() != QLatin1String("light"); }

void Theme::applyStored() { Theme().applyPalette(); }

void Theme::applyPalette() const
{
    QPalette p;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, panel());
        p.setColor(group, QPalette::WindowText, text());
        p.setColor(group, QPalette::Base, canvas());
        p.setColor(group, QPalette::AlternateBase, alternate());
        p.setColor(group, QPalette::Text, text());
        p.setColor(group, QPalette::Button, control());
        p.setColor(group, QPalette::ButtonText, text());
        p.setColor(group, QPalette::BrightText, bright());
        p.setColor(group, QPalette::Highlight, accent());
        p.setColor(group, QPalette::HighlightedText, QColor(Qt::white));
        p.setColor(group, QPalette::Light, light());
        p.setColor(group, QPalette::Midlight, midlight());
        p.setColor(group, QPalette::Mid, alternate());
        p.setColor(group, QPalette::Dark, dark());
        p.setColor(group, QPalette::Shadow, QColor(Qt::black));
        p.setColor(group, QPalette::PlaceholderText, textFaint());
        p.setColor(group, QPalette::ToolTipBase, control());
        p.setColor(group, QPalette::ToolTipText, text());
    }
    // Disabled controls: the same surfaces, faint text.
    p.setColor(QPalette::Disabled, QPalette::Window, panel());
    p.setColor(QPalette::Disabled, QPalette::Base, canvas());
    p.setColor(QPalette::Disabled, QPalette::Button, control());
    p.setColor(QPalette::Disabled, QPalette::WindowText, textFaint());
    p.setColor(QPalette::Disabled, QPalette::Text, textFaint());
    p.setColor(QPalette::Disabled, QPalette::ButtonText, textFaint());
    QGuiApplication::setPalette(p);
}

}  // namespace s2a::ui
