#include "training/Manifest.h"

#include "core/persistence/AtomicWriter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace s2a::training {

using nlohmann::json;

namespace {

constexpr const char* kFormat = "s2a-training-manifest";
constexpr int kVersion = 1;

std::string folderOf(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash == 0 ? 1 : slash);
}

json targetsJson(const FrameTargets& t)
{
    // Chroma, onsets and beats are 0/1: written as integers, they keep a 200-song manifest a few MB.
    auto ints = [](const std::vector<float>& v) {
        std::vector<int> out(v.size());
        std::transform(v.begin(), v.end(), out.begin(), [](float x) { return int(std::lround(x)); });
        return out;
    };
    return json{{"frames", t.frames}, {"melody", t.melody}, {"chroma", ints(t.chroma)}, {"onset", ints(t.onset)},
                {"beat", ints(t.beat)},  {"bass", t.bass},     {"chord", t.chord}};
}

FrameTargets targetsFrom(const json& j, const std::string& where)
{
    FrameTargets t;
    t.frames = j.at("frames").get<int64_t>();
    t.melody = j.at("melody").get<std::vector<int16_t>>();
    t.chroma = j.at("chroma").get<std::vector<float>>();
    t.onset = j.at("onset").get<std::vector<float>>();
    t.beat = j.at("beat").get<std::vector<float>>();
    t.bass = j.at("bass").get<std::vector<int16_t>>();
    t.chord = j.at("chord").get<std::vector<int16_t>>();
    const size_t n = size_t(std::max<int64_t>(0, t.frames));
    if (t.frames < 0 || t.melody.size() != n || t.chroma.size() != n * 12 || t.onset.size() != n || t.beat.size() != n
        || t.bass.size() != n || t.chord.size() != n)
        throw ManifestError(where + ": the frame targets' sizes do not match their frame count");
    return t;
}

void check(bool ok, const std::string& where, const std::string& what)
{
    if (!ok)
        throw ManifestError(where + ": " + what);
}

}  // namespace

size_t keptCount(double fraction, size_t n)
{
    if (n == 0)
        return 0;
    return std::clamp<size_t>(size_t(std::max<long long>(0, std::llround(fraction * double(n)))), 1, n);
}

std::optional<std::string> readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<ManifestSong> Manifest::best(double fraction) const
{
    std::vector<ManifestSong> out = songs;
    std::stable_sort(out.begin(), out.end(), [](const ManifestSong& a, const ManifestSong& b) { return a.quality > b.quality; });
    out.resize(keptCount(fraction, out.size()));
    return out;
}

std::string Manifest::resolve(const ManifestAudio& audio) const
{
    if (audio.file.empty() || audio.file.front() == '/' || folder.empty())
        return audio.file;
    return folder + "/" + audio.file;
}

void writeManifest(const Manifest& m, const std::string& path)
{
    json songs = json::array();
    for (const ManifestSong& s : m.songs) {
        json sections = json::array();
        for (const ManifestSection& sec : s.sections)
            sections.push_back({{"label", sec.label}, {"start", sec.start}, {"end", sec.end}, {"captions", sec.captions}});
        json audio = json::array();
        for (const ManifestAudio& a : s.audio)
            audio.push_back({{"file", a.file}, {"group", a.group}});
        json song{{"id", s.id},         {"captions", s.captions}, {"tempo", s.tempo},     {"beatsPerBar", s.beatsPerBar},
                  {"downbeat", s.downbeat}, {"key", s.key},       {"quality", s.quality}, {"samples", s.samples},
                  {"sections", sections}, {"audio", audio}};
        if (s.targets.frames > 0)
            song["targets"] = targetsJson(s.targets);
        songs.push_back(std::move(song));
    }
    json dropped = json::array();
    for (const ManifestDrop& d : m.dropped)
        dropped.push_back({{"id", d.id}, {"reason", d.reason}});
    const json root{{"format", kFormat},       {"version", kVersion}, {"sampleRate", m.sampleRate}, {"hop", m.hop},
                    {"stemGroups", m.stemGroups}, {"songs", songs},     {"dropped", dropped}};
    const std::string error = core::writeFileAtomically(path, root.dump(1) + "\n");
    if (!error.empty())
        throw ManifestError("cannot write the manifest " + error);
}

Manifest readManifest(const std::string& path)
{
    const std::optional<std::string> text = readTextFile(path);
    if (!text)
        throw ManifestError(path + ": cannot be read");
    Manifest m;
    m.folder = folderOf(path);
    try {
        const json root = json::parse(*text);
        check(root.value("format", "") == kFormat, path, "not an s2a training manifest");
        check(root.value("version", 0) == kVersion, path, "manifest version " + std::to_string(root.value("version", 0)) +
                                                              " (this trainer reads version " + std::to_string(kVersion) + ")");
        m.sampleRate = root.at("sampleRate").get<int>();
        m.hop = root.at("hop").get<int64_t>();
        m.stemGroups = root.at("stemGroups").get<std::vector<std::string>>();
        check(m.sampleRate >= 8000 && m.sampleRate <= 192000, path, "sample rate out of range");
        check(m.hop > 0 && !m.stemGroups.empty(), path, "no hop or no stem groups");
        std::set<std::string> ids;
        for (const json& j : root.at("songs")) {
            ManifestSong s;
            s.id = j.at("id").get<std::string>();
            const std::string where = path + ": song " + s.id;
            // The trainer keys latents by id: a repeated one would silently train one song's latent twice.
            check(ids.insert(s.id).second, where, "the id is used twice");
            s.captions = j.at("captions").get<std::vector<std::string>>();
            s.tempo = j.at("tempo").get<double>();
            s.beatsPerBar = j.at("beatsPerBar").get<int>();
            s.downbeat = j.value("downbeat", 0.0);
            s.key = j.value("key", "");
            s.quality = j.value("quality", 1.0);
            s.samples = j.at("samples").get<int64_t>();
            check(!s.captions.empty(), where, "no caption");
            check(s.samples > 0 && s.samples <= int64_t(m.sampleRate) * 4 * 3600, where, "length out of range");
            check(std::isfinite(s.tempo) && s.tempo > 0.0 && s.tempo <= 400.0, where, "tempo out of range (the beat grid needs one)");
            for (const json& js : j.at("sections")) {
                ManifestSection sec{js.at("label").get<int>(), js.at("start").get<int64_t>(), js.at("end").get<int64_t>(),
                                    js.at("captions").get<std::vector<std::string>>()};
                check(sec.start >= 0 && sec.start < sec.end && sec.end <= s.samples, where, "a section lies outside the song");
                check(!sec.captions.empty(), where, "a section has no caption");
                s.sections.push_back(std::move(sec));
            }
            for (const json& ja : j.at("audio")) {
                ManifestAudio a{ja.at("file").get<std::string>(), ja.at("group").get<int>()};
                check(a.group >= 0 && a.group < int(m.stemGroups.size()), where,
                      "audio " + a.file + " names stem group " + std::to_string(a.group) + " of " +
                          std::to_string(m.stemGroups.size()));
                s.audio.push_back(std::move(a));
            }
            check(!s.audio.empty(), where, "no audio");
            if (j.contains("targets"))
                s.targets = targetsFrom(j.at("targets"), where);
            m.songs.push_back(std::move(s));
        }
        for (const json& j : root.value("dropped", json::array()))
            m.dropped.push_back({j.at("id").get<std::string>(), j.at("reason").get<std::string>()});
    } catch (const json::exception& e) {
        throw ManifestError(path + ": " + e.what());
    }
    return m;
}

}  // namespace s2a::training
