import QtQuick
import QtQuick.Controls
import S2A.Ui

// The song's sections as coloured blocks on the timeline. Click selects, double-click renames, right-click
// opens the section menu, and the edges between blocks drag (snapping to bars; Ctrl snaps to beats, Shift drags freely).
Rectangle {
    id: root

    required property EditorController editor
    readonly property TimelineController timeline: editor.timeline
    signal regenerateRequested(int index)
    signal errorRaised(string message)

    color: Theme.lane
    clip: true

    function report(message) {
        if (message.length > 0)
            root.errorRaised(message)
    }

    Repeater {
        id: blocks
        objectName: "sectionBlocks"
        model: root.editor.sections
        delegate: Rectangle {
            id: block
            required property int index
            required property string displayName
            required property string caption
            required property string colour
            required property bool locked
            required property int takeCount
            required property double start
            required property double end
            readonly property bool selected: index === root.editor.currentIndex

            objectName: "sectionBlock" + index
            x: (start - root.timeline.viewStart) / root.timeline.samplesPerPixel
            width: Math.max(1, (end - start) / root.timeline.samplesPerPixel - 1)
            height: root.height
            radius: 3
            color: colour
            opacity: selected ? 1.0 : 0.72
            border.width: selected ? 2 : 0
            border.color: Theme.bright

            Column {
                anchors.fill: parent
                anchors.margins: 5
                clip: true
                visible: !nameEditor.visible
                Label {
                    width: parent.width
                    text: block.displayName + (block.locked ? " · " + qsTr("locked") : "")
                          + (block.takeCount > 1 ? "  ·  " + qsTr("%n take(s)", "", block.takeCount) : "")
                    font.bold: true
                    color: "white"
                    elide: Text.ElideRight
                }
                Label {
                    width: parent.width
                    text: block.caption
                    elide: Text.ElideRight
                    color: "#f1f3f5"
                    font.pixelSize: 11
                }
            }

            TextField {
                id: nameEditor
                objectName: "sectionNameEditor"
                visible: false
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 3
                selectByMouse: true
                onAccepted: {
                    visible = false
                    root.report(root.editor.rename(block.index, text))
                }
                onActiveFocusChanged: if (!activeFocus) visible = false
                Keys.onEscapePressed: visible = false
            }

            function startRename() {
                nameEditor.text = block.displayName
                nameEditor.visible = true
                nameEditor.forceActiveFocus()
                nameEditor.selectAll()
            }

            MouseArea {
                anchors.fill: parent
                acceptedButtons: Qt.LeftButton | Qt.RightButton
                onPressed: function (mouse) {
                    root.editor.currentIndex = block.index
                    if (mouse.button === Qt.RightButton)
                        sectionMenu.popup()
                }
                onDoubleClicked: function (mouse) {
                    if (mouse.button === Qt.LeftButton)
                        block.startRename()
                }
            }

            ToolTip.visible: hover.hovered && !nameEditor.visible
            ToolTip.delay: 600
            ToolTip.text: block.displayName + (block.caption.length > 0 ? ": " + block.caption : "")
            HoverHandler { id: hover }

            Menu {
                id: sectionMenu
                MenuItem { text: qsTr("Regenerate"); enabled: !block.locked; onTriggered: root.regenerateRequested(block.index) }
                MenuItem { text: qsTr("Rename…"); onTriggered: block.startRename() }
                MenuItem {
                    text: block.locked ? qsTr("Unlock") : qsTr("Lock")
                    onTriggered: root.report(root.editor.setLocked(block.index, !block.locked))
                }
                MenuItem { text: qsTr("Loop this section"); onTriggered: root.editor.loopSection(block.index) }
                MenuItem { text: qsTr("Copy caption"); onTriggered: root.editor.copyCaption(block.index) }
                MenuSeparator {}
                MenuItem { text: qsTr("Split at playhead"); onTriggered: root.report(root.editor.splitAtPlayhead()) }
                MenuItem { text: qsTr("Merge with next"); onTriggered: root.report(root.editor.mergeWithNext(block.index)) }
                MenuItem { text: qsTr("Delete (merge into neighbour)"); onTriggered: root.report(root.editor.deleteSection(block.index)) }
            }
        }
    }

    // Boundary handles sit above the blocks so an edge wins over the block it touches.
    Repeater {
        model: root.editor.sections
        delegate: MouseArea {
            id: handle
            required property int index
            required property double end
            objectName: "boundaryHandle" + index
            visible: index < root.editor.sections.count - 1
            x: (end - root.timeline.viewStart) / root.timeline.samplesPerPixel - width / 2
            width: 10
            height: root.height
            cursorShape: Qt.SplitHCursor
            preventStealing: true
            onPressed: root.editor.currentIndex = index
            onPositionChanged: function (mouse) {
                if (!pressed)
                    return
                const laneX = mapToItem(root, mouse.x, 0).x
                root.editor.moveBoundary(index, root.timeline.positionForX(laneX), mouse.modifiers)
            }
            onReleased: root.editor.finishBoundaryDrag()
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                width: handle.containsMouse || handle.pressed ? 3 : 1
                height: parent.height
                color: handle.pressed ? Theme.bright : Theme.handle
                opacity: 0.8
            }
            hoverEnabled: true
        }
    }
}
