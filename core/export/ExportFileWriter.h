#pragma once

// One exported file, written block by block: gain, quantisation (with TPDF dither at 16 bits), libsndfile
// encoding and a libebur128 measurement of exactly what lands in the file. AudioFileWriter writes whole
// buffers; an export streams, so that a long song never sits whole in memory at the output rate.
#include "core/audio/AudioFileWriter.h"
#include "core/export/TruePeakMeter.h"
#include "core/util/Result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace s2a::core {

struct ExportMetadata {
    QString title;
    QString album;    // the song, when the title names a stem
    QString comment;  // caption, tempo and key: no portable tag exists for the last two
};

struct LoudnessMeasurement {
    double integratedLufs = 0.0;  // -inf for silence
    double loudnessRange = 0.0;   // LU
    double truePeakDb = 0.0;      // dBTP, -inf for silence
};

// Stereo loudness: integrated loudness (and loudness range on request) from libebur128, true peak from
// TruePeakMeter, which computes what libebur128's true-peak mode would, several times faster.
class LoudnessMeter {
public:
    LoudnessMeter(int sampleRate, bool withRange);
    ~LoudnessMeter();
    LoudnessMeter(const LoudnessMeter&) = delete;
    LoudnessMeter& operator=(const LoudnessMeter&) = delete;
    bool isValid() const;
    void add(const float* left, const float* right, int frames);
    LoudnessMeasurement result() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
    bool m_withRange = false;
    TruePeakMeter m_truePeak;
    std::vector<float> m_interleaved;
};

class ExportFileWriter {
public:
    // `ditherSeed` makes the dither noise (and so the file) reproducible; dither applies only to 16-bit formats.
    ExportFileWriter(QString path, AudioFileFormat format, int sampleRate, bool dither, std::uint64_t ditherSeed);
    ~ExportFileWriter();
    ExportFileWriter(const ExportFileWriter&) = delete;
    ExportFileWriter& operator=(const ExportFileWriter&) = delete;

    Status open(const ExportMetadata& metadata);
    // Writes `frames` frames of left/right scaled by `gain`.
    Status write(const float* left, const float* right, int frames, float gain);
    // Flushes the encoder and the header; the file is complete only after this succeeds.
    Status close();
    LoudnessMeasurement loudness() const { return m_meter.result(); }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    LoudnessMeter m_meter;
};

}  // namespace s2a::core
