#!/usr/bin/env python3
"""Fills empty translations in a Qt .ts file from a table, so hand translations survive lupdate runs.

usage: scripts/fill_ts.py translations/s2a_de.ts   (uses the table for the file's language)
Run after lupdate: lupdate -locations none -no-obsolete ui/qml ui/viewmodels -ts translations/s2a_de.ts
"""
import sys
import xml.etree.ElementTree as ET

TABLES = {
    "en": {
        "%1 · %n section(s)": ["%1 · %n section", "%1 · %n sections"],
        "%n track(s)": ["%n track", "%n tracks"],
        "DSP %1 % · %n xrun(s)": ["DSP %1 % · %n xrun", "DSP %1 % · %n xruns"],
        "%n file(s) written to %1": ["%n file written to %1", "%n files written to %1"],
        "%n take(s)": ["%n take", "%n takes"],
        "%n job(s) left": ["%n job left", "%n jobs left"],
        "%n step(s)": ["%n step", "%n steps"],
        "about %n min left": ["about %n min left", "about %n min left"],
        "about %n s left": ["about %n s left", "about %n s left"],
    },
    "de": {
        "Untitled": "Unbenannt",
        "%1 · %n section(s)": ["%1 · %n Abschnitt", "%1 · %n Abschnitte"],
        "%n track(s)": ["%n Spur", "%n Spuren"],
        "This song has no audio yet. Generate a song or import audio to start editing.":
            "Dieser Song hat noch kein Audio. Erzeuge einen Song oder importiere Audio, um mit dem Bearbeiten zu beginnen.",
        "&File": "&Datei", "&New": "&Neu", "&Open…": "Ö&ffnen…", "&Save": "&Speichern",
        "Save &As…": "Speichern &unter…", "&Quit": "&Beenden", "&Edit": "&Bearbeiten",
        "&Undo": "&Rückgängig", "&Redo": "&Wiederholen",
        "%1 Hz · %2 BPM · %3": "%1 Hz · %2 BPM · %3", "key not set": "Tonart nicht gesetzt",
        "Open a song (.s2a folder)": "Song öffnen (.s2a-Ordner)", "Save song as": "Song speichern unter",
        "S2A Studio songs (*.s2a)": "S2A-Studio-Songs (*.s2a)", "S2A Studio": "S2A Studio",
        "Recover unsaved changes?": "Ungespeicherte Änderungen wiederherstellen?",
        "S2A Studio closed before this song was saved. An automatic backup newer than the last save exists.":
            "S2A Studio wurde beendet, bevor dieser Song gespeichert war. Es gibt eine automatische Sicherung, "
            "die neuer ist als die letzte Speicherung.",
        "Restore it to continue where you left off, or discard it to keep the last saved version.":
            "Stelle sie wieder her, um dort weiterzumachen, wo du aufgehört hast, oder verwirf sie, um die "
            "zuletzt gespeicherte Fassung zu behalten.",
        "Save changes?": "Änderungen speichern?",
        "\"%1\" has unsaved changes.": "„%1“ hat ungespeicherte Änderungen.",
        "Autosave failed: %1": "Automatisches Speichern fehlgeschlagen: %1",
        "Space plays the song. Section editing comes with the timeline editor.":
            "Leertaste spielt den Song ab. Abschnitte bearbeitest du im Zeitleisten-Editor.",
        "Pause (Space)": "Pause (Leertaste)", "Play (Space)": "Abspielen (Leertaste)",
        "Stop and return to where playback started": "Stopp und zurück zum Startpunkt der Wiedergabe",
        "Retry": "Erneut versuchen",
        "%n file(s) written to %1": ["%n Datei nach %1 geschrieben", "%n Dateien nach %1 geschrieben"],
        "Export": "Exportieren", "&Export…": "&Exportieren…", "Stems and mix": "Stems und Mix",
        "Mix only": "Nur Mix", "Format": "Format", "Sample rate": "Abtastrate", "Loudness": "Lautheit",
        "Folder": "Ordner", "Choose…": "Wählen…", "Close": "Schließen", "Cancel export": "Export abbrechen",
        "Replace files that exist already": "Vorhandene Dateien ersetzen", "Export into": "Exportieren nach",
        "DSP %1 % · %n xrun(s)": ["DSP %1 % · %n Aussetzer", "DSP %1 % · %n Aussetzer"],
    },
}


# lupdate 6.4 files tr() strings of classes in namespaces under the bare class name, while moc's tr() looks
# them up under the qualified one: rename those contexts after every lupdate run.
QUALIFIED_CONTEXTS = {
    "DocumentController": "s2a::ui::DocumentController",
    "TransportModel": "s2a::ui::TransportModel",
    "ExportModel": "s2a::ui::ExportModel",
}


def main(path):
    tree = ET.parse(path)
    root = tree.getroot()
    for context in root.iter("context"):
        name = context.find("name")
        if name.text in QUALIFIED_CONTEXTS:
            name.text = QUALIFIED_CONTEXTS[name.text]
    table = TABLES[root.get("language", "")[:2]]
    for message in root.iter("message"):
        source = message.findtext("source")
        if source not in table:
            continue
        translation = message.find("translation")
        value = table[source]
        if message.get("numerus") == "yes":
            for form, text in zip(translation.findall("numerusform"), value):
                form.text = text
        else:
            translation.text = value
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        main(p)
