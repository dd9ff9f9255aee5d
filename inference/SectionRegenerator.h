#pragma once

// The app's main action, engine-agnostic: make a section anew and add the result as a take, leaving every
// other sample of the song as it was. Used by the CLI now and by the editor's Regenerate button.
#include "core/model/Project.h"
#include "inference/Generator.h"

#include <QString>

#include <optional>

namespace s2a::inference {

struct RegenerateOptions {
    std::optional<QString> caption;   // the section's new caption (also saved on the section)
    quint64 seed = 0;
    int steps = 32;
    double guidance = 4.0;
    double contextSeconds = 10.0;
};

// Finds a section by id, or by "label#n" (the n-th section with that label, from 1), or by "label" when only
// one section has it.
Result<QString> findSection(const core::ProjectData& data, const QString& reference);

// The request an engine needs for the whole song as it stands: settings, every section (with the seed its
// active take was made with), and for a regeneration of `targetSection` the song's current audio per track.
Result<GenerationRequest> requestFor(const core::ProjectData& data, const QString& bundlePath, int targetSection,
                                     const RegenerateOptions& options);

// Runs `engine` on the section, stores its stems in the bundle's audio/ and adds them as a new active take
// (one undo step; tracks for new instruments are added in the same step). Returns the new take's id. The
// project is untouched when the job fails or is cancelled.
Result<QString> regenerateSection(core::Project& project, const QString& bundlePath, const QString& sectionId,
                                  const RegenerateOptions& options, Generator& engine, JobControl& job);

// Writes a stem to the bundle as 24-bit FLAC (content-addressed) and returns its file name.
Result<QString> storeStem(const QString& bundlePath, const core::AudioBuffer& audio);

}  // namespace s2a::inference
