#pragma once

// A per-process scratch folder for the targets that must hand the code under test a real file (the loader and
// the decoder open paths, not buffers). It is made once under $TMPDIR, which tests/fuzz/run.sh points into the
// build folder, and removed at exit; each input overwrites the same file, so a long run leaves nothing behind.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fcntl.h>
#include <ftw.h>
#include <unistd.h>

namespace s2a::fuzz {

inline const std::string& scratchDir()
{
    static const std::string dir = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/s2a-fuzz-XXXXXX";
        if (!::mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            std::abort();  // a harness that cannot write its input would test nothing
        }
        std::atexit([] {
            ::nftw(scratchDir().c_str(), [](const char* p, const struct stat*, int, FTW*) { return ::remove(p); },
                   8, FTW_DEPTH | FTW_PHYS);
        });
        return pattern;
    }();
    return dir;
}

// Replaces `path` with exactly `size` bytes of `data`; aborts on a write error (disk full would otherwise
// look like a short, damaged input and hide the problem).
inline void writeWholeFile(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    std::size_t done = 0;
    while (fd >= 0 && done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n <= 0)
            break;
        done += std::size_t(n);
    }
    if (fd < 0 || done != size || ::close(fd) != 0) {
        std::perror(path.c_str());
        std::abort();
    }
}

}  // namespace s2a::fuzz
