import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// One stem: its header (name, mute, solo, gain, the view toggle) and its waveform or spectrogram along the
// timeline.
Item {
    id: root

    required property EditorController editor
    required property TransportModel transport
    required property int index
    required property string name
    required property string role
    required property string colour
    required property bool mute
    required property bool solo
    required property bool audible
    required property double gainDb
    required property var clips
    required property bool spectrogram
    required property bool locked
    property real headerWidth: 180
    signal errorRaised(string message)
    signal laneClicked(real x)

    function report(message) {
        if (message.length > 0)
            root.errorRaised(message)
    }

    Rectangle {
        id: header
        width: root.headerWidth
        height: root.height
        color: Theme.panel
        Rectangle { width: 4; height: parent.height; color: root.colour }
        ColumnLayout {
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 6
            anchors.topMargin: 4
            anchors.bottomMargin: 4
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "trackName"
                    Layout.fillWidth: true
                    text: root.name
                    elide: Text.ElideRight
                    font.bold: true
                }
                Button {
                    objectName: "muteButton"
                    text: qsTr("M")
                    checkable: true
                    checked: root.mute
                    implicitWidth: 26
                    implicitHeight: 22
                    palette.button: checked ? "#e8590c" : Theme.control
                    onClicked: root.report(root.editor.tracks.setMute(root.index, checked))
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Mute")
                }
                Button {
                    objectName: "soloButton"
                    text: qsTr("S")
                    checkable: true
                    checked: root.solo
                    implicitWidth: 26
                    implicitHeight: 22
                    palette.button: checked ? "#f59f00" : Theme.control
                    onClicked: root.report(root.editor.tracks.setSolo(root.index, checked))
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Solo")
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "trackRole"
                    Layout.fillWidth: true
                    // The user's own recording says so (in the colour of a locked thing): no engine writes it.
                    text: root.locked ? qsTr("%1 · your recording").arg(root.role) : root.role
                    color: root.locked ? "#ffd43b" : palette.windowText
                    elide: Text.ElideRight
                    opacity: root.locked ? 1.0 : 0.6
                    font.pixelSize: 11
                    ToolTip.visible: root.locked && lockedHover.hovered
                    ToolTip.text: qsTr("Your own recording: regenerating a section, a range or a stem never changes it")
                    HoverHandler { id: lockedHover }
                }
                // Waveform or spectrogram, for this lane only (View > Spectrograms switches every lane).
                Button {
                    objectName: "spectrogramButton"
                    text: qsTr("Spectrogram")
                    checkable: true
                    checked: root.spectrogram
                    implicitHeight: 18
                    font.pixelSize: 10
                    palette.button: checked ? "#5f3dc4" : Theme.control
                    onClicked: root.editor.tracks.setSpectrogram(root.index, checked)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Show this track as a spectrogram: pitched sound draws lines, noise a haze")
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Slider {
                    id: gain
                    Layout.fillWidth: true
                    from: -36
                    to: 12
                    value: root.gainDb
                    implicitHeight: 18
                    onMoved: root.report(root.editor.tracks.setGain(root.index, value))
                    onPressedChanged: if (!pressed) root.editor.tracks.finishGesture()
                }
                Label {
                    text: qsTr("%1 dB").arg(root.gainDb.toFixed(1))
                    font.pixelSize: 10
                    opacity: 0.7
                    Layout.preferredWidth: 44
                }
            }
            // What this stem plays now, post-fader.
            LevelMeter {
                objectName: "trackMeter"
                Layout.fillWidth: true
                level: root.transport.trackLevels[root.index] ?? 0
            }
        }
        TapHandler { onDoubleTapped: root.report(root.editor.tracks.setGain(root.index, 0)) }
    }

    Rectangle {
        id: lane
        anchors.left: header.right
        anchors.right: parent.right
        height: root.height
        color: root.index % 2 ? Theme.laneOdd : Theme.laneEven
        clip: true

        Waveform {
            id: waveform
            objectName: "waveform"
            visible: !root.spectrogram
            anchors.fill: parent
            anchors.topMargin: 2
            anchors.bottomMargin: 2
            audioDir: root.editor.audioDir
            clips: root.clips
            sampleRate: root.editor.sampleRate
            viewStart: root.editor.timeline.viewStart
            samplesPerPixel: root.editor.timeline.samplesPerPixel
            colour: root.colour
            normalize: true
            opacity: root.audible ? 1.0 : 0.35  // muted, or silenced by another track's solo
        }
        // Given clips only while shown: a lane never looked at as a spectrogram never computes one.
        Spectrogram {
            id: spectrogramView
            objectName: "spectrogram"
            anchors.fill: parent
            anchors.topMargin: 2
            anchors.bottomMargin: 2
            visible: root.spectrogram
            audioDir: root.editor.audioDir
            clips: root.spectrogram ? root.clips : []
            sampleRate: root.editor.sampleRate
            viewStart: root.editor.timeline.viewStart
            samplesPerPixel: root.editor.timeline.samplesPerPixel
            opacity: root.audible ? 1.0 : 0.35
        }
        // While peaks are computed the waveform draws a striped placeholder; this says what the stripes mean.
        Label {
            objectName: "waveformLoading"
            anchors.centerIn: parent
            visible: waveform.visible && waveform.loading
            text: qsTr("Computing waveform…")
            font.pixelSize: 11
            opacity: 0.8
        }
        Label {
            objectName: "spectrogramLoading"
            anchors.centerIn: parent
            visible: spectrogramView.visible && spectrogramView.loading
            text: qsTr("Computing spectrogram…")
            font.pixelSize: 11
            opacity: 0.8
        }
        TapHandler { onTapped: function (eventPoint) { root.laneClicked(eventPoint.position.x) } }
    }
    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.line }
}
