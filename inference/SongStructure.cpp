#include "inference/SongStructure.h"

#include <algorithm>
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

// The rank at which a section is dropped when the form is too long for the asked length: lower goes first.
int dropRank(const SongForm& form, int index)
{
    const SectionLabel label = form[index].first;
    for (int i = 0; i < index; ++i)
        if (form[i].first == label)
            return 0;  // a repeat: the song still has this part
    switch (label) {
    case SectionLabel::Chorus:
    case SectionLabel::Drop: return 5;  // the hook
    case SectionLabel::Verse: return 4;
    case SectionLabel::Intro: return 3;
    case SectionLabel::Outro: return 2;
    default: return 1;  // pre-chorus, bridge, build, breakdown, solo, custom
    }
}

// Drops sections, lowest rank and latest first, until each has at least one of the `phrases`.
SongForm cutToFit(SongForm form, int phrases)
{
    while (form.size() > std::max(1, phrases)) {
        int victim = 0;
        for (int i = 1; i < form.size(); ++i)
            if (dropRank(form, i) <= dropRank(form, victim))
                victim = i;
        form.remove(victim);
    }
    return form;
}

// Shares `phrases` out over the sections in proportion to their bars (largest remainder), one phrase at least.
SongForm distribute(const SongForm& form, int phrases, int phraseBars)
{
    double weight = 0.0;
    for (const auto& s : form)
        weight += s.second;
    QVector<double> ideal;
    QVector<int> given;
    int total = 0;
    for (const auto& s : form) {
        ideal.append(phrases * s.second / weight);
        given.append(std::max(1, int(std::floor(ideal.constLast()))));
        total += given.constLast();
    }
    while (total != phrases) {
        // Too many: take from the section most over its share (never below one phrase); too few: give to the
        // one most under it.
        int pick = -1;
        for (int i = 0; i < given.size(); ++i) {
            if (total > phrases && given[i] <= 1)
                continue;
            const double miss = total > phrases ? given[i] - ideal[i] : ideal[i] - given[i];
            const double best = pick < 0 ? 0.0 : (total > phrases ? given[pick] - ideal[pick] : ideal[pick] - given[pick]);
            if (pick < 0 || miss > best)
                pick = i;
        }
        given[pick] += total > phrases ? -1 : 1;
        total += total > phrases ? -1 : 1;
    }
    SongForm fitted;
    for (int i = 0; i < form.size(); ++i)
        fitted.append({form[i].first, given[i] * phraseBars});
    return fitted;
}

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

Result<SongForm> fitToLength(const SongForm& form, double seconds, double tempo, const core::TimeSignature& timeSignature)
{
    if (form.isEmpty() || !(seconds > 0.0) || !(tempo > 0.0) || timeSignature.numerator < 1 || timeSignature.denominator < 1)
        return Error{QStringLiteral("Cannot fit an empty form, or one at %1 BPM, to %2 s").arg(tempo).arg(seconds)};
    const double secondsPerBar = 60.0 / tempo * timeSignature.numerator * 4.0 / timeSignature.denominator;
    const double targetBars = seconds / secondsPerBar;
    // Two-bar phrases keep the music's phrasing; single bars are the last resort for very short, slow songs.
    for (const int phraseBars : {2, 1}) {
        const int phrases = std::max(1, int(std::lround(targetBars / phraseBars)));
        SongForm fitted = distribute(cutToFit(form, phrases), phrases, phraseBars);
        if (std::abs(phrases * phraseBars * secondsPerBar - seconds) <= kLengthTolerance * seconds)
            return fitted;
    }
    // Only a song of a bar or two at a very slow tempo gets here: the asked length falls between whole bars.
    const double shorter = std::floor(targetBars) * secondsPerBar, longer = std::ceil(targetBars) * secondsPerBar;
    if (shorter <= 0.0)
        return Error{QStringLiteral("At %1 BPM the shortest this form can be is one bar, %2 s; ask for %2 s or more, or a "
                                    "faster tempo")
                         .arg(tempo)
                         .arg(longer, 0, 'f', 1)};
    return Error{QStringLiteral("At %1 BPM a bar lasts %2 s, so a song cannot last about %3 s: the nearest it can be are "
                                "%4 s and %5 s")
                     .arg(tempo)
                     .arg(secondsPerBar, 0, 'f', 1)
                     .arg(seconds, 0, 'f', 0)
                     .arg(shorter, 0, 'f', 1)
                     .arg(longer, 0, 'f', 1)};
}

}  // namespace s2a::inference
