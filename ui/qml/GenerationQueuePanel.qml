import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// The generation queue: what is being made, what waits, and how each request ended. Each running or queued
// job can be cancelled; finished rows stay until "Clear finished" so nothing happens unseen.
Rectangle {
    id: root

    required property GenerationQueueModel queue
    // The New Song job, shown above the section jobs while it runs (it replaces the whole song when done).
    property NewSongModel newSong: null
    readonly property bool newSongBusy: root.newSong !== null && root.newSong.busy

    implicitWidth: 340
    implicitHeight: 240
    color: Theme.panel

    function stateText(state) {
        switch (state) {
        case "queued": return qsTr("Queued")
        case "running": return qsTr("Running")
        case "done": return qsTr("Done")
        case "failed": return qsTr("Failed")
        case "cancelled": return qsTr("Cancelled")
        }
        return state
    }
    function stateColour(state) {
        switch (state) {
        case "running": return Theme.running
        case "done": return Theme.success
        case "failed": return Theme.error
        }
        return Theme.textDim
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "queueHeading"
                Layout.fillWidth: true
                text: root.queue.busy ? qsTr("%n job(s) left", "", root.queue.activeCount) : qsTr("Generation")
                color: Theme.text
                font.bold: true
                elide: Text.ElideRight
            }
            Button {
                objectName: "cancelAllButton"
                text: qsTr("Cancel all")
                visible: root.queue.busy
                onClicked: root.queue.cancelAll()
            }
            Button {
                objectName: "clearFinishedButton"
                text: qsTr("Clear finished")
                enabled: root.queue.count > root.queue.activeCount
                onClicked: root.queue.clearFinished()
            }
        }

        Rectangle {
            objectName: "newSongRow"
            Layout.fillWidth: true
            visible: root.newSongBusy
            implicitHeight: newSongContent.implicitHeight + 12
            radius: 4
            color: Theme.raised
            ColumnLayout {
                id: newSongContent
                anchors.fill: parent
                anchors.margins: 6
                spacing: 3
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("New song")
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Label { text: root.stateText("running"); color: root.stateColour("running"); font.pixelSize: 11 }
                    ToolButton {
                        objectName: "cancelNewSongButton"
                        text: "✕"
                        onClicked: root.newSong.cancel()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Cancel the new song (the open song stays)")
                    }
                }
                ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: root.newSongBusy ? root.newSong.progress : 0
                }
                Label {
                    objectName: "newSongStage"
                    Layout.fillWidth: true
                    text: root.newSongBusy ? root.newSong.stage : ""
                    color: Theme.textDim
                    font.pixelSize: 11
                    elide: Text.ElideRight
                }
            }
        }

        Label {
            objectName: "queueEmpty"
            Layout.fillWidth: true
            visible: root.queue.count === 0 && !root.newSongBusy
            text: qsTr("Nothing is being generated. Regenerate a section to add a job here.")
            wrapMode: Text.WordWrap
            color: Theme.textDim
        }

        ListView {
            id: list
            objectName: "queueList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: root.queue
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: row
                required property int index
                required property int jobId
                required property string title
                // "state" is also Item's own property; the role is read through the model object instead.
                required property var model
                readonly property string jobState: model.state
                required property real progress
                required property string etaText
                required property string message

                readonly property bool active: jobState === "queued" || jobState === "running"

                objectName: "queueRow"
                width: ListView.view.width
                implicitHeight: content.implicitHeight + 12
                radius: 4
                color: Theme.raised

                ColumnLayout {
                    id: content
                    anchors.fill: parent
                    anchors.margins: 6
                    spacing: 3

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 6
                        Label {
                            objectName: "jobTitle"
                            Layout.fillWidth: true
                            text: row.title
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "jobState"
                            text: root.stateText(row.jobState)
                            color: root.stateColour(row.jobState)
                            font.pixelSize: 11
                        }
                        ToolButton {
                            objectName: "cancelJobButton"
                            visible: row.active
                            text: "✕"
                            onClicked: root.queue.cancel(row.index)
                            Accessible.name: qsTr("Cancel %1").arg(row.title)
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Cancel this job")
                        }
                    }
                    ProgressBar {
                        objectName: "jobProgress"
                        Layout.fillWidth: true
                        visible: row.jobState === "running"
                        from: 0
                        to: 1
                        value: row.progress
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 6
                        Label {
                            objectName: "jobMessage"
                            Layout.fillWidth: true
                            text: row.message
                            color: row.jobState === "failed" ? Theme.error : Theme.textDim
                            font.pixelSize: 11
                            wrapMode: Text.WordWrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "jobEta"
                            visible: row.etaText.length > 0
                            text: row.etaText
                            color: Theme.textDim
                            font.pixelSize: 11
                        }
                    }
                }
            }
        }
    }
}
