// Replaces the allocation, lock and clock entry points of the test executable that compiles this file: the
// executable's symbols come first in the dynamic lookup, so calls from every library (libstdc++'s operator
// new, PortAudio, Qt) land here and are forwarded to glibc's own functions.
#include "RealtimeHooks.h"

#include "core/playback/RealtimeScope.h"

#include <atomic>
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>
#include <pthread.h>
#include <unistd.h>

// Exported whatever the build's default visibility: the dynamic linker must find these before the libraries'.
#define S2A_INTERPOSED __attribute__((visibility("default")))

namespace {
std::atomic<std::uint64_t> g_realtimeAllocations{0}, g_allAllocations{0};
std::atomic<std::uint64_t> g_realtimeLocks{0}, g_allLocks{0};
std::atomic<std::uint64_t> g_realtimeClocks{0}, g_allClocks{0};
std::atomic<std::uint64_t> g_realtimeOutputs{0}, g_allOutputs{0};

void count(std::atomic<std::uint64_t>& all, std::atomic<std::uint64_t>& realtime)
{
    all.fetch_add(1, std::memory_order_relaxed);
    if (s2a::core::realtime::inCallback())
        realtime.fetch_add(1, std::memory_order_relaxed);
}

// The next definition of `name` after this executable's (libc's, or a sanitizer's interceptor), looked up once.
template <typename Function>
Function next(std::atomic<Function>& cache, const char* name)
{
    Function f = cache.load(std::memory_order_acquire);
    if (!f) {
        f = reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
        cache.store(f, std::memory_order_release);
    }
    return f;
}
}  // namespace

namespace s2a::test {
std::uint64_t realtimeAllocations() { return g_realtimeAllocations.load(); }
std::uint64_t allAllocations() { return g_allAllocations.load(); }
std::uint64_t realtimeLocks() { return g_realtimeLocks.load(); }
std::uint64_t allLocks() { return g_allLocks.load(); }
std::uint64_t realtimeClockSystemCalls() { return g_realtimeClocks.load(); }
std::uint64_t allClockSystemCalls() { return g_allClocks.load(); }
std::uint64_t realtimeOutputs() { return g_realtimeOutputs.load(); }
std::uint64_t allOutputs() { return g_allOutputs.load(); }
}  // namespace s2a::test

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer replaces the allocator; replacing it again would blind it. It calls this weak hook on every
// allocation when a program defines it (__sanitizer_install_malloc_and_free_hooks refuses in GCC 12's runtime).
extern "C" S2A_INTERPOSED void __sanitizer_malloc_hook(const volatile void*, std::size_t)
{
    count(g_allAllocations, g_realtimeAllocations);
}
#else
// glibc's allocator under its exported internal names (no dlsym: dlsym itself allocates).
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void* __libc_valloc(std::size_t);
void* __libc_pvalloc(std::size_t);
void __libc_free(void*);

S2A_INTERPOSED void* malloc(std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    return __libc_malloc(size);
}
S2A_INTERPOSED void* calloc(std::size_t n, std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    return __libc_calloc(n, size);
}
S2A_INTERPOSED void* realloc(void* p, std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    return __libc_realloc(p, size);
}
S2A_INTERPOSED void* memalign(std::size_t alignment, std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    return __libc_memalign(alignment, size);
}
S2A_INTERPOSED void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    return __libc_memalign(alignment, size);
}
S2A_INTERPOSED int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0)
        return 22;  // EINVAL
    void* p = __libc_memalign(alignment, size);
    if (!p)
        return 12;  // ENOMEM
    *out = p;
    return 0;
}
S2A_INTERPOSED void* valloc(std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    return __libc_valloc(size);
}
S2A_INTERPOSED void* pvalloc(std::size_t size) noexcept
{
    count(g_allAllocations, g_realtimeAllocations);
    return __libc_pvalloc(size);
}
S2A_INTERPOSED void free(void* p) noexcept { __libc_free(p); }
}
#endif

extern "C" {
using MutexFunction = int (*)(pthread_mutex_t*);
using RwlockFunction = int (*)(pthread_rwlock_t*);
using ClockFunction = int (*)(clockid_t, timespec*);
std::atomic<MutexFunction> g_mutexLock{nullptr}, g_mutexTryLock{nullptr};
std::atomic<RwlockFunction> g_readLock{nullptr}, g_writeLock{nullptr};
std::atomic<ClockFunction> g_clock{nullptr};

S2A_INTERPOSED int pthread_mutex_lock(pthread_mutex_t* m) noexcept
{
    count(g_allLocks, g_realtimeLocks);
    return next(g_mutexLock, "pthread_mutex_lock")(m);
}
S2A_INTERPOSED int pthread_mutex_trylock(pthread_mutex_t* m) noexcept
{
    count(g_allLocks, g_realtimeLocks);
    return next(g_mutexTryLock, "pthread_mutex_trylock")(m);
}
S2A_INTERPOSED int pthread_rwlock_rdlock(pthread_rwlock_t* l) noexcept
{
    count(g_allLocks, g_realtimeLocks);
    return next(g_readLock, "pthread_rwlock_rdlock")(l);
}
S2A_INTERPOSED int pthread_rwlock_wrlock(pthread_rwlock_t* l) noexcept
{
    count(g_allLocks, g_realtimeLocks);
    return next(g_writeLock, "pthread_rwlock_wrlock")(l);
}
S2A_INTERPOSED int clock_gettime(clockid_t clock, timespec* out) noexcept
{
    // The clocks the vDSO serves without entering the kernel; any other is a system call.
    const bool vdso = clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC || clock == CLOCK_REALTIME_COARSE ||
                      clock == CLOCK_MONOTONIC_COARSE || clock == CLOCK_BOOTTIME || clock == CLOCK_MONOTONIC_RAW;
    if (!vdso)
        count(g_allClocks, g_realtimeClocks);
    return next(g_clock, "clock_gettime")(clock, out);
}

// Output: the ways code logs (stdio, iostreams' and Qt's final write) and any direct write to a descriptor.
using WriteFunction = ssize_t (*)(int, const void*, std::size_t);
using FwriteFunction = std::size_t (*)(const void*, std::size_t, std::size_t, FILE*);
using FputsFunction = int (*)(const char*, FILE*);
using PutsFunction = int (*)(const char*);
using VfprintfFunction = int (*)(FILE*, const char*, va_list);
std::atomic<WriteFunction> g_write{nullptr};
std::atomic<FwriteFunction> g_fwrite{nullptr};
std::atomic<FputsFunction> g_fputs{nullptr};
std::atomic<PutsFunction> g_puts{nullptr};
std::atomic<VfprintfFunction> g_vfprintf{nullptr};

S2A_INTERPOSED ssize_t write(int fd, const void* data, std::size_t size)
{
    count(g_allOutputs, g_realtimeOutputs);
    return next(g_write, "write")(fd, data, size);
}
S2A_INTERPOSED std::size_t fwrite(const void* data, std::size_t size, std::size_t n, FILE* f)
{
    count(g_allOutputs, g_realtimeOutputs);
    return next(g_fwrite, "fwrite")(data, size, n, f);
}
S2A_INTERPOSED int fputs(const char* text, FILE* f)
{
    count(g_allOutputs, g_realtimeOutputs);
    return next(g_fputs, "fputs")(text, f);
}
S2A_INTERPOSED int puts(const char* text)
{
    count(g_allOutputs, g_realtimeOutputs);
    return next(g_puts, "puts")(text);
}
S2A_INTERPOSED int vfprintf(FILE* f, const char* format, va_list args)
{
    count(g_allOutputs, g_realtimeOutputs);
    return next(g_vfprintf, "vfprintf")(f, format, args);
}
S2A_INTERPOSED int fprintf(FILE* f, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    const int written = vfprintf(f, format, args);
    va_end(args);
    return written;
}
S2A_INTERPOSED int printf(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    const int written = vfprintf(stdout, format, args);
    va_end(args);
    return written;
}
}
