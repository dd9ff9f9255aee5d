#pragma once
// A saved song whose clips are real audio files, for GUI tests that open it in the app's window.

#include "core/audio/AudioFileWriter.h"
#include "core/persistence/ProjectBundle.h"

#include <QDir>

#include <functional>

namespace s2a::test {

// Writes the audio of every clip of every take, made by `audioFor`, then the song itself into `bundle`.
inline bool saveWithAudio(const core::ProjectData& song, const QString& bundle,
                          const std::function<core::AudioBuffer(const core::AudioClip&)>& audioFor)
{
    const QDir audio(core::bundle::audioDir(bundle));
    if (!QDir().mkpath(audio.path()))
        return false;
    for (const core::Section& s : song.sections)
        for (const core::Take& take : s.takes)
            for (const core::AudioClip& c : take.clips)
                if (!core::AudioFileWriter::write(audio.filePath(c.file), audioFor(c), core::AudioFileFormat::Flac16))
                    return false;
    return bool(core::bundle::save(song, bundle));
}

}  // namespace s2a::test
