#pragma once

#include "core/model/ProjectData.h"

#include <QString>
#include <QVariantList>

#include <algorithm>
#include <vector>

namespace s2a::ui {

// One clip of a timeline lane as QML hands it over ({file, timelineStart, sourceStart, length}, samples at the
// project rate, see core::AudioClip), with its file resolved against the lane's audio folder.
struct LaneClip {
    QString path;     // absolute; empty when the entry could not be resolved
    QString problem;  // why the entry itself is unusable, in a sentence
    core::SampleCount timelineStart = 0;
    core::SampleCount sourceStart = 0;
    core::SampleCount length = 0;

    bool sameAs(const LaneClip& o) const
    {
        return path == o.path && problem == o.problem && timelineStart == o.timelineStart
               && sourceStart == o.sourceStart && length == o.length;
    }
    // Timeline samples [from, to) overlap the clip.
    bool overlaps(double from, double to) const
    {
        return double(timelineStart + length) > from && double(timelineStart) < to;
    }
};

// `audioDir` may be a folder or a file: URL.
std::vector<LaneClip> parseLaneClips(const QVariantList& clips, const QString& audioDir);

template <typename Clip>
bool sameClips(const std::vector<Clip>& a, const std::vector<LaneClip>& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const LaneClip& x, const LaneClip& y) { return x.sameAs(y); });
}

}  // namespace s2a::ui
