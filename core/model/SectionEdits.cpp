#include "core/model/SectionEdits.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace s2a::core::SectionEdits {
namespace {

Error lockedError(const Section& s)
{
    return Error{QStringLiteral("Section \"%1\" is locked; unlock it first.").arg(s.displayName())};
}

// What `clips` play in [from, to), each trimmed to it; clips outside it drop out.
QVector<AudioClip> within(const QVector<AudioClip>& clips, SampleCount from, SampleCount to)
{
    QVector<AudioClip> out;
    for (const AudioClip& clip : clips) {
        const AudioClip part = trimmed(clip, from, to);
        if (part.length > 0)
            out.append(part);
    }
    return out;
}

// `clips` without what they play in [from, to): a clip across the span leaves its two ends.
QVector<AudioClip> without(const QVector<AudioClip>& clips, SampleCount from, SampleCount to)
{
    QVector<AudioClip> out;
    for (const AudioClip& clip : clips) {
        const AudioClip before = trimmed(clip, clip.timelineStart, from);
        const AudioClip after = trimmed(clip, to, clip.timelineEnd());
        if (before.length > 0)
            out.append(before);
        if (after.length > 0)
            out.append(after);
    }
    return out;
}

// Joins clips that continue one another (same track and file, contiguous on the timeline and in the file), so
// that dragging a boundary back and forth leaves the clip list as it found it instead of in pieces.
QVector<AudioClip> coalesced(QVector<AudioClip> clips)
{
    std::stable_sort(clips.begin(), clips.end(), [](const AudioClip& a, const AudioClip& b) {
        return std::tie(a.trackId, a.timelineStart) < std::tie(b.trackId, b.timelineStart);
    });
    QVector<AudioClip> out;
    for (const AudioClip& clip : clips) {
        if (!out.isEmpty()) {
            AudioClip& last = out.last();
            if (last.trackId == clip.trackId && last.file == clip.file && last.midiFile == clip.midiFile
                && last.timelineEnd() == clip.timelineStart
                && last.sourceStart + last.length == clip.sourceStart) {
                last.length += clip.length;
                continue;
            }
        }
        out.append(clip);
    }
    return out;
}

// Hands [from, to) from `shrinking` to `growing` with its sound: the clips the shrinking section's active take
// played there move to the growing section's active take (references to the same files, trimmed; no audio is
// copied), which drops what it had of its own there. A growing section without takes gets one that holds just
// that span. Moving means both sides change, so a drag and its way back leave both clip lists as they were.
void handOver(Section& growing, Section& shrinking, SampleCount from, SampleCount to)
{
    QVector<AudioClip> moved;
    const int source = shrinking.takeIndex(shrinking.activeTakeId);
    if (source >= 0) {
        Take& take = shrinking.takes[source];
        moved = within(take.clips, from, to);
        take.clips = without(take.clips, from, to);
    }
    const int active = growing.takeIndex(growing.activeTakeId);
    if (active < 0) {
        if (moved.isEmpty())
            return;
        Take take;
        take.id = newId("take");
        take.name = QStringLiteral("From %1").arg(shrinking.displayName());
        take.origin.engine = QStringLiteral("boundary");
        take.origin.createdAt = QDateTime::currentDateTimeUtc();
        take.clips = moved;
        growing.takes.append(take);
        growing.activeTakeId = take.id;
        return;
    }
    Take& take = growing.takes[active];
    take.clips = coalesced(without(take.clips, from, to) + moved);
}

}  // namespace

Result<std::pair<Section, Section>> split(const Section& section, SampleCount position, SampleCount minLength)
{
    if (section.locked)
        return lockedError(section);
    if (position - section.start < minLength || section.end - position < minLength)
        return Error{QStringLiteral("Cannot split \"%1\" there: both parts must be at least %2 samples long.")
                         .arg(section.displayName())
                         .arg(minLength)};
    Section left = section;
    Section right = section;
    left.end = position;
    right.start = position;
    right.id = newId("sec");
    for (Take& take : right.takes) {
        const QString oldId = take.id;
        take.id = newId("take");
        if (section.activeTakeId == oldId)
            right.activeTakeId = take.id;
    }
    return std::make_pair(left, right);
}

AudioClip trimmed(const AudioClip& clip, SampleCount start, SampleCount end)
{
    AudioClip out = clip;
    const SampleCount from = std::max(clip.timelineStart, start);
    const SampleCount to = std::min(clip.timelineEnd(), end);
    out.sourceStart = clip.sourceStart + (from - clip.timelineStart);
    out.timelineStart = from;
    out.length = std::max<SampleCount>(0, to - from);
    return out;
}

Result<Section> merge(const Section& left, const Section& right)
{
    if (left.locked)
        return lockedError(left);
    if (right.locked)
        return lockedError(right);
    if (left.end != right.start)
        return Error{QStringLiteral("Only neighbouring sections can be merged.")};

    Section merged = left;
    merged.end = right.end;
    QSet<QString> ids;
    for (const Take& take : left.takes)
        ids.insert(take.id);
    for (Take take : right.takes) {
        if (ids.contains(take.id))
            take.id = newId("take");
        ids.insert(take.id);
        merged.takes.append(take);
    }

    const Take* leftActive = left.activeTake();
    const Take* rightActive = right.activeTake();
    if (leftActive || rightActive) {
        Take composite;
        composite.id = newId("take");
        composite.name = QStringLiteral("Merged");
        composite.origin.engine = QStringLiteral("merge");
        composite.origin.createdAt = QDateTime::currentDateTimeUtc();
        auto addClips = [&composite](const Take* take, const Section& span) {
            if (take)
                composite.clips += within(take->clips, span.start, span.end);
        };
        addClips(leftActive, left);
        addClips(rightActive, right);
        merged.takes.append(composite);
        merged.activeTakeId = composite.id;
    }
    return merged;
}

Result<std::pair<Section, Section>> moveBoundary(const Section& left, const Section& right, SampleCount position,
                                                 SampleCount minLength)
{
    if (left.locked)
        return lockedError(left);
    if (right.locked)
        return lockedError(right);
    if (position - left.start < minLength || right.end - position < minLength)
        return Error{QStringLiteral("Sections must stay at least %1 samples long.").arg(minLength)};
    Section l = left;
    Section r = right;
    l.end = position;
    r.start = position;
    if (position > left.end)
        handOver(l, r, left.end, position);
    else
        handOver(r, l, position, left.end);
    return std::make_pair(l, r);
}

}  // namespace s2a::core::SectionEdits
