#pragma once

// Where a recorded tune sits and when it is busy (issue 20: the band leaves the lead room). The arranger keeps its
// comping under the tune's lower register in the bars where the tune plays, and lets it rise where the tune
// rests. Pitch from aubio's YIN ("yinfast"; its YIN-FFT reports no confidence in aubio 0.4.9), a library made for
// the job, on the recording folded to mono at its own rate.
#include "core/audio/AudioBuffer.h"

#include <QPair>
#include <QVector>

namespace s2a::inference::analysis {

struct LeadRegister {
    int lowNote = 0;    // MIDI note: the tune's lower register (10th percentile of its confidently pitched frames); 0 = none
    int highNote = 0;   // 90th percentile
    // Where the tune plays (at least kBusyShare of a window's frames pitched), in samples of the measured audio,
    // merged and in time order.
    QVector<QPair<core::SampleCount, core::SampleCount>> busy;
};

// Measures `audio` (any rate and channel count; folded to mono). Silence or unpitched audio gives lowNote 0.
LeadRegister measureLeadRegister(const core::AudioBuffer& audio);

}  // namespace s2a::inference::analysis
