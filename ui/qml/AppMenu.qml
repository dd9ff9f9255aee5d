import QtQuick
import QtQuick.Controls
import S2A.Ui

// A menu of the editor's menu bar: its items show their keys (ShortcutMenuItem), and it is as wide as its
// widest item, so a long output device name in the Audio menu ("HDA Intel PCH: ALC3246 Analog (hw:0,0) (ALSA)")
// is read whole; only an item wider than `widest` elides.
Menu {
    id: menu

    property real widest: 640

    readonly property real widestItem: {
        let w = 0
        for (let i = 0; i < menu.count; ++i) {
            const entry = menu.itemAt(i)
            if (entry)
                w = Math.max(w, entry.implicitWidth)
        }
        return w
    }

    delegate: ShortcutMenuItem {}
    width: Math.min(Math.max(implicitWidth, widestItem + leftPadding + rightPadding), widest)
}
