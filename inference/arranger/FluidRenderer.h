#pragma once

// Renders stems with FluidSynth, offline: one synth per stem (so stems are exactly separate), no audio
// driver, 44.1 kHz (or the request's rate) stereo float, exact length to the sample. FluidSynth renders dry
// and each stem gets its own StemReverb, so a stem's tail is part of that stem and the mix is still the sum
// of the stems. Stems render on up to two threads; each stem's output depends only on its own notes, so
// threading never changes a sample.
#include "core/audio/AudioBuffer.h"
#include "core/util/Result.h"
#include "inference/Generator.h"
#include "inference/arranger/NoteEvent.h"
#include "inference/arranger/Timeline.h"

#include <QString>

#include <vector>

namespace s2a::inference::arranger {

class FluidRenderer {
public:
    // The soundfont to use: $S2A_SOUNDFONT if set, else the best General MIDI font installed.
    static Result<QString> findSoundFont();

    struct Span {
        qint64 renderFrom = 0;  // synthesis starts here (pre-roll: notes before `keepFrom` still ring into it)
        qint64 keepFrom = 0;    // first sample returned
        qint64 to = 0;          // one past the last sample returned
    };
    struct Timing {
        double loadSeconds = 0.0;    // soundfont loading (first use in a process decodes it; later uses share it)
        double renderSeconds = 0.0;  // synthesis wall time, including each stem's synth setup (done on the
                                     // render threads, where it overlaps the other thread's rendering)
    };

    // Progress goes to `job` from the calling thread as fractions in [progressFrom, progressTo].
    static Result<std::vector<core::AudioBuffer>> render(const std::vector<StemPart>& parts, const Timeline& timeline,
                                                         const Span& span, JobControl& job, double progressFrom,
                                                         double progressTo, Timing* timing = nullptr);
};

}  // namespace s2a::inference::arranger
