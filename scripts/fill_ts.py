#!/usr/bin/env python3
"""Fills empty translations in a Qt .ts file from a table, so hand translations survive lupdate runs.

usage: scripts/fill_ts.py translations/s2a_de.ts   (uses the table for the file's language)
The build target update_translations runs lupdate and then this script on every shipped .ts. A message whose
source is missing from the table stays unfinished (and is listed), which tests/ui/tst_translations reports.
A key "Context|source" translates one context's message only; a plain source translates it everywhere.
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

TABLES = {
    "en": {
        "%n new take(s) ready": ["%n new take ready", "%n new takes ready"],
        "%1 · %n section(s)": ["%1 · %n section", "%1 · %n sections"],
        "%n track(s)": ["%n track", "%n tracks"],
        "DSP %1 % · %n xrun(s)": ["DSP %1 % · %n xrun", "DSP %1 % · %n xruns"],
        "%n file(s) written to %1": ["%n file written to %1", "%n files written to %1"],
        "%n take(s)": ["%n take", "%n takes"],
        "%n job(s) left": ["%n job left", "%n jobs left"],
        "%n step(s)": ["%n step", "%n steps"],
        "about %n min left": ["about %n min left", "about %n min left"],
        "about %n s left": ["about %n s left", "about %n s left"],
        "%n second(s)": ["%n second", "%n seconds"],
    },
    "de": {
        "AccompanyDialog|Lead melody": "Melodiestimme", "AccompanyDialog|Vocals": "Gesang", "AccompanyDialog|Guitar": "Gitarre",
        "AccompanyDialog|Keys": "Tasten", "AccompanyDialog|Bass": "Bass", "AccompanyDialog|Strings": "Streicher",
        "AccompanyDialog|Other": "Anderes", "Accompany a Recording": "Eine Aufnahme begleiten",
        "AccompanyDialog|Recording": "Aufnahme", "No file chosen": "Keine Datei gewählt", "It plays": "Sie spielt",
        "a tune (a voice, a lead): find chords that fit it": "eine Melodie (Stimme, Lead): passende Akkorde finden",
        "the chords (a guitar, a piano): follow them": "die Akkorde (Gitarre, Klavier): ihnen folgen",
        "AccompanyDialog|Track": "Spur", "The band": "Die Band",
        "e.g. soul with rhodes, bass and brushed drums": "z. B. Soul mit Rhodes, Bass und Besen-Schlagzeug",
        "new each time": "jedes Mal neu", "Accompany": "Begleiten", "Choose a recording to accompany": "Eine Aufnahme zum Begleiten wählen",
        "Change Chord…": "Akkord ändern …", "Chords of the Key": "Akkorde der Tonart", "New Change Here": "Neuer Wechsel hier",
        "Remove Change": "Wechsel entfernen", "Add %1 Here": "%1 hier einfügen", "EditorView|Chords": "Akkorde",
        "&Accompany a Recording…": "Aufnahme &begleiten …", "%1 · your recording": "%1 · deine Aufnahme",
        "Your own recording: regenerating a section, a range or a stem never changes it": "Deine eigene Aufnahme: Neuerzeugen eines Abschnitts, Bereichs oder Stems ändert sie nie",
        "Accompanying %1…": "Begleite %1 …",
        "Lock track": "Spur sperren", "Unlock track": "Spur entsperren", "Move bar 1": "Takt 1 verschieben",
        "\"%1\" is not a chord such as C, F#m or Bb7": "„%1“ ist kein Akkord wie C, F#m oder Bb7",
        "Set chord %1": "Akkord %1 setzen", "There is no chord change there": "Dort gibt es keinen Akkordwechsel",
        "Move chord %1": "Akkord %1 verschieben", "Remove chord %1": "Akkord %1 entfernen",
        "Inspector|Stems": "Stems", "Make only this stem anew in this section": "Nur diesen Stem in diesem Abschnitt neu erzeugen",
        "e.g. strings, brass": "z. B. Streicher, Bläser", "Inspector|Add": "Hinzufügen", "Regenerate %1 in %2": "%1 in %2 neu erzeugen",
        "As in Settings": "Wie in den Einstellungen", "Use the weights file chosen in Settings": "Die in den Einstellungen gewählte Gewichtsdatei verwenden",
        "Weights for this regeneration": "Gewichte für diese Neuerzeugung", "Only the diffusion engine loads a weights file.": "Nur die Diffusions-Engine lädt eine Gewichtsdatei.",
        "The weights file %1 does not exist.": "Die Gewichtsdatei %1 existiert nicht.",
        # core's undo step names and messages (the undo history, Edit > Undo, error lines).
        "Rename song": "Song umbenennen", "Set tempo": "Tempo setzen", "Set time signature": "Taktart setzen", "Set key": "Tonart setzen",
        "Edit song caption": "Song-Beschreibung bearbeiten", "Set seed": "Seed setzen", "Add track": "Spur hinzufügen",
        "Add track \"%1\"": "Spur „%1“ hinzufügen", "Remove track \"%1\"": "Spur „%1“ entfernen", "Rename track": "Spur umbenennen",
        "Set track gain": "Spurpegel setzen", "Set track pan": "Spurpanorama setzen", "Mute track": "Spur stummschalten",
        "Unmute track": "Stummschaltung der Spur aufheben", "Solo track": "Spur solo schalten", "Unsolo track": "Solo der Spur aufheben",
        "Set track colour": "Spurfarbe setzen", "Split section": "Abschnitt teilen",
        "\"%1\" is the last section; there is nothing after it to merge with.": "„%1“ ist der letzte Abschnitt; danach gibt es nichts zum Zusammenführen.",
        "Merge sections": "Abschnitte zusammenführen",
        "The end of the last section is the end of the song; it has no neighbour to move.": "Das Ende des letzten Abschnitts ist das Ende des Songs; es hat keinen Nachbarn, der sich verschieben ließe.",
        "Move section boundary": "Abschnittsgrenze verschieben", "Relabel section": "Abschnitt umbenennen",
        "Edit section caption": "Abschnittsbeschreibung bearbeiten", "Edit section tags": "Abschnitts-Tags bearbeiten",
        "Set section energy": "Abschnittsenergie setzen", "Lock section": "Abschnitt sperren", "Unlock section": "Abschnitt entsperren",
        "Add take": "Take hinzufügen", "Section \"%1\" is locked; unlock it to add takes.": "Abschnitt „%1“ ist gesperrt; entsperre ihn, um Takes hinzuzufügen.",
        "s2a::core::Project|Take %1": "Take %1", "Choose take": "Take wählen",
        "Section \"%1\" is locked; unlock it to change its take.": "Abschnitt „%1“ ist gesperrt; entsperre ihn, um seinen Take zu wechseln.",
        "Rate take": "Take bewerten", "s2a::core::Project|Marker %1": "Marker %1", "Add marker \"%1\"": "Marker „%1“ hinzufügen",
        "A marker needs a name.": "Ein Marker braucht einen Namen.", "Rename marker": "Marker umbenennen",
        "Move marker \"%1\"": "Marker „%1“ verschieben", "Delete marker \"%1\"": "Marker „%1“ löschen",
        "%1\nThe automatic backup was opened instead; save to repair the song.": "%1\nStattdessen wurde die automatische Sicherung geöffnet; speichere, um den Song zu reparieren.",
        "%1 is not an automatic backup that can be restored.": "%1 ist keine automatische Sicherung, die sich wiederherstellen lässt.",
        "%1 is not an automatic backup that can be discarded.": "%1 ist keine automatische Sicherung, die sich verwerfen lässt.",
        "Could not delete %1.": "%1 konnte nicht gelöscht werden.",
        "This song has not been saved yet; choose where to save it.": "Dieser Song wurde noch nicht gespeichert; wähle, wo er gespeichert werden soll.",
        "Set loop region": "Loop-Bereich setzen",
        "Also each track's notes as MIDI (arranger takes)": "Auch die Noten jeder Spur als MIDI (Arranger-Takes)",
        # Repaint of any range (issue 21).
        "Repaint &Loop Region": "&Loop-Bereich neu malen", "Repaint the loop region (any range, across sections)": "Loop-Bereich neu malen (beliebiger Bereich, auch über Abschnitte hinweg)",
        "Shift+R": "Umschalt+R", "Repaint This Range (Shift+R)": "Diesen Bereich neu malen (Umschalt+R)",
        "%1 (take %2 of %3)": "%1 (Take %2 von %3)", "%1 is locked; unlock it to repaint over it.": "%1 ist gesperrt; entsperre es, um darüber neu zu malen.",
        "%1–%2": "%1–%2", "%n new take(s) ready": ["%n neuer Take bereit", "%n neue Takes bereit"], "Repaint %1": "%1 neu malen",
        "The range is not inside the song.": "Der Bereich liegt nicht im Song.",
        "The range is too short to repaint: make it at least %1 s long.": "Der Bereich ist zu kurz zum Neumalen: mach ihn mindestens %1 s lang.",
        "range %1": "Bereich %1",
        # Written as a German DAW says it: Spur, Abschnitt, Take, Stems, Rückgängig; the user is "du".
        "Untitled": "Unbenannt",
        "%1 · %n section(s)": ["%1 · %n Abschnitt", "%1 · %n Abschnitte"],
        "%n track(s)": ["%n Spur", "%n Spuren"],
        "%1 Hz · %2 BPM · %3": "%1 Hz · %2 BPM · %3",
        "key not set": "Tonart nicht gesetzt",
        "Open a song (.s2a folder)": "Song öffnen (.s2a-Ordner)",
        "Save song as": "Song speichern unter",
        "S2A Studio songs (*.s2a)": "S2A-Studio-Songs (*.s2a)",
        "S2A Studio": "S2A Studio",
        "Recover unsaved changes?": "Ungespeicherte Änderungen wiederherstellen?",
        "S2A Studio closed before this song was saved. An automatic backup newer than the last save exists.": "S2A Studio wurde beendet, bevor dieser Song gespeichert war. Es gibt eine automatische Sicherung, die neuer ist als die letzte Speicherung.",
        "Restore it to continue where you left off, or discard it to keep the last saved version.": "Stelle sie wieder her, um dort weiterzumachen, wo du aufgehört hast, oder verwirf sie, um die zuletzt gespeicherte Fassung zu behalten.",
        "Save changes?": "Änderungen speichern?",
        "\"%1\" has unsaved changes.": "„%1“ hat ungespeicherte Änderungen.",
        "Autosave failed: %1": "Automatisches Speichern fehlgeschlagen: %1",
        "Pause (Space)": "Pause (Leertaste)",
        "Play (Space)": "Abspielen (Leertaste)",
        "Stop and return to where playback started": "Stopp und zurück zum Startpunkt der Wiedergabe",
        "Retry": "Erneut versuchen",
        "%n file(s) written to %1": ["%n Datei nach %1 geschrieben", "%n Dateien nach %1 geschrieben"],
        "Export": "Exportieren",
        "Stems and mix": "Stems und Mix",
        "Mix only": "Nur Mix",
        "Format": "Format",
        "Sample rate": "Abtastrate",
        "Loudness": "Lautheit",
        "Folder": "Ordner",
        "Choose…": "Wählen…",
        "Close": "Schließen",
        "Cancel export": "Export abbrechen",
        "Replace files that exist already": "Vorhandene Dateien ersetzen",
        "Export into": "Exportieren nach",
        "DSP %1 % · %n xrun(s)": ["DSP %1 % · %n Aussetzer", "DSP %1 % · %n Aussetzer"],
        # The editor and its panels
        "Sections": "Abschnitte",
        "No tracks yet: generate a song (File > New…) or import audio (Ctrl+I).":
            "Noch keine Spuren: Erzeuge einen Song (Datei > Neu…) oder importiere Audio (Strg+I).",
        "Arranger (procedural)": "Arrangierer (prozedural)", "Diffusion": "Diffusion",
        "Engine settings": "Engine-Einstellungen", "Diffusion device": "Gerät für die Diffusion",
        "Automatic (GPU when there is one)": "Automatisch (GPU, falls vorhanden)", "CPU": "CPU",
        "CUDA GPU": "CUDA-GPU", "CPU threads": "CPU-Threads", "one per core": "einer pro Kern",
        "Changes apply from the next generation. Running now: %1":
            "Änderungen gelten ab der nächsten Erzeugung. Läuft gerade: %1",
        "Each section (stems and mix)": "Jeder Abschnitt (Stems und Mix)",
        "FLAC 16-bit": "FLAC 16 Bit", "FLAC 24-bit": "FLAC 24 Bit", "WAV 16-bit": "WAV 16 Bit",
        "WAV 24-bit": "WAV 24 Bit", "WAV 32-bit float": "WAV 32 Bit Float", "OGG Vorbis": "OGG Vorbis",
        "Song's rate": "Rate des Songs", "As mixed": "Wie gemischt",
        "-14 LUFS (streaming)": "-14 LUFS (Streaming)", "-16 LUFS": "-16 LUFS",
        "-23 LUFS (broadcast)": "-23 LUFS (Rundfunk)", "(choose)": "(wählen)",
        "Queued": "Wartend", "Running": "Läuft", "Done": "Fertig", "Failed": "Fehlgeschlagen",
        "Cancelled": "Abgebrochen",
        "%n job(s) left": ["noch %n Auftrag", "noch %n Aufträge"],
        "Generation": "Erzeugung", "Cancel all": "Alle abbrechen", "Clear finished": "Erledigte entfernen",
        "New song": "Neuer Song",
        "Cancel the new song (the open song stays)": "Neuen Song abbrechen (der offene Song bleibt)",
        "Nothing is being generated. Regenerate a section to add a job here.":
            "Es wird nichts erzeugt. Erzeuge einen Abschnitt neu, um hier einen Auftrag hinzuzufügen.",
        "Cancel %1": "%1 abbrechen", "Cancel this job": "Diesen Auftrag abbrechen",
        "Section %1 · %2": "Abschnitt %1 · %2", "No section selected": "Kein Abschnitt ausgewählt",
        "Label": "Songteil", "Caption": "Beschreibung",
        "e.g. sparse piano, brushed drums": "z. B. sparse piano, brushed drums",
        "Saved with this section and used each time it is regenerated.":
            "Wird mit diesem Abschnitt gespeichert und bei jeder Neuerzeugung verwendet.",
        "Suggestions": "Vorschläge", "Energy": "Energie",
        "Locked (keeps its span and takes)": "Gesperrt (behält Länge und Takes)",
        "This take was made by: %1": "Dieser Take stammt von: %1", "Make it anew": "Neu erzeugen",
        "Engine": "Engine", "Seed": "Seed", "New random seed": "Neuer zufälliger Seed", "Keep": "Behalten",
        "Keep this seed for the next regeneration (else each one rolls a new seed)":
            "Diesen Seed für die nächste Neuerzeugung behalten (sonst würfelt jede einen neuen)",
        "Steps": "Schritte", "Guidance": "Guidance", "Context": "Kontext", "%1 s": "%1 s",
        "Regenerate (R)": "Neu erzeugen (R)", "Takes": "Takes",
        # The menus (mnemonics unique within each menu and across the menu bar)
        "&File": "&Datei", "&New Song…": "&Neuer Song…", "New &Empty Song": "Neuer &leerer Song",
        "&Open…": "Ö&ffnen…", "Open &Recent": "&Zuletzt geöffnet", "&Save": "&Speichern",
        "Save &As…": "Speichern &unter…", "&Import Audio…": "Audio &importieren…", "&Export…": "&Exportieren…",
        "&Quit": "&Beenden", "&Edit": "&Bearbeiten", "&Undo": "&Rückgängig", "&Redo": "&Wiederholen",
        "&Split at Playhead": "Am Abspielkopf &teilen", "&Merge with Next": "Mit &nächstem zusammenführen",
        "&Delete Section": "Abschnitt &löschen", "&Insert Section at Playhead": "Abschnitt am Abspielkopf &einfügen",
        "&Loop Section": "Abschnitt in &Schleife", "&View": "&Ansicht", "Zoom &In": "&Hineinzoomen",
        "Zoom &Out": "Hera&uszoomen", "Zoom to &Fit": "An &Fenster anpassen", "Zoom to &Section": "Auf &Abschnitt zoomen",
        "&Generate": "&Erzeugen", "&Regenerate Section": "Abschnitt &neu erzeugen",
        "&Cancel All Jobs": "&Alle Aufträge abbrechen", "Engine &Settings…": "&Engine-Einstellungen…",
        "&Audio": "A&udio", "Look for devices again": "Erneut nach Geräten suchen", "&Help": "&Hilfe",
        "&Keyboard Shortcuts": "&Tastaturkürzel", "&About S2A Studio": "Ü&ber S2A Studio",
        "About S2A Studio": "Über S2A Studio", "S2A Studio %1": "S2A Studio %1",
        "Structure-guided music generation and editing: a song as labelled sections, each regenerated on its own while its neighbours stay put.":
            "Strukturgeführte Musikerzeugung und -bearbeitung: ein Song aus benannten Abschnitten, von denen jeder "
            "für sich neu erzeugt wird, während seine Nachbarn bleiben, wie sie sind.",
        "Import a song to analyse": "Song zum Analysieren importieren",
        "Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)": "Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)",
        "All files (*)": "Alle Dateien (*)", "Save": "Speichern",
        # New Song
        "New Song": "Neuer Song", "Describe the song": "Beschreibe den Song",
        "e.g. upbeat funk with slap bass and brass, 110 bpm": "z. B. upbeat funk with slap bass and brass, 110 bpm",
        "I understood: %1": "Verstanden: %1",
        "Name a style, a mood, instruments, a tempo or a key.":
            "Nenne einen Stil, eine Stimmung, Instrumente, ein Tempo oder eine Tonart.",
        "Structure": "Struktur", "Custom…": "Eigene…", "Sections and their bars, in order": "Abschnitte und ihre Takte, der Reihe nach",
        "Length": "Länge", "as the structure says (or m:ss, e.g. 2:30)": "wie die Struktur vorgibt (oder m:ss, z. B. 2:30)",
        "Tempo": "Tempo", "Auto": "Auto", "From the caption, else the style": "Aus der Beschreibung, sonst vom Stil",
        "Key": "Tonart", "Auto (from caption)": "Auto (aus der Beschreibung)", "%1 (unavailable)": "%1 (nicht verfügbar)",
        "random": "zufällig", "Roll a seed": "Seed würfeln", "Title": "Titel", "Cancel": "Abbrechen", "Create": "Erzeugen",
        # The app's command line and start
        "Structure-guided music generation and editing": "Strukturgeführte Musikerzeugung und -bearbeitung",
        "A song to open (a .s2a folder), or an audio file to import and analyse.":
            "Ein Song zum Öffnen (ein .s2a-Ordner) oder eine Audiodatei zum Importieren und Analysieren.",
        "Save a picture of the window to <file> once the song is open, then quit.":
            "Ein Bild des Fensters in <Datei> speichern, sobald der Song offen ist, dann beenden.",
        "file": "Datei",
        "Preparing the demo song…": "Demo-Song wird vorbereitet…",
        "The demo song could not be made: %1": "Der Demo-Song konnte nicht erstellt werden: %1",
        # Recovery
        "Recover unsaved songs?": "Ungespeicherte Songs wiederherstellen?",
        "S2A Studio closed before these songs were saved. Restore one to continue where you left off.":
            "S2A Studio wurde beendet, bevor diese Songs gespeichert waren. Stelle einen wieder her, um dort "
            "weiterzumachen, wo du aufgehört hast.",
        "%1 — saved %2 · %3 long": "%1 – gesichert %2 · %3 lang",
        "Discard": "Verwerfen", "Later": "Später", "Restore": "Wiederherstellen",
        # Section lane
        "locked": "gesperrt", "%n take(s)": ["%n Take", "%n Takes"], "Regenerate": "Neu erzeugen",
        "Rename…": "Umbenennen…", "Unlock": "Entsperren", "Lock": "Sperren", "Loop this section": "Diesen Abschnitt loopen",
        "Copy caption": "Beschreibung kopieren", "Split at playhead": "Am Abspielkopf teilen",
        "Merge with next": "Mit nächstem zusammenführen", "Delete (merge into neighbour)": "Löschen (in Nachbarn aufgehen lassen)",
        # Keyboard shortcuts (German keyboards: Strg, Umschalt, Pos1, Ende, Entf)
        "Keyboard shortcuts": "Tastaturkürzel", "Space": "Leertaste", "Play / pause": "Abspielen / Pause",
        "Home / End": "Pos1 / Ende", "Go to the start / end": "Zum Anfang / Ende",
        "S": "S", "Split the section at the playhead": "Den Abschnitt am Abspielkopf teilen",
        "M": "M", "Merge the selected section with the next": "Den ausgewählten Abschnitt mit dem nächsten zusammenführen",
        "Delete": "Entf", "Delete the selected section (its neighbour takes over)":
            "Den ausgewählten Abschnitt löschen (sein Nachbar übernimmt)",
        "R": "R", "Regenerate the selected section": "Den ausgewählten Abschnitt neu erzeugen",
        "L": "L", "Loop the selected section": "Den ausgewählten Abschnitt loopen",
        "Select section 1 to 9": "Abschnitt 1 bis 9 auswählen",
        "Zoom in / out around the playhead": "Um den Abspielkopf hinein-/herauszoomen",
        "Ctrl+wheel": "Strg+Mausrad", "Zoom around the mouse": "Um den Mauszeiger zoomen",
        "Shift+wheel": "Umschalt+Mausrad", "Scroll along the song": "Durch den Song scrollen",
        "Drag": "Ziehen", "Move a boundary (snaps to bars)": "Eine Grenze verschieben (rastet an Takten ein)",
        "Ctrl+drag": "Strg+Ziehen", "Move a boundary, snapping to beats": "Eine Grenze verschieben, rastet an Schlägen ein",
        "Shift+drag": "Umschalt+Ziehen", "Move a boundary without snapping": "Eine Grenze ohne Einrasten verschieben",
        "Ctrl+Z / Ctrl+Shift+Z": "Strg+Z / Strg+Umschalt+Z", "Undo / redo": "Rückgängig / Wiederholen",
        "Ctrl+S / Ctrl+O / Ctrl+N": "Strg+S / Strg+O / Strg+N", "Save / open / new song": "Speichern / Öffnen / Neuer Song",
        "Ctrl+Shift+S": "Strg+Umschalt+S", "Save as": "Speichern unter",
        "Ctrl+I / Ctrl+E": "Strg+I / Strg+E", "Import audio / export": "Audio importieren / Exportieren",
        # Takes, tracks, transport
        "Play this take": "Diesen Take abspielen", "clips": "übersteuert", "No takes yet": "Noch keine Takes",
        "TrackLane|M": "M", "Mute": "Stumm", "TrackLane|S": "S", "Solo": "Solo", "%1 dB": "%1 dB",
        "Loop (L loops the selected section)": "Loop (L loopt den ausgewählten Abschnitt)", "bar %1": "Takt %1",
        "The mix clipped: lower a track or the take. Click to reset.":
            "Der Mix hat übersteuert: Senke eine Spur oder den Take ab. Klicken zum Zurücksetzen.",
        # Messages of the view models
        "File dialogs cannot open: a Qt module they need is missing (on Debian install qml6-module-qt-labs-folderlistmodel, or run scripts/dev deps).\n%1":
            "Dateidialoge können nicht geöffnet werden: Ein benötigtes Qt-Modul fehlt (unter Debian "
            "qml6-module-qt-labs-folderlistmodel installieren oder scripts/dev deps ausführen).\n%1",
        "Analysing… %1 %": "Analysiere… %1 %", "Could not import: %1": "Import fehlgeschlagen: %1",
        "An import is already running.": "Es läuft bereits ein Import.", "Analysing %1…": "Analysiere %1…",
        "That song is no longer on disk.": "Dieser Song ist nicht mehr auf dem Datenträger.",
        "Instruments": "Instrumente", "Mood": "Stimmung", "Genre": "Genre",
        "There is no section at that position.": "An dieser Position gibt es keinen Abschnitt.",
        "There is no section %1.": "Es gibt keinen Abschnitt %1.",
        "A song needs at least one section.": "Ein Song braucht mindestens einen Abschnitt.",
        "Delete section": "Abschnitt löschen", "Insert section": "Abschnitt einfügen",
        "A section needs a name.": "Ein Abschnitt braucht einen Namen.",
        "An export is already running.": "Es läuft bereits ein Export.",
        "Save the song first: its audio lives in the song's folder.":
            "Speichere den Song zuerst: Sein Audio liegt im Ordner des Songs.",
        "Unknown format \"%1\".": "Unbekanntes Format „%1“.",
        "Export cancelled; no files were left behind.": "Export abgebrochen; es sind keine Dateien zurückgeblieben.",
        "The %1 engine is not available: %2.": "Die Engine %1 ist nicht verfügbar: %2.",
        "There is no engine called \"%1\".": "Es gibt keine Engine namens „%1“.",
        "There is no section \"%1\" in this song.": "In diesem Song gibt es keinen Abschnitt „%1“.",
        "%1 is locked; unlock it to regenerate it.": "%1 ist gesperrt; entsperre ihn, um ihn neu zu erzeugen.",
        "The seed must be a whole number of 0 or more.": "Der Seed muss eine ganze Zahl ab 0 sein.",
        "Steps must be a whole number of 1 or more.": "Die Schritte müssen eine ganze Zahl ab 1 sein.",
        "Guidance must be a number of 0 or more.": "Guidance muss eine Zahl ab 0 sein.",
        "The context must be a number of seconds, 0 or more.": "Der Kontext muss eine Anzahl Sekunden ab 0 sein.",
        "Regenerate %1": "%1 neu erzeugen", "Waiting": "Wartet", "cancelled": "abgebrochen",
        "Cancelling…": "Wird abgebrochen…", "%1: %2": "%1: %2", "almost done": "fast fertig",
        "about %n s left": ["noch etwa %n s", "noch etwa %n s"],
        "about %n min left": ["noch etwa %n min", "noch etwa %n min"],
        "Starting": "Startet", "Dropped: another song was opened.": "Verworfen: Ein anderer Song wurde geöffnet.",
        "dropped, another song was opened": "verworfen, ein anderer Song wurde geöffnet",
        "New take ready": "Neuer Take fertig", "new take ready": "neuer Take fertig",
        "Cancelled: another song was opened.": "Abgebrochen: Ein anderer Song wurde geöffnet.",
        "cancelled, another song was opened": "abgebrochen, ein anderer Song wurde geöffnet",
        "A new song is already being made.": "Es wird bereits ein neuer Song erstellt.",
        "Describe the song first: the caption is empty.": "Beschreibe zuerst den Song: Die Beschreibung ist leer.",
        "There is no engine \"%1\".": "Es gibt keine Engine „%1“.",
        "The length \"%1\" is not m:ss between 0:10 and 20:00.": "Die Länge „%1“ ist nicht m:ss zwischen 0:10 und 20:00.",
        "The tempo must be between %1 and %2 BPM (or 0 for the caption's).":
            "Das Tempo muss zwischen %1 und %2 BPM liegen (oder 0 für das der Beschreibung).",
        "The seed \"%1\" is not a whole number.": "Der Seed „%1“ ist keine ganze Zahl.",
        "Starting…": "Startet…", "Cancelled; the open song is unchanged.": "Abgebrochen; der offene Song ist unverändert.",
        "Could not make the song: %1": "Der Song konnte nicht erstellt werden: %1",
        "unknown engine": "unbekannte Engine", "seed %1": "Seed %1", "%n step(s)": ["%n Schritt", "%n Schritte"],
        "guidance %1": "Guidance %1", "level guard %1 dB": "Pegelschutz %1 dB",
        "Clips: its stems peak at %1 dBTP": "Übersteuert: Seine Stems erreichen Spitzen von %1 dBTP",
        "There is no take %1.": "Es gibt keinen Take %1.", "CLIP %1 dB": "CLIP %1 dB", "%1 BPM · %2/%3": "%1 BPM · %2/%3",
        "That audio output is no longer available.": "Dieser Audioausgang ist nicht mehr verfügbar.",
        "Audio output not started.": "Audioausgabe nicht gestartet.",
        "Audio output stopped.": "Audioausgabe gestoppt.",
        "No audio output: %1 Playback is off until a device is available (Retry looks again).":
            "Keine Audioausgabe: %1 Die Wiedergabe ist aus, bis ein Gerät verfügbar ist (Erneut versuchen sucht wieder).",
        "The audio output stopped (was the device disconnected?). Playback is off; Retry looks for a device again.":
            "Die Audioausgabe wurde beendet (wurde das Gerät getrennt?). Die Wiedergabe ist aus; Erneut versuchen "
            "sucht wieder nach einem Gerät.",
        "Clip %1 names no audio file.": "Clip %1 nennt keine Audiodatei.",
        "%1: no audio folder is set, so the file cannot be found.":
            "%1: Es ist kein Audioordner gesetzt, daher wird die Datei nicht gefunden.",
        "Move loop": "Loop verschieben", "Resize loop": "Loop-Länge ändern",
        "Computing waveform…": "Wellenform wird berechnet…",
        "Computing spectrogram…": "Spektrogramm wird berechnet…", "Spectrogram": "Spektrogramm",
        "S&pectrograms": "S&pektrogramme",
        "Show this track as a spectrogram: pitched sound draws lines, noise a haze":
            "Diese Spur als Spektrogramm zeigen: Tonales zeichnet Linien, Rauschen einen Schleier",
        "MP3 320 kbit/s": "MP3 320 kbit/s", "Loop region (stems and mix)": "Loop-Bereich (Stems und Mix)",
        "Takes per Regenerate": "Takes pro Neuerzeugung", "Diffusion steps": "Diffusionsschritte",
        "How many takes one Regenerate makes (seeds one apart), to compare":
            "Wie viele Takes eine Neuerzeugung macht (Seeds je um eins versetzt), zum Vergleichen",
        "Takes per request must be a whole number from 1 to %1.": "Takes pro Auftrag: eine ganze Zahl von 1 bis %1.",
        "There is no loop region to export: set one first (L loops the selected section).":
            "Es gibt keinen Loop-Bereich zum Exportieren: lege zuerst einen fest (L loopt den gewählten Abschnitt).",
        # Undo history
        "Undo History": "Verlauf", "Undo &History…": "&Verlauf…", "Opened song": "Geöffneter Song",
        # Markers
        "Markers": "Marker", "Add a marker at the playhead (Ctrl+M)": "Marker am Abspielkopf setzen (Strg+M)",
        "MarkerLane|Delete": "Löschen", "Add &Marker at Playhead": "&Marker am Abspielkopf setzen",
        "Previous Marker": "Vorheriger Marker", "Next Marker": "Nächster Marker", "Ctrl+M": "Strg+M",
        "Add a marker at the playhead": "Marker am Abspielkopf setzen",
        "Jump to the previous / next marker": "Zum vorherigen / nächsten Marker springen", "Ctrl+,": "Strg+,",
        # Settings (Edit > Settings…)
        "Settings": "Einstellungen", "Audio": "Audio", "General": "Allgemein",
        "Se&ttings…": "Einstellun&gen…", "Audio &Settings…": "Audio-&Einstellungen…",
        "Device default": "Standard des Geräts", "%1 Hz": "%1 Hz", "Output device": "Ausgabegerät",
        "System default": "Systemstandard", "%1 (in use)": "%1 (in Verwendung)", "Buffer size": "Puffergröße",
        "%1 frames": "%1 Frames", "Now": "Aktuell", "Test Tone": "Testton", "Apply": "Anwenden",
        "New songs use": "Neue Songs mit", "Model": "Modell", "Weights file": "Gewichtsdatei",
        "Autosave every": "Automatisch speichern alle", "%n second(s)": ["%n Sekunde", "%n Sekunden"],
        "Language": "Sprache", "Theme": "Design", "Dark": "Dunkel", "Light": "Hell",
        "Language and theme changes apply when S2A Studio starts next.": "Sprache und Design gelten ab dem nächsten Start von S2A Studio.",
        "Choose a weights file": "Gewichtsdatei wählen",
        "Safetensors weights (*.safetensors)": "Safetensors-Gewichte (*.safetensors)",
        "The audio output “%1” chosen in Settings is not available now; playing through the system default instead.":
            "Der in den Einstellungen gewählte Audioausgang „%1“ ist gerade nicht verfügbar; die Wiedergabe läuft über den Systemstandard.",
        "The audio output does not play at the sample rate chosen in Settings; using its own rate instead.":
            "Der Audioausgang spielt nicht mit der in den Einstellungen gewählten Abtastrate; er nutzt stattdessen seine eigene.",
        "No output is open.": "Kein Ausgang geöffnet.", "%1 Hz · %2 frames (%3 ms)": "%1 Hz · %2 Frames (%3 ms)",
        "%1 Hz is not a sample rate S2A Studio offers.": "%1 Hz ist keine Abtastrate, die S2A Studio anbietet.",
        "A buffer of %1 frames is outside %2 to %3.": "Ein Puffer von %1 Frames liegt außerhalb von %2 bis %3.",
        "That output could not be opened: %1": "Dieser Ausgang ließ sich nicht öffnen: %1",
        "No audio output is open: choose one first.": "Kein Audioausgang geöffnet: wähle zuerst einen.",
        "System (%1)": "System (%1)",
        "There is no model config “%1”.": "Es gibt keine Modellkonfiguration „%1“.",
        "Checking %1…": "Prüfe %1…", "%1 is not a file.": "%1 ist keine Datei.",
        "Fits %1: %2 M parameters in %3 tensors.\nSHA-256 %4": "Passt zu %1: %2 Mio. Parameter in %3 Tensoren.\nSHA-256 %4",
    },
    "zh_CN": {
        "AccompanyDialog|Lead melody": "主旋律", "AccompanyDialog|Vocals": "人声", "AccompanyDialog|Guitar": "吉他",
        "AccompanyDialog|Keys": "键盘", "AccompanyDialog|Bass": "贝斯", "AccompanyDialog|Strings": "弦乐",
        "AccompanyDialog|Other": "其他", "Accompany a Recording": "为录音配伴奏",
        "AccompanyDialog|Recording": "录音", "No file chosen": "未选择文件", "It plays": "它演奏的是",
        "a tune (a voice, a lead): find chords that fit it": "一段旋律（人声、主奏）：找出与之相配的和弦",
        "the chords (a guitar, a piano): follow them": "和弦（吉他、钢琴）：跟随这些和弦",
        "AccompanyDialog|Track": "音轨", "The band": "乐队",
        "e.g. soul with rhodes, bass and brushed drums": "例如：灵魂乐，带电钢琴、贝斯和鼓刷",
        "new each time": "每次都新", "Accompany": "配伴奏", "Choose a recording to accompany": "选择要配伴奏的录音",
        "Change Chord…": "更改和弦…", "Chords of the Key": "调内和弦", "New Change Here": "在此新建和弦变化",
        "Remove Change": "删除和弦变化", "Add %1 Here": "在此添加 %1", "EditorView|Chords": "和弦",
        "&Accompany a Recording…": "为录音配伴奏(&A)…", "%1 · your recording": "%1 · 你的录音",
        "Your own recording: regenerating a section, a range or a stem never changes it": "你自己的录音：重新生成段落、范围或分轨都不会改变它",
        "Accompanying %1…": "正在为 %1 配伴奏…",
        "Lock track": "锁定音轨", "Unlock track": "解锁音轨", "Move bar 1": "移动第 1 小节",
        "\"%1\" is not a chord such as C, F#m or Bb7": "“%1”不是 C、F#m 或 Bb7 这样的和弦",
        "Set chord %1": "设置和弦 %1", "There is no chord change there": "那里没有和弦变化",
        "Move chord %1": "移动和弦 %1", "Remove chord %1": "删除和弦 %1",
        "Inspector|Stems": "分轨", "Make only this stem anew in this section": "只在此段落中重新生成这一分轨",
        "e.g. strings, brass": "例如：弦乐、铜管", "Inspector|Add": "添加", "Regenerate %1 in %2": "重新生成 %2 中的 %1",
        "As in Settings": "与设置相同", "Use the weights file chosen in Settings": "使用设置中选择的权重文件",
        "Weights for this regeneration": "本次重新生成所用的权重", "Only the diffusion engine loads a weights file.": "只有扩散引擎会加载权重文件。",
        "The weights file %1 does not exist.": "权重文件 %1 不存在。",
        # core's undo step names and messages (the undo history, Edit > Undo, error lines).
        "Rename song": "重命名歌曲", "Set tempo": "设置速度", "Set time signature": "设置拍号", "Set key": "设置调性",
        "Edit song caption": "编辑歌曲描述", "Set seed": "设置种子", "Add track": "添加音轨",
        "Add track \"%1\"": "添加音轨“%1”", "Remove track \"%1\"": "删除音轨“%1”", "Rename track": "重命名音轨",
        "Set track gain": "设置音轨增益", "Set track pan": "设置音轨声像", "Mute track": "静音音轨",
        "Unmute track": "取消音轨静音", "Solo track": "独奏音轨", "Unsolo track": "取消音轨独奏",
        "Set track colour": "设置音轨颜色", "Split section": "拆分段落",
        "\"%1\" is the last section; there is nothing after it to merge with.": "“%1”是最后一个段落；其后没有可合并的段落。",
        "Merge sections": "合并段落",
        "The end of the last section is the end of the song; it has no neighbour to move.": "最后一个段落的结尾就是歌曲的结尾；没有可移动的相邻段落。",
        "Move section boundary": "移动段落边界", "Relabel section": "更改段落标签",
        "Edit section caption": "编辑段落描述", "Edit section tags": "编辑段落标签",
        "Set section energy": "设置段落能量", "Lock section": "锁定段落", "Unlock section": "解锁段落",
        "Add take": "添加版本", "Section \"%1\" is locked; unlock it to add takes.": "段落“%1”已锁定；请先解锁再添加版本。",
        "s2a::core::Project|Take %1": "版本 %1", "Choose take": "选择版本",
        "Section \"%1\" is locked; unlock it to change its take.": "段落“%1”已锁定；请先解锁再更换版本。",
        "Rate take": "为版本评分", "s2a::core::Project|Marker %1": "标记 %1", "Add marker \"%1\"": "添加标记“%1”",
        "A marker needs a name.": "标记需要一个名称。", "Rename marker": "重命名标记",
        "Move marker \"%1\"": "移动标记“%1”", "Delete marker \"%1\"": "删除标记“%1”",
        "%1\nThe automatic backup was opened instead; save to repair the song.": "%1\n已改为打开自动备份；请保存以修复这首歌。",
        "%1 is not an automatic backup that can be restored.": "%1 不是可以恢复的自动备份。",
        "%1 is not an automatic backup that can be discarded.": "%1 不是可以丢弃的自动备份。",
        "Could not delete %1.": "无法删除 %1。",
        "This song has not been saved yet; choose where to save it.": "这首歌尚未保存；请选择保存位置。",
        "Set loop region": "设置循环区域",
        "Also each track's notes as MIDI (arranger takes)": "同时导出每条音轨的音符为 MIDI（编曲器版本）",
        # Repaint of any range (issue 21).
        "Repaint &Loop Region": "重绘循环区域(&L)", "Repaint the loop region (any range, across sections)": "重绘循环区域（任意范围，可跨段落）",
        "Shift+R": "Shift+R", "Repaint This Range (Shift+R)": "重绘此范围 (Shift+R)",
        "%1 (take %2 of %3)": "%1（第 %2 个版本，共 %3 个）", "%1 is locked; unlock it to repaint over it.": "%1 已锁定；请先解锁再重绘。",
        "%1–%2": "%1–%2", "%n new take(s) ready": ["%n 个新版本已就绪"], "Repaint %1": "重绘 %1",
        "The range is not inside the song.": "该范围不在歌曲之内。",
        "The range is too short to repaint: make it at least %1 s long.": "该范围太短，无法重绘：请至少设为 %1 秒。",
        "range %1": "范围 %1",
        # Chinese has one plural form; menu mnemonics follow the Chinese convention "文件(&F)".
        "Untitled": "未命名",
        "%1 · %n section(s)": ["%1 · %n 个段落"],
        "%n track(s)": ["%n 条音轨"],
        "DSP %1 % · %n xrun(s)": ["DSP %1 % · %n 次 xrun"],
        "%n file(s) written to %1": ["已将 %n 个文件写入 %1"],
        "%n take(s)": ["%n 个版本"],
        "%n job(s) left": ["还剩 %n 个任务"],
        "%n step(s)": ["%n 步"],
        "about %n min left": ["约剩 %n 分钟"],
        "about %n s left": ["约剩 %n 秒"],
        # The editor and its panels
        "Sections": "段落",
        "No tracks yet: generate a song (File > New…) or import audio (Ctrl+I).":
            "还没有音轨：生成一首歌曲（文件 > 新建…）或导入音频（Ctrl+I）。",
        "Arranger (procedural)": "编曲器（程序化）", "Diffusion": "扩散模型",
        "Engine settings": "引擎设置", "Diffusion device": "扩散模型设备",
        "Automatic (GPU when there is one)": "自动（有 GPU 时使用 GPU）", "CPU": "CPU",
        "CUDA GPU": "CUDA GPU", "CPU threads": "CPU 线程", "one per core": "每个核心一个",
        "Changes apply from the next generation. Running now: %1": "更改从下一次生成起生效。当前运行：%1",
        "Export": "导出", "Stems and mix": "分轨和混音", "Mix only": "仅混音",
        "Each section (stems and mix)": "每个段落（分轨和混音）", "Format": "格式",
        "FLAC 16-bit": "FLAC 16 位", "FLAC 24-bit": "FLAC 24 位", "WAV 16-bit": "WAV 16 位",
        "WAV 24-bit": "WAV 24 位", "WAV 32-bit float": "WAV 32 位浮点", "OGG Vorbis": "OGG Vorbis",
        "Sample rate": "采样率", "Song's rate": "歌曲的采样率", "Loudness": "响度", "As mixed": "保持混音原样",
        "-14 LUFS (streaming)": "-14 LUFS（流媒体）", "-16 LUFS": "-16 LUFS", "-23 LUFS (broadcast)": "-23 LUFS（广播）",
        "Folder": "文件夹", "(choose)": "（请选择）", "Choose…": "选择…",
        "Replace files that exist already": "替换已存在的文件", "Cancel export": "取消导出", "Close": "关闭",
        "Export into": "导出到",
        "Queued": "排队中", "Running": "运行中", "Done": "完成", "Failed": "失败", "Cancelled": "已取消",
        "Generation": "生成", "Cancel all": "全部取消", "Clear finished": "清除已完成",
        "New song": "新歌曲", "Cancel the new song (the open song stays)": "取消新歌曲（已打开的歌曲保留）",
        "Nothing is being generated. Regenerate a section to add a job here.": "当前没有生成任务。重新生成一个段落即可在此添加任务。",
        "Cancel %1": "取消 %1", "Cancel this job": "取消此任务",
        "Section %1 · %2": "段落 %1 · %2", "No section selected": "未选择段落",
        "Label": "段落类型", "Caption": "描述", "e.g. sparse piano, brushed drums": "例如 sparse piano, brushed drums",
        "Saved with this section and used each time it is regenerated.": "随此段落保存，每次重新生成时使用。",
        "Suggestions": "建议", "Energy": "能量", "Locked (keeps its span and takes)": "已锁定（保留其范围和版本）",
        "This take was made by: %1": "此版本由 %1 生成", "Make it anew": "重新生成",
        "Engine": "引擎", "Seed": "种子", "New random seed": "新的随机种子", "Keep": "保留",
        "Keep this seed for the next regeneration (else each one rolls a new seed)":
            "下次重新生成时保留此种子（否则每次随机生成新种子）",
        "Steps": "步数", "Guidance": "引导强度", "Context": "上下文", "%1 s": "%1 秒",
        "Regenerate (R)": "重新生成 (R)", "Takes": "版本",
        # The menus
        "&File": "文件(&F)", "&New Song…": "新建歌曲(&N)…", "New &Empty Song": "新建空白歌曲(&E)",
        "&Open…": "打开(&O)…", "Open &Recent": "最近打开(&R)", "&Save": "保存(&S)", "Save &As…": "另存为(&A)…",
        "&Import Audio…": "导入音频(&I)…", "&Export…": "导出(&E)…", "&Quit": "退出(&Q)",
        "&Edit": "编辑(&E)", "&Undo": "撤销(&U)", "&Redo": "重做(&R)", "&Split at Playhead": "在播放头处拆分(&S)",
        "&Merge with Next": "与下一段合并(&M)", "&Delete Section": "删除段落(&D)",
        "&Insert Section at Playhead": "在播放头处插入段落(&I)", "&Loop Section": "循环段落(&L)",
        "&View": "视图(&V)", "Zoom &In": "放大(&I)", "Zoom &Out": "缩小(&O)", "Zoom to &Fit": "缩放至适合(&F)",
        "Zoom to &Section": "缩放至段落(&S)", "&Generate": "生成(&G)", "&Regenerate Section": "重新生成段落(&R)",
        "&Cancel All Jobs": "取消所有任务(&C)", "Engine &Settings…": "引擎设置(&S)…", "&Audio": "音频(&A)",
        "Look for devices again": "重新查找设备", "&Help": "帮助(&H)", "&Keyboard Shortcuts": "键盘快捷键(&K)",
        "&About S2A Studio": "关于 S2A Studio(&A)",
        "%1 Hz · %2 BPM · %3": "%1 Hz · %2 BPM · %3", "key not set": "未设置调性",
        "About S2A Studio": "关于 S2A Studio", "S2A Studio %1": "S2A Studio %1",
        "Structure-guided music generation and editing: a song as labelled sections, each regenerated on its own while its neighbours stay put.":
            "结构引导的音乐生成与编辑：歌曲由带标签的段落组成，每个段落可单独重新生成，相邻段落保持不变。",
        "Save changes?": "保存更改？", "\"%1\" has unsaved changes.": "“%1”有未保存的更改。",
        "Import a song to analyse": "导入要分析的歌曲",
        "Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)": "音频 (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)",
        "All files (*)": "所有文件 (*)", "Open a song (.s2a folder)": "打开歌曲（.s2a 文件夹）",
        "Save song as": "歌曲另存为", "Save": "保存", "S2A Studio songs (*.s2a)": "S2A Studio 歌曲 (*.s2a)",
        "S2A Studio": "S2A Studio", "Recover unsaved changes?": "恢复未保存的更改？",
        "S2A Studio closed before this song was saved. An automatic backup newer than the last save exists.":
            "S2A Studio 在此歌曲保存前关闭了。存在一个比上次保存更新的自动备份。",
        "Restore it to continue where you left off, or discard it to keep the last saved version.":
            "恢复它以从上次中断处继续，或丢弃它以保留上次保存的版本。",
        "Autosave failed: %1": "自动保存失败：%1",
        # New Song
        "New Song": "新建歌曲", "Describe the song": "描述这首歌曲",
        "e.g. upbeat funk with slap bass and brass, 110 bpm": "例如 upbeat funk with slap bass and brass, 110 bpm",
        "I understood: %1": "理解为：%1", "Name a style, a mood, instruments, a tempo or a key.": "写出风格、情绪、乐器、速度或调性。",
        "Structure": "结构", "Custom…": "自定义…", "Sections and their bars, in order": "按顺序列出段落及其小节数",
        "Length": "时长", "as the structure says (or m:ss, e.g. 2:30)": "按结构决定（或 m:ss，例如 2:30）",
        "Tempo": "速度", "Auto": "自动", "From the caption, else the style": "取自描述，否则取自风格",
        "Key": "调性", "Auto (from caption)": "自动（取自描述）", "%1 (unavailable)": "%1（不可用）",
        "random": "随机", "Roll a seed": "随机生成种子", "Title": "标题", "Cancel": "取消", "Create": "创建",
        # The app's command line and start
        "Structure-guided music generation and editing": "结构引导的音乐生成与编辑",
        "A song to open (a .s2a folder), or an audio file to import and analyse.": "要打开的歌曲（.s2a 文件夹），或要导入并分析的音频文件。",
        "Save a picture of the window to <file> once the song is open, then quit.": "歌曲打开后将窗口截图保存到 <文件>，然后退出。",
        "file": "文件",
        "Preparing the demo song…": "正在准备示例歌曲…", "The demo song could not be made: %1": "无法生成示例歌曲：%1",
        # Recovery
        "Recover unsaved songs?": "恢复未保存的歌曲？",
        "S2A Studio closed before these songs were saved. Restore one to continue where you left off.":
            "S2A Studio 在这些歌曲保存前关闭了。恢复其中一首以从上次中断处继续。",
        "%1 — saved %2 · %3 long": "%1 — 保存于 %2 · 时长 %3", "Discard": "丢弃", "Later": "稍后", "Restore": "恢复",
        # Section lane
        "locked": "已锁定", "Regenerate": "重新生成", "Rename…": "重命名…", "Unlock": "解锁", "Lock": "锁定",
        "Loop this section": "循环此段落", "Copy caption": "复制描述", "Split at playhead": "在播放头处拆分",
        "Merge with next": "与下一段合并", "Delete (merge into neighbour)": "删除（并入相邻段落）",
        # Keyboard shortcuts
        "Keyboard shortcuts": "键盘快捷键", "Space": "空格", "Play / pause": "播放 / 暂停",
        "Home / End": "Home / End", "Go to the start / end": "跳到开头 / 结尾",
        "S": "S", "Split the section at the playhead": "在播放头处拆分段落",
        "M": "M", "Merge the selected section with the next": "将所选段落与下一段合并",
        "Delete": "Delete", "Delete the selected section (its neighbour takes over)": "删除所选段落（由相邻段落接替）",
        "R": "R", "Regenerate the selected section": "重新生成所选段落",
        "L": "L", "Loop the selected section": "循环所选段落",
        "Select section 1 to 9": "选择第 1 到 9 个段落", "Zoom in / out around the playhead": "以播放头为中心放大 / 缩小",
        "Ctrl+wheel": "Ctrl+滚轮", "Zoom around the mouse": "以鼠标为中心缩放",
        "Shift+wheel": "Shift+滚轮", "Scroll along the song": "沿歌曲滚动",
        "Drag": "拖动", "Move a boundary (snaps to bars)": "移动边界（吸附到小节）",
        "Ctrl+drag": "Ctrl+拖动", "Move a boundary, snapping to beats": "移动边界，吸附到节拍",
        "Shift+drag": "Shift+拖动", "Move a boundary without snapping": "移动边界，不吸附",
        "Ctrl+Z / Ctrl+Shift+Z": "Ctrl+Z / Ctrl+Shift+Z", "Undo / redo": "撤销 / 重做",
        "Ctrl+S / Ctrl+O / Ctrl+N": "Ctrl+S / Ctrl+O / Ctrl+N", "Save / open / new song": "保存 / 打开 / 新建歌曲",
        "Ctrl+Shift+S": "Ctrl+Shift+S", "Save as": "另存为",
        "Ctrl+I / Ctrl+E": "Ctrl+I / Ctrl+E", "Import audio / export": "导入音频 / 导出",
        # Takes, tracks, transport
        "Play this take": "播放此版本", "clips": "削波", "No takes yet": "还没有版本",
        "TrackLane|M": "M", "Mute": "静音", "TrackLane|S": "S", "Solo": "独奏", "%1 dB": "%1 dB",
        "Pause (Space)": "暂停（空格）", "Play (Space)": "播放（空格）",
        "Stop and return to where playback started": "停止并回到播放开始处",
        "Loop (L loops the selected section)": "循环（L 循环所选段落）", "bar %1": "第 %1 小节", "Retry": "重试",
        "The mix clipped: lower a track or the take. Click to reset.": "混音出现削波：请降低某条音轨或版本的音量。点击以重置。",
        # Messages of the view models
        "File dialogs cannot open: a Qt module they need is missing (on Debian install qml6-module-qt-labs-folderlistmodel, or run scripts/dev deps).\n%1":
            "无法打开文件对话框：缺少所需的 Qt 模块（在 Debian 上请安装 qml6-module-qt-labs-folderlistmodel，或运行 scripts/dev deps）。\n%1",
        "Analysing… %1 %": "正在分析… %1 %", "Could not import: %1": "无法导入：%1",
        "An import is already running.": "已有导入正在进行。", "Analysing %1…": "正在分析 %1…",
        "That song is no longer on disk.": "该歌曲已不在磁盘上。",
        "Instruments": "乐器", "Mood": "情绪", "Genre": "流派",
        "There is no section at that position.": "该位置没有段落。", "There is no section %1.": "没有段落 %1。",
        "A song needs at least one section.": "歌曲至少需要一个段落。", "Delete section": "删除段落",
        "Insert section": "插入段落", "A section needs a name.": "段落需要一个名称。",
        "An export is already running.": "已有导出正在进行。",
        "Save the song first: its audio lives in the song's folder.": "请先保存歌曲：它的音频保存在歌曲文件夹中。",
        "Unknown format \"%1\".": "未知格式“%1”。", "Export cancelled; no files were left behind.": "导出已取消；没有留下任何文件。",
        "The %1 engine is not available: %2.": "%1 引擎不可用：%2。",
        "There is no engine called \"%1\".": "没有名为“%1”的引擎。",
        "There is no section \"%1\" in this song.": "此歌曲中没有段落“%1”。",
        "%1 is locked; unlock it to regenerate it.": "%1 已锁定；解锁后才能重新生成。",
        "The seed must be a whole number of 0 or more.": "种子必须是大于或等于 0 的整数。",
        "Steps must be a whole number of 1 or more.": "步数必须是大于或等于 1 的整数。",
        "Guidance must be a number of 0 or more.": "引导强度必须是大于或等于 0 的数。",
        "The context must be a number of seconds, 0 or more.": "上下文必须是大于或等于 0 的秒数。",
        "Regenerate %1": "重新生成 %1", "Waiting": "等待中", "cancelled": "已取消", "Cancelling…": "正在取消…",
        "%1: %2": "%1：%2", "almost done": "即将完成", "Starting": "正在开始",
        "Dropped: another song was opened.": "已放弃：打开了另一首歌曲。",
        "dropped, another song was opened": "已放弃，打开了另一首歌曲",
        "New take ready": "新版本已就绪", "new take ready": "新版本已就绪",
        "Cancelled: another song was opened.": "已取消：打开了另一首歌曲。",
        "cancelled, another song was opened": "已取消，打开了另一首歌曲",
        "A new song is already being made.": "已有新歌曲正在生成。",
        "Describe the song first: the caption is empty.": "请先描述歌曲：描述为空。",
        "There is no engine \"%1\".": "没有引擎“%1”。",
        "The length \"%1\" is not m:ss between 0:10 and 20:00.": "时长“%1”不是 0:10 到 20:00 之间的 m:ss 格式。",
        "The tempo must be between %1 and %2 BPM (or 0 for the caption's).": "速度必须在 %1 到 %2 BPM 之间（或为 0，表示取自描述）。",
        "The seed \"%1\" is not a whole number.": "种子“%1”不是整数。",
        "Starting…": "正在开始…", "Cancelled; the open song is unchanged.": "已取消；已打开的歌曲未改变。",
        "Could not make the song: %1": "无法生成歌曲：%1",
        "unknown engine": "未知引擎", "seed %1": "种子 %1", "guidance %1": "引导强度 %1",
        "level guard %1 dB": "电平保护 %1 dB", "Clips: its stems peak at %1 dBTP": "削波：其分轨峰值达到 %1 dBTP",
        "There is no take %1.": "没有版本 %1。", "CLIP %1 dB": "削波 %1 dB", "%1 BPM · %2/%3": "%1 BPM · %2/%3",
        "That audio output is no longer available.": "该音频输出已不可用。",
        "Audio output not started.": "音频输出未启动。", "Audio output stopped.": "音频输出已停止。",
        "No audio output: %1 Playback is off until a device is available (Retry looks again).":
            "没有音频输出：%1 在有可用设备之前播放已关闭（“重试”会再次查找）。",
        "The audio output stopped (was the device disconnected?). Playback is off; Retry looks for a device again.":
            "音频输出已停止（设备是否已断开？）。播放已关闭；“重试”会再次查找设备。",
        "Clip %1 names no audio file.": "片段 %1 没有指定音频文件。",
        "%1: no audio folder is set, so the file cannot be found.": "%1：未设置音频文件夹，因此找不到该文件。",
        "Move loop": "移动循环区域", "Resize loop": "调整循环区域",
        "Computing waveform…": "正在计算波形…",
        "Computing spectrogram…": "正在计算频谱图…", "Spectrogram": "频谱图", "S&pectrograms": "频谱图(&P)",
        "Show this track as a spectrogram: pitched sound draws lines, noise a haze":
            "将此音轨显示为频谱图：有音高的声音显示为线条，噪声显示为一片雾状",
        "MP3 320 kbit/s": "MP3 320 kbit/s", "Loop region (stems and mix)": "循环区域（分轨和混音）",
        "Takes per Regenerate": "每次重新生成的版本数", "Diffusion steps": "扩散步数",
        "How many takes one Regenerate makes (seeds one apart), to compare": "一次重新生成产生多少个版本（种子依次加一），用于比较",
        "Takes per request must be a whole number from 1 to %1.": "每次请求的版本数必须是 1 到 %1 之间的整数。",
        "There is no loop region to export: set one first (L loops the selected section).":
            "没有可导出的循环区域：请先设置一个（L 键循环所选段落）。",
        # Undo history
        "Undo History": "撤销历史", "Undo &History…": "撤销历史(&H)…", "Opened song": "打开时的歌曲",
        # Markers
        "Markers": "标记", "Add a marker at the playhead (Ctrl+M)": "在播放头处添加标记（Ctrl+M）",
        "MarkerLane|Delete": "删除", "Add &Marker at Playhead": "在播放头处添加标记(&M)",
        "Previous Marker": "上一个标记", "Next Marker": "下一个标记", "Ctrl+M": "Ctrl+M",
        "Add a marker at the playhead": "在播放头处添加标记",
        "Jump to the previous / next marker": "跳到上一个 / 下一个标记", "Ctrl+,": "Ctrl+,",
        # Settings (Edit > Settings…)
        "Settings": "设置", "Audio": "音频", "General": "常规",
        "Se&ttings…": "设置(&T)…", "Audio &Settings…": "音频设置(&S)…",
        "Device default": "设备默认", "%1 Hz": "%1 Hz", "Output device": "输出设备",
        "System default": "系统默认", "%1 (in use)": "%1（使用中）", "Buffer size": "缓冲区大小",
        "%1 frames": "%1 帧", "Now": "当前", "Test Tone": "测试音", "Apply": "应用",
        "New songs use": "新歌曲使用", "Model": "模型", "Weights file": "权重文件",
        "Autosave every": "自动保存间隔", "%n second(s)": ["%n 秒"], "Language": "语言",
        "Theme": "主题", "Dark": "深色", "Light": "浅色",
        "Language and theme changes apply when S2A Studio starts next.": "语言和主题的更改将在下次启动 S2A Studio 时生效。",
        "Choose a weights file": "选择权重文件",
        "Safetensors weights (*.safetensors)": "Safetensors 权重 (*.safetensors)",
        "The audio output “%1” chosen in Settings is not available now; playing through the system default instead.":
            "设置中选择的音频输出“%1”当前不可用；改用系统默认输出播放。",
        "The audio output does not play at the sample rate chosen in Settings; using its own rate instead.":
            "该音频输出不支持设置中选择的采样率；改用其自身的采样率。",
        "No output is open.": "没有打开的输出。", "%1 Hz · %2 frames (%3 ms)": "%1 Hz · %2 帧（%3 毫秒）",
        "%1 Hz is not a sample rate S2A Studio offers.": "S2A Studio 不提供 %1 Hz 的采样率。",
        "A buffer of %1 frames is outside %2 to %3.": "%1 帧的缓冲区超出 %2 到 %3 的范围。",
        "That output could not be opened: %1": "无法打开该输出：%1",
        "No audio output is open: choose one first.": "没有打开的音频输出：请先选择一个。",
        "System (%1)": "系统（%1）",
        "There is no model config “%1”.": "没有名为“%1”的模型配置。",
        "Checking %1…": "正在检查 %1…", "%1 is not a file.": "%1 不是文件。",
        "Fits %1: %2 M parameters in %3 tensors.\nSHA-256 %4": "符合 %1：%3 个张量，共 %2 M 个参数。\nSHA-256 %4",
    },
}


# lupdate 6.4 does not understand C++17 nested namespaces (`namespace s2a::ui {`): it files tr() strings of the
# UI's classes under the bare class name, while moc's tr() looks them up under the qualified one. Every class of
# ui/ declared in namespace s2a::ui gets its qualified context back after each lupdate run.
def qualified_contexts(root_dir):
    names = {}
    for header in glob.glob(os.path.join(root_dir, "ui", "**", "*.h"), recursive=True):
        text = open(header, encoding="utf-8").read()
        if "namespace s2a::ui" not in text:
            continue
        for name in re.findall(r"^class (\w+)\b[^;]*$", text, flags=re.M):
            names[name] = "s2a::ui::" + name
    return names


def language_of(root):
    language = root.get("language", "")
    return language if language in TABLES else language[:2]


def main(path):
    tree = ET.parse(path)
    root = tree.getroot()
    contexts = qualified_contexts(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    language = language_of(root)
    table = TABLES[language]
    missing = []
    for context in list(root.iter("context")):
        name = context.find("name")
        name.text = contexts.get(name.text, name.text)
        for message in list(context.findall("message")):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation.get("type") in ("obsolete", "vanished") or (language == "en" and not numerus):
                context.remove(message)  # English needs only its plural forms: the sources are English
                continue
            source = message.findtext("source")
            value = table.get(name.text + "|" + source, table.get(source))
            if value is None:
                missing.append(name.text + ": " + source)
                continue
            if numerus:
                forms = translation.findall("numerusform")
                values = value if isinstance(value, list) else [value]
                if len(values) != len(forms):
                    sys.exit("%s: %r needs %d forms" % (path, source, len(forms)))
                for form, text in zip(forms, values):
                    form.text = text
            else:
                translation.text = value
            translation.attrib.pop("type", None)
        if context.find("message") is None:
            root.remove(context)
    ET.indent(tree, space="    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for m in missing:
        print("%s: no translation for %s" % (path, m), file=sys.stderr)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        main(p)
