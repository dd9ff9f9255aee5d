import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import S2A.Ui

// Edit > Settings…: one dialog, three pages. Audio changes apply with Apply (the stream reopens where the
// transport was); the other pages apply as they are edited, the language at the next start.
Dialog {
    id: root

    required property AudioSettings audio
    required property EngineSettings engine
    required property GeneralSettings general
    property string runtime: ""
    signal errorRaised(string message)

    // Opens on a page: 0 audio, 1 generation, 2 general.
    function openAt(page) {
        tabs.currentIndex = page
        open()
    }

    title: qsTr("Settings")
    modal: true
    standardButtons: Dialog.Close
    width: 560

    onOpened: {
        root.audio.refresh()
        root.resetAudioChoices()
    }
    function resetAudioChoices() {
        deviceBox.currentIndex = root.audio.currentIndex
        rateBox.currentIndex = Math.max(0, rateBox.indexOfValue(root.audio.sampleRate))
        bufferBox.currentIndex = Math.max(0, bufferBox.indexOfValue(root.audio.framesPerBuffer))
    }
    function rateName(rate) { return rate === 0 ? qsTr("Device default") : qsTr("%1 Hz").arg(rate) }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        TabBar {
            id: tabs
            objectName: "settingsTabs"
            Layout.fillWidth: true
            TabButton { objectName: "settingsTabAudio"; text: qsTr("Audio") }
            TabButton { objectName: "settingsTabGeneration"; text: qsTr("Generation") }
            TabButton { objectName: "settingsTabGeneral"; text: qsTr("General") }
        }

        StackLayout {
            Layout.fillWidth: true
            currentIndex: tabs.currentIndex

            // ---- Audio ----------------------------------------------------------------------------------
            GridLayout {
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                Label { text: qsTr("Output device") }
                ComboBox {
                    id: deviceBox
                    objectName: "audioDeviceChoice"
                    Layout.fillWidth: true
                    model: root.audio.devices
                    // The one in use is marked, so a user sees what plays now while choosing another.
                    displayText: currentIndex < 0 ? qsTr("System default") : currentText
                    delegate: ItemDelegate {
                        required property string modelData
                        required property int index
                        width: deviceBox.width
                        text: index === root.audio.currentIndex ? qsTr("%1 (in use)").arg(modelData) : modelData
                        highlighted: deviceBox.highlightedIndex === index
                    }
                }
                Label { text: qsTr("Sample rate") }
                ComboBox {
                    id: rateBox
                    objectName: "audioRateChoice"
                    Layout.fillWidth: true
                    model: root.audio.sampleRates.map(function (rate) { return { value: rate, text: root.rateName(rate) } })
                    textRole: "text"
                    valueRole: "value"
                }
                Label { text: qsTr("Buffer size") }
                ComboBox {
                    id: bufferBox
                    objectName: "audioBufferChoice"
                    Layout.fillWidth: true
                    model: root.audio.bufferSizes.map(function (frames) { return { value: frames, text: qsTr("%1 frames").arg(frames) } })
                    textRole: "text"
                    valueRole: "value"
                }
                Label { text: qsTr("Now") }
                Label {
                    objectName: "audioStreamText"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: root.audio.streamText
                }
                RowLayout {
                    Layout.columnSpan: 2
                    Layout.alignment: Qt.AlignRight
                    Button {
                        objectName: "audioTestTone"
                        text: qsTr("Test Tone")
                        onClicked: {
                            const message = root.audio.playTestTone()
                            if (message.length > 0)
                                root.errorRaised(message)
                        }
                    }
                    Button {
                        objectName: "audioApply"
                        text: qsTr("Apply")
                        onClicked: {
                            const message = root.audio.apply(deviceBox.currentIndex, rateBox.currentValue, bufferBox.currentValue)
                            root.resetAudioChoices()
                            if (message.length > 0)
                                root.errorRaised(message)
                        }
                    }
                }
            }

            // ---- Generation -----------------------------------------------------------------------------
            GridLayout {
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                Label { text: qsTr("New songs use") }
                ComboBox {
                    objectName: "defaultEngineChoice"
                    Layout.fillWidth: true
                    model: [{ value: "arranger", text: qsTr("Arranger (procedural)") },
                            { value: "diffusion", text: qsTr("Diffusion") }]
                    textRole: "text"
                    valueRole: "value"
                    currentIndex: count > 0 ? Math.max(0, indexOfValue(root.engine.defaultEngine)) : -1  // count: re-read once the model is in
                    onActivated: root.engine.defaultEngine = currentValue
                }
                Label { text: qsTr("Takes per Regenerate") }
                SpinBox {
                    objectName: "takesPerJobChoice"
                    from: 1
                    to: 4
                    value: root.engine.takesPerJob
                    onValueModified: root.engine.takesPerJob = value
                }
                Label { text: qsTr("Context") }
                SpinBox {
                    objectName: "contextChoice"
                    from: 0
                    to: 30
                    value: root.engine.defaultContext
                    textFromValue: function (value) { return qsTr("%1 s").arg(value) }
                    valueFromText: function (text) { return parseInt(text) }
                    onValueModified: root.engine.defaultContext = value
                }
                Label { text: qsTr("Diffusion steps") }
                SpinBox {
                    objectName: "defaultStepsChoice"
                    from: 4
                    to: 200
                    editable: true
                    value: root.engine.defaultSteps
                    onValueModified: root.engine.defaultSteps = value
                }
                Label { text: qsTr("Guidance") }
                SpinBox {
                    objectName: "defaultGuidanceChoice"
                    // In half steps: 2 to 20 stand for 1.0 to 10.0.
                    from: 2
                    to: 20
                    value: Math.round(root.engine.defaultGuidance * 2)
                    textFromValue: function (value) { return (value / 2).toFixed(1) }
                    valueFromText: function (text) { return Math.round(parseFloat(text) * 2) }
                    onValueModified: root.engine.defaultGuidance = value / 2
                }
                Label { text: qsTr("Diffusion device") }
                ComboBox {
                    objectName: "deviceChoice"
                    Layout.fillWidth: true
                    model: root.engine.devices
                    currentIndex: Math.max(0, root.engine.devices.indexOf(root.engine.device))
                    displayText: ({ "auto": qsTr("Automatic (GPU when there is one)"), "cpu": qsTr("CPU"),
                                    "cuda": qsTr("CUDA GPU") })[currentText] || currentText
                    onActivated: root.engine.device = currentText
                }
                Label { text: qsTr("CPU threads") }
                SpinBox {
                    objectName: "threadsChoice"
                    from: 0
                    to: root.engine.maxThreads
                    value: root.engine.threads
                    textFromValue: function (value) { return value === 0 ? qsTr("one per core") : String(value) }
                    onValueModified: root.engine.threads = value
                }
                Label { text: qsTr("Model") }
                ComboBox {
                    id: configBox
                    objectName: "configChoice"
                    Layout.fillWidth: true
                    model: root.engine.configs
                    currentIndex: Math.max(0, root.engine.configs.indexOf(root.engine.config))
                    onActivated: root.engine.chooseWeights(currentText, "")
                }
                Label { text: qsTr("Weights file") }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        objectName: "weightsPath"
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        text: root.engine.weightsPath
                        color: root.engine.hasWeights ? palette.windowText : Theme.warning
                    }
                    Button {
                        objectName: "weightsBrowse"
                        text: qsTr("Choose…")
                        enabled: !root.engine.checking
                        onClicked: {
                            if (DialogSupport.problem.length > 0)
                                root.errorRaised(DialogSupport.problem)
                            else
                                weightsDialog.open()
                        }
                    }
                }
                Label {
                    objectName: "weightsCheck"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    wrapMode: Text.WrapAnywhere
                    visible: text.length > 0
                    color: root.engine.checkPassed || root.engine.checking ? palette.windowText : Theme.warning
                    text: root.engine.checkText
                }
                Label {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    opacity: 0.7
                    text: qsTr("Changes apply from the next generation. Running now: %1").arg(root.runtime)
                }
            }

            // ---- General --------------------------------------------------------------------------------
            GridLayout {
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                Label { text: qsTr("Autosave every") }
                SpinBox {
                    objectName: "autosaveSeconds"
                    from: root.general.minAutosaveSeconds
                    to: root.general.maxAutosaveSeconds
                    editable: true
                    value: root.general.autosaveSeconds
                    textFromValue: function (value) { return qsTr("%n second(s)", "", value) }
                    valueFromText: function (text) { return parseInt(text) }
                    onValueModified: root.general.autosaveSeconds = value
                }
                Label { text: qsTr("Language") }
                ComboBox {
                    objectName: "languageChoice"
                    Layout.fillWidth: true
                    model: root.general.languages
                    textRole: "name"
                    valueRole: "code"
                    currentIndex: count > 0 ? Math.max(0, indexOfValue(root.general.language)) : -1  // count: re-read once the model is in
                    onActivated: root.general.language = currentValue
                }
                Label { text: qsTr("Theme") }
                ComboBox {
                    objectName: "themeChoice"
                    Layout.fillWidth: true
                    model: [{ value: "dark", text: qsTr("Dark") }, { value: "light", text: qsTr("Light") }]
                    textRole: "text"
                    valueRole: "value"
                    currentIndex: count > 0 ? Math.max(0, indexOfValue(root.general.theme)) : -1  // count: re-read once the model is in
                    onActivated: root.general.theme = currentValue
                }
                Label {
                    objectName: "restartNotice"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    visible: root.general.restartNeeded
                    text: qsTr("Language and theme changes apply when S2A Studio starts next.")
                }
            }
        }
    }

    FileDialog {
        id: weightsDialog
        title: qsTr("Choose a weights file")
        nameFilters: [qsTr("Safetensors weights (*.safetensors)")]
        onAccepted: root.engine.chooseWeightsUrl(configBox.currentText, selectedFile)
    }
}
