#pragma once

// Qt-free and torch-free (any executable may include it): the process settings LibTorch's CPU path needs on a
// small machine. Both are read by the C library and OpenMP before main() runs, so a process that wants them
// re-executes itself once with them set (unless they are set already, or $S2A_NO_ENV_TUNING is; malloc
// tunables are added to a GLIBC_TUNABLES the machine sets for something else):
// - OMP_WAIT_POLICY=passive: idle OpenMP workers sleep instead of spinning, so they do not steal the cores of
//   the BLAS library's own threads during every matmul (~2x on the DiT on 2 cores), nor the UI's and the
//   audio callback's.
// - glibc malloc thresholds: keep freed tensor buffers in the heap instead of unmapping them, so the next
//   full-rate VAE activation does not page-fault its memory in again (~3x on the VAE's elementwise ops).
// bench/bench_model measures both (S2A_NO_ENV_TUNING=1 runs without them).

#include <string>

namespace s2a::model {

// Call first thing in main(). Returns only when no re-exec was needed or the exec failed (then the process
// runs as it is); otherwise the process image is replaced and main() starts again with the settings.
void reexecWithTunedEnvironment(char** argv);

// Whether this process runs with both settings.
bool environmentTuned();

// The GLIBC_TUNABLES value the re-exec sets, given the one the process has (null when unset): ours alone, or the
// existing one with ours appended when it sets neither malloc threshold (a machine that sets the variable for
// another tunable must not lose ours: without them tiny's 30 s generation ran at 7.1x real time instead of 22.4x,
// its decode 10x slower, much as an AVX2 machine reported it), or "" when nothing changes.
std::string tunedGlibcTunables(const char* existing);

}  // namespace s2a::model
