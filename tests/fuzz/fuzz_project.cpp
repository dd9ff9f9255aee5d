// project.json bytes -> bundle::load, the code that opens every song: the size-capped regular-file read, the
// JSON parse, schema migration and the validator. A document that loads must also survive the save path's
// conversion back (projectToJson -> projectFromJson) unchanged: a song that loads but cannot be saved and
// reopened as the same song would lose work on the next save.
//
// The loader refuses a song whose clips name missing audio, which would stop every document with takes before
// the round trip. So the harness first gives audio/ an empty file for each plain name under a "file" key of the
// document (its own JSON walk, not the loader's), and removes them after the input: each run starts clean.
#include "FuzzScratch.h"

#include "core/persistence/ProjectBundle.h"
#include "core/persistence/ProjectJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

using namespace s2a;

namespace {

void collectFileNames(const QJsonValue& value, QStringList& names)
{
    if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            collectFileNames(v, names);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString name = it.value().toString();
            if (it.key() == QLatin1String("file") && !name.isEmpty() && name.size() < 200 &&
                !name.contains(QLatin1Char('/')) && name != QLatin1String(".") && name != QLatin1String(".."))
                names << name;
            collectFileNames(it.value(), names);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string bundle = [] {
        const std::string dir = fuzz::scratchDir() + "/Fuzz.s2a";
        QDir().mkpath(QString::fromStdString(dir + "/audio"));
        return dir;
    }();
    fuzz::writeWholeFile(bundle + "/project.json", data, size);
    const QDir audio(QString::fromStdString(bundle + "/audio"));
    QStringList names;
    collectFileNames(QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char*>(data),
                                                                     qsizetype(size))).object(), names);
    for (const QString& name : names)
        QFile(audio.filePath(name)).open(QIODevice::WriteOnly);
    struct Cleanup {
        const QDir& dir;
        const QStringList& names;
        ~Cleanup()
        {
            for (const QString& name : names)
                QFile::remove(dir.filePath(name));
        }
    } cleanup{audio, names};

    const Result<core::ProjectData> loaded = core::bundle::load(QString::fromStdString(bundle));
    if (!loaded) {
        // Every refusal must say why; an empty message would leave the user with nothing to act on.
        if (loaded.errorMessage().isEmpty())
            std::abort();
        return 0;
    }
    const Result<core::ProjectData> again = core::projectFromJson(core::projectToJson(loaded.value()));
    if (!again || again.value() != loaded.value()) {
        std::fprintf(stderr, "loaded song does not survive a save round trip: %s\n",
                     again ? "different data" : qPrintable(again.errorMessage()));
        std::abort();
    }
    return 0;
}
