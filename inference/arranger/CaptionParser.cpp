#include "inference/arranger/CaptionParser.h"

#include "inference/arranger/GenreVocabulary.h"
#include "inference/arranger/InstrumentCatalog.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cstring>

namespace s2a::inference::arranger {
namespace {

struct FeelWord {
    const char* phrase;
    double value;
};

const std::vector<FeelWord>& tempoWords()
{
    static const std::vector<FeelWord> words{
        {"very slow", 0.0}, {"very fast", 1.0}, {"mid tempo", 0.5}, {"midtempo", 0.5}, {"laid back", 0.3},
        {"slow", 0.12}, {"relaxed", 0.3}, {"lazy", 0.2}, {"chill", 0.3}, {"mellow", 0.3}, {"medium", 0.5},
        {"upbeat", 0.75}, {"up tempo", 0.8}, {"uptempo", 0.8}, {"fast", 0.88}, {"driving", 0.75},
        {"energetic", 0.8}, {"frantic", 1.0}, {"quick", 0.85}, {"brisk", 0.8},
    };
    return words;
}

const std::vector<FeelWord>& moodWords()
{
    // value: energy shift. Mode is handled separately (minorWords / majorWords).
    static const std::vector<FeelWord> words{
        {"sparse", -0.25}, {"minimal", -0.25}, {"quiet", -0.25}, {"soft", -0.2}, {"gentle", -0.2}, {"calm", -0.2},
        {"intimate", -0.2}, {"stripped", -0.25}, {"delicate", -0.2}, {"peaceful", -0.2}, {"dreamy", -0.1},
        {"building", 0.1}, {"rising", 0.1}, {"tension", 0.05}, {"big", 0.25}, {"full", 0.2}, {"powerful", 0.25},
        {"huge", 0.3}, {"intense", 0.25}, {"loud", 0.3}, {"massive", 0.3}, {"anthemic", 0.25}, {"energetic", 0.2},
        {"groovy", 0.05}, {"warm", 0.0}, {"nostalgic", 0.0}, {"dark", 0.0}, {"sad", -0.05}, {"happy", 0.05},
        {"bright", 0.05}, {"uplifting", 0.1}, {"melancholic", -0.05}, {"moody", 0.0}, {"aggressive", 0.3},
        {"triumphant", 0.2}, {"mysterious", -0.05}, {"romantic", -0.05}, {"hopeful", 0.05}, {"tense", 0.05},
        // The mood and theme tags of the MTG-Jamendo set that the lists above do not have yet.
        {"action", 0.2}, {"adventure", 0.1}, {"advertising", 0.0}, {"background", -0.1}, {"children", 0.0},
        {"christmas", 0.0}, {"commercial", 0.0}, {"cool", 0.0}, {"corporate", 0.0}, {"deep", 0.0}, {"drama", 0.0},
        {"dramatic", 0.1}, {"dream", -0.1}, {"emotional", 0.0}, {"fun", 0.05}, {"funny", 0.05}, {"game", 0.0},
        {"heavy", 0.25}, {"holiday", 0.0}, {"inspiring", 0.1}, {"love", 0.0}, {"meditative", -0.2}, {"melodic", 0.0},
        {"motivational", 0.15}, {"nature", -0.1}, {"party", 0.2}, {"positive", 0.05}, {"relaxing", -0.2},
        {"retro", 0.0}, {"sexy", 0.0}, {"space", -0.05}, {"sport", 0.2}, {"summer", 0.05}, {"travel", 0.0},
        {"60s", 0.0}, {"70s", 0.0}, {"80s", 0.0}, {"90s", 0.0},
    };
    return words;
}

const QStringList& minorWords()
{
    static const QStringList w{"dark", "sad", "melancholic", "melancholy", "moody", "somber", "sombre", "gloomy",
                               "haunting", "ominous", "tense", "mysterious", "brooding", "aggressive", "minor"};
    return w;
}

const QStringList& majorWords()
{
    static const QStringList w{"happy", "bright", "uplifting", "cheerful", "joyful", "sunny", "hopeful",
                               "triumphant", "feel good", "major", "summery", "fun", "funny", "positive",
                               "inspiring", "motivational", "party", "summer"};
    return w;
}

// Lower case, punctuation to spaces, single spaces, padded: " upbeat funk with slap bass ".
QString normalise(const QString& caption)
{
    QString t = caption.toLower();
    t.replace(QStringLiteral("r&b"), QStringLiteral("rnb"));
    t.replace(QStringLiteral("hip-hop"), QStringLiteral("hip hop"));
    t.replace(QStringLiteral("drum & bass"), QStringLiteral("drum and bass"));
    t.replace(QStringLiteral("drum'n'bass"), QStringLiteral("drum n bass"));
    for (QChar& c : t)
        if (!c.isLetterOrNumber() && c != QLatin1Char('#'))
            c = QLatin1Char(' ');
    return QLatin1Char(' ') + t.simplified() + QLatin1Char(' ');
}

// Finds " phrase " in `text`; on success blanks it out (so shorter phrases cannot match inside it) and
// returns its position.
int take(QString& text, const char* phrase)
{
    const QString needle = QLatin1Char(' ') + QLatin1String(phrase) + QLatin1Char(' ');
    const int at = int(text.indexOf(needle));
    if (at < 0)
        return -1;
    for (int i = 1; i < needle.size() - 1; ++i)
        text[at + i] = QLatin1Char('_');
    return at;
}

bool contains(const QString& text, const QString& phrase)
{
    return text.contains(QLatin1Char(' ') + phrase + QLatin1Char(' '));
}

void parseKey(const QString& caption, CaptionIntent& intent)
{
    // "in D minor", "E minor", "f# major", "in Bb": a letter alone only counts after "in" and in upper case,
    // since "a" and "b" are ordinary words.
    static const QRegularExpression withMode(
        QStringLiteral("\\b([A-Ga-g])(#|b|\\s?sharp|\\s?flat)?\\s*(major|minor|maj|min)\\b"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bare(QStringLiteral("\\bin\\s+([A-G])(#|b)?(m)?(?![A-Za-z])"));
    // "in a minor key" asks for a mode, not for A minor: a lower-case "a" before "minor key" or "major key" is
    // the article (someone who means A minor writes "A minor" or "in A minor").
    static const QRegularExpression article(QStringLiteral("\\ba\\s+(minor|major)\\s+(key|tonality|mode|scale)\\b"));
    if (const auto a = article.match(caption); a.hasMatch()) {
        intent.minor = a.captured(1) == QLatin1String("minor");
        return;
    }
    auto m = withMode.match(caption);
    if (!m.hasMatch())
        m = bare.match(caption);
    if (!m.hasMatch())
        return;
    const QString text = m.captured(1) + m.captured(2).trimmed() + QLatin1Char(' ')
                         + (m.captured(3).isEmpty() ? QStringLiteral("major") : m.captured(3));
    if (auto key = Key::parse(text)) {
        intent.tonic = key->tonic;
        if (!m.captured(3).isEmpty())
            intent.minor = key->minor;
    }
}

void parseTempo(const QString& text, CaptionIntent& intent)
{
    static const QRegularExpression after(QStringLiteral("\\b(\\d{2,3}(?:\\.\\d+)?)\\s*(?:bpm|beats per minute)\\b"));
    static const QRegularExpression before(QStringLiteral("\\b(?:bpm|tempo)\\s*(?:of\\s+|at\\s+|is\\s+)?(\\d{2,3}(?:\\.\\d+)?)\\b"));
    auto m = after.match(text);
    if (!m.hasMatch())
        m = before.match(text);
    if (m.hasMatch()) {
        const double bpm = m.captured(1).toDouble();
        if (bpm >= 40.0 && bpm <= 240.0)
            intent.tempo = bpm;
    }
}

enum class GenrePass { BeforeInstruments, AfterInstruments };

// The genre words of one pass, split once (the dialog parses its caption at every key). Names of several words
// go before the instruments ("drum and bass", "future bass" name a genre, not a bass), and so do single words
// that are an instrument word too ("breakbeat": as a caption word, it is the genre); other single words go after
// them ("jazz guitar" is a guitar). Each list keeps genreWords()' longest-first order.
const std::vector<GenreWord>& genreWordsInPass(GenrePass pass)
{
    static const std::array<std::vector<GenreWord>, 2> passes = [] {
        const auto& instruments = instrumentWords();
        std::array<std::vector<GenreWord>, 2> split;
        for (const GenreWord& w : genreWords()) {
            const bool first = std::strchr(w.phrase, ' ')
                || std::any_of(instruments.begin(), instruments.end(),
                               [&w](const InstrumentWord& i) { return std::strcmp(i.phrase, w.phrase) == 0; });
            split[first ? 0 : 1].push_back(w);
        }
        return split;
    }();
    return passes[pass == GenrePass::BeforeInstruments ? 0 : 1];
}

// The words of `text` that nothing above took (taken phrases are blanked with '_'), less the words that only
// hold a caption together and what the key and tempo readers used: what the user should hear we did not get.
QStringList leftoverWords(const QString& text)
{
    static const QSet<QString> glue{
        "a", "an", "the", "and", "or", "with", "of", "in", "on", "at", "for", "to", "some", "lots", "lot", "bit",
        "little", "very", "really", "more", "less", "plus", "feat", "featuring", "style", "styled", "song", "track",
        "music", "tune", "piece", "beat", "beats", "vibe", "vibes", "sound", "sounds", "sounding", "feel", "feeling",
        "like", "kind", "type", "sort", "ish", "key", "major", "minor", "maj", "min", "bpm", "tempo", "per", "minute",
        "sharp", "flat", "is", "are", "that", "this", "it", "its", "but", "just", "only", "solo", "alone", "lone",
        "mostly", "all", "by", "from", "into", "over", "under", "instrumental", "full", "band", "no", "without",
        "background", "mood", "genre", "influenced", "inspired", "mix", "layer", "layers", "touch", "hint", "hints",
        "slightly", "quite", "not", "too", "so", "as", "up", "down", "out", "than", "then"};
    static const QRegularExpression note(QStringLiteral("^[a-g](#|b|m)?$"));
    static const QRegularExpression number(QStringLiteral("^[0-9]+(s)?$"));
    QStringList unknown;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.contains(QLatin1Char('_')) || glue.contains(word) || note.match(word).hasMatch()
            || number.match(word).hasMatch() || unknown.contains(word))
            continue;
        unknown << word;
    }
    return unknown;
}

}  // namespace

bool CaptionIntent::names(core::TrackRole role) const
{
    return std::any_of(instruments.begin(), instruments.end(), [role](const NamedInstrument& n) { return n.role == role; });
}

QString CaptionIntent::summary() const
{
    QStringList parts;
    if (style)
        parts << genreName();
    if (tempo)
        parts << QStringLiteral("%1 BPM").arg(*tempo);
    else if (!tempoWord.isEmpty())
        parts << tempoWord;
    if (tonic)
        parts << Key{*tonic, minor.value_or(false)}.toString();
    else if (minor)
        parts << (*minor ? QStringLiteral("minor") : QStringLiteral("major"));
    QStringList names;
    for (const NamedInstrument& n : instruments)
        names << n.phrase;
    if (!names.isEmpty())
        parts << (only ? QStringLiteral("only ") : QString()) + names.join(QStringLiteral(", "));
    if (percussion)
        parts << QStringLiteral("percussion");
    for (core::TrackRole r : excluded)
        parts << QStringLiteral("no ") + core::toString(r);
    if (!moods.isEmpty())
        parts << moods.join(QStringLiteral(", "));
    if (!unknownWords.isEmpty())
        parts << QStringLiteral("not understood: ") + unknownWords.join(QStringLiteral(", "));
    return parts.join(QStringLiteral(" · "));
}

QString CaptionIntent::genreName() const
{
    if (!style)
        return {};
    const QString styleName = QString::fromLatin1(styleDef(*style).name);
    auto letters = [](QString t) { return t.toLower().remove(QRegularExpression(QStringLiteral("[^a-z0-9]"))); };
    if (genre.isEmpty() || letters(styleName) == letters(genre))
        return styleName;  // "lo fi hip hop" is lo-fi hip hop
    return QStringLiteral("%1 (%2 grooves)").arg(genre, styleName);
}

CaptionIntent parseCaption(const QString& caption)
{
    CaptionIntent intent;
    QString text = normalise(caption);
    parseKey(caption, intent);
    parseTempo(text, intent);

    // Negations first, so "no drums" does not also name drums.
    static const QRegularExpression negation(QStringLiteral(" (?:no|without|minus|zero) ([a-z0-9 ]+?)(?= (?:and|or|with|but|just|only) | $)"));
    for (auto it = negation.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString object = QLatin1Char(' ') + m.captured(1) + QLatin1Char(' ');
        for (const InstrumentWord& w : instrumentWords())
            if (object.contains(QLatin1Char(' ') + QLatin1String(w.phrase) + QLatin1Char(' ')))
                intent.excluded.insert(w.role);
    }
    for (auto it = negation.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (int i = int(m.capturedStart(0)) + 1; i < m.capturedEnd(0); ++i)
            text[i] = QLatin1Char('_');
    }
    if (contains(text, QStringLiteral("drumless")))
        intent.excluded.insert(core::TrackRole::Drums);

    // The first genre mentioned wins ("jazz funk" is jazz with a funk flavour we do not model). Genre words are
    // taken in two passes around the instruments (genreWordsInPass).
    int genreAt = 1 << 30;
    auto takeGenres = [&](GenrePass pass) {
        for (const GenreWord& w : genreWordsInPass(pass)) {
            const int at = take(text, w.phrase);
            if (at >= 0 && at < genreAt) {
                genreAt = at;
                intent.style = w.style;
                intent.genre = QString::fromLatin1(w.phrase);
                intent.genreTempoMin = w.tempoMin;
                intent.genreTempoMax = w.tempoMax;
            }
        }
    };
    takeGenres(GenrePass::BeforeInstruments);

    // Instruments, longest phrase first; remember where each was found to keep caption order.
    std::vector<std::pair<int, NamedInstrument>> found;
    for (const InstrumentWord& w : instrumentWords()) {
        int at = take(text, w.phrase);
        if (at < 0)
            continue;
        NamedInstrument n;
        n.role = w.role;
        n.program = w.program;
        n.name = w.name ? QString::fromLatin1(w.name) : QString();
        n.phrase = QString::fromLatin1(w.phrase);
        const QString before = text.left(at + 1);
        if (before.endsWith(QLatin1String(" solo ")) || before.endsWith(QLatin1String(" only "))
            || before.endsWith(QLatin1String(" just ")) || before.endsWith(QLatin1String(" lone ")))
            intent.only = true;
        found.push_back({at, n});
        // A role named twice keeps its first, more specific name ("slap bass ... bass").
        while (take(text, w.phrase) >= 0) {}
    }
    for (const char* p : percussionWords())
        if (take(text, p) >= 0)
            intent.percussion = true;
    if (!found.empty() && (contains(text, QStringLiteral("only")) || contains(text, QStringLiteral("alone"))))
        intent.only = true;
    takeGenres(GenrePass::AfterInstruments);
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [at, n] : found) {
        Q_UNUSED(at);
        const bool seen = intent.names(n.role);
        if (!seen && !intent.excluded.contains(n.role))
            intent.instruments.push_back(n);
    }

    int tempoAt = 1 << 30;
    for (const FeelWord& w : tempoWords()) {
        QString probe = text;
        const int at = take(probe, w.phrase);
        if (at >= 0 && at < tempoAt) {
            tempoAt = at;
            intent.tempoFeel = w.value;
            intent.tempoWord = QString::fromLatin1(w.phrase);
        }
    }
    if (intent.tempoFeel)
        take(text, intent.tempoWord.toLatin1().constData());

    std::vector<std::pair<int, QString>> moods;
    for (const FeelWord& w : moodWords()) {
        const int at = take(text, w.phrase);
        if (at >= 0) {
            intent.energyShift += w.value;
            moods.push_back({at, QString::fromLatin1(w.phrase)});
        }
    }
    std::sort(moods.begin(), moods.end());
    for (const auto& m : moods)
        intent.moods << m.second;
    if (!intent.tempoWord.isEmpty())
        intent.moods.prepend(intent.tempoWord);
    intent.energyShift = std::clamp(intent.energyShift, -0.3, 0.3);

    intent.unknownWords = leftoverWords(text);

    if (!intent.minor) {
        const QString all = normalise(caption);
        const bool minorMood = std::any_of(minorWords().begin(), minorWords().end(), [&](const QString& w) { return contains(all, w); });
        const bool majorMood = std::any_of(majorWords().begin(), majorWords().end(), [&](const QString& w) { return contains(all, w); });
        if (minorMood != majorMood) {
            intent.minor = minorMood;
            intent.modeFromMood = true;
        }
    }
    return intent;
}

}  // namespace s2a::inference::arranger
