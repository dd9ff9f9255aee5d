import QtQuick
import QtQuick.Controls
import S2A.Ui

// Bars and beats across the top of the timeline; a click or drag here moves the playhead.
Rectangle {
    id: root

    required property TimelineController timeline
    signal seekRequested(real sample)

    color: "#23242a"
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
                color: modelData.major ? "#8a8d96" : "#55575f"
            }
            // Readable at a glance: 11 and 10 px, both over 7:1 against the ruler (the time was 8 px at 3:1).
            Label {
                objectName: "rulerBar"
                x: 3
                y: 0
                text: modelData.label
                font.pixelSize: 11
                color: "#d4d6dd"
            }
            Label {
                objectName: "rulerTime"
                x: 3
                y: 14
                text: modelData.time
                font.pixelSize: 10
                color: "#b4b7c0"
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        onPressed: function (mouse) { root.seekRequested(root.timeline.positionForX(mouse.x)) }
        onPositionChanged: function (mouse) { if (pressed) root.seekRequested(root.timeline.positionForX(mouse.x)) }
    }
}
