import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import S2A.Ui

// Generate > Engine Settings…: where the diffusion engine runs and with how many CPU threads.
Dialog {
    id: root

    required property EngineSettings settings
    property string runtime: ""

    title: qsTr("Engine settings")
    modal: true
    standardButtons: Dialog.Close
    width: 420

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 12
        Label { text: qsTr("Diffusion device") }
        ComboBox {
            objectName: "deviceChoice"
            Layout.fillWidth: true
            model: root.settings.devices
            currentIndex: Math.max(0, root.settings.devices.indexOf(root.settings.device))
            displayText: ({ "auto": qsTr("Automatic (GPU when there is one)"), "cpu": qsTr("CPU"),
                            "cuda": qsTr("CUDA GPU") })[currentText] || currentText
            onActivated: root.settings.device = currentText
        }
        Label { text: qsTr("CPU threads") }
        SpinBox {
            objectName: "threadsChoice"
            from: 0
            to: root.settings.maxThreads
            value: root.settings.threads
            textFromValue: function (value) { return value === 0 ? qsTr("one per core") : String(value) }
            onValueModified: root.settings.threads = value
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.7
            text: qsTr("Changes apply from the next generation. Running now: %1").arg(root.runtime)
        }
    }
}
