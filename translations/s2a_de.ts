<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>DocumentController</name>
    <message>
        <location filename="../ui/viewmodels/DocumentController.cpp" line="37" />
        <location filename="../ui/viewmodels/DocumentController.cpp" line="57" />
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>EmptyProjectView</name>
    <message numerus="yes">
        <location filename="../ui/qml/EmptyProjectView.qml" line="26" />
        <source>%1 · %n section(s)</source>
        <translation>
            <numerusform>%1 · %n Abschnitt</numerusform>
            <numerusform>%1 · %n Abschnitte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/qml/EmptyProjectView.qml" line="27" />
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n Spur</numerusform>
            <numerusform>%n Spuren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/qml/EmptyProjectView.qml" line="33" />
        <source>This song has no audio yet. Generate a song or import audio to start editing.</source>
        <translation>Dieser Song hat noch kein Audio. Erzeuge einen Song oder importiere Audio, um mit dem Bearbeiten zu beginnen.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../ui/qml/Main.qml" line="58" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="59" />
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="60" />
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="61" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="62" />
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="64" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="67" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="68" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="69" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="84" />
        <source>%1 Hz · %2 BPM · %3</source>
        <translation>%1 Hz · %2 BPM · %3</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="85" />
        <source>key not set</source>
        <translation>Tonart nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="95" />
        <source>Open a song (.s2a folder)</source>
        <translation>Song öffnen (.s2a-Ordner)</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="101" />
        <source>Save song as</source>
        <translation>Song speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="103" />
        <source>S2A Studio songs (*.s2a)</source>
        <translation>S2A-Studio-Songs (*.s2a)</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="109" />
        <source>S2A Studio</source>
        <translation>S2A Studio</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="115" />
        <source>Recover unsaved changes?</source>
        <translation>Ungespeicherte Änderungen wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="116" />
        <source>S2A Studio closed before this song was saved. An automatic backup newer than the last save exists.</source>
        <translation>S2A Studio wurde beendet, bevor dieser Song gespeichert war. Es gibt eine automatische Sicherung, die neuer ist als die letzte Speicherung.</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="117" />
        <source>Restore it to continue where you left off, or discard it to keep the last saved version.</source>
        <translation>Stelle sie wieder her, um dort weiterzumachen, wo du aufgehört hast, oder verwirf sie, um die zuletzt gespeicherte Fassung zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="129" />
        <source>Save changes?</source>
        <translation>Änderungen speichern?</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="130" />
        <source>"%1" has unsaved changes.</source>
        <translation>„%1“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="145" />
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
</context>
</TS>