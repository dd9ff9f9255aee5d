import QtQuick
import QtQuick.Controls
import S2A.Ui

// Markers under the ruler: a flag and a name per marker. Click jumps the playhead there, drag moves it (snapped
// to beats, Shift free; one drag is one undo step), double-click renames it in place, right-click offers Rename
// and Delete. Ctrl+M adds one at the playhead, [ and ] jump between them (Main.qml).
Rectangle {
    id: root

    required property TimelineController timeline
    required property MarkerEditor markers
    signal errorRaised(string message)
    // A rename ended (committed or not): the editor takes the keyboard back for its single-key shortcuts.
    signal editingFinished()

    function xOf(sample) { return (sample - timeline.viewStart) / timeline.samplesPerPixel }
    function report(message) { if (message.length > 0) root.errorRaised(message) }

    color: Theme.laneEven
    clip: true

    Repeater {
        model: root.markers
        delegate: Item {
            id: flag
            required property string markerId
            required property string name
            required property real position
            required property int index
            objectName: "marker_" + index
            x: root.xOf(position)
            width: Math.max(24, nameLabel.implicitWidth + 10)
            height: root.height

            Rectangle { width: 2; height: parent.height; color: "#ffd43b" }
            Rectangle {
                x: 2
                width: parent.width - 2
                height: parent.height - 4
                radius: 2
                color: dragArea.pressed ? "#fab005" : "#5c4a12"
                Label {
                    id: nameLabel
                    objectName: "markerName"
                    anchors.verticalCenter: parent.verticalCenter
                    x: 4
                    visible: !editor.visible
                    text: flag.name
                    font.pixelSize: 11
                    color: "#fff3bf"
                }
            }
            MouseArea {
                id: dragArea
                objectName: "markerHandle"
                anchors.fill: parent
                acceptedButtons: Qt.LeftButton | Qt.RightButton
                preventStealing: true
                cursorShape: pressed ? Qt.ClosedHandCursor : Qt.PointingHandCursor
                property real grabOffset: 0
                property bool moved: false
                onPressed: function (mouse) {
                    grabOffset = mouse.x
                    moved = false
                    if (mouse.button === Qt.RightButton)
                        contextMenu.popup()
                }
                onPositionChanged: function (mouse) {
                    if (!pressed || !(mouse.buttons & Qt.LeftButton))
                        return
                    const x = mapToItem(root, mouse.x - grabOffset, 0).x
                    moved = true
                    root.report(root.markers.dragTo(flag.markerId, root.timeline.positionForX(x), mouse.modifiers))
                }
                onReleased: function (mouse) {
                    if (moved)
                        root.markers.finishDrag()
                    else if (mouse.button === Qt.LeftButton)
                        root.markers.jumpTo(flag.markerId)
                }
                onCanceled: root.markers.finishDrag()
                onDoubleClicked: editor.begin()
            }
            TextField {
                id: editor
                objectName: "markerNameEditor"
                visible: false
                x: 4
                width: Math.max(120, flag.width)
                height: root.height
                font.pixelSize: 11
                padding: 2
                function begin() {
                    text = flag.name
                    visible = true
                    forceActiveFocus()
                    selectAll()
                }
                function end() {
                    visible = false
                    root.editingFinished()
                }
                onAccepted: {
                    root.report(root.markers.rename(flag.markerId, text))
                    end()
                }
                onActiveFocusChanged: if (!activeFocus) visible = false
                Keys.onEscapePressed: end()
            }
            Menu {
                id: contextMenu
                MenuItem { text: qsTr("Rename…"); onTriggered: editor.begin() }
                MenuItem { objectName: "markerDelete"; text: qsTr("Delete"); onTriggered: root.report(root.markers.remove(flag.markerId)) }
            }
        }
    }
}
