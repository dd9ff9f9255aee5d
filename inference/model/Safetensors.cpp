#include "inference/model/Safetensors.h"

#include "inference/model/ShapeText.h"

#include "inference/model/Sha256.h"

#include "core/persistence/AtomicWriter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <set>
#include <sstream>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// The format stores little-endian bytes and this code maps them straight into tensors.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "safetensors I/O assumes a little-endian host"
#endif

namespace s2a::model {

namespace {

struct DTypeRow {
    SafeDType dtype;
    const char* name;
    std::size_t size;
};

constexpr DTypeRow kDTypes[] = {
    {SafeDType::Bool, "BOOL", 1}, {SafeDType::U8, "U8", 1},     {SafeDType::I8, "I8", 1},
    {SafeDType::I16, "I16", 2},   {SafeDType::U16, "U16", 2},   {SafeDType::I32, "I32", 4},
    {SafeDType::U32, "U32", 4},   {SafeDType::I64, "I64", 8},   {SafeDType::U64, "U64", 8},
    {SafeDType::F16, "F16", 2},   {SafeDType::BF16, "BF16", 2}, {SafeDType::F32, "F32", 4},
    {SafeDType::F64, "F64", 8},   {SafeDType::F8_E4M3, "F8_E4M3", 1}, {SafeDType::F8_E5M2, "F8_E5M2", 1},
};

// The reference implementation refuses headers over 100 MB; a larger "length" is a corrupt file, and
// refusing it early avoids parsing garbage.
constexpr std::uint64_t kMaxHeaderSize = 100'000'000;

const DTypeRow& row(SafeDType dtype)
{
    for (const DTypeRow& r : kDTypes)
        if (r.dtype == dtype)
            return r;
    return kDTypes[0];
}


std::string spanText(std::uint64_t begin, std::uint64_t end)
{
    return "[" + std::to_string(begin) + ", " + std::to_string(end) + "]";
}

// Element count with overflow detection: a corrupt shape must not wrap around to a small number.
bool checkedElements(const std::vector<std::int64_t>& shape, std::uint64_t* count)
{
    std::uint64_t n = 1;
    for (std::int64_t d : shape) {
        if (d < 0)
            return false;
        const auto ud = static_cast<std::uint64_t>(d);
        if (ud != 0 && n > std::numeric_limits<std::uint64_t>::max() / ud)
            return false;
        n *= ud;
    }
    *count = n;
    return true;
}

using Json = nlohmann::json;

bool readU64(const Json& value, std::uint64_t* out)
{
    if (!value.is_number_integer() || (!value.is_number_unsigned() && value.get<std::int64_t>() < 0))
        return false;
    *out = value.get<std::uint64_t>();
    return true;
}

Result<SafeTensorInfo> parseEntry(const std::string& name, const Json& entry, const std::string& file)
{
    using R = Result<SafeTensorInfo>;
    const std::string where = file + ": tensor \"" + name + "\"";
    if (!entry.is_object())
        return R::failure(where + " is not a JSON object in the header.");
    SafeTensorInfo info;
    info.name = name;
    const auto dtype = entry.find("dtype");
    if (dtype == entry.end() || !dtype->is_string())
        return R::failure(where + " has no \"dtype\" string.");
    if (!parseSafeDType(dtype->get<std::string>(), &info.dtype))
        return R::failure(where + " has unknown dtype \"" + dtype->get<std::string>() + "\".");
    const auto shape = entry.find("shape");
    if (shape == entry.end() || !shape->is_array())
        return R::failure(where + " has no \"shape\" array.");
    for (const Json& d : *shape) {
        std::uint64_t v = 0;
        if (!readU64(d, &v) || v > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return R::failure(where + " has a shape entry that is not a non-negative integer: " + shape->dump() + ".");
        info.shape.push_back(static_cast<std::int64_t>(v));
    }
    const auto offsets = entry.find("data_offsets");
    if (offsets == entry.end() || !offsets->is_array() || offsets->size() != 2 || !readU64((*offsets)[0], &info.begin) ||
        !readU64((*offsets)[1], &info.end))
        return R::failure(where + " needs \"data_offsets\" as two non-negative integers [begin, end].");
    if (info.end < info.begin)
        return R::failure(where + " has data_offsets " + spanText(info.begin, info.end) + " that end before they begin.");
    std::uint64_t elements = 0;
    const std::size_t elementSize = safeDTypeSize(info.dtype);
    if (!checkedElements(info.shape, &elements) || elements > std::numeric_limits<std::uint64_t>::max() / elementSize)
        return R::failure(where + " has a shape " + shapeText(info.shape) + " too large to address.");
    if (elements * elementSize != info.byteSize())
        return R::failure(where + " has shape " + shapeText(info.shape) + " of " + safeDTypeName(info.dtype) + " (" +
                          std::to_string(elements * elementSize) + " bytes) but its data_offsets " +
                          spanText(info.begin, info.end) + " span " + std::to_string(info.byteSize()) + " bytes.");
    return R::success(std::move(info));
}

// Spans must not overlap and must lie inside the data. When every span is where a correct writer would put
// it (contiguous from 0) and only the end is missing, the file was cut short: say "truncated" rather than
// blaming the offsets.
Status checkSpans(const std::vector<SafeTensorInfo>& tensors, std::uint64_t dataSize, const std::string& file)
{
    std::vector<const SafeTensorInfo*> byOffset;
    for (const SafeTensorInfo& t : tensors)
        if (t.byteSize() > 0)
            byOffset.push_back(&t);
    std::sort(byOffset.begin(), byOffset.end(), [](const SafeTensorInfo* a, const SafeTensorInfo* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->name < b->name;
    });
    bool contiguous = true;
    std::uint64_t expectedBegin = 0;
    for (std::size_t i = 0; i < byOffset.size(); ++i) {
        const SafeTensorInfo& t = *byOffset[i];
        if (i > 0 && t.begin < byOffset[i - 1]->end)
            return Status::failure(file + ": tensors \"" + byOffset[i - 1]->name + "\" " +
                                   spanText(byOffset[i - 1]->begin, byOffset[i - 1]->end) + " and \"" + t.name + "\" " +
                                   spanText(t.begin, t.end) + " overlap.");
        contiguous = contiguous && t.begin == expectedBegin;
        expectedBegin = t.end;
    }
    // Empty tensors too: their offsets are still positions in the data, and a loader forms pointers from them.
    for (const SafeTensorInfo& empty : tensors)
        if (empty.byteSize() == 0 && empty.end > dataSize)
            return Status::failure(file + ": tensor \"" + empty.name + "\" has data_offsets " + spanText(empty.begin, empty.end) +
                                   " beyond the " + std::to_string(dataSize) + " bytes of tensor data.");
    for (const SafeTensorInfo* t : byOffset) {
        if (t->end <= dataSize)
            continue;
        if (contiguous)
            return Status::failure(file + " is truncated: the header describes " + std::to_string(byOffset.back()->end) +
                                   " bytes of tensor data but the file holds only " + std::to_string(dataSize) +
                                   " (tensor \"" + t->name + "\" is cut off).");
        return Status::failure(file + ": tensor \"" + t->name + "\" has data_offsets " + spanText(t->begin, t->end) +
                               " beyond the " + std::to_string(dataSize) + " bytes of tensor data.");
    }
    return Status::success();
}

}  // namespace

const char* safeDTypeName(SafeDType dtype) { return row(dtype).name; }

std::size_t safeDTypeSize(SafeDType dtype) { return row(dtype).size; }

bool parseSafeDType(const std::string& name, SafeDType* dtype)
{
    for (const DTypeRow& r : kDTypes)
        if (name == r.name) {
            *dtype = r.dtype;
            return true;
        }
    return false;
}

std::uint64_t SafeTensorInfo::elementCount() const
{
    std::uint64_t n = 0;
    return checkedElements(shape, &n) ? n : 0;
}

const SafeTensorInfo* SafetensorsHeader::find(const std::string& name) const
{
    const auto it = std::lower_bound(tensors.begin(), tensors.end(), name,
                                     [](const SafeTensorInfo& t, const std::string& n) { return t.name < n; });
    return it != tensors.end() && it->name == name ? &*it : nullptr;
}

Result<SafetensorsHeader> parseSafetensorsHeader(const std::string& json, std::uint64_t dataSize, const std::string& file)
{
    using R = Result<SafetensorsHeader>;
    // JSON allows a name twice in an object and nlohmann keeps the last one silently; in a header that would make
    // one tensor's description shadow another's, so a repeated name is refused (the spec forbids it too).
    std::vector<std::set<std::string>> names;
    std::string repeated;
    const Json::parser_callback_t noRepeats = [&](int, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start)
            names.emplace_back();
        else if (event == Json::parse_event_t::object_end && !names.empty())
            names.pop_back();
        else if (event == Json::parse_event_t::key && !names.empty() && !names.back().insert(parsed.get<std::string>()).second &&
                 repeated.empty())
            repeated = parsed.get<std::string>();
        return true;
    };
    const Json root = Json::parse(json, noRepeats, /*allow_exceptions=*/false);
    if (root.is_discarded())
        return R::failure(file + ": the header is not valid JSON.");
    if (!repeated.empty())
        return R::failure(file + ": the header names \"" + repeated + "\" twice.");
    if (!root.is_object())
        return R::failure(file + ": the header is JSON but not an object of tensors.");
    SafetensorsHeader header;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it->is_object())
                return R::failure(file + ": __metadata__ is not a JSON object.");
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (!m->is_string())
                    return R::failure(file + ": __metadata__ entry \"" + m.key() + "\" is not a string.");
                header.metadata[m.key()] = m->get<std::string>();
            }
            continue;
        }
        Result<SafeTensorInfo> entry = parseEntry(it.key(), *it, file);
        if (!entry)
            return R::failure(entry.error);
        header.tensors.push_back(std::move(*entry));
    }
    // nlohmann's object is a std::map, so the tensors already come in name order; sort anyway so find()'s
    // binary search does not depend on that.
    std::sort(header.tensors.begin(), header.tensors.end(),
              [](const SafeTensorInfo& a, const SafeTensorInfo& b) { return a.name < b.name; });
    if (Status spans = checkSpans(header.tensors, dataSize, file); !spans)
        return R::failure(spans.error);
    return R::success(std::move(header));
}

// ---- reading ----------------------------------------------------------------------------------------------

Result<SafetensorsFile> SafetensorsFile::open(const std::string& path)
{
    using R = Result<SafetensorsFile>;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return R::failure("Cannot open " + path + ": " + std::strerror(errno) + ".");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return R::failure(path + " is not a regular file.");
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size < 8) {
        ::close(fd);
        return R::failure(path + " is truncated: it has " + std::to_string(size) +
                          " bytes, fewer than the 8-byte header length a safetensors file starts with.");
    }
    // Read whole, not mapped: a mapped file that is truncated underneath (a copy still being written, a weights
    // file replaced on a network share) raised SIGBUS in the first memcpy from it and took the app down. A
    // file that shrinks while it is read here is a short read, reported as such.
    SafetensorsFile file;
    file.m_path = path;
    try {
        file.m_bytes.resize(size);
    } catch (const std::bad_alloc&) {
        ::close(fd);
        return R::failure("Cannot read " + path + ": " + std::to_string(size) + " bytes do not fit in memory.");
    }
    std::uint64_t done = 0;
    while (done < size) {
        const ssize_t got = ::pread(fd, file.m_bytes.data() + done, std::size_t(std::min<std::uint64_t>(size - done, 1u << 30)),
                                    off_t(done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        done += std::uint64_t(got);
    }
    ::close(fd);
    if (done != size)
        return R::failure(path + " could not be read whole (" + std::to_string(done) + " of " + std::to_string(size) +
                          " bytes): it was shortened or is unreadable.");
    file.m_map = file.m_bytes.data();
    file.m_size = size;
    std::uint64_t headerSize = 0;
    for (int i = 7; i >= 0; --i)
        headerSize = (headerSize << 8) | file.m_map[i];
    if (headerSize > size - 8)
        return R::failure(path + ": the header length (" + std::to_string(headerSize) +
                          " bytes) runs beyond the end of the file (" + std::to_string(size) +
                          " bytes); the file is truncated or not safetensors.");
    if (headerSize > kMaxHeaderSize)
        return R::failure(path + ": the header length (" + std::to_string(headerSize) +
                          " bytes) is over the format's 100 MB limit; the file is not safetensors.");
    file.m_dataStart = 8 + headerSize;
    const std::string json(reinterpret_cast<const char*>(file.m_map + 8), headerSize);
    Result<SafetensorsHeader> header = parseSafetensorsHeader(json, size - file.m_dataStart, path);
    if (!header)
        return R::failure(header.error);
    file.m_header = std::move(*header);
    return R::success(std::move(file));
}

SafetensorsFile::SafetensorsFile(SafetensorsFile&& other) noexcept { *this = std::move(other); }

SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&& other) noexcept
{
    if (this != &other) {
        release();
        m_path = std::move(other.m_path);
        m_header = std::move(other.m_header);
        m_bytes = std::move(other.m_bytes);
        m_map = std::exchange(other.m_map, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_dataStart = std::exchange(other.m_dataStart, 0);
    }
    return *this;
}

SafetensorsFile::~SafetensorsFile() { release(); }

void SafetensorsFile::release()
{
    m_bytes.clear();
    m_bytes.shrink_to_fit();
    m_map = nullptr;
}

const std::uint8_t* SafetensorsFile::data(const SafeTensorInfo& tensor) const
{
    return tensor.byteSize() == 0 ? nullptr : m_map + m_dataStart + tensor.begin;
}

std::string SafetensorsFile::sha256() const { return Sha256::hex(m_map, m_size); }

// ---- writing ----------------------------------------------------------------------------------------------

Result<std::string> buildSafetensorsHeader(const std::vector<SafeTensorBytes>& tensors,
                                           const std::map<std::string, std::string>& metadata, const std::string& file)
{
    using R = Result<std::string>;
    std::vector<const SafeTensorBytes*> sorted;
    for (const SafeTensorBytes& t : tensors)
        sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(), [](const SafeTensorBytes* a, const SafeTensorBytes* b) { return a->name < b->name; });
    nlohmann::ordered_json root = nlohmann::ordered_json::object();
    // The reference writes __metadata__ first and leaves it out when there is none.
    if (!metadata.empty())
        root["__metadata__"] = metadata;
    std::uint64_t offset = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const SafeTensorBytes& t = *sorted[i];
        if (t.name == "__metadata__")
            return R::failure(file + ": \"__metadata__\" is reserved and cannot name a tensor.");
        if (i > 0 && sorted[i - 1]->name == t.name)
            return R::failure(file + ": tensor \"" + t.name + "\" is given twice.");
        std::uint64_t elements = 0;
        if (!checkedElements(t.shape, &elements) || elements * safeDTypeSize(t.dtype) != t.size)
            return R::failure(file + ": tensor \"" + t.name + "\" has shape " + shapeText(t.shape) + " of " +
                              safeDTypeName(t.dtype) + " but " + std::to_string(t.size) + " bytes of data.");
        if (t.size > 0 && !t.data)
            return R::failure(file + ": tensor \"" + t.name + "\" has no data.");
        root[t.name] = {{"dtype", safeDTypeName(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.size}}};
        offset += t.size;
    }
    std::string json;
    try {
        json = root.dump();
    } catch (const nlohmann::json::exception&) {
        return R::failure(file + ": a tensor name or metadata entry is not valid UTF-8.");
    }
    // Pad with spaces (valid JSON whitespace) so the tensor data starts 8-byte aligned: 8 + N is a multiple
    // of 8. That is what the reference implementation does, and it lets a reader map f64/i64 tensors in place.
    json.append((8 - json.size() % 8) % 8, ' ');
    return R::success(std::move(json));
}

Result<std::string> writeSafetensors(const std::string& path, std::vector<SafeTensorBytes> tensors,
                                     const std::map<std::string, std::string>& metadata)
{
    using R = Result<std::string>;
    std::sort(tensors.begin(), tensors.end(), [](const SafeTensorBytes& a, const SafeTensorBytes& b) { return a.name < b.name; });
    Result<std::string> json = buildSafetensorsHeader(tensors, metadata, path);
    if (!json)
        return json;

    // Through the project's one atomic writer: a crash or a full disk leaves the old weights intact, never a
    // half-written file that a later load would report as corrupt.
    core::AtomicWriter writer(path);
    Sha256 hasher;
    const auto put = [&](const void* data, std::uint64_t size) {
        hasher.update(static_cast<const std::uint8_t*>(data), size);
        return writer.write(data, std::size_t(size));
    };
    std::uint8_t length[8];
    for (int i = 0; i < 8; ++i)
        length[i] = std::uint8_t(std::uint64_t(json->size()) >> (8 * i));
    bool ok = put(length, 8) && put(json->data(), json->size());
    for (std::size_t i = 0; ok && i < tensors.size(); ++i)
        ok = put(tensors[i].data, tensors[i].size);
    if (!writer.commit())
        return R::failure(writer.failedStage() == core::AtomicWriter::Stage::Create
                              ? "Cannot write " + path + ": " + writer.error() + "."
                              : "Writing " + path + " failed: " + writer.error() + ".");
    return R::success(hasher.hexDigest());
}

}  // namespace s2a::model
