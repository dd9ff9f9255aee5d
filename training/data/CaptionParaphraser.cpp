#include "training/data/CaptionParaphraser.h"

#include "inference/arranger/CaptionParser.h"
#include "inference/arranger/Random.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <vector>

namespace s2a::training {

using namespace s2a::inference;  // the analysis and the arranger the pipeline is built on
namespace {

using arranger::CaptionIntent;
using arranger::parseCaption;

bool sameIntent(const CaptionIntent& a, const CaptionIntent& b)
{
    auto instrumentsEqual = [&] {
        if (a.instruments.size() != b.instruments.size())
            return false;
        for (size_t i = 0; i < a.instruments.size(); ++i)
            if (a.instruments[i].role != b.instruments[i].role || a.instruments[i].program != b.instruments[i].program
                || a.instruments[i].name != b.instruments[i].name)
                return false;
        return true;
    };
    QStringList moodsA = a.moods, moodsB = b.moods;
    moodsA.sort();
    moodsB.sort();
    return a.style == b.style && a.tempo == b.tempo && a.tempoFeel == b.tempoFeel && a.tonic == b.tonic
           && a.minor == b.minor && a.modeFromMood == b.modeFromMood && instrumentsEqual() && a.excluded == b.excluded
           && a.only == b.only && a.percussion == b.percussion && qAbs(a.energyShift - b.energyShift) < 1e-9
           && moodsA == moodsB;
}

QString andList(const QStringList& items)
{
    if (items.size() <= 1)
        return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ") + items.last();
}

// Joins the non-empty pieces.
QString joinNonEmpty(const QStringList& pieces, const QString& separator)
{
    QStringList kept;
    for (const QString& p : pieces)
        if (!p.trimmed().isEmpty())
            kept << p.trimmed();
    return kept.join(separator);
}

// "a" or "an" before `word` (by its first letter, which is right for the corpus's words).
QString article(const QString& word)
{
    return !word.isEmpty() && QStringLiteral("aeiou").contains(word.at(0).toLower()) ? QStringLiteral("an") : QStringLiteral("a");
}

QString capitalised(const QString& s)
{
    QString out = s;
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

QString sentence(const QString& s) { return capitalised(s) + QLatin1Char('.'); }

// The same wording in other cases and punctuation (the parser ignores both, except the case of a bare key
// such as "in Bb", which the check below catches).
QStringList styled(const QString& base)
{
    return {base, sentence(base), base.toLower(), capitalised(base)};
}

// A global caption as the corpus writes it: "[mood words] style [with a and b][, N bpm][, in K mode][, ...]".
struct CaptionParts {
    QString mood, style, tempo, key, rest;
    QStringList instruments;
};

std::optional<CaptionParts> decompose(const QString& caption)
{
    QStringList clauses;
    for (const QString& c : caption.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            clauses << c.trimmed().simplified();
    if (clauses.isEmpty())
        return std::nullopt;
    CaptionParts parts;
    QString head = clauses.takeFirst();
    static const QRegularExpression with(QStringLiteral("\\s+with\\s+"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = with.match(head); m.hasMatch()) {
        static const QRegularExpression listSeparator(QStringLiteral("\\s*(?:,|\\band\\b)\\s*"), QRegularExpression::CaseInsensitiveOption);
        for (const QString& i : head.mid(m.capturedEnd()).split(listSeparator, Qt::SkipEmptyParts))
            parts.instruments << i.trimmed();
        head = head.left(m.capturedStart());
    }
    static const QRegularExpression tempo(QStringLiteral("^(?:at\\s+)?(\\d{2,3}(?:\\.\\d+)?)\\s*bpm$"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression key(QStringLiteral("^in\\s+(.+)$"));
    QStringList rest;
    for (const QString& c : clauses) {
        if (const auto m = tempo.match(c); m.hasMatch() && parts.tempo.isEmpty())
            parts.tempo = m.captured(1);
        else if (const auto k = key.match(c); k.hasMatch() && parts.key.isEmpty() && parseCaption(c).tonic)
            parts.key = k.captured(1);
        else
            rest << c;
    }
    parts.rest = rest.join(QStringLiteral(", "));

    // Split the head into mood words and the style phrase: the longest mood prefix whose every word the
    // parser reads as a mood or tempo word, leaving a tail that names the head's style on its own.
    const CaptionIntent whole = parseCaption(head);
    if (!whole.style)
        return std::nullopt;
    const QStringList words = head.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype k = words.size() - 1; k >= 0; --k) {
        const QString tail = QStringList(words.mid(k)).join(QLatin1Char(' '));
        if (parseCaption(tail).style != whole.style)
            continue;
        const QString prefix = QStringList(words.mid(0, k)).join(QLatin1Char(' '));
        const CaptionIntent p = parseCaption(prefix);
        qsizetype moodWords = 0;
        for (const QString& m : p.moods)
            moodWords += m.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
        if (p.style || moodWords != k || !p.instruments.empty())
            continue;
        parts.mood = prefix;
        parts.style = tail;
        return parts;
    }
    return std::nullopt;
}

// Every rewording of a decomposed caption, one group per template (its case/punctuation variants).
std::vector<QStringList> globalCandidates(const CaptionParts& p)
{
    const QString m = p.mood, s = p.style, i = andList(p.instruments), ic = p.instruments.join(QStringLiteral(", "));
    const QString bpm = p.tempo.isEmpty() ? QString() : p.tempo + QStringLiteral(" bpm");
    const QString in = p.key.isEmpty() ? QString() : QStringLiteral("in ") + p.key;
    const QString sp = QStringLiteral(" "), cs = QStringLiteral(", ");
    std::vector<QString> bases{
        joinNonEmpty({article(m.isEmpty() ? s : m), m, s, QStringLiteral("track"), i.isEmpty() ? QString() : QStringLiteral("featuring ") + i,
                      bpm.isEmpty() ? QString() : QStringLiteral("at ") + bpm, in}, sp),
        joinNonEmpty({s, m.isEmpty() ? QString() : m + QStringLiteral(" mood"), ic, p.tempo.isEmpty() ? QString() : p.tempo + QStringLiteral(" BPM"), in}, cs),
        joinNonEmpty({m, s, QStringLiteral("song"), i.isEmpty() ? QString() : QStringLiteral("with ") + i, in}, sp)
            + (bpm.isEmpty() ? QString() : QStringLiteral(". ") + bpm),
        joinNonEmpty({bpm, m, s, i.isEmpty() ? QString() : QStringLiteral("with ") + i, in}, sp),
        s + QStringLiteral(": ") + joinNonEmpty({m, ic, bpm, in}, cs),
        joinNonEmpty({joinNonEmpty({m, s, QStringLiteral("piece"), i.isEmpty() ? QString() : QStringLiteral("featuring ") + i}, sp), bpm, in}, cs),
        i.isEmpty() ? QString()
                    : joinNonEmpty({i, QStringLiteral("over"), article(m.isEmpty() ? s : m), m, s, QStringLiteral("groove"), bpm.isEmpty() ? QString() : QStringLiteral("at ") + bpm, in}, sp),
        m.isEmpty() ? QString() : joinNonEmpty({s + QStringLiteral(" tune with ") + article(m) + QLatin1Char(' ') + m + QStringLiteral(" feel"), ic, bpm, in}, cs),
        joinNonEmpty({m, s, i.isEmpty() ? QString() : QStringLiteral("with ") + i, bpm, in}, cs),
    };
    std::vector<QStringList> groups;
    for (QString b : bases) {
        if (b.trimmed().isEmpty() || b.endsWith(QStringLiteral(": ")))
            continue;
        if (!p.rest.isEmpty())
            b += cs + p.rest;
        groups.push_back(styled(b.simplified()));
    }
    return groups;
}

// Captions the decomposition does not fit: only framing words, clause order, case and punctuation change.
std::vector<QStringList> genericCandidates(const QString& caption)
{
    QStringList clauses;
    for (const QString& c : caption.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            clauses << c.trimmed().simplified();
    const QString c = clauses.join(QStringLiteral(", "));
    std::vector<QString> bases{QStringLiteral("a track: ") + c, QStringLiteral("song: ") + c, c + QStringLiteral(" - full track"),
                               QStringLiteral("a piece described as ") + c, c};
    if (clauses.size() > 1) {
        bases.push_back(QStringList(clauses.mid(1) + clauses.mid(0, 1)).join(QStringLiteral(", ")));
        bases.push_back(andList(clauses));
    }
    std::vector<QStringList> groups;
    for (const QString& b : bases)
        groups.push_back(styled(b));
    return groups;
}

std::vector<QStringList> sectionCandidates(const QString& caption)
{
    QStringList clauses;
    for (const QString& c : caption.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            clauses << c.trimmed().simplified();
    if (clauses.isEmpty())
        return {};
    const QString c = clauses.join(QStringLiteral(", "));
    const QString j = andList(clauses);
    std::vector<QString> bases{
        QStringLiteral("the section is ") + article(j) + QLatin1Char(' ') + j,
        j + QStringLiteral(" section"),
        QStringLiteral("this part: ") + c,
        QStringLiteral("section: ") + c,
        c + QStringLiteral(" here"),
        QStringLiteral("the music here is ") + j,
        c,
    };
    if (clauses.size() > 1) {
        QStringList reversed = clauses;
        std::reverse(reversed.begin(), reversed.end());
        bases.push_back(reversed.join(QStringLiteral(", ")));
        bases.push_back(j);
    }
    std::vector<QStringList> groups;
    for (const QString& b : bases)
        groups.push_back(styled(b));
    return groups;
}

// Keeps the variants the parser reads like the original, then picks round-robin over the templates in a
// seeded order (a random variant of each), so the first few paraphrases differ in wording, not only in case.
QStringList choose(const QString& caption, std::vector<QStringList> groups, int count, quint64 seed)
{
    QStringList out{caption};
    if (count <= 0 || caption.trimmed().isEmpty())
        return out;
    const CaptionIntent original = parseCaption(caption);
    QStringList seen{caption};
    for (QStringList& g : groups) {
        QStringList kept;
        for (const QString& v : g)
            if (!seen.contains(v) && sameIntent(original, parseCaption(v))) {
                kept << v;
                seen << v;
            }
        g = kept;
    }
    groups.erase(std::remove_if(groups.begin(), groups.end(), [](const QStringList& g) { return g.isEmpty(); }), groups.end());
    arranger::Rng rng(arranger::deriveSeed(seed, {arranger::stableHash(caption)}));
    for (size_t i = groups.size(); i > 1; --i)
        std::swap(groups[i - 1], groups[size_t(rng.range(0, int(i) - 1))]);
    while (out.size() <= count) {
        bool any = false;
        for (QStringList& g : groups) {
            if (g.isEmpty() || out.size() > count)
                continue;
            out << g.takeAt(rng.range(0, int(g.size()) - 1));
            any = true;
        }
        if (!any)
            break;
    }
    return out;
}

}  // namespace

bool captionsMeanTheSame(const QString& a, const QString& b) { return sameIntent(parseCaption(a), parseCaption(b)); }

QStringList paraphraseCaption(const QString& caption, int count, quint64 seed)
{
    const auto parts = decompose(caption);
    return choose(caption, parts ? globalCandidates(*parts) : genericCandidates(caption), count, seed);
}

QStringList paraphraseSectionCaption(const QString& caption, int count, quint64 seed)
{
    return choose(caption, sectionCandidates(caption), count, seed);
}

}  // namespace s2a::training
