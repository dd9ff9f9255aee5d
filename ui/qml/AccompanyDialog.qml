import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import S2A.Ui

// File > Accompany a Recording…: a sung or played part (a vocal, a guitar take, a piano sketch) becomes a locked
// track of a new song; its tempo, bar 1, key, chords and sections are found, and a band in the caption's style
// is made around it, one take per section (the recording alone stays as each section's first take). The song
// opens when it is done; the chord lane and the sections can then be corrected and any section made anew.
Dialog {
    id: root

    required property DocumentController document
    signal errorRaised(string message)

    // The roles a recording can have, as project.json spells them (the band leaves that role out).
    readonly property var roles: ["lead", "vocals", "guitar", "keys", "bass", "strings", "other"]
    readonly property var roleNames: [qsTr("Lead melody"), qsTr("Vocals"), qsTr("Guitar"), qsTr("Keys"), qsTr("Bass"),
                                      qsTr("Strings"), qsTr("Other")]
    property url recording: ""

    function start() {
        root.errorRaised(root.document.accompany(root.recording, caption.text, trackName.text, root.roles[roleBox.currentIndex],
                                                 tune.checked, seedField.text))
    }

    title: qsTr("Accompany a Recording")
    modal: true
    standardButtons: Dialog.NoButton
    width: 560
    onOpened: caption.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 12

            Label { text: qsTr("Recording") }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "accompanyFile"
                    Layout.fillWidth: true
                    elide: Text.ElideMiddle
                    text: root.recording.toString().length > 0 ? decodeURIComponent(root.recording.toString().replace(/^file:\/\//, ""))
                                                               : qsTr("No file chosen")
                    opacity: root.recording.toString().length > 0 ? 1.0 : 0.6
                }
                Button {
                    objectName: "accompanyChoose"
                    text: qsTr("Choose…")
                    onClicked: DialogSupport.problem.length > 0 ? root.errorRaised(DialogSupport.problem) : fileDialog.open()
                }
            }

            Label { text: qsTr("It plays") }
            ColumnLayout {
                RadioButton {
                    id: tune
                    objectName: "accompanyTune"
                    checked: true
                    text: qsTr("a tune (a voice, a lead): find chords that fit it")
                }
                RadioButton {
                    objectName: "accompanyPlayed"
                    text: qsTr("the chords (a guitar, a piano): follow them")
                }
            }

            Label { text: qsTr("Track") }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: trackName
                    objectName: "accompanyTrackName"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Recording")
                }
                ComboBox {
                    id: roleBox
                    objectName: "accompanyRole"
                    model: root.roleNames
                }
            }

            Label { text: qsTr("The band") }
            TextField {
                id: caption
                objectName: "accompanyCaption"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. soul with rhodes, bass and brushed drums")
            }

            Label { text: qsTr("Seed") }
            TextField {
                id: seedField
                objectName: "accompanySeed"
                Layout.fillWidth: true
                placeholderText: qsTr("new each time")
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,19}/ }
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
            Button {
                objectName: "accompanyStart"
                text: qsTr("Accompany")
                highlighted: true
                enabled: root.recording.toString().length > 0
                onClicked: {
                    root.accept()
                    root.start()
                }
            }
        }
    }

    FileDialog {
        id: fileDialog
        objectName: "accompanyFileDialog"
        title: qsTr("Choose a recording to accompany")
        nameFilters: [qsTr("Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)"), qsTr("All files (*)")]
        onAccepted: root.recording = selectedFile
    }
}
