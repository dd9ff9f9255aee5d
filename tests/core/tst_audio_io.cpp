// Audio file reading, writing, resampling and import, on real files in a temporary folder. Damaged, hostile and
// unusual files: tst_audio_damage.

#include "SkipOrFail.h"
#include "AudioFixtures.h"
#include "AudioIoFixtures.h"

#include "core/audio/AudioFileReader.h"
#include "core/audio/AudioFileWriter.h"
#include "core/audio/AudioImport.h"
#include "core/audio/Resampler.h"

#include <QFile>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QtTest>

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <limits>
#include <vector>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#endif

using namespace s2a::core;
using s2a::test::kPi;
using s2a::test::readBytes;
using s2a::test::sine;
using s2a::test::writeBytes;

Q_DECLARE_METATYPE(AudioFileFormat)

namespace {

// Frequency from positive-going zero crossings, interpolated between samples: accurate to far better than
// 0.1 % over a few hundred periods, and blind to the gain and phase a codec or resampler may change.
double measureFrequency(const std::vector<float>& x, int rate, SampleCount from, SampleCount to)
{
    double first = -1.0;
    double last = -1.0;
    int crossings = 0;
    for (SampleCount i = from; i + 1 < to; ++i) {
        if (x[size_t(i)] < 0.0f && x[size_t(i + 1)] >= 0.0f) {
            const double t = double(i) + double(x[size_t(i)]) / double(x[size_t(i)] - x[size_t(i + 1)]);
            if (first < 0.0)
                first = t;
            last = t;
            ++crossings;
        }
    }
    return crossings < 2 ? 0.0 : (crossings - 1) * rate / (last - first);
}

double snrDb(const std::vector<float>& reference, const std::vector<float>& test)
{
    double signal = 0.0;
    double noise = 0.0;
    for (size_t i = 0; i < reference.size(); ++i) {
        signal += double(reference[i]) * reference[i];
        noise += (double(test[i]) - reference[i]) * (double(test[i]) - reference[i]);
    }
    return 10.0 * std::log10(signal / std::max(noise, 1e-30));
}

// Fixtures in formats AudioFileWriter does not offer are written with libsndfile itself.
bool writeWithSndfile(const QString& path, const AudioBuffer& audio, int format, const std::vector<int>& channelMap = {})
{
    SF_INFO info{};
    info.samplerate = audio.sampleRate;
    info.channels = audio.channelCount();
    info.format = format;
    SNDFILE* file = sf_open(QFile::encodeName(path).constData(), SFM_WRITE, &info);
    if (!file)
        return false;
    if (!channelMap.empty())
        sf_command(file, SFC_SET_CHANNEL_MAP_INFO, const_cast<int*>(channelMap.data()), int(channelMap.size() * sizeof(int)));
    std::vector<float> interleaved(size_t(audio.frames() * audio.channelCount()));
    for (SampleCount i = 0; i < audio.frames(); ++i)
        for (int c = 0; c < audio.channelCount(); ++c)
            interleaved[size_t(i * audio.channelCount() + c)] = audio.channels[size_t(c)][size_t(i)];
    const bool ok = sf_writef_float(file, interleaved.data(), audio.frames()) == audio.frames();
    return sf_close(file) == 0 && ok;
}

bool canWrite(int format, int rate, int channels)
{
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    return sf_format_check(&info) == SF_TRUE;
}

AudioBuffer constantChannels(const std::vector<float>& values, SampleCount frames, int rate)
{
    AudioBuffer buffer = AudioBuffer::silence(int(values.size()), frames, rate);
    for (size_t c = 0; c < values.size(); ++c)
        std::fill(buffer.channels[c].begin(), buffer.channels[c].end(), values[c]);
    return buffer;
}

// Every frame of a downmix of constant channels must be the same pair of values.
bool isConstantStereo(const AudioBuffer& audio, double left, double right)
{
    return audio.channelCount() == 2 && audio.frames() > 0
           && std::all_of(audio.channels[0].begin(), audio.channels[0].end(), [&](float x) { return std::abs(x - left) < 1e-6; })
           && std::all_of(audio.channels[1].begin(), audio.channels[1].end(), [&](float x) { return std::abs(x - right) < 1e-6; });
}

// ITU 5.1 downmix of L=0.1 R=0.2 C=0.3 LFE Ls=0.4 Rs=0.5, normalised by the gain sum (LFE dropped).
const double kMinus3dB = std::sqrt(0.5);
const double kItuLeft = (0.1 + kMinus3dB * 0.3 + kMinus3dB * 0.4) / (1 + 2 * kMinus3dB);
const double kItuRight = (0.2 + kMinus3dB * 0.3 + kMinus3dB * 0.5) / (1 + 2 * kMinus3dB);

}  // namespace

class TestAudioIo : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void integerFormatsClipInsteadOfWrapping();
    void vorbisQualityIsApplied();
    void readsOtherFormats_data();
    void readsOtherFormats();
    void writerRejectsBadInput();
    void writerReportsDiskFull();
    void writerRemovesPartialFile();
    void resamplerLengthIsExact();
    void resamplerKeepsPhase();
    void import48kInto44kKeepsFrequencyAndDuration();
    void importMonoBecomesStereo();
    void importSixChannels();
    void downmixFollowsDeclaredLayout();
    void downmixWithoutLayoutAveragesOddAndEven();
    void mixIntoAddsOverTheCommonLength();

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void TestAudioIo::roundTrip_data()
{
    QTest::addColumn<AudioFileFormat>("format");
    QTest::addColumn<double>("tolerance");  // max abs error; negative: lossy, check SNR instead
    QTest::newRow("wav16") << AudioFileFormat::Wav16 << 1.0 / 32768;
    QTest::newRow("wav24") << AudioFileFormat::Wav24 << 1.0 / 8388608;
    QTest::newRow("wav32f") << AudioFileFormat::WavFloat32 << 0.0;
    QTest::newRow("flac16") << AudioFileFormat::Flac16 << 1.0 / 32768;
    QTest::newRow("flac24") << AudioFileFormat::Flac24 << 1.0 / 8388608;
    QTest::newRow("vorbis") << AudioFileFormat::OggVorbis << -1.0;
    QTest::newRow("mp3") << AudioFileFormat::Mp3 << -1.0;  // gapless: the LAME tag gives back the exact length
}

void TestAudioIo::roundTrip()
{
    QFETCH(AudioFileFormat, format);
    QFETCH(double, tolerance);
    const AudioBuffer original = sine(44100, 2, 44100 * 2 + 123, 441.0, 0.8f);
    const QString file = path(QStringLiteral("roundtrip.") + AudioFileWriter::fileExtension(format));
    const auto written = AudioFileWriter::write(file, original, format);
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));

    const auto read = AudioFileReader::read(file);
    QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
    QCOMPARE(read->info.sampleRate, 44100);
    QCOMPARE(read->info.channels, 2);
    QCOMPARE(read->info.frames, original.frames());
    QCOMPARE(read->audio.frames(), original.frames());
    QVERIFY(!read->info.formatName.isEmpty() && !read->info.encodingName.isEmpty());
    for (int c = 0; c < 2; ++c) {
        const auto& in = original.channels[size_t(c)];
        const auto& out = read->audio.channels[size_t(c)];
        if (tolerance < 0.0) {
            QVERIFY2(snrDb(in, out) > 20.0, qPrintable(QString::number(snrDb(in, out))));
            continue;
        }
        double maxError = 0.0;
        for (size_t i = 0; i < in.size(); ++i)
            maxError = std::max(maxError, std::abs(double(out[i]) - double(in[i])));
        QVERIFY2(maxError <= tolerance, qPrintable(QStringLiteral("max error %1 > %2").arg(maxError).arg(tolerance)));
    }
}

void TestAudioIo::integerFormatsClipInsteadOfWrapping()
{
    const AudioBuffer loud = constantChannels({1.5f, -1.5f}, 1000, 44100);
    const QString file = path(QStringLiteral("loud.wav"));
    QVERIFY(AudioFileWriter::write(file, loud, AudioFileFormat::Wav16).ok());
    const auto read = AudioFileReader::read(file);
    QVERIFY(read.ok());
    QVERIFY(read->audio.channels[0][500] > 0.999f);
    QVERIFY(read->audio.channels[1][500] <= -0.999f);
}

void TestAudioIo::vorbisQualityIsApplied()
{
    const AudioBuffer noiseLike = sine(44100, 2, 44100 * 3, 3001.0);
    const QString low = path(QStringLiteral("low.ogg"));
    const QString high = path(QStringLiteral("high.ogg"));
    QVERIFY(AudioFileWriter::write(low, noiseLike, AudioFileFormat::OggVorbis, 0.0).ok());
    QVERIFY(AudioFileWriter::write(high, noiseLike, AudioFileFormat::OggVorbis, 1.0).ok());
    QVERIFY2(QFileInfo(high).size() > QFileInfo(low).size(),
             qPrintable(QStringLiteral("%1 vs %2").arg(QFileInfo(high).size()).arg(QFileInfo(low).size())));
    const auto bad = AudioFileWriter::write(path(QStringLiteral("bad.ogg")), noiseLike, AudioFileFormat::OggVorbis, 1.5);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.errorMessage().contains(QStringLiteral("quality")), qPrintable(bad.errorMessage()));
}

void TestAudioIo::readsOtherFormats_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("rate");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<double>("tolerance");    // max abs error for lossless, negative for lossy
    QTest::addColumn<int>("lengthSlack");     // lossy codecs may pad up to one codec frame
    QTest::newRow("wav16") << (SF_FORMAT_WAV | SF_FORMAT_PCM_16) << 44100 << "wav" << 1.5 / 32768 << 0;
    QTest::newRow("wav-double") << (SF_FORMAT_WAV | SF_FORMAT_DOUBLE) << 96000 << "wav" << 1e-7 << 0;
    QTest::newRow("aiff16") << (SF_FORMAT_AIFF | SF_FORMAT_PCM_16) << 44100 << "aiff" << 1.5 / 32768 << 0;
    QTest::newRow("aiff24") << (SF_FORMAT_AIFF | SF_FORMAT_PCM_24) << 48000 << "aif" << 1.5 / 8388608 << 0;
    QTest::newRow("flac16") << (SF_FORMAT_FLAC | SF_FORMAT_PCM_16) << 22050 << "flac" << 1.5 / 32768 << 0;
    QTest::newRow("ogg-vorbis") << (SF_FORMAT_OGG | SF_FORMAT_VORBIS) << 44100 << "ogg" << -1.0 << 0;
    QTest::newRow("opus") << (SF_FORMAT_OGG | SF_FORMAT_OPUS) << 48000 << "opus" << -1.0 << 960;
    QTest::newRow("mp3") << (SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III) << 44100 << "mp3" << -1.0 << 1152;
}

void TestAudioIo::readsOtherFormats()
{
    QFETCH(int, format);
    QFETCH(int, rate);
    QFETCH(QString, extension);
    QFETCH(double, tolerance);
    QFETCH(int, lengthSlack);
    if (!canWrite(format, rate, 2))
        S2A_SKIP_OR_FAIL_ON_CI(qPrintable(QStringLiteral("libsndfile here cannot write %1, so there is no fixture to read").arg(extension)));
    const AudioBuffer original = sine(rate, 2, rate * 2, 500.0);
    const QString file = path(QStringLiteral("fixture.") + extension);
    QVERIFY(writeWithSndfile(file, original, format));

    const auto read = AudioFileReader::read(file);
    QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
    QCOMPARE(read->info.sampleRate, rate);
    QCOMPARE(read->audio.sampleRate, rate);
    QCOMPARE(read->audio.channelCount(), 2);
    QVERIFY2(std::abs(read->audio.frames() - original.frames()) <= lengthSlack,
             qPrintable(QStringLiteral("%1 frames, wrote %2").arg(read->audio.frames()).arg(original.frames())));
    for (int c = 0; c < 2; ++c) {
        const auto& out = read->audio.channels[size_t(c)];
        if (tolerance < 0.0) {
            const double expected = 500.0 * (1.0 + 0.25 * c);
            const double measured = measureFrequency(out, rate, rate / 4, rate * 7 / 4);
            QVERIFY2(std::abs(measured - expected) < expected * 1e-3, qPrintable(QString::number(measured)));
            continue;
        }
        double maxError = 0.0;
        for (size_t i = 0; i < out.size(); ++i)
            maxError = std::max(maxError, std::abs(double(out[i]) - original.channels[size_t(c)][i]));
        QVERIFY2(maxError <= tolerance, qPrintable(QString::number(maxError)));
    }
}

void TestAudioIo::writerRejectsBadInput()
{
    AudioBuffer ragged = sine(44100, 2, 100, 440.0);
    ragged.channels[1].pop_back();
    auto status = AudioFileWriter::write(path(QStringLiteral("ragged.wav")), ragged, AudioFileFormat::Wav16);
    QVERIFY(!status.ok() && status.errorMessage().contains(QStringLiteral("ragged.wav")));
    QVERIFY(!QFile::exists(path(QStringLiteral("ragged.wav"))));

    status = AudioFileWriter::write(path(QStringLiteral("none.wav")), AudioBuffer{}, AudioFileFormat::Wav16);
    QVERIFY(!status.ok() && status.errorMessage().contains(QStringLiteral("no channels")));

    AudioBuffer noRate = sine(44100, 1, 100, 440.0);
    noRate.sampleRate = 0;
    QVERIFY(!AudioFileWriter::write(path(QStringLiteral("norate.wav")), noRate, AudioFileFormat::Wav16).ok());

    status = AudioFileWriter::write(path(QStringLiteral("many.flac")), AudioBuffer::silence(9, 100, 44100),
                                    AudioFileFormat::Flac16);
    QVERIFY2(!status.ok() && status.errorMessage().contains(QStringLiteral("cannot store 9 channels")),
             qPrintable(status.errorMessage()));

    status = AudioFileWriter::write(path(QStringLiteral("no/such/dir/x.wav")), sine(44100, 1, 100, 440.0),
                                    AudioFileFormat::Wav16);
    QVERIFY2(!status.ok() && status.errorMessage().contains(QStringLiteral("cannot create")), qPrintable(status.errorMessage()));
}

void TestAudioIo::writerReportsDiskFull()
{
    // /dev/full accepts the open and fails every write with ENOSPC: a real full disk, without filling one.
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        S2A_SKIP_OR_FAIL_ON_CI("no /dev/full on this system");
    for (AudioFileFormat format : {AudioFileFormat::Wav24, AudioFileFormat::Flac16, AudioFileFormat::OggVorbis, AudioFileFormat::Mp3}) {
        const auto status = AudioFileWriter::write(QStringLiteral("/dev/full"), sine(44100, 2, 44100 * 4, 440.0), format);
        QVERIFY2(!status.ok(), qPrintable(AudioFileWriter::formatName(format)));
        // The header is written at open, so a full disk can show up there already.
        QVERIFY2(status.errorMessage().contains(QStringLiteral("disk full"))
                     || status.errorMessage().contains(QStringLiteral("No space left on device")),
                 qPrintable(status.errorMessage()));
        QVERIFY(QFileInfo::exists(QStringLiteral("/dev/full")));  // never "cleaned up"
    }
}

void TestAudioIo::writerRemovesPartialFile()
{
#if defined(Q_OS_LINUX)
    // A file-size limit makes writes to a regular file fail part-way, like a disk filling up mid-export.
    for (AudioFileFormat format : {AudioFileFormat::Wav24, AudioFileFormat::Flac24, AudioFileFormat::OggVorbis, AudioFileFormat::Mp3}) {
        struct rlimit saved {};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        struct rlimit limited = saved;
        limited.rlim_cur = 16 * 1024;  // below what even well-compressed Vorbis needs for 10 s
        auto* previous = std::signal(SIGXFSZ, SIG_IGN);
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        const QString name = QStringLiteral("partial.") + AudioFileWriter::fileExtension(format);
        const auto status = AudioFileWriter::write(path(name), sine(44100, 2, 44100 * 10, 440.0), format);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);
        QVERIFY2(!status.ok(), qPrintable(AudioFileWriter::formatName(format)));
        QVERIFY2(status.errorMessage().startsWith(name + QStringLiteral(": ")), qPrintable(status.errorMessage()));
        QVERIFY2(!QFile::exists(path(name)), qPrintable(name));
    }
#else
    QSKIP("needs RLIMIT_FSIZE");
#endif
}

void TestAudioIo::resamplerLengthIsExact()
{
    const struct { SampleCount frames; int in; int out; } cases[] = {
        {1, 48000, 44100}, {7, 44100, 48000}, {48000, 48000, 44100}, {12345, 22050, 44100},
        {100001, 96000, 44100}, {44100 * 3 + 1, 44100, 32000}, {999, 8000, 192000},
    };
    for (const auto& c : cases) {
        const SampleCount expected = std::llround(double(c.frames) * c.out / c.in);
        QCOMPARE(Resampler::outputLength(c.frames, c.in, c.out), expected);
        const auto out = Resampler::resample(sine(c.in, 2, c.frames, 300.0), c.out);
        QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
        QCOMPARE(out->frames(), expected);
        QCOMPARE(out->sampleRate, c.out);
        QCOMPARE(out->channelCount(), 2);
    }
    QVERIFY(!Resampler::resample(sine(44100, 1, 10, 300.0), 0).ok());
}

void TestAudioIo::resamplerKeepsPhase()
{
    // Output sample n must be the input signal at time n / outRate: compare against the analytic sine.
    for (const auto& [inRate, outRate] : {std::pair{48000, 44100}, std::pair{44100, 96000}, std::pair{22050, 44100}}) {
        const AudioBuffer in = sine(inRate, 1, inRate, 1000.0);
        const auto out = Resampler::resample(in, outRate);
        QVERIFY(out.ok());
        double maxError = 0.0;
        // Away from the ends, where the filter sees the signal start and stop.
        for (SampleCount n = outRate / 10; n < out->frames() - outRate / 10; ++n) {
            const double expected = 0.5 * std::sin(2.0 * kPi * 1000.0 * double(n) / outRate);
            maxError = std::max(maxError, std::abs(expected - out->channels[0][size_t(n)]));
        }
        QVERIFY2(maxError < 1e-4, qPrintable(QStringLiteral("%1 -> %2: %3").arg(inRate).arg(outRate).arg(maxError)));
    }
}

void TestAudioIo::import48kInto44kKeepsFrequencyAndDuration()
{
    const QString file = path(QStringLiteral("sine48k.flac"));
    const SampleCount frames = 48000 * 3;
    QVERIFY(AudioFileWriter::write(file, sine(48000, 2, frames, 1000.0), AudioFileFormat::Flac24).ok());
    const auto imported = importAudio(file, 44100);
    QVERIFY2(imported.ok(), qPrintable(imported.errorMessage()));
    QVERIFY(imported->resampled);
    QCOMPARE(imported->source.sampleRate, 48000);
    QCOMPARE(imported->audio.sampleRate, 44100);
    QVERIFY(std::abs(imported->audio.frames() - 44100 * 3) <= 1);
    const double measured = measureFrequency(imported->audio.channels[0], 44100, 4410, 44100 * 3 - 4410);
    QVERIFY2(std::abs(measured - 1000.0) < 1.0, qPrintable(QString::number(measured, 'f', 4)));
}

void TestAudioIo::importMonoBecomesStereo()
{
    const QString file = path(QStringLiteral("mono.wav"));
    const AudioBuffer mono = sine(44100, 1, 5000, 440.0);
    QVERIFY(AudioFileWriter::write(file, mono, AudioFileFormat::WavFloat32).ok());
    const auto imported = importAudio(file, 44100);
    QVERIFY(imported.ok());
    QVERIFY(!imported->resampled && !imported->downmixed);
    QCOMPARE(imported->audio.channelCount(), 2);
    QCOMPARE(imported->audio.channels[0], mono.channels[0]);
    QCOMPARE(imported->audio.channels[1], mono.channels[0]);
}

void TestAudioIo::importSixChannels()
{
    // Plain WAV, conventional 5.1 order: L R C LFE Ls Rs.
    const QString file = path(QStringLiteral("surround.wav"));
    QVERIFY(AudioFileWriter::write(file, constantChannels({0.1f, 0.2f, 0.3f, 0.9f, 0.4f, 0.5f}, 4410, 44100),
                                   AudioFileFormat::WavFloat32).ok());
    const auto refused = importAudio(file, 44100, ChannelPolicy::Refuse);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("surround.wav")) && refused.errorMessage().contains(QStringLiteral("6 channels")),
             qPrintable(refused.errorMessage()));

    const auto mixed = importAudio(file, 44100, ChannelPolicy::DownmixToStereo);
    QVERIFY2(mixed.ok(), qPrintable(mixed.errorMessage()));
    QVERIFY(mixed->downmixed);
    QVERIFY(isConstantStereo(mixed->audio, kItuLeft, kItuRight));
}

void TestAudioIo::downmixFollowsDeclaredLayout()
{
    // WAVE_FORMAT_EXTENSIBLE declares its speakers, and the reader passes them on.
    const QString file = path(QStringLiteral("declared.wav"));
    QVERIFY(writeWithSndfile(file, constantChannels({0.1f, 0.2f, 0.3f, 0.9f, 0.4f, 0.5f}, 1000, 48000),
                             SF_FORMAT_WAVEX | SF_FORMAT_FLOAT));
    const auto probed = AudioFileReader::probe(file);
    QVERIFY(probed.ok());
    using P = SpeakerPosition;
    const std::vector<P> fiveOne = {P::FrontLeft, P::FrontRight, P::FrontCentre, P::LowFrequency, P::SurroundLeft, P::SurroundRight};
    QVERIFY(probed->channelLayout == fiveOne);

    // A declared order other than the convention is followed (libsndfile cannot write one, hence by hand).
    AudioFileInfo info;
    info.channelLayout = {P::FrontCentre, P::FrontLeft, P::FrontRight, P::SurroundLeft, P::SurroundRight, P::LowFrequency};
    QVERIFY(isConstantStereo(downmixToStereo(constantChannels({0.3f, 0.1f, 0.2f, 0.4f, 0.5f, 0.9f}, 10, 48000), info),
                             kItuLeft, kItuRight));

    // Ogg without a declared layout: Vorbis order L C R Ls Rs LFE.
    AudioFileInfo ogg;
    ogg.isOgg = true;
    QVERIFY(isConstantStereo(downmixToStereo(constantChannels({0.1f, 0.3f, 0.2f, 0.4f, 0.5f, 0.9f}, 10, 48000), ogg),
                             kItuLeft, kItuRight));

    // Rear and top centre go to both sides at -6 dB.
    info.channelLayout = {P::FrontLeft, P::FrontRight, P::SurroundCentre};
    QVERIFY(isConstantStereo(downmixToStereo(constantChannels({0.2f, 0.4f, 0.8f}, 10, 48000), info),
                             (0.2 + 0.5 * 0.8) / 1.5, (0.4 + 0.5 * 0.8) / 1.5));
}

void TestAudioIo::downmixWithoutLayoutAveragesOddAndEven()
{
    const QString file = path(QStringLiteral("quad.flac"));
    QVERIFY(AudioFileWriter::write(file, constantChannels({0.1f, 0.2f, 0.3f, 0.4f}, 1000, 44100), AudioFileFormat::Flac24).ok());
    const auto mixed = importAudio(file, 44100, ChannelPolicy::DownmixToStereo);
    QVERIFY(mixed.ok());
    QVERIFY(isConstantStereo(mixed->audio, 0.2, 0.3));
}

void TestAudioIo::mixIntoAddsOverTheCommonLength()
{
    AudioBuffer sum = constantChannels({0.1f, 0.2f}, 6, 44100);
    // Stereo into stereo, channel by channel; a longer source adds only the frames the destination has.
    mixInto(sum, constantChannels({0.3f, -0.2f}, 9, 44100));
    QVERIFY(isConstantStereo(sum, 0.4, 0.0));
    QCOMPARE(sum.frames(), SampleCount(6));
    // Mono into stereo: both channels; a shorter source leaves the frames past its end as they were.
    mixInto(sum, constantChannels({0.5f}, 4, 44100));
    for (int c = 0; c < 2; ++c) {
        QVERIFY(std::abs(sum.channels[size_t(c)][3] - (c == 0 ? 0.9f : 0.5f)) < 1e-6f);
        QVERIFY(std::abs(sum.channels[size_t(c)][4] - (c == 0 ? 0.4f : 0.0f)) < 1e-6f);
    }
    // Nothing to add: unchanged.
    const AudioBuffer before = sum;
    mixInto(sum, AudioBuffer{});
    QVERIFY(sum.channels == before.channels);
}

QTEST_GUILESS_MAIN(TestAudioIo)
#include "tst_audio_io.moc"
