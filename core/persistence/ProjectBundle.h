#pragma once

#include "core/model/ProjectData.h"
#include "core/util/Result.h"

#include <QString>

// A project on disk is a folder bundle "Name.s2a/": project.json (with project.json.bak, the previous save),
// audio/ with content-addressed audio files that are never rewritten, and project.autosave.json while there
// are unsaved changes.
namespace s2a::core::bundle {

QString projectFile(const QString& bundlePath);
QString backupFile(const QString& bundlePath);
QString recoveryFile(const QString& bundlePath);
QString audioDir(const QString& bundlePath);

// Loads, migrates and validates project.json, and checks that every audio file it names is present. Errors
// name the file, the JSON path and the problem.
Result<ProjectData> load(const QString& bundlePath);
// The same for the previous save kept in project.json.bak.
Result<ProjectData> loadBackup(const QString& bundlePath);

// Saves atomically; the previous project.json becomes project.json.bak. When saving to a new place ("Save
// As"), `audioSourceBundle` is the bundle the audio files come from; missing ones are copied over. A
// successful save removes the recovery file.
Status save(const ProjectData& data, const QString& bundlePath, const QString& audioSourceBundle = {});

// Gives `bundlePath` (created if needed) every audio file `data` refers to that it lacks, from
// `sourceBundle`: hard links where possible (bundle audio is never rewritten in place), else copies.
Status copyReferencedAudio(const ProjectData& data, const QString& sourceBundle, const QString& bundlePath);

// Copies an audio file into audio/ under a name made from its SHA-256, unless that content is there
// already. Returns the name to put in clips.
Result<QString> addAudioFile(const QString& bundlePath, const QString& sourceFile);
// The same for bytes in memory (a take's MIDI): stored as audio/<hash>.<suffix>, the name returned.
Result<QString> addFileBytes(const QString& bundlePath, const QByteArray& bytes, const QString& suffix);

// Crash recovery.
Status writeRecovery(const ProjectData& data, const QString& bundlePath);
bool hasNewerRecovery(const QString& bundlePath);
Result<ProjectData> loadRecovery(const QString& bundlePath);
void discardRecovery(const QString& bundlePath);

}  // namespace s2a::core::bundle
