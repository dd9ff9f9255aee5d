#include "core/model/ChordSymbol.h"

#include <array>

namespace s2a::core {
namespace {

struct QualityInfo {
    ChordQuality quality;
    const char* suffix;  // canonical spelling
    std::vector<int> intervals;
};

const std::array<QualityInfo, 9>& qualities()
{
    static const std::array<QualityInfo, 9> table{{
        {ChordQuality::Major, "", {0, 4, 7}},
        {ChordQuality::Minor, "m", {0, 3, 7}},
        {ChordQuality::Dominant7, "7", {0, 4, 7, 10}},
        {ChordQuality::Minor7, "m7", {0, 3, 7, 10}},
        {ChordQuality::Major7, "maj7", {0, 4, 7, 11}},
        {ChordQuality::Diminished, "dim", {0, 3, 6}},
        {ChordQuality::Sus4, "sus4", {0, 5, 7}},
        {ChordQuality::Sus2, "sus2", {0, 2, 7}},
        {ChordQuality::Power, "5", {0, 7}},
    }};
    return table;
}

const QualityInfo& info(ChordQuality q)
{
    for (const QualityInfo& i : qualities())
        if (i.quality == q)
            return i;
    return qualities().front();
}

std::optional<ChordQuality> qualityFromSuffix(const QString& suffix)
{
    // Canonical spellings first (case matters: "M7" is major seventh, "m7" minor seventh), then the aliases
    // lead sheets use.
    for (const QualityInfo& i : qualities())
        if (suffix == QLatin1String(i.suffix))
            return i.quality;
    static const std::array<std::pair<const char*, ChordQuality>, 10> aliases{{
        {"min", ChordQuality::Minor}, {"-", ChordQuality::Minor}, {"maj", ChordQuality::Major},
        {"M", ChordQuality::Major}, {"M7", ChordQuality::Major7}, {"min7", ChordQuality::Minor7},
        {"-7", ChordQuality::Minor7}, {"o", ChordQuality::Diminished}, {"sus", ChordQuality::Sus4},
        {"dom7", ChordQuality::Dominant7},
    }};
    for (const auto& [text, quality] : aliases)
        if (suffix == QLatin1String(text))
            return quality;
    return std::nullopt;
}

}  // namespace

std::vector<int> ChordSymbol::intervals() const
{
    return isNoChord() ? std::vector<int>{} : info(quality).intervals;
}

QString ChordSymbol::name() const
{
    if (isNoChord())
        return QStringLiteral("N");
    static const std::array<const char*, 12> roots{"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    return QLatin1String(roots[size_t(root)]) + QLatin1String(info(quality).suffix);
}

std::optional<ChordSymbol> parseChordSymbol(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    if (t.compare(QLatin1String("N"), Qt::CaseInsensitive) == 0 || t.compare(QLatin1String("NC"), Qt::CaseInsensitive) == 0
        || t == QLatin1String("N.C."))
        return ChordSymbol{};
    static const std::array<int, 7> naturals{9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
    const QChar letter = t.at(0).toUpper();
    if (letter < QLatin1Char('A') || letter > QLatin1Char('G'))
        return std::nullopt;
    int root = naturals[size_t(letter.unicode() - 'A')];
    int at = 1;
    if (at < t.size() && (t.at(at) == QLatin1Char('#') || t.at(at) == QChar(0x266F))) {
        root += 1;
        ++at;
    } else if (at < t.size() && (t.at(at) == QLatin1Char('b') || t.at(at) == QChar(0x266D))) {
        root += 11;
        ++at;
    }
    const auto quality = qualityFromSuffix(t.mid(at));
    if (!quality)
        return std::nullopt;
    return ChordSymbol{root % 12, *quality};
}

QStringList chordQualitySuffixes()
{
    QStringList out;
    for (const QualityInfo& i : qualities())
        out << QLatin1String(i.suffix);
    return out;
}

std::vector<ChordSymbol> diatonicTriads(int tonic, bool minor)
{
    using Q = ChordQuality;
    static const std::pair<int, Q> major[] = {{0, Q::Major}, {2, Q::Minor}, {4, Q::Minor}, {5, Q::Major},
                                              {7, Q::Major}, {9, Q::Minor}, {11, Q::Diminished}};
    static const std::pair<int, Q> naturalMinor[] = {{0, Q::Minor}, {2, Q::Diminished}, {3, Q::Major}, {5, Q::Minor},
                                                     {7, Q::Minor}, {8, Q::Major}, {10, Q::Major}};
    std::vector<ChordSymbol> out;
    for (const auto& [offset, quality] : minor ? naturalMinor : major)
        out.push_back({((tonic + offset) % 12 + 12) % 12, quality});
    return out;
}

}  // namespace s2a::core
