#pragma once

#include <cstdint>

namespace s2a::test {

// What the audio callback must never do, counted inside it (inside a realtime::Scope, on any thread) and
// everywhere. Add RealtimeHooks.cpp to a test executable's sources to use it: it interposes the C allocator
// (malloc, calloc, realloc, the aligned forms; operator new and every container allocate through it), the
// pthread mutex and rwlock locks (std::mutex, std::shared_mutex), clock_gettime on clocks the vDSO does not
// serve (a system call, e.g. a thread's CPU clock), and output: write(), and stdio's fwrite, fputs, puts and
// printf family (qDebug and std::cerr end in write; a Qt log message also allocates). Under AddressSanitizer, which owns the allocator,
// allocations are counted by its malloc hook instead.
//
// Not seen: a lock taken without a call into libpthread (an uncontended QMutex is an atomic instruction; a
// contended one waits in the futex system call directly), and libc's internal writes (a buffered printf's
// flush inside libc), which the printf call itself is counted for.
std::uint64_t realtimeAllocations();
std::uint64_t allAllocations();
std::uint64_t realtimeLocks();
std::uint64_t allLocks();
std::uint64_t realtimeClockSystemCalls();
std::uint64_t allClockSystemCalls();
std::uint64_t realtimeOutputs();
std::uint64_t allOutputs();

}  // namespace s2a::test
