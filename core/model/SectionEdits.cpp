#include "core/model/SectionEdits.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace s2a::core::SectionEdits {
namespace {

Error lockedError(const Section& s)
{
    return Error{QStringLiteral("Section \"%1\" is locked; unlock it first.").arg(s.displayName())};
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
            if (!take)
                return;
            for (const AudioClip& clip : take->clips) {
                const AudioClip part = trimmed(clip, span.start, span.end);
                if (part.length > 0)
                    composite.clips.append(part);
            }
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
    return std::make_pair(l, r);
}

}  // namespace s2a::core::SectionEdits
