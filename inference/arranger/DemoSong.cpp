#include "inference/arranger/DemoSong.h"

#include "inference/arranger/ArrangerEngine.h"
#include "inference/arranger/SongBundleWriter.h"
#include "inference/arranger/SongPlanner.h"
#include "core/export/ExportFileWriter.h"
#include "core/export/Exporter.h"

#include <QDir>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <deque>
#include <vector>

namespace s2a::inference::arranger {
namespace {

using Channels = std::vector<float>;

core::LoudnessMeasurement measure(const Channels& left, const Channels& right, int sampleRate)
{
    core::LoudnessMeter meter(sampleRate, false);
    meter.add(left.data(), right.data(), int(left.size()));
    return meter.result();
}

// The gain per frame of a linked look-ahead peak limiter that keeps `gain` x mix under `ceiling` (linear) in
// every sample. What each frame needs is first taken as the minimum over the next `w` frames and then averaged
// over the last `w`: every frame in that average looked ahead over the frame itself, so the gain is already
// down, smoothly, when a peak arrives. It then recovers towards `gain` with an exponential release.
Channels limiterGain(const Channels& left, const Channels& right, float gain, float ceiling, int sampleRate)
{
    const size_t n = left.size();
    const size_t w = size_t(std::max(1, sampleRate * 3 / 2000));  // 1.5 ms: shorter than a drum hit's attack
    Channels needed(n);
    for (size_t i = 0; i < n; ++i) {
        const float peak = gain * std::max(std::fabs(left[i]), std::fabs(right[i]));
        needed[i] = peak > ceiling ? ceiling / peak : 1.0f;
    }
    Channels ahead(n);
    std::deque<size_t> window;  // indices in [i, i + w), their needs increasing from front to back
    for (size_t i = n; i-- > 0;) {
        while (!window.empty() && needed[window.back()] >= needed[i])
            window.pop_back();
        window.push_back(i);
        while (window.front() >= i + w)
            window.pop_front();
        ahead[i] = needed[window.front()];
    }
    Channels out(n);
    const double release = 1.0 - std::exp(-1.0 / (0.08 * sampleRate));  // 80 ms
    double sum = 0.0, previous = 1.0;
    for (size_t i = 0; i < n; ++i) {
        sum += ahead[i];
        if (i >= w)
            sum -= ahead[i - w];
        const double smoothed = sum / double(std::min(i + 1, w));
        previous = std::min(smoothed, previous + (1.0 - previous) * release);
        out[i] = gain * float(previous);
    }
    return out;
}

// Brings the mix (the sum of the stems: the demo's tracks are at 0 dB, centred) to kDemoLufs with its true peak
// at most kDemoCeilingDbtp, through one gain curve that every stem gets, so the stems still add up to the mix.
// The arranger leaves headroom for any style and band (its mixes sit near -26 LUFS, peaks some 18 dB above
// that); the demo is the first thing a new user hears, next to released music at -14 to -16 LUFS. Limiting
// takes a little loudness off, so the gain before the limiter is raised by what each round fell short.
void normaliseMix(QVector<Stem>& stems, int sampleRate)
{
    if (stems.isEmpty())
        return;
    const size_t frames = size_t(stems.front().audio.frames());
    Channels left(frames, 0.0f), right(frames, 0.0f);
    for (const Stem& stem : std::as_const(stems)) {
        const auto& channels = stem.audio.channels;
        for (size_t i = 0; i < frames && !channels.empty(); ++i) {
            left[i] += channels.front()[i];
            right[i] += channels.back()[i];  // a mono stem plays on both sides
        }
    }
    const core::LoudnessMeasurement dry = measure(left, right, sampleRate);
    if (!std::isfinite(dry.integratedLufs))
        return;  // silence: nothing to bring up
    // Samples stay 1 dB under the ceiling: between samples a peak can rise that much higher.
    const float ceiling = float(std::pow(10.0, (kDemoCeilingDbtp - 1.0) / 20.0));
    double gainDb = kDemoLufs - dry.integratedLufs;
    Channels curve, limitedLeft(frames), limitedRight(frames);
    core::LoudnessMeasurement wet;
    for (int round = 0; round < 4; ++round) {
        curve = limiterGain(left, right, float(std::pow(10.0, gainDb / 20.0)), ceiling, sampleRate);
        for (size_t i = 0; i < frames; ++i) {
            limitedLeft[i] = left[i] * curve[i];
            limitedRight[i] = right[i] * curve[i];
        }
        wet = measure(limitedLeft, limitedRight, sampleRate);
        if (std::abs(wet.integratedLufs - kDemoLufs) < 0.1)
            break;
        gainDb += kDemoLufs - wet.integratedLufs;
    }
    // Whatever is left over (a true peak over the ceiling, a last shortfall) is one more plain gain.
    const float trim = float(std::pow(10.0, core::normalisationGainDb(wet, kDemoLufs, kDemoCeilingDbtp) / 20.0));
    for (Stem& stem : stems)
        for (auto& channel : stem.audio.channels)
            for (size_t i = 0; i < channel.size() && i < frames; ++i)
                channel[i] *= curve[i] * trim;
}

}  // namespace

QString demoSongPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("Demo/Demo Song.s2a"));
}

Result<QString> createDemoSong(const QString& bundlePath, JobControl& job)
{
    using L = core::SectionLabel;
    GenerationRequest request;
    request.caption = QString::fromLatin1(kDemoCaption);
    request.seed = 104;
    request.tempo = 104.0;
    request.sections = SongPlanner::barSections({{L::Intro, 4}, {L::Verse, 8}, {L::Chorus, 8}, {L::Verse, 8},
                                                 {L::Chorus, 8}, {L::Bridge, 8}, {L::Chorus, 8}, {L::Outro, 4}},
                                                request.tempo, request.sampleRate);
    // Section captions the user can read (and edit, then regenerate) right away.
    const QStringList captions{
        QStringLiteral("sparse clavinet and muted guitar, building"),
        QStringLiteral("tight groove, slap bass up front"),
        QStringLiteral("full band, brass stabs"),
        QStringLiteral("tight groove, ghost notes on the snare"),
        QStringLiteral("full band, brass stabs, big"),
        QStringLiteral("borrowed chords, contrast"),
        QStringLiteral("full band, brass stabs, big"),
        QStringLiteral("groove fades out"),
    };
    for (int i = 0; i < request.sections.size(); ++i)
        request.sections[i].caption = captions[i];

    ArrangerEngine engine;
    auto result = engine.generate(request, job);
    if (!result)
        return result.error();
    normaliseMix(result->stems, request.sampleRate);
    auto written = writeSongBundle(bundlePath, QStringLiteral("Demo: Funk"), request, result.value());
    if (!written)
        return written.error();
    return bundlePath;
}

}  // namespace s2a::inference::arranger
