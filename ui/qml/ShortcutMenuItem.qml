import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// A menu item that shows its key beside its text, as desktop menus do: the action's shortcut, or for keys
// the editor handles itself (single keys that only act outside text fields) the action's `keyHint`.
MenuItem {
    id: item

    readonly property string shortcutText: {
        if (!item.action)
            return ""
        const own = KeyText.of(item.action.shortcut)
        return own.length > 0 ? own : (item.action.keyHint !== undefined ? item.action.keyHint : "")
    }

    // As wide as the text and the key beside it, so that a menu sized to its widest item (AppMenu) shows both
    // whole (the RowLayout's own implicit width leaves the filling label out). Each label counts in whole pixels,
    // as the RowLayout sizes them: with the fractional widths a text measures, the row came up to a pixel short
    // and the text elided ("Speichern unter…", "An Fenster anpassen" in German).
    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            Math.ceil(textLabel.implicitWidth)
                            + (keyLabel.visible ? row.spacing + Math.ceil(keyLabel.implicitWidth) : 0)
                            + leftPadding + rightPadding)

    contentItem: RowLayout {
        id: row
        spacing: 24
        Label {
            id: textLabel
            Layout.fillWidth: true
            leftPadding: item.checkable ? item.indicator.width + item.spacing : 0
            text: item.text.replace(/&(.)/g, "$1")  // the mnemonic marker; Alt navigation is not offered
            color: item.enabled ? item.palette.text : item.palette.placeholderText
            elide: Text.ElideRight
        }
        Label {
            id: keyLabel
            objectName: "shortcutLabel"
            visible: item.shortcutText.length > 0
            text: item.shortcutText
            color: item.palette.placeholderText
        }
    }
}
