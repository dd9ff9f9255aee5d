// Waveform peak pyramid and its on-disk cache, checked against brute-force statistics over the samples.

#include "core/audio/AudioFileWriter.h"
#include "core/audio/PeakCache.h"
#include "core/audio/PeakPyramid.h"

#include <QFile>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace s2a::core;

namespace {

struct Expected {
    float min;
    float max;
    double rms;
};

Expected bruteForce(const std::vector<float>& x, SampleCount from, SampleCount to)
{
    Expected e{x[size_t(from)], x[size_t(from)], 0.0};
    double squares = 0.0;
    for (SampleCount i = from; i < to; ++i) {
        e.min = std::min(e.min, x[size_t(i)]);
        e.max = std::max(e.max, x[size_t(i)]);
        squares += double(x[size_t(i)]) * x[size_t(i)];
    }
    e.rms = std::sqrt(squares / double(to - from));
    return e;
}

bool matches(const PeakBin& bin, const Expected& e)
{
    const double tolerance = 1e-5 * std::max(e.rms, 1e-30);
    return bin.min == e.min && bin.max == e.max && std::abs(bin.rms - e.rms) <= tolerance;
}

QString describe(const PeakBin& bin, const Expected& e)
{
    return QStringLiteral("got %1/%2/%3, expected %4/%5/%6")
        .arg(bin.min).arg(bin.max).arg(bin.rms, 0, 'g', 9).arg(e.min).arg(e.max).arg(e.rms, 0, 'g', 9);
}

// Noise with quiet and silent stretches and a few isolated spikes, so that min/max are not all at full scale
// and RMS varies by orders of magnitude between blocks.
AudioBuffer testSignal(int channels, SampleCount frames, quint32 seed)
{
    QRandomGenerator random(seed);
    AudioBuffer buffer = AudioBuffer::silence(channels, frames, 44100);
    for (int c = 0; c < channels; ++c) {
        auto& x = buffer.channels[size_t(c)];
        for (SampleCount i = 0; i < frames; ++i) {
            const SampleCount segment = (i / 30000 + c) % 4;
            const float scale = segment == 0 ? 0.9f : segment == 1 ? 0.01f : segment == 2 ? 0.0f : 0.3f;
            x[size_t(i)] = scale * float(random.generateDouble() * 2.0 - 1.0);
        }
        for (int spike = 0; spike < 20; ++spike)
            x[size_t(random.bounded(frames))] = spike % 2 ? 0.999f : -0.999f;
    }
    return buffer;
}

void verifyAllLevels(const PeakPyramid& pyramid, const AudioBuffer& audio)
{
    for (int level = 0; level < pyramid.levelCount(); ++level) {
        const SampleCount size = pyramid.blockSize(level);
        QCOMPARE(pyramid.blockCount(level), (audio.frames() + size - 1) / size);
        for (int c = 0; c < audio.channelCount(); ++c) {
            QCOMPARE(SampleCount(pyramid.blocks(level, c).size()), pyramid.blockCount(level));
            for (SampleCount k = 0; k < pyramid.blockCount(level); ++k) {
                const Expected e = bruteForce(audio.channels[size_t(c)], k * size, std::min((k + 1) * size, audio.frames()));
                const PeakBin bin = pyramid.bin(level, c, k);
                if (!matches(bin, e))
                    QFAIL(qPrintable(QStringLiteral("level %1 channel %2 block %3: %4").arg(level).arg(c).arg(k).arg(describe(bin, e))));
            }
        }
    }
}

}  // namespace

class TestPeaks : public QObject {
    Q_OBJECT

private slots:
    void levelsMatchBruteForce();
    void parallelRangesMatchBruteForce();
    void queriesMatchBruteForce();
    void belowFinestBlockReturnsNothing();
    void degenerateInputs();
    void cacheRoundTrip();
    void staleCacheIsRebuilt();
    void corruptCacheIsRejectedAndRebuilt_data();
    void corruptCacheIsRejectedAndRebuilt();
    void missingAudioIsAnError();
    void requestAsyncRunsOffTheCallingThread();
    void requestAsyncCompletesWhileCallerRunsEvents();
    void buildsOnEveryPoolThreadAtOnceFinish();

private:
    QTemporaryDir m_dir;
    QString writeAudio(const QString& name, const AudioBuffer& audio)
    {
        const QString file = m_dir.filePath(name);
        const auto status = AudioFileWriter::write(file, audio, AudioFileFormat::WavFloat32);
        if (!status.ok())
            qFatal("cannot write test audio: %s", qPrintable(status.errorMessage()));
        return file;
    }
};

void TestPeaks::levelsMatchBruteForce()
{
    // Partial last block at every level.
    const AudioBuffer audio = testSignal(2, 3 * 65536 + 5 * 4096 + 3 * 256 + 37, 1);
    const PeakPyramid pyramid = PeakPyramid::build(audio);
    QCOMPARE(pyramid.levelCount(), 3);
    QCOMPARE(pyramid.blockSize(0), 256);
    QCOMPARE(pyramid.blockSize(1), 4096);
    QCOMPARE(pyramid.blockSize(2), 65536);
    QCOMPARE(pyramid.finestBlockSize(), 256);
    QCOMPARE(pyramid.channelCount(), 2);
    QCOMPARE(pyramid.frames(), audio.frames());
    QCOMPARE(pyramid.sampleRate(), 44100);
    verifyAllLevels(pyramid, audio);
}

void TestPeaks::parallelRangesMatchBruteForce()
{
    // Long enough to be split into several build tasks per channel; the seams must not show.
    const AudioBuffer audio = testSignal(1, 64 * 65536 * 2 + 70000, 2);
    verifyAllLevels(PeakPyramid::build(audio), audio);
}

void TestPeaks::queriesMatchBruteForce()
{
    const AudioBuffer audio = testSignal(2, 40 * 65536 + 999, 3);
    const PeakPyramid pyramid = PeakPyramid::build(audio);
    QRandomGenerator random(42);
    int answered = 0;
    for (int query = 0; query < 400; ++query) {
        const int channel = int(random.bounded(2));
        SampleCount a = random.bounded(audio.frames());
        SampleCount b = random.bounded(audio.frames() + 1);
        if (query % 10 == 0) {
            a = 0;
            b = audio.frames();
        }
        if (a > b)
            std::swap(a, b);
        const int pixels = 1 + int(random.bounded(query % 3 == 0 ? 4000 : 300));
        const std::vector<PeakBin> bins = pyramid.peaks(channel, a, b, pixels);
        const int level = pyramid.levelFor(a, b, pixels);

        // Documented choice: the coarsest level whose block fits in a pixel, none below the finest block.
        const SampleCount perPixel = b > a ? (b - a) / pixels : 0;
        int expectedLevel = -1;
        for (int l = 0; l < pyramid.levelCount(); ++l)
            if (pyramid.blockSize(l) <= perPixel)
                expectedLevel = l;
        QCOMPARE(level, expectedLevel);
        if (level < 0) {
            QVERIFY(bins.empty());
            continue;
        }
        ++answered;
        QCOMPARE(int(bins.size()), pixels);

        // Documented snapping: pixel edges e_i = a + i * (b - a) / pixels snap down to the block grid, the last
        // edge snaps up.
        const SampleCount size = pyramid.blockSize(level);
        for (int i = 0; i < pixels; ++i) {
            const SampleCount start = (a + SampleCount(i) * (b - a) / pixels) / size * size;
            const SampleCount end = i + 1 == pixels ? std::min((b + size - 1) / size * size, audio.frames())
                                                    : (a + SampleCount(i + 1) * (b - a) / pixels) / size * size;
            QVERIFY(end > start);
            const Expected e = bruteForce(audio.channels[size_t(channel)], start, end);
            if (!matches(bins[size_t(i)], e))
                QFAIL(qPrintable(QStringLiteral("query %1 [%2, %3) x %4 px, pixel %5: %6")
                                     .arg(query).arg(a).arg(b).arg(pixels).arg(i).arg(describe(bins[size_t(i)], e))));
        }
    }
    QVERIFY(answered > 100);
}

void TestPeaks::belowFinestBlockReturnsNothing()
{
    const PeakPyramid pyramid = PeakPyramid::build(testSignal(1, 100000, 4));
    // 255 samples per pixel: the caller draws raw samples.
    QVERIFY(pyramid.peaks(0, 0, 255 * 100, 100).empty());
    QCOMPARE(pyramid.levelFor(0, 255 * 100, 100), -1);
    QCOMPARE(pyramid.peaks(0, 0, 256 * 100, 100).size(), size_t(100));
    QCOMPARE(pyramid.levelFor(0, 256 * 100, 100), 0);
    QCOMPARE(pyramid.levelFor(0, 4096 * 20, 20), 1);
    QCOMPARE(pyramid.levelFor(0, 100000, 1), 2);
}

void TestPeaks::degenerateInputs()
{
    const PeakPyramid empty = PeakPyramid::build(AudioBuffer::silence(2, 0, 44100));
    QCOMPARE(empty.blockCount(0), SampleCount(0));
    QVERIFY(empty.peaks(0, 0, 1000, 1).empty());

    const AudioBuffer one = testSignal(1, 1, 5);
    const PeakPyramid single = PeakPyramid::build(one);
    QCOMPARE(single.blockCount(2), SampleCount(1));
    QCOMPARE(single.bin(2, 0, 0).max, one.channels[0][0]);

    const AudioBuffer audio = testSignal(2, 300000, 6);
    const PeakPyramid pyramid = PeakPyramid::build(audio);
    QVERIFY(pyramid.peaks(2, 0, 300000, 10).empty());   // no such channel
    QVERIFY(pyramid.peaks(-1, 0, 300000, 10).empty());
    QVERIFY(pyramid.peaks(0, 0, 300000, 0).empty());    // no pixels
    QVERIFY(pyramid.peaks(0, 5000, 4000, 1).empty());   // reversed range
    // Out-of-range ends are clamped to the audio.
    const auto clamped = pyramid.peaks(0, -100000, 10'000'000, 10);
    QCOMPARE(clamped.size(), size_t(10));
    const auto whole = pyramid.peaks(0, 0, 300000, 10);
    for (size_t i = 0; i < 10; ++i)
        QVERIFY(clamped[i].min == whole[i].min && clamped[i].max == whole[i].max && clamped[i].rms == whole[i].rms);
}

void TestPeaks::cacheRoundTrip()
{
    const AudioBuffer audio = testSignal(2, 10 * 65536 + 12345, 7);
    const QString file = writeAudio(QStringLiteral("roundtrip.wav"), audio);
    const PeakPyramid built = PeakPyramid::build(audio);
    QVERIFY(PeakCache::store(file, built).ok());
    QVERIFY(QFile::exists(file + QStringLiteral(".peaks")));
    QCOMPARE(PeakCache::cachePathFor(file), file + QStringLiteral(".peaks"));
    const auto loaded = PeakCache::load(file);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
    QVERIFY(loaded.value() == built);

    const auto viaLoadOrBuild = PeakCache::loadOrBuild(file);
    QVERIFY(viaLoadOrBuild.ok());
    QVERIFY(*viaLoadOrBuild.value() == built);
}

void TestPeaks::staleCacheIsRebuilt()
{
    const QString file = writeAudio(QStringLiteral("stale.wav"), testSignal(1, 200000, 8));
    QVERIFY(PeakCache::loadOrBuild(file).ok());
    QVERIFY(PeakCache::load(file).ok());

    const AudioBuffer changed = testSignal(1, 150000, 9);
    writeAudio(QStringLiteral("stale.wav"), changed);
    const auto stale = PeakCache::load(file);
    QVERIFY(!stale.ok());
    QVERIFY2(stale.errorMessage().startsWith(QStringLiteral("stale.wav.peaks: ")) && stale.errorMessage().contains(QStringLiteral("stale")),
             qPrintable(stale.errorMessage()));

    const auto rebuilt = PeakCache::loadOrBuild(file);
    QVERIFY(rebuilt.ok());
    QVERIFY(*rebuilt.value() == PeakPyramid::build(changed));
    const auto reloaded = PeakCache::load(file);
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded.value() == PeakPyramid::build(changed));
}

void TestPeaks::corruptCacheIsRejectedAndRebuilt_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("flipped payload byte") << "flip" << "checksum";
    QTest::newRow("truncated") << "truncate" << "damaged";
    QTest::newRow("garbage") << "garbage" << "not a peak cache";
    QTest::newRow("empty") << "empty" << "truncated";
    QTest::newRow("future version") << "version" << "version";
}

void TestPeaks::corruptCacheIsRejectedAndRebuilt()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    const AudioBuffer audio = testSignal(2, 100000, 10);
    const QString file = writeAudio(QStringLiteral("corrupt.wav"), audio);
    QVERIFY(PeakCache::store(file, PeakPyramid::build(audio)).ok());

    QFile cache(PeakCache::cachePathFor(file));
    QVERIFY(cache.open(QIODevice::ReadOnly));
    QByteArray bytes = cache.readAll();
    cache.close();
    if (damage == QLatin1String("flip"))
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
    else if (damage == QLatin1String("truncate"))
        bytes.chop(100);
    else if (damage == QLatin1String("garbage"))
        bytes = QByteArray(bytes.size(), 'x');
    else if (damage == QLatin1String("empty"))
        bytes.clear();
    else if (damage == QLatin1String("version"))
        bytes[8] = 99;
    QVERIFY(cache.open(QIODevice::WriteOnly | QIODevice::Truncate));
    cache.write(bytes);
    cache.close();

    const auto loaded = PeakCache::load(file);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.errorMessage().startsWith(QStringLiteral("corrupt.wav.peaks: ")) && loaded.errorMessage().contains(expected),
             qPrintable(loaded.errorMessage()));

    const auto rebuilt = PeakCache::loadOrBuild(file);
    QVERIFY(rebuilt.ok());
    QVERIFY(*rebuilt.value() == PeakPyramid::build(audio));
    QVERIFY(PeakCache::load(file).ok());
}

void TestPeaks::missingAudioIsAnError()
{
    const auto result = PeakCache::loadOrBuild(m_dir.filePath(QStringLiteral("gone.flac")));
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().startsWith(QStringLiteral("gone.flac: ")), qPrintable(result.errorMessage()));
}

void TestPeaks::requestAsyncRunsOffTheCallingThread()
{
    const AudioBuffer audio = testSignal(2, 300000, 11);
    const QString file = writeAudio(QStringLiteral("async.wav"), audio);

    // A one-thread pool whose thread is held busy: if requestAsync did its work on the calling thread the future
    // would be finished on return; running it on the pool, it cannot even start until the pool is released.
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QSemaphore started;
    QSemaphore release;
    QThread* poolThread = nullptr;
    auto blocker = QtConcurrent::run(&pool, [&] {
        poolThread = QThread::currentThread();
        started.release();
        release.acquire();
    });
    started.acquire();
    QVERIFY(poolThread != QThread::currentThread());

    QFuture<s2a::Result<SharedPeaks>> future = PeakCache::requestAsync(file, &pool);
    QVERIFY(!future.isFinished());
    release.release();
    future.waitForFinished();
    blocker.waitForFinished();
    const auto result = future.result();
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QVERIFY(*result.value() == PeakPyramid::build(audio));
}

void TestPeaks::requestAsyncCompletesWhileCallerRunsEvents()
{
    const QString file = writeAudio(QStringLiteral("async2.wav"), testSignal(2, 2'000'000, 12));
    QFile::remove(PeakCache::cachePathFor(file));
    QFutureWatcher<s2a::Result<SharedPeaks>> watcher;
    bool finishedSignal = false;
    connect(&watcher, &QFutureWatcherBase::finished, this, [&] { finishedSignal = true; });
    watcher.setFuture(PeakCache::requestAsync(file));
    // The finished signal is delivered through this thread's event loop, which QTRY_VERIFY keeps running.
    QTRY_VERIFY_WITH_TIMEOUT(finishedSignal, 30000);
    QVERIFY(watcher.future().result().ok());
    QVERIFY(QFile::exists(PeakCache::cachePathFor(file)));
}

void TestPeaks::buildsOnEveryPoolThreadAtOnceFinish()
{
    // More cold builds on the global pool than it has threads, each fanning out over that same pool: with a
    // plain blockingMap every pool thread would wait for work that no thread is left to run.
    QThreadPool* pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(2);
    const AudioBuffer audio = testSignal(2, 44100 * 20, 13);
    QList<QFuture<PeakPyramid>> builds;
    for (int i = 0; i < 4; ++i)
        builds << QtConcurrent::run(pool, [&audio] { return PeakPyramid::build(audio); });
    QDeadlineTimer deadline(60000);
    bool all = false;
    while (!all && !deadline.hasExpired()) {
        all = std::all_of(builds.begin(), builds.end(), [](const QFuture<PeakPyramid>& f) { return f.isFinished(); });
        QThread::msleep(10);
    }
    pool->setMaxThreadCount(threads);
    QVERIFY2(all, "peak builds on pool threads deadlocked");
    for (QFuture<PeakPyramid>& f : builds)
        QVERIFY(f.result() == builds.first().result());
    verifyAllLevels(builds.first().result(), audio);
}

QTEST_GUILESS_MAIN(TestPeaks)
#include "tst_peaks.moc"
