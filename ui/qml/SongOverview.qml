import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// The song at a glance: its name, its shape as a strip of labelled sections, and the playhead.
Rectangle {
    id: root

    required property DocumentController document
    property real playhead: 0  // 0..1 of the song

    color: "#1e1f24"

    function labelColour(label) {
        const colours = { "intro": "#4c6ef5", "verse": "#2f9e44", "pre-chorus": "#74b816", "chorus": "#e8590c",
                          "bridge": "#ae3ec9", "breakdown": "#1098ad", "build": "#f59f00", "drop": "#e03131",
                          "solo": "#d6336c", "outro": "#495057" }
        return colours[label] !== undefined ? colours[label] : "#5c7cfa"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: 12

        Label {
            text: root.document.title
            font.pixelSize: 28
            color: "#e8e8ec"
        }
        Label {
            text: qsTr("%1 · %n section(s)", "", root.document.sectionCount).arg(root.document.lengthText)
                  + " · " + qsTr("%n track(s)", "", root.document.trackCount)
            color: "#a0a3ad"
        }

        Item {
            id: strip
            objectName: "sectionStrip"
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            Layout.topMargin: 24

            Repeater {
                model: root.document.sections
                delegate: Rectangle {
                    required property var modelData
                    x: modelData.start * strip.width
                    width: Math.max(2, modelData.length * strip.width - 2)
                    height: strip.height
                    radius: 4
                    color: root.labelColour(modelData.label)
                    opacity: 0.85
                    Column {
                        anchors.fill: parent
                        anchors.margins: 6
                        clip: true
                        Label { text: modelData.label; font.bold: true; color: "white" }
                        Label {
                            width: parent.width
                            text: modelData.caption
                            elide: Text.ElideRight
                            color: "#f1f3f5"
                            font.pixelSize: 11
                        }
                    }
                    ToolTip.visible: hoverArea.containsMouse
                    ToolTip.text: modelData.label + (modelData.caption.length > 0 ? ": " + modelData.caption : "")
                    MouseArea { id: hoverArea; anchors.fill: parent; hoverEnabled: true }
                }
            }
            Rectangle {
                objectName: "playhead"
                x: root.playhead * strip.width
                width: 2
                height: strip.height
                color: "white"
                visible: root.document.hasAudio
            }
        }

        Label {
            text: root.document.activity.length > 0 ? root.document.activity
                  : root.document.hasAudio ? qsTr("Space plays the song. Section editing comes with the timeline editor.")
                  : qsTr("This song has no audio yet. Generate a song or import audio to start editing.")
            color: "#a0a3ad"
        }
        Item { Layout.fillHeight: true }
    }
}
