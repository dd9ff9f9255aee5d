// Replaces the global allocation functions of the test executable that compiles this file.
#include "AllocationCounter.h"

#include "core/playback/RealtimeScope.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::uint64_t> g_realtime{0};
std::atomic<std::uint64_t> g_all{0};

void* counted(std::size_t size)
{
    g_all.fetch_add(1, std::memory_order_relaxed);
    if (s2a::core::realtime::inCallback())
        g_realtime.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
}  // namespace

namespace s2a::test {
std::uint64_t realtimeAllocations() { return g_realtime.load(); }
std::uint64_t allAllocations() { return g_all.load(); }
}  // namespace s2a::test

void* operator new(std::size_t size) { return counted(size); }
void* operator new[](std::size_t size) { return counted(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
