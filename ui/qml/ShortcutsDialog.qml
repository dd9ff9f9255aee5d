import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Help > Keyboard Shortcuts: every key the editor answers to.
Dialog {
    id: root

    title: qsTr("Keyboard shortcuts")
    modal: true
    standardButtons: Dialog.Close
    width: 520

    // The keys as the user presses them: key names (Space, Home, Ctrl, wheel, drag) are translated, the letter
    // keys stay the letters the editor answers to.
    readonly property var keys: [
        //: A key on the keyboard
        [qsTr("Space"), qsTr("Play / pause")],
        [qsTr("Home / End"), qsTr("Go to the start / end")],
        [qsTr("S"), qsTr("Split the section at the playhead")],
        [qsTr("M"), qsTr("Merge the selected section with the next")],
        [qsTr("Delete"), qsTr("Delete the selected section (its neighbour takes over)")],
        [qsTr("R"), qsTr("Regenerate the selected section")],
        [qsTr("Shift+R"), qsTr("Repaint the loop region (any range, across sections)")],
        [qsTr("L"), qsTr("Loop the selected section")],
        [qsTr("Ctrl+M"), qsTr("Add a marker at the playhead")],
        ["[ / ]", qsTr("Jump to the previous / next marker")],
        ["1 … 9", qsTr("Select section 1 to 9")],
        ["+ / -", qsTr("Zoom in / out around the playhead")],
        [qsTr("Ctrl+wheel"), qsTr("Zoom around the mouse")],
        [qsTr("Shift+wheel"), qsTr("Scroll along the song")],
        [qsTr("Drag"), qsTr("Move a boundary (snaps to bars)")],
        [qsTr("Ctrl+drag"), qsTr("Move a boundary, snapping to beats")],
        [qsTr("Shift+drag"), qsTr("Move a boundary without snapping")],
        [qsTr("Ctrl+Z / Ctrl+Shift+Z"), qsTr("Undo / redo")],
        [qsTr("Ctrl+S / Ctrl+O / Ctrl+N"), qsTr("Save / open / new song")],
        [qsTr("Ctrl+Shift+S"), qsTr("Save as")],
        [qsTr("Ctrl+I / Ctrl+E"), qsTr("Import audio / export")],
        [qsTr("Ctrl+,"), qsTr("Settings")]
    ]

    // The window's own font throughout (an empty family picked a fallback font here); descriptions wrap within
    // the dialog instead of running past its edge.
    GridLayout {
        width: root.availableWidth
        columns: 2
        columnSpacing: 18
        Repeater {
            model: root.keys.length * 2
            delegate: Label {
                required property int index
                readonly property bool isKey: index % 2 === 0
                text: root.keys[Math.floor(index / 2)][index % 2]
                font.bold: isKey
                opacity: isKey ? 1.0 : 0.85
                wrapMode: isKey ? Text.NoWrap : Text.Wrap
                Layout.fillWidth: !isKey
                Layout.alignment: Qt.AlignTop
            }
        }
    }
}
