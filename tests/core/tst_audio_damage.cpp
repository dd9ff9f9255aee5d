// Damaged, hostile and unusual audio files: each read or refused with a message that names the file and says what
// is wrong, never a crash, a hang or a decode of hours of audio. On real files in a temporary folder.
#include "AudioFixtures.h"
#include "AudioIoFixtures.h"

#include "core/audio/AudioFileReader.h"
#include "core/audio/AudioFileWriter.h"
#include "core/audio/AudioImport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace s2a::core;
using s2a::test::readBytes;
using s2a::test::sine;
using s2a::test::writeBytes;

namespace {

// Ogg's page checksum: CRC-32, polynomial 0x04c11db7, not reflected, initial value 0 (RFC 3533).
quint32 oggCrc(const QByteArray& page)
{
    quint32 crc = 0;
    for (char byte : page) {
        crc ^= quint32(quint8(byte)) << 24;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04c11db7u : crc << 1;
    }
    return crc;
}

}  // namespace

class TestAudioDamage : public QObject {
    Q_OBJECT

private slots:
    void damagedStreamIsReported();
    void oggGranuleOverstatingTheLengthIsRead();
    void unreadableFilesGiveClearErrors_data();
    void unreadableFilesGiveClearErrors();
    void nonFiniteSamplesAreRefusedWithTheirTime();
    void hoursOfAudioAreRefusedBeforeDecoding();

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void TestAudioDamage::damagedStreamIsReported()
{
    // A FLAC file whose middle was overwritten: the header is fine, decoding fails part-way.
    const QString file = path(QStringLiteral("damaged.flac"));
    QVERIFY(AudioFileWriter::write(file, sine(44100, 2, 44100 * 5, 440.0), AudioFileFormat::Flac16).ok());
    QFile damaged(file);
    QVERIFY(damaged.open(QIODevice::ReadWrite));
    QVERIFY(damaged.seek(damaged.size() / 2));
    damaged.write(QByteArray(4096, '\x5A'));
    damaged.close();
    const auto read = AudioFileReader::read(file);
    QVERIFY(!read.ok());
    QVERIFY2(read.errorMessage().startsWith(QStringLiteral("damaged.flac: ")) && read.errorMessage().contains(QStringLiteral("damaged")),
             qPrintable(read.errorMessage()));
}

void TestAudioDamage::oggGranuleOverstatingTheLengthIsRead()
{
    // Some Vorbis encoders end the stream with a granule position a little past the last decoded sample (a
    // soundtrack in Debian's hyperrogue-music states 104 frames more than it decodes). Such a file plays
    // everywhere, so it must import. Here the last page's granule is raised past the end of the final block
    // (its CRC redone): libvorbis then returns the block's padding too, and still less than stated.
    const QString file = path(QStringLiteral("granule.ogg"));
    const SampleCount frames = 44100 * 2;
    QVERIFY(AudioFileWriter::write(file, sine(44100, 2, frames, 440.0), AudioFileFormat::OggVorbis).ok());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    const qsizetype last = bytes.lastIndexOf("OggS");
    QVERIFY(last > 0);
    const int segments = quint8(bytes[last + 26]);
    qsizetype pageLength = 27 + segments;
    for (int i = 0; i < segments; ++i)
        pageLength += quint8(bytes[last + 27 + i]);
    QCOMPARE(last + pageLength, bytes.size());
    quint64 granule = 0;
    for (int i = 7; i >= 0; --i)
        granule = (granule << 8) | quint8(bytes[last + 6 + i]);
    QCOMPARE(granule, quint64(frames));
    constexpr quint64 kOverstated = 4000;  // more than a 2048-sample block's padding
    granule += kOverstated;
    for (int i = 0; i < 8; ++i)
        bytes[last + 6 + i] = char((granule >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i)
        bytes[last + 22 + i] = 0;
    const quint32 crc = oggCrc(bytes.mid(last, pageLength));
    for (int i = 0; i < 4; ++i)
        bytes[last + 22 + i] = char((crc >> (8 * i)) & 0xff);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();

    const auto probe = AudioFileReader::probe(file);
    QVERIFY2(probe.ok(), qPrintable(probe.errorMessage()));
    QCOMPARE(probe->frames, SampleCount(frames + kOverstated));  // libsndfile takes the length from the last granule
    const auto read = AudioFileReader::read(file);
    QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
    // What was decoded, not what was stated: the song and at most the final block's padding.
    QVERIFY2(read->audio.frames() >= frames && read->audio.frames() < SampleCount(frames + kOverstated),
             qPrintable(QString::number(read->audio.frames())));
}

void TestAudioDamage::unreadableFilesGiveClearErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents");  // "<missing>" for no file at all
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing.wav" << QByteArray("<missing>") << "not found";
    QTest::newRow("empty") << "empty.wav" << QByteArray() << "empty";
    QTest::newRow("text renamed .wav") << "notes.wav" << QByteArray("verse, chorus, verse\nbridge\n").repeated(20)
                                        << "not an audio file";
    QTest::newRow("random bytes") << "noise.flac" << QByteArray(4096, '\xA5') << "not an audio file";
    QTest::newRow("damaged RIFF header") << "header.wav" << QByteArray("RIFF\x24\x08\0\0WAVEfmt \x10\0\0\0\xFF\xFF", 22)
                                          << "not an audio file";
}

void TestAudioDamage::unreadableFilesGiveClearErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    const QString file = path(name);
    if (contents != "<missing>")
        writeBytes(file, contents);
    const auto read = AudioFileReader::read(file);
    QVERIFY(!read.ok());
    QVERIFY2(read.errorMessage().startsWith(name + QStringLiteral(": ")) && read.errorMessage().contains(expected),
             qPrintable(read.errorMessage()));
    const auto imported = importAudio(file, 44100, ChannelPolicy::DownmixToStereo);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorMessage(), read.errorMessage());
}

// A float WAV holding NaN and infinity (a broken plug-in's render) is refused at import with the first bad sample's
// time and channel, never blamed on the disk; our writer refuses such audio before a file exists.
void TestAudioDamage::nonFiniteSamplesAreRefusedWithTheirTime()
{
    AudioBuffer audio = sine(44100, 2, 44100 * 3, 440.0);
    audio.channels[1][size_t(44100 + 22050)] = std::numeric_limits<float>::quiet_NaN();  // 0:01.500, right
    audio.channels[0][size_t(44100 * 2)] = std::numeric_limits<float>::infinity();        // later, left
    const QString file = path(QStringLiteral("broken-plugin.wav"));
    QVERIFY(s2a::test::writeRawFloatWav(file, audio));
    const auto read = AudioFileReader::read(file);
    QVERIFY2(read, qPrintable(read.errorMessage()));  // decoding works: the file is well-formed
    QVERIFY(std::isnan(read->audio.channels[1][size_t(44100 + 22050)]));

    for (ChannelPolicy policy : {ChannelPolicy::Refuse, ChannelPolicy::DownmixToStereo}) {
        const auto imported = importAudio(file, 48000, policy);
        QVERIFY(!imported);
        QVERIFY2(imported.errorMessage().startsWith(QStringLiteral("broken-plugin.wav: "))
                     && imported.errorMessage().contains(QStringLiteral("a NaN sample at 0:01.500 (channel 2)")),
                 qPrintable(imported.errorMessage()));
    }
    const auto first = audio.firstNonFinite();
    QVERIFY(first && first->frame == 44100 + 22050 && first->channel == 1);
    audio.channels[1][size_t(44100 + 22050)] = 0.0f;
    QCOMPARE(audio.firstNonFinite()->describe(44100), QStringLiteral("an infinite sample at 0:02.000 (channel 1)"));

    for (AudioFileFormat format : {AudioFileFormat::Flac16, AudioFileFormat::Wav24, AudioFileFormat::OggVorbis}) {
        const QString out = path(QStringLiteral("out.") + AudioFileWriter::fileExtension(format));
        const auto written = AudioFileWriter::write(out, audio, format);
        QVERIFY(!written);
        QVERIFY2(written.errorMessage().contains(QStringLiteral("infinite sample at 0:02.000"))
                     && !written.errorMessage().contains(QStringLiteral("disk")),
                 qPrintable(written.errorMessage()));
        QVERIFY(!QFileInfo::exists(out));
    }
}

// Issue 19: a small FLAC whose header says five hours of 8-channel 384 kHz audio (8 GB of float decoded) is
// refused from its header, with its length, before anything is decoded. The file is one real second of
// silence with STREAMINFO's total-samples field rewritten, as a hostile or damaged file would have it.
void TestAudioDamage::hoursOfAudioAreRefusedBeforeDecoding()
{
    const QString file = path(QStringLiteral("five-hours.flac"));
    QVERIFY(AudioFileWriter::write(file, AudioBuffer::silence(8, 384000, 384000), AudioFileFormat::Flac16).ok());
    QByteArray bytes = readBytes(file);
    QVERIFY(bytes.startsWith("fLaC") && (bytes[4] & 0x7f) == 0);  // STREAMINFO first, at byte 8
    QCOMPARE(AudioFileReader::probe(file)->frames, SampleCount(384000));
    const quint64 total = 5ull * 3600 * 384000;  // 36 bits from bit 108 of STREAMINFO
    bytes[8 + 13] = char((bytes[8 + 13] & 0xf0) | int((total >> 32) & 0x0f));
    for (int i = 0; i < 4; ++i)
        bytes[8 + 14 + i] = char((total >> (24 - 8 * i)) & 0xff);
    writeBytes(file, bytes);
    QElapsedTimer timer;
    timer.start();
    const auto read = AudioFileReader::read(file);
    QVERIFY(!read);
    QVERIFY2(read.errorMessage() == QStringLiteral("five-hours.flac: is 5:00:00 long (8 channels at 384000 Hz); S2A Studio "
                                                   "reads audio up to 4 hours and 4 GB decoded"),
             qPrintable(read.errorMessage()));
    QVERIFY(timer.elapsed() < 2000);  // from the header: nothing was decoded
    const auto imported = importAudio(file, 44100, ChannelPolicy::DownmixToStereo);
    QVERIFY(!imported);
    QCOMPARE(imported.errorMessage(), read.errorMessage());
}

QTEST_GUILESS_MAIN(TestAudioDamage)
#include "tst_audio_damage.moc"
