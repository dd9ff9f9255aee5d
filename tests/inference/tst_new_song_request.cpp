// The new-song request shared by `s2a new` and the New Song dialog: which form, how long, which tempo and
// key, and what is refused. Planning only, no audio: fast.
#include "inference/NewSongRequest.h"
#include "inference/StemLevelGuard.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace s2a::inference;

namespace {

// As names, so a failed comparison prints them.
QStringList labels(const GenerationRequest& r)
{
    QStringList out;
    for (const auto& s : r.sections)
        out << s2a::core::toString(s.label);
    return out;
}

QStringList labels(const SongForm& form)
{
    QStringList out;
    for (const auto& s : form)
        out << s2a::core::toString(s.first);
    return out;
}

double seconds(const GenerationRequest& r) { return double(r.sections.constLast().end) / r.sampleRate; }

double secondsPerBar(const GenerationRequest& r) { return 60.0 / r.tempo * r.timeSignature.numerator; }

}  // namespace

class NewSongRequestTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void templateGivesItsForm()
    {
        NewSongSpec spec;
        spec.caption = QStringLiteral("upbeat funk with slap bass");
        spec.templateName = QStringLiteral("rock");
        spec.seed = 7;
        const auto request = newSongRequest(spec);
        QVERIFY2(request, qPrintable(request.errorMessage()));
        QCOMPARE(labels(request.value()), labels(templateSongForm(QStringLiteral("rock")).value()));
        QCOMPARE(request->caption, spec.caption);
        QCOMPARE(request->seed, quint64(7));
        QCOMPARE(request->sampleRate, 44100);
        // Contiguous from 0, every section its bars long at the planned tempo.
        QCOMPARE(request->sections.constFirst().start, qint64(0));
        for (int i = 1; i < request->sections.size(); ++i)
            QCOMPARE(request->sections[i].start, request->sections[i - 1].end);
        const double intro = double(request->sections[0].end - request->sections[0].start) / request->sampleRate;
        QVERIFY(std::abs(intro - 8 * secondsPerBar(request.value())) < 0.01);

        // No template named: pop.
        spec.templateName.clear();
        QCOMPARE(labels(newSongRequest(spec).value()), labels(templateSongForm(QStringLiteral("pop")).value()));
    }

    void customStructureOverridesTheTemplate()
    {
        NewSongSpec spec;
        spec.caption = QStringLiteral("house");
        spec.templateName = QStringLiteral("edm");
        spec.structure = QStringLiteral("intro:2, verse:4,chorus:2");
        const auto request = newSongRequest(spec);
        QVERIFY2(request, qPrintable(request.errorMessage()));
        QCOMPARE(labels(request.value()), (QStringList{"intro", "verse", "chorus"}));
        QVERIFY(std::abs(seconds(request.value()) - 8 * secondsPerBar(request.value())) < 0.01);
    }

    void lengthFitsTheForm()
    {
        NewSongSpec spec;
        spec.caption = QStringLiteral("pop song, 120 bpm");
        const auto natural = newSongRequest(spec);
        QVERIFY(natural);
        // The pop template is 64 bars: 128 s at 120 BPM.
        QCOMPARE(natural->tempo, 120.0);
        QVERIFY(std::abs(seconds(natural.value()) - 128.0) < 0.01);

        spec.lengthSeconds = 60.0;
        const auto fitted = newSongRequest(spec);
        QVERIFY(fitted);
        QCOMPARE(labels(fitted.value()), labels(natural.value()));
        // Whole multiples of 2 bars (4 s here) per section: within a few bars of the asked length.
        QVERIFY2(std::abs(seconds(fitted.value()) - 60.0) <= 10 * 2.0, qPrintable(QString::number(seconds(fitted.value()))));
        QVERIFY(seconds(fitted.value()) < seconds(natural.value()) / 1.5);
    }

    void captionTempoAndKeyWhenAuto()
    {
        NewSongSpec spec;
        spec.caption = QStringLiteral("dark lo-fi hip hop with rhodes, 80 bpm, in D minor");
        spec.structure = QStringLiteral("verse:4");
        const auto request = newSongRequest(spec);
        QVERIFY(request);
        QCOMPARE(request->tempo, 80.0);
        QCOMPARE(request->key, QStringLiteral("D minor"));
    }

    void explicitTempoAndKeyOverrideTheCaption()
    {
        NewSongSpec spec;
        spec.caption = QStringLiteral("dark lo-fi hip hop with rhodes, 80 bpm, in D minor");
        spec.structure = QStringLiteral("verse:4");
        spec.tempo = 96.0;
        spec.key = QStringLiteral("F major");
        const auto request = newSongRequest(spec);
        QVERIFY(request);
        QCOMPARE(request->tempo, 96.0);
        QCOMPARE(request->key, QStringLiteral("F major"));
        QVERIFY(std::abs(seconds(request.value()) - 4 * 60.0 / 96.0 * 4) < 0.01);
    }

    void whatTheCaptionLeavesOpenTheSeedDecides()
    {
        NewSongSpec spec;
        spec.caption = QStringLiteral("funk");
        spec.structure = QStringLiteral("verse:2");
        spec.seed = 11;
        const auto a = newSongRequest(spec);
        const auto b = newSongRequest(spec);
        QVERIFY(a && b);
        QCOMPARE(a->tempo, b->tempo);
        QCOMPARE(a->key, b->key);
        QVERIFY(!a->key.isEmpty());
        const auto reading = readCaption(spec.caption);
        QVERIFY(reading);
        QVERIFY(a->tempo >= reading->tempoMin && a->tempo <= reading->tempoMax);
    }

    void badInputIsRefusedWithItsReason()
    {
        NewSongSpec spec;
        spec.caption = QStringLiteral("funk");
        spec.structure = QStringLiteral("intro:x");
        QVERIFY(newSongRequest(spec).errorMessage().contains(QLatin1String("\"intro:x\" is not label:bars")));
        spec.structure = QStringLiteral("wibble:4");
        QVERIFY(newSongRequest(spec).errorMessage().contains(QLatin1String("\"wibble:4\"")));
        spec.structure.clear();
        spec.templateName = QStringLiteral("polka");
        QVERIFY(newSongRequest(spec).errorMessage().contains(QLatin1String("No template \"polka\"")));
        QVERIFY(!newSongForm(spec));
        spec.templateName.clear();
        spec.key = QStringLiteral("H major");
        QVERIFY(newSongRequest(spec).errorMessage().contains(QLatin1String("\"H major\" is not a key")));
        spec.key.clear();
        spec.tempo = 500.0;
        QVERIFY(newSongRequest(spec).errorMessage().contains(QLatin1String("outside")));
    }

    void lengthText()
    {
        QCOMPARE(parseSongLength(QStringLiteral("2:30")).value(), 150.0);
        QCOMPARE(parseSongLength(QStringLiteral(" 90 ")).value(), 90.0);
        for (const char* bad : {"9", "abc", "25:00", "1:2:3", "-1:30", ""})
            QVERIFY2(parseSongLength(QString::fromLatin1(bad)).errorMessage().contains(QLatin1String("m:ss")), bad);
    }

    void readingSaysWhatTheCaptionFixed()
    {
        const auto lofi = readCaption(QStringLiteral("dark lo-fi hip hop with rhodes, 80 bpm"));
        QVERIFY(lofi);
        QCOMPARE(lofi->style, QStringLiteral("lo-fi hip hop"));
        QVERIFY(lofi->styleFromCaption);
        QCOMPARE(lofi->tempo, 80.0);
        QVERIFY(lofi->key.isEmpty());
        QCOMPARE(lofi->mode, QStringLiteral("minor"));  // "dark"
        QVERIFY2(lofi->band.contains(QStringLiteral("rhodes")), qPrintable(lofi->band.join(QLatin1Char(','))));
        QVERIFY(lofi->moods.contains(QStringLiteral("dark")));

        // Nothing said: the default style, its tempo range and any key.
        const auto vague = readCaption(QStringLiteral("something nice"));
        QVERIFY(vague);
        QVERIFY(!vague->styleFromCaption);
        QCOMPARE(vague->tempo, 0.0);
        QVERIFY(vague->tempoMin > 0.0 && vague->tempoMin < vague->tempoMax);
        QVERIFY(vague->key.isEmpty() && vague->tonic.isEmpty() && vague->mode.isEmpty());

        // The spec's own tempo and key are what the song will have.
        const auto pinned = readCaption(QStringLiteral("funk, 110 bpm"), 98.0, QStringLiteral("A minor"));
        QVERIFY(pinned);
        QCOMPARE(pinned->tempo, 98.0);
        QCOMPARE(pinned->key, QStringLiteral("A minor"));
        QVERIFY(!readCaption(QStringLiteral("funk"), 0.0, QStringLiteral("Q minor")));
    }

    // Issue 16.8: the level guard. A take whose loudest stem is over the ceiling comes down by one gain for all
    // its stems (the balance stays), recorded on the take; a quiet take is left alone.
    void levelGuardBringsATakeUnderTheCeiling()
    {
        auto sine = [](float amplitude, double hz) {
            Stem stem;
            stem.audio.sampleRate = 44100;
            stem.audio.channels.assign(2, std::vector<float>(44100));
            for (int i = 0; i < 44100; ++i)
                stem.audio.channels[0][size_t(i)] = stem.audio.channels[1][size_t(i)] =
                    amplitude * float(std::sin(2.0 * M_PI * hz * i / 44100.0));
            return stem;
        };
        QVector<Stem> loud{sine(1.78f, 1000.0), sine(0.3f, 220.0)};  // about +5 dBTP and -10.5 dBFS
        s2a::core::TakeOrigin origin;
        const LevelGuard guard = guardStemLevels(loud, 44100, origin);
        QVERIFY2(guard.peakDbtp > 4.9 && guard.peakDbtp < 5.4, qPrintable(QString::number(guard.peakDbtp)));
        QCOMPARE(origin.levelGainDb, guard.gainDb);
        QVERIFY(std::abs(guard.gainDb - (kStemCeilingDbtp - guard.peakDbtp)) < 1e-9);
        QVERIFY(std::abs(origin.truePeakDbtp - kStemCeilingDbtp) < 1e-9);
        // Guarded again: at the ceiling and left alone (the guard is idempotent); the second stem got the same gain.
        s2a::core::TakeOrigin again;
        const LevelGuard second = guardStemLevels(loud, 44100, again);
        QVERIFY2(std::abs(second.peakDbtp - kStemCeilingDbtp) < 0.05, qPrintable(QString::number(second.peakDbtp)));
        QCOMPARE(second.gainDb, 0.0);
        const float ratio = *std::max_element(loud[1].audio.channels[0].begin(), loud[1].audio.channels[0].end()) / 0.3f;
        QVERIFY(std::abs(20.0 * std::log10(double(ratio)) - guard.gainDb) < 0.01);

        QVector<Stem> quiet{sine(0.2f, 440.0)};
        const std::vector<float> before = quiet[0].audio.channels[0];
        s2a::core::TakeOrigin calm;
        QCOMPARE(guardStemLevels(quiet, 44100, calm).gainDb, 0.0);
        QCOMPARE(calm.levelGainDb, 0.0);
        QVERIFY(calm.truePeakDbtp < -13.0);
        // Untouched, sample for sample (against its own copy: a sine recomputed here could be constant-folded
        // to another last bit than the library's sin() gave at run time).
        QVERIFY(quiet[0].audio.channels[0] == before);
    }
};

QTEST_GUILESS_MAIN(NewSongRequestTest)
#include "tst_new_song_request.moc"
