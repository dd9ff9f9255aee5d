#include "inference/arranger/CaptionParser.h"

#include "inference/arranger/InstrumentCatalog.h"

#include <QRegularExpression>

#include <algorithm>
#include <cstring>

namespace s2a::inference::arranger {
namespace {

struct StyleWord {
    const char* phrase;
    Style style;
};

// Sub-genres map to the style whose grooves fit them best.
const std::vector<StyleWord>& styleWords()
{
    static const std::vector<StyleWord> words = [] {
        std::vector<StyleWord> w{
            {"lo fi hip hop", Style::LoFi}, {"lofi hip hop", Style::LoFi}, {"lo fi", Style::LoFi}, {"lofi", Style::LoFi},
            {"chillhop", Style::LoFi}, {"chill hop", Style::LoFi}, {"hip hop", Style::HipHop}, {"hiphop", Style::HipHop},
            {"rap", Style::HipHop}, {"trap", Style::HipHop}, {"boom bap", Style::HipHop}, {"pop", Style::Pop},
            {"synthpop", Style::Pop}, {"synth pop", Style::Pop}, {"indie pop", Style::Pop}, {"ballad", Style::Pop},
            {"rock", Style::Rock}, {"punk", Style::Rock}, {"grunge", Style::Rock}, {"alternative", Style::Rock},
            {"indie rock", Style::Rock}, {"metal", Style::Metal}, {"heavy metal", Style::Metal}, {"thrash", Style::Metal},
            {"djent", Style::Metal}, {"edm", Style::Edm}, {"electronic", Style::Edm}, {"electronica", Style::Edm},
            {"dance", Style::Edm}, {"trance", Style::Edm}, {"dubstep", Style::Edm}, {"future bass", Style::Edm},
            {"electro", Style::Edm}, {"house", Style::House}, {"deep house", Style::House}, {"techno", Style::House},
            {"garage", Style::House}, {"jazz", Style::Jazz}, {"jazzy", Style::Jazz}, {"bebop", Style::Jazz},
            {"swing", Style::Jazz}, {"big band", Style::Jazz}, {"funk", Style::Funk}, {"funky", Style::Funk},
            {"soul", Style::Soul}, {"neo soul", Style::Soul}, {"r&b", Style::Soul}, {"r b", Style::Soul},
            {"rnb", Style::Soul}, {"motown", Style::Soul}, {"gospel", Style::Soul}, {"ambient", Style::Ambient},
            {"drone", Style::Ambient}, {"atmospheric", Style::Ambient}, {"new age", Style::Ambient},
            {"meditation", Style::Ambient}, {"cinematic", Style::Cinematic}, {"film score", Style::Cinematic},
            {"orchestral", Style::Cinematic}, {"epic", Style::Cinematic}, {"trailer", Style::Cinematic},
            {"soundtrack", Style::Cinematic}, {"folk", Style::Folk}, {"country", Style::Folk}, {"americana", Style::Folk},
            {"bluegrass", Style::Folk}, {"singer songwriter", Style::Folk}, {"latin", Style::Latin}, {"salsa", Style::Latin},
            {"bossa nova", Style::Latin}, {"bossa", Style::Latin}, {"samba", Style::Latin}, {"cumbia", Style::Latin},
            {"reggae", Style::Reggae}, {"dub", Style::Reggae}, {"ska", Style::Reggae}, {"dancehall", Style::Reggae},
            {"blues", Style::Blues}, {"bluesy", Style::Blues}, {"shuffle", Style::Blues}, {"disco", Style::Disco},
            {"nu disco", Style::Disco},
        };
        std::stable_sort(w.begin(), w.end(), [](const StyleWord& a, const StyleWord& b) {
            return std::strlen(a.phrase) > std::strlen(b.phrase);
        });
        return w;
    }();
    return words;
}

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
                               "triumphant", "feel good", "major", "summery"};
    return w;
}

// Lower case, punctuation to spaces, single spaces, padded: " upbeat funk with slap bass ".
QString normalise(const QString& caption)
{
    QString t = caption.toLower();
    t.replace(QStringLiteral("r&b"), QStringLiteral("rnb"));
    t.replace(QStringLiteral("hip-hop"), QStringLiteral("hip hop"));
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

}  // namespace

bool CaptionIntent::names(core::TrackRole role) const
{
    return std::any_of(instruments.begin(), instruments.end(), [role](const NamedInstrument& n) { return n.role == role; });
}

QString CaptionIntent::summary() const
{
    QStringList parts;
    if (style)
        parts << QString::fromLatin1(styleDef(*style).name);
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
    return parts.join(QStringLiteral(" · "));
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
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [at, n] : found) {
        Q_UNUSED(at);
        const bool seen = intent.names(n.role);
        if (!seen && !intent.excluded.contains(n.role))
            intent.instruments.push_back(n);
    }

    // The first style mentioned wins ("jazz funk" is jazz with a funk flavour we do not model).
    int bestAt = 1 << 30;
    for (const StyleWord& w : styleWords()) {
        const int at = take(text, w.phrase);
        if (at >= 0 && at < bestAt) {
            bestAt = at;
            intent.style = w.style;
        }
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
