#pragma once

// Repaint any time range of the song, not only whole sections (ACE-Step's repaint, Suno's replace section): the
// engine makes [start, end) anew, coherent with what surrounds it, and every section the range touches gets a
// new take that is its current audio outside the range, sample for sample, and the new audio inside it. A range
// across a section boundary is one piece of music for the engine (one request), split into one take per section
// afterwards, so A/B of takes and undo work as for a regenerated section.
//
// The engines only know how to regenerate a section, so the request they get is the song's section plan split at
// the range's edges, with the range as a section of its own that carries the label, caption, tags and energy of
// the section holding its middle. The seams are crossfaded over a few milliseconds inside the range, so the
// samples outside it stay bit-identical.
#include "inference/SectionRegenerator.h"

namespace s2a::inference {

struct RepaintRange {
    core::SampleCount start = 0;
    core::SampleCount end = 0;
    core::SampleCount length() const { return end - start; }
};

// The shortest range worth repainting: shorter ones would be all crossfade.
constexpr double kMinRepaintSeconds = 0.5;
// The crossfade at each seam of the range, inside it.
constexpr double kRepaintSeamSeconds = 0.010;

// What keeps `range` from being repainted in `song`, for callers that word it themselves (the UI, translated).
struct RepaintRangeProblem {
    enum Kind { None, OutsideSong, TooShort, Locked } kind = None;
    int section = -1;  // Locked: the first locked section the range touches
};
RepaintRangeProblem findRepaintRangeProblem(const core::ProjectData& song, RepaintRange range);

// Why `range` cannot be repainted in `song` (outside it, too short, or over a locked section), or success.
Status checkRepaintRange(const core::ProjectData& song, RepaintRange range);

// The section plan an engine regenerates for `range`: the song's sections cut at its edges, the range a section
// of its own. `target` receives the range's index. Public for tests; renderRepaint uses it.
QVector<SectionPlan> repaintPlan(const QVector<SectionPlan>& sections, RepaintRange range, int& target);

// "Repaint 0:12.0–0:20.5": the undo step's and the takes' name.
QString repaintName(RepaintRange range, int sampleRate);

// Step 1, safe on any thread (like renderTake): runs `engine` on the range and stores one take per touched section
// in the bundle. `options.caption` is the range's caption for the engine; no section's caption changes. Progress:
// decoding 0-10 %, the engine 10-85 %, splicing and storing 85-100 %.
Result<QVector<RenderedTake>> renderRepaint(const core::ProjectData& snapshot, const QString& bundlePath,
                                            RepaintRange range, const RegenerateOptions& options, Generator& engine,
                                            JobControl& job);

}  // namespace s2a::inference
