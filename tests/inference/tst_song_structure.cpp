// Song forms (parse, templates, fitting to a length) and naming sections the way users do ("chorus#2").
#include "TestProjects.h"

#include "inference/SectionRegenerator.h"
#include "inference/SongStructure.h"

#include <QtTest>

using namespace s2a;
using namespace s2a::inference;
using core::SectionLabel;

namespace {
int bars(const SongForm& form)
{
    int total = 0;
    for (const auto& s : form)
        total += s.second;
    return total;
}

QStringList labelsOf(const SongForm& form)
{
    QStringList labels;
    for (const auto& s : form)
        labels << core::toString(s.first);
    return labels;
}
}  // namespace

class SongStructureTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesForms()
    {
        auto form = parseSongForm(QStringLiteral("intro:8, verse:16,pre-chorus:4,chorus:16"));
        QVERIFY2(form, qPrintable(form.errorMessage()));
        QCOMPARE(form->size(), 4);
        QVERIFY(form->at(2).first == SectionLabel::PreChorus);
        QCOMPARE(form->at(3).second, 16);
        QVERIFY(parseSongForm(QStringLiteral("verse")).errorMessage().contains(QLatin1String("label:bars")));
        QVERIFY(!parseSongForm(QStringLiteral("hook:8")));
        QVERIFY(!parseSongForm(QStringLiteral("verse:0")));
        QVERIFY(!parseSongForm(QString()));
    }

    void templatesAndLengths()
    {
        for (const QString& name : templateNames())
            QVERIFY2(templateSongForm(name), qPrintable(name));
        QVERIFY(templateSongForm(QStringLiteral("polka")).errorMessage().contains(QLatin1String("pop")));
        const auto pop = templateSongForm(QStringLiteral("pop")).value();
        // 150 s at 120 BPM in 4/4 is 75 bars: every section stays, in whole 2-bar phrases, and the total is the
        // nearest whole number of phrases.
        const auto fitted = fitToLength(pop, 150.0, 120.0, {4, 4});
        QVERIFY2(fitted, qPrintable(fitted.errorMessage()));
        QCOMPARE(fitted->size(), pop.size());
        QCOMPARE(bars(fitted.value()), 76);
        for (const auto& s : fitted.value())
            QVERIFY(s.second >= 2 && s.second % 2 == 0);
    }

    // The pop form's ten sections at two bars each last 63 s at 76 BPM: 30 s (five 2-bar phrases) must drop
    // sections, repeats first, and keep the intro, a verse, the chorus and the outro.
    void shortSongsDropRepeatsFirst()
    {
        const auto pop = templateSongForm(QStringLiteral("pop")).value();
        const auto fitted = fitToLength(pop, 30.0, 76.0, {4, 4});
        QVERIFY2(fitted, qPrintable(fitted.errorMessage()));
        QCOMPARE(labelsOf(fitted.value()), (QStringList{"intro", "verse", "pre-chorus", "chorus", "outro"}));
        QVERIFY(std::abs(bars(fitted.value()) * 240.0 / 76.0 - 30.0) <= kLengthTolerance * 30.0);

        // Shorter still: pre-chorus first, then the outro, then the intro; the chorus stays.
        QCOMPARE(labelsOf(fitToLength(pop, 26.0, 76.0, {4, 4}).value()), (QStringList{"intro", "verse", "chorus", "outro"}));
        QCOMPARE(labelsOf(fitToLength(pop, 20.0, 76.0, {4, 4}).value()), (QStringList{"intro", "verse", "chorus"}));
        QCOMPARE(labelsOf(fitToLength(pop, 12.0, 76.0, {4, 4}).value()), (QStringList{"verse", "chorus"}));
        // An EDM form keeps its drop.
        const auto edm = templateSongForm(QStringLiteral("edm")).value();
        QVERIFY(labelsOf(fitToLength(edm, 20.0, 128.0, {4, 4}).value()).contains(QLatin1String("drop")));
    }

    // Every template at slow and fast tempos, in 4/4, 3/4 and 6/8, lands within the tolerance of lengths from 10 s
    // to 20 min, with every section at least a bar long.
    void everyTemplateFitsAtAnyTempo()
    {
        for (const QString& name : templateNames()) {
            const auto form = templateSongForm(name).value();
            for (const double tempo : {50.0, 60.0, 76.0, 120.0, 174.0, 240.0})
                for (const core::TimeSignature ts : {core::TimeSignature{4, 4}, core::TimeSignature{3, 4}, core::TimeSignature{6, 8}})
                    for (const double seconds : {15.0, 30.0, 45.0, 60.0, 150.0, 240.0, 1200.0}) {
                        const auto fitted = fitToLength(form, seconds, tempo, ts);
                        const QString what = QStringLiteral("%1 at %2 BPM %3/%4 for %5 s").arg(name).arg(tempo).arg(ts.numerator).arg(ts.denominator).arg(seconds);
                        QVERIFY2(fitted, qPrintable(what + QStringLiteral(": ") + fitted.errorMessage()));
                        const double length = bars(fitted.value()) * 60.0 / tempo * ts.numerator * 4.0 / ts.denominator;
                        QVERIFY2(std::abs(length - seconds) <= kLengthTolerance * seconds, qPrintable(what + QStringLiteral(": %1 s").arg(length)));
                        for (const auto& s : fitted.value())
                            QVERIFY(s.second >= 1);
                    }
        }
    }

    // Between whole bars at a very slow tempo there is no song of the asked length: the error says what is near.
    void refusesWhatNoBarCountReaches()
    {
        const auto pop = templateSongForm(QStringLiteral("pop")).value();
        const auto refused = fitToLength(pop, 10.0, 40.0, {4, 4});
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("6.0 s and 12.0 s")), qPrintable(refused.errorMessage()));
        const auto slow = fitToLength(pop, 10.0, 20.0, {4, 4});
        QVERIFY(!slow);
        QVERIFY2(slow.errorMessage().contains(QLatin1String("shortest this form can be is one bar, 12.0 s")), qPrintable(slow.errorMessage()));
    }

    void findsSectionsByIdLabelAndOrdinal()
    {
        const core::ProjectData song = test::makeSong(1, 6, 0);  // intro verse chorus bridge Hook outro
        QCOMPARE(findSection(song, QStringLiteral("sec-2")).value(), QStringLiteral("sec-2"));
        QCOMPARE(findSection(song, QStringLiteral("chorus")).value(), QStringLiteral("sec-2"));
        QCOMPARE(findSection(song, QStringLiteral("Chorus#1")).value(), QStringLiteral("sec-2"));
        QCOMPARE(findSection(song, QStringLiteral("hook")).value(), QStringLiteral("sec-4"));
        QVERIFY(findSection(song, QStringLiteral("chorus#2")).errorMessage().contains(QLatin1String("only 1")));
        QVERIFY(!findSection(song, QStringLiteral("chorus#0")));
        QVERIFY(!findSection(song, QStringLiteral("drop")));

        core::ProjectData twice = song;
        twice.sections[3].label = SectionLabel::Chorus;
        QVERIFY(findSection(twice, QStringLiteral("chorus")).errorMessage().contains(QLatin1String("chorus#2")));
        QCOMPARE(findSection(twice, QStringLiteral("chorus#2")).value(), QStringLiteral("sec-3"));
    }
};

QTEST_GUILESS_MAIN(SongStructureTest)
#include "tst_song_structure.moc"
