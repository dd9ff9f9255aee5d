#include "inference/model/ProcessTuning.h"

#include <cstdlib>

#include <unistd.h>

namespace s2a::model {

namespace {
constexpr const char* kTunables = "glibc.malloc.mmap_threshold=2147483647:glibc.malloc.trim_threshold=4294967295";
}

std::string tunedGlibcTunables(const char* existing)
{
    if (!existing || !*existing)
        return kTunables;
    const std::string value(existing);
    if (value.find("glibc.malloc.mmap_threshold") != std::string::npos ||
        value.find("glibc.malloc.trim_threshold") != std::string::npos)
        return {};  // the user chose malloc thresholds: theirs stand
    return value + ":" + kTunables;
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
    if (const std::string tunables = tunedGlibcTunables(std::getenv("GLIBC_TUNABLES")); !tunables.empty()) {
        setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
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
    return std::getenv("OMP_WAIT_POLICY") && tunedGlibcTunables(std::getenv("GLIBC_TUNABLES")).empty();
}

}  // namespace s2a::model
