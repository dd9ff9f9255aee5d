#include "inference/evaluation/TonalMetrics.h"

#include "inference/analysis/KeyEstimator.h"
#include "inference/arranger/CaptionParser.h"

#include <array>
#include <cmath>
#include <limits>

namespace s2a::inference::evaluation {
namespace {

using Chroma = std::array<double, 12>;

// Sum of the analysis chroma frames whose centre falls in [from, to) seconds.
Chroma chromaBetween(const analysis::Features& f, double from, double to)
{
    Chroma c{};
    const int first = std::max(0, f.frameAt(from)), last = std::min(f.chroma.frames, f.frameAt(to));
    for (int i = first; i < last; ++i)
        for (int k = 0; k < 12; ++k)
            c[size_t(k)] += f.chroma.row(i)[k];
    return c;
}

double norm(const Chroma& c)
{
    double s = 0.0;
    for (double v : c)
        s += v * v;
    return std::sqrt(s);
}

}  // namespace

std::vector<double> beatGrid(double seconds, double tempo)
{
    std::vector<double> beats;
    if (!(tempo > 0.0) || !(seconds > 0.0))
        return beats;
    const double period = 60.0 / tempo;
    for (int i = 0; i * period < seconds; ++i)
        beats.push_back(i * period);
    return beats;
}

double chromaAgreement(const ClipAnalysis& original, const ClipAnalysis& reconstruction, double tempo)
{
    const std::vector<double> beats = beatGrid(original.seconds, tempo);
    std::vector<Chroma> a, b;
    double loudest = 0.0;
    for (size_t i = 0; i < beats.size(); ++i) {
        const double end = i + 1 < beats.size() ? beats[i + 1] : original.seconds;
        a.push_back(chromaBetween(original.features, beats[i], end));
        b.push_back(chromaBetween(reconstruction.features, beats[i], end));
        loudest = std::max(loudest, norm(a.back()));
    }
    // Beats 40 dB under the clip's loudest beat hold no notes to compare (a rest, a tail).
    double sum = 0.0;
    int count = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const double na = norm(a[i]), nb = norm(b[i]);
        if (!(loudest > 0.0) || na < 0.01 * loudest)
            continue;
        double dot = 0.0;
        for (int k = 0; k < 12; ++k)
            dot += a[i][size_t(k)] * b[i][size_t(k)];
        sum += nb > 0.0 ? dot / (na * nb) : 0.0;  // a silent reconstruction of a note scores 0
        ++count;
    }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

std::optional<KeyName> askedKey(const QString& caption)
{
    const arranger::CaptionIntent intent = arranger::parseCaption(caption);
    if (!intent.tonic)
        return std::nullopt;
    return KeyName{*intent.tonic, intent.minor.value_or(false)};
}

std::optional<KeyName> estimatedKey(const ClipAnalysis& clip, double tempo)
{
    const analysis::KeyResult k = analysis::estimateKey(clip.features, beatGrid(clip.seconds, tempo));
    if (!k.valid)
        return std::nullopt;
    return KeyName{k.tonic, k.minor};
}

bool keyMatches(const KeyName& asked, const KeyName& estimated)
{
    if (asked.tonic == estimated.tonic && asked.minor == estimated.minor)
        return true;
    // The relative key shares every note: A minor for C major, Eb major for C minor.
    const int relative = asked.minor ? (asked.tonic + 3) % 12 : (asked.tonic + 9) % 12;
    return estimated.minor != asked.minor && estimated.tonic == relative;
}

QString keyText(const KeyName& key)
{
    static const char* names[] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    return QStringLiteral("%1 %2").arg(QLatin1String(names[((key.tonic % 12) + 12) % 12]),
                                       key.minor ? QStringLiteral("minor") : QStringLiteral("major"));
}

}  // namespace s2a::inference::evaluation
