#include "training/data/StructureTargets.h"

#include <algorithm>
#include <cmath>

namespace s2a::training {
namespace {

bool isDrumNote(const StemNotes& stem, const MidiNote& n) { return n.drum || stem.role == core::TrackRole::Drums; }

// Sample of beat `k` at `tempo`, truncated like the arranger's Timeline so grid and audio agree.
int64_t beatSample(int64_t k, double tempo, int sampleRate)
{
    return int64_t(static_cast<long double>(k) * sampleRate * 60.0L / static_cast<long double>(tempo));
}

}  // namespace

int chordIdForSymbol(const QString& symbol)
{
    const QString s = symbol.trimmed();
    if (s.isEmpty())
        return kNoChord;
    static const int natural[7] = {9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
    const QChar letter = s[0];
    if (letter < QLatin1Char('A') || letter > QLatin1Char('G'))
        return kNoChord;
    int root = natural[letter.unicode() - 'A'];
    qsizetype i = 1;
    for (; i < s.size(); ++i) {
        if (s[i] == QLatin1Char('#') || s[i] == QChar(0x266f))
            ++root;
        else if (s[i] == QLatin1Char('b') || s[i] == QChar(0x266d))
            --root;
        else
            break;
    }
    root = ((root % 12) + 12) % 12;
    QString quality = s.mid(i);
    if (const qsizetype slash = quality.indexOf(QLatin1Char('/')); slash >= 0)
        quality.truncate(slash);
    bool minor = quality.startsWith(QLatin1Char('-'));
    for (qsizetype k = 0; k < quality.size() && !minor; ++k)
        if (quality[k] == QLatin1Char('m') && quality.mid(k + 1, 2) != QLatin1String("aj"))
            minor = true;
    return minor ? 12 + root : root;
}

FrameTargets computeFrameTargets(const std::vector<StemNotes>& stems, double tempo,
                                 const QVector<TrainingSection>& sections, int sampleRate, int64_t hop, int64_t frames)
{
    FrameTargets t;
    t.frames = std::max<int64_t>(0, frames);
    const size_t n = size_t(t.frames);
    t.melody.assign(n, int16_t(kNoMelody));
    t.chroma.assign(n * 12, 0.0f);
    t.onset.assign(n, 0.0f);
    t.beat.assign(n, 0.0f);
    t.bass.assign(n, int16_t(kNoBass));
    t.chord.assign(n, int16_t(kNoChord));
    if (n == 0 || hop <= 0 || sampleRate <= 0)
        return t;
    const int64_t total = t.frames * hop;

    std::vector<int16_t> lowestBass(n, int16_t(128));
    for (const StemNotes& stem : stems) {
        const bool lead = stem.role == core::TrackRole::Lead;
        const bool bass = stem.role == core::TrackRole::Bass;
        for (const MidiNote& note : stem.notes) {
            const int64_t start = std::llround(note.startSeconds * sampleRate);
            // A note has at least one sample, so a zero-length one still marks its onset frame.
            const int64_t end = std::max(start + 1, int64_t(std::llround(note.endSeconds * sampleRate)));
            if (end <= 0 || start >= total)
                continue;
            if (start >= 0)
                t.onset[size_t(start / hop)] = 1.0f;
            if (isDrumNote(stem, note))
                continue;
            const int64_t f0 = std::max<int64_t>(0, start) / hop;
            const int64_t f1 = std::min(end - 1, total - 1) / hop;
            const int pitch = std::clamp(note.pitch, 0, 127);
            for (int64_t f = f0; f <= f1; ++f) {
                t.chroma[size_t(f) * 12 + size_t(pitch % 12)] = 1.0f;
                if (lead && (t.melody[size_t(f)] == kNoMelody || pitch > t.melody[size_t(f)]))
                    t.melody[size_t(f)] = int16_t(pitch);
                if (bass)
                    lowestBass[size_t(f)] = std::min(lowestBass[size_t(f)], int16_t(pitch));
            }
        }
    }
    for (size_t f = 0; f < n; ++f)
        if (lowestBass[f] < 128)
            t.bass[f] = int16_t(lowestBass[f] % 12);

    if (tempo > 0.0)
        for (int64_t k = 0;; ++k) {
            const int64_t s = beatSample(k, tempo, sampleRate);
            if (s >= total)
                break;
            t.beat[size_t(s / hop)] = 1.0f;
        }

    if (tempo > 0.0 && !sections.isEmpty()) {
        // The chord at a frame's centre; the song's last (partial) frame looks inside the song instead.
        const int64_t songEnd = sections.constLast().end;
        for (const TrainingSection& sec : sections) {
            if (sec.chords.isEmpty() || sec.end <= sec.start)
                continue;
            std::vector<int> ids;
            for (const QString& c : sec.chords)
                ids.push_back(chordIdForSymbol(c));
            const int64_t firstFrame = std::max<int64_t>(0, sec.start / hop);
            const int64_t lastFrame = std::min<int64_t>(t.frames - 1, (sec.end + hop) / hop);
            for (int64_t f = firstFrame; f <= lastFrame; ++f) {
                const int64_t at = std::clamp<int64_t>(f * hop + hop / 2, f * hop, std::max<int64_t>(f * hop, songEnd - 1));
                if (at < sec.start || at >= sec.end)
                    continue;
                // Bar b starts at the section start plus 4b beats, on the same truncated grid as the beats.
                int64_t bar = int64_t(double(at - sec.start) * tempo / (240.0 * sampleRate));
                while (bar > 0 && sec.start + beatSample(4 * bar, tempo, sampleRate) > at)
                    --bar;
                while (sec.start + beatSample(4 * (bar + 1), tempo, sampleRate) <= at)
                    ++bar;
                t.chord[size_t(f)] = int16_t(ids[size_t(bar % int64_t(ids.size()))]);
            }
        }
    }
    return t;
}

}  // namespace s2a::training
