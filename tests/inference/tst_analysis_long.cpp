// A 20-minute file: analysis finishes, reports progress all the way, and stays within a bounded amount of
// memory (a fixed multiple of the audio it was given).
#include "core/util/JobControl.h"
#include "inference/analysis/SongAnalysis.h"

#include <QFile>
#include <QtTest>

#include <cmath>

using namespace s2a;

namespace {

// Peak resident memory of this process so far, in MiB (Linux: VmHWM).
double peakResidentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

class MonotonicJob : public SimpleJobControl {
public:
    void progress(double fraction, const QString& stage) override
    {
        monotonic = monotonic && fraction + 1e-9 >= lastFraction;
        ++calls;
        SimpleJobControl::progress(fraction, stage);
    }
    bool monotonic = true;
    int calls = 0;
};

}  // namespace

class LongAnalysisTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twentyMinutes()
    {
        const int rate = inference::analysis::kAnalysisRate;
        const qint64 frames = qint64(rate) * 60 * 20;
        core::AudioBuffer audio = core::AudioBuffer::silence(2, frames, rate);
        // A 120 BPM pulse over an A minor drone, louder every 32 bars, so there is tempo, key and form to find.
        for (qint64 i = 0; i < frames; ++i) {
            const double t = double(i) / rate;
            const double beat = std::fmod(t, 0.5);
            const double click = beat < 0.02 ? std::exp(-beat * 200.0) * std::sin(2 * M_PI * 1500 * t) : 0.0;
            const double loud = (int(t / 64.0) % 2) ? 0.3 : 0.15;
            const float v = float(0.5 * click + loud * (std::sin(2 * M_PI * 220 * t) + 0.5 * std::sin(2 * M_PI * 261.63 * t)
                                                       + 0.5 * std::sin(2 * M_PI * 329.63 * t)));
            audio.channels[0][size_t(i)] = audio.channels[1][size_t(i)] = v;
        }
        const double audioMiB = 2.0 * double(frames) * sizeof(float) / (1024.0 * 1024.0);
        const double before = peakResidentMiB();
        MonotonicJob job;
        auto analysis = inference::analysis::analyzeSong(audio, job);
        QVERIFY2(analysis, qPrintable(analysis.errorMessage()));
        const double grown = peakResidentMiB() - before;
        qInfo("20 min: %.1f BPM, %s, %d sections; audio %.0f MiB, peak memory grew %.0f MiB; %d progress reports",
              analysis->tempo, qPrintable(analysis->key), int(analysis->sections.size()), audioMiB, grown, job.calls);
        QVERIFY(std::abs(analysis->tempo - 120.0) < 2.4);
        QVERIFY(analysis->sections.size() >= 2);
        QVERIFY(job.monotonic);
        QCOMPARE(job.lastFraction, 1.0);
        QVERIFY(job.calls >= 5);
        // Bounded: the working set is a small multiple of the input, not a square of its length (no
        // frame-by-frame self-similarity of 20 minutes).
        QVERIFY2(grown < 3.0 * audioMiB + 200.0, qPrintable(QString::number(grown)));
    }
};

QTEST_GUILESS_MAIN(LongAnalysisTest)
#include "tst_analysis_long.moc"
