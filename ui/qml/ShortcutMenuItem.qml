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
    // whole (the RowLayout's own implicit width leaves the filling label out).
    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            textLabel.implicitWidth + (keyLabel.visible ? row.spacing + keyLabel.implicitWidth : 0)
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
