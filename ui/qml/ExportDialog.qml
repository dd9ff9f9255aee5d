import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import S2A.Ui

// File > Export…: what to write, in which format, how loud; progress and cancel while it runs.
Dialog {
    id: root

    required property ExportModel exporter
    // The transport's loop region (project samples), offered as "Loop region" while looping.
    property bool looping: false
    property real loopStart: 0
    property real loopEnd: 0
    property url folder
    signal errorRaised(string message)

    title: qsTr("Export")
    modal: true
    standardButtons: Dialog.NoButton
    anchors.centerIn: parent
    width: 460

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        GridLayout {
            columns: 2
            columnSpacing: 12
            enabled: !root.exporter.running

            Label { text: qsTr("Export") }
            ComboBox {
                id: what
                objectName: "exportWhat"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [{ text: qsTr("Stems and mix"), value: "stems" }, { text: qsTr("Mix only"), value: "mix" },
                        { text: qsTr("Each section (stems and mix)"), value: "sections" }]
                       .concat(root.looping ? [{ text: qsTr("Loop region (stems and mix)"), value: "range" }] : [])
            }
            Label { text: qsTr("Format") }
            ComboBox {
                id: format
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                currentIndex: 1
                model: [{ text: qsTr("FLAC 16-bit"), value: "flac16" }, { text: qsTr("FLAC 24-bit"), value: "flac24" },
                        { text: qsTr("WAV 16-bit"), value: "wav16" }, { text: qsTr("WAV 24-bit"), value: "wav24" },
                        { text: qsTr("WAV 32-bit float"), value: "wav32" }, { text: qsTr("OGG Vorbis"), value: "ogg" },
                        { text: qsTr("MP3 320 kbit/s"), value: "mp3" }]
            }
            Label { text: qsTr("Sample rate") }
            ComboBox {
                id: rate
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [{ text: qsTr("Song's rate"), value: 0 }, { text: "44.1 kHz", value: 44100 },
                        { text: "48 kHz", value: 48000 }, { text: "96 kHz", value: 96000 }]
            }
            Label { text: qsTr("Loudness") }
            ComboBox {
                id: loudness
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [{ text: qsTr("As mixed"), value: 0 }, { text: qsTr("-14 LUFS (streaming)"), value: -14 },
                        { text: qsTr("-16 LUFS"), value: -16 }, { text: qsTr("-23 LUFS (broadcast)"), value: -23 }]
            }
            Label { text: qsTr("Folder") }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideMiddle
                    text: root.folder.toString().length > 0 ? decodeURIComponent(root.folder.toString().replace("file://", ""))
                                                            : qsTr("(choose)")
                }
                Button {
                    objectName: "exportChooseFolder"
                    text: qsTr("Choose…")
                    // DialogSupport.h: a FolderDialog whose implementation cannot load must not be opened.
                    onClicked: DialogSupport.problem.length > 0 ? root.errorRaised(DialogSupport.problem) : folderDialog.open()
                }
            }
            CheckBox {
                id: midi
                objectName: "exportMidi"
                Layout.columnSpan: 2
                enabled: what.currentValue !== "sections"
                text: qsTr("Also each track's notes as MIDI (arranger takes)")
            }
            CheckBox { id: overwrite; Layout.columnSpan: 2; text: qsTr("Replace files that exist already") }
        }

        ProgressBar {
            Layout.fillWidth: true
            visible: root.exporter.running
            value: root.exporter.progress
        }
        Label {
            Layout.fillWidth: true
            visible: root.exporter.running
            text: root.exporter.stage
            opacity: 0.7
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                text: root.exporter.running ? qsTr("Cancel export") : qsTr("Close")
                onClicked: root.exporter.running ? root.exporter.cancel() : root.close()
            }
            Button {
                text: qsTr("Export")
                highlighted: true
                enabled: !root.exporter.running && root.folder.toString().length > 0
                onClicked: {
                    const message = root.exporter.start(root.folder, what.currentValue, format.currentValue,
                                                        rate.currentValue, loudness.currentValue, overwrite.checked,
                                                        root.loopStart, root.loopEnd, midi.checked && midi.enabled)
                    if (message.length > 0)
                        root.errorRaised(message)
                }
            }
        }
    }

    FolderDialog {
        id: folderDialog
        objectName: "exportFolderDialog"
        title: qsTr("Export into")
        onAccepted: root.folder = selectedFolder
    }

    Connections {
        target: root.exporter
        function onFinished(ok, message) {
            root.errorRaised(message)  // shown either way: the files written, or why none were
            if (ok)
                root.close()
        }
    }
}
