// Song forms (parse, templates, fitting to a length) and naming sections the way users do ("chorus#2").
#include "TestProjects.h"

#include "inference/SectionRegenerator.h"
#include "inference/SongStructure.h"

#include <QtTest>

using namespace s2a;
using namespace s2a::inference;
using core::SectionLabel;

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
        // 150 s at 120 BPM in 4/4 is 75 bars; the fitted form lands within a couple of bars per section.
        const SongForm fitted = fitToLength(pop, 150.0, 120.0, 4);
        int bars = 0;
        for (const auto& s : fitted) {
            QVERIFY(s.second >= 2 && s.second % 2 == 0);
            bars += s.second;
        }
        QVERIFY2(std::abs(bars - 75) <= int(fitted.size()), qPrintable(QString::number(bars)));
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
