#include "core/persistence/SchemaMigration.h"

#include "core/model/ProjectData.h"
#include "core/persistence/ProjectJson.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace s2a::core {
namespace {

// Schema 1 is the layout of the first design: a take held one audio file per track for exactly its section's
// span ("audio": {trackId: file}), track gain was a linear factor and seeds were plain numbers.
// Schema 2 anchors clips on the timeline (so boundary moves reveal audio in place), stores gain in dB and
// seeds as decimal strings (a 64-bit seed does not survive a double).
QJsonObject migrate1to2(QJsonObject json)
{
    QJsonArray tracks = json.value(QStringLiteral("tracks")).toArray();
    for (int i = 0; i < tracks.size(); ++i) {
        QJsonObject t = tracks[i].toObject();
        if (t.contains(QStringLiteral("gain"))) {
            const double linear = t.take(QStringLiteral("gain")).toDouble(1.0);
            t.insert(QStringLiteral("gainDb"),
                     linear > 0.0 ? std::max(limits::kMinGainDb, 20.0 * std::log10(linear)) : limits::kMinGainDb);
        }
        tracks[i] = t;
    }
    json.insert(QStringLiteral("tracks"), tracks);

    // A seed that no quint64 holds (negative, fractional, 2^64 or more) was never a seed an engine used: converting
    // it would be undefined behaviour, and refusing the whole song for it would lock the user out of their work.
    // It becomes 0, "no seed recorded"; the audio it made is untouched.
    auto seedToString = [](QJsonObject& o) {
        if (!o.value(QStringLiteral("seed")).isDouble())
            return;
        const double seed = o.value(QStringLiteral("seed")).toDouble();
        const bool representable = seed >= 0.0 && seed < 18446744073709551616.0 && seed == std::floor(seed);
        o.insert(QStringLiteral("seed"), QString::number(representable ? quint64(seed) : quint64(0)));
    };
    seedToString(json);

    QJsonArray sections = json.value(QStringLiteral("sections")).toArray();
    for (int i = 0; i < sections.size(); ++i) {
        QJsonObject s = sections[i].toObject();
        const QJsonValue start = s.value(QStringLiteral("start"));
        const double length = s.value(QStringLiteral("end")).toDouble() - start.toDouble();
        QJsonArray takes = s.value(QStringLiteral("takes")).toArray();
        for (int j = 0; j < takes.size(); ++j) {
            QJsonObject take = takes[j].toObject();
            QJsonObject origin = take.value(QStringLiteral("origin")).toObject();
            seedToString(origin);
            take.insert(QStringLiteral("origin"), origin);
            const QJsonObject audio = take.take(QStringLiteral("audio")).toObject();
            QJsonArray clips;
            for (auto it = audio.begin(); it != audio.end(); ++it)
                clips.append(QJsonObject{{"track", it.key()}, {"file", it.value()}, {"timelineStart", start},
                                         {"sourceStart", 0}, {"length", length}});
            take.insert(QStringLiteral("clips"), clips);
            takes[j] = take;
        }
        s.insert(QStringLiteral("takes"), takes);
        sections[i] = s;
    }
    json.insert(QStringLiteral("sections"), sections);
    return json;
}

using Step = QJsonObject (*)(QJsonObject);
// kSteps[v - 1] turns schema v into v + 1.
constexpr Step kSteps[] = {migrate1to2};
static_assert(sizeof(kSteps) / sizeof(kSteps[0]) == kCurrentSchemaVersion - 1, "one migration step per version");

}  // namespace

Result<QJsonObject> migrateToCurrentSchema(QJsonObject json)
{
    const QJsonValue versionValue = json.value(QStringLiteral("schemaVersion"));
    if (!versionValue.isDouble() || versionValue.toDouble() != std::floor(versionValue.toDouble()))
        return Error{QStringLiteral("$.schemaVersion: missing or not an integer; this is not an S2A Studio project")};
    const int version = versionValue.toInt();
    if (version > kCurrentSchemaVersion)
        return Error{QStringLiteral("$.schemaVersion: the project was saved by a newer S2A Studio (schema %1; this "
                                    "version reads up to %2). Update S2A Studio to open it.")
                         .arg(version)
                         .arg(kCurrentSchemaVersion)};
    if (version < 1)
        return Error{QStringLiteral("$.schemaVersion: %1 is not a valid schema version").arg(version)};
    for (int v = version; v < kCurrentSchemaVersion; ++v)
        json = kSteps[v - 1](json);
    json.insert(QStringLiteral("schemaVersion"), kCurrentSchemaVersion);
    return json;
}

}  // namespace s2a::core
