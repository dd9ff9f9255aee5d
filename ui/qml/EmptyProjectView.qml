import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// What a song with no audio yet shows: its name, its shape, and what to do next.
Rectangle {
    id: root

    required property DocumentController document

    color: "#1e1f24"

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: root.document.title
            font.pixelSize: 28
            color: "#e8e8ec"
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("%1 · %n section(s)", "", root.document.sectionCount).arg(root.document.lengthText)
                  + " · " + qsTr("%n track(s)", "", root.document.trackCount)
            color: "#a0a3ad"
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 24
            text: qsTr("This song has no audio yet. Generate a song or import audio to start editing.")
            color: "#a0a3ad"
        }
    }
}
