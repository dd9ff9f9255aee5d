#include "core/model/Labels.h"

#include <array>
#include <utility>

namespace s2a::core {
namespace {

constexpr std::array<std::pair<TrackRole, const char*>, 11> kRoles{{
    {TrackRole::Drums, "drums"}, {TrackRole::Bass, "bass"}, {TrackRole::Keys, "keys"},
    {TrackRole::Guitar, "guitar"}, {TrackRole::Strings, "strings"}, {TrackRole::Pads, "pads"},
    {TrackRole::Lead, "lead"}, {TrackRole::Vocals, "vocals"}, {TrackRole::Fx, "fx"},
    {TrackRole::Other, "other"}, {TrackRole::Mix, "mix"},
}};

constexpr std::array<std::pair<SectionLabel, const char*>, 11> kLabels{{
    {SectionLabel::Intro, "intro"}, {SectionLabel::Verse, "verse"}, {SectionLabel::PreChorus, "pre-chorus"},
    {SectionLabel::Chorus, "chorus"}, {SectionLabel::Bridge, "bridge"}, {SectionLabel::Breakdown, "breakdown"},
    {SectionLabel::Build, "build"}, {SectionLabel::Drop, "drop"}, {SectionLabel::Solo, "solo"},
    {SectionLabel::Outro, "outro"}, {SectionLabel::Custom, "custom"},
}};

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value)
{
    for (const auto& [v, name] : table)
        if (v == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& table, const QString& text)
{
    for (const auto& [v, name] : table)
        if (text == QLatin1String(name))
            return v;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QStringList namesOf(const std::array<std::pair<Enum, const char*>, N>& table)
{
    QStringList names;
    for (const auto& entry : table)
        names << QString::fromLatin1(entry.second);
    return names;
}

}  // namespace

QString toString(TrackRole role) { return nameOf(kRoles, role); }
QString toString(SectionLabel label) { return nameOf(kLabels, label); }
std::optional<TrackRole> trackRoleFromString(const QString& text) { return valueOf(kRoles, text); }
std::optional<SectionLabel> sectionLabelFromString(const QString& text) { return valueOf(kLabels, text); }
QStringList allTrackRoleNames() { return namesOf(kRoles); }
QStringList allSectionLabelNames() { return namesOf(kLabels); }

}  // namespace s2a::core
