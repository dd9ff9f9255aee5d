// The headless `s2a` binary, run as a user would: real process, real bundle on disk, exit codes.
#include "TestProjects.h"

#include "core/persistence/ProjectBundle.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(S2A_CLI_PATH), args);
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace

class CliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void infoDescribesASong()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Song.s2a"));
        const auto data = s2a::test::makeSong(2, 3, 1);
        s2a::test::writeReferencedAudio(data, path);
        QVERIFY(s2a::core::bundle::save(data, path));

        const Run text = runCli({QStringLiteral("info"), path});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("24.00 s, 44100 Hz, 104.25 BPM, F# minor")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("sec-2")));

        const Run json = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("sections")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("tracks")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("seconds")).toDouble(), 24.0);
    }

    void understandShowsThePlan()
    {
        const Run text = runCli({QStringLiteral("understand"), QStringLiteral("dark lo-fi hip hop with rhodes, 80 bpm")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("lo-fi")) && text.out.contains(QStringLiteral("80 BPM")), qPrintable(text.out));
        const Run json = runCli({QStringLiteral("understand"), QStringLiteral("funk in D minor"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isObject());
        QCOMPARE(runCli({QStringLiteral("understand"), QStringLiteral("x"), QStringLiteral("--seed"), QStringLiteral("-3")}).exitCode, 2);
    }

    void errorsHaveDistinctExitCodesAndOneLine()
    {
        QTemporaryDir dir;
        const Run missing = runCli({QStringLiteral("info"), dir.filePath(QStringLiteral("None.s2a"))});
        QCOMPARE(missing.exitCode, 3);
        QCOMPARE(missing.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(missing.err.startsWith(QStringLiteral("s2a: None.s2a/project.json: not found")), qPrintable(missing.err));

        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("info")}).exitCode, 2);
        QCOMPARE(runCli({}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
