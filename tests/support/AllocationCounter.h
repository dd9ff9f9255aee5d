#pragma once

#include <cstdint>

namespace s2a::test {

// Counts heap allocations made inside the audio callback (inside a realtime::Scope), on any thread. Include
// AllocationCounter.cpp in a test executable's sources (it replaces the global operator new) to use it.
std::uint64_t realtimeAllocations();
std::uint64_t allAllocations();

}  // namespace s2a::test
