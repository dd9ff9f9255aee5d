<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
    <context>
        <name>AccompanyDialog</name>
        <message>
            <source>Lead melody</source>
            <translation>Melodiestimme</translation>
        </message>
        <message>
            <source>Vocals</source>
            <translation>Gesang</translation>
        </message>
        <message>
            <source>Guitar</source>
            <translation>Gitarre</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Tasten</translation>
        </message>
        <message>
            <source>Bass</source>
            <translation>Bass</translation>
        </message>
        <message>
            <source>Strings</source>
            <translation>Streicher</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Anderes</translation>
        </message>
        <message>
            <source>Accompany a Recording</source>
            <translation>Eine Aufnahme begleiten</translation>
        </message>
        <message>
            <source>Recording</source>
            <translation>Aufnahme</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>Keine Datei gewählt</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Wählen…</translation>
        </message>
        <message>
            <source>It plays</source>
            <translation>Sie spielt</translation>
        </message>
        <message>
            <source>a tune (a voice, a lead): find chords that fit it</source>
            <translation>eine Melodie (Stimme, Lead): passende Akkorde finden</translation>
        </message>
        <message>
            <source>the chords (a guitar, a piano): follow them</source>
            <translation>die Akkorde (Gitarre, Klavier): ihnen folgen</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>Spur</translation>
        </message>
        <message>
            <source>The band</source>
            <translation>Die Band</translation>
        </message>
        <message>
            <source>e.g. soul with rhodes, bass and brushed drums</source>
            <translation>z. B. Soul mit Rhodes, Bass und Besen-Schlagzeug</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>new each time</source>
            <translation>jedes Mal neu</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Accompany</source>
            <translation>Begleiten</translation>
        </message>
        <message>
            <source>Choose a recording to accompany</source>
            <translation>Eine Aufnahme zum Begleiten wählen</translation>
        </message>
        <message>
            <source>Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</source>
            <translation>Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
    </context>
    <context>
        <name>ChordLane</name>
        <message>
            <source>Change Chord…</source>
            <translation>Akkord ändern …</translation>
        </message>
        <message>
            <source>Chords of the Key</source>
            <translation>Akkorde der Tonart</translation>
        </message>
        <message>
            <source>New Change Here</source>
            <translation>Neuer Wechsel hier</translation>
        </message>
        <message>
            <source>Remove Change</source>
            <translation>Wechsel entfernen</translation>
        </message>
        <message>
            <source>Add %1 Here</source>
            <translation>%1 hier einfügen</translation>
        </message>
    </context>
    <context>
        <name>EditorView</name>
        <message>
            <source>Sections</source>
            <translation>Abschnitte</translation>
        </message>
        <message>
            <source>No tracks yet: generate a song (File &gt; New…) or import audio (Ctrl+I).</source>
            <translation>Noch keine Spuren: Erzeuge einen Song (Datei &gt; Neu…) oder importiere Audio (Strg+I).</translation>
        </message>
        <message>
            <source>Markers</source>
            <translation>Marker</translation>
        </message>
        <message>
            <source>Add a marker at the playhead (Ctrl+M)</source>
            <translation>Marker am Abspielkopf setzen (Strg+M)</translation>
        </message>
        <message>
            <source>Chords</source>
            <translation>Akkorde</translation>
        </message>
    </context>
    <context>
        <name>EngineChoices</name>
        <message>
            <source>Arranger (procedural)</source>
            <translation>Arrangierer (prozedural)</translation>
        </message>
        <message>
            <source>Diffusion</source>
            <translation>Diffusion</translation>
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
            <translation>Jeder Abschnitt (Stems und Mix)</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>FLAC 16-bit</source>
            <translation>FLAC 16 Bit</translation>
        </message>
        <message>
            <source>FLAC 24-bit</source>
            <translation>FLAC 24 Bit</translation>
        </message>
        <message>
            <source>WAV 16-bit</source>
            <translation>WAV 16 Bit</translation>
        </message>
        <message>
            <source>WAV 24-bit</source>
            <translation>WAV 24 Bit</translation>
        </message>
        <message>
            <source>WAV 32-bit float</source>
            <translation>WAV 32 Bit Float</translation>
        </message>
        <message>
            <source>OGG Vorbis</source>
            <translation>OGG Vorbis</translation>
        </message>
        <message>
            <source>Sample rate</source>
            <translation>Abtastrate</translation>
        </message>
        <message>
            <source>Song's rate</source>
            <translation>Rate des Songs</translation>
        </message>
        <message>
            <source>Loudness</source>
            <translation>Lautheit</translation>
        </message>
        <message>
            <source>As mixed</source>
            <translation>Wie gemischt</translation>
        </message>
        <message>
            <source>-14 LUFS (streaming)</source>
            <translation>-14 LUFS (Streaming)</translation>
        </message>
        <message>
            <source>-16 LUFS</source>
            <translation>-16 LUFS</translation>
        </message>
        <message>
            <source>-23 LUFS (broadcast)</source>
            <translation>-23 LUFS (Rundfunk)</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>(wählen)</translation>
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
        <message>
            <source>Loop region (stems and mix)</source>
            <translation>Loop-Bereich (Stems und Mix)</translation>
        </message>
        <message>
            <source>MP3 320 kbit/s</source>
            <translation>MP3 320 kbit/s</translation>
        </message>
        <message>
            <source>Also each track's notes as MIDI (arranger takes)</source>
            <translation>Auch die Noten jeder Spur als MIDI (Arranger-Takes)</translation>
        </message>
    </context>
    <context>
        <name>GenerationQueuePanel</name>
        <message>
            <source>Queued</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) left</source>
            <translation>
                <numerusform>noch %n Auftrag</numerusform>
                <numerusform>noch %n Aufträge</numerusform>
            </translation>
        </message>
        <message>
            <source>Generation</source>
            <translation>Erzeugung</translation>
        </message>
        <message>
            <source>Cancel all</source>
            <translation>Alle abbrechen</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>Erledigte entfernen</translation>
        </message>
        <message>
            <source>Nothing is being generated. Regenerate a section to add a job here.</source>
            <translation>Es wird nichts erzeugt. Erzeuge einen Abschnitt neu, um hier einen Auftrag hinzuzufügen.</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>%1 abbrechen</translation>
        </message>
        <message>
            <source>Cancel this job</source>
            <translation>Diesen Auftrag abbrechen</translation>
        </message>
        <message>
            <source>New song</source>
            <translation>Neuer Song</translation>
        </message>
        <message>
            <source>Cancel the new song (the open song stays)</source>
            <translation>Neuen Song abbrechen (der offene Song bleibt)</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Section %1 · %2</source>
            <translation>Abschnitt %1 · %2</translation>
        </message>
        <message>
            <source>No section selected</source>
            <translation>Kein Abschnitt ausgewählt</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Songteil</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>Vorschläge</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>Energie</translation>
        </message>
        <message>
            <source>Locked (keeps its span and takes)</source>
            <translation>Gesperrt (behält Länge und Takes)</translation>
        </message>
        <message>
            <source>Make it anew</source>
            <translation>Neu erzeugen</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>Engine</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>New random seed</source>
            <translation>Neuer zufälliger Seed</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Behalten</translation>
        </message>
        <message>
            <source>Keep this seed for the next regeneration (else each one rolls a new seed)</source>
            <translation>Diesen Seed für die nächste Neuerzeugung behalten (sonst würfelt jede einen neuen)</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Schritte</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>Guidance</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Kontext</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>Regenerate (R)</source>
            <translation>Neu erzeugen (R)</translation>
        </message>
        <message>
            <source>Takes</source>
            <translation>Takes</translation>
        </message>
        <message>
            <source>e.g. sparse piano, brushed drums</source>
            <translation>z. B. sparse piano, brushed drums</translation>
        </message>
        <message>
            <source>Saved with this section and used each time it is regenerated.</source>
            <translation>Wird mit diesem Abschnitt gespeichert und bei jeder Neuerzeugung verwendet.</translation>
        </message>
        <message>
            <source>This take was made by: %1</source>
            <translation>Dieser Take stammt von: %1</translation>
        </message>
        <message>
            <source>How many takes one Regenerate makes (seeds one apart), to compare</source>
            <translation>Wie viele Takes eine Neuerzeugung macht (Seeds je um eins versetzt), zum Vergleichen</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>As in Settings</source>
            <translation>Wie in den Einstellungen</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Wählen…</translation>
        </message>
        <message>
            <source>Use the weights file chosen in Settings</source>
            <translation>Die in den Einstellungen gewählte Gewichtsdatei verwenden</translation>
        </message>
        <message>
            <source>Weights for this regeneration</source>
            <translation>Gewichte für diese Neuerzeugung</translation>
        </message>
        <message>
            <source>Safetensors weights (*.safetensors)</source>
            <translation>Safetensors-Gewichte (*.safetensors)</translation>
        </message>
        <message>
            <source>Stems</source>
            <translation>Stems</translation>
        </message>
        <message>
            <source>Make only this stem anew in this section</source>
            <translation>Nur diesen Stem in diesem Abschnitt neu erzeugen</translation>
        </message>
        <message>
            <source>e.g. strings, brass</source>
            <translation>z. B. Streicher, Bläser</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
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
            <translation>A&amp;udio</translation>
        </message>
        <message>
            <source>Look for devices again</source>
            <translation>Erneut nach Geräten suchen</translation>
        </message>
        <message>
            <source>&amp;Import Audio…</source>
            <translation>Audio &amp;importieren…</translation>
        </message>
        <message>
            <source>Import a song to analyse</source>
            <translation>Song zum Analysieren importieren</translation>
        </message>
        <message>
            <source>Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</source>
            <translation>Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <source>&amp;New Song…</source>
            <translation>&amp;Neuer Song…</translation>
        </message>
        <message>
            <source>New &amp;Empty Song</source>
            <translation>Neuer &amp;leerer Song</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>&amp;Insert Section at Playhead</source>
            <translation>Abschnitt am Abspielkopf &amp;einfügen</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Zoom to &amp;Fit</source>
            <translation>An &amp;Fenster anpassen</translation>
        </message>
        <message>
            <source>Zoom to &amp;Section</source>
            <translation>Auf &amp;Abschnitt zoomen</translation>
        </message>
        <message>
            <source>&amp;Generate</source>
            <translation>&amp;Erzeugen</translation>
        </message>
        <message>
            <source>&amp;Cancel All Jobs</source>
            <translation>&amp;Alle Aufträge abbrechen</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Tastaturkürzel</translation>
        </message>
        <message>
            <source>&amp;About S2A Studio</source>
            <translation>Ü&amp;ber S2A Studio</translation>
        </message>
        <message>
            <source>About S2A Studio</source>
            <translation>Über S2A Studio</translation>
        </message>
        <message>
            <source>S2A Studio %1</source>
            <translation>S2A Studio %1</translation>
        </message>
        <message>
            <source>Engine &amp;Settings…</source>
            <translation>&amp;Engine-Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Split at Playhead</source>
            <translation>Am Abspielkopf &amp;teilen</translation>
        </message>
        <message>
            <source>&amp;Merge with Next</source>
            <translation>Mit &amp;nächstem zusammenführen</translation>
        </message>
        <message>
            <source>&amp;Delete Section</source>
            <translation>Abschnitt &amp;löschen</translation>
        </message>
        <message>
            <source>&amp;Loop Section</source>
            <translation>Abschnitt in &amp;Schleife</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>&amp;Hineinzoomen</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Hera&amp;uszoomen</translation>
        </message>
        <message>
            <source>&amp;Regenerate Section</source>
            <translation>Abschnitt &amp;neu erzeugen</translation>
        </message>
        <message>
            <source>Structure-guided music generation and editing: a song as labelled sections, each regenerated on its own while its neighbours stay put.</source>
            <translation>Strukturgeführte Musikerzeugung und -bearbeitung: ein Song aus benannten Abschnitten, von denen jeder für sich neu erzeugt wird, während seine Nachbarn bleiben, wie sie sind.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <source>S&amp;pectrograms</source>
            <translation>S&amp;pektrogramme</translation>
        </message>
        <message>
            <source>Undo &amp;History…</source>
            <translation>&amp;Verlauf…</translation>
        </message>
        <message>
            <source>Add &amp;Marker at Playhead</source>
            <translation>&amp;Marker am Abspielkopf setzen</translation>
        </message>
        <message>
            <source>Previous Marker</source>
            <translation>Vorheriger Marker</translation>
        </message>
        <message>
            <source>Next Marker</source>
            <translation>Nächster Marker</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>Einstellun&amp;gen…</translation>
        </message>
        <message>
            <source>Audio &amp;Settings…</source>
            <translation>Audio-&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Repaint &amp;Loop Region</source>
            <translation>&amp;Loop-Bereich neu malen</translation>
        </message>
        <message>
            <source>&amp;Accompany a Recording…</source>
            <translation>Aufnahme &amp;begleiten …</translation>
        </message>
    </context>
    <context>
        <name>MarkerLane</name>
        <message>
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
    </context>
    <context>
        <name>NewSongDialog</name>
        <message>
            <source>New Song</source>
            <translation>Neuer Song</translation>
        </message>
        <message>
            <source>Describe the song</source>
            <translation>Beschreibe den Song</translation>
        </message>
        <message>
            <source>e.g. upbeat funk with slap bass and brass, 110 bpm</source>
            <translation>z. B. upbeat funk with slap bass and brass, 110 bpm</translation>
        </message>
        <message>
            <source>I understood: %1</source>
            <translation>Verstanden: %1</translation>
        </message>
        <message>
            <source>Name a style, a mood, instruments, a tempo or a key.</source>
            <translation>Nenne einen Stil, eine Stimmung, Instrumente, ein Tempo oder eine Tonart.</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>Struktur</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Eigene…</translation>
        </message>
        <message>
            <source>Sections and their bars, in order</source>
            <translation>Abschnitte und ihre Takte, der Reihe nach</translation>
        </message>
        <message>
            <source>Length</source>
            <translation>Länge</translation>
        </message>
        <message>
            <source>as the structure says (or m:ss, e.g. 2:30)</source>
            <translation>wie die Struktur vorgibt (oder m:ss, z. B. 2:30)</translation>
        </message>
        <message>
            <source>Tempo</source>
            <translation>Tempo</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>Auto</translation>
        </message>
        <message>
            <source>From the caption, else the style</source>
            <translation>Aus der Beschreibung, sonst vom Stil</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Tonart</translation>
        </message>
        <message>
            <source>Auto (from caption)</source>
            <translation>Auto (aus der Beschreibung)</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>Engine</translation>
        </message>
        <message>
            <source>%1 (unavailable)</source>
            <translation>%1 (nicht verfügbar)</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>random</source>
            <translation>zufällig</translation>
        </message>
        <message>
            <source>Roll a seed</source>
            <translation>Seed würfeln</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Erzeugen</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Structure-guided music generation and editing</source>
            <translation>Strukturgeführte Musikerzeugung und -bearbeitung</translation>
        </message>
        <message>
            <source>A song to open (a .s2a folder), or an audio file to import and analyse.</source>
            <translation>Ein Song zum Öffnen (ein .s2a-Ordner) oder eine Audiodatei zum Importieren und Analysieren.</translation>
        </message>
        <message>
            <source>Save a picture of the window to &lt;file&gt; once the song is open, then quit.</source>
            <translation>Ein Bild des Fensters in &lt;Datei&gt; speichern, sobald der Song offen ist, dann beenden.</translation>
        </message>
        <message>
            <source>file</source>
            <extracomment>The value of --screenshot, as --help shows it: &lt;file&gt;</extracomment>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Preparing the demo song…</source>
            <translation>Demo-Song wird vorbereitet…</translation>
        </message>
        <message>
            <source>The demo song could not be made: %1</source>
            <translation>Der Demo-Song konnte nicht erstellt werden: %1</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>Recover unsaved songs?</source>
            <translation>Ungespeicherte Songs wiederherstellen?</translation>
        </message>
        <message>
            <source>S2A Studio closed before these songs were saved. Restore one to continue where you left off.</source>
            <translation>S2A Studio wurde beendet, bevor diese Songs gespeichert waren. Stelle einen wieder her, um dort weiterzumachen, wo du aufgehört hast.</translation>
        </message>
        <message>
            <source>%1 — saved %2 · %3 long</source>
            <translation>%1 – gesichert %2 · %3 lang</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Später</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Wiederherstellen</translation>
        </message>
    </context>
    <context>
        <name>SectionLane</name>
        <message>
            <source>locked</source>
            <translation>gesperrt</translation>
        </message>
        <message numerus="yes">
            <source>%n take(s)</source>
            <translation>
                <numerusform>%n Take</numerusform>
                <numerusform>%n Takes</numerusform>
            </translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Neu erzeugen</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Entsperren</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Sperren</translation>
        </message>
        <message>
            <source>Loop this section</source>
            <translation>Diesen Abschnitt loopen</translation>
        </message>
        <message>
            <source>Copy caption</source>
            <translation>Beschreibung kopieren</translation>
        </message>
        <message>
            <source>Split at playhead</source>
            <translation>Am Abspielkopf teilen</translation>
        </message>
        <message>
            <source>Merge with next</source>
            <translation>Mit nächstem zusammenführen</translation>
        </message>
        <message>
            <source>Delete (merge into neighbour)</source>
            <translation>Löschen (in Nachbarn aufgehen lassen)</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Device default</source>
            <translation>Standard des Geräts</translation>
        </message>
        <message>
            <source>%1 Hz</source>
            <translation>%1 Hz</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <source>Generation</source>
            <translation>Erzeugung</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>Output device</source>
            <translation>Ausgabegerät</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Systemstandard</translation>
        </message>
        <message>
            <source>%1 (in use)</source>
            <translation>%1 (in Verwendung)</translation>
        </message>
        <message>
            <source>Sample rate</source>
            <translation>Abtastrate</translation>
        </message>
        <message>
            <source>Buffer size</source>
            <translation>Puffergröße</translation>
        </message>
        <message>
            <source>%1 frames</source>
            <translation>%1 Frames</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Aktuell</translation>
        </message>
        <message>
            <source>Test Tone</source>
            <translation>Testton</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Anwenden</translation>
        </message>
        <message>
            <source>New songs use</source>
            <translation>Neue Songs mit</translation>
        </message>
        <message>
            <source>Arranger (procedural)</source>
            <translation>Arrangierer (prozedural)</translation>
        </message>
        <message>
            <source>Diffusion</source>
            <translation>Diffusion</translation>
        </message>
        <message>
            <source>Diffusion device</source>
            <translation>Gerät für die Diffusion</translation>
        </message>
        <message>
            <source>Automatic (GPU when there is one)</source>
            <translation>Automatisch (GPU, falls vorhanden)</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA GPU</source>
            <translation>CUDA-GPU</translation>
        </message>
        <message>
            <source>CPU threads</source>
            <translation>CPU-Threads</translation>
        </message>
        <message>
            <source>one per core</source>
            <translation>einer pro Kern</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Weights file</source>
            <translation>Gewichtsdatei</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Wählen…</translation>
        </message>
        <message>
            <source>Changes apply from the next generation. Running now: %1</source>
            <translation>Änderungen gelten ab der nächsten Erzeugung. Läuft gerade: %1</translation>
        </message>
        <message>
            <source>Autosave every</source>
            <translation>Automatisch speichern alle</translation>
        </message>
        <message numerus="yes">
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n Sekunde</numerusform>
                <numerusform>%n Sekunden</numerusform>
            </translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Design</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Language and theme changes apply when S2A Studio starts next.</source>
            <translation>Sprache und Design gelten ab dem nächsten Start von S2A Studio.</translation>
        </message>
        <message>
            <source>Choose a weights file</source>
            <translation>Gewichtsdatei wählen</translation>
        </message>
        <message>
            <source>Safetensors weights (*.safetensors)</source>
            <translation>Safetensors-Gewichte (*.safetensors)</translation>
        </message>
        <message>
            <source>Takes per Regenerate</source>
            <translation>Takes pro Neuerzeugung</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Kontext</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>Diffusion steps</source>
            <translation>Diffusionsschritte</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>Guidance</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Tastaturkürzel</translation>
        </message>
        <message>
            <source>Play / pause</source>
            <translation>Abspielen / Pause</translation>
        </message>
        <message>
            <source>Go to the start / end</source>
            <translation>Zum Anfang / Ende</translation>
        </message>
        <message>
            <source>Split the section at the playhead</source>
            <translation>Den Abschnitt am Abspielkopf teilen</translation>
        </message>
        <message>
            <source>Merge the selected section with the next</source>
            <translation>Den ausgewählten Abschnitt mit dem nächsten zusammenführen</translation>
        </message>
        <message>
            <source>Delete the selected section (its neighbour takes over)</source>
            <translation>Den ausgewählten Abschnitt löschen (sein Nachbar übernimmt)</translation>
        </message>
        <message>
            <source>Regenerate the selected section</source>
            <translation>Den ausgewählten Abschnitt neu erzeugen</translation>
        </message>
        <message>
            <source>Loop the selected section</source>
            <translation>Den ausgewählten Abschnitt loopen</translation>
        </message>
        <message>
            <source>Select section 1 to 9</source>
            <translation>Abschnitt 1 bis 9 auswählen</translation>
        </message>
        <message>
            <source>Zoom in / out around the playhead</source>
            <translation>Um den Abspielkopf hinein-/herauszoomen</translation>
        </message>
        <message>
            <source>Zoom around the mouse</source>
            <translation>Um den Mauszeiger zoomen</translation>
        </message>
        <message>
            <source>Scroll along the song</source>
            <translation>Durch den Song scrollen</translation>
        </message>
        <message>
            <source>Undo / redo</source>
            <translation>Rückgängig / Wiederholen</translation>
        </message>
        <message>
            <source>Save / open / new song</source>
            <translation>Speichern / Öffnen / Neuer Song</translation>
        </message>
        <message>
            <source>Import audio / export</source>
            <translation>Audio importieren / Exportieren</translation>
        </message>
        <message>
            <source>Space</source>
            <extracomment>A key on the keyboard</extracomment>
            <translation>Leertaste</translation>
        </message>
        <message>
            <source>Home / End</source>
            <translation>Pos1 / Ende</translation>
        </message>
        <message>
            <source>S</source>
            <translation>S</translation>
        </message>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Entf</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>L</source>
            <translation>L</translation>
        </message>
        <message>
            <source>Ctrl+wheel</source>
            <translation>Strg+Mausrad</translation>
        </message>
        <message>
            <source>Shift+wheel</source>
            <translation>Umschalt+Mausrad</translation>
        </message>
        <message>
            <source>Drag</source>
            <translation>Ziehen</translation>
        </message>
        <message>
            <source>Move a boundary (snaps to bars)</source>
            <translation>Eine Grenze verschieben (rastet an Takten ein)</translation>
        </message>
        <message>
            <source>Ctrl+drag</source>
            <translation>Strg+Ziehen</translation>
        </message>
        <message>
            <source>Move a boundary, snapping to beats</source>
            <translation>Eine Grenze verschieben, rastet an Schlägen ein</translation>
        </message>
        <message>
            <source>Shift+drag</source>
            <translation>Umschalt+Ziehen</translation>
        </message>
        <message>
            <source>Move a boundary without snapping</source>
            <translation>Eine Grenze ohne Einrasten verschieben</translation>
        </message>
        <message>
            <source>Ctrl+Z / Ctrl+Shift+Z</source>
            <translation>Strg+Z / Strg+Umschalt+Z</translation>
        </message>
        <message>
            <source>Ctrl+S / Ctrl+O / Ctrl+N</source>
            <translation>Strg+S / Strg+O / Strg+N</translation>
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation>Strg+Umschalt+S</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>Speichern unter</translation>
        </message>
        <message>
            <source>Ctrl+I / Ctrl+E</source>
            <translation>Strg+I / Strg+E</translation>
        </message>
        <message>
            <source>Ctrl+M</source>
            <translation>Strg+M</translation>
        </message>
        <message>
            <source>Add a marker at the playhead</source>
            <translation>Marker am Abspielkopf setzen</translation>
        </message>
        <message>
            <source>Jump to the previous / next marker</source>
            <translation>Zum vorherigen / nächsten Marker springen</translation>
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation>Strg+,</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Shift+R</source>
            <translation>Umschalt+R</translation>
        </message>
        <message>
            <source>Repaint the loop region (any range, across sections)</source>
            <translation>Loop-Bereich neu malen (beliebiger Bereich, auch über Abschnitte hinweg)</translation>
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
    </context>
    <context>
        <name>TakesList</name>
        <message>
            <source>Play this take</source>
            <translation>Diesen Take abspielen</translation>
        </message>
        <message>
            <source>No takes yet</source>
            <translation>Noch keine Takes</translation>
        </message>
        <message>
            <source>clips</source>
            <translation>übersteuert</translation>
        </message>
    </context>
    <context>
        <name>TimelineRuler</name>
        <message>
            <source>Repaint This Range (Shift+R)</source>
            <translation>Diesen Bereich neu malen (Umschalt+R)</translation>
        </message>
    </context>
    <context>
        <name>TrackLane</name>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>Stumm</translation>
        </message>
        <message>
            <source>S</source>
            <translation>S</translation>
        </message>
        <message>
            <source>Solo</source>
            <translation>Solo</translation>
        </message>
        <message>
            <source>%1 dB</source>
            <translation>%1 dB</translation>
        </message>
        <message>
            <source>Computing waveform…</source>
            <translation>Wellenform wird berechnet…</translation>
        </message>
        <message>
            <source>Spectrogram</source>
            <translation>Spektrogramm</translation>
        </message>
        <message>
            <source>Show this track as a spectrogram: pitched sound draws lines, noise a haze</source>
            <translation>Diese Spur als Spektrogramm zeigen: Tonales zeichnet Linien, Rauschen einen Schleier</translation>
        </message>
        <message>
            <source>Computing spectrogram…</source>
            <translation>Spektrogramm wird berechnet…</translation>
        </message>
        <message>
            <source>Your own recording: regenerating a section, a range or a stem never changes it</source>
            <translation>Deine eigene Aufnahme: Neuerzeugen eines Abschnitts, Bereichs oder Stems ändert sie nie</translation>
        </message>
        <message>
            <source>%1 · your recording</source>
            <translation>%1 · deine Aufnahme</translation>
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
        <message>
            <source>Loop (L loops the selected section)</source>
            <translation>Loop (L loopt den ausgewählten Abschnitt)</translation>
        </message>
        <message>
            <source>bar %1</source>
            <translation>Takt %1</translation>
        </message>
        <message>
            <source>The mix clipped: lower a track or the take. Click to reset.</source>
            <translation>Der Mix hat übersteuert: Senke eine Spur oder den Take ab. Klicken zum Zurücksetzen.</translation>
        </message>
    </context>
    <context>
        <name>UndoHistoryDialog</name>
        <message>
            <source>Undo History</source>
            <translation>Verlauf</translation>
        </message>
    </context>
    <context>
        <name>s2a::core::PlaybackController</name>
        <message>
            <source>Audio output not started.</source>
            <translation>Audioausgabe nicht gestartet.</translation>
        </message>
        <message>
            <source>No audio output: %1 Playback is off until a device is available (Retry looks again).</source>
            <translation>Keine Audioausgabe: %1 Die Wiedergabe ist aus, bis ein Gerät verfügbar ist (Erneut versuchen sucht wieder).</translation>
        </message>
        <message>
            <source>Audio output stopped.</source>
            <translation>Audioausgabe gestoppt.</translation>
        </message>
        <message>
            <source>The audio output stopped (was the device disconnected?). Playback is off; Retry looks for a device again.</source>
            <translation>Die Audioausgabe wurde beendet (wurde das Gerät getrennt?). Die Wiedergabe ist aus; Erneut versuchen sucht wieder nach einem Gerät.</translation>
        </message>
    </context>
    <context>
        <name>s2a::core::Project</name>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
        <message>
            <source>Rename song</source>
            <translation>Song umbenennen</translation>
        </message>
        <message>
            <source>Set tempo</source>
            <translation>Tempo setzen</translation>
        </message>
        <message>
            <source>Set time signature</source>
            <translation>Taktart setzen</translation>
        </message>
        <message>
            <source>Set key</source>
            <translation>Tonart setzen</translation>
        </message>
        <message>
            <source>Edit song caption</source>
            <translation>Song-Beschreibung bearbeiten</translation>
        </message>
        <message>
            <source>Set seed</source>
            <translation>Seed setzen</translation>
        </message>
        <message>
            <source>Add track</source>
            <translation>Spur hinzufügen</translation>
        </message>
        <message>
            <source>Add track "%1"</source>
            <translation>Spur „%1“ hinzufügen</translation>
        </message>
        <message>
            <source>Remove track "%1"</source>
            <translation>Spur „%1“ entfernen</translation>
        </message>
        <message>
            <source>Rename track</source>
            <translation>Spur umbenennen</translation>
        </message>
        <message>
            <source>Set track gain</source>
            <translation>Spurpegel setzen</translation>
        </message>
        <message>
            <source>Set track pan</source>
            <translation>Spurpanorama setzen</translation>
        </message>
        <message>
            <source>Mute track</source>
            <translation>Spur stummschalten</translation>
        </message>
        <message>
            <source>Unmute track</source>
            <translation>Stummschaltung der Spur aufheben</translation>
        </message>
        <message>
            <source>Solo track</source>
            <translation>Spur solo schalten</translation>
        </message>
        <message>
            <source>Unsolo track</source>
            <translation>Solo der Spur aufheben</translation>
        </message>
        <message>
            <source>Set track colour</source>
            <translation>Spurfarbe setzen</translation>
        </message>
        <message>
            <source>Split section</source>
            <translation>Abschnitt teilen</translation>
        </message>
        <message>
            <source>"%1" is the last section; there is nothing after it to merge with.</source>
            <translation>„%1“ ist der letzte Abschnitt; danach gibt es nichts zum Zusammenführen.</translation>
        </message>
        <message>
            <source>Merge sections</source>
            <translation>Abschnitte zusammenführen</translation>
        </message>
        <message>
            <source>The end of the last section is the end of the song; it has no neighbour to move.</source>
            <translation>Das Ende des letzten Abschnitts ist das Ende des Songs; es hat keinen Nachbarn, der sich verschieben ließe.</translation>
        </message>
        <message>
            <source>Move section boundary</source>
            <translation>Abschnittsgrenze verschieben</translation>
        </message>
        <message>
            <source>Relabel section</source>
            <translation>Abschnitt umbenennen</translation>
        </message>
        <message>
            <source>Edit section caption</source>
            <translation>Abschnittsbeschreibung bearbeiten</translation>
        </message>
        <message>
            <source>Edit section tags</source>
            <translation>Abschnitts-Tags bearbeiten</translation>
        </message>
        <message>
            <source>Set section energy</source>
            <translation>Abschnittsenergie setzen</translation>
        </message>
        <message>
            <source>Lock section</source>
            <translation>Abschnitt sperren</translation>
        </message>
        <message>
            <source>Unlock section</source>
            <translation>Abschnitt entsperren</translation>
        </message>
        <message>
            <source>Add take</source>
            <translation>Take hinzufügen</translation>
        </message>
        <message>
            <source>Section "%1" is locked; unlock it to add takes.</source>
            <translation>Abschnitt „%1“ ist gesperrt; entsperre ihn, um Takes hinzuzufügen.</translation>
        </message>
        <message>
            <source>Take %1</source>
            <translation>Take %1</translation>
        </message>
        <message>
            <source>Choose take</source>
            <translation>Take wählen</translation>
        </message>
        <message>
            <source>Section "%1" is locked; unlock it to change its take.</source>
            <translation>Abschnitt „%1“ ist gesperrt; entsperre ihn, um seinen Take zu wechseln.</translation>
        </message>
        <message>
            <source>Rate take</source>
            <translation>Take bewerten</translation>
        </message>
        <message>
            <source>Marker %1</source>
            <translation>Marker %1</translation>
        </message>
        <message>
            <source>Add marker "%1"</source>
            <translation>Marker „%1“ hinzufügen</translation>
        </message>
        <message>
            <source>A marker needs a name.</source>
            <translation>Ein Marker braucht einen Namen.</translation>
        </message>
        <message>
            <source>Rename marker</source>
            <translation>Marker umbenennen</translation>
        </message>
        <message>
            <source>Move marker "%1"</source>
            <translation>Marker „%1“ verschieben</translation>
        </message>
        <message>
            <source>Delete marker "%1"</source>
            <translation>Marker „%1“ löschen</translation>
        </message>
        <message>
            <source>Move bar 1</source>
            <translation>Takt 1 verschieben</translation>
        </message>
        <message>
            <source>Lock track</source>
            <translation>Spur sperren</translation>
        </message>
        <message>
            <source>Unlock track</source>
            <translation>Spur entsperren</translation>
        </message>
        <message>
            <source>"%1" is not a chord such as C, F#m or Bb7</source>
            <translation>„%1“ ist kein Akkord wie C, F#m oder Bb7</translation>
        </message>
        <message>
            <source>Set chord %1</source>
            <translation>Akkord %1 setzen</translation>
        </message>
        <message>
            <source>There is no chord change there</source>
            <translation>Dort gibt es keinen Akkordwechsel</translation>
        </message>
        <message>
            <source>Move chord %1</source>
            <translation>Akkord %1 verschieben</translation>
        </message>
        <message>
            <source>Remove chord %1</source>
            <translation>Akkord %1 entfernen</translation>
        </message>
    </context>
    <context>
        <name>s2a::core::ProjectDocument</name>
        <message>
            <source>%1
The automatic backup was opened instead; save to repair the song.</source>
            <translation>%1
Stattdessen wurde die automatische Sicherung geöffnet; speichere, um den Song zu reparieren.</translation>
        </message>
        <message>
            <source>%1 is not an automatic backup that can be restored.</source>
            <translation>%1 ist keine automatische Sicherung, die sich wiederherstellen lässt.</translation>
        </message>
        <message>
            <source>%1 is not an automatic backup that can be discarded.</source>
            <translation>%1 ist keine automatische Sicherung, die sich verwerfen lässt.</translation>
        </message>
        <message>
            <source>Could not delete %1.</source>
            <translation>%1 konnte nicht gelöscht werden.</translation>
        </message>
        <message>
            <source>This song has not been saved yet; choose where to save it.</source>
            <translation>Dieser Song wurde noch nicht gespeichert; wähle, wo er gespeichert werden soll.</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::AudioSettings</name>
        <message>
            <source>The audio output “%1” chosen in Settings is not available now; playing through the system default instead.</source>
            <translation>Der in den Einstellungen gewählte Audioausgang „%1“ ist gerade nicht verfügbar; die Wiedergabe läuft über den Systemstandard.</translation>
        </message>
        <message>
            <source>The audio output does not play at the sample rate chosen in Settings; using its own rate instead.</source>
            <translation>Der Audioausgang spielt nicht mit der in den Einstellungen gewählten Abtastrate; er nutzt stattdessen seine eigene.</translation>
        </message>
        <message>
            <source>No output is open.</source>
            <translation>Kein Ausgang geöffnet.</translation>
        </message>
        <message>
            <source>%1 Hz · %2 frames (%3 ms)</source>
            <translation>%1 Hz · %2 Frames (%3 ms)</translation>
        </message>
        <message>
            <source>That audio output is no longer available.</source>
            <translation>Dieser Audioausgang ist nicht mehr verfügbar.</translation>
        </message>
        <message>
            <source>%1 Hz is not a sample rate S2A Studio offers.</source>
            <translation>%1 Hz ist keine Abtastrate, die S2A Studio anbietet.</translation>
        </message>
        <message>
            <source>A buffer of %1 frames is outside %2 to %3.</source>
            <translation>Ein Puffer von %1 Frames liegt außerhalb von %2 bis %3.</translation>
        </message>
        <message>
            <source>That output could not be opened: %1</source>
            <translation>Dieser Ausgang ließ sich nicht öffnen: %1</translation>
        </message>
        <message>
            <source>No audio output is open: choose one first.</source>
            <translation>Kein Audioausgang geöffnet: wähle zuerst einen.</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::ChordLaneEditor</name>
        <message>
            <source>There is no chord change there</source>
            <translation>Dort gibt es keinen Akkordwechsel</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::DialogSupport</name>
        <message>
            <source>File dialogs cannot open: a Qt module they need is missing (on Debian install qml6-module-qt-labs-folderlistmodel, or run scripts/dev deps).
%1</source>
            <translation>Dateidialoge können nicht geöffnet werden: Ein benötigtes Qt-Modul fehlt (unter Debian qml6-module-qt-labs-folderlistmodel installieren oder scripts/dev deps ausführen).
%1</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::DocumentController</name>
        <message>
            <source>Could not import: %1</source>
            <translation>Import fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
        <message>
            <source>An import is already running.</source>
            <translation>Es läuft bereits ein Import.</translation>
        </message>
        <message>
            <source>Analysing %1…</source>
            <translation>Analysiere %1…</translation>
        </message>
        <message>
            <source>That song is no longer on disk.</source>
            <translation>Dieser Song ist nicht mehr auf dem Datenträger.</translation>
        </message>
        <message>
            <source>Accompanying %1…</source>
            <translation>Begleite %1 …</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::EditorController</name>
        <message>
            <source>Instruments</source>
            <translation>Instrumente</translation>
        </message>
        <message>
            <source>Mood</source>
            <translation>Stimmung</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>Energie</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>There is no section at that position.</source>
            <translation>An dieser Position gibt es keinen Abschnitt.</translation>
        </message>
        <message>
            <source>There is no section %1.</source>
            <translation>Es gibt keinen Abschnitt %1.</translation>
        </message>
        <message>
            <source>A song needs at least one section.</source>
            <translation>Ein Song braucht mindestens einen Abschnitt.</translation>
        </message>
        <message>
            <source>Delete section</source>
            <translation>Abschnitt löschen</translation>
        </message>
        <message>
            <source>Insert section</source>
            <translation>Abschnitt einfügen</translation>
        </message>
        <message>
            <source>A section needs a name.</source>
            <translation>Ein Abschnitt braucht einen Namen.</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::EngineSettings</name>
        <message>
            <source>There is no model config “%1”.</source>
            <translation>Es gibt keine Modellkonfiguration „%1“.</translation>
        </message>
        <message>
            <source>Checking %1…</source>
            <translation>Prüfe %1…</translation>
        </message>
        <message>
            <source>%1 is not a file.</source>
            <translation>%1 ist keine Datei.</translation>
        </message>
        <message>
            <source>Fits %1: %2 M parameters in %3 tensors.
SHA-256 %4</source>
            <extracomment>%1 config name, %2 millions of parameters, %3 tensor count, %4 the file's SHA-256</extracomment>
            <translation>Passt zu %1: %2 Mio. Parameter in %3 Tensoren.
SHA-256 %4</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::ExportModel</name>
        <message>
            <source>An export is already running.</source>
            <translation>Es läuft bereits ein Export.</translation>
        </message>
        <message>
            <source>Save the song first: its audio lives in the song's folder.</source>
            <translation>Speichere den Song zuerst: Sein Audio liegt im Ordner des Songs.</translation>
        </message>
        <message>
            <source>Unknown format "%1".</source>
            <translation>Unbekanntes Format „%1“.</translation>
        </message>
        <message>
            <source>Export cancelled; no files were left behind.</source>
            <translation>Export abgebrochen; es sind keine Dateien zurückgeblieben.</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) written to %1</source>
            <translation>
                <numerusform>%n Datei nach %1 geschrieben</numerusform>
                <numerusform>%n Dateien nach %1 geschrieben</numerusform>
            </translation>
        </message>
        <message>
            <source>There is no loop region to export: set one first (L loops the selected section).</source>
            <translation>Es gibt keinen Loop-Bereich zum Exportieren: lege zuerst einen fest (L loopt den gewählten Abschnitt).</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::GeneralSettings</name>
        <message>
            <source>System (%1)</source>
            <translation>System (%1)</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::GenerationQueueModel</name>
        <message>
            <source>The %1 engine is not available: %2.</source>
            <translation>Die Engine %1 ist nicht verfügbar: %2.</translation>
        </message>
        <message>
            <source>There is no engine called "%1".</source>
            <translation>Es gibt keine Engine namens „%1“.</translation>
        </message>
        <message>
            <source>There is no section "%1" in this song.</source>
            <translation>In diesem Song gibt es keinen Abschnitt „%1“.</translation>
        </message>
        <message>
            <source>%1 is locked; unlock it to regenerate it.</source>
            <translation>%1 ist gesperrt; entsperre ihn, um ihn neu zu erzeugen.</translation>
        </message>
        <message>
            <source>The seed must be a whole number of 0 or more.</source>
            <translation>Der Seed muss eine ganze Zahl ab 0 sein.</translation>
        </message>
        <message>
            <source>Steps must be a whole number of 1 or more.</source>
            <translation>Die Schritte müssen eine ganze Zahl ab 1 sein.</translation>
        </message>
        <message>
            <source>Guidance must be a number of 0 or more.</source>
            <translation>Guidance muss eine Zahl ab 0 sein.</translation>
        </message>
        <message>
            <source>The context must be a number of seconds, 0 or more.</source>
            <translation>Der Kontext muss eine Anzahl Sekunden ab 0 sein.</translation>
        </message>
        <message>
            <source>Regenerate %1</source>
            <translation>%1 neu erzeugen</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Wartet</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>almost done</source>
            <translation>fast fertig</translation>
        </message>
        <message numerus="yes">
            <source>about %n s left</source>
            <translation>
                <numerusform>noch etwa %n s</numerusform>
                <numerusform>noch etwa %n s</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>about %n min left</source>
            <translation>
                <numerusform>noch etwa %n min</numerusform>
                <numerusform>noch etwa %n min</numerusform>
            </translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Startet</translation>
        </message>
        <message>
            <source>Dropped: another song was opened.</source>
            <translation>Verworfen: Ein anderer Song wurde geöffnet.</translation>
        </message>
        <message>
            <source>dropped, another song was opened</source>
            <translation>verworfen, ein anderer Song wurde geöffnet</translation>
        </message>
        <message>
            <source>New take ready</source>
            <translation>Neuer Take fertig</translation>
        </message>
        <message>
            <source>new take ready</source>
            <translation>neuer Take fertig</translation>
        </message>
        <message>
            <source>Cancelled: another song was opened.</source>
            <translation>Abgebrochen: Ein anderer Song wurde geöffnet.</translation>
        </message>
        <message>
            <source>cancelled, another song was opened</source>
            <translation>abgebrochen, ein anderer Song wurde geöffnet</translation>
        </message>
        <message>
            <source>Takes per request must be a whole number from 1 to %1.</source>
            <translation>Takes pro Auftrag: eine ganze Zahl von 1 bis %1.</translation>
        </message>
        <message>
            <source>The range is not inside the song.</source>
            <translation>Der Bereich liegt nicht im Song.</translation>
        </message>
        <message>
            <source>The range is too short to repaint: make it at least %1 s long.</source>
            <translation>Der Bereich ist zu kurz zum Neumalen: mach ihn mindestens %1 s lang.</translation>
        </message>
        <message>
            <source>%1 is locked; unlock it to repaint over it.</source>
            <translation>%1 ist gesperrt; entsperre es, um darüber neu zu malen.</translation>
        </message>
        <message>
            <source>%1–%2</source>
            <translation>%1–%2</translation>
        </message>
        <message>
            <source>Repaint %1</source>
            <translation>%1 neu malen</translation>
        </message>
        <message>
            <source>range %1</source>
            <translation>Bereich %1</translation>
        </message>
        <message>
            <source>%1 (take %2 of %3)</source>
            <translation>%1 (Take %2 von %3)</translation>
        </message>
        <message numerus="yes">
            <source>%n new take(s) ready</source>
            <translation>
                <numerusform>%n neuer Take bereit</numerusform>
                <numerusform>%n neue Takes bereit</numerusform>
            </translation>
        </message>
        <message>
            <source>Only the diffusion engine loads a weights file.</source>
            <translation>Nur die Diffusions-Engine lädt eine Gewichtsdatei.</translation>
        </message>
        <message>
            <source>The weights file %1 does not exist.</source>
            <translation>Die Gewichtsdatei %1 existiert nicht.</translation>
        </message>
        <message>
            <source>Regenerate %1 in %2</source>
            <translation>%1 in %2 neu erzeugen</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::LoopRegionEditor</name>
        <message>
            <source>Move loop</source>
            <translation>Loop verschieben</translation>
        </message>
        <message>
            <source>Resize loop</source>
            <translation>Loop-Länge ändern</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::NewSongModel</name>
        <message>
            <source>A new song is already being made.</source>
            <translation>Es wird bereits ein neuer Song erstellt.</translation>
        </message>
        <message>
            <source>Describe the song first: the caption is empty.</source>
            <translation>Beschreibe zuerst den Song: Die Beschreibung ist leer.</translation>
        </message>
        <message>
            <source>There is no engine "%1".</source>
            <translation>Es gibt keine Engine „%1“.</translation>
        </message>
        <message>
            <source>The length "%1" is not m:ss between 0:10 and 20:00.</source>
            <translation>Die Länge „%1“ ist nicht m:ss zwischen 0:10 und 20:00.</translation>
        </message>
        <message>
            <source>The tempo must be between %1 and %2 BPM (or 0 for the caption's).</source>
            <translation>Das Tempo muss zwischen %1 und %2 BPM liegen (oder 0 für das der Beschreibung).</translation>
        </message>
        <message>
            <source>The seed "%1" is not a whole number.</source>
            <translation>Der Seed „%1“ ist keine ganze Zahl.</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Startet…</translation>
        </message>
        <message>
            <source>Cancelled; the open song is unchanged.</source>
            <translation>Abgebrochen; der offene Song ist unverändert.</translation>
        </message>
        <message>
            <source>Could not make the song: %1</source>
            <translation>Der Song konnte nicht erstellt werden: %1</translation>
        </message>
        <message>
            <source>The %1 engine is not available: %2.</source>
            <translation>Die Engine %1 ist nicht verfügbar: %2.</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::TakeListModel</name>
        <message>
            <source>unknown engine</source>
            <translation>unbekannte Engine</translation>
        </message>
        <message>
            <source>seed %1</source>
            <translation>Seed %1</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n Schritt</numerusform>
                <numerusform>%n Schritte</numerusform>
            </translation>
        </message>
        <message>
            <source>guidance %1</source>
            <translation>Guidance %1</translation>
        </message>
        <message>
            <source>There is no take %1.</source>
            <translation>Es gibt keinen Take %1.</translation>
        </message>
        <message>
            <source>level guard %1 dB</source>
            <translation>Pegelschutz %1 dB</translation>
        </message>
        <message>
            <source>Clips: its stems peak at %1 dBTP</source>
            <translation>Übersteuert: Seine Stems erreichen Spitzen von %1 dBTP</translation>
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
            <source>%1 BPM · %2/%3</source>
            <translation>%1 BPM · %2/%3</translation>
        </message>
        <message>
            <source>CLIP %1 dB</source>
            <translation>CLIP %1 dB</translation>
        </message>
        <message>
            <source>Audio output not started.</source>
            <translation>Audioausgabe nicht gestartet.</translation>
        </message>
        <message>
            <source>Audio output stopped.</source>
            <translation>Audioausgabe gestoppt.</translation>
        </message>
        <message>
            <source>No audio output: %1 Playback is off until a device is available (Retry looks again).</source>
            <translation>Keine Audioausgabe: %1 Die Wiedergabe ist aus, bis ein Gerät verfügbar ist (Erneut versuchen sucht wieder).</translation>
        </message>
        <message>
            <source>The audio output stopped (was the device disconnected?). Playback is off; Retry looks for a device again.</source>
            <translation>Die Audioausgabe wurde beendet (wurde das Gerät getrennt?). Die Wiedergabe ist aus; Erneut versuchen sucht wieder nach einem Gerät.</translation>
        </message>
        <message>
            <source>Set loop region</source>
            <translation>Loop-Bereich setzen</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::UndoHistoryModel</name>
        <message>
            <source>Opened song</source>
            <translation>Geöffneter Song</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::WaveformItem</name>
        <message>
            <source>Clip %1 names no audio file.</source>
            <translation>Clip %1 nennt keine Audiodatei.</translation>
        </message>
        <message>
            <source>%1: no audio folder is set, so the file cannot be found.</source>
            <translation>%1: Es ist kein Audioordner gesetzt, daher wird die Datei nicht gefunden.</translation>
        </message>
    </context>
</TS>