#include "inference/evaluation/SplicedSongs.h"

#include "core/audio/AudioImport.h"
#include "inference/analysis/Features.h"
#include "inference/analysis/Rhythm.h"
#include "inference/analysis/SongAnalysis.h"
#include "inference/arranger/Random.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <optional>

namespace s2a::inference::evaluation {
namespace {

struct SourceTrack {
    QString name;
    std::vector<float> mono;
    std::vector<double> bars;  // downbeats, seconds
};

// Excerpts avoid the first and last tenth of a track (intros and fade-outs are not what a section sounds like).
constexpr double kEdgeShare = 0.1;
constexpr double kTargetSeconds = 20.0;
constexpr double kJoinSeconds = 0.01;  // a 10 ms crossfade at each splice, as an editor's default fade

Result<SourceTrack> loadTrack(const QString& path)
{
    auto imported = core::importAudio(path, analysis::kAnalysisRate, core::ChannelPolicy::DownmixToStereo);
    if (!imported)
        return imported.error();
    SourceTrack t;
    t.name = QFileInfo(path).fileName();
    const auto& ch = imported->audio.channels;
    t.mono.resize(ch.front().size());
    for (size_t i = 0; i < t.mono.size(); ++i) {
        double sum = 0.0;
        for (const auto& c : ch)
            sum += c[i];
        t.mono[i] = static_cast<float>(sum / ch.size());
    }
    const analysis::RhythmResult rhythm = analysis::trackRhythm(analysis::computeFeatures(t.mono, analysis::kAnalysisRate));
    if (rhythm.tempo > 0.0)
        t.bars = rhythm.bars;
    return t;
}

struct Excerpt {
    size_t first = 0, frames = 0;
    int bars = 0;
};

// A run of whole bars inside the track's middle, as near kTargetSeconds long as 4, 8 or 16 bars allow.
std::optional<Excerpt> pickExcerpt(const SourceTrack& t, arranger::Rng& rng)
{
    const double seconds = double(t.mono.size()) / analysis::kAnalysisRate;
    std::vector<double> bars;
    for (double b : t.bars)
        if (b >= kEdgeShare * seconds && b <= (1.0 - kEdgeShare) * seconds)
            bars.push_back(b);
    if (bars.size() < 2)
        return std::nullopt;
    const double barSeconds = (bars.back() - bars.front()) / double(bars.size() - 1);
    int count = 4;
    for (int n : {8, 16})
        if (std::abs(n * barSeconds - kTargetSeconds) < std::abs(count * barSeconds - kTargetSeconds))
            count = n;
    if (static_cast<int>(bars.size()) <= count)
        return std::nullopt;
    const int start = rng.range(0, static_cast<int>(bars.size()) - 1 - count);
    Excerpt e;
    e.first = static_cast<size_t>(std::lround(bars[start] * analysis::kAnalysisRate));
    e.frames = static_cast<size_t>(std::lround(bars[start + count] * analysis::kAnalysisRate)) - e.first;
    e.bars = count;
    return e;
}

}  // namespace

QStringList debianSoundtracks()
{
    QStringList out{QStringLiteral("/usr/share/games/frozen-bubble/snd/frozen-mainzik-1p.ogg"),
                    QStringLiteral("/usr/share/games/frozen-bubble/snd/frozen-mainzik-2p.ogg")};
    for (const char* name : {"frontiers.mp3", "machine_wars.mp3", "time_to_strike.mp3"})
        out << QStringLiteral("/usr/share/games/asc/music/") + QLatin1String(name);
    for (const char* name : {"hr-domina-hunting", "hr-domina-mountain", "hr-savino-caribbean", "hr-savino-ivory",
                             "hr-savino-ocean", "hr-savino-palace", "hr3-caves", "hr3-crossroads", "hr3-desert",
                             "hr3-graveyard", "hr3-hell", "hr3-icyland", "hr3-jungle", "hr3-laboratory", "hr3-mirror",
                             "hr3-motion", "hr3-rlyeh"})
        out << QStringLiteral("/usr/share/hyperrogue/music/%1.ogg").arg(QLatin1String(name));
    return out;
}

Result<QVector<SplicedSong>> buildSplicedSongs(const QStringList& tracks, const SplicedSetOptions& options, JobControl& job)
{
    std::vector<SourceTrack> sources;
    for (int i = 0; i < tracks.size(); ++i) {
        if (job.cancelled())
            return Error{QStringLiteral("Cancelled.")};
        job.progress(0.9 * i / tracks.size(), QStringLiteral("Reading %1").arg(QFileInfo(tracks[i]).fileName()));
        auto t = loadTrack(tracks[i]);
        if (!t)
            return t.error();
        if (t->bars.size() >= 8)
            sources.push_back(std::move(t.value()));
    }
    QVector<SplicedSong> songs;
    arranger::Rng rng(options.seed);
    const size_t join = static_cast<size_t>(kJoinSeconds * analysis::kAnalysisRate);
    for (int n = 0; n < options.count; ++n) {
        SplicedSong song;
        song.form = options.forms[n % options.forms.size()];
        song.name = QStringLiteral("song%1-%2").arg(n + 1, 2, 10, QLatin1Char('0')).arg(song.form);
        QString letters;
        for (QChar c : song.form)
            if (!letters.contains(c))
                letters += c;
        if (static_cast<int>(sources.size()) < letters.size())
            return Error{QStringLiteral("Only %1 tracks have a beat grid; the form %2 needs %3.")
                             .arg(sources.size()).arg(song.form).arg(letters.size())};
        // One distinct track per letter, then one excerpt of it.
        std::vector<int> order(sources.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        for (size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[static_cast<size_t>(rng.range(0, static_cast<int>(i)))]);
        std::vector<std::pair<const SourceTrack*, Excerpt>> parts;
        for (size_t k = 0, next = 0; k < static_cast<size_t>(letters.size()); ++k) {
            std::optional<Excerpt> e;
            while (!e && next < order.size()) {
                const SourceTrack& t = sources[static_cast<size_t>(order[next++])];
                if ((e = pickExcerpt(t, rng)))
                    parts.emplace_back(&t, *e);
            }
            if (!e)
                return Error{QStringLiteral("Too few tracks are long enough for the form %1.").arg(song.form)};
            const auto& [track, ex] = parts.back();
            song.sources << QStringLiteral("%1 %2 %3 s, %4 bars").arg(letters[k]).arg(track->name)
                                .arg(double(ex.first) / analysis::kAnalysisRate, 0, 'f', 1).arg(ex.bars);
        }
        std::vector<float> mono;
        for (QChar c : song.form) {
            const auto& [track, ex] = parts[static_cast<size_t>(letters.indexOf(c))];
            song.starts << double(mono.size()) / analysis::kAnalysisRate;
            const float* in = track->mono.data() + ex.first;
            // The join: the last `join` samples so far fade out while this excerpt's first ones fade in.
            const size_t overlap = std::min(join, mono.size());
            for (size_t i = 0; i < overlap; ++i) {
                const float w = float(i + 1) / float(overlap + 1);
                mono[mono.size() - overlap + i] = mono[mono.size() - overlap + i] * (1.0f - w) + in[i] * w;
            }
            mono.insert(mono.end(), in + overlap, in + ex.frames);
            // The section started where its fade-in began; keep the reference on that sample.
            song.starts.back() -= double(overlap) / analysis::kAnalysisRate;
        }
        song.starts.front() = 0.0;
        song.audio.sampleRate = analysis::kAnalysisRate;
        song.audio.channels.push_back(std::move(mono));
        songs.push_back(std::move(song));
    }
    job.progress(1.0, QStringLiteral("Spliced %1 songs").arg(songs.size()));
    return songs;
}

}  // namespace s2a::inference::evaluation
