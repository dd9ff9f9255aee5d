#include "inference/model/ProcessTuning.h"

#include <cstdlib>

#include <unistd.h>

namespace s2a::model {

namespace {
constexpr const char* kTunables = "glibc.malloc.mmap_threshold=2147483647:glibc.malloc.trim_threshold=4294967295";
}

void reexecWithTunedEnvironment(char** argv)
{
    if (std::getenv("S2A_NO_ENV_TUNING"))
        return;
    bool changed = false;
    if (!std::getenv("OMP_WAIT_POLICY")) {
        setenv("OMP_WAIT_POLICY", "passive", 1);
        changed = true;
    }
    if (!std::getenv("GLIBC_TUNABLES")) {
        setenv("GLIBC_TUNABLES", kTunables, 1);
        changed = true;
    }
    if (!changed)
        return;
    // The re-executed process must not loop should either variable be dropped by the loader.
    setenv("S2A_NO_ENV_TUNING", "1", 1);
    execv("/proc/self/exe", argv);
    // exec failed: run as is.
}

bool environmentTuned()
{
    return std::getenv("OMP_WAIT_POLICY") && std::getenv("GLIBC_TUNABLES");
}

}  // namespace s2a::model
