#pragma once

// Qt-free and torch-free: the safetensors file format (https://github.com/huggingface/safetensors), bytes
// only. Keeping torch out of this layer keeps the header parsing cheap to compile and testable on its own;
// the torch::Tensor side (readTensors / writeTensors, and strict module loading) is in WeightLoader.h.
//
// Layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON
//   {"__metadata__": {str: str}, "name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ..}
// then the raw little-endian tensor bytes; offsets count from the first byte after the header.

#include "inference/model/ModelResult.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace s2a::model {

// Every dtype the format names. LibTorch 1.13 has no U16/U32/U64/F8 types; those parse and validate but
// readTensors() refuses them with a message.
enum class SafeDType { Bool, U8, I8, I16, U16, I32, U32, I64, U64, F16, BF16, F32, F64, F8_E4M3, F8_E5M2 };

// "F32", "BF16", ... as written in the header.
const char* safeDTypeName(SafeDType dtype);
// Size of one element in bytes.
std::size_t safeDTypeSize(SafeDType dtype);
// false for a name the format does not define.
bool parseSafeDType(const std::string& name, SafeDType* dtype);

// One tensor as the header describes it; offsets are relative to the start of the data section.
struct SafeTensorInfo {
    std::string name;
    SafeDType dtype = SafeDType::F32;
    std::vector<std::int64_t> shape;  // empty = scalar
    std::uint64_t begin = 0;
    std::uint64_t end = 0;

    std::uint64_t elementCount() const;
    std::uint64_t byteSize() const { return end - begin; }
};

struct SafetensorsHeader {
    std::vector<SafeTensorInfo> tensors;  // sorted by name
    std::map<std::string, std::string> metadata;

    const SafeTensorInfo* find(const std::string& name) const;
};

// Parses and validates a header's JSON against a data section of `dataSize` bytes. Checks: valid JSON
// object; every entry has a known dtype, a shape of non-negative integers and two offsets; shape x dtype
// size equals the byte span; spans within the data and not overlapping; __metadata__ maps strings to
// strings. Gaps between spans and trailing bytes are tolerated (the reference writer never makes them).
// `fileName` only labels the error messages.
Result<SafetensorsHeader> parseSafetensorsHeader(const std::string& json, std::uint64_t dataSize,
                                                  const std::string& fileName);

// An open, validated safetensors file, memory-mapped read-only for its lifetime (move-only). Reading a
// 402M-parameter checkpoint this way costs no second copy of the file in memory; callers copy tensors out.
class SafetensorsFile {
public:
    // Errors name the file: cannot open, truncated, header length beyond the file, bad JSON, bad entries.
    static Result<SafetensorsFile> open(const std::string& path);

    SafetensorsFile(SafetensorsFile&& other) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&& other) noexcept;
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;
    ~SafetensorsFile();

    const std::string& path() const { return m_path; }
    const SafetensorsHeader& header() const { return m_header; }
    // The tensor's bytes inside the file's copy in memory (valid while this object lives); nullptr for an empty tensor.
    const std::uint8_t* data(const SafeTensorInfo& tensor) const;
    std::uint64_t fileSize() const { return m_size; }
    // SHA-256 (hex) of the whole file, hashed from its copy in memory: the id recorded in every take.
    std::string sha256() const;

private:
    SafetensorsFile() = default;
    void release();

    std::string m_path;
    SafetensorsHeader m_header;
    std::vector<std::uint8_t> m_bytes;  // the whole file, read at open (see open(): no mapping)
    const std::uint8_t* m_map = nullptr;
    std::uint64_t m_size = 0;
    std::uint64_t m_dataStart = 0;
};

// A tensor to write: the caller keeps `data` alive (contiguous, little-endian) for the call.
struct SafeTensorBytes {
    std::string name;
    SafeDType dtype = SafeDType::F32;
    std::vector<std::int64_t> shape;
    const void* data = nullptr;
    std::uint64_t size = 0;  // must equal element count x dtype size
};

// The header JSON that writeSafetensors() writes (with its padding), exposed for tests and tools:
// __metadata__ first, then tensors in name order with contiguous offsets in the same order, padded with
// spaces so the data starts 8-byte aligned, as the reference implementation does.
Result<std::string> buildSafetensorsHeader(const std::vector<SafeTensorBytes>& tensors,
                                           const std::map<std::string, std::string>& metadata,
                                           const std::string& fileName);

// Writes `path` atomically (a temporary file beside it, fsync, rename) and deterministically: the same
// tensors and metadata give the same bytes whatever their order in `tensors`. Returns the file's SHA-256,
// computed while writing. Errors: duplicate or reserved names, size not matching shape, I/O failures.
Result<std::string> writeSafetensors(const std::string& path, std::vector<SafeTensorBytes> tensors,
                                     const std::map<std::string, std::string>& metadata = {});

}  // namespace s2a::model
