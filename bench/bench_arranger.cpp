// Arranger render speed: a 3-minute, 8-stem song, in audio seconds per wall second (goal: 50x real time on
// a 2-core laptop), with the time of each stage. Runs with the soundfont the app would use (or
// $S2A_SOUNDFONT), and once more to show the warm, cached-soundfont figure users see after the first song.
#include "inference/arranger/Arranger.h"
#include "inference/arranger/FluidRenderer.h"
#include "inference/arranger/MidiFileWriter.h"
#include "inference/arranger/SongPlanner.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

using namespace s2a::inference;
using namespace s2a::inference::arranger;
using L = s2a::core::SectionLabel;

namespace {

double seconds(QElapsedTimer& t)
{
    const double s = t.nsecsElapsed() * 1e-9;
    t.restart();
    return s;
}

}  // namespace

int main()
{
    auto font = FluidRenderer::findSoundFont();
    if (!font) {
        std::fprintf(stderr, "%s\n", qPrintable(font.errorMessage()));
        return 1;
    }
    // Pop with every role named: drums, bass, keys, guitar, strings, pads, lead and brass = 8 stems.
    GenerationRequest request;
    request.caption = QStringLiteral("pop with piano, electric guitar, strings, pads, lead synth and brass, 120 bpm");
    request.seed = 42;
    request.tempo = 120.0;
    // 90 bars at 120 BPM = 180 s.
    request.sections = SongPlanner::barSections({{L::Intro, 8}, {L::Verse, 16}, {L::PreChorus, 4}, {L::Chorus, 16},
                                                 {L::Verse, 16}, {L::Chorus, 16}, {L::Bridge, 8}, {L::Outro, 6}},
                                                request.tempo, request.sampleRate);
    const double audioSeconds = double(request.sections.constLast().end) / request.sampleRate;
    std::printf("soundfont: %s\nsong: %.1f s\n", qPrintable(QFileInfo(font.value()).fileName()), audioSeconds);

    for (int run = 1; run <= 2; ++run) {
        QElapsedTimer total, stage;
        total.start();
        stage.start();
        const auto plan = SongPlanner::plan(request, request.seed);
        std::vector<quint64> seeds(size_t(request.sections.size()), request.seed);
        const Arranger arranger(plan.value(), request.sections, request.sampleRate, seeds);
        const std::vector<StemPart> parts = arranger.parts();
        const double arrange = seconds(stage);
        size_t notes = 0;
        for (const StemPart& p : parts)
            notes += p.notes.size();
        SimpleJobControl job;
        FluidRenderer::Timing timing;
        const auto audio = FluidRenderer::render(parts, arranger.timeline(), {0, 0, request.sections.constLast().end}, job, 0, 1, &timing);
        if (!audio) {
            std::fprintf(stderr, "%s\n", qPrintable(audio.errorMessage()));
            return 1;
        }
        stage.restart();
        for (const StemPart& p : parts)
            MidiFileWriter::write(p, plan.value().tempo, 0, arranger.sections().back().endTick);
        const double midi = seconds(stage);
        const double wall = total.nsecsElapsed() * 1e-9;
        const double speed = audioSeconds / wall;
        std::printf("\nrun %d (%s): %zu stems, %zu notes\n", run, run == 1 ? "cold: first soundfont load in this process" : "warm",
                    parts.size(), notes);
        std::printf("  plan + arrange      %8.3f s\n", arrange);
        std::printf("  synth setup + load  %8.3f s\n", timing.loadSeconds);
        std::printf("  render (2 threads)  %8.3f s   (%.0f stem-seconds per second)\n", timing.renderSeconds,
                    audioSeconds * double(parts.size()) / timing.renderSeconds);
        std::printf("  MIDI files          %8.3f s\n", midi);
        std::printf("  total               %8.3f s   -> %.1fx real time (goal 50x: %.2f of goal)\n", wall, speed, speed / 50.0);
    }
    return 0;
}
