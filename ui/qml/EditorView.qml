import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// The timeline: the ruler, the section lane and one lane per track, with the playhead, the loop region and
// the selected section drawn across all of them. Ctrl+wheel zooms around the mouse, Shift+wheel (or a
// horizontal wheel) scrolls the song, the plain wheel scrolls the tracks.
Item {
    id: root

    required property EditorController editor
    required property TransportModel transport
    readonly property TimelineController timeline: editor.timeline
    readonly property real headerWidth: 180
    signal regenerateRequested(int index)
    signal repaintRequested()
    signal errorRaised(string message)

    function xOf(sample) { return (sample - timeline.viewStart) / timeline.samplesPerPixel }

    // The editor holds the keyboard when no text field does: the window's single-key shortcuts and Space act
    // on it. Main.qml hands it back after a text edit.
    activeFocusOnTab: true

    // The timeline's view is as wide as the lanes right of the track headers.
    Binding { target: root.timeline; property: "viewWidth"; value: Math.max(1, root.width - root.headerWidth) }

    // Follow the playhead while playing, page by page as DAWs do.
    Connections {
        target: root.transport
        function onPositionChanged() {
            if (root.transport.playing)
                root.timeline.ensureVisible(root.transport.position)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredHeight: 24
            Rectangle {
                Layout.preferredWidth: root.headerWidth
                Layout.fillHeight: true
                color: Theme.header
                Label {
                    anchors.centerIn: parent
                    text: root.transport.barBeatText
                    font.family: "monospace"
                    opacity: 0.7
                }
            }
            TimelineRuler {
                objectName: "ruler"
                Layout.fillWidth: true
                Layout.preferredHeight: 28
                timeline: root.timeline
                transport: root.transport
                loopEditor: root.editor.loop
                onSeekRequested: function (sample) { root.transport.seek(sample) }
                onRepaintRequested: root.repaintRequested()
            }
        }
        RowLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredHeight: 20
            Rectangle {
                Layout.preferredWidth: root.headerWidth
                Layout.fillHeight: true
                color: Theme.header
                Label {
                    anchors.left: parent.left
                    anchors.leftMargin: 10
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Markers")
                    font.pixelSize: 11
                    opacity: 0.7
                }
                ToolButton {
                    objectName: "addMarkerButton"
                    anchors.right: parent.right
                    height: parent.height
                    width: 28
                    padding: 0
                    text: "+"
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Add a marker at the playhead (Ctrl+M)")
                    onClicked: {
                        const message = root.editor.markers.addAtPlayhead()
                        if (message.length > 0)
                            root.errorRaised(message)
                    }
                }
            }
            MarkerLane {
                objectName: "markerLane"
                Layout.fillWidth: true
                Layout.preferredHeight: 20
                timeline: root.timeline
                markers: root.editor.markers
                onErrorRaised: function (message) { root.errorRaised(message) }
                onEditingFinished: root.forceActiveFocus()
            }
        }
        RowLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredHeight: 22
            Rectangle {
                Layout.preferredWidth: root.headerWidth
                Layout.fillHeight: true
                color: Theme.header
                Label {
                    anchors.left: parent.left
                    anchors.leftMargin: 10
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Chords")
                    font.pixelSize: 11
                    opacity: 0.7
                }
            }
            ChordLane {
                objectName: "chordLane"
                Layout.fillWidth: true
                Layout.preferredHeight: 22
                timeline: root.timeline
                chords: root.editor.chords
                onErrorRaised: function (message) { root.errorRaised(message) }
                onEditingFinished: root.forceActiveFocus()
            }
        }
        RowLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: false
            Layout.preferredHeight: 52
            Rectangle {
                Layout.preferredWidth: root.headerWidth
                Layout.fillHeight: true
                color: Theme.panel
                Label {
                    anchors.left: parent.left
                    anchors.leftMargin: 10
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Sections")
                    font.bold: true
                    opacity: 0.8
                }
            }
            SectionLane {
                id: sectionLane
                objectName: "sectionLane"
                Layout.fillWidth: true
                Layout.preferredHeight: 52
                editor: root.editor
                onRegenerateRequested: function (index) { root.regenerateRequested(index) }
                onErrorRaised: function (message) { root.errorRaised(message) }
            }
        }
        ListView {
            id: trackList
            objectName: "trackList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.editor.tracks
            boundsBehavior: Flickable.StopAtBounds
            interactive: false  // the wheel handler below scrolls it; dragging in the lanes is for editing
            delegate: TrackLane {
                width: trackList.width
                height: 84
                editor: root.editor
                transport: root.transport
                headerWidth: root.headerWidth
                onErrorRaised: function (message) { root.errorRaised(message) }
                // A click in a lane selects the section under it and moves the playhead there.
                onLaneClicked: function (x) {
                    const sample = root.timeline.positionForX(x)
                    root.editor.selectAt(sample)
                    root.transport.seek(sample)
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
        ScrollBar {
            id: hbar
            objectName: "timelineScrollBar"
            Layout.fillWidth: true
            Layout.leftMargin: root.headerWidth
            orientation: Qt.Horizontal
            policy: ScrollBar.AlwaysOn
            size: Math.min(1, root.timeline.viewWidth / Math.max(1, root.timeline.contentWidth))
            position: root.timeline.viewStart / Math.max(1, root.timeline.songLength)
            onPositionChanged: if (pressed) root.timeline.viewStart = position * root.timeline.songLength
        }
    }

    Label {
        anchors.centerIn: parent
        visible: trackList.count === 0
        text: qsTr("No tracks yet: generate a song (File > New…) or import audio (Ctrl+I).")
        opacity: 0.6
    }

    // Overlays across the section lane and the track lanes.
    Item {
        id: overlay
        x: root.headerWidth
        y: 24
        width: root.width - root.headerWidth
        height: root.height - 24 - hbar.height
        clip: true

        Rectangle {
            objectName: "selectionOverlay"
            readonly property var current: root.editor.current
            visible: current.start !== undefined
            x: visible ? root.xOf(current.start) : 0
            width: visible ? (current.end - current.start) / root.timeline.samplesPerPixel : 0
            height: parent.height
            color: Theme.bright
            opacity: 0.05
        }
        Rectangle {
            objectName: "loopOverlay"
            visible: root.transport.looping
            x: root.xOf(root.transport.loopStart)
            width: (root.transport.loopEnd - root.transport.loopStart) / root.timeline.samplesPerPixel
            height: parent.height
            color: Theme.accent
            opacity: 0.14
            Rectangle { width: 1; height: parent.height; color: Theme.accent }
            Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.accent }
        }
        Rectangle {
            objectName: "playheadLine"
            x: root.xOf(root.transport.position)
            width: 2
            height: parent.height
            color: Theme.bright
        }
    }

    WheelHandler {
        acceptedModifiers: Qt.ControlModifier
        onWheel: function (event) {
            const x = point.position.x - root.headerWidth
            if (event.angleDelta.y > 0)
                root.timeline.zoomIn(x)
            else if (event.angleDelta.y < 0)
                root.timeline.zoomOut(x)
        }
    }
    WheelHandler {
        acceptedModifiers: Qt.ShiftModifier
        onWheel: function (event) { root.timeline.scrollByPixels(-event.angleDelta.y / 2) }
    }
    WheelHandler {
        acceptedModifiers: Qt.NoModifier
        onWheel: function (event) {
            if (event.angleDelta.x !== 0)
                root.timeline.scrollByPixels(-event.angleDelta.x / 2)
            if (event.angleDelta.y !== 0)
                trackList.contentY = Math.max(0, Math.min(trackList.contentHeight - trackList.height,
                                                          trackList.contentY - event.angleDelta.y / 2))
        }
    }
}
