#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace s2a::core {

// The instrument role of a track (stem). Engines produce stems by role; export names files by it.
enum class TrackRole { Drums, Bass, Keys, Guitar, Strings, Pads, Lead, Vocals, Fx, Other, Mix };

// The musical function of a section. Custom sections carry their own display name in Section::customLabel.
enum class SectionLabel {
    Intro, Verse, PreChorus, Chorus, Bridge, Breakdown, Build, Drop, Solo, Outro, Custom
};

// Stable identifiers used in project.json and by the CLI; never translated.
QString toString(TrackRole role);
QString toString(SectionLabel label);
std::optional<TrackRole> trackRoleFromString(const QString& text);
std::optional<SectionLabel> sectionLabelFromString(const QString& text);
QStringList allTrackRoleNames();
QStringList allSectionLabelNames();

}  // namespace s2a::core
