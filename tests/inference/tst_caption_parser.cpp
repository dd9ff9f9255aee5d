// Caption understanding: a table of phrases as users write them, and what must be read out of each.
#include "inference/arranger/CaptionParser.h"
#include "inference/arranger/GenreVocabulary.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/arranger/StyleLibrary.h"

#include <QtTest>

#include <cstring>

using namespace s2a;
using namespace s2a::inference;
using namespace s2a::inference::arranger;

namespace {

QStringList roleNames(const std::vector<NamedInstrument>& instruments)
{
    QStringList names;
    for (const NamedInstrument& n : instruments)
        names << core::toString(n.role);
    return names;
}

}  // namespace

class CaptionParserTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void phrases_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("style");     // style id, empty = none recognised
        QTest::addColumn<double>("tempo");      // explicit BPM, 0 = none
        QTest::addColumn<QString>("key");       // "D minor", "" = no explicit tonic
        QTest::addColumn<int>("mode");          // -1 unknown, 0 major, 1 minor
        QTest::addColumn<QString>("roles");     // named roles in caption order
        QTest::addColumn<QString>("excluded");

        auto row = [](const char* caption, const char* style, double tempo, const char* key, int mode, const char* roles,
                      const char* excluded = "") {
            QTest::newRow(caption) << QString::fromUtf8(caption) << QString::fromLatin1(style) << tempo
                                   << QString::fromLatin1(key) << mode << QString::fromLatin1(roles) << QString::fromLatin1(excluded);
        };
        row("upbeat funk with slap bass and brass, 104 bpm", "funk", 104, "", -1, "bass,other");
        row("Lo-fi hip hop beat with rhodes and vinyl crackle", "lofi-hiphop", 0, "", -1, "drums,keys");
        row("lofi chillhop, 82 BPM, in F major", "lofi-hiphop", 82, "F major", 0, "");
        row("dark cinematic strings and choir in D minor", "cinematic", 0, "D minor", 1, "strings,pads");
        row("happy pop song with acoustic guitar and piano", "pop", 0, "", 0, "guitar,keys");
        row("sad piano ballad", "pop", 0, "", 1, "keys");
        row("fast punk rock with distorted guitar", "rock", 0, "", -1, "guitar");
        row("heavy metal, 160 bpm, E minor", "metal", 160, "E minor", 1, "");
        row("EDM festival anthem with lead synth and synth bass", "edm", 0, "", -1, "lead,bass");
        row("deep house groove 122 bpm with organ", "house", 122, "", -1, "keys");
        row("techno, driving, no bass", "house", 0, "", -1, "", "bass");
        row("smooth jazz with saxophone and upright bass", "jazz", 0, "", -1, "lead,bass");
        row("bebop jazz trio: piano, double bass, brushes", "jazz", 0, "", -1, "keys,bass,drums");
        row("neo soul with electric piano and strings, 72 bpm", "soul", 72, "", -1, "keys,strings");
        row("R&B slow jam in Eb major", "soul", 0, "Eb major", 0, "");
        row("ambient drone with pads, no drums", "ambient", 0, "", -1, "pads", "drums");
        row("atmospheric ambient piano, very slow", "ambient", 0, "", -1, "keys");
        row("epic orchestral trailer music with brass and strings", "cinematic", 0, "", -1, "other,strings");
        row("folk song with banjo and fiddle", "folk", 0, "", -1, "guitar,lead");
        row("acoustic folk, fingerpicked guitar, in G", "folk", 0, "G major", -1, "guitar");
        row("country with acoustic guitar and harmonica", "folk", 0, "", -1, "guitar,lead");
        row("latin salsa with piano, congas and trumpet", "latin", 0, "", -1, "keys,lead");
        row("bossa nova with nylon guitar, 120 bpm", "latin", 120, "", -1, "guitar");
        row("roots reggae one drop with organ", "reggae", 0, "", -1, "keys");
        row("dub reggae, bass heavy, 75 bpm", "reggae", 75, "", -1, "bass");
        row("slow blues shuffle with harmonica in A", "blues", 0, "A major", -1, "lead");
        row("bluesy rock with overdriven guitar and hammond", "blues", 0, "", -1, "guitar,keys");
        row("disco with strings and funky guitar, 118 bpm", "disco", 118, "", -1, "strings,guitar");
        row("trap beat with 808 and dark piano, 140 BPM", "hiphop", 140, "", 1, "drums,bass,keys");
        row("boom bap hip-hop with jazzy samples", "hiphop", 0, "", -1, "");
        row("uplifting trance in A minor", "edm", 0, "A minor", 1, "");
        row("synthpop with synth pad and drum machine, 110bpm", "pop", 110, "", -1, "pads,drums");
        row("indie rock, tempo 128, without keys", "rock", 128, "", -1, "", "keys");
        row("solo piano, melancholic, in C# minor", "", 0, "C# minor", 1, "keys");
        row("just an acoustic guitar, gentle", "", 0, "", -1, "guitar");
        row("piano and cello duet, romantic", "", 0, "", -1, "keys,strings");
        row("mysterious music box lullaby in Bb", "", 0, "Bb minor", 1, "other");
        row("bright and cheerful ukulele tune", "", 0, "", 0, "guitar");
        row("gospel organ with choir", "soul", 0, "", -1, "keys,pads");
        row("quantum flibbertigibbet zeppelin 7", "", 0, "", -1, "");
        row("", "", 0, "", -1, "");
        row("Motown soul, 96 bpm, F# minor, horns and tambourine", "soul", 96, "F# minor", 1, "other");
        row("chill lofi with jazz guitar and vibes", "lofi-hiphop", 0, "", -1, "guitar,lead");
        row("dubstep drop, aggressive, sub bass", "edm", 0, "", 1, "bass");
        row("cumbia with accordion and percussion", "latin", 0, "", -1, "keys");
        // Issue 16.5: what people type today, and the article that is not a key.
        row("dark synthwave with arpeggiated bass, 100 bpm", "edm", 100, "", 1, "bass");
        row("liquid drum and bass with piano", "edm", 0, "", -1, "keys");
        row("drum & bass, 174 bpm", "edm", 174, "", -1, "");
        row("a song in a minor key with piano", "", 0, "", 1, "keys");
        row("ballad in a major key", "pop", 0, "", 0, "");
        row("reggaeton with synth bass", "latin", 0, "", -1, "bass");
        row("K-pop dance track, 120 bpm", "pop", 120, "", -1, "");
        row("afrobeats with log drums and shaker", "latin", 0, "", -1, "drums");
        row("lo-fi house with rhodes", "house", 0, "", -1, "keys");
        row("smooth jazz with jazz guitar", "jazz", 0, "", -1, "guitar");
    }

    void phrases()
    {
        QFETCH(QString, caption);
        QFETCH(QString, style);
        QFETCH(double, tempo);
        QFETCH(QString, key);
        QFETCH(int, mode);
        QFETCH(QString, roles);
        QFETCH(QString, excluded);

        const CaptionIntent intent = parseCaption(caption);
        QCOMPARE(intent.style ? QString::fromLatin1(styleDef(*intent.style).id) : QString(), style);
        QCOMPARE(intent.tempo.value_or(0.0), tempo);
        const QString keyText = intent.tonic ? Key{*intent.tonic, intent.minor.value_or(false)}.toString() : QString();
        QCOMPARE(keyText, key);
        QCOMPARE(intent.minor ? int(*intent.minor) : -1, mode);
        QCOMPARE(roleNames(intent.instruments).join(QLatin1Char(',')), roles);
        QStringList excludedNames;
        for (core::TrackRole r : intent.excluded)
            excludedNames << core::toString(r);
        excludedNames.sort();
        QCOMPARE(excludedNames.join(QLatin1Char(',')), excluded);
    }

    // Every genre word of the vocabulary, alone, picks its style and names itself: none is shadowed by an
    // instrument, a mood or a longer genre.
    void everyGenreWordPicksItsStyle()
    {
        QVERIFY(genreWords().size() >= 120);
        for (const GenreWord& w : genreWords()) {
            const CaptionIntent intent = parseCaption(QString::fromLatin1(w.phrase));
            QVERIFY2(intent.style && *intent.style == w.style, w.phrase);
            QCOMPARE(intent.genre, QString::fromLatin1(w.phrase));
            QVERIFY2(intent.unknownWords.isEmpty(), qPrintable(intent.unknownWords.join(QLatin1Char(' '))));
        }
        // The MTG-Jamendo mood and theme tags are feel words (a few of them are genres here: film, epic, ...).
        for (const char* tag : {"action", "adventure", "calm", "christmas", "corporate", "dark", "dramatic", "dream",
                                "emotional", "energetic", "fun", "groovy", "happy", "heavy", "hopeful", "inspiring",
                                "love", "meditative", "melancholic", "motivational", "party", "positive", "powerful",
                                "relaxing", "retro", "romantic", "sad", "sexy", "soft", "space", "sport", "summer",
                                "travel", "uplifting", "80s"}) {
            const CaptionIntent intent = parseCaption(QString::fromLatin1(tag));
            QVERIFY2(intent.moods.contains(QString::fromLatin1(tag)), tag);
            QVERIFY2(intent.unknownWords.isEmpty(), tag);
        }
    }

    void unknownWordsAreReported()
    {
        QCOMPARE(parseCaption(QStringLiteral("dark synthwave with arpeggiated bass, 100 bpm")).unknownWords,
                 QStringList{QStringLiteral("arpeggiated")});
        QCOMPARE(parseCaption(QStringLiteral("upbeat funk with slap bass and brass, 104 bpm, in D minor")).unknownWords,
                 QStringList());
        QCOMPARE(parseCaption(QStringLiteral("quantum flibbertigibbet zeppelin 7")).unknownWords,
                 (QStringList{"quantum", "flibbertigibbet", "zeppelin"}));
        GenerationRequest r;
        r.caption = QStringLiteral("dark synthwave with arpeggiated bass, 100 bpm");
        const auto plan = SongPlanner::plan(r, 2);
        QVERIFY(plan.ok());
        QVERIFY2(plan.value().understood().contains(QLatin1String("I did not understand: arpeggiated")),
                 qPrintable(plan.value().understood()));
        QVERIFY2(plan.value().understood().startsWith(QLatin1String("synthwave (EDM grooves)")),
                 qPrintable(plan.value().understood()));
        // Synthwave keeps its synths: the caption naming a bass adds it to the style's core, not in place of it.
        QVERIFY(plan.value().band.size() >= 3);
    }

    // A genre with its own tempo plays there when the caption gives none: drum and bass is not EDM's 122-130.
    void genresHaveTheirTempo()
    {
        for (quint64 seed = 1; seed <= 8; ++seed) {
            GenerationRequest dnb, synthwave;
            dnb.caption = QStringLiteral("drum and bass with piano");
            synthwave.caption = QStringLiteral("synthwave");
            const auto a = SongPlanner::plan(dnb, seed);
            const auto b = SongPlanner::plan(synthwave, seed);
            QVERIFY(a.ok() && b.ok());
            QVERIFY2(a.value().tempo >= 165 && a.value().tempo <= 178, qPrintable(QString::number(a.value().tempo)));
            QVERIFY2(b.value().tempo >= 85 && b.value().tempo <= 118, qPrintable(QString::number(b.value().tempo)));
        }
    }

    void tempoWordsMoveWithinTheStyle()
    {
        GenerationRequest slow, fast;
        slow.caption = QStringLiteral("slow house");
        fast.caption = QStringLiteral("fast house");
        const auto a = SongPlanner::plan(slow, 1);
        const auto b = SongPlanner::plan(fast, 1);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value().tempo < b.value().tempo);
        QVERIFY(a.value().tempo > 100.0 && b.value().tempo < 140.0);
    }

    void planSaysWhatItUnderstood()
    {
        GenerationRequest r;
        r.caption = QStringLiteral("upbeat funk with slap bass and brass, 104 bpm");
        const auto plan = SongPlanner::plan(r, 3);
        QVERIFY(plan.ok());
        const QString u = plan.value().understood();
        QVERIFY2(u.contains(QLatin1String("funk")) && u.contains(QLatin1String("104 BPM (caption)"))
                     && u.contains(QLatin1String("slap bass")) && u.contains(QLatin1String("brass")),
                 qPrintable(u));
        // Funk keeps its rhythm section; colour instruments the caption did not name stay out.
        QVERIFY(plan.value().instrument(core::TrackRole::Drums));
        QVERIFY(!plan.value().instrument(core::TrackRole::Guitar));
        QVERIFY(!plan.value().instrument(core::TrackRole::Keys));
    }

    void understoodNamesStyleTempoKeyAndBand_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("expected");  // "|"-separated fragments the summary must contain
        QTest::newRow("lofi") << QStringLiteral("dark lo-fi hip hop with rhodes, 80 bpm")
                              << QStringLiteral("lo-fi hip hop|80 BPM (caption)|minor (mood)|rhodes|dark");
        QTest::newRow("cinematic") << QStringLiteral("epic orchestral strings and choir in D minor, slow")
                                   << QStringLiteral("cinematic|D minor (caption)|strings|choir|slow");
        QTest::newRow("house") << QStringLiteral("deep house with piano, no bass")
                               << QStringLiteral("house|BPM (style default)|piano");
    }

    void understoodNamesStyleTempoKeyAndBand()
    {
        QFETCH(QString, caption);
        QFETCH(QString, expected);
        GenerationRequest r;
        r.caption = caption;
        const auto plan = SongPlanner::plan(r, 9);
        QVERIFY(plan.ok());
        const QString u = plan.value().understood();
        qInfo("%s -> %s", qPrintable(caption), qPrintable(u));
        for (const QString& fragment : expected.split(QLatin1Char('|')))
            QVERIFY2(u.contains(fragment), qPrintable(u + QStringLiteral(" lacks ") + fragment));
        if (caption.contains(QLatin1String("no bass")))
            QVERIFY(!plan.value().instrument(core::TrackRole::Bass));
    }

    void badKeyIsAReadableError()
    {
        GenerationRequest r;
        r.key = QStringLiteral("H dorian");
        const auto plan = SongPlanner::plan(r, 1);
        QVERIFY(!plan.ok());
        QVERIFY(plan.errorMessage().contains(QLatin1String("H dorian")));
    }

    void everyStyleTableIsWellFormed()
    {
        QVERIFY(allStyles().size() >= 12);
        for (const StyleDef& s : allStyles()) {
            QVERIFY2(std::strlen(s.melodyRhythm) == 32, s.id);
            for (const Groove* g : {&s.verse, &s.chorus, &s.sparse})
                for (const DrumLane& lane : g->lanes)
                    QVERIFY2(std::strlen(lane.pattern) == 16, s.id);
            for (const QStringList* pool : {&s.majorProgressions, &s.minorProgressions})
                for (const QString& line : *pool)
                    for (const QString& numeral : line.split(QLatin1Char(' ')))
                        QVERIFY2(chordFromRoman(numeral, Key{}).has_value(), qPrintable(QString::fromLatin1(s.id) + QLatin1Char(' ') + numeral));
            QVERIFY2(s.tempoMin < s.tempoMax, s.id);
        }
        for (bool minor : {false, true})
            for (const QString& line : bridgeProgressions(minor))
                for (const QString& numeral : line.split(QLatin1Char(' ')))
                    QVERIFY(chordFromRoman(numeral, Key{}).has_value());
    }

    void romanNumeralsSpellChords()
    {
        const Key d{2, true};  // D minor
        QCOMPARE(chordFromRoman(QStringLiteral("i"), d)->symbol, QStringLiteral("Dm"));
        QCOMPARE(chordFromRoman(QStringLiteral("bVI"), d)->symbol, QStringLiteral("Bb"));
        QCOMPARE(chordFromRoman(QStringLiteral("V7"), d)->symbol, QStringLiteral("A7"));
        QCOMPARE(chordFromRoman(QStringLiteral("iim7b5"), d)->symbol, QStringLiteral("Em7b5"));
        QVERIFY(!chordFromRoman(QStringLiteral("VIII"), d));
    }
};

QTEST_GUILESS_MAIN(CaptionParserTest)
#include "tst_caption_parser.moc"
