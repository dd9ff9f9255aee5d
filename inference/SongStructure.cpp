#include "inference/SongStructure.h"

#include <cmath>

namespace s2a::inference {

using core::SectionLabel;

namespace {

struct Template {
    const char* name;
    const char* form;
};

// Common forms at typical lengths: 8-bar phrases, a bridge before the last chorus, drops after builds.
constexpr Template kTemplates[] = {
    {"pop", "intro:4,verse:8,pre-chorus:4,chorus:8,verse:8,pre-chorus:4,chorus:8,bridge:8,chorus:8,outro:4"},
    {"rock", "intro:8,verse:16,chorus:8,verse:16,chorus:8,solo:16,chorus:8,outro:8"},
    {"edm", "intro:16,build:8,drop:16,breakdown:16,build:8,drop:16,outro:16"},
    {"ambient", "intro:8,verse:16,bridge:16,verse:16,outro:8"},
    {"ballad", "intro:4,verse:8,chorus:8,verse:8,chorus:8,bridge:8,chorus:8,outro:4"},
};

}  // namespace

Result<SongForm> parseSongForm(const QString& text)
{
    SongForm form;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return Error{QStringLiteral("The structure is empty; give it as intro:8,verse:16,chorus:16")};
    for (const QString& part : parts) {
        const QStringList fields = part.trimmed().split(QLatin1Char(':'));
        const auto label = core::sectionLabelFromString(fields.value(0).trimmed().toLower());
        bool ok = fields.size() == 2;
        const int bars = ok ? fields[1].trimmed().toInt(&ok) : 0;
        if (!label || !ok || bars < 1 || bars > 256)
            return Error{QStringLiteral("\"%1\" is not label:bars (labels: %2; bars 1..256)")
                             .arg(part.trimmed(), core::allSectionLabelNames().join(QStringLiteral(", ")))};
        form.append({*label, bars});
    }
    return form;
}

Result<SongForm> templateSongForm(const QString& name)
{
    for (const Template& t : kTemplates)
        if (name == QLatin1String(t.name))
            return parseSongForm(QString::fromLatin1(t.form));
    return Error{QStringLiteral("No template \"%1\"; choose one of %2").arg(name, templateNames().join(QStringLiteral(", ")))};
}

QStringList templateNames()
{
    QStringList names;
    for (const Template& t : kTemplates)
        names << QString::fromLatin1(t.name);
    return names;
}

SongForm fitToLength(const SongForm& form, double seconds, double tempo, int beatsPerBar)
{
    int bars = 0;
    for (const auto& s : form)
        bars += s.second;
    const double secondsPerBar = 60.0 / tempo * beatsPerBar;
    const double scale = seconds / (bars * secondsPerBar);
    SongForm fitted;
    for (const auto& s : form)
        fitted.append({s.first, std::max(2, 2 * int(std::lround(s.second * scale / 2.0)))});
    return fitted;
}

}  // namespace s2a::inference
