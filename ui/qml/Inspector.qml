import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import S2A.Ui

// The selected section: what it is (label, caption, energy), how to make it anew (engine, seed, steps,
// guidance, context), the Regenerate button, and its takes.
Pane {
    id: root

    required property EditorController editor
    required property var engines  // [{id, name, available, reason}]
    property string defaultEngine: "arranger"  // for a take no engine made (imported audio)
    // Settings > Generation's defaults; each regeneration may change them here.
    property int defaultTakes: 1
    property int defaultSteps: 32
    property real defaultGuidance: 4
    property int defaultContext: 10
    readonly property var section: editor.current
    readonly property bool hasSection: section.id !== undefined
    readonly property bool diffusion: engine.currentValue === "diffusion"
    property bool seedLocked: false
    property string seed: "0"
    // Diffusion: this job's weights file (a file: URL), or empty for the one in Settings.
    property string weights: ""
    signal regenerateRequested(var options)
    signal repaintRequested(var options)
    signal errorRaised(string message)
    // The user is done typing (Escape, Return): the window gives the keyboard back to the editor.
    signal editingFinished()

    function report(message) {
        if (message.length > 0)
            root.errorRaised(message)
    }
    function rollSeed() { root.seed = String(Math.floor(Math.random() * 2147483647) + 1) }
    // What the queue needs for this section, as the inspector shows it now.
    function regenerate() {
        if (!root.hasSection)
            return
        if (!root.seedLocked)
            root.rollSeed()
        root.regenerateRequested({ caption: captionEdit.text, seed: root.seed, steps: steps.value,
                                   guidance: guidance.value, contextSeconds: context.value, takes: takes.value,
                                   engine: engine.currentValue, weights: root.diffusion ? root.weights : "" })
    }

    // Only `stems` (track ids, or an instrument to add, named in the caption as `added`) of this section anew.
    function regenerateStems(stems, added) {
        if (!root.hasSection)
            return
        if (!root.seedLocked)
            root.rollSeed()
        const caption = added.length > 0 ? (captionEdit.text.length > 0 ? captionEdit.text + ", " : "") + added : captionEdit.text
        root.regenerateRequested({ caption: caption, seed: root.seed, steps: steps.value, guidance: guidance.value,
                                   contextSeconds: context.value, takes: 1, engine: engine.currentValue,
                                   weights: root.diffusion ? root.weights : "", stems: stems })
    }

    // A repaint of the loop region with this inspector's settings; the range keeps the caption of the section
    // holding its middle, so the caption field (this section's) is not sent.
    function repaint() {
        if (!root.seedLocked)
            root.rollSeed()
        root.repaintRequested({ seed: root.seed, steps: steps.value, guidance: guidance.value,
                                contextSeconds: context.value, takes: takes.value, engine: engine.currentValue,
                                weights: root.diffusion ? root.weights : "" })
    }

    // The engine choice follows the selected take: a section made by diffusion regenerates with diffusion
    // unless the user picks another. Only a change of section or take moves it, not every edit.
    readonly property string takeEngine: hasSection ? section.takeEngine : ""
    readonly property string followedTake: hasSection ? section.id + "/" + section.activeTakeId : ""
    onFollowedTakeChanged: {
        let index = engine.indexOfValue(root.takeEngine)
        if (index < 0)
            index = engine.indexOfValue(root.defaultEngine)
        if (index >= 0 && root.engines[index].available)
            engine.currentIndex = index
    }
    function engineName(id) {
        for (let i = 0; i < root.engines.length; ++i)
            if (root.engines[i].id === id)
                return root.engines[i].name
        return id
    }

    Component.onCompleted: rollSeed()
    padding: 12
    background: Rectangle { color: Theme.inspector }

    ScrollView {
        objectName: "inspectorScroll"
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 8
            enabled: root.hasSection

            Label {
                objectName: "inspectorHeading"
                text: root.hasSection ? qsTr("Section %1 · %2").arg(root.section.index + 1).arg(root.section.displayName)
                                      : qsTr("No section selected")
                font.pixelSize: 16
                font.bold: true
            }
            Label {
                text: qsTr("Label")
                opacity: 0.7
            }
            ComboBox {
                id: labelPicker
                objectName: "labelPicker"
                Layout.fillWidth: true
                editable: true
                model: root.editor.labelNames
                // Follows the selection; a custom name shows as typed text.
                Binding on editText { value: root.hasSection ? root.section.displayName : "" }
                // The ComboBox sets its text from item 0 ("intro") once it is complete, after the binding above
                // first applied: say the section's name again then (the first screen showed "intro" for "Song").
                Component.onCompleted: editText = root.hasSection ? root.section.displayName : ""
                onActivated: root.report(root.editor.rename(root.section.index, currentText))
                onAccepted: root.report(root.editor.rename(root.section.index, editText))
            }
            Label { text: qsTr("Caption"); opacity: 0.7 }
            TextArea {
                id: captionEdit
                objectName: "captionEditor"
                Layout.fillWidth: true
                Layout.preferredHeight: 70
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("e.g. sparse piano, brushed drums")
                text: root.hasSection ? root.section.caption : ""
                // Saved when the field loses focus (one undo step per edit, not per key): Escape, Return, a
                // click anywhere outside it (Main.qml) or Tab. Shift+Return starts a new line.
                onActiveFocusChanged: if (!activeFocus && root.hasSection)
                                          root.report(root.editor.setCaption(root.section.index, text))
                Keys.onEscapePressed: root.editingFinished()
                Keys.onReturnPressed: function (event) {
                    if (event.modifiers & Qt.ShiftModifier)
                        event.accepted = false
                    else
                        root.editingFinished()
                }
                Keys.onEnterPressed: root.editingFinished()
            }
            Label {
                objectName: "captionStorageNote"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Saved with this section and used each time it is regenerated.")
                font.pixelSize: 11
                opacity: 0.6
            }
            ToolButton {
                id: suggestionsToggle
                objectName: "suggestionsToggle"
                checkable: true
                text: (checked ? "▾ " : "▸ ") + qsTr("Suggestions")
                font.pixelSize: 11
            }
            Flow {
                Layout.fillWidth: true
                visible: suggestionsToggle.checked
                spacing: 4
                Repeater {
                    model: root.editor.captionSuggestions
                    delegate: Repeater {
                        required property var modelData
                        model: modelData.words
                        delegate: Button {
                            required property string modelData
                            text: modelData
                            font.pixelSize: 10
                            implicitHeight: 22
                            flat: true
                            onClicked: {
                                const current = captionEdit.text.trim()
                                captionEdit.text = current.length > 0 ? current + ", " + modelData : modelData
                                root.report(root.editor.setCaption(root.section.index, captionEdit.text))
                            }
                        }
                    }
                }
            }
            RowLayout {
                Label { text: qsTr("Energy"); opacity: 0.7 }
                Slider {
                    id: energy
                    objectName: "energySlider"
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: root.hasSection ? root.section.energy : 0.5
                    onPressedChanged: if (!pressed) root.report(root.editor.setEnergy(root.section.index, value))
                }
                Label { text: Math.round(energy.value * 100) + " %"; Layout.preferredWidth: 40 }
            }
            CheckBox {
                objectName: "lockCheck"
                text: qsTr("Locked (keeps its span and takes)")
                checked: root.hasSection && root.section.locked
                onClicked: root.report(root.editor.setLocked(root.section.index, checked))
            }

            Label {
                objectName: "takeOrigin"
                Layout.fillWidth: true
                visible: root.takeEngine.length > 0
                text: qsTr("This take was made by: %1").arg(root.engineName(root.takeEngine))
                wrapMode: Text.Wrap
                opacity: 0.7
            }
            MenuSeparator { Layout.fillWidth: true }
            Label { text: qsTr("Make it anew"); font.bold: true }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("Engine") }
                ComboBox {
                    id: engine
                    objectName: "engineChoice"
                    Layout.fillWidth: true
                    model: root.engines
                    textRole: "name"
                    valueRole: "id"
                    delegate: ItemDelegate {
                        required property var modelData
                        width: engine.width
                        text: modelData.name + (modelData.available ? "" : " — " + modelData.reason)
                        enabled: modelData.available
                    }
                }
                Label { text: qsTr("Seed") }
                RowLayout {
                    TextField {
                        objectName: "seedField"
                        Layout.fillWidth: true
                        text: root.seed
                        validator: RegularExpressionValidator { regularExpression: /[0-9]{1,20}/ }
                        onEditingFinished: { root.seed = text; root.seedLocked = true }
                    }
                    ToolButton {
                        text: "⚄"
                        font.pixelSize: 18
                        onClicked: root.rollSeed()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("New random seed")
                    }
                    CheckBox {
                        objectName: "seedLock"
                        text: qsTr("Keep")
                        checked: root.seedLocked
                        onToggled: root.seedLocked = checked
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Keep this seed for the next regeneration (else each one rolls a new seed)")
                    }
                }
                // Sampler settings and the model only mean something to the diffusion engine.
                Label { text: qsTr("Model"); visible: root.diffusion }
                RowLayout {
                    visible: root.diffusion
                    Label {
                        objectName: "weightsName"
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        text: root.weights.length > 0 ? decodeURIComponent(root.weights.split("/").pop()) : qsTr("As in Settings")
                    }
                    Button {
                        objectName: "weightsChoose"
                        text: qsTr("Choose…")
                        onClicked: DialogSupport.problem.length > 0 ? root.errorRaised(DialogSupport.problem) : jobWeightsDialog.open()
                    }
                    ToolButton {
                        objectName: "weightsReset"
                        visible: root.weights.length > 0
                        text: "✕"
                        onClicked: root.weights = ""
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Use the weights file chosen in Settings")
                    }
                }
                Label { text: qsTr("Steps"); visible: root.diffusion }
                SpinBox { id: steps; objectName: "stepsChoice"; from: 4; to: 200; value: root.defaultSteps; editable: true; visible: root.diffusion }
                Label { text: qsTr("Guidance"); visible: root.diffusion }
                RowLayout {
                    visible: root.diffusion
                    Slider { id: guidance; Layout.fillWidth: true; from: 1; to: 10; value: root.defaultGuidance; stepSize: 0.5 }
                    Label { text: guidance.value.toFixed(1) }
                }
                Label { text: qsTr("Context") }
                RowLayout {
                    Slider { id: context; Layout.fillWidth: true; from: 0; to: 30; value: root.defaultContext; stepSize: 1 }
                    Label { text: qsTr("%1 s").arg(context.value) }
                }
                Label { text: qsTr("Takes") }
                SpinBox {
                    id: takes
                    objectName: "takesChoice"
                    from: 1
                    to: 4
                    value: root.defaultTakes
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("How many takes one Regenerate makes (seeds one apart), to compare")
                }
            }
            Button {
                objectName: "regenerateButton"
                Layout.fillWidth: true
                text: qsTr("Regenerate (R)")
                highlighted: true
                enabled: root.hasSection && !root.section.locked
                onClicked: root.regenerate()
            }

            MenuSeparator { Layout.fillWidth: true }
            Label { text: qsTr("Takes"); font.bold: true }
            TakesList {
                objectName: "takesList"
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight + 4
                takes: root.editor.takes
                onErrorRaised: function (message) { root.errorRaised(message) }
            }

            // One stem anew, the others kept bit for bit (and the section's chords with them); or a new one.
            // Folded by default: the takes above stay in view for A/B.
            MenuSeparator { Layout.fillWidth: true }
            ToolButton {
                id: stemsToggle
                objectName: "stemsToggle"
                checkable: true
                text: (checked ? "▾ " : "▸ ") + qsTr("Stems")
                font.bold: true
            }
            Repeater {
                model: stemsToggle.checked ? root.editor.tracks : null
                delegate: RowLayout {
                    required property int index
                    required property string trackId
                    required property string name
                    Layout.fillWidth: true
                    Label { objectName: "trackName"; Layout.fillWidth: true; text: name; elide: Text.ElideRight }
                    ToolButton {
                        objectName: "regenerateStem_" + index
                        text: "↻"
                        enabled: root.hasSection && !root.section.locked
                        onClicked: root.regenerateStems([trackId], "")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Make only this stem anew in this section")
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                visible: stemsToggle.checked
                TextField {
                    id: newStem
                    objectName: "addStemField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("e.g. strings, brass")
                }
                Button {
                    objectName: "addStemButton"
                    text: qsTr("Add")
                    enabled: root.hasSection && !root.section.locked && newStem.text.trim().length > 0
                    onClicked: root.regenerateStems([newStem.text.trim()], newStem.text.trim())
                }
            }

        }
    }

    FileDialog {
        id: jobWeightsDialog
        title: qsTr("Weights for this regeneration")
        nameFilters: [qsTr("Safetensors weights (*.safetensors)")]
        onAccepted: root.weights = selectedFile.toString()
    }
}
