import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// The whole song at a glance above the timeline: its name, its shape as a strip of labelled sections, the
// part the timeline shows, and the playhead. Click or drag to move the timeline's view.
Rectangle {
    id: root

    required property DocumentController document
    required property EditorController editor
    property real playhead: 0  // samples
    readonly property TimelineController timeline: editor.timeline
    readonly property real songLength: Math.max(1, timeline.songLength)

    color: Theme.canvas
    implicitHeight: 58

    RowLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 12

        ColumnLayout {
            // As wide as the song's facts need (the strip takes the rest), within reason; in whole pixels, as the
            // layout gives its labels (a fractional width left "… · 5 Spuren" a pixel short, elided).
            Layout.preferredWidth: Math.min(300, Math.ceil(Math.max(168, facts.implicitWidth, title.implicitWidth)))
            Layout.fillWidth: false
            spacing: 0
            Label {
                id: title
                objectName: "songTitle"
                Layout.fillWidth: true
                text: root.document.title
                font.pixelSize: 15
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                id: facts
                objectName: "songFacts"
                Layout.fillWidth: true
                text: qsTr("%1 · %n section(s)", "", root.document.sectionCount).arg(root.document.lengthText)
                      + " · " + qsTr("%n track(s)", "", root.document.trackCount)
                color: Theme.textDim
                font.pixelSize: 11
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.document.activity
                color: "#ffd8a8"
                font.pixelSize: 11
                elide: Text.ElideRight
            }
        }

        Item {
            id: strip
            objectName: "sectionStrip"
            Layout.fillWidth: true
            Layout.fillHeight: true

            Repeater {
                model: root.editor.sections
                delegate: Rectangle {
                    required property double start
                    required property double end
                    required property string colour
                    required property string displayName
                    x: start / root.songLength * strip.width
                    width: Math.max(1, (end - start) / root.songLength * strip.width - 1)
                    height: strip.height
                    radius: 2
                    color: colour
                    opacity: 0.6
                    Label {
                        anchors.fill: parent
                        anchors.margins: 3
                        text: displayName
                        font.pixelSize: 10
                        color: "white"
                        elide: Text.ElideRight
                    }
                }
            }
            Rectangle {
                objectName: "viewRange"
                x: root.timeline.viewStart / root.songLength * strip.width
                width: Math.max(4, (root.timeline.viewEnd - root.timeline.viewStart) / root.songLength * strip.width)
                height: strip.height
                color: "transparent"
                border.color: Theme.bright
                border.width: 1
                radius: 2
            }
            Rectangle {
                objectName: "playhead"
                x: root.playhead / root.songLength * strip.width
                width: 2
                height: strip.height
                color: "white"
                visible: root.document.hasAudio
            }
            MouseArea {
                anchors.fill: parent
                function centreAt(x) {
                    const span = root.timeline.viewEnd - root.timeline.viewStart
                    root.timeline.viewStart = x / strip.width * root.songLength - span / 2
                }
                onPressed: function (mouse) { centreAt(mouse.x) }
                onPositionChanged: function (mouse) { if (pressed) centreAt(mouse.x) }
            }
        }
    }
}
