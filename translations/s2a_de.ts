<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>EditorView</name>
    <message>
        <source>Sections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No tracks yet: generate a song (File &gt; New…) or import audio (Ctrl+I).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EngineSettingsDialog</name>
    <message>
        <source>Engine settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diffusion device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU threads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>one per core</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changes apply from the next generation. Running now: %1</source>
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
    <name>GenerationQueuePanel</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n job(s) left</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is being generated. Regenerate a section to add a job here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel this job</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Section %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No section selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. sparse piano, brushed drums, building tension</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locked (keeps its span and takes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make it anew</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New random seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep this seed for the next regeneration (else each one rolls a new seed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regenerate (R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Takes</source>
        <translation type="unfinished" />
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
    <message>
        <source>&amp;New Song…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New &amp;Empty Song</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Split at Playhead (S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Merge with Next (M)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete Section (Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Insert Section at Playhead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Loop Section (L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;In (+)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;Out (-)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom to &amp;Section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Regenerate Section (R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About S2A Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About S2A Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S2A Studio %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Structure-guided music generation and editing: a song as labelled sections, each regenerated on its own while its neighbours stay put.

Runtime: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Engine &amp;Settings…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NewSongDialog</name>
    <message>
        <source>New Song</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe the song</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. upbeat funk with slap bass and brass, 110 bpm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I understood: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name a style, a mood, instruments, a tempo or a key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sections and their bars, in order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>as the structure says (or m:ss, e.g. 2:30)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tempo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From the caption, else the style</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto (from caption)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (unavailable)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Roll a seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SectionLane</name>
    <message>
        <source>locked</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n take(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loop this section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy caption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Split at playhead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge with next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete (merge into neighbour)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play / pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to the start / end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Split the section at the playhead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge the selected section with the next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the selected section (its neighbour takes over)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regenerate the selected section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loop the selected section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select section 1 to 9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom in / out around the playhead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scroll along the song</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move a boundary without snapping to beats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo / redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save / open / new song</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import audio / export</source>
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
    <name>TakesList</name>
    <message>
        <source>Play this take</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No takes yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TrackLane</name>
    <message>
        <source>M</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Solo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 dB</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>bar %1</source>
        <translation type="unfinished" />
    </message>
</context>
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
    <message>
        <source>That song is no longer on disk.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>s2a::ui::EditorController</name>
    <message>
        <source>Instruments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mood</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no section at that position.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no section %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A song needs at least one section.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insert section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A section needs a name.</source>
        <translation type="unfinished" />
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
    <name>s2a::ui::GenerationQueueModel</name>
    <message>
        <source>Arranger (procedural)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diffusion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 engine is not available: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no engine called "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no section "%1" in this song.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is locked; unlock it to regenerate it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The seed must be a whole number of 0 or more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps must be a whole number of 1 or more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guidance must be a number of 0 or more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The context must be a number of seconds, 0 or more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regenerate %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>almost done</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dropped: another song was opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dropped, another song was opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New take ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>new take ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled: another song was opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled, another song was opened</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>s2a::ui::NewSongModel</name>
    <message>
        <source>Arranger</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diffusion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (default style)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 BPM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1–%2 BPM (style)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 major or minor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a minor key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a major key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>any key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>band: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>feel: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new song is already being made.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe the song first: the caption is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no engine "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The length "%1" is not m:ss between 0:10 and 20:00.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The tempo must be between %1 and %2 BPM (or 0 for the caption's).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The seed "%1" is not a whole number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; the open song is unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not make the song: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 engine is not available: %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>s2a::ui::TakeListModel</name>
    <message>
        <source>unknown engine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>seed %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>guidance %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no take %1.</source>
        <translation type="unfinished" />
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
    <message>
        <source>%1 BPM · %2/%3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>s2a::ui::WaveformItem</name>
    <message>
        <source>Clip %1 names no audio file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no audio folder is set, so the file cannot be found.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>