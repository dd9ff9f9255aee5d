#include "inference/StemGroups.h"

#include <algorithm>

namespace s2a::inference {

int stemGroupFor(core::TrackRole role, const std::vector<std::string>& groups)
{
    auto find = [&](const char* name) {
        const auto it = std::find(groups.begin(), groups.end(), std::string(name));
        return it == groups.end() ? -1 : int(it - groups.begin());
    };
    int g = -1;
    switch (role) {
    case core::TrackRole::Drums: g = find("drums"); break;
    case core::TrackRole::Bass: g = find("bass"); break;
    case core::TrackRole::Lead: g = find("lead"); break;
    default: break;
    }
    if (g < 0)
        g = find("harmonic");
    if (g < 0)
        g = find("mix");
    return g < 0 ? 0 : g;
}

core::TrackRole roleForStemGroup(const std::string& group)
{
    if (group == "drums")
        return core::TrackRole::Drums;
    if (group == "bass")
        return core::TrackRole::Bass;
    if (group == "lead")
        return core::TrackRole::Lead;
    if (group == "mix")
        return core::TrackRole::Mix;
    if (group == "harmonic")
        return core::TrackRole::Keys;
    return core::TrackRole::Other;
}

std::vector<bool> groupsPlayedBy(const QVector<core::TrackRole>& roles, const std::vector<std::string>& groups)
{
    std::vector<bool> played(groups.size(), false);
    for (core::TrackRole role : roles)
        played[size_t(stemGroupFor(role, groups))] = true;
    return played;
}

}  // namespace s2a::inference
