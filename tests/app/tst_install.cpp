// Issue 21: the .deb this build makes (CPack, cmake/S2AInstall.cmake) installs a working S2A Studio. The test
// packs it, reads its control fields, unpacks it into a folder of the build tree, moves that folder (so no path
// of the source or build tree can be what makes it work) and runs the installed programs from there: `s2a
// --version`, a new song with each engine, and the GUI loading its QML and drawing that song.
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QProcess>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
};

Run run(const QString& program, const QStringList& args, const QString& workDir, int timeoutMs,
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(workDir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.out = p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.out = QStringLiteral("timed out: ") + QString::fromUtf8(p.readAll());
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAll());
    return r;
}

}  // namespace

class InstallTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QDir work(QStringLiteral(S2A_TEST_WORK_DIR "/install-test"));
        QVERIFY(work.removeRecursively());
        QVERIFY(QDir().mkpath(work.path()));
        m_work = work.path();
        const Run pack = run(QStringLiteral(S2A_CPACK_COMMAND),
                             {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), m_work + QStringLiteral("/package")},
                             QStringLiteral(S2A_BUILD_DIR), 600000);
        QVERIFY2(pack.exitCode == 0, qPrintable(pack.out));
        const QStringList debs = QDir(m_work + QStringLiteral("/package")).entryList({QStringLiteral("s2a-studio_*.deb")});
        QCOMPARE(debs.size(), 1);
        m_deb = m_work + QStringLiteral("/package/") + debs.first();
        const Run unpack = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_work + QStringLiteral("/unpacked")}, m_work, 120000);
        QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.out));
        // Moved after unpacking: the programs must find what they need relative to themselves.
        m_root = m_work + QStringLiteral("/elsewhere");
        QVERIFY(QDir().rename(m_work + QStringLiteral("/unpacked"), m_root));
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("HOME"), m_work + QStringLiteral("/home"));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_work + QStringLiteral("/home/data"));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_work + QStringLiteral("/home/config"));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_work + QStringLiteral("/home/cache"));
        m_env.remove(QStringLiteral("S2A_WEIGHTS"));
    }

    void dependsNamesRuntimePackagesOnly()
    {
        const Run fields = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Package"),
                                                            QStringLiteral("Version"), QStringLiteral("Depends")}, m_work, 60000);
        QVERIFY2(fields.exitCode == 0, qPrintable(fields.out));
        qInfo("%s", qPrintable(fields.out));
        QVERIFY(fields.out.contains(QLatin1String("Package: s2a-studio")));
        QVERIFY(fields.out.contains(QLatin1String("Version: " S2A_VERSION)));
        const QString depends = fields.out.section(QLatin1String("Depends:"), 1).simplified();
        const QStringList packages = depends.split(QRegularExpression(QStringLiteral("[,|]")), Qt::SkipEmptyParts);
        QVERIFY(packages.size() > 10);
        for (QString p : packages) {
            p = p.trimmed().section(QLatin1Char(' '), 0, 0);
            QVERIFY2(!p.endsWith(QLatin1String("-dev")), qPrintable(QStringLiteral("%1 in Depends: %2").arg(p, depends)));
        }
        // Linked libraries found by dpkg-shlibdeps, and what Qt and the arranger load at run time.
        for (const char* needed : {"libqt6core6", "libqt6quick6", "libportaudio2", "libsndfile1", "libtorch",
                                   "qml6-module-qtquick-controls", "qml6-module-qtquick-dialogs", "qt6-qpa-plugins",
                                   "timgm6mb-soundfont"})
            QVERIFY2(depends.contains(QLatin1String(needed)), qPrintable(QStringLiteral("%1 not in %2").arg(QLatin1String(needed), depends)));
    }

    // What Qt loads at run time is not in the linked libraries: every QML module the app imports, and those Qt's own
    // dialogs import when they open (the non-native FileDialog imports Qt.labs.folderlistmodel only then), must
    // come from a package the .deb depends on. Found from the sources and this machine's Qt, so a module added to a
    // QML file without its package fails here, not on a newcomer's machine. Style variants of the dialogs
    // ("+Material/...") load only under that style; the app runs Fusion.
    void dependsCoversEveryQmlModuleTheAppLoads()
    {
        const QString qmlRoot = QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
        const QRegularExpression importLine(QStringLiteral("^import\\s+([A-Za-z][\\w.]*)"), QRegularExpression::MultilineOption);
        const QRegularExpression otherStyle(QStringLiteral("/\\+(?!Fusion/)"));
        const auto importsOf = [&](const QString& folder, bool recursive) {
            QSet<QString> modules;
            QDirIterator it(folder, {QStringLiteral("*.qml")}, QDir::Files,
                            recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
            while (it.hasNext()) {
                QFile f(it.next());
                if (otherStyle.match(f.fileName()).hasMatch() || !f.open(QIODevice::ReadOnly))
                    continue;
                for (auto m = importLine.globalMatch(QString::fromUtf8(f.readAll())); m.hasNext();)
                    modules.insert(m.next().captured(1));
            }
            return modules;
        };
        QSet<QString> modules = importsOf(QStringLiteral(S2A_QML_DIR), false);
        modules.remove(QStringLiteral("S2A.Ui"));  // ours, compiled into the program
        QVERIFY(modules.contains(QStringLiteral("QtQuick.Dialogs")));
        modules.unite(importsOf(qmlRoot + QStringLiteral("/QtQuick/Dialogs"), true));
        QVERIFY(modules.contains(QStringLiteral("Qt.labs.folderlistmodel")));
        QStringList qmldirs;
        for (const QString& module : std::as_const(modules)) {
            const QString qmldir = qmlRoot + QLatin1Char('/') + QString(module).replace(QLatin1Char('.'), QLatin1Char('/')) + QStringLiteral("/qmldir");
            QVERIFY2(QFileInfo(qmldir).isFile(), qPrintable(module + QStringLiteral(" is imported but not installed here")));
            qmldirs << qmldir;
        }
        const Run owners = run(QStringLiteral("dpkg"), QStringList{QStringLiteral("-S")} + qmldirs, m_work, 60000);
        QVERIFY2(owners.exitCode == 0, qPrintable(owners.out));
        const Run fields = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")}, m_work, 60000);
        QSet<QString> depended;
        QVERIFY2(fields.exitCode == 0, qPrintable(fields.out));
        for (const QString& entry : fields.out.split(QRegularExpression(QStringLiteral("[,|]"))))  // one field: its value alone
            depended.insert(entry.trimmed().section(QLatin1Char(' '), 0, 0));
        QStringList missing;
        for (const QString& line : owners.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString package = line.section(QLatin1Char(':'), 0, 0).trimmed();
            if (!depended.contains(package) && !missing.contains(package))
                missing << package + QStringLiteral(" (for ") + line.section(QLatin1Char(' '), 1).trimmed() + QLatin1Char(')');
        }
        qInfo("%lld QML modules, %lld packages in Depends", qlonglong(modules.size()), qlonglong(depended.size()));
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }

    void installsEverythingAnInstalledCopyNeeds()
    {
        for (const char* file : {"usr/bin/s2a", "usr/bin/s2a-studio", "usr/share/s2a-studio/models/" S2A_SHIPPED_MODEL "/model.safetensors",
                                 "usr/share/s2a-studio/models/" S2A_SHIPPED_MODEL "/config.json", "usr/share/applications/s2a-studio.desktop",
                                 "usr/share/mime/packages/s2a-studio.xml", "usr/share/icons/hicolor/scalable/apps/s2a-studio.svg",
                                 "usr/share/doc/s2a-studio/SOUNDFONTS.md"})
            QVERIFY2(QFileInfo(m_root + QLatin1Char('/') + QLatin1String(file)).isFile(), file);
        for (int size : {16, 32, 48, 64, 128, 256}) {
            const QImage icon(m_root + QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/s2a-studio.png").arg(size));
            QCOMPARE(icon.size(), QSize(size, size));
            QVERIFY(icon.pixelColor(size / 2, size / 2).alpha() > 0);  // drawn, not an empty square
        }
        // The desktop entry opens songs of the MIME type the package declares.
        QFile desktop(m_root + QStringLiteral("/usr/share/applications/s2a-studio.desktop"));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(desktop.readAll());
        QVERIFY(entry.contains(QLatin1String("Exec=s2a-studio %f")));
        QVERIFY(entry.contains(QLatin1String("MimeType=application/x-s2a-song;")));
        QFile mime(m_root + QStringLiteral("/usr/share/mime/packages/s2a-studio.xml"));
        QVERIFY(mime.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&mime);
        QStringList globs, types;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("glob"))
                globs << xml.attributes().value(QLatin1String("pattern")).toString();
            if (xml.tokenType() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("mime-type"))
                types << xml.attributes().value(QLatin1String("type")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(types, QStringList{QStringLiteral("application/x-s2a-song")});
        QCOMPARE(globs, QStringList{QStringLiteral("*.s2a")});
        // Nothing of the build or source tree inside the package.
        QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!path.contains(QLatin1String("CMakeFiles")) && !path.endsWith(QLatin1String(".a")), qPrintable(path));
        }
    }

    void installedCliRunsFromItsOwnFolder()
    {
        const QString s2a = m_root + QStringLiteral("/usr/bin/s2a");
        const Run version = run(s2a, {QStringLiteral("--version")}, m_work, 60000, m_env);
        QVERIFY2(version.exitCode == 0, qPrintable(version.out));
        qInfo("%s", qPrintable(version.out));
        QVERIFY(version.out.startsWith(QLatin1String("s2a " S2A_VERSION "\n")));
        for (const char* line : {"S2A Studio " S2A_VERSION " (commit ", "\nQt 6.", "\nPortAudio V19", "\nCompute: LibTorch "})
            QVERIFY2(version.out.contains(QLatin1String(line)), line);
        // The model the installed copy would load is the installed one, found next to the moved binary.
        QVERIFY2(version.out.contains(QStringLiteral("Diffusion model " S2A_SHIPPED_MODEL ": %1/usr/share/s2a-studio/models/" S2A_SHIPPED_MODEL "/model.safetensors").arg(m_root)),
                 qPrintable(version.out));

        for (const QString& engine : {QStringLiteral("arranger"), QStringLiteral("diffusion")}) {
            const QString song = m_work + QStringLiteral("/%1.s2a").arg(engine);
            const Run made = run(s2a, {QStringLiteral("new"), QStringLiteral("--engine"), engine, QStringLiteral("--caption"),
                                       QStringLiteral("warm soul with piano, bass and drums, 96 bpm"), QStringLiteral("--structure"),
                                       QStringLiteral("intro:2,verse:2"), QStringLiteral("--steps"), QStringLiteral("4"),
                                       QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--quiet"), QStringLiteral("-o"), song},
                                 m_work, 300000, m_env);
            QVERIFY2(made.exitCode == 0, qPrintable(engine + QStringLiteral(": ") + made.out));
            QVERIFY(QFileInfo(song + QStringLiteral("/project.json")).isFile());
            const Run info = run(s2a, {QStringLiteral("info"), song}, m_work, 60000, m_env);
            QVERIFY2(info.exitCode == 0 && info.out.count(QLatin1String("take(s)")) == 2, qPrintable(info.out));
        }
    }

    void installedGuiLoadsItsQmlAndDrawsASong()
    {
        const QString song = m_work + QStringLiteral("/arranger.s2a");
        QVERIFY2(QFileInfo(song + QStringLiteral("/project.json")).isFile(), "made by the CLI test before");
        const QString shot = m_work + QStringLiteral("/installed-window.png");
        const Run gui = run(m_root + QStringLiteral("/usr/bin/s2a-studio"), {QStringLiteral("--screenshot"), shot, song}, m_work, 120000, m_env);
        QVERIFY2(gui.exitCode == 0, qPrintable(gui.out));
        QVERIFY2(!gui.out.contains(QLatin1String("module \"")) && !gui.out.contains(QLatin1String(".qml:")), qPrintable(gui.out));
        const QImage image(shot);
        QVERIFY2(image.width() >= 800 && image.height() >= 500, qPrintable(gui.out));
        // A real window: many colours (waveforms, text, blocks), not a blank or a single-colour failure screen.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }

private:
    QString m_work, m_deb, m_root;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(InstallTest)
#include "tst_install.moc"
