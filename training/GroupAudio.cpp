#include "training/GroupAudio.h"

#include <sndfile.h>

#include <algorithm>
#include <map>
#include <memory>

namespace s2a::training {

namespace {

struct Decoded {
    int channels = 0;
    std::vector<float> interleaved;
};

using File = std::unique_ptr<SNDFILE, int (*)(SNDFILE*)>;

File open(const std::string& path, int expectedRate, SF_INFO& info)
{
    info = SF_INFO{};
    File file(sf_open(path.c_str(), SFM_READ, &info), sf_close);
    if (!file)
        throw ManifestError(path + ": cannot be read as audio (" + sf_strerror(nullptr) + ")");
    if (info.channels < 1)
        throw ManifestError(path + ": holds no audio channels");
    if (info.samplerate != expectedRate)
        throw ManifestError(path + ": " + std::to_string(info.samplerate) + " Hz, but the manifest is " +
                            std::to_string(expectedRate) + " Hz (s2a-prepare resamples)");
    // The manifest bounds a song to 4 hours; a header claiming more is not read into memory.
    if (info.frames < 0 || info.frames > sf_count_t(expectedRate) * 4 * 3600)
        throw ManifestError(path + ": longer than 4 hours");
    return file;
}

// Frames [first, first + count) of the file, fewer where it ends.
Decoded decode(const std::string& path, int expectedRate, int64_t first, int64_t count)
{
    SF_INFO info;
    File file = open(path, expectedRate, info);
    Decoded d;
    d.channels = info.channels;
    const int64_t available = std::clamp<int64_t>(info.frames - first, 0, count);
    if (available == 0)
        return d;
    if (first > 0 && sf_seek(file.get(), first, SEEK_SET) != first) {
        // libFLAC's seek fails on some positions of some valid files (a frame its bisection cannot land on; seen
        // in a corpus FLAC that decodes whole and seeks elsewhere), and a failed seek leaves the decoder unusable.
        // Reopen and decode up to `first` instead: slower, and right.
        file = open(path, expectedRate, info);
        std::vector<float> skip(size_t(65536) * size_t(info.channels));
        for (int64_t left = first; left > 0;) {
            const sf_count_t got = sf_readf_float(file.get(), skip.data(), std::min<int64_t>(left, 65536));
            if (got <= 0)
                throw ManifestError(path + ": cannot read up to sample " + std::to_string(first) + " (" + sf_strerror(file.get()) + ")");
            left -= got;
        }
    }
    d.interleaved.resize(size_t(available) * size_t(info.channels));
    const sf_count_t got = sf_readf_float(file.get(), d.interleaved.data(), available);
    d.interleaved.resize(size_t(std::max<sf_count_t>(got, 0)) * size_t(info.channels));
    return d;
}

}  // namespace

GroupAudio loadGroupAudio(const Manifest& manifest, const ManifestSong& song, int64_t first, int64_t count)
{
    if (count < 0)
        count = std::max<int64_t>(0, song.samples - first);
    const size_t samples = size_t(count);
    GroupAudio groups(manifest.stemGroups.size(), std::vector<std::vector<float>>(2, std::vector<float>(samples, 0.0f)));
    // Silent stems of one song often share a file (bundles name audio by its hash): decode each file once.
    std::map<std::string, Decoded> decoded;
    for (const ManifestAudio& a : song.audio) {
        const std::string path = manifest.resolve(a);
        auto it = decoded.find(path);
        if (it == decoded.end())
            it = decoded.emplace(path, decode(path, manifest.sampleRate, first, count)).first;
        const Decoded& d = it->second;
        if (d.interleaved.empty())
            continue;
        const size_t frames = std::min(samples, d.interleaved.size() / size_t(d.channels));
        for (int c = 0; c < 2; ++c) {
            const size_t from = size_t(std::min(c, d.channels - 1));
            std::vector<float>& to = groups[size_t(a.group)][size_t(c)];
            for (size_t k = 0; k < frames; ++k)
                to[k] += d.interleaved[k * size_t(d.channels) + from];
        }
    }
    return groups;
}

void checkGroupAudio(const Manifest& manifest, const ManifestSong& song)
{
    for (const ManifestAudio& a : song.audio) {
        SF_INFO info;
        open(manifest.resolve(a), manifest.sampleRate, info);
    }
}

}  // namespace s2a::training
