import QtQuick
import QtQuick.Controls
import S2A.Ui

// Bars and beats across the top of the timeline; a click or drag here moves the playhead. While looping, the
// loop region shows as a bar along the ruler's upper half: drag its ends to resize it or its middle to move it
// (snapped to beats, Shift for free), or right-click it to repaint that range; the lower half still seeks everywhere.
Rectangle {
    id: root

    required property TimelineController timeline
    required property TransportModel transport
    required property LoopRegionEditor loopEditor
    signal seekRequested(real sample)
    signal repaintRequested()

    function xOf(sample) { return (sample - timeline.viewStart) / timeline.samplesPerPixel }

    color: Theme.header
    clip: true

    Repeater {
        model: root.timeline.rulerTicks
        delegate: Item {
            required property var modelData
            x: modelData.x
            height: root.height
            Rectangle {
                anchors.bottom: parent.bottom
                width: 1
                height: modelData.major ? root.height * 0.55 : root.height * 0.25
                color: modelData.major ? Theme.tickMajor : Theme.tickMinor
            }
            // Readable at a glance: 11 and 10 px, both over 7:1 against the ruler (the time was 8 px at 3:1).
            Label {
                objectName: "rulerBar"
                x: 3
                y: 0
                text: modelData.label
                font.pixelSize: 11
                color: Theme.rulerText
            }
            Label {
                objectName: "rulerTime"
                x: 3
                y: 14
                text: modelData.time
                font.pixelSize: 10
                color: Theme.rulerTime
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        onPressed: function (mouse) { root.seekRequested(root.timeline.positionForX(mouse.x)) }
        onPositionChanged: function (mouse) { if (pressed) root.seekRequested(root.timeline.positionForX(mouse.x)) }
    }

    Rectangle {
        id: loopBar
        objectName: "loopBar"
        visible: root.transport.looping
        x: root.xOf(root.transport.loopStart)
        width: Math.max(1, (root.transport.loopEnd - root.transport.loopStart) / root.timeline.samplesPerPixel)
        height: Math.round(root.height / 2)
        color: Qt.rgba(0.3, 0.49, 1.0, root.loopEditor.dragging ? 0.55 : 0.35)
        border.color: Theme.accent

        // One press-drag-release is one gesture: positions go through the ruler's own coordinates, which stay
        // put while the bar moves under the mouse.
        component LoopGrip: MouseArea {
            required property int part
            preventStealing: true
            onPressed: function (mouse) {
                root.loopEditor.beginDrag(part, root.timeline.positionForX(mapToItem(root, mouse.x, 0).x))
            }
            onPositionChanged: function (mouse) {
                if (pressed)
                    root.loopEditor.dragTo(root.timeline.positionForX(mapToItem(root, mouse.x, 0).x), mouse.modifiers)
            }
            onReleased: root.loopEditor.finishDrag()
            onCanceled: root.loopEditor.finishDrag()
        }
        LoopGrip {
            objectName: "loopBody"
            anchors.fill: parent
            part: LoopRegionEditor.Whole
            cursorShape: pressed ? Qt.ClosedHandCursor : Qt.OpenHandCursor
        }
        // A right click offers what a range is for besides looping: making it anew.
        MouseArea {
            objectName: "loopMenuArea"
            anchors.fill: parent
            acceptedButtons: Qt.RightButton
            onClicked: loopMenu.popup()
            Menu {
                id: loopMenu
                objectName: "loopMenu"
                MenuItem {
                    objectName: "repaintLoopItem"
                    text: qsTr("Repaint This Range (Shift+R)")
                    onTriggered: root.repaintRequested()
                }
            }
        }
        // The ends are 8 px wide, centred on the edges, above the body so a narrow loop keeps both ends.
        LoopGrip {
            objectName: "loopStartHandle"
            x: -4
            width: 8
            height: parent.height
            part: LoopRegionEditor.StartEdge
            cursorShape: Qt.SizeHorCursor
        }
        LoopGrip {
            objectName: "loopEndHandle"
            x: parent.width - 4
            width: 8
            height: parent.height
            part: LoopRegionEditor.EndEdge
            cursorShape: Qt.SizeHorCursor
        }
    }
}
