import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// Offered at start-up when a crash or a kill left untitled songs unsaved: each with when it was last autosaved
// and how long the song is. Restore (or Return) opens the chosen one, Discard deletes it, Later keeps them all
// for the next start.
Dialog {
    id: root

    required property DocumentController document
    signal restoreRequested(string path)
    signal errorRaised(string message)

    // Read when the dialog shows (a look through the recovery folder), not whenever the window is made.
    property var entries: []
    readonly property var current: list.currentIndex >= 0 && list.currentIndex < entries.length ? entries[list.currentIndex] : null

    function refresh() {
        root.entries = root.document.untitledRecoveries
        if (root.entries.length === 0)
            root.close()
    }

    title: qsTr("Recover unsaved songs?")
    modal: true
    standardButtons: Dialog.NoButton
    width: 560
    onAboutToShow: refresh()
    onOpened: {
        list.currentIndex = 0
        list.forceActiveFocus()
    }
    Connections {
        target: root.document
        function onUntitledRecoveriesChanged() {
            if (root.visible)
                root.refresh()
        }
    }

    function restoreCurrent() {
        if (root.current)
            root.restoreRequested(root.current.path)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("S2A Studio closed before these songs were saved. Restore one to continue where you left off.")
        }
        ListView {
            id: list
            objectName: "recoveryList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(Math.max(contentHeight, 40), 240)
            clip: true
            focus: true
            model: root.entries
            delegate: ItemDelegate {
                required property var modelData
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: qsTr("%1 — saved %2 · %3 long").arg(modelData.title).arg(modelData.savedAt).arg(modelData.length)
                onClicked: list.currentIndex = index
                onDoubleClicked: root.restoreCurrent()
            }
            Keys.onReturnPressed: root.restoreCurrent()
            Keys.onEnterPressed: root.restoreCurrent()
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "recoveryDiscard"
                text: qsTr("Discard")
                enabled: root.current !== null
                onClicked: {
                    const message = root.document.discardUntitled(root.current.path)
                    if (message.length > 0)
                        root.errorRaised(message)
                }
            }
            Button { text: qsTr("Later"); onClicked: root.close() }
            Button {
                objectName: "recoveryRestore"
                text: qsTr("Restore")
                highlighted: true
                enabled: root.current !== null
                onClicked: root.restoreCurrent()
            }
        }
    }
}
