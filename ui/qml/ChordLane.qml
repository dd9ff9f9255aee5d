import QtQuick
import QtQuick.Controls
import S2A.Ui

// The chord lane under the markers: the song's chords, each a block from its change to the next, which the
// arranger plays and an accompaniment follows. Double-click a block to type another chord (any spelling:
// "f#m7", "Bbmin"); drag its left edge to move the change (snapped to beats, Shift free; one drag is one undo
// step); right-click a block for the key's chords, Remove, or a new change where you clicked; right-click an
// empty lane to add the first one.
Rectangle {
    id: root

    required property TimelineController timeline
    required property ChordLaneEditor chords
    signal errorRaised(string message)
    // A typed chord ended (committed or not): the editor takes the keyboard back for its single-key shortcuts.
    signal editingFinished()

    function xOf(sample) { return (sample - timeline.viewStart) / timeline.samplesPerPixel }
    function report(message) { if (message.length > 0) root.errorRaised(message) }

    color: Theme.laneOdd
    clip: true

    property real menuSample: 0

    MouseArea {
        objectName: "chordLaneBackground"
        anchors.fill: parent
        acceptedButtons: Qt.RightButton
        onPressed: function (mouse) {
            root.menuSample = root.timeline.positionForX(mouse.x)
            addMenu.popup()
        }
    }

    Repeater {
        model: root.chords
        delegate: Item {
            id: block
            required property real position
            required property real end
            required property string name
            required property int index
            objectName: "chord_" + index
            x: root.xOf(position)
            width: Math.max(2, root.xOf(end) - x)
            height: root.height

            Rectangle {
                anchors.fill: parent
                anchors.rightMargin: 1
                color: block.name === "N" ? Theme.laneEven : (dragArea.pressed ? "#3b5bdb" : "#243a73")
                border.color: "#4c6ef5"
                border.width: 1
                Label {
                    objectName: "chordName"
                    anchors.verticalCenter: parent.verticalCenter
                    x: 6
                    visible: !editor.visible && parent.width > 14
                    text: block.name
                    font.pixelSize: 12
                    font.bold: true
                    color: "#dbe4ff"
                }
            }
            // The change itself: a handle at the block's left edge.
            Rectangle { width: 3; height: parent.height; color: "#748ffc" }
            MouseArea {
                id: dragArea
                objectName: "chordHandle"
                anchors.fill: parent
                acceptedButtons: Qt.LeftButton | Qt.RightButton
                preventStealing: true
                cursorShape: pressed ? Qt.ClosedHandCursor : Qt.SizeHorCursor
                property real grabOffset: 0
                property bool moved: false
                onPressed: function (mouse) {
                    grabOffset = mouse.x
                    moved = false
                    if (mouse.button === Qt.RightButton) {
                        root.menuSample = root.timeline.positionForX(mapToItem(root, mouse.x, 0).x)
                        contextMenu.popup()
                    }
                }
                onPositionChanged: function (mouse) {
                    if (!pressed || !(mouse.buttons & Qt.LeftButton))
                        return
                    const x = mapToItem(root, mouse.x - grabOffset, 0).x
                    moved = true
                    root.report(root.chords.dragTo(block.position, root.timeline.positionForX(x), mouse.modifiers))
                }
                onReleased: if (moved) root.chords.finishDrag()
                onCanceled: root.chords.finishDrag()
                onDoubleClicked: editor.begin()
            }
            TextField {
                id: editor
                objectName: "chordEditor"
                visible: false
                x: 4
                width: Math.max(80, block.width - 8)
                height: root.height
                font.pixelSize: 12
                padding: 2
                function begin() {
                    text = block.name
                    visible = true
                    forceActiveFocus()
                    selectAll()
                }
                function end() {
                    visible = false
                    root.editingFinished()
                }
                onAccepted: {
                    root.report(root.chords.rename(block.position, text))
                    end()
                }
                onActiveFocusChanged: if (!activeFocus) visible = false
                Keys.onEscapePressed: end()
            }
            Menu {
                id: contextMenu
                MenuItem { text: qsTr("Change Chord…"); onTriggered: editor.begin() }
                Menu {
                    title: qsTr("Chords of the Key")
                    Repeater {
                        model: root.chords ? root.chords.suggestions : []
                        delegate: MenuItem {
                            required property string modelData
                            text: modelData
                            onTriggered: root.report(root.chords.rename(block.position, modelData))
                        }
                    }
                }
                MenuItem {
                    objectName: "chordAddHere"
                    text: qsTr("New Change Here")
                    onTriggered: root.report(root.chords.addAt(root.menuSample, block.name))
                }
                MenuItem {
                    objectName: "chordRemove"
                    text: qsTr("Remove Change")
                    onTriggered: root.report(root.chords.remove(block.position))
                }
            }
        }
    }

    Menu {
        id: addMenu
        Repeater {
            model: root.chords ? root.chords.suggestions : []
            delegate: MenuItem {
                required property string modelData
                text: qsTr("Add %1 Here").arg(modelData)
                onTriggered: root.report(root.chords.addAt(root.menuSample, modelData))
            }
        }
    }
}
