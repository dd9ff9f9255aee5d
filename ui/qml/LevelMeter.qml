import QtQuick
import QtQuick.Controls
import S2A.Ui

// A peak meter on a -60..0 dBFS scale (TransportModel::meterScale), green, amber above -12 dB, red near full
// scale, with tick marks at -48, -24, -12, -6 and 0 dB; `labels` adds their numbers under the bar.
Item {
    id: root

    property real level: 0
    property bool labels: false
    readonly property var ticks: [-48, -24, -12, -6, 0]
    function xOf(db) { return width * (db + 60) / 60 }

    implicitWidth: 120
    implicitHeight: labels ? 5 + 11 : 4

    Rectangle {
        id: bar
        width: parent.width
        height: root.labels ? 5 : 4
        color: Theme.sunken
        Rectangle {
            objectName: "meterFill"
            width: parent.width * root.level
            height: parent.height
            color: root.level > 0.95 ? "#e03131" : root.level > 0.8 ? "#f59f00" : "#40c057"
        }
        Repeater {
            model: root.ticks
            delegate: Rectangle {
                required property int modelData
                x: Math.min(root.xOf(modelData), bar.width - 1)
                width: 1
                height: bar.height
                color: Theme.line
                opacity: 0.8
            }
        }
    }
    Repeater {
        model: root.labels ? [-48, -24, -12, 0] : []
        delegate: Label {
            required property int modelData
            objectName: "meterScaleLabel"
            y: bar.height
            x: Math.max(0, Math.min(root.xOf(modelData) - width / 2, root.width - width))
            text: String(modelData)
            font.pixelSize: 8
            color: Theme.textDim
        }
    }
}
