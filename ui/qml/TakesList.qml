import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// The selected section's takes: click one to hear it (A/B while the song plays; the switch cross-fades),
// rate it, read how it was made.
ListView {
    id: root

    required property TakeListModel takes
    signal errorRaised(string message)

    function report(message) {
        if (message.length > 0)
            root.errorRaised(message)
    }

    clip: true
    spacing: 2
    model: takes
    implicitHeight: Math.min(contentHeight, 240)

    delegate: Rectangle {
        id: row
        required property int index
        required property string name
        required property string details
        required property string clipWarning
        required property string caption
        required property int rating
        required property bool active
        objectName: "takeRow" + index
        width: root.width
        height: Math.max(50, rowContent.implicitHeight + 12)
        radius: 3
        color: active ? Theme.selectedRow : (hover.hovered ? Theme.hoverRow : Theme.row)
        HoverHandler { id: hover }
        TapHandler { onTapped: root.report(root.takes.activate(row.index)) }

        RowLayout {
            id: rowContent
            anchors.fill: parent
            anchors.margins: 6
            spacing: 6
            Button {
                objectName: "takeButton" + row.index
                text: String.fromCharCode(65 + (row.index % 26))  // A, B, C…
                checkable: true
                checked: row.active
                implicitWidth: 30
                onClicked: root.report(root.takes.activate(row.index))
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Play this take")
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    Label { objectName: "takeName"; text: row.name; font.bold: row.active; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        objectName: "takeClipWarning" + row.index
                        visible: row.clipWarning.length > 0
                        text: "⚠ " + qsTr("clips")
                        color: Theme.error
                        font.pixelSize: 11
                        ToolTip.visible: clipHover.hovered
                        ToolTip.text: row.clipWarning
                        HoverHandler { id: clipHover }
                    }
                }
                Label {
                    // Wrapped, not cut: the seed and the guard's gain are what a user compares takes by.
                    text: row.details + (row.caption.length > 0 ? " · “" + row.caption + "”" : "")
                    font.pixelSize: 10
                    opacity: 0.65
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    ToolTip.visible: detailsHover.hovered
                    ToolTip.text: text
                    HoverHandler { id: detailsHover }
                }
            }
            Row {
                Repeater {
                    model: 5
                    delegate: Label {
                        required property int index
                        text: index < row.rating ? "★" : "☆"
                        color: index < row.rating ? "#f59f00" : Theme.textFaint
                        font.pixelSize: 14
                        TapHandler {
                            onTapped: root.report(root.takes.rate(row.index, row.rating === index + 1 ? 0 : index + 1))
                        }
                    }
                }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: root.count === 0
        text: qsTr("No takes yet")
        opacity: 0.6
    }
}
