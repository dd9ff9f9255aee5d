// Save and load of a large song: 8 tracks, 12 sections, 20 takes each (1920 clips). Goal: <= 200 ms each.
#include "TestProjects.h"

#include "core/persistence/ProjectBundle.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double medianMs(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    using namespace s2a::core;
    const ProjectData data = s2a::test::makeSong(8, 12, 20);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Bench.s2a"));
    s2a::test::writeReferencedAudio(data, path);

    constexpr int kRuns = 9;
    std::vector<double> saveMs, loadMs;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        if (!bundle::save(data, path)) {
            std::fprintf(stderr, "save failed\n");
            return 1;
        }
        saveMs.push_back(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        auto loaded = bundle::load(path);
        loadMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!loaded || !(loaded.value() == data)) {
            std::fprintf(stderr, "load failed or differs: %s\n", qPrintable(loaded.errorMessage()));
            return 1;
        }
    }
    const double save = medianMs(saveMs);
    const double load = medianMs(loadMs);
    const qint64 bytes = QFileInfo(bundle::projectFile(path)).size();
    std::printf("project.json with 8 tracks, 12 sections, 240 takes, 1920 clips: %lld bytes\n", (long long)bytes);
    std::printf("save (atomic, fsync, backup): %.1f ms median of %d (goal 200 ms, %.2fx of budget)\n", save, kRuns, save / 200.0);
    std::printf("load (parse, migrate, validate, audio check): %.1f ms median of %d (goal 200 ms, %.2fx of budget)\n", load, kRuns, load / 200.0);
    return 0;
}
