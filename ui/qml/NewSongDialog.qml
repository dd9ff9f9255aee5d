import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// File > New Song…: describe the song, pick a form, optionally pin length, tempo, key and seed; the song is
// made in the background and opens when done. Unsaved changes of the open song are asked about by the window
// before this opens; the open song is replaced only once the new one is complete.
Dialog {
    id: root

    required property NewSongModel model
    // Settings > Generation > "New songs use": the engine offered first each time the dialog opens.
    property string defaultEngine: "arranger"
    signal errorRaised(string message)

    // The model's state, null-safe: a generic loader (tests/ui/tst_qml_load.cpp) may create the dialog without a
    // model, and the dialog must still load without errors then.
    readonly property bool busy: root.model ? root.model.busy : false
    readonly property var templates: root.model ? root.model.templates : []

    // The 24 keys, spelled as project.json (and the arranger) read them.
    readonly property var keyNames: {
        const tonics = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"]
        const names = []
        for (const mode of ["major", "minor"])
            for (const tonic of tonics)
                names.push(tonic + " " + mode)
        return names
    }
    readonly property bool custom: templateBox.currentIndex === root.templates.length
    readonly property real tempoValue: tempoAuto.checked ? 0 : tempoBox.value
    // What the caption fixes (NewSongModel::reading): the tempo box shows it while on Auto.
    readonly property var reading: root.model ? root.model.reading(caption.text, root.keyValue) : ({})
    readonly property bool tempoFixed: root.reading.tempo !== undefined && root.reading.tempo > 0
    readonly property string keyValue: keyBox.currentIndex > 0 ? root.keyNames[keyBox.currentIndex - 1] : ""
    // Set when the user cancels, so the "cancelled" reply is shown here instead of as an error.
    property bool cancelRequested: false

    function spec() {
        return {
            caption: caption.text,
            template: root.custom ? "" : templateBox.currentText,
            structure: root.custom ? structure.text : "",
            length: lengthField.text,
            tempo: root.tempoValue,
            key: root.keyValue,
            engine: engineBox.currentValue,
            seed: seedField.text,
            title: titleField.text
        }
    }

    title: qsTr("New Song")
    modal: true
    standardButtons: Dialog.NoButton
    anchors.centerIn: parent
    width: 560
    onOpened: {
        const preferred = engineBox.indexOfValue(root.defaultEngine)
        if (preferred >= 0 && root.model.engines[preferred].available)
            engineBox.currentIndex = preferred
        message.text = ""
        caption.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 10
            enabled: !root.busy

            Label { text: qsTr("Describe the song") }
            TextArea {
                id: caption
                objectName: "newSongCaption"
                Layout.fillWidth: true
                Layout.preferredHeight: 72
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("e.g. upbeat funk with slap bass and brass, 110 bpm")
                // Fusion draws no frame round a bare TextArea; without one the field is invisible when empty.
                background: Rectangle {
                    color: caption.palette.base
                    border.color: caption.activeFocus ? caption.palette.highlight : caption.palette.mid
                    radius: 2
                }
            }
            Label {
                objectName: "newSongUnderstood"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                opacity: 0.7
                text: {
                    const line = root.model ? root.model.understood(caption.text, root.tempoValue, root.keyValue) : ""
                    return line.length > 0 ? qsTr("I understood: %1").arg(line)
                                           : qsTr("Name a style, a mood, instruments, a tempo or a key.")
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12

                Label { text: qsTr("Structure") }
                ComboBox {
                    id: templateBox
                    objectName: "newSongTemplate"
                    Layout.fillWidth: true
                    model: {
                        const names = []
                        for (let i = 0; i < root.templates.length; ++i)
                            names.push(root.templates[i])
                        names.push(qsTr("Custom…"))
                        return names
                    }
                }
                Item { visible: root.custom; implicitWidth: 1 }
                TextField {
                    id: structure
                    objectName: "newSongStructure"
                    visible: root.custom
                    Layout.fillWidth: true
                    placeholderText: "intro:4,verse:8,chorus:8,outro:4"
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Sections and their bars, in order")
                }

                Label { text: qsTr("Length") }
                TextField {
                    id: lengthField
                    objectName: "newSongLength"
                    Layout.fillWidth: true
                    placeholderText: qsTr("as the structure says (or m:ss, e.g. 2:30)")
                }

                Label { text: qsTr("Tempo") }
                RowLayout {
                    Layout.fillWidth: true
                    CheckBox {
                        id: tempoAuto
                        objectName: "newSongTempoAuto"
                        text: qsTr("Auto")
                        checked: true
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("From the caption, else the style")
                    }
                    SpinBox {
                        id: tempoBox
                        objectName: "newSongTempo"
                        Layout.fillWidth: true
                        enabled: !tempoAuto.checked
                        from: 20
                        to: 400
                        value: 120
                        editable: true
                        // On Auto: the caption's tempo, or the range the style's and the seed's choice falls in.
                        textFromValue: function (value, locale) {
                            if (tempoAuto.checked && !root.tempoFixed && root.reading.tempoMin !== undefined)
                                return root.reading.tempoMin + "–" + root.reading.tempoMax
                            return Number(value).toLocaleString(locale, "f", 0)
                        }
                    }
                    Binding {
                        target: tempoBox
                        property: "value"
                        when: tempoAuto.checked && root.reading.tempoMin !== undefined
                        value: root.tempoFixed ? Math.round(root.reading.tempo)
                                               : Math.round((root.reading.tempoMin + root.reading.tempoMax) / 2)
                        restoreMode: Binding.RestoreNone
                    }
                }

                Label { text: qsTr("Key") }
                ComboBox {
                    id: keyBox
                    objectName: "newSongKey"
                    Layout.fillWidth: true
                    model: [qsTr("Auto (from caption)")].concat(root.keyNames)
                }

                Label { text: qsTr("Engine") }
                ComboBox {
                    id: engineBox
                    objectName: "newSongEngine"
                    Layout.fillWidth: true
                    model: root.model ? root.model.engines : []
                    textRole: "name"
                    valueRole: "id"
                    // An engine that cannot run is listed (so the user knows it exists) but cannot be chosen;
                    // the hover handler sits outside the disabled button so its tooltip still shows.
                    delegate: Item {
                        id: engineItem
                        required property var modelData
                        required property int index
                        width: engineBox.width
                        implicitHeight: engineButton.implicitHeight
                        ItemDelegate {
                            id: engineButton
                            objectName: "newSongEngine_" + engineItem.modelData.id
                            anchors.fill: parent
                            enabled: engineItem.modelData.available
                            text: engineItem.modelData.available
                                  ? engineItem.modelData.name
                                  : qsTr("%1 (unavailable)").arg(engineItem.modelData.name)
                            highlighted: engineBox.highlightedIndex === engineItem.index
                            onClicked: {
                                engineBox.currentIndex = engineItem.index
                                engineBox.popup.close()
                            }
                        }
                        HoverHandler { id: engineHover }
                        ToolTip.visible: engineBox.popup.visible && engineHover.hovered && !engineItem.modelData.available
                        ToolTip.text: engineItem.modelData.reason
                    }
                }

                Label { text: qsTr("Seed") }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: seedField
                        objectName: "newSongSeed"
                        Layout.fillWidth: true
                        placeholderText: qsTr("random")
                        validator: RegularExpressionValidator { regularExpression: /[0-9]{0,18}/ }
                    }
                    Button {
                        objectName: "newSongDice"
                        text: "⚄"
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Roll a seed")
                        onClicked: seedField.text = String(1 + Math.floor(Math.random() * 2147483646))
                    }
                }

                Label { text: qsTr("Title") }
                TextField {
                    id: titleField
                    objectName: "newSongTitle"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Untitled")
                }
            }
        }

        ProgressBar {
            objectName: "newSongProgress"
            Layout.fillWidth: true
            visible: root.busy
            value: root.model ? root.model.progress : 0
        }
        Label {
            id: message
            objectName: "newSongMessage"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: root.busy || text.length > 0
            opacity: 0.7
            text: ""
        }
        Binding {
            target: message
            property: "text"
            value: root.model ? root.model.stage : ""
            when: root.busy
            restoreMode: Binding.RestoreNone
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "newSongCancel"
                text: root.busy ? qsTr("Cancel") : qsTr("Close")
                onClicked: {
                    if (root.busy) {
                        root.cancelRequested = true
                        root.model.cancel()
                    } else {
                        root.close()
                    }
                }
            }
            Button {
                objectName: "newSongCreate"
                text: qsTr("Create")
                highlighted: true
                enabled: !root.busy
                onClicked: {
                    root.cancelRequested = false
                    message.text = ""
                    const error = root.model.create(root.spec())
                    if (error.length > 0)
                        root.errorRaised(error)
                }
            }
        }
    }

    Connections {
        target: root.model
        function onFinished(text) {
            if (text.length === 0) {
                root.close()
            } else if (root.cancelRequested) {
                message.text = text
            } else {
                message.text = ""
                root.errorRaised(text)
            }
            root.cancelRequested = false
        }
    }
}
