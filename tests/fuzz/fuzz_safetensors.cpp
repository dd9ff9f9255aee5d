// The safetensors header parser, in the two ways weights reach it. Input: 8 bytes (little-endian) giving the
// size of the data section, then the header JSON. parseSafetensorsHeader checks the JSON against that size;
// what it accepts must keep its promises (spans inside the data, not overlapping, shape x dtype = span), and
// a small enough data section is then written as a real file (length, JSON, zero bytes) and opened through
// SafetensorsFile::open, whose tensor bytes are copied out whole so that ASan sees any read past the file.
#include "FuzzScratch.h"

#include "inference/model/Safetensors.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace s2a::model;

namespace {

// The promises of a header parseSafetensorsHeader accepted (Safetensors.h).
void checkAccepted(const SafetensorsHeader& header, std::uint64_t dataSize)
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;
    for (const SafeTensorInfo& t : header.tensors) {
        if (t.begin > t.end || t.end > dataSize)
            std::abort();
        if (t.byteSize() != t.elementCount() * safeDTypeSize(t.dtype))
            std::abort();
        for (std::int64_t d : t.shape)
            if (d < 0)
                std::abort();
        if (header.find(t.name) != &t)
            std::abort();  // sorted by name, names unique: find() is the lookup every loader uses
        spans.emplace_back(t.begin, t.end);
    }
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i)
        if (spans[i].first < spans[i - 1].second && spans[i].first != spans[i].second &&
            spans[i - 1].first != spans[i - 1].second)
            std::abort();  // two non-empty tensors share bytes
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 8)
        return 0;
    std::uint64_t dataSize = 0;
    for (int i = 7; i >= 0; --i)
        dataSize = (dataSize << 8) | data[i];
    const std::string json(reinterpret_cast<const char*>(data + 8), size - 8);

    const Result<SafetensorsHeader> header = parseSafetensorsHeader(json, dataSize, "fuzz.safetensors");
    if (!header) {
        if (header.error.empty())
            std::abort();
        return 0;
    }
    checkAccepted(*header, dataSize);
    if (dataSize > (1u << 16))
        return 0;  // the file round below would only write zeros

    std::vector<std::uint8_t> file(8 + json.size() + dataSize, 0);
    for (int i = 0; i < 8; ++i)
        file[std::size_t(i)] = std::uint8_t(std::uint64_t(json.size()) >> (8 * i));
    std::memcpy(file.data() + 8, json.data(), json.size());
    static const std::string path = s2a::fuzz::scratchDir() + "/input.safetensors";
    s2a::fuzz::writeWholeFile(path, file.data(), file.size());

    const Result<SafetensorsFile> opened = SafetensorsFile::open(path);
    if (!opened)
        std::abort();  // the same header over a data section of the size it was checked against must open
    std::vector<std::uint8_t> copy;
    for (const SafeTensorInfo& t : opened->header().tensors) {
        const std::uint8_t* bytes = opened->data(t);
        copy.assign(bytes, bytes + (bytes ? t.byteSize() : 0));
    }
    return 0;
}
