// Export speed: a 3-minute, 8-stem song to 24-bit FLAC stems + mix at the project rate (goal: 30x real time
// on a 2-core laptop), then the same with loudness normalisation and with 48 kHz output for comparison.
// The stems are synthetic but music-like (harmonic tones with envelopes plus a little noise, a new take per
// section), so FLAC works as hard as on real audio; pure sines would compress unrealistically fast.
#include "AudioFixtures.h"

#include "core/export/Exporter.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cmath>
#include <cstdint>
#include <cstdio>

using namespace s2a;
using namespace s2a::core;

namespace {

constexpr int kRate = 44100;
constexpr int kTracks = 8;
constexpr int kSections = 8;
constexpr double kSeconds = 180.0;

ProjectData makeSong(const QString& bundle)
{
    const SampleCount total = SampleCount(kSeconds * kRate);
    ProjectData data = ProjectData::createNew(QStringLiteral("Bench"), kRate, total);
    data.sections.clear();
    for (int t = 0; t < kTracks; ++t) {
        Track track;
        track.id = QStringLiteral("trk-%1").arg(t);
        track.name = QStringLiteral("Stem %1").arg(t + 1);
        track.pan = -0.8 + 1.6 * t / (kTracks - 1);
        data.tracks.append(track);
    }
    std::uint64_t rng = 12345;
    auto noise = [&rng] {
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        return float(double(rng >> 11) * 0x1.0p-53 - 0.5);
    };
    for (int s = 0; s < kSections; ++s) {
        Section section;
        section.id = QStringLiteral("sec-%1").arg(s);
        section.start = total * s / kSections;
        section.end = total * (s + 1) / kSections;
        Take take;
        take.id = QStringLiteral("take-%1").arg(s);
        for (int t = 0; t < kTracks; ++t) {
            const double hz = 55.0 * (t + 1) * (1.0 + 0.06 * s);
            const double beat = kRate * 0.5 / (1 + t % 3);  // notes of a half, quarter or sixth of a second
            const AudioBuffer audio = test::makeAudio(kRate, section.length(), [&](int c, SampleCount i) {
                const double x = 2.0 * M_PI * hz * double(i) / kRate;
                const double env = std::exp(-3.0 * std::fmod(double(i), beat) / beat);
                const double tone = std::sin(x) + 0.5 * std::sin(2.0 * x + c) + 0.25 * std::sin(3.0 * x);
                return float(0.05 * env * tone + 0.002 * noise());
            });
            take.clips.append({QStringLiteral("trk-%1").arg(t), test::storeAudio(bundle, audio), section.start, 0, section.length()});
        }
        section.takes.append(take);
        section.activeTakeId = take.id;
        data.sections.append(section);
    }
    return data;
}

// Process CPU seconds (all threads): with other work on the machine, wall time alone misleads.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

void run(const char* what, const ProjectData& data, const QString& bundle, const QString& out, ExportOptions o)
{
    SimpleJobControl job;
    QElapsedTimer timer;
    const double cpu0 = cpuSeconds();
    timer.start();
    const Result<ExportReport> r = exportSong(data, bundle, out, o, job);
    const double wall = timer.nsecsElapsed() * 1e-9;
    const double cpu = cpuSeconds() - cpu0;
    if (!r) {
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(r.errorMessage()));
        return;
    }
    const double speed = kSeconds / wall;
    std::printf("%-36s %5.2f s wall %5.1fx real time (%.2f of the 30x goal)  %5.2f s CPU (%.1f cores)\n", what,
                wall, speed, speed / 30.0, cpu, cpu / wall);
}

}  // namespace

int main()
{
    QTemporaryDir dir;
    const QString bundle = dir.filePath(QStringLiteral("Bench.s2a"));
    std::printf("building a %.0f s, %d-stem song...\n", kSeconds, kTracks);
    const ProjectData data = makeSong(bundle);

    ExportOptions o;
    o.what = ExportWhat::Stems;
    o.alsoMix = true;
    o.format = AudioFileFormat::Flac24;
    o.overwrite = true;
    run("24-bit FLAC stems + mix, 44.1 kHz", data, bundle, dir.filePath(QStringLiteral("a")), o);
    run("same, second run (warm caches)", data, bundle, dir.filePath(QStringLiteral("a")), o);
    ExportOptions loud = o;
    loud.targetLufs = -14.0;
    run("same, normalised to -14 LUFS", data, bundle, dir.filePath(QStringLiteral("b")), loud);
    ExportOptions rate = o;
    rate.sampleRate = 48000;
    run("same, resampled to 48 kHz", data, bundle, dir.filePath(QStringLiteral("c")), rate);
    ExportOptions wav = o;
    wav.format = AudioFileFormat::Wav16;
    run("16-bit WAV stems + mix (dithered)", data, bundle, dir.filePath(QStringLiteral("d")), wav);
    return 0;
}
