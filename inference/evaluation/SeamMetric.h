#pragma once

// How audible the seams of a repaint are. A section of a generated clip is regenerated (repainted) with its
// neighbours kept; the clip with the new section laid in is measured by its spectral flux, one value per
// kFluxHop samples, and each seam's jump is
//     max flux within +-kSeamHops hops of the seam / median flux over the whole clip,
// so 1 means "as much change as a typical moment of this clip" and a click or a level step reads as many
// times that. The median is floored at kFluxFloor (the flux of a barely audible change), so a clip that is
// mostly digital silence (a sparse intro) does not divide by zero; there a new sound reads as a big jump,
// which it is. Music has onsets at section boundaries anyway, so the same ratio at the same positions before
// the repaint is reported next to it as the clip's own baseline.
#include "inference/Generator.h"

#include <vector>

namespace s2a::inference::evaluation {

constexpr int kFluxHop = 1024;
constexpr int kFluxFrame = 2048;
constexpr int kSeamHops = 2;
constexpr double kFluxFloor = 0.01;

// Half-wave rectified spectral flux of the log-compressed magnitude spectrum (2048-point Hann frames centred on
// every kFluxHop-th sample, ln(1 + 1000 |X|) with a full-scale sine at |X| = 1), averaged over bins. Frame 0 has
// no predecessor and is 0.
std::vector<double> spectralFlux(const std::vector<float>& mono);

// One jump per seam (sample positions on the clip's timeline), as defined above; 0 for a silent clip.
std::vector<double> seamJumps(const std::vector<float>& mono, const std::vector<core::SampleCount>& seams);

// Linear-interpolated percentile (p in [0, 100]) of `values`; NaN when empty. median = percentile(v, 50).
double percentile(std::vector<double> values, double p);

// Which part of a clip to repaint: the middle section when the clip has at least three (so both of its edges
// are seams with audio on either side), otherwise the middle third of the clip, its edges snapped to the beat
// grid of `tempo`, as a section of its own (the label and caption of the section at its centre; the other
// sections cut at its edges keep theirs).
struct RepaintPlan {
    QVector<SectionPlan> sections;  // the clip's sections with the target in them
    int target = -1;                // index into sections; -1 when the clip is too short to repaint
    core::SampleCount start = 0, end = 0;
};
RepaintPlan planRepaint(const QVector<SectionPlan>& sections, double tempo, int sampleRate);

}  // namespace s2a::inference::evaluation
