#include "inference/arranger/HarmonyWriter.h"

#include "inference/arranger/Random.h"

namespace s2a::inference::arranger {
namespace {

using L = core::SectionLabel;

int pickIndex(quint64 seed, L family, int size, int avoid = -1)
{
    Rng rng(deriveSeed(seed, {quint64(family), 0x4841524dull}));
    if (size <= 1)
        return 0;
    int index = rng.range(0, size - 1);
    if (index == avoid)
        index = (index + 1 + rng.range(0, size - 2)) % size;
    return index;
}

QStringList rotate(const QStringList& tokens, int by)
{
    QStringList out;
    for (int i = 0; i < tokens.size(); ++i)
        out << tokens[(i + by) % tokens.size()];
    return out;
}

bool seventhStyle(Style s)
{
    return s == Style::Jazz || s == Style::Funk || s == Style::Blues || s == Style::Soul || s == Style::LoFi
           || s == Style::Disco;
}

}  // namespace

L HarmonyWriter::family(L label)
{
    switch (label) {
    case L::Intro:
    case L::Solo:
    case L::Custom:
    case L::Verse: return L::Verse;
    case L::Outro:
    case L::Breakdown:
    case L::Drop:
    case L::Chorus: return L::Chorus;
    case L::Build:
    case L::PreChorus: return L::PreChorus;
    case L::Bridge: return L::Bridge;
    }
    return L::Verse;
}

QString HarmonyWriter::progression(const StyleDef& style, bool minor, L fam, quint64 seed)
{
    const QStringList& pool = minor ? style.minorProgressions : style.majorProgressions;
    const int verse = pickIndex(seed, L::Verse, int(pool.size()));
    // The chorus takes a different line from the verse whenever the pool allows: that contrast is most of
    // what makes a chorus feel like an arrival.
    const int chorus = pickIndex(seed, L::Chorus, int(pool.size()), verse);
    switch (fam) {
    case L::Chorus: return pool[chorus];
    case L::PreChorus: return rotate(pool[chorus].split(QLatin1Char(' ')), 2).join(QLatin1Char(' '));
    case L::Bridge: {
        const QStringList bridges = bridgeProgressions(minor);
        return bridges[pickIndex(seed, L::Bridge, int(bridges.size()))];
    }
    default: return pool[verse];
    }
}

std::vector<Chord> HarmonyWriter::sectionChords(const HarmonyRequest& r)
{
    const StyleDef& style = *r.style;
    const QStringList tokens = progression(style, r.key.minor, family(r.label), r.seed).split(QLatin1Char(' '));
    std::vector<Chord> chords;
    for (int bar = 0; bar < r.bars; ++bar) {
        auto chord = chordFromRoman(tokens[bar % tokens.size()], r.key);
        chords.push_back(chord ? *chord : *chordFromRoman(r.key.minor ? QStringLiteral("i") : QStringLiteral("I"), r.key));
    }
    if (chords.empty())
        return chords;
    const bool sevenths = seventhStyle(style.style);
    if (r.songEnd) {
        const QString tonic = r.key.minor ? (sevenths ? QStringLiteral("i7") : QStringLiteral("i"))
                                          : (sevenths ? QStringLiteral("Imaj7") : QStringLiteral("I"));
        chords.back() = *chordFromRoman(tonic, r.key);
    } else if (r.leadIntoLift && r.bars >= 2 && r.label != L::Bridge) {
        // The major dominant in minor keys too (harmonic minor): its leading tone is what pulls into the lift.
        chords.back() = *chordFromRoman(sevenths ? QStringLiteral("V7") : QStringLiteral("V"), r.key);
    }
    return chords;
}

}  // namespace s2a::inference::arranger
