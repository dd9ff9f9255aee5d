#include "core/export/MidiExport.h"

#include "core/midi/MidiFile.h"
#include "core/model/SectionEdits.h"
#include "core/persistence/ProjectBundle.h"

#include <QDir>
#include <QHash>

#include <algorithm>

namespace s2a::core {

std::vector<TrackMidi> gatherTrackMidi(const ProjectData& data, const QString& bundlePath, const std::vector<int>& tracks,
                                       const std::optional<std::pair<SampleCount, SampleCount>>& range,
                                       QStringList& problems)
{
    const double rate = data.settings.sampleRate;
    const SampleCount from = range ? range->first : 0;
    const SampleCount to = range ? range->second : data.length();
    const QDir audio(bundle::audioDir(bundlePath));
    QHash<QString, std::vector<MidiNote>> parsed;  // one file often serves every section of a track
    std::vector<TrackMidi> out;
    for (int t : tracks) {
        std::vector<MidiNote> notes;
        for (const Section& section : data.sections) {
            const Take* take = section.activeTake();
            if (!take)
                continue;
            for (const AudioClip& whole : take->clips) {
                // What plays of the clip: its section's span (as playback), then the range.
                const AudioClip clip = SectionEdits::trimmed(SectionEdits::trimmed(whole, section.start, section.end), from, to);
                if (whole.midiFile.isEmpty() || whole.trackId != data.tracks[t].id || clip.length <= 0)
                    continue;
                if (!parsed.contains(whole.midiFile)) {
                    auto read = readMidiFile(audio.filePath(whole.midiFile));
                    if (!read)
                        problems << read.errorMessage();
                    parsed.insert(whole.midiFile, read ? read.value() : std::vector<MidiNote>{});
                }
                // MIDI time 0 is the audio file's sample 0; the clip plays source samples from sourceStart.
                const double shift = double(clip.timelineStart - clip.sourceStart - from) / rate;
                const double clipStart = double(clip.timelineStart - from) / rate;
                const double clipEnd = double(clip.timelineEnd() - from) / rate;
                for (MidiNote n : parsed.value(whole.midiFile)) {
                    n.startSeconds += shift;
                    n.endSeconds += shift;
                    if (n.startSeconds < clipStart || n.startSeconds >= clipEnd)
                        continue;
                    n.endSeconds = std::min(n.endSeconds, clipEnd);
                    notes.push_back(n);
                }
            }
        }
        if (notes.empty())
            continue;
        std::stable_sort(notes.begin(), notes.end(),
                         [](const MidiNote& a, const MidiNote& b) { return a.startSeconds < b.startSeconds; });
        out.push_back({t, writeMidi(notes, data.settings.tempo), int(notes.size())});
    }
    return out;
}

}  // namespace s2a::core
