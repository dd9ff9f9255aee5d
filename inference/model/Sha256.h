#pragma once

// Qt-free and torch-free: SHA-256 (FIPS 180-4) for the weights hash recorded in every take. Self-contained
// so the model library needs neither OpenSSL nor Qt's QCryptographicHash.

#include "inference/model/ModelResult.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace s2a::model {

// Streaming hasher: update() any number of times with chunks of any size, then hexDigest() once.
class Sha256 {
public:
    Sha256();

    void update(const void* data, std::size_t size);
    // 32 raw bytes; finishes the hash (further update() calls are a programming error).
    std::array<std::uint8_t, 32> digest();
    // 64 lower-case hex characters, as `sha256sum` prints them.
    std::string hexDigest();

    // One-shot helpers.
    static std::string hex(const void* data, std::size_t size);
    static std::string hex(const std::string& bytes) { return hex(bytes.data(), bytes.size()); }

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
    bool m_finished = false;
};

// Hex SHA-256 of a file's contents, read in chunks; the error names the file.
Result<std::string> sha256File(const std::string& path);

}  // namespace s2a::model
