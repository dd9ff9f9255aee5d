#include "inference/arranger/MusicTheory.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace s2a::inference::arranger {
namespace {

constexpr std::array<const char*, 12> kNames{"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

int mod12(int x) { return ((x % 12) + 12) % 12; }

int letterPitchClass(QChar letter)
{
    switch (letter.toUpper().toLatin1()) {
    case 'C': return 0;
    case 'D': return 2;
    case 'E': return 4;
    case 'F': return 5;
    case 'G': return 7;
    case 'A': return 9;
    case 'B': return 11;
    default: return -1;
    }
}

}  // namespace

QString pitchClassName(int pc) { return QString::fromLatin1(kNames[size_t(mod12(pc))]); }

QString Key::toString() const
{
    return pitchClassName(tonic) + (minor ? QStringLiteral(" minor") : QStringLiteral(" major"));
}

std::vector<int> Key::scale() const
{
    static const std::array<int, 7> major{0, 2, 4, 5, 7, 9, 11};
    static const std::array<int, 7> naturalMinor{0, 2, 3, 5, 7, 8, 10};
    std::vector<int> pcs;
    for (int step : (minor ? naturalMinor : major))
        pcs.push_back(mod12(tonic + step));
    return pcs;
}

std::optional<Key> Key::parse(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([A-Ga-g])\\s*(#|b|sharp|flat)?\\s*(major|minor|maj|min|m)?\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Key key;
    key.tonic = letterPitchClass(m.captured(1).at(0));
    const QString acc = m.captured(2).toLower();
    if (acc == QLatin1String("#") || acc == QLatin1String("sharp"))
        key.tonic = mod12(key.tonic + 1);
    else if (acc == QLatin1String("b") || acc == QLatin1String("flat"))
        key.tonic = mod12(key.tonic - 1);
    const QString mode = m.captured(3).toLower();
    key.minor = mode.startsWith(QLatin1String("min")) || mode == QLatin1String("m");
    return key;
}

std::vector<int> Chord::pitchClasses() const
{
    std::vector<int> pcs;
    for (int i : intervals)
        pcs.push_back(mod12(root + i));
    return pcs;
}

int Chord::third() const
{
    for (int i : intervals)
        if (i == 3 || i == 4)
            return i;
    return 7;
}

bool Chord::contains(int pc) const
{
    for (int i : intervals)
        if (mod12(root + i) == mod12(pc))
            return true;
    return false;
}

std::optional<Chord> chordFromRoman(const QString& numeral, const Key& key)
{
    static const QRegularExpression re(QStringLiteral("^(b|#)?(VII|VI|IV|V|III|II|I|vii|vi|iv|v|iii|ii|i)(maj7|m7b5|dim|sus4|sus2|add9|7|6|5)?$"));
    const auto m = re.match(numeral);
    if (!m.hasMatch())
        return std::nullopt;
    static const QStringList romans{QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("III"), QStringLiteral("IV"),
                                    QStringLiteral("V"), QStringLiteral("VI"), QStringLiteral("VII")};
    static const std::array<int, 7> majorSteps{0, 2, 4, 5, 7, 9, 11};
    const QString roman = m.captured(2);
    const bool upper = roman.at(0).isUpper();
    int degree = int(romans.indexOf(roman.toUpper()));
    int root = key.tonic + majorSteps[size_t(degree)];
    if (m.captured(1) == QLatin1String("b"))
        --root;
    else if (m.captured(1) == QLatin1String("#"))
        ++root;
    Chord c;
    c.root = mod12(root);
    const QString ext = m.captured(3);
    QString suffix;
    if (ext == QLatin1String("dim")) {
        c.intervals = {0, 3, 6};
        suffix = QStringLiteral("dim");
    } else if (ext == QLatin1String("m7b5")) {
        c.intervals = {0, 3, 6, 10};
        suffix = QStringLiteral("m7b5");
    } else if (ext == QLatin1String("sus4")) {
        c.intervals = {0, 5, 7};
        suffix = QStringLiteral("sus4");
    } else if (ext == QLatin1String("sus2")) {
        c.intervals = {0, 2, 7};
        suffix = QStringLiteral("sus2");
    } else if (ext == QLatin1String("5")) {
        c.intervals = {0, 7};
        suffix = QStringLiteral("5");
    } else {
        c.intervals = upper ? std::vector<int>{0, 4, 7} : std::vector<int>{0, 3, 7};
        suffix = upper ? QString() : QStringLiteral("m");
        if (ext == QLatin1String("7")) {
            c.intervals.push_back(10);  // dominant 7 on upper case, minor 7 on lower case
            suffix += QStringLiteral("7");
        } else if (ext == QLatin1String("maj7")) {
            c.intervals.push_back(11);
            suffix += QStringLiteral("maj7");
        } else if (ext == QLatin1String("6")) {
            c.intervals.push_back(9);
            suffix += QStringLiteral("6");
        } else if (ext == QLatin1String("add9")) {
            c.intervals.push_back(14);
            suffix += QStringLiteral("add9");
        }
    }
    c.symbol = pitchClassName(c.root) + suffix;
    return c;
}

int nearestPitch(int pc, int target)
{
    const int below = target - mod12(target - pc);
    return (target - below) <= 6 ? below : below + 12;
}

int pitchAtOrAbove(int pc, int low) { return low + mod12(pc - low); }

std::vector<int> voiceLead(const Chord& chord, const std::vector<int>& previous, int low, int voices)
{
    std::vector<int> pcs = chord.pitchClasses();
    // Fold 9ths into the octave for close voicings; pad with the root (then the fifth) when asked for more
    // voices than the chord has, which is how a keyboard player doubles.
    while (int(pcs.size()) < voices)
        pcs.push_back(pcs[pcs.size() % 2 == 0 ? 0 : std::min<size_t>(2, pcs.size() - 1)]);
    if (int(pcs.size()) > voices && pcs.size() >= 3)
        pcs.erase(pcs.begin() + 2);  // drop the fifth first: it adds the least colour
    while (int(pcs.size()) > voices)
        pcs.pop_back();

    std::vector<int> best;
    int bestCost = 1 << 30;
    for (size_t inversion = 0; inversion < pcs.size(); ++inversion) {
        std::vector<int> v;
        int pitch = pitchAtOrAbove(pcs[inversion], low);
        v.push_back(pitch);
        for (size_t k = 1; k < pcs.size(); ++k) {
            pitch = pitchAtOrAbove(pcs[(inversion + k) % pcs.size()], pitch + 1);
            v.push_back(pitch);
        }
        int cost = 0;
        if (previous.empty()) {
            cost = std::abs(v.front() - (low + 6));
        } else {
            for (size_t k = 0; k < v.size(); ++k)
                cost += std::abs(v[k] - previous[std::min(k, previous.size() - 1)]);
        }
        if (cost < bestCost) {
            bestCost = cost;
            best = v;
        }
    }
    return best;
}

}  // namespace s2a::inference::arranger
