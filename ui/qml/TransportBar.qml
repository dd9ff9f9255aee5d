import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// Play/pause, stop, loop, the playhead in time and in bars, the song's grid, the master meter and the state
// of the audio output.
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
        ToolButton {
            objectName: "loopButton"
            text: "⟲"
            checkable: true
            checked: root.transport.looping
            onClicked: root.transport.toggleLoop()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Loop (L loops the selected section)")
        }
        Label {
            objectName: "positionLabel"
            text: root.transport.positionText + " / " + root.transport.lengthText
            font.family: "monospace"
            font.pixelSize: 15
        }
        Label {
            objectName: "barBeatLabel"
            text: qsTr("bar %1").arg(root.transport.barBeatText.trim())
            font.family: "monospace"
            opacity: 0.8
        }
        Label {
            objectName: "gridLabel"
            text: root.transport.gridText
            opacity: 0.7
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "deviceStatus"
            Layout.maximumWidth: 460
            elide: Text.ElideRight
            text: root.transport.deviceStatus
            color: root.transport.hasDevice ? palette.windowText : Theme.warning
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
        ColumnLayout {
            objectName: "masterMeter"
            spacing: 2
            LevelMeter { level: root.transport.meterLeft }
            LevelMeter { level: root.transport.meterRight; labels: true }
        }
        // The mix reached full scale: stays lit (with how far over) until clicked, so a short over is not missed.
        Button {
            objectName: "clipIndicator"
            visible: root.transport.clipped
            text: root.transport.clipText
            flat: true
            palette.buttonText: Theme.error
            onClicked: root.transport.resetClip()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("The mix clipped: lower a track or the take. Click to reset.")
        }
        Label {
            text: root.transport.healthText
            opacity: 0.6
        }
    }
}
