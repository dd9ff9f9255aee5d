#include "core/model/ProjectData.h"

#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace s2a::core {

bool AudioClip::operator==(const AudioClip& o) const
{
    return trackId == o.trackId && file == o.file && timelineStart == o.timelineStart
        && sourceStart == o.sourceStart && length == o.length && midiFile == o.midiFile;
}

bool anySoloed(const QVector<Track>& tracks)
{
    return std::any_of(tracks.begin(), tracks.end(), [](const Track& t) { return t.solo; });
}

bool TakeOrigin::operator==(const TakeOrigin& o) const
{
    return engine == o.engine && modelId == o.modelId && weightsHash == o.weightsHash && caption == o.caption
        && seed == o.seed && steps == o.steps && guidance == o.guidance && contextSeconds == o.contextSeconds
        && levelGainDb == o.levelGainDb && truePeakDbtp == o.truePeakDbtp && changedTracks == o.changedTracks
        && createdAt == o.createdAt;
}

bool Take::operator==(const Take& o) const
{
    return id == o.id && name == o.name && clips == o.clips && origin == o.origin && rating == o.rating;
}

int Section::takeIndex(const QString& takeId) const
{
    for (int i = 0; i < takes.size(); ++i)
        if (takes[i].id == takeId)
            return i;
    return -1;
}

const Take* Section::activeTake() const
{
    const int index = takeIndex(activeTakeId);
    return index < 0 ? nullptr : &takes[index];
}

QString Section::displayName() const
{
    if (label == SectionLabel::Custom && !customLabel.isEmpty())
        return customLabel;
    return toString(label);
}

bool Section::operator==(const Section& o) const
{
    return id == o.id && label == o.label && customLabel == o.customLabel && start == o.start && end == o.end
        && caption == o.caption && tags == o.tags && energy == o.energy && locked == o.locked
        && takes == o.takes && activeTakeId == o.activeTakeId;
}

bool Track::operator==(const Track& o) const
{
    return id == o.id && name == o.name && role == o.role && gainDb == o.gainDb && pan == o.pan
        && mute == o.mute && solo == o.solo && colour == o.colour
        && locked == o.locked;
}

bool Marker::operator==(const Marker& o) const
{
    return id == o.id && position == o.position && name == o.name;
}

bool ProjectSettings::operator==(const ProjectSettings& o) const
{
    return title == o.title && sampleRate == o.sampleRate && tempo == o.tempo && timeSignature == o.timeSignature
        && key == o.key && caption == o.caption && seed == o.seed && loopStart == o.loopStart && loopEnd == o.loopEnd
        && downbeatOffset == o.downbeatOffset;
}

int ProjectData::trackIndex(const QString& id) const
{
    for (int i = 0; i < tracks.size(); ++i)
        if (tracks[i].id == id)
            return i;
    return -1;
}

int ProjectData::sectionIndex(const QString& id) const
{
    for (int i = 0; i < sections.size(); ++i)
        if (sections[i].id == id)
            return i;
    return -1;
}

int ProjectData::sectionIndexAt(SampleCount position) const
{
    // Sections are sorted and contiguous: binary search on their ends.
    int lo = 0;
    int hi = int(sections.size()) - 1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        if (position < sections[mid].start)
            hi = mid - 1;
        else if (position >= sections[mid].end)
            lo = mid + 1;
        else
            return mid;
    }
    return -1;
}

bool ProjectData::operator==(const ProjectData& o) const
{
    return settings == o.settings && tracks == o.tracks && sections == o.sections && markers == o.markers
        && chords == o.chords;
}

QString ProjectData::chordAt(SampleCount position) const
{
    auto after = std::upper_bound(chords.begin(), chords.end(), position,
                                  [](SampleCount p, const ChordMark& c) { return p < c.position; });
    return after == chords.begin() ? QStringLiteral("N") : std::prev(after)->name;
}

ProjectData ProjectData::createNew(const QString& title, int sampleRate, SampleCount length)
{
    ProjectData data;
    data.settings.title = title;
    data.settings.sampleRate = sampleRate;
    Section song;
    song.id = newId("sec");
    song.label = SectionLabel::Custom;
    song.customLabel = QStringLiteral("Song");
    song.start = 0;
    song.end = std::max(length, limits::minimumSectionLength(sampleRate));
    data.sections.append(song);
    return data;
}

namespace limits {

SampleCount minimumSectionLength(int sampleRate)
{
    return SampleCount(std::llround(kMinimumSectionSeconds * sampleRate));
}

SampleCount maximumSongLength(int sampleRate)
{
    return SampleCount(std::llround(kMaxSongSeconds * std::clamp(sampleRate, 0, kMaxSampleRate)));
}

bool isValidKey(const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-G](#|b)? (major|minor)$"));
    return key.isEmpty() || pattern.match(key).hasMatch();
}

bool isValidColour(const QString& colour)
{
    static const QRegularExpression pattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return pattern.match(colour).hasMatch();
}

bool isValidTimeSignature(const TimeSignature& ts)
{
    const int d = ts.denominator;
    return ts.numerator >= 1 && ts.numerator <= 32 && d >= 1 && d <= 32 && (d & (d - 1)) == 0;
}

}  // namespace limits

QString newId(const char* prefix)
{
    const QString hex = QUuid::createUuid().toString(QUuid::Id128);
    return QString::fromLatin1(prefix) + QLatin1Char('-') + hex.left(12);
}

}  // namespace s2a::core
