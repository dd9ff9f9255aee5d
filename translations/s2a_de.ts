<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>s2a::ui::DocumentController</name>
    <message>
        <source>Analysing… %1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not import: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Stems and mix</source>
        <translation>Stems und Mix</translation>
    </message>
    <message>
        <source>Mix only</source>
        <translation>Nur Mix</translation>
    </message>
    <message>
        <source>Each section (stems and mix)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>FLAC 16-bit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FLAC 24-bit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WAV 16-bit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WAV 24-bit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WAV 32-bit float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OGG Vorbis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>Song's rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loudness</source>
        <translation>Lautheit</translation>
    </message>
    <message>
        <source>As mixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>-14 LUFS (streaming)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>-16 LUFS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>-23 LUFS (broadcast)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Replace files that exist already</source>
        <translation>Vorhandene Dateien ersetzen</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exportieren nach</translation>
    </message>
</context>
<context>
    <name>s2a::ui::ExportModel</name>
    <message>
        <source>An export is already running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the song first: its audio lives in the song's folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown format "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export cancelled; no files were left behind.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>%1 Hz · %2 BPM · %3</source>
        <translation>%1 Hz · %2 BPM · %3</translation>
    </message>
    <message>
        <source>key not set</source>
        <translation>Tonart nicht gesetzt</translation>
    </message>
    <message>
        <source>Open a song (.s2a folder)</source>
        <translation>Song öffnen (.s2a-Ordner)</translation>
    </message>
    <message>
        <source>Save song as</source>
        <translation>Song speichern unter</translation>
    </message>
    <message>
        <source>S2A Studio songs (*.s2a)</source>
        <translation>S2A-Studio-Songs (*.s2a)</translation>
    </message>
    <message>
        <source>S2A Studio</source>
        <translation>S2A Studio</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>Ungespeicherte Änderungen wiederherstellen?</translation>
    </message>
    <message>
        <source>S2A Studio closed before this song was saved. An automatic backup newer than the last save exists.</source>
        <translation>S2A Studio wurde beendet, bevor dieser Song gespeichert war. Es gibt eine automatische Sicherung, die neuer ist als die letzte Speicherung.</translation>
    </message>
    <message>
        <source>Restore it to continue where you left off, or discard it to keep the last saved version.</source>
        <translation>Stelle sie wieder her, um dort weiterzumachen, wo du aufgehört hast, oder verwirf sie, um die zuletzt gespeicherte Fassung zu behalten.</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>Änderungen speichern?</translation>
    </message>
    <message>
        <source>"%1" has unsaved changes.</source>
        <translation>„%1“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Look for devices again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import Audio…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a song to analyse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SongOverview</name>
    <message numerus="yes">
        <source>%1 · %n section(s)</source>
        <translation>
            <numerusform>%1 · %n Abschnitt</numerusform>
            <numerusform>%1 · %n Abschnitte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n Spur</numerusform>
            <numerusform>%n Spuren</numerusform>
        </translation>
    </message>
    <message>
        <source>Space plays the song. Section editing comes with the timeline editor.</source>
        <translation>Leertaste spielt den Song ab. Abschnitte bearbeitest du im Zeitleisten-Editor.</translation>
    </message>
    <message>
        <source>This song has no audio yet. Generate a song or import audio to start editing.</source>
        <translation>Dieser Song hat noch kein Audio. Erzeuge einen Song oder importiere Audio, um mit dem Bearbeiten zu beginnen.</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>Stop and return to where playback started</source>
        <translation>Stopp und zurück zum Startpunkt der Wiedergabe</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>s2a::ui::TransportModel</name>
    <message numerus="yes">
        <source>DSP %1 % · %n xrun(s)</source>
        <translation>
            <numerusform>DSP %1 % · %n Aussetzer</numerusform>
            <numerusform>DSP %1 % · %n Aussetzer</numerusform>
        </translation>
    </message>
    <message>
        <source>That audio output is no longer available.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>