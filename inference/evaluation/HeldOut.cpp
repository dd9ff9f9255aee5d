#include "inference/evaluation/HeldOut.h"

#include "core/audio/AudioFileReader.h"
#include "core/audio/Resampler.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace s2a::inference::evaluation {
namespace {

Result<HeldOutItem> readItem(const QString& folder, double seconds)
{
    const QString path = QDir(folder).filePath(QStringLiteral("song.json"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot be read: %2").arg(QDir::toNativeSeparators(path), f.errorString())};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject())
        return Error{QStringLiteral("%1: not a song description: %2").arg(QDir::toNativeSeparators(path), parseError.errorString())};
    const QJsonObject song = doc.object();
    HeldOutItem item;
    item.folder = QDir(folder).absolutePath();
    item.caption = song.value(QStringLiteral("caption")).toString();
    item.tempo = song.value(QStringLiteral("tempo")).toDouble();
    item.key = song.value(QStringLiteral("key")).toString();
    item.sampleRate = song.value(QStringLiteral("sampleRate")).toInt(44100);
    const auto songLength = static_cast<core::SampleCount>(song.value(QStringLiteral("length")).toDouble());
    const auto crop = static_cast<core::SampleCount>(std::llround(seconds * item.sampleRate));
    item.length = songLength > 0 ? std::min(songLength, crop) : crop;
    int index = 0;
    for (const QJsonValue& v : song.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject o = v.toObject();
        SectionPlan s;
        s.id = QStringLiteral("s%1").arg(++index);
        s.label = core::sectionLabelFromString(o.value(QStringLiteral("label")).toString()).value_or(core::SectionLabel::Verse);
        s.caption = o.value(QStringLiteral("caption")).toString();
        s.start = static_cast<core::SampleCount>(o.value(QStringLiteral("start")).toDouble());
        s.end = std::min(item.length, static_cast<core::SampleCount>(o.value(QStringLiteral("end")).toDouble()));
        if (s.start < item.length && s.end > s.start)
            item.sections.append(s);
    }
    if (item.sections.isEmpty() || item.sections.front().start != 0 || item.tempo <= 0.0)
        return Error{QStringLiteral("%1: no sections from the start of the song, or no tempo.").arg(QDir::toNativeSeparators(path))};
    // Clipping may leave the last section ending before the crop when the song is shorter; the clip ends there.
    item.length = item.sections.back().end;
    item.mixPath = QDir(folder).filePath(song.value(QStringLiteral("mix")).toString(QStringLiteral("mix.flac")));
    for (const QJsonValue& v : song.value(QStringLiteral("stems")).toArray()) {
        const QJsonObject o = v.toObject();
        StemFile stem;
        stem.role = core::trackRoleFromString(o.value(QStringLiteral("role")).toString()).value_or(core::TrackRole::Other);
        stem.name = o.value(QStringLiteral("name")).toString();
        stem.path = QDir(folder).filePath(o.value(QStringLiteral("audio")).toString());
        item.stems.append(stem);
    }
    return item;
}

}  // namespace

Result<QVector<HeldOutItem>> loadHeldOut(const QString& dir, int count, double seconds)
{
    const QDir root(dir);
    if (!root.exists())
        return Error{QStringLiteral("%1: no such folder.").arg(QDir::toNativeSeparators(dir))};
    QVector<HeldOutItem> items;
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : folders) {
        if (items.size() >= count)
            break;
        const QString folder = root.filePath(name);
        if (!QFile::exists(QDir(folder).filePath(QStringLiteral("song.json"))))
            continue;
        auto item = readItem(folder, seconds);
        if (!item)
            return item.error();
        items.append(std::move(item.value()));
    }
    if (items.isEmpty())
        return Error{QStringLiteral("%1: no song folders (with a song.json) in it.").arg(QDir::toNativeSeparators(dir))};
    return items;
}

Result<core::AudioBuffer> readClip(const QString& path, int sampleRate, core::SampleCount frames)
{
    auto decoded = core::AudioFileReader::read(path);
    if (!decoded)
        return decoded.error();
    core::AudioBuffer audio = std::move(decoded.value().audio);
    if (audio.channels.empty())
        return Error{QStringLiteral("%1: has no audio.").arg(QDir::toNativeSeparators(path))};
    if (audio.sampleRate != sampleRate) {
        auto resampled = core::Resampler::resample(audio, sampleRate);
        if (!resampled)
            return resampled.error();
        audio = std::move(resampled.value());
    }
    audio.channels.resize(2, audio.channels.front());
    for (auto& ch : audio.channels)
        ch.resize(static_cast<size_t>(frames), 0.0f);
    return audio;
}

Result<core::AudioBuffer> readMix(const HeldOutItem& item) { return readClip(item.mixPath, item.sampleRate, item.length); }

Result<QVector<Stem>> readStems(const HeldOutItem& item)
{
    QVector<Stem> stems;
    for (const StemFile& f : item.stems) {
        auto audio = readClip(f.path, item.sampleRate, item.length);
        if (!audio)
            return audio.error();
        stems.append(Stem{f.role, f.name, std::move(audio.value()), {}});
    }
    return stems;
}

GenerationRequest requestFor(const HeldOutItem& item, quint64 seed, int steps, double guidance, double sectionGuidance,
                             bool withSongKey)
{
    GenerationRequest r;
    r.caption = item.caption;
    if (withSongKey)
        r.key = item.key;
    r.sampleRate = item.sampleRate;
    r.tempo = item.tempo;
    r.sections = item.sections;
    r.seed = seed;
    r.steps = steps;
    r.guidance = guidance;
    r.sectionGuidance = sectionGuidance;
    return r;
}

GenerationRequest withCaptionsOf(GenerationRequest request, const HeldOutItem& other)
{
    request.caption = other.caption;
    if (!request.key.isEmpty())  // the other song's brief: its key goes with its caption
        request.key = other.key;
    for (int i = 0; i < request.sections.size(); ++i) {
        SectionPlan& s = request.sections[i];
        const SectionPlan* from = &other.sections[i % other.sections.size()];
        for (const SectionPlan& o : other.sections)
            if (o.label == s.label) {
                from = &o;
                break;
            }
        s.caption = from->caption;
    }
    return request;
}

}  // namespace s2a::inference::evaluation
