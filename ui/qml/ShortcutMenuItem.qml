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

    contentItem: RowLayout {
        spacing: 24
        Label {
            Layout.fillWidth: true
            leftPadding: item.checkable ? item.indicator.width + item.spacing : 0
            text: item.text.replace(/&(.)/g, "$1")  // the mnemonic marker; Alt navigation is not offered
            color: item.enabled ? item.palette.text : item.palette.placeholderText
            elide: Text.ElideRight
        }
        Label {
            objectName: "shortcutLabel"
            visible: item.shortcutText.length > 0
            text: item.shortcutText
            color: item.palette.placeholderText
        }
    }
}
