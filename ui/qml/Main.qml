import QtQml.Models
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import S2A.Ui

ApplicationWindow {
    id: window

    required property DocumentController document
    required property TransportModel transport
    required property ExportModel exporter
    property bool closeConfirmed: false

    width: 1280
    height: 800
    minimumWidth: 800
    minimumHeight: 500
    visible: true
    title: document.windowTitle
    color: "#1e1f24"

    // One dark theme for every control (menus, dialogs, toolbars), not only the canvas.
    palette.window: "#26272d"
    palette.windowText: "#e8e8ec"
    palette.base: "#1e1f24"
    palette.alternateBase: "#2a2b31"
    palette.text: "#e8e8ec"
    palette.button: "#303139"
    palette.buttonText: "#e8e8ec"
    palette.highlight: "#4c7dff"
    palette.highlightedText: "#ffffff"
    palette.light: "#3a3b44"
    palette.midlight: "#34353d"
    palette.mid: "#2a2b31"
    palette.dark: "#16171b"
    palette.shadow: "#000000"
    palette.placeholderText: "#80838c"
    palette.toolTipBase: "#303139"
    palette.toolTipText: "#e8e8ec"

    function showError(message) {
        if (message.length === 0)
            return true
        errorDialog.text = message
        errorDialog.open()
        return false
    }

    function saveOrAsk() {
        if (document.untitled) {
            saveAsDialog.open()
            return false
        }
        return showError(document.save())
    }

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")
            Action { text: qsTr("&New"); shortcut: StandardKey.New; onTriggered: window.showError(window.document.newProject()) }
            Action { text: qsTr("&Open…"); shortcut: StandardKey.Open; onTriggered: openDialog.open() }
            Action { text: qsTr("&Save"); shortcut: StandardKey.Save; onTriggered: window.saveOrAsk() }
            Action { text: qsTr("Save &As…"); shortcut: StandardKey.SaveAs; onTriggered: saveAsDialog.open() }
            Action { text: qsTr("&Import Audio…"); shortcut: "Ctrl+I"; onTriggered: importDialog.open() }
            Action { text: qsTr("&Export…"); shortcut: "Ctrl+E"; onTriggered: exportDialog.open() }
            MenuSeparator {}
            Action { text: qsTr("&Quit"); shortcut: StandardKey.Quit; onTriggered: window.close() }
        }
        Menu {
            id: audioMenu
            objectName: "audioMenu"
            title: qsTr("&Audio")
            Instantiator {
                model: window.transport.devices
                delegate: MenuItem {
                    required property string modelData
                    required property int index
                    text: modelData
                    checkable: true
                    checked: modelData === window.transport.currentDevice
                    onTriggered: window.showError(window.transport.chooseDevice(index))
                }
                onObjectAdded: function (index, object) { audioMenu.insertItem(index, object) }
                onObjectRemoved: function (index, object) { audioMenu.removeItem(object) }
            }
            MenuSeparator {}
            Action { text: qsTr("Look for devices again"); onTriggered: window.showError(window.transport.retryDevice()) }
        }
        Menu {
            title: qsTr("&Edit")
            Action { text: qsTr("&Undo"); shortcut: StandardKey.Undo; enabled: window.document.canUndo; onTriggered: window.document.undo() }
            Action { text: qsTr("&Redo"); shortcut: StandardKey.Redo; enabled: window.document.canRedo; onTriggered: window.document.redo() }
        }
    }

    header: TransportBar {
        transport: window.transport
        onErrorRaised: function (message) { window.showError(message) }
    }

    Shortcut {
        sequence: "Space"
        onActivated: window.transport.togglePlay()
    }
    Shortcut {
        sequence: "Home"
        onActivated: window.transport.rewind()
    }

    SongOverview {
        anchors.fill: parent
        document: window.document
        playhead: window.transport.position / Math.max(1, window.transport.songLength)
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                text: qsTr("%1 Hz · %2 BPM · %3").arg(window.document.sampleRate).arg(window.document.tempo)
                          .arg(window.document.key.length > 0 ? window.document.key : qsTr("key not set"))
                opacity: 0.8
            }
            Item { Layout.fillWidth: true }
            Label { text: window.document.runtimeDescription; opacity: 0.6 }
        }
    }

    FileDialog {
        id: importDialog
        title: qsTr("Import a song to analyse")
        nameFilters: [qsTr("Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)"), qsTr("All files (*)")]
        onAccepted: window.showError(window.document.importAudio(selectedFile))
    }

    // Drop a song folder to open it, or an audio file to import and analyse it.
    DropArea {
        anchors.fill: parent
        onDropped: function (drop) {
            if (!drop.hasUrls)
                return
            const url = drop.urls[0].toString()
            if (url.endsWith(".s2a") || url.endsWith(".s2a/") || url.endsWith("project.json"))
                window.showError(window.document.open(drop.urls[0]))
            else
                window.showError(window.document.importAudio(drop.urls[0]))
            drop.accept()
        }
    }

    ExportDialog {
        id: exportDialog
        exporter: window.exporter
        onErrorRaised: function (message) { window.showError(message) }
    }

    FolderDialog {
        id: openDialog
        title: qsTr("Open a song (.s2a folder)")
        onAccepted: window.showError(window.document.open(selectedFolder))
    }

    FileDialog {
        id: saveAsDialog
        title: qsTr("Save song as")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("S2A Studio songs (*.s2a)")]
        onAccepted: window.showError(window.document.saveAs(selectedFile))
    }

    MessageDialog {
        id: errorDialog
        objectName: "errorDialog"
        title: qsTr("S2A Studio")
        buttons: MessageDialog.Ok
    }

    MessageDialog {
        id: recoveryDialog
        title: qsTr("Recover unsaved changes?")
        text: qsTr("S2A Studio closed before this song was saved. An automatic backup newer than the last save exists.")
        informativeText: qsTr("Restore it to continue where you left off, or discard it to keep the last saved version.")
        buttons: MessageDialog.Yes | MessageDialog.Discard
        onButtonClicked: function (button, role) {
            if (button === MessageDialog.Yes)
                window.showError(window.document.restoreRecovery())
            else
                window.document.discardRecovery()
        }
    }

    MessageDialog {
        id: unsavedDialog
        title: qsTr("Save changes?")
        text: qsTr("\"%1\" has unsaved changes.").arg(window.document.title)
        buttons: MessageDialog.Save | MessageDialog.Discard | MessageDialog.Cancel
        onButtonClicked: function (button, role) {
            if (button === MessageDialog.Save && !window.saveOrAsk())
                return
            if (button === MessageDialog.Cancel)
                return
            window.closeConfirmed = true
            window.close()
        }
    }

    Connections {
        target: window.document
        function onRecoveryOffered() { recoveryDialog.open() }
        function onImportFinished(message) { window.showError(message) }
        function onAutosaveFailed(message) { window.showError(qsTr("Autosave failed: %1").arg(message)) }
    }

    onClosing: function (close) {
        if (document.modified && !closeConfirmed) {
            close.accepted = false
            unsavedDialog.open()
        }
    }
}
