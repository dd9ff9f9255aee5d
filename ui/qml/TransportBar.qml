import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// Play/pause, stop, the playhead and the state of the audio output.
ToolBar {
    id: root

    required property TransportModel transport
    signal errorRaised(string message)

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 8

        ToolButton {
            objectName: "playButton"
            text: root.transport.playing ? "❚❚" : "▶"
            enabled: root.transport.hasDevice
            onClicked: root.transport.togglePlay()
            ToolTip.visible: hovered
            ToolTip.text: root.transport.playing ? qsTr("Pause (Space)") : qsTr("Play (Space)")
        }
        ToolButton {
            text: "■"
            enabled: root.transport.hasDevice
            onClicked: root.transport.stop()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Stop and return to where playback started")
        }
        Label {
            objectName: "positionLabel"
            text: root.transport.positionText + " / " + root.transport.lengthText
            font.family: "monospace"
            font.pixelSize: 15
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "deviceStatus"
            Layout.maximumWidth: 560
            elide: Text.ElideRight
            text: root.transport.deviceStatus
            color: root.transport.hasDevice ? palette.windowText : "#ff9c6e"
            opacity: root.transport.hasDevice ? 0.6 : 1.0
        }
        Button {
            visible: !root.transport.hasDevice
            text: qsTr("Retry")
            onClicked: {
                const message = root.transport.retryDevice()
                if (message.length > 0)
                    root.errorRaised(message)
            }
        }
        Label {
            text: root.transport.healthText
            opacity: 0.6
        }
    }
}
