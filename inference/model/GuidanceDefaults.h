#pragma once

// Qt-free and torch-free, so the engine's public headers, the evaluation and the benchmark share one value.
//
// The classifier-free guidance scales the app samples with (global caption, section captions), chosen by the
// run-13 probe in docs/training/README.md ("The sampler's guidance, probed"): under 4 the named instruments go
// missing, over 4 pitchedness and the key fall. At 4 / 4 the (c, 0) branch weighs g - s = 0 and is skipped, so
// every sampler step evaluates two branches, (0, 0) and (c, c_s), as one forward of batch 2.
namespace s2a::model {

inline constexpr double kDefaultGuidance = 4.0;
inline constexpr double kDefaultSectionGuidance = 4.0;

// Guidance interval (Kynkaanniemi et al. 2024, "Applying guidance in a limited interval improves sample and
// distribution quality in diffusion models"): the sampler guides network evaluations at flow times t in
// [from, to), and at t = 1 too when to = 1 (Heun's last corrector evaluates there), t = 0 being noise and 1 data;
// the others take the fully conditioned branch v(c, c_s) alone, one network call of batch 1 instead of a batch
// of two or three. The default, from 0 to 1, guides every evaluation.
struct GuidanceInterval {
    double from = 0.0;
    double to = 1.0;
    bool contains(double t) const { return t >= from && (t < to || to >= 1.0); }
};

inline constexpr GuidanceInterval kDefaultGuidanceInterval{0.0, 1.0};

}  // namespace s2a::model
