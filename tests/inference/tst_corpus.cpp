// s2a-corpus run as a user would: real process, real files; the song folders must load as projects.
#include "core/persistence/ProjectBundle.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class CorpusTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesSongsWithGroundTruthThatLoadAsProjects()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(S2A_CORPUS_PATH), {QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--out"),
                                                  dir.path(), QStringLiteral("--seed"), QStringLiteral("5"),
                                                  QStringLiteral("--seconds"), QStringLiteral("8:14")});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QStringList songs = QDir(dir.path()).entryList({QStringLiteral("*.s2a")}, QDir::Dirs);
        QCOMPARE(songs.size(), 2);
        for (const QString& name : songs) {
            const QDir song(dir.filePath(name));
            QFile jsonFile(song.filePath(QStringLiteral("song.json")));
            QVERIFY(jsonFile.open(QIODevice::ReadOnly));
            QJsonParseError error;
            const QJsonObject json = QJsonDocument::fromJson(jsonFile.readAll(), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QVERIFY(!json.value(QStringLiteral("caption")).toString().isEmpty());
            QVERIFY(json.value(QStringLiteral("tempo")).toDouble() > 40.0);
            QVERIFY(json.value(QStringLiteral("plan")).toObject().contains(QStringLiteral("style")));
            QVERIFY(QFile::exists(song.filePath(json.value(QStringLiteral("mix")).toString())));

            const QJsonArray sections = json.value(QStringLiteral("sections")).toArray();
            QVERIFY(!sections.isEmpty());
            qint64 expectedStart = 0;
            for (const auto& v : sections) {
                const QJsonObject s = v.toObject();
                QCOMPARE(qint64(s.value(QStringLiteral("start")).toDouble()), expectedStart);
                expectedStart = qint64(s.value(QStringLiteral("end")).toDouble());
                QVERIFY(!s.value(QStringLiteral("label")).toString().isEmpty());
                QVERIFY(!s.value(QStringLiteral("chords")).toArray().isEmpty());
            }
            const double seconds = double(expectedStart) / json.value(QStringLiteral("sampleRate")).toInt();
            QVERIFY2(seconds >= 4.0 && seconds <= 14.5, qPrintable(QString::number(seconds)));
            for (const auto& v : json.value(QStringLiteral("stems")).toArray()) {
                QVERIFY(QFile::exists(song.filePath(v.toObject().value(QStringLiteral("audio")).toString())));
                QVERIFY(QFile::exists(song.filePath(v.toObject().value(QStringLiteral("midi")).toString())));
            }

            const auto loaded = s2a::core::bundle::load(song.path());
            QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
            QCOMPARE(loaded.value().sections.size(), sections.size());
            QCOMPARE(loaded.value().length(), expectedStart);
            QCOMPARE(loaded.value().settings.caption, json.value(QStringLiteral("caption")).toString());
        }
    }

    void badArgumentsExitWithTwo()
    {
        QProcess p;
        p.start(QStringLiteral(S2A_CORPUS_PATH), {QStringLiteral("--count"), QStringLiteral("zero")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(CorpusTest)
#include "tst_corpus.moc"
