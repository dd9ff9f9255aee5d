import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// Edit > Undo History…: the song's steps by name, the current one highlighted, undone ones dimmed. Clicking a
// row (or Return on it) takes the song to that step; the dialog stays open while the user edits (not modal).
Dialog {
    id: root

    required property UndoHistoryModel history

    title: qsTr("Undo History")
    modal: false
    standardButtons: Dialog.Close
    width: 360
    height: 420

    onOpened: {
        list.currentIndex = root.history.currentIndex
        list.positionViewAtIndex(list.currentIndex, ListView.Contain)
        list.forceActiveFocus()
    }

    ListView {
        id: list
        objectName: "undoHistoryList"
        anchors.fill: parent
        clip: true
        model: root.history
        keyNavigationEnabled: true
        Connections {
            target: root.history
            function onCurrentIndexChanged() {
                list.currentIndex = root.history.currentIndex
                list.positionViewAtIndex(list.currentIndex, ListView.Contain)
            }
        }
        Keys.onReturnPressed: root.history.jumpTo(list.currentIndex)
        delegate: ItemDelegate {
            required property int index
            required property string stepText
            required property bool current
            required property bool undone
            objectName: "undoStep_" + index
            width: list.width
            highlighted: current
            opacity: undone ? 0.5 : 1.0
            contentItem: Label {
                text: (index === 0 ? "" : index + ". ") + parent.stepText
                font.italic: index === 0
                elide: Text.ElideRight
            }
            onClicked: root.history.jumpTo(index)
        }
        ScrollBar.vertical: ScrollBar {}
    }
}
