#pragma once

#include <QColor>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace s2a::ui {

// The window's colours, dark (the default: music software is used in dim rooms) or light (Settings > General).
// Views name a role (Theme.panel, Theme.textDim), never a colour, so both themes stay complete; Main.qml binds
// Section, track and marker colours are the same in both: they sit on their own blocks.
//
// The theme is read from the settings when the window is made (Main.qml binds its palette to these roles) and a
// change applies at the next start, as the language does: Qt 6.4 does not carry a palette change into popups
// already made (the Settings dialog itself kept its old colours), and a window half in one theme is worse than
// a restart. (QGuiApplication::setPalette does not reach Qt Quick Controls at all: the style's theme has its
// own.) A C++ singleton: Qt 6.4's compiled QML loops on lookups of a QML-file singleton of the same module.
class Theme : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool isDark READ isDark CONSTANT)
    Q_PROPERTY(QColor line READ line NOTIFY changed)
    Q_PROPERTY(QColor sunken READ sunken NOTIFY changed)
    Q_PROPERTY(QColor lane READ lane NOTIFY changed)
    Q_PROPERTY(QColor laneOdd READ laneOdd NOTIFY changed)
    Q_PROPERTY(QColor canvas READ canvas NOTIFY changed)
    Q_PROPERTY(QColor laneEven READ laneEven NOTIFY changed)
    Q_PROPERTY(QColor header READ header NOTIFY changed)
    Q_PROPERTY(QColor inspector READ inspector NOTIFY changed)
    Q_PROPERTY(QColor panel READ panel NOTIFY changed)
    Q_PROPERTY(QColor alternate READ alternate NOTIFY changed)
    Q_PROPERTY(QColor row READ row NOTIFY changed)
    Q_PROPERTY(QColor hoverRow READ hoverRow NOTIFY changed)
    Q_PROPERTY(QColor raised READ raised NOTIFY changed)
    Q_PROPERTY(QColor control READ control NOTIFY changed)
    Q_PROPERTY(QColor selectedRow READ selectedRow NOTIFY changed)
    Q_PROPERTY(QColor light READ light NOTIFY changed)
    Q_PROPERTY(QColor midlight READ midlight NOTIFY changed)
    Q_PROPERTY(QColor dark READ dark NOTIFY changed)
    Q_PROPERTY(QColor text READ text NOTIFY changed)
    Q_PROPERTY(QColor bright READ bright NOTIFY changed)
    Q_PROPERTY(QColor textDim READ textDim NOTIFY changed)
    Q_PROPERTY(QColor textFaint READ textFaint NOTIFY changed)
    Q_PROPERTY(QColor rulerText READ rulerText NOTIFY changed)
    Q_PROPERTY(QColor rulerTime READ rulerTime NOTIFY changed)
    Q_PROPERTY(QColor tickMajor READ tickMajor NOTIFY changed)
    Q_PROPERTY(QColor tickMinor READ tickMinor NOTIFY changed)
    Q_PROPERTY(QColor handle READ handle NOTIFY changed)
    Q_PROPERTY(QColor accent READ accent NOTIFY changed)
    Q_PROPERTY(QColor error READ error NOTIFY changed)
    Q_PROPERTY(QColor warning READ warning NOTIFY changed)
    Q_PROPERTY(QColor success READ success NOTIFY changed)
    Q_PROPERTY(QColor running READ running NOTIFY changed)

public:
    explicit Theme(QObject* parent = nullptr);

    // The stored theme (Settings > General, "preferences/theme").
    static bool storedIsDark();

    bool isDark() const { return m_dark; }

    // Surfaces, from the deepest to the most raised.
    QColor line() const { return pick("#111215", "#c9ccd2"); }
    QColor sunken() const { return pick("#15161a", "#e2e4e8"); }
    QColor lane() const { return pick("#1b1c21", "#eceef1"); }
    QColor laneOdd() const { return pick("#1d1e23", "#eef0f3"); }
    QColor canvas() const { return pick("#1e1f24", "#f3f4f6"); }
    QColor laneEven() const { return pick("#202127", "#f7f8fa"); }
    QColor header() const { return pick("#23242a", "#e6e8ec"); }
    QColor inspector() const { return pick("#24252b", "#eef0f3"); }
    QColor panel() const { return pick("#26272d", "#eceef2"); }
    QColor alternate() const { return pick("#2a2b31", "#e4e6ea"); }
    QColor row() const { return pick("#292a30", "#f7f8fa"); }
    QColor hoverRow() const { return pick("#2e2f36", "#e4e7ee"); }
    QColor raised() const { return pick("#2f3037", "#ffffff"); }
    QColor control() const { return pick("#303139", "#dde0e6"); }
    QColor selectedRow() const { return pick("#34407a", "#c5d3ff"); }
    // Qt's palette roles around buttons.
    QColor light() const { return pick("#3a3b44", "#ffffff"); }
    QColor midlight() const { return pick("#34353d", "#f0f1f4"); }
    QColor dark() const { return pick("#16171b", "#b8bbc2"); }
    // Text and lines on those surfaces.
    QColor text() const { return pick("#e8e8ec", "#1d1e22"); }
    QColor bright() const { return pick("#ffffff", "#1d1e22"); }
    QColor textDim() const { return pick("#a0a3ad", "#5b5f69"); }
    QColor textFaint() const { return pick("#80838c", "#868a94"); }
    QColor rulerText() const { return pick("#d4d6dd", "#30333a"); }
    QColor rulerTime() const { return pick("#b4b7c0", "#4a4e57"); }
    QColor tickMajor() const { return pick("#8a8d96", "#70747d"); }
    QColor tickMinor() const { return pick("#55575f", "#b0b3ba"); }
    QColor handle() const { return pick("#c8cad0", "#5b5f69"); }
    // States.
    QColor accent() const { return pick("#4c7dff", "#4c7dff"); }
    QColor error() const { return pick("#ff8787", "#c92a2a"); }
    QColor warning() const { return pick("#ff9c6e", "#d9480f"); }
    QColor success() const { return pick("#8ce99a", "#2b8a3e"); }
    QColor running() const { return pick("#74c0fc", "#1971c2"); }

Q_SIGNALS:
    void changed();  // never emitted: the colours are fixed for the app's run (NOTIFY keeps QML bindings quiet)

private:
    QColor pick(const char* dark, const char* light) const { return QColor(QLatin1String(m_dark ? dark : light)); }

    bool m_dark;
};

}  // namespace s2a::ui
