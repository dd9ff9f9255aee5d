#include "core/export/ExportFileWriter.h"

#include "core/audio/SndFile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace s2a::core {

// ---- LoudnessMeter ---------------------------------------------------------------------------------------

struct LoudnessMeter::State {
    ebur128_state* st = nullptr;
    ~State()
    {
        if (st)
            ebur128_destroy(&st);
    }
};

LoudnessMeter::LoudnessMeter(int sampleRate, bool withRange)
    : m_state(std::make_unique<State>()), m_withRange(withRange), m_truePeak(sampleRate, 2)
{
    m_state->st = ebur128_init(2, static_cast<unsigned long>(sampleRate),
                               EBUR128_MODE_I | (withRange ? EBUR128_MODE_LRA : 0));
}

LoudnessMeter::~LoudnessMeter() = default;

bool LoudnessMeter::isValid() const
{
    return m_state->st != nullptr;
}

void LoudnessMeter::add(const float* left, const float* right, int frames)
{
    m_interleaved.resize(size_t(frames) * 2);
    for (int i = 0; i < frames; ++i) {
        m_interleaved[size_t(2 * i)] = left[i];
        m_interleaved[size_t(2 * i + 1)] = right[i];
    }
    ebur128_add_frames_float(m_state->st, m_interleaved.data(), size_t(frames));
    m_truePeak.add(0, left, frames);
    m_truePeak.add(1, right, frames);
}

LoudnessMeasurement LoudnessMeter::result() const
{
    LoudnessMeasurement m;
    ebur128_loudness_global(m_state->st, &m.integratedLufs);
    if (m_withRange)
        ebur128_loudness_range(m_state->st, &m.loudnessRange);
    const double peak = m_truePeak.peak();
    m.truePeakDb = peak > 0.0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity();
    return m;
}

// ---- ExportFileWriter ------------------------------------------------------------------------------------

namespace {

int integerBits(AudioFileFormat format)
{
    switch (format) {
    case AudioFileFormat::Wav16:
    case AudioFileFormat::Flac16: return 16;
    case AudioFileFormat::Wav24:
    case AudioFileFormat::Flac24: return 24;
    default: return 0;
    }
}

// xorshift64*: fast, and the same sequence on every platform for a given seed (std::uniform_*_distribution
// is not specified bit for bit), which keeps dithered exports reproducible.
struct Rng {
    std::uint64_t state;
    explicit Rng(std::uint64_t seed) : state(seed ? seed : 0x9E3779B97F4A7C15ull) {}
    // Uniform in [-0.5, 0.5).
    double next()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return double((state * 0x2545F4914F6CDD1Dull) >> 11) * 0x1.0p-53 - 0.5;
    }
};

}  // namespace

struct ExportFileWriter::Impl {
    QString path;
    AudioFileFormat format;
    int sampleRate;
    int bits;
    bool dither;
    Rng rng;
    detail::SndFilePtr file;
    std::vector<int> ints;      // interleaved, full scale 2^31 (libsndfile shifts down to 16 or 24 bits)
    std::vector<float> floats;  // interleaved, for float WAV and Vorbis
    std::vector<float> meterLeft, meterRight;  // what the file holds, planar, for the loudness meter
};

ExportFileWriter::ExportFileWriter(QString path, AudioFileFormat format, int sampleRate, bool dither,
                                   std::uint64_t ditherSeed)
    : m_impl(new Impl{std::move(path), format, sampleRate, integerBits(format), dither && integerBits(format) == 16,
                      Rng(ditherSeed), {}, {}, {}, {}, {}}),
      m_meter(sampleRate, true)
{
}

ExportFileWriter::~ExportFileWriter() = default;

Status ExportFileWriter::open(const ExportMetadata& metadata)
{
    const QString name = detail::displayName(m_impl->path);
    if (!m_meter.isValid())
        return Error{QStringLiteral("%1: cannot measure loudness at %2 Hz").arg(name).arg(m_impl->sampleRate)};
    if (const QString problem = detail::sampleRateProblem(m_impl->format, m_impl->sampleRate); !problem.isEmpty())
        return Error{QStringLiteral("%1: %2.").arg(name, problem)};
    SF_INFO info{};
    info.samplerate = m_impl->sampleRate;
    info.channels = 2;
    info.format = detail::sndfileFormat(m_impl->format);
    if (!sf_format_check(&info)) {
        return Error{QStringLiteral("%1: %2 cannot store stereo at %3 Hz")
                         .arg(name, AudioFileWriter::formatName(m_impl->format))
                         .arg(m_impl->sampleRate)};
    }
    m_impl->file = detail::openSndFile(m_impl->path, SFM_WRITE, &info);
    if (!m_impl->file)
        // The file is the export's hidden temp file: name the folder, which is what the user chose and can fix.
        return Error{QStringLiteral("Cannot create files in %1: %2 Nothing in it was changed.")
                         .arg(QDir::toNativeSeparators(QFileInfo(m_impl->path).absolutePath()), detail::sndfileError(nullptr))};
    SNDFILE* f = m_impl->file.get();
    if (const QString refused = detail::configureEncoder(f, m_impl->format, AudioFileWriter::kDefaultVorbisQuality);
        !refused.isEmpty())
        return Error{QStringLiteral("%1: %2").arg(name, refused)};
    // Tags go in before the first sample: FLAC and Vorbis write their comment headers when encoding starts.
    // A format without a slot for a tag refuses it, which is fine ("where the format allows").
    auto tag = [f](int type, const QString& value) {
        if (!value.isEmpty())
            sf_set_string(f, type, value.toUtf8().constData());
    };
    tag(SF_STR_TITLE, metadata.title);
    tag(SF_STR_ALBUM, metadata.album);
    tag(SF_STR_COMMENT, metadata.comment);
    tag(SF_STR_SOFTWARE, QStringLiteral("S2A Studio"));
    return Status::success();
}

Status ExportFileWriter::write(const float* left, const float* right, int frames, float gain)
{
    Impl& d = *m_impl;
    sf_count_t written = 0;
    d.meterLeft.resize(size_t(frames));
    d.meterRight.resize(size_t(frames));
    float* meter[2] = {d.meterLeft.data(), d.meterRight.data()};
    if (d.bits > 0) {
        // Quantise here rather than let libsndfile do it: dither has to be added before rounding, and the
        // integers handed over are exactly what the file holds, so the loudness measured below is the file's.
        d.ints.resize(size_t(frames) * 2);
        const double scale = double(1 << (d.bits - 1));
        const double maxQ = scale - 1.0;
        const int shift = 32 - d.bits;
        for (int i = 0; i < frames; ++i) {
            for (int c = 0; c < 2; ++c) {
                double x = double(c == 0 ? left[i] : right[i]) * gain * scale;
                if (d.dither)
                    x += d.rng.next() + d.rng.next();  // triangular, +-1 LSB peak: no noise modulation
                const double q = std::clamp(std::nearbyint(x), -scale, maxQ);
                d.ints[size_t(2 * i + c)] = int(q) * (1 << shift);
                meter[c][i] = float(q / scale);  // exact: at most 24 significant bits
            }
        }
        errno = 0;
        written = sf_writef_int(d.file.get(), d.ints.data(), frames);
    } else {
        d.floats.resize(size_t(frames) * 2);
        for (int i = 0; i < frames; ++i) {
            d.floats[size_t(2 * i)] = meter[0][i] = left[i] * gain;
            d.floats[size_t(2 * i + 1)] = meter[1][i] = right[i] * gain;
        }
        errno = 0;
        written = sf_writef_float(d.file.get(), d.floats.data(), frames);
    }
    const int savedErrno = errno;
    // Vorbis is measured before encoding: decoding it again would double the cost for a figure that differs
    // by hundredths of a dB.
    m_meter.add(meter[0], meter[1], frames);
    if (written != frames || sf_error(d.file.get()) != SF_ERR_NO_ERROR) {
        return Error{QStringLiteral("%1: write failed: %2")
                         .arg(detail::displayName(d.path), detail::writeFailure(d.file.get(), savedErrno))};
    }
    return Status::success();
}

Status ExportFileWriter::close()
{
    if (!m_impl->file)
        return Status::success();
    // Encoders and the header update flush at close, so a full disk often shows up only here.
    errno = 0;
    const int result = sf_close(m_impl->file.release());
    if (result != 0) {
        const int savedErrno = errno;
        return Error{QStringLiteral("%1: finishing the file failed: %2 (%3)")
                         .arg(detail::displayName(m_impl->path), detail::writeFailure(nullptr, savedErrno),
                              QString::fromLocal8Bit(sf_error_number(result)))};
    }
    return Status::success();
}

}  // namespace s2a::core
