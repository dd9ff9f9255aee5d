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
    required property EditorController editor
    required property GenerationQueueModel queue
    required property NewSongModel newSong
    required property EngineSettings engineSettings
    required property AudioSettings audioSettings
    required property GeneralSettings generalSettings
    property bool closeConfirmed: false

    width: 1280
    height: 800
    minimumWidth: 800
    minimumHeight: 500
    visible: true
    title: document.windowTitle
    color: Theme.canvas

    // One theme for every control (menus, dialogs, toolbars), not only the canvas: dark, or light from
    // Settings > General, read at start (ui/viewmodels/Theme.h). Popups take the window's palette when made.
    palette.window: Theme.panel
    palette.windowText: Theme.text
    palette.base: Theme.canvas
    palette.alternateBase: Theme.alternate
    palette.text: Theme.text
    palette.button: Theme.control
    palette.buttonText: Theme.text
    palette.brightText: Theme.bright
    palette.highlight: Theme.accent
    palette.highlightedText: "#ffffff"
    palette.light: Theme.light
    palette.midlight: Theme.midlight
    palette.mid: Theme.alternate
    palette.dark: Theme.dark
    palette.shadow: "#000000"
    palette.placeholderText: Theme.textFaint
    palette.toolTipBase: Theme.control
    palette.toolTipText: Theme.text

    function showError(message) {
        if (message.length === 0)
            return true
        errorDialog.text = message
        errorDialog.open()
        return false
    }

    // Opens one of Qt's file or folder dialogs, or says why it cannot (DialogSupport.h: a missing Qt module
    // would otherwise crash the app inside FileDialog.open()).
    function openFileDialog(dialog) {
        if (DialogSupport.problem.length > 0)
            return showError(DialogSupport.problem)
        dialog.open()
        return true
    }

    // Save As proposes a name (the song's title, not yet taken) in the folder last used: Qt 6.4's dialog keeps
    // Save disabled until a file is selected, and reads a typed name on Return or when the field loses focus
    // (as when Save is clicked).
    function openSaveAs() {
        saveAsDialog.selectedFile = document.suggestedSaveUrl(saveAsDialog.currentFolder)
        return openFileDialog(saveAsDialog)
    }

    // Saves, then runs `then` (may be null). A song with no place of its own yet (untitled: new, imported, or
    // the demo, which opens as an untitled copy) goes through Save As first; `then` runs once that has saved,
    // so "Save" in a "Save changes?" question still leads on to what the user asked for.
    function saveThen(then) {
        if (document.untitled) {
            saveAsDialog.then = then
            openSaveAs()
            return
        }
        if (showError(document.save()) && then)
            then()
    }

    // Single-key shortcuts (S, M, R, L, 1..9) only act on the canvas: while a text field has focus it takes
    // the key, as text fields accept ShortcutOverride for printable keys.
    function regenerateSection(index, options) {
        window.editor.currentIndex = index
        showError(window.queue.regenerate(window.editor.current.id, options))
    }
    function askBeforeReplacing(action) {
        if (!document.modified) {
            action()
            return
        }
        replaceDialog.pending = action
        replaceDialog.open()
    }

    menuBar: MenuBar {
        id: mainMenuBar
        AppMenu {
            title: qsTr("&File")
            Action { text: qsTr("&New Song…"); shortcut: StandardKey.New; enabled: !window.newSong.busy; onTriggered: window.askBeforeReplacing(function () { newSongDialog.open() }) }
            Action { text: qsTr("New &Empty Song"); onTriggered: window.askBeforeReplacing(function () { window.showError(window.document.newProject()) }) }
            Action { text: qsTr("&Open…"); shortcut: StandardKey.Open; onTriggered: window.askBeforeReplacing(function () { window.openFileDialog(openDialog) }) }
            AppMenu {
                id: recentMenu
                objectName: "recentMenu"
                title: qsTr("Open &Recent")
                enabled: window.document.recentSongs.length > 0
                Instantiator {
                    model: window.document.recentSongs
                    delegate: MenuItem {
                        required property string modelData
                        required property int index
                        text: modelData
                        onTriggered: window.askBeforeReplacing(() => window.showError(window.document.openRecent(index)))
                    }
                    onObjectAdded: function (index, object) { recentMenu.insertItem(index, object) }
                    onObjectRemoved: function (index, object) { recentMenu.removeItem(object) }
                }
            }
            Action { text: qsTr("&Save"); shortcut: StandardKey.Save; onTriggered: window.saveThen(null) }
            // Not StandardKey.SaveAs: outside GNOME and KDE (plain X11, Xvfb) Qt maps that to no key at all.
            Action { text: qsTr("Save &As…"); shortcut: "Ctrl+Shift+S"; onTriggered: window.openSaveAs() }
            MenuSeparator {}
            Action { text: qsTr("&Import Audio…"); shortcut: "Ctrl+I"; onTriggered: window.askBeforeReplacing(function () { window.openFileDialog(importDialog) }) }
            Action { objectName: "accompanyAction"; text: qsTr("&Accompany a Recording…"); onTriggered: window.askBeforeReplacing(function () { accompanyDialog.open() }) }
            Action { text: qsTr("&Export…"); shortcut: "Ctrl+E"; onTriggered: exportDialog.open() }
            MenuSeparator {}
            Action { text: qsTr("&Quit"); shortcut: StandardKey.Quit; onTriggered: window.close() }
        }
        AppMenu {
            title: qsTr("&Edit")
            Action { text: qsTr("&Undo"); shortcut: StandardKey.Undo; enabled: window.document.canUndo; onTriggered: window.document.undo() }
            Action { text: qsTr("&Redo"); shortcut: "Ctrl+Shift+Z"; enabled: window.document.canRedo; onTriggered: window.document.redo() }
            Action { objectName: "undoHistoryAction"; text: qsTr("Undo &History…"); shortcut: "Ctrl+H"; onTriggered: undoHistoryDialog.open() }
            MenuSeparator {}
            Action { text: qsTr("&Split at Playhead"); property string keyHint: "S"; onTriggered: window.showError(window.editor.splitAtPlayhead()) }
            Action { text: qsTr("&Merge with Next"); property string keyHint: "M"; onTriggered: window.showError(window.editor.mergeWithNext(window.editor.currentIndex)) }
            Action { text: qsTr("&Delete Section"); property string keyHint: KeyText.of("Del"); onTriggered: window.showError(window.editor.deleteSection(window.editor.currentIndex)) }
            Action {
                text: qsTr("&Insert Section at Playhead")
                onTriggered: window.showError(window.editor.insertSection(window.transport.position, "bridge"))
            }
            Action { text: qsTr("&Loop Section"); property string keyHint: "L"; onTriggered: window.editor.loopSection(window.editor.currentIndex) }
            MenuSeparator {}
            Action { objectName: "addMarkerAction"; text: qsTr("Add &Marker at Playhead"); shortcut: "Ctrl+M"; onTriggered: window.showError(window.editor.markers.addAtPlayhead()) }
            Action { text: qsTr("Previous Marker"); property string keyHint: "["; onTriggered: window.editor.markers.jumpPrevious() }
            Action { text: qsTr("Next Marker"); property string keyHint: "]"; onTriggered: window.editor.markers.jumpNext() }
            MenuSeparator {}
            Action { objectName: "settingsAction"; text: qsTr("Se&ttings…"); shortcut: "Ctrl+,"; onTriggered: settingsDialog.openAt(0) }
        }
        AppMenu {
            title: qsTr("&View")
            Action { text: qsTr("Zoom &In"); property string keyHint: "+"; onTriggered: window.editor.timeline.zoomIn(window.playheadX()) }
            Action { text: qsTr("Zoom &Out"); property string keyHint: "-"; onTriggered: window.editor.timeline.zoomOut(window.playheadX()) }
            Action { text: qsTr("Zoom to &Fit"); shortcut: "Ctrl+0"; onTriggered: window.editor.timeline.zoomToFit() }
            Action {
                text: qsTr("Zoom to &Section")
                onTriggered: window.editor.timeline.zoomToRange(window.editor.current.start, window.editor.current.end)
            }
            MenuSeparator {}
            Action {
                objectName: "spectrogramsAction"
                text: qsTr("S&pectrograms")
                checkable: true
                checked: window.editor.tracks.allSpectrograms
                onTriggered: {
                    window.editor.tracks.allSpectrograms = checked
                    // Triggering set `checked` by hand, which ends its binding: lanes switched one by one must
                    // still show here.
                    checked = Qt.binding(function () { return window.editor.tracks.allSpectrograms })
                }
            }
        }
        AppMenu {
            title: qsTr("&Generate")
            Action {
                text: qsTr("&Regenerate Section")
                property string keyHint: "R"
                enabled: window.document.hasAudio
                onTriggered: inspector.regenerate()
            }
            Action {
                objectName: "repaintLoopAction"
                text: qsTr("Repaint &Loop Region")
                property string keyHint: "Shift+R"
                enabled: window.document.hasAudio && window.transport.looping
                onTriggered: inspector.repaint()
            }
            Action { text: qsTr("&New Song…"); enabled: !window.newSong.busy; onTriggered: window.askBeforeReplacing(function () { newSongDialog.open() }) }
            Action { text: qsTr("&Cancel All Jobs"); enabled: window.queue.busy; onTriggered: window.queue.cancelAll() }
            MenuSeparator {}
            Action { objectName: "engineSettingsAction"; text: qsTr("Engine &Settings…"); onTriggered: settingsDialog.openAt(1) }
        }
        AppMenu {
            id: audioMenu
            objectName: "audioMenu"
            title: qsTr("&Audio")
            Instantiator {
                model: window.audioSettings.devices
                delegate: ShortcutMenuItem {
                    required property string modelData
                    required property int index
                    text: modelData
                    checkable: true
                    checked: index === window.audioSettings.currentIndex
                    onTriggered: window.showError(window.audioSettings.chooseDevice(index))
                }
                onObjectAdded: function (index, object) { audioMenu.insertItem(index, object) }
                onObjectRemoved: function (index, object) { audioMenu.removeItem(object) }
            }
            MenuSeparator {}
            Action { text: qsTr("Look for devices again"); onTriggered: window.showError(window.transport.retryDevice()) }
            Action { objectName: "audioSettingsAction"; text: qsTr("Audio &Settings…"); onTriggered: settingsDialog.openAt(0) }
        }
        AppMenu {
            title: qsTr("&Help")
            Action { text: qsTr("&Keyboard Shortcuts"); shortcut: "F1"; onTriggered: shortcutsDialog.open() }
            Action { objectName: "aboutAction"; text: qsTr("&About S2A Studio"); onTriggered: aboutDialog.open() }
        }
    }

    function playheadX() { return editor.timeline.xForSample(transport.position) }

    header: TransportBar {
        transport: window.transport
        onErrorRaised: function (message) { window.showError(message) }
    }

    Shortcut { sequence: "Space"; onActivated: window.transport.togglePlay() }
    Shortcut { sequence: "Home"; onActivated: { window.transport.rewind(); window.editor.timeline.ensureVisible(0) } }
    Shortcut {
        sequence: "End"
        onActivated: {
            window.transport.seek(window.transport.songLength)
            window.editor.timeline.ensureVisible(window.transport.songLength)
        }
    }
    Shortcut { sequence: "S"; onActivated: window.showError(window.editor.splitAtPlayhead()) }
    Shortcut { sequence: "M"; onActivated: window.showError(window.editor.mergeWithNext(window.editor.currentIndex)) }
    Shortcut { sequence: "R"; enabled: window.document.hasAudio; onActivated: inspector.regenerate() }
    Shortcut {
        sequence: "Shift+R"
        enabled: window.document.hasAudio && window.transport.looping
        onActivated: inspector.repaint()
    }
    Shortcut { sequence: "L"; onActivated: window.editor.loopSection(window.editor.currentIndex) }
    Shortcut { sequence: "["; onActivated: window.editor.markers.jumpPrevious() }
    Shortcut { sequence: "]"; onActivated: window.editor.markers.jumpNext() }
    Shortcut { sequence: "Delete"; onActivated: window.showError(window.editor.deleteSection(window.editor.currentIndex)) }
    Shortcut { sequences: ["+", "="]; onActivated: window.editor.timeline.zoomIn(window.playheadX()) }
    Shortcut { sequence: "-"; onActivated: window.editor.timeline.zoomOut(window.playheadX()) }
    Instantiator {
        model: 9
        delegate: Shortcut {
            required property int index
            sequence: String(index + 1)
            onActivated: window.editor.currentIndex = index
        }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: 0
            SongOverview {
                Layout.fillWidth: true
                document: window.document
                editor: window.editor
                playhead: window.transport.position
            }
            EditorView {
                id: editorView
                objectName: "editorView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                editor: window.editor
                transport: window.transport
                onRegenerateRequested: function (index) {
                    window.editor.currentIndex = index
                    inspector.regenerate()
                }
                onRepaintRequested: inspector.repaint()
                onErrorRaised: function (message) { window.showError(message) }
            }
            GenerationQueuePanel {
                objectName: "queuePanel"
                Layout.fillWidth: true
                Layout.preferredHeight: visible ? 120 : 0
                visible: window.queue.count > 0 || window.newSong.busy
                queue: window.queue
                newSong: window.newSong
            }
        }
        Inspector {
            id: inspector
            objectName: "inspector"
            SplitView.preferredWidth: 340
            SplitView.minimumWidth: 260
            editor: window.editor
            engines: window.queue.engines
            defaultEngine: window.engineSettings.defaultEngine
            defaultTakes: window.engineSettings.takesPerJob
            defaultSteps: window.engineSettings.defaultSteps
            defaultGuidance: window.engineSettings.defaultGuidance
            defaultContext: window.engineSettings.defaultContext
            onRegenerateRequested: function (options) { window.regenerateSection(window.editor.currentIndex, options) }
            onRepaintRequested: function (options) {
                window.showError(window.queue.repaint(window.transport.loopStart, window.transport.loopEnd, options))
            }
            onErrorRaised: function (message) { window.showError(message) }
            onEditingFinished: editorView.forceActiveFocus()
        }
    }

    // The keyboard belongs to the editor except while a text field is typed into (KeyboardFocusGuard.h).
    KeyboardFocusGuard { home: editorView }
    MenuBarEscape { menuBar: mainMenuBar }
    Component.onCompleted: editorView.forceActiveFocus()

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                id: announcement
                objectName: "announcement"
                property string message: ""
                text: message.length > 0 ? message
                      : qsTr("%1 Hz · %2 BPM · %3").arg(window.document.sampleRate).arg(window.document.tempo)
                          .arg(window.document.key.length > 0 ? window.document.key : qsTr("key not set"))
                opacity: 0.8
            }
            Item { Layout.fillWidth: true }
            Label { objectName: "runtimeDescription"; text: window.document.runtimeDescription; opacity: 0.6 }
        }
    }

    // Finished jobs are announced in the status bar for a few seconds, not with a dialog.
    Timer { id: announcementReset; interval: 6000; onTriggered: announcement.message = "" }
    Connections {
        target: window.queue
        function onAnnounced(message) {
            announcement.message = message
            announcementReset.restart()
        }
    }

    AccompanyDialog {
        id: accompanyDialog
        objectName: "accompanyDialog"
        document: window.document
        anchors.centerIn: parent
        onErrorRaised: function (message) { window.showError(message) }
    }

    NewSongDialog {
        id: newSongDialog
        objectName: "newSongDialog"
        model: window.newSong
        defaultEngine: window.engineSettings.defaultEngine
        anchors.centerIn: parent
        onErrorRaised: function (message) { window.showError(message) }
    }

    ShortcutsDialog { id: shortcutsDialog; objectName: "shortcutsDialog"; anchors.centerIn: parent }

    UndoHistoryDialog {
        id: undoHistoryDialog
        objectName: "undoHistoryDialog"
        x: parent.width - width - 24
        y: 24
        history: window.document.history
    }

    SettingsDialog {
        id: settingsDialog
        objectName: "settingsDialog"
        anchors.centerIn: parent
        audio: window.audioSettings
        engine: window.engineSettings
        general: window.generalSettings
        runtime: window.document.runtimeDescription
        onErrorRaised: function (message) { window.showError(message) }
    }

    MessageDialog {
        id: aboutDialog
        objectName: "aboutDialog"
        title: qsTr("About S2A Studio")
        text: qsTr("S2A Studio %1").arg(Qt.application.version)
        informativeText: qsTr("Structure-guided music generation and editing: a song as labelled sections, each regenerated on its own while its neighbours stay put.") + "\n\n" + window.document.buildReport
        buttons: MessageDialog.Ok
    }

    MessageDialog {
        id: replaceDialog
        objectName: "replaceDialog"
        property var pending: null
        title: qsTr("Save changes?")
        text: qsTr("\"%1\" has unsaved changes.").arg(window.document.title)
        buttons: MessageDialog.Save | MessageDialog.Discard | MessageDialog.Cancel
        onButtonClicked: function (button, role) {
            const action = pending
            pending = null
            if (button === MessageDialog.Save)
                window.saveThen(action)
            else if (button === MessageDialog.Discard)
                action()
        }
    }

    FileDialog {
        id: importDialog
        objectName: "importDialog"
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
            window.showError(window.document.openOrImport(drop.urls[0]))
            drop.accept()
        }
    }

    ExportDialog {
        id: exportDialog
        objectName: "exportDialog"
        exporter: window.exporter
        looping: window.transport.looping
        loopStart: window.transport.loopStart
        loopEnd: window.transport.loopEnd
        onErrorRaised: function (message) { window.showError(message) }
    }

    FolderDialog {
        id: openDialog
        objectName: "openDialog"
        title: qsTr("Open a song (.s2a folder)")
        onAccepted: window.showError(window.document.open(selectedFolder))
    }

    FileDialog {
        id: saveAsDialog
        objectName: "saveAsDialog"
        // What to do once saved (saveThen); cleared whichever way the dialog closes.
        property var then: null
        title: qsTr("Save song as")
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Save")  // Qt 6.4's own dialog says "Open" otherwise
        nameFilters: [qsTr("S2A Studio songs (*.s2a)")]
        onAccepted: {
            const next = then
            then = null
            // Later, not inside this handler: the next step may open another dialog while this one still closes.
            if (window.showError(window.document.saveAs(selectedFile)) && next)
                Qt.callLater(next)
        }
        onRejected: then = null
    }

    MessageDialog {
        id: errorDialog
        objectName: "errorDialog"
        title: qsTr("S2A Studio")
        buttons: MessageDialog.Ok
    }

    MessageDialog {
        id: recoveryDialog
        objectName: "recoveryDialog"
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
        objectName: "unsavedDialog"
        title: qsTr("Save changes?")
        text: qsTr("\"%1\" has unsaved changes.").arg(window.document.title)
        buttons: MessageDialog.Save | MessageDialog.Discard | MessageDialog.Cancel
        onButtonClicked: function (button, role) {
            const quit = function () {
                window.closeConfirmed = true
                window.close()
            }
            if (button === MessageDialog.Save) {
                window.saveThen(quit)
            } else if (button === MessageDialog.Discard) {
                window.document.discardRecovery()  // or the next start offers back what the user threw away
                quit()
            }
        }
    }

    RecoveryDialog {
        id: untitledRecoveryDialog
        objectName: "untitledRecoveryDialog"
        anchors.centerIn: parent
        document: window.document
        onRestoreRequested: function (path) {
            untitledRecoveryDialog.close()
            window.askBeforeReplacing(function () { window.showError(window.document.restoreUntitled(path)) })
        }
        onErrorRaised: function (message) { window.showError(message) }
    }

    Connections {
        target: window.document
        function onRecoveryOffered() { recoveryDialog.open() }
        function onUntitledRecoveriesOffered() { untitledRecoveryDialog.open() }
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
