#pragma once

// The procedural engine: caption + section plan -> arrangement -> FluidSynth stems. Instant on a laptop,
// needs no weights, and knows the exact structure of what it made, which is why it also writes the
// training corpus.
#include "inference/Generator.h"

#include <QJsonObject>

namespace s2a::inference::arranger {

class ArrangerEngine : public Generator {
public:
    QString id() const override { return QStringLiteral("arranger"); }
    QString displayName() const override { return QStringLiteral("Arranger (procedural, FluidSynth)"); }
    Result<GenerationResult> generate(const GenerationRequest& request, JobControl& job) override;
    // Arranges the whole song again (cheap, no audio) so the target knows its neighbours, renders the target
    // with a pre-roll of the previous section's notes, and blends its first and last 10 ms with
    // request.context so the seams are continuous. Sections other than the target use SectionPlan::seed
    // (the seed their audio was made with) when it is set, request.seed otherwise.
    Result<GenerationResult> regenerate(const GenerationRequest& request, JobControl& job) override;

    // The plan and the per-section arrangement (energy, chords, instruments) as JSON, for the corpus.
    static Result<QJsonObject> describe(const GenerationRequest& request);

    static constexpr const char* kModelId = "arranger-1";
};

}  // namespace s2a::inference::arranger
