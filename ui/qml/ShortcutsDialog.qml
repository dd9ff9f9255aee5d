import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Help > Keyboard Shortcuts: every key the editor answers to.
Dialog {
    id: root

    title: qsTr("Keyboard shortcuts")
    modal: true
    standardButtons: Dialog.Close
    width: 460

    readonly property var keys: [
        ["Space", qsTr("Play / pause")],
        ["Home / End", qsTr("Go to the start / end")],
        ["S", qsTr("Split the section at the playhead")],
        ["M", qsTr("Merge the selected section with the next")],
        ["Delete", qsTr("Delete the selected section (its neighbour takes over)")],
        ["R", qsTr("Regenerate the selected section")],
        ["L", qsTr("Loop the selected section")],
        ["1 … 9", qsTr("Select section 1 to 9")],
        ["+ / -", qsTr("Zoom in / out around the playhead")],
        ["Ctrl+wheel", qsTr("Zoom around the mouse")],
        ["Shift+wheel", qsTr("Scroll along the song")],
        ["Drag", qsTr("Move a boundary (snaps to bars)")],
        ["Ctrl+drag", qsTr("Move a boundary, snapping to beats")],
        ["Shift+drag", qsTr("Move a boundary without snapping")],
        ["Ctrl+Z / Ctrl+Shift+Z", qsTr("Undo / redo")],
        ["Ctrl+S / Ctrl+O / Ctrl+N", qsTr("Save / open / new song")],
        ["Ctrl+Shift+S", qsTr("Save as")],
        ["Ctrl+I / Ctrl+E", qsTr("Import audio / export")]
    ]

    GridLayout {
        columns: 2
        columnSpacing: 18
        Repeater {
            model: root.keys.length * 2
            delegate: Label {
                required property int index
                text: root.keys[Math.floor(index / 2)][index % 2]
                font.family: index % 2 === 0 ? "monospace" : ""
                font.bold: index % 2 === 0
                opacity: index % 2 === 0 ? 1.0 : 0.85
            }
        }
    }
}
