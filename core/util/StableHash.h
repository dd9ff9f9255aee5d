#pragma once

// Hashes that must never change between runs, processes or platforms (seeds derived from text, per-step
// training seeds, replica checksums): std::hash and qHash promise neither. Standard library only, so the
// Qt-free trainer uses them too.
#include <cstdint>
#include <string_view>

namespace s2a::core {

// SplitMix64's finaliser: a good 64-bit mixer, used both to derive sub-seeds and as a generator step.
inline uint64_t mix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// FNV-1a over `bytes`, continuing from `hash` (the offset basis by default), so a hash can run over pieces.
inline uint64_t stableHash(std::string_view bytes, uint64_t hash = 0xcbf29ce484222325ull)
{
    for (char c : bytes) {
        hash ^= uint8_t(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

}  // namespace s2a::core
